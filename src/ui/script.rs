//! The presentation's script, edited in a window of its own: add the current step, rename,
//! reorder, delete, and preview from a step. Every change is an `Action::SetScript`, one undo
//! step (typing in a title, one step until the field loses the focus).

use super::action::ScriptChange;
use super::{Action, PanelContext};
use crate::i18n::Lang;
use crate::model::{Organisation, Step, full_name};
use eframe::egui;

/// Draws the script's window while `open`.
pub fn show(cx: &PanelContext, ctx: &egui::Context, open: &mut bool, out: &mut Vec<Action>) {
    let lang = cx.lang;
    egui::Window::new(lang.pick("Script de présentation", "Presentation script"))
        .open(open)
        .default_width(420.0)
        .show(ctx, |ui| steps(cx, ui, out));
    if !*open {
        out.push(Action::ShowScript(false));
    }
}

fn steps(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let org = cx.org();
    let script = &org.presentation;
    let add = Action::SetScript(Vec::new(), ScriptChange::Add);
    if ui.button(add.label(lang)).clicked() {
        let mut steps = script.clone();
        steps.push(current(cx));
        out.push(Action::SetScript(steps, ScriptChange::Add));
    }
    if script.is_empty() {
        ui.label(lang.pick(
            "Sans script, la présentation montre la structure niveau par niveau.",
            "Without a script, the presentation shows the structure level by level.",
        ));
        return;
    }
    let mut edits = super::FieldEdits::default();
    let mut changed = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (i, step) in script.iter().enumerate() {
            ui.separator();
            ui.horizontal(|ui| {
                ui.strong(format!("{}.", i + 1));
                let mut title = step.title.clone();
                let r = ui.add(
                    egui::TextEdit::singleline(&mut title)
                        .hint_text(crate::present::title(step, org))
                        .desired_width(220.0)
                        .id_salt(("step-title", i)),
                );
                super::one_line(&mut title);
                edits.watch(&r, i);
                if r.changed() {
                    let mut steps = script.clone();
                    steps[i].title = title;
                    changed = Some((steps, ScriptChange::Rename));
                }
                let moves = [
                    ("⬆", i > 0, i.saturating_sub(1)),
                    ("⬇", i + 1 < script.len(), i + 1),
                ];
                for (arrow, enabled, to) in moves {
                    if ui.add_enabled(enabled, egui::Button::new(arrow)).clicked() {
                        let mut steps = script.clone();
                        steps.swap(i, to);
                        changed = Some((steps, ScriptChange::Move));
                    }
                }
                let delete = Action::SetScript(Vec::new(), ScriptChange::Delete);
                if ui.button("🗑").on_hover_text(delete.label(lang)).clicked() {
                    let mut steps = script.clone();
                    steps.remove(i);
                    changed = Some((steps, ScriptChange::Delete));
                }
                let preview = Action::PresentFrom(i);
                if ui.button("▶").on_hover_text(preview.label(lang)).clicked() {
                    out.push(preview);
                }
            });
            ui.weak(describe(step, org, lang));
        }
    });
    if let Some((steps, change)) = changed {
        out.push(Action::SetScript(steps, change));
    }
    if edits.sealed {
        out.push(Action::Seal);
    }
}

/// The step the window shows now: the selected unit with its children, or the whole
/// structure.
fn current(cx: &PanelContext) -> Step {
    let org = cx.org();
    match cx.selected_unit() {
        Some(u) => Step {
            unit: Some(org.units[u].id.clone()),
            depth: Some(2),
            ..Default::default()
        },
        None => Step::default(),
    }
}

/// What a step shows, in a line: « DRH · 2 niveaux · projecteur sur SAFSL · missions ».
fn describe(step: &Step, org: &Organisation, lang: Lang) -> String {
    let name = |id: &crate::model::Id| {
        org.units
            .iter()
            .find(|u| &u.id == id)
            .map_or_else(|| id.to_string(), |u| full_name(&u.acronym, &u.name))
    };
    let mut parts = vec![match &step.unit {
        Some(id) => name(id),
        None => lang
            .pick("Toute la structure", "The whole structure")
            .into(),
    }];
    parts.push(match step.depth {
        Some(d) => lang.count(d, ("niveau", "niveaux"), ("level", "levels")),
        None => lang.pick("tous les niveaux", "every level").into(),
    });
    if let Some(id) = &step.spotlight {
        parts.push(format!(
            "{} {}",
            lang.pick("projecteur sur", "spotlight on"),
            name(id)
        ));
    }
    if step.missions {
        parts.push(lang.pick("missions", "missions").into());
    }
    parts.join(" · ")
}
