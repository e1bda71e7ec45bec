//! The organisation at a glance, shown when no unit is selected: its own fields (editable),
//! legal texts, budget programmes, headcount and the count of units by kind.

use crate::app::OrgApp;
use crate::doc::{Edit, Header};
use crate::model::Organisation;
use eframe::egui;

pub fn show(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    ui.heading(lang.pick("Organisation", "Organisation"));
    let org = &app.doc.org;
    let mut header = Organisation {
        units: Vec::new(),
        bodies: Vec::new(),
        relations: Vec::new(),
        entities: Vec::new(),
        ..org.clone()
    };
    let mut field = None;
    let mut sealed = false;
    for (label, value, key) in [
        (lang.pick("Nom", "Name"), &mut header.name, "org-name"),
        (
            lang.pick("Sigle", "Acronym"),
            &mut header.acronym,
            "org-acronym",
        ),
        (
            lang.pick("Administration", "Administration"),
            &mut header.administration,
            "org-administration",
        ),
        (
            lang.pick("Adresse", "Address"),
            &mut header.address,
            "org-address",
        ),
        (
            lang.pick("Description", "Description"),
            &mut header.description,
            "org-description",
        ),
    ] {
        ui.label(label);
        let r = ui.add(
            egui::TextEdit::multiline(value)
                .desired_rows(1)
                .desired_width(ui.available_width())
                .id_salt(key),
        );
        if r.changed() {
            field = Some(key);
        }
        sealed |= r.lost_focus();
    }
    if let Some(key) = field {
        app.edit(
            Edit::SetHeader(Box::new(Header(header))),
            lang.pick("Modifier l'organisation", "Edit organisation"),
            Some(key),
        );
    }
    if sealed {
        app.doc.seal();
    }
    let org = &app.doc.org;
    ui.separator();
    if let Some(h) = &org.headcount {
        let date = if h.date.is_empty() {
            String::new()
        } else {
            format!(" ({} {})", lang.pick("au", "as of"), h.date)
        };
        ui.label(format!(
            "{} : {}{date}",
            lang.pick("Effectif", "Headcount"),
            crate::scene::group_digits(h.count)
        ));
        if !h.note.is_empty() {
            ui.weak(&h.note);
        }
    }
    if !org.legal_texts.is_empty() {
        ui.heading(lang.pick("Textes", "Legal texts"));
        for t in &org.legal_texts {
            let mut line = t.reference.clone();
            if !t.title.is_empty() {
                line.push_str(&format!(" — {}", t.title));
            }
            ui.label(line);
            if !t.source.is_empty() {
                ui.weak(format!("{} {}", lang.pick("Source :", "Source:"), t.source));
            }
            if !t.url.is_empty() {
                // Shown, never fetched: the user may follow it.
                ui.hyperlink_to(&t.url, &t.url);
            }
        }
    }
    if !org.budget_programmes.is_empty() {
        ui.heading(lang.pick("Programmes budgétaires", "Budget programmes"));
        for p in &org.budget_programmes {
            let number = if p.number.is_empty() {
                String::new()
            } else {
                format!("{} {} : ", lang.pick("Programme", "Programme"), p.number)
            };
            ui.label(format!("{number}{}", p.title));
        }
    }
    ui.heading(lang.pick("Unités par type", "Units by kind"));
    let mut counts: Vec<(String, usize, usize)> = Vec::new();
    for u in &org.units {
        let label = u.kind.label(lang).to_string();
        match counts.iter_mut().find(|c| c.0 == label) {
            Some(c) => c.1 += 1,
            None => counts.push((label, 1, u.kind.rank())),
        }
    }
    counts.sort_by_key(|c| c.2);
    egui::Grid::new("kinds").striped(true).show(ui, |ui| {
        for (label, n, _) in counts {
            ui.label(label);
            ui.label(n.to_string());
            ui.end_row();
        }
    });
    if !org.bodies.is_empty() {
        ui.heading(lang.pick("Instances de coordination", "Coordination bodies"));
        for b in &org.bodies {
            let chair = b
                .chair
                .as_ref()
                .map(|c| {
                    format!(
                        " — {} {}",
                        lang.pick("présidence :", "chair:"),
                        org.label_of(c)
                    )
                })
                .unwrap_or_default();
            let cadence = if b.cadence.is_empty() {
                String::new()
            } else {
                format!(" — {}", b.cadence)
            };
            ui.label(format!("{}{chair}{cadence}", b.name));
        }
    }
    if !org.entities.is_empty() {
        ui.heading(lang.pick("Entités extérieures", "Outside entities"));
        for e in &org.entities {
            ui.label(if e.acronym.is_empty() {
                e.name.clone()
            } else {
                format!("{} — {}", e.acronym, e.name)
            });
        }
    }
}
