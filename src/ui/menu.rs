//! The menu bar. Each entry sends an `Action`, labelled with the action's own label and
//! shortcut, so menus and keyboard always agree.

use super::options::{ChooserKind, RelationsView};
use super::{Action, PanelContext};
use crate::i18n::Lang;
use crate::present::Order;
use eframe::egui;

fn item(lang: Lang, ui: &mut egui::Ui, action: Action, enabled: bool, out: &mut Vec<Action>) {
    let text = action.label(lang).to_string();
    labelled(ui, action, text, enabled, out);
}

fn labelled(ui: &mut egui::Ui, action: Action, text: String, enabled: bool, out: &mut Vec<Action>) {
    let button = egui::Button::new(text).shortcut_text(action.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        ui.close();
        out.push(action);
    }
}

pub fn show(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.pick("Fichier", "File"), |ui| {
                item(lang, ui, Action::New, true, out);
                item(lang, ui, Action::Open, true, out);
                ui.menu_button(lang.pick("Ouvrir un exemple", "Open a sample"), |ui| {
                    for (i, sample) in crate::samples::SAMPLES.iter().enumerate() {
                        if ui.button(sample.title).clicked() {
                            ui.close();
                            out.push(Action::OpenSample(i));
                        }
                    }
                });
                ui.add_enabled_ui(!cx.recent.is_empty(), |ui| {
                    ui.menu_button(lang.pick("Fichiers récents", "Recent files"), |ui| {
                        for path in cx.recent {
                            if ui.button(path.display().to_string()).clicked() {
                                ui.close();
                                out.push(Action::OpenPath(path.clone()));
                            }
                        }
                    });
                });
                item(lang, ui, Action::Import, true, out);
                item(lang, ui, Action::ReadText, true, out);
                ui.separator();
                if cx.changes.is_some() {
                    item(lang, ui, Action::EndCompare, true, out);
                } else {
                    item(lang, ui, Action::Compare, true, out);
                }
                ui.separator();
                item(lang, ui, Action::Save, true, out);
                item(lang, ui, Action::SaveAs, true, out);
                item(lang, ui, Action::Export, true, out);
                item(lang, ui, Action::DraftText, true, out);
                ui.separator();
                item(lang, ui, Action::Quit, true, out);
            });
            ui.menu_button(lang.pick("Édition", "Edit"), |ui| {
                let undo = cx
                    .doc
                    .undo_label()
                    .map(|l| format!("{}{}{l}", Action::Undo.label(lang), colon(lang)));
                let redo = cx
                    .doc
                    .redo_label()
                    .map(|l| format!("{}{}{l}", Action::Redo.label(lang), colon(lang)));
                for (action, label) in [(Action::Undo, undo), (Action::Redo, redo)] {
                    let enabled = label.is_some();
                    let text = label.unwrap_or_else(|| action.label(lang).to_string());
                    labelled(ui, action, text, enabled, out);
                }
                ui.separator();
                let selected = cx.selected_unit().is_some();
                item(lang, ui, Action::AddChild, true, out);
                item(lang, ui, Action::AddSibling, selected, out);
                item(lang, ui, Action::Duplicate, selected, out);
                item(lang, ui, Action::Delete, selected, out);
                item(lang, ui, Action::ToggleCollapse, selected, out);
                ui.separator();
                item(lang, ui, Action::Relayout, true, out);
            });
            ui.menu_button(lang.pick("Affichage", "View"), |ui| {
                item(lang, ui, Action::FitAll, true, out);
                item(lang, ui, Action::ZoomIn, true, out);
                item(lang, ui, Action::ZoomOut, true, out);
                item(lang, ui, Action::ZoomSelection, cx.selected.is_some(), out);
                ui.separator();
                item(lang, ui, Action::Present(Order::Script), true, out);
                item(lang, ui, Action::Present(Order::Branches), true, out);
                item(lang, ui, Action::ShowScript(true), true, out);
                ui.separator();
                ui.menu_button(lang.pick("Relations", "Relations"), |ui| {
                    for view in RelationsView::ALL {
                        let current = cx.relations == view;
                        item(lang, ui, Action::SetRelations(view), !current, out);
                    }
                });
                item(lang, ui, Action::ToggleTheme, true, out);
                let mut frame_times = cx.frame_times;
                let label = Action::ShowFrameTimes(true).label(lang);
                if ui.checkbox(&mut frame_times, label).changed() {
                    out.push(Action::ShowFrameTimes(frame_times));
                }
                ui.menu_button(lang.pick("Taille de l'interface", "Interface size"), |ui| {
                    let zoom = ui.ctx().zoom_factor();
                    for (label, factor) in [
                        (lang.pick("Agrandir", "Larger"), zoom * 1.1),
                        (lang.pick("Réduire", "Smaller"), zoom / 1.1),
                        ("100 %", 1.0),
                    ] {
                        if ui.button(label).clicked() {
                            ui.ctx().set_zoom_factor(factor.clamp(0.5, 3.0));
                        }
                    }
                });
                ui.menu_button(lang.pick("Langue", "Language"), |ui| {
                    item(lang, ui, Action::SetLang(Lang::Fr), lang != Lang::Fr, out);
                    item(lang, ui, Action::SetLang(Lang::En), lang != Lang::En, out);
                });
                ui.menu_button(lang.pick("Sélecteur de fichiers", "File dialog"), |ui| {
                    for kind in [ChooserKind::Auto, ChooserKind::BuiltIn, ChooserKind::Native] {
                        let current = cx.chooser == kind;
                        item(lang, ui, Action::SetChooser(kind), !current, out);
                    }
                });
            });
        });
    });
}

/// French sets a colon apart with a space, English does not.
fn colon(lang: Lang) -> &'static str {
    lang.pick(" : ", ": ")
}
