//! Editors for what is not a unit: coordination bodies and outside entities. Listed under the
//! organisation's summary, each folded under its name; the one selected (on the chart, or
//! from a unit's seats) in the inspector. Every change is one action.

use super::action::Field;
use super::{Action, PanelContext};
use crate::i18n::Lang;
use crate::model::{BodyKind, EntityKind, Id, Organisation};
use eframe::egui;

type Changes = super::FieldEdits<Field>;

/// Every body, then a button for a new one.
pub fn bodies(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    for (b, body) in cx.org().bodies.iter().enumerate() {
        egui::CollapsingHeader::new(&body.name)
            .id_salt(("body", &body.id))
            .show(ui, |ui| body_form(cx, ui, b, out));
    }
    if ui
        .button(lang.pick("+ Nouvelle instance", "+ New body"))
        .clicked()
    {
        out.push(Action::AddBody);
    }
}

/// The selected body, in the inspector.
pub fn body(cx: &PanelContext, ui: &mut egui::Ui, b: usize, out: &mut Vec<Action>) {
    ui.heading(
        cx.lang
            .pick("Instance de coordination", "Coordination body"),
    );
    body_form(cx, ui, b, out);
}

fn body_form(cx: &PanelContext, ui: &mut egui::Ui, b: usize, out: &mut Vec<Action>) {
    let (lang, org) = (cx.lang, cx.org());
    let mut body = org.bodies[b].clone();
    // Several bodies' forms are shown at once under the summary.
    ui.push_id(("body", body.id.clone()), |ui| {
        let mut c = Changes::default();
        c.text(ui, lang.pick("Nom", "Name"), &mut body.name, Field::Name);
        let (kind, chair) = (body.kind.clone(), body.chair.clone());
        ui.label(lang.pick("Type", "Kind"));
        egui::ComboBox::from_id_salt("body-kind")
            .selected_text(body.kind.label(lang).to_string())
            .show_ui(ui, |ui| {
                for k in BodyKind::ALL {
                    ui.selectable_value(&mut body.kind, k.clone(), k.label(lang));
                }
            });
        ui.label(lang.pick("Présidence", "Chair"));
        egui::ComboBox::from_id_salt("body-chair")
            .truncate()
            .width(ui.available_width().min(320.0))
            .selected_text(
                body.chair
                    .as_ref()
                    .map(|c| org.label_of(c))
                    .unwrap_or_else(|| "—".into()),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut body.chair, None, "—");
                for u in &org.units {
                    ui.selectable_value(&mut body.chair, Some(u.id.clone()), &u.name);
                }
            });
        members(ui, org, &mut body.members, &mut c, lang);
        let fields = [
            (
                lang.pick("Participants", "Participants"),
                Field::Participants,
            ),
            (lang.pick("Fréquence", "Cadence"), Field::Cadence),
            (lang.pick("Objet", "Purpose"), Field::Purpose),
        ];
        for (label, field) in fields {
            let value = match field {
                Field::Participants => &mut body.participants,
                Field::Cadence => &mut body.cadence,
                _ => &mut body.purpose,
            };
            c.text(ui, label, value, field);
        }
        if body.name.trim().is_empty() {
            // A body needs a name (a file with a nameless one is refused): keep the last.
            c.field = None;
        }
        for (changed, field) in [
            (body.kind != kind, Field::Kind),
            (body.chair != chair, Field::Chair),
        ] {
            if changed {
                c.field = Some(field);
                c.sealed = true;
            }
        }
        if ui
            .button(lang.pick("Supprimer l'instance", "Delete body"))
            .clicked()
        {
            out.push(Action::RemoveBody(body.id.clone()));
        } else if let Some(field) = c.field {
            out.push(Action::SetBody(Box::new(body), field));
        }
        if c.sealed {
            out.push(Action::Seal);
        }
    });
}

/// A body's members (units or outside entities): each with a button to remove it, and a
/// list to add one.
fn members(
    ui: &mut egui::Ui,
    org: &Organisation,
    members: &mut Vec<Id>,
    c: &mut Changes,
    lang: Lang,
) {
    ui.label(lang.pick("Membres", "Members"));
    let mut remove = None;
    for (m, member) in members.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(org.label_of(member));
            if ui.small_button("🗑").clicked() {
                remove = Some(m);
            }
        });
    }
    let mut add = None;
    egui::ComboBox::from_id_salt("add-member")
        .truncate()
        .width(ui.available_width().min(320.0))
        .selected_text(lang.pick("+ membre", "+ member"))
        .show_ui(ui, |ui| {
            let candidates = org
                .units
                .iter()
                .map(|u| (&u.id, &u.name))
                .chain(org.entities.iter().map(|e| (&e.id, &e.name)));
            for (cid, name) in candidates.filter(|(cid, _)| !members.contains(cid)) {
                if ui.selectable_label(false, name).clicked() {
                    add = Some(cid.clone());
                }
            }
        });
    let changed = remove.is_some() || add.is_some();
    if let Some(m) = remove {
        members.remove(m);
    }
    members.extend(add);
    if changed {
        c.field = Some(Field::Members);
        c.sealed = true;
    }
}

/// Every outside entity, then a button for a new one.
pub fn entities(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    for (e, entity) in cx.org().entities.iter().enumerate() {
        let title = crate::model::full_name(&entity.acronym, &entity.name);
        egui::CollapsingHeader::new(title)
            .id_salt(("entity", &entity.id))
            .show(ui, |ui| entity_form(cx, ui, e, out));
    }
    if ui
        .button(lang.pick("+ Nouvelle entité extérieure", "+ New outside entity"))
        .clicked()
    {
        out.push(Action::AddEntity);
    }
}

/// The selected entity, in the inspector.
pub fn entity(cx: &PanelContext, ui: &mut egui::Ui, e: usize, out: &mut Vec<Action>) {
    ui.heading(cx.lang.pick("Entité extérieure", "Outside entity"));
    entity_form(cx, ui, e, out);
}

fn entity_form(cx: &PanelContext, ui: &mut egui::Ui, e: usize, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let mut entity = cx.org().entities[e].clone();
    ui.push_id(("entity", entity.id.clone()), |ui| {
        let mut c = Changes::default();
        c.text(ui, lang.pick("Nom", "Name"), &mut entity.name, Field::Name);
        c.text(
            ui,
            lang.pick("Sigle", "Acronym"),
            &mut entity.acronym,
            Field::Acronym,
        );
        let kind = entity.kind.clone();
        ui.label(lang.pick("Type", "Kind"));
        egui::ComboBox::from_id_salt("entity-kind")
            .selected_text(entity.kind.label(lang).to_string())
            .show_ui(ui, |ui| {
                for k in EntityKind::ALL {
                    ui.selectable_value(&mut entity.kind, k.clone(), k.label(lang));
                }
            });
        c.text(
            ui,
            lang.pick("Description", "Description"),
            &mut entity.description,
            Field::Description,
        );
        if entity.kind != kind {
            c.field = Some(Field::Kind);
            c.sealed = true;
        }
        if entity.name.trim().is_empty() {
            c.field = None;
        }
        if ui
            .button(lang.pick(
                "Supprimer l'entité et ses relations",
                "Delete entity and its relations",
            ))
            .clicked()
        {
            out.push(Action::RemoveEntity(entity.id.clone()));
        } else if let Some(field) = c.field {
            out.push(Action::SetEntity(Box::new(entity), field));
        }
        if c.sealed {
            out.push(Action::Seal);
        }
    });
}
