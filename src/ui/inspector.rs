//! The inspector: the selected unit's, body's or entity's details, all editable, or the
//! organisation's summary when nothing is selected. Each field edits a copy, sent as one
//! action; typing in one field merges into one undo step until the field loses focus.

use super::action::Field;
use super::{Action, PanelContext, Selection};
use crate::model::{Citation, Mission, Relation, RelationKind, Target, Unit, UnitKind};
use eframe::egui;

type Changes = super::FieldEdits<Field>;

pub fn show(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    egui::Panel::right("inspector")
        .default_size(360.0)
        .size_range(240.0..=560.0)
        .resizable(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| match cx.selected {
                    Some(Target::Unit(i)) => unit(cx, ui, i, out),
                    Some(Target::Body(b)) => super::registry::body(cx, ui, b, out),
                    Some(Target::Entity(e)) => super::registry::entity(cx, ui, e, out),
                    None => super::summary::show(cx, ui, out),
                });
        });
}

fn unit(cx: &PanelContext, ui: &mut egui::Ui, i: usize, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let mut u = cx.org().units[i].clone();
    let mut changes = Changes::default();
    ui.heading(lang.pick("Unité", "Unit"));
    ui.label(lang.pick("Nom", "Name"));
    let name = name_field(ui, &mut u.name, cx.focus_name);
    changes.watch(&name, Field::Name);
    if name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        // Escape takes back what was typed in the name since the field took the focus.
        out.push(Action::CancelTyping(Field::Name.typing_key(&u.id)));
        changes.field = None;
        u.name = cx.org().units[i].name.clone();
    }
    changes.text(
        ui,
        lang.pick("Sigle", "Acronym"),
        &mut u.acronym,
        Field::Acronym,
    );
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
        changes.watch(&r, Field::Kind);
    }
    if u.kind != before && changes.field.is_none() {
        changes.field = Some(Field::Kind);
        changes.sealed = true;
    }
    staff_checkbox(ui, &mut u, &mut changes, lang);
    changes.text(
        ui,
        lang.pick("Titre du responsable", "Head's title"),
        &mut u.head.title,
        Field::HeadTitle,
    );
    changes.text(
        ui,
        lang.pick("Nom du responsable", "Head's name"),
        &mut u.head.name,
        Field::HeadName,
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
    changes.watch(&r, Field::Headcount);
    let new_parent = parent_picker(cx, ui, i);
    ui.separator();
    missions(ui, &mut u, cx.org(), &mut changes, lang);
    ui.separator();
    ui.label(lang.pick("Notes", "Notes"));
    let r = ui.add(
        egui::TextEdit::multiline(&mut u.notes)
            .desired_width(ui.available_width())
            .id_salt("notes"),
    );
    changes.watch(&r, Field::Notes);
    if u.name.trim().is_empty() {
        // A unit needs a name (a file with a nameless unit is refused): keep the last one.
        changes.field = None;
    }
    let id = u.id.clone();
    if let Some(field) = changes.field {
        out.push(Action::SetUnit(Box::new(u), field));
    }
    if changes.sealed {
        out.push(Action::Seal);
    }
    // After the unit's own change, which was copied before the choice and would undo it.
    if let Some(j) = new_parent {
        let parent = cx.org().units[j].id.clone();
        out.push(Action::Reparent { unit: id, parent });
    }
    ui.separator();
    relations(cx, ui, i, out);
    bodies(cx, ui, i, out);
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
        changes.field = Some(Field::Staff);
        changes.sealed = true;
    }
}

/// The parent chosen in the picker this frame.
fn parent_picker(cx: &PanelContext, ui: &mut egui::Ui, i: usize) -> Option<usize> {
    let lang = cx.lang;
    let org = cx.org();
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
            for d in cx.doc.hierarchy().descendants(i) {
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

fn missions(
    ui: &mut egui::Ui,
    u: &mut Unit,
    org: &crate::model::Organisation,
    changes: &mut Changes,
    lang: crate::i18n::Lang,
) {
    ui.heading(lang.pick("Missions", "Missions"));
    let mut action: Option<(usize, i8)> = None;
    for (n, m) in u.missions.iter_mut().enumerate() {
        ui.push_id(n, |ui| {
            let r = ui.add(
                egui::TextEdit::multiline(&mut m.text)
                    .desired_width(ui.available_width())
                    .desired_rows(3),
            );
            changes.watch(&r, Field::Missions);
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
                changes.watch(&r1, Field::Missions);
                changes.watch(&r2, Field::Missions);
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
            // The text the source names, as the file describes it: its title and date.
            if let Some(text) = m.source.as_ref().and_then(|c| crate::model::cited(org, c)) {
                let about: Vec<&str> = [text.title.as_str(), text.date.as_str()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                if !about.is_empty() {
                    ui.weak(format!("{} — {}", text.reference, about.join(", ")));
                }
            }
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
        changes.field = Some(Field::Missions);
        changes.sealed = true;
    }
    if ui
        .button(lang.pick("+ Ajouter un paragraphe", "+ Add a paragraph"))
        .clicked()
    {
        u.missions.push(Mission::default());
        changes.field = Some(Field::Missions);
        changes.sealed = true;
    }
}

fn relations(cx: &PanelContext, ui: &mut egui::Ui, i: usize, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let org = cx.org();
    let id = &org.units[i].id;
    ui.heading(lang.pick("Relations", "Relations"));
    for rel in org
        .relations
        .iter()
        .filter(|r| &r.from == id || &r.to == id)
    {
        ui.horizontal_wrapped(|ui| {
            let other = if &rel.from == id { &rel.to } else { &rel.from };
            let label = if rel.label.is_empty() {
                String::new()
            } else {
                format!(" — {}", rel.label)
            };
            ui.label(format!(
                "{} → {}{label}",
                rel.kind.label(lang),
                org.label_of(other)
            ));
            if ui.small_button("🗑").clicked() {
                out.push(Action::RemoveRelation(Box::new(rel.clone())));
            }
        });
    }
    ui.menu_button(
        lang.pick("+ Ajouter une relation", "+ Add a relation"),
        |ui| {
            let targets = org.entities.iter().map(|e| (&e.id, &e.name)).chain(
                org.units
                    .iter()
                    .filter(|u| &u.id != id)
                    .map(|u| (&u.id, &u.name)),
            );
            for (target, name) in targets {
                ui.menu_button(name, |ui| {
                    for kind in RelationKind::ALL {
                        if ui.button(kind.label(lang)).clicked() {
                            out.push(Action::AddRelation(Box::new(Relation {
                                from: id.clone(),
                                to: target.clone(),
                                kind: kind.clone(),
                                ..Default::default()
                            })));
                            ui.close();
                        }
                    }
                });
            }
        },
    );
}

/// The bodies the unit chairs or sits in; a click selects one.
fn bodies(cx: &PanelContext, ui: &mut egui::Ui, i: usize, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let org = cx.org();
    let id = &org.units[i].id;
    let mut seats = org.bodies.iter().filter_map(|b| {
        let chair = b.chair.as_ref() == Some(id);
        (chair || b.members.contains(id)).then_some((b, chair))
    });
    let Some(first) = seats.next() else {
        return;
    };
    ui.heading(lang.pick("Instances", "Bodies"));
    for (b, chair) in std::iter::once(first).chain(seats) {
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
        let colon = lang.pick(" : ", ": ");
        if ui
            .link(format!("{role}{colon}{}{cadence}", b.name))
            .clicked()
        {
            out.push(Action::Select(Some(Selection::Body(b.id.clone()))));
        }
    }
}
