//! The organisation at a glance, shown when nothing is selected: its own fields (editable),
//! legal texts, budget programmes, headcount and the count of units by kind.

use super::{Action, PanelContext};
use crate::doc::Header;
use eframe::egui;

pub fn show(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.heading(lang.pick("Organisation", "Organisation"));
    let org = cx.org();
    let mut header = Header::of(org);
    let mut edits = super::FieldEdits::default();
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
        let one_line = matches!(key, "org-name" | "org-acronym");
        let r = ui.add(
            egui::TextEdit::multiline(value)
                .desired_rows(1)
                .desired_width(ui.available_width())
                .id_salt(key),
        );
        if one_line {
            // A name is one line (a line break would be saved): Enter ends the field.
            super::one_line(value);
        }
        edits.watch(&r, key);
    }
    logo(cx, ui, &mut header.logo, &mut edits, out);
    if let Some(key) = edits.field {
        out.push(Action::SetHeader(
            Box::new(Header(header)),
            Some(key.to_string()),
        ));
    }
    if edits.sealed {
        out.push(Action::Seal);
    }
    ui.separator();
    if let Some(h) = &org.headcount {
        let date = if h.date.is_empty() {
            String::new()
        } else {
            format!(" ({} {})", lang.pick("au", "as of"), h.date)
        };
        ui.label(format!(
            "{}{}{date}",
            lang.pick("Effectif : ", "Headcount: "),
            crate::scene::group_digits(h.count)
        ));
        if !h.note.is_empty() {
            ui.weak(&h.note);
        }
    }
    ui.heading(lang.pick("Unités par type", "Units by kind"));
    // Shown every frame: counted by kind without allocating per unit.
    let mut counts: Vec<(&crate::model::UnitKind, usize)> = Vec::new();
    for u in &org.units {
        match counts.iter_mut().find(|c| *c.0 == u.kind) {
            Some(c) => c.1 += 1,
            None => counts.push((&u.kind, 1)),
        }
    }
    counts.sort_by_key(|c| c.0.rank());
    egui::Grid::new("kinds").striped(true).show(ui, |ui| {
        for (kind, n) in counts {
            ui.label(kind.label(lang));
            ui.label(n.to_string());
            ui.end_row();
        }
    });
    let (n_texts, n_bodies, n_entities) =
        (org.legal_texts.len(), org.bodies.len(), org.entities.len());
    ui.separator();
    egui::CollapsingHeader::new(format!(
        "{} ({n_texts})",
        lang.pick(
            "Textes et programmes budgétaires",
            "Legal texts and budget programmes"
        )
    ))
    .id_salt("texts")
    .show(ui, |ui| super::texts::texts(cx, ui, out));
    egui::CollapsingHeader::new(format!(
        "{} ({n_bodies})",
        lang.pick("Instances de coordination", "Coordination bodies")
    ))
    .id_salt("bodies")
    .show(ui, |ui| super::registry::bodies(cx, ui, out));
    egui::CollapsingHeader::new(format!(
        "{} ({n_entities})",
        lang.pick("Entités extérieures", "Outside entities")
    ))
    .id_salt("entities")
    .show(ui, |ui| super::registry::entities(cx, ui, out));
}

/// The logo's path, a button to choose the picture, and why it cannot be shown, if so.
fn logo(
    cx: &PanelContext,
    ui: &mut egui::Ui,
    value: &mut String,
    edits: &mut super::FieldEdits<&'static str>,
    out: &mut Vec<Action>,
) {
    let lang = cx.lang;
    ui.label(lang.pick("Logo", "Logo"))
        .on_hover_text(lang.pick(
            "Image PNG, JPEG ou SVG dessinée en tête du schéma ; chemin relatif au dossier du document",
            "PNG, JPEG or SVG picture drawn at the head of the chart; path relative to the document's folder",
        ));
    ui.horizontal(|ui| {
        let choose = ui.button(Action::ChooseLogo.label(lang));
        let r = ui.add(
            egui::TextEdit::singleline(value)
                .desired_width(ui.available_width())
                .hint_text(lang.pick("aucun", "none"))
                .id_salt("org-logo"),
        );
        super::one_line(value);
        edits.watch(&r, "org-logo");
        if choose.clicked() {
            out.push(Action::ChooseLogo);
        }
    });
    if let Some(why) = cx.logo_problem {
        ui.colored_label(ui.visuals().error_fg_color, why.get(lang));
    }
}
