//! The menu bar. Each entry sends an `Action`, labelled with the action's own label and
//! shortcut, so menus and keyboard always agree.

use super::Action;
use super::options::{ChooserKind, RelationsView};
use crate::app::OrgApp;
use crate::i18n::Lang;
use eframe::egui;

fn item(app: &mut OrgApp, ui: &mut egui::Ui, action: Action, enabled: bool) {
    let text = action.label(app.lang()).to_string();
    labelled(app, ui, action, text, enabled);
}

fn labelled(app: &mut OrgApp, ui: &mut egui::Ui, action: Action, text: String, enabled: bool) {
    let button = egui::Button::new(text).shortcut_text(action.shortcut_text(ui.ctx()));
    if ui.add_enabled(enabled, button).clicked() {
        ui.close();
        app.run(action, ui);
    }
}

pub fn show(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.pick("Fichier", "File"), |ui| {
                item(app, ui, Action::New, true);
                item(app, ui, Action::Open, true);
                ui.menu_button(lang.pick("Ouvrir un exemple", "Open a sample"), |ui| {
                    for (i, sample) in crate::samples::SAMPLES.iter().enumerate() {
                        if ui.button(sample.title).clicked() {
                            ui.close();
                            app.run(Action::OpenSample(i), ui);
                        }
                    }
                });
                let recent = app.settings.recent.clone();
                ui.add_enabled_ui(!recent.is_empty(), |ui| {
                    ui.menu_button(lang.pick("Fichiers récents", "Recent files"), |ui| {
                        for path in recent {
                            if ui.button(path.display().to_string()).clicked() {
                                ui.close();
                                app.run(Action::OpenPath(path), ui);
                            }
                        }
                    });
                });
                ui.separator();
                item(app, ui, Action::Save, true);
                item(app, ui, Action::SaveAs, true);
                item(app, ui, Action::Export, true);
                ui.separator();
                item(app, ui, Action::Quit, true);
            });
            ui.menu_button(lang.pick("Édition", "Edit"), |ui| {
                let undo = app
                    .doc
                    .undo_label()
                    .map(|l| format!("{} : {l}", Action::Undo.label(lang)));
                let redo = app
                    .doc
                    .redo_label()
                    .map(|l| format!("{} : {l}", Action::Redo.label(lang)));
                for (action, label) in [(Action::Undo, undo), (Action::Redo, redo)] {
                    let enabled = label.is_some();
                    let text = label.unwrap_or_else(|| action.label(lang).to_string());
                    labelled(app, ui, action, text, enabled);
                }
                ui.separator();
                let selected = app.selected_unit().is_some();
                item(app, ui, Action::AddChild, true);
                item(app, ui, Action::AddSibling, selected);
                item(app, ui, Action::Duplicate, selected);
                item(app, ui, Action::Delete, selected);
                item(app, ui, Action::ToggleCollapse, selected);
                ui.separator();
                item(app, ui, Action::Relayout, true);
            });
            ui.menu_button(lang.pick("Affichage", "View"), |ui| {
                item(app, ui, Action::FitAll, true);
                item(app, ui, Action::ZoomIn, true);
                item(app, ui, Action::ZoomOut, true);
                item(app, ui, Action::ZoomSelection, app.selected().is_some());
                ui.separator();
                ui.menu_button(lang.pick("Relations", "Relations"), |ui| {
                    for view in RelationsView::ALL {
                        let current = app.settings.relations == view;
                        item(app, ui, Action::SetRelations(view), !current);
                    }
                });
                item(app, ui, Action::ToggleTheme, true);
                ui.checkbox(
                    &mut app.frames.open,
                    lang.pick("Performance", "Performance"),
                );
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
                    item(app, ui, Action::SetLang(Lang::Fr), lang != Lang::Fr);
                    item(app, ui, Action::SetLang(Lang::En), lang != Lang::En);
                });
                ui.menu_button(lang.pick("Sélecteur de fichiers", "File dialog"), |ui| {
                    for kind in [ChooserKind::Auto, ChooserKind::BuiltIn, ChooserKind::Native] {
                        let current = app.settings.file_chooser == kind;
                        item(app, ui, Action::SetChooser(kind), !current);
                    }
                });
            });
        });
    });
}
