//! The inspector: the selected unit's details, all editable, or the organisation's summary
//! when nothing is selected. Each field edits a copy and commits it as one edit; typing in one
//! field merges into one undo step until the field loses focus.

use crate::app::OrgApp;
use crate::doc::ops;
use crate::model::{Citation, Mission, Relation, RelationKind, Unit, UnitKind};
use eframe::egui;

type Changes = super::FieldEdits<&'static str>;

pub fn show(app: &mut OrgApp, ui: &mut egui::Ui) {
    egui::Panel::right("inspector")
        .default_size(360.0)
        .size_range(240.0..=560.0)
        .resizable(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| match app.selected_unit() {
                    Some(i) => unit(app, ui, i),
                    None => super::summary::show(app, ui),
                });
        });
}

fn unit(app: &mut OrgApp, ui: &mut egui::Ui, i: usize) {
    let lang = app.lang();
    let mut u = app.doc.org().units[i].clone();
    let mut changes = Changes::default();
    ui.heading(lang.pick("Unité", "Unit"));
    ui.label(lang.pick("Nom", "Name"));
    let name = name_field(ui, &mut u.name, std::mem::take(&mut app.focus_name));
    changes.watch(&name, "name");
    let name_key = format!("{}:name", u.id);
    if name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        // Escape takes back what was typed in the name since the field took the focus.
        app.doc.cancel_typing(&name_key);
        changes.field = None;
        u.name = app.doc.org().units[i].name.clone();
    }
    changes.text(ui, lang.pick("Sigle", "Acronym"), &mut u.acronym, "acronym");
    ui.label(lang.pick("Type", "Kind"));
    let before = u.kind.clone();
    egui::ComboBox::from_id_salt("kind")
        .selected_text(u.kind.label(lang).to_string())
        .show_ui(ui, |ui| {
            for k in UnitKind::ALL {
                ui.selectable_value(&mut u.kind, k.clone(), k.label(lang));
            }
            if !matches!(u.kind, UnitKind::Other(_))
                && ui
                    .selectable_label(false, lang.pick("Autre…", "Other…"))
                    .clicked()
            {
                u.kind = UnitKind::Other(lang.pick("Autre", "Other").into());
            }
        });
    if let UnitKind::Other(label) = &mut u.kind {
        let r = ui.add(egui::TextEdit::singleline(label).id_salt("kind-other"));
        changes.watch(&r, "kind");
    }
    if u.kind != before && changes.field.is_none() {
        changes.field = Some("kind");
        changes.sealed = true;
    }
    staff_checkbox(ui, &mut u, &mut changes, lang);
    changes.text(
        ui,
        lang.pick("Titre du responsable", "Head's title"),
        &mut u.head.title,
        "head-title",
    );
    changes.text(
        ui,
        lang.pick("Nom du responsable", "Head's name"),
        &mut u.head.name,
        "head-name",
    );
    ui.label(lang.pick("Effectif", "Headcount"));
    let mut count = u.headcount.map(|n| n.to_string()).unwrap_or_default();
    let r = ui.add(
        egui::TextEdit::singleline(&mut count)
            .desired_width(80.0)
            .id_salt("headcount"),
    );
    if r.changed() {
        match count.trim() {
            "" => u.headcount = None,
            t => {
                if let Ok(n) = t.replace([' ', '\u{a0}'], "").parse() {
                    u.headcount = Some(n);
                }
            }
        }
    }
    changes.watch(&r, "headcount");
    let new_parent = parent_picker(app, ui, i);
    ui.separator();
    missions(ui, &mut u, &mut changes, lang);
    ui.separator();
    ui.label(lang.pick("Notes", "Notes"));
    let r = ui.add(
        egui::TextEdit::multiline(&mut u.notes)
            .desired_width(ui.available_width())
            .id_salt("notes"),
    );
    changes.watch(&r, "notes");
    if u.name.trim().is_empty() {
        // A unit needs a name (a file with a nameless unit is refused): keep the last one.
        changes.field = None;
    }
    if let Some(field) = changes.field {
        let key = format!("{}:{field}", u.id);
        let label = format!(
            "{} {}",
            lang.pick("Modifier", "Edit"),
            lang.quote(field_label(field, lang))
        );
        if let Some(edit) = ops::set_unit(app.doc.hierarchy(), u) {
            app.edit(edit, &label, Some(&key));
        }
    }
    if changes.sealed {
        app.doc.seal();
    }
    if let Some(j) = new_parent {
        match ops::reparent(app.doc.org(), app.doc.hierarchy(), i, j) {
            Ok(edit) => app.edit(edit, lang.pick("Rattacher l'unité", "Reparent unit"), None),
            Err(e) => app.set_status(e.message(lang), true),
        }
    }
    ui.separator();
    relations(app, ui, i);
    bodies(app, ui, i);
}

/// The unit's name: one line (Enter confirms, a pasted line break becomes a space). With
/// `select_all`, as for a new unit, it takes the focus with its text selected, so that typing
/// replaces « Nouvelle unité ».
fn name_field(ui: &mut egui::Ui, name: &mut String, select_all: bool) -> egui::Response {
    let mut output = egui::TextEdit::singleline(name)
        .desired_width(ui.available_width())
        .id_salt("name")
        .show(ui);
    super::one_line(name);
    if select_all {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(name.chars().count()),
        );
        output.state.cursor.set_char_range(Some(all));
        output.state.store(ui.ctx(), output.response.response.id);
        output.response.response.request_focus();
    }
    output.response.response
}

/// Staff of the parent (adjoint, cabinet): drawn beside the head, not in the operational row.
/// A root has no head to stand beside, so the box is disabled there.
fn staff_checkbox(ui: &mut egui::Ui, u: &mut Unit, changes: &mut Changes, lang: crate::i18n::Lang) {
    let label = lang.pick(
        "Rattachement d'état-major (à côté du responsable)",
        "Staff position (beside the head)",
    );
    let r = ui.add_enabled(u.parent.is_some(), egui::Checkbox::new(&mut u.staff, label));
    if r.changed() {
        changes.field = Some("staff");
        changes.sealed = true;
    }
}

fn field_label(field: &str, lang: crate::i18n::Lang) -> &'static str {
    match field {
        "name" => lang.pick("nom", "name"),
        "acronym" => lang.pick("sigle", "acronym"),
        "kind" => lang.pick("type", "kind"),
        "head-title" | "head-name" => lang.pick("responsable", "head"),
        "headcount" => lang.pick("effectif", "headcount"),
        "notes" => lang.pick("notes", "notes"),
        "staff" => lang.pick("rattachement d'état-major", "staff position"),
        _ => lang.pick("missions", "missions"),
    }
}

/// The parent chosen in the picker this frame, applied by the caller after the unit's own
/// edit (which was copied before the choice and would otherwise undo it).
fn parent_picker(app: &OrgApp, ui: &mut egui::Ui, i: usize) -> Option<usize> {
    let lang = app.lang();
    let org = app.doc.org();
    let current = org.units[i]
        .parent
        .as_ref()
        .map(|p| org.label_of(p))
        .unwrap_or_else(|| lang.pick("(aucune : racine)", "(none: root)").into());
    let mut chosen = None;
    ui.label(lang.pick("Rattachée à", "Reports to"));
    egui::ComboBox::from_id_salt("parent")
        .truncate()
        .selected_text(current)
        .width(ui.available_width().min(320.0))
        .show_ui(ui, |ui| {
            // Only while the list is open: it costs a walk of the whole hierarchy.
            let mut below = vec![false; org.units.len()];
            for d in app.doc.hierarchy().descendants(i) {
                below[d] = true;
            }
            for (j, other) in org.units.iter().enumerate() {
                if j != i && !below[j] && ui.selectable_label(false, &other.name).clicked() {
                    chosen = Some(j);
                }
            }
        });
    chosen
}

fn missions(ui: &mut egui::Ui, u: &mut Unit, changes: &mut Changes, lang: crate::i18n::Lang) {
    ui.heading(lang.pick("Missions", "Missions"));
    let mut action: Option<(usize, i8)> = None;
    for (n, m) in u.missions.iter_mut().enumerate() {
        ui.push_id(n, |ui| {
            let r = ui.add(
                egui::TextEdit::multiline(&mut m.text)
                    .desired_width(ui.available_width())
                    .desired_rows(3),
            );
            changes.watch(&r, "missions");
            ui.horizontal(|ui| {
                let mut source = m.source.clone().unwrap_or_default();
                let r1 = ui.add(
                    egui::TextEdit::singleline(&mut source.text)
                        .hint_text(lang.pick("Source", "Source"))
                        .desired_width(170.0),
                );
                let r2 = ui.add(
                    egui::TextEdit::singleline(&mut source.article)
                        .hint_text(lang.pick("Art.", "Art."))
                        .desired_width(40.0),
                );
                changes.watch(&r1, "missions");
                changes.watch(&r2, "missions");
                if r1.changed() || r2.changed() {
                    m.source = (!source.text.is_empty() || !source.article.is_empty())
                        .then_some(Citation { ..source });
                }
                if ui
                    .small_button("↑")
                    .on_hover_text(lang.pick("Monter", "Move up"))
                    .clicked()
                {
                    action = Some((n, -1));
                }
                if ui
                    .small_button("↓")
                    .on_hover_text(lang.pick("Descendre", "Move down"))
                    .clicked()
                {
                    action = Some((n, 1));
                }
                if ui
                    .small_button("🗑")
                    .on_hover_text(lang.pick("Supprimer ce paragraphe", "Remove this paragraph"))
                    .clicked()
                {
                    action = Some((n, 0));
                }
            });
            ui.add_space(6.0);
        });
    }
    if let Some((n, dir)) = action {
        match dir {
            0 => drop(u.missions.remove(n)),
            -1 if n > 0 => u.missions.swap(n, n - 1),
            1 if n + 1 < u.missions.len() => u.missions.swap(n, n + 1),
            _ => {}
        }
        changes.field = Some("missions");
        changes.sealed = true;
    }
    if ui
        .button(lang.pick("+ Ajouter un paragraphe", "+ Add a paragraph"))
        .clicked()
    {
        u.missions.push(Mission::default());
        changes.field = Some("missions");
        changes.sealed = true;
    }
}

fn relations(app: &mut OrgApp, ui: &mut egui::Ui, i: usize) {
    let lang = app.lang();
    let id = app.doc.org().units[i].id.clone();
    ui.heading(lang.pick("Relations", "Relations"));
    let mut remove = None;
    for rel in app
        .doc
        .org()
        .relations
        .iter()
        .filter(|r| r.from == id || r.to == id)
    {
        ui.horizontal_wrapped(|ui| {
            let other = if rel.from == id { &rel.to } else { &rel.from };
            let label = if rel.label.is_empty() {
                String::new()
            } else {
                format!(" — {}", rel.label)
            };
            ui.label(format!(
                "{} → {}{label}",
                rel.kind.label(lang),
                app.doc.org().label_of(other)
            ));
            if ui.small_button("🗑").clicked() {
                remove = Some(rel.clone());
            }
        });
    }
    if let Some(edit) = remove.and_then(|r| ops::remove_relation(app.doc.org(), &r)) {
        app.edit(
            edit,
            lang.pick("Supprimer la relation", "Remove relation"),
            None,
        );
    }
    let mut added = None;
    ui.menu_button(
        lang.pick("+ Ajouter une relation", "+ Add a relation"),
        |ui| {
            let org = app.doc.org();
            let targets = org.entities.iter().map(|e| (&e.id, &e.name)).chain(
                org.units
                    .iter()
                    .filter(|u| u.id != id)
                    .map(|u| (&u.id, &u.name)),
            );
            for (target, name) in targets {
                ui.menu_button(name, |ui| {
                    for kind in RelationKind::ALL {
                        if ui.button(kind.label(lang)).clicked() {
                            added = Some(Relation {
                                from: id.clone(),
                                to: target.clone(),
                                kind: kind.clone(),
                                ..Default::default()
                            });
                            ui.close();
                        }
                    }
                });
            }
        },
    );
    if let Some(rel) = added {
        let edit = ops::add_relation(app.doc.org(), rel);
        app.edit(
            edit,
            lang.pick("Ajouter une relation", "Add a relation"),
            None,
        );
    }
}

fn bodies(app: &mut OrgApp, ui: &mut egui::Ui, i: usize) {
    let lang = app.lang();
    let org = app.doc.org();
    let id = &org.units[i].id;
    let seats: Vec<String> = org
        .bodies
        .iter()
        .filter_map(|b| {
            let chair = b.chair.as_ref() == Some(id);
            (chair || b.members.contains(id)).then(|| {
                let role = if chair {
                    lang.pick("préside", "chairs")
                } else {
                    lang.pick("membre", "member")
                };
                let cadence = if b.cadence.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", b.cadence)
                };
                format!("{role} : {}{cadence}", b.name)
            })
        })
        .collect();
    if !seats.is_empty() {
        ui.heading(lang.pick("Instances", "Bodies"));
        for s in seats {
            ui.label(s);
        }
    }
}
