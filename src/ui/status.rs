//! The status bar: the last message, the document's figures, undo state.

use crate::app::OrgApp;
use eframe::egui;

pub fn show(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            // A spinner asks for frames while its worker runs, and only then.
            let running = |ui: &mut egui::Ui, cancel: &str| {
                ui.spinner();
                ui.small_button(cancel).clicked()
            };
            if app.exporting() && running(ui, lang.pick("Annuler l'export", "Cancel export")) {
                app.cancel_export();
            }
            if app.opening() && running(ui, lang.pick("Annuler l'ouverture", "Cancel opening")) {
                app.cancel_open();
            }
            if let Some(status) = &app.status {
                let colour = if status.error {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().text_color()
                };
                let label = ui.colored_label(colour, &status.text);
                if let Some(details) = &status.details {
                    label.on_hover_text(details);
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let org = &app.doc.org;
                ui.label(format!(
                    "{} · {} · {}",
                    lang.count(org.units.len(), ("unité", "unités"), ("unit", "units")),
                    lang.count(
                        org.bodies.len(),
                        ("instance", "instances"),
                        ("body", "bodies")
                    ),
                    lang.count(
                        org.relations.len(),
                        ("relation", "relations"),
                        ("relation", "relations")
                    ),
                ));
                if app.doc.is_dirty() {
                    ui.label(lang.pick("● modifié", "● modified"));
                }
            });
        });
    });
}
