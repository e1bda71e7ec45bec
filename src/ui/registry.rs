//! Editors for what is not a unit: coordination bodies, outside entities, legal texts and
//! budget programmes. Shown under the organisation's summary; every change is one edit.

use crate::app::OrgApp;
use crate::doc::{Edit, Header, ops};
use crate::model::{BodyKind, BudgetProgramme, EntityKind, Id, LegalText, Organisation};
use eframe::egui;

type Changed = super::FieldEdits<String>;

pub fn bodies(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let org = app.doc.org();
    let mut edit: Option<(Edit, Option<String>)> = None;
    let mut sealed = false;
    for (b, body) in org.bodies.iter().enumerate() {
        egui::CollapsingHeader::new(&body.name)
            .id_salt(("body", b))
            .show(ui, |ui| {
                let mut body = body.clone();
                let mut c = Changed::default();
                c.text(
                    ui,
                    lang.pick("Nom", "Name"),
                    &mut body.name,
                    format!("{}:name", body.id),
                );
                let kind = body.kind.clone();
                egui::ComboBox::from_id_salt(("body-kind", b))
                    .selected_text(body.kind.label(lang).to_string())
                    .show_ui(ui, |ui| {
                        for k in BodyKind::ALL {
                            ui.selectable_value(&mut body.kind, k.clone(), k.label(lang));
                        }
                    });
                ui.label(lang.pick("Présidence", "Chair"));
                let chair = body.chair.clone();
                egui::ComboBox::from_id_salt(("body-chair", b))
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
                members(ui, org, &mut body.members, &mut c, &body.id, lang);
                c.text(
                    ui,
                    lang.pick("Participants", "Participants"),
                    &mut body.participants,
                    format!("{}:participants", body.id),
                );
                c.text(
                    ui,
                    lang.pick("Fréquence", "Cadence"),
                    &mut body.cadence,
                    format!("{}:cadence", body.id),
                );
                c.text(
                    ui,
                    lang.pick("Objet", "Purpose"),
                    &mut body.purpose,
                    format!("{}:purpose", body.id),
                );
                if body.name.trim().is_empty() {
                    c.field = None;
                }
                if body.kind != kind || body.chair != chair {
                    c.field = Some(format!("{}:choice", body.id));
                    c.sealed = true;
                }
                if ui
                    .button(lang.pick("Supprimer l'instance", "Delete body"))
                    .clicked()
                {
                    edit = ops::remove_body(org, &body.id).map(|e| (e, None));
                } else if let Some(key) = c.field {
                    edit = ops::set_body(org, body).map(|e| (e, Some(key)));
                }
                sealed |= c.sealed;
            });
    }
    if ui
        .button(lang.pick("+ Nouvelle instance", "+ New body"))
        .clicked()
    {
        let (added, _) = ops::add_body(org, lang.pick("Nouvelle instance", "New body"));
        edit = Some((added, None));
    }
    if let Some((e, key)) = edit {
        app.edit(
            e,
            lang.pick("Modifier les instances", "Edit bodies"),
            key.as_deref(),
        );
    }
    if sealed {
        app.doc.seal();
    }
}

fn members(
    ui: &mut egui::Ui,
    org: &Organisation,
    members: &mut Vec<Id>,
    c: &mut Changed,
    id: &Id,
    lang: crate::i18n::Lang,
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
    egui::ComboBox::from_id_salt(("add-member", id))
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
    if let Some(m) = remove {
        members.remove(m);
        c.field = Some(format!("{id}:members"));
        c.sealed = true;
    }
    if let Some(m) = add {
        members.push(m);
        c.field = Some(format!("{id}:members"));
        c.sealed = true;
    }
}

pub fn entities(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let org = app.doc.org();
    let mut edit: Option<(Edit, Option<String>)> = None;
    let mut sealed = false;
    for (e, entity) in org.entities.iter().enumerate() {
        let title = if entity.acronym.is_empty() {
            entity.name.clone()
        } else {
            format!("{} — {}", entity.acronym, entity.name)
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("entity", e))
            .show(ui, |ui| {
                let mut entity = entity.clone();
                let mut c = Changed::default();
                c.text(
                    ui,
                    lang.pick("Nom", "Name"),
                    &mut entity.name,
                    format!("{}:name", entity.id),
                );
                c.text(
                    ui,
                    lang.pick("Sigle", "Acronym"),
                    &mut entity.acronym,
                    format!("{}:acronym", entity.id),
                );
                let kind = entity.kind.clone();
                egui::ComboBox::from_id_salt(("entity-kind", e))
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
                    format!("{}:description", entity.id),
                );
                if entity.kind != kind {
                    c.field = Some(format!("{}:kind", entity.id));
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
                    edit = ops::remove_entity(org, &entity.id).map(|e| (e, None));
                } else if let Some(key) = c.field {
                    edit = ops::set_entity(org, entity).map(|e| (e, Some(key)));
                }
                sealed |= c.sealed;
            });
    }
    if ui
        .button(lang.pick("+ Nouvelle entité extérieure", "+ New outside entity"))
        .clicked()
    {
        let (added, _) = ops::add_entity(org, lang.pick("Nouvelle entité", "New entity"));
        edit = Some((added, None));
    }
    if let Some((e, key)) = edit {
        app.edit(
            e,
            lang.pick("Modifier les entités extérieures", "Edit outside entities"),
            key.as_deref(),
        );
    }
    if sealed {
        app.doc.seal();
    }
}

/// Legal texts and budget programmes: part of the organisation's own fields.
pub fn texts(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    let mut header = Header::of(app.doc.org());
    let mut c = Changed::default();
    let mut structural = false;
    let mut remove_text = None;
    for (t, text) in header.legal_texts.iter_mut().enumerate() {
        egui::CollapsingHeader::new(&text.reference)
            .id_salt(("text", t))
            .show(ui, |ui| {
                c.text(
                    ui,
                    lang.pick("Référence", "Reference"),
                    &mut text.reference,
                    format!("text{t}:reference"),
                );
                c.text(
                    ui,
                    lang.pick("Intitulé", "Title"),
                    &mut text.title,
                    format!("text{t}:title"),
                );
                c.text(
                    ui,
                    lang.pick("Article", "Article"),
                    &mut text.article,
                    format!("text{t}:article"),
                );
                c.text(
                    ui,
                    lang.pick("Date", "Date"),
                    &mut text.date,
                    format!("text{t}:date"),
                );
                c.text(
                    ui,
                    lang.pick(
                        "Lien (jamais ouvert par l'application)",
                        "Link (never opened by the app)",
                    ),
                    &mut text.url,
                    format!("text{t}:url"),
                );
                c.text(
                    ui,
                    lang.pick("Source", "Source"),
                    &mut text.source,
                    format!("text{t}:source"),
                );
                if ui
                    .button(lang.pick("Supprimer ce texte", "Remove this text"))
                    .clicked()
                {
                    remove_text = Some(t);
                }
            });
    }
    if let Some(t) = remove_text {
        header.legal_texts.remove(t);
        structural = true;
    }
    if ui.button(lang.pick("+ Texte", "+ Legal text")).clicked() {
        header.legal_texts.push(LegalText {
            reference: lang.pick("Décret n° …", "Decree no. …").into(),
            ..Default::default()
        });
        structural = true;
    }
    ui.label(lang.pick("Programmes budgétaires", "Budget programmes"));
    let mut remove_programme = None;
    for (p, programme) in header.budget_programmes.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let r1 = ui.add(
                egui::TextEdit::singleline(&mut programme.number)
                    .desired_width(40.0)
                    .id_salt(("prog-n", p)),
            );
            let r2 = ui.add(
                egui::TextEdit::singleline(&mut programme.title)
                    .desired_width(ui.available_width() - 30.0)
                    .id_salt(("prog-t", p)),
            );
            for r in [r1, r2] {
                c.watch(&r, format!("programme{p}"));
            }
            if ui.small_button("🗑").clicked() {
                remove_programme = Some(p);
            }
        });
    }
    if let Some(p) = remove_programme {
        header.budget_programmes.remove(p);
        structural = true;
    }
    if ui.button(lang.pick("+ Programme", "+ Programme")).clicked() {
        header.budget_programmes.push(BudgetProgramme::default());
        structural = true;
    }
    if structural || c.field.is_some() {
        let key = if structural { None } else { c.field.as_deref() };
        app.edit(
            Edit::SetHeader(Box::new(Header(header))),
            lang.pick("Modifier les textes", "Edit legal texts"),
            key,
        );
    }
    if c.sealed || structural {
        app.doc.seal();
    }
}
