//! The organisation's legal texts and budget programmes, edited under its summary. They are
//! part of its own fields: every change sets them all, as one action.

use super::{Action, PanelContext};
use crate::doc::Header;
use crate::i18n::say;
use crate::model::{BudgetProgramme, LegalText};
use eframe::egui;

type Changed = super::FieldEdits<String>;

/// Legal texts and budget programmes: part of the organisation's own fields.
pub fn texts(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let mut header = Header::of(cx.org());
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
                citing(cx, t, ui, out);
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
        let key = if structural { None } else { c.field };
        out.push(Action::SetTexts(Box::new(Header(header)), key));
    }
    if c.sealed || structural {
        out.push(Action::Seal);
    }
}

/// The units whose missions cite legal text `t`, each one click away on the chart.
fn citing(cx: &PanelContext, t: usize, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let org = cx.org();
    let Some(text) = org.legal_texts.get(t) else {
        return;
    };
    let units: Vec<(usize, usize)> = (org.units.iter().enumerate())
        .map(|(i, u)| {
            let n = (u.missions.iter())
                .filter(|m| {
                    m.source
                        .as_ref()
                        .is_some_and(|c| crate::model::cites(c, text))
                })
                .count();
            (i, n)
        })
        .filter(|&(_, n)| n > 0)
        .collect();
    let missions: usize = units.iter().map(|&(_, n)| n).sum();
    ui.weak(say!(
        lang,
        "Cité par {}",
        "Cited by {}",
        lang.count(missions, ("mission", "missions"), ("mission", "missions"))
    ));
    for (i, n) in units {
        let unit = &org.units[i];
        if ui.link(format!("{} ({n})", unit.name)).clicked() {
            out.push(Action::Select(Some(super::Selection::Unit(
                unit.id.clone(),
            ))));
            out.push(Action::ZoomSelection);
        }
    }
}
