//! The status bar: the last message, the document's figures, undo state.

use super::{Action, PanelContext};
use eframe::egui;

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
    /// More than the line holds (every warning of a file opened), shown on hover.
    pub details: Option<String>,
}

pub fn show(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    egui::Panel::bottom("status").show(ui, |ui| {
        ui.horizontal(|ui| {
            // A spinner asks for frames while its worker runs, and only then.
            let running = |ui: &mut egui::Ui, cancel: &str| {
                ui.spinner();
                ui.small_button(cancel).clicked()
            };
            for (running_now, cancel) in [
                (cx.exporting, Action::CancelExport),
                (cx.opening, Action::CancelOpen),
            ] {
                if running_now && running(ui, cancel.label(lang)) {
                    out.push(cancel);
                }
            }
            if let Some(status) = cx.status {
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
                let org = cx.org();
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
                if cx.doc.is_dirty() {
                    ui.label(lang.pick("● modifié", "● modified"));
                }
            });
        });
    });
}
