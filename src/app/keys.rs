//! The keyboard: shortcuts turned into actions, and the arrow keys that pan the chart.

use super::OrgApp;
use crate::ui::Action;
use eframe::egui;

impl OrgApp {
    /// Turns this frame's shortcuts into `actions`; the arrow keys pan the chart at once.
    pub(super) fn handle_keys(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        // While a dialog or the file chooser is open, its keys (Escape, Enter, typing) are its
        // own.
        if self.chooser.is_open() {
            return;
        }
        let typing = ui.ctx().text_edit_focused() || self.dialog.is_some();
        // In a field of the document (the inspector's), Ctrl+Z undoes the field's typing, one
        // step of the history, and then the steps before it: the history, not the field's own
        // undo, which would leave steps that do nothing.
        let search = egui::Id::new(crate::ui::outline::SEARCH_FIELD);
        let document_field = self.dialog.is_none()
            && ui.ctx().text_edit_focused()
            && ui
                .ctx()
                .memory(|m| m.focused())
                .is_some_and(|id| id != search);
        ui.input_mut(|i| {
            for action in Action::with_shortcuts() {
                if let Some(s) = action.global_shortcut()
                    && i.consume_shortcut(&s)
                {
                    actions.push(action);
                } else if let Some(s) = action.chart_shortcut()
                    && !typing
                    && i.consume_shortcut(&s)
                {
                    actions.push(action);
                }
            }
            if !typing && i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y) {
                actions.push(Action::Redo);
            }
            if document_field {
                let shift = egui::Modifiers::COMMAND | egui::Modifiers::SHIFT;
                if i.consume_key(shift, egui::Key::Z)
                    || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
                {
                    actions.push(Action::Redo);
                } else if i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z) {
                    actions.push(Action::Undo);
                }
            }
            if !typing
                && self.comparing.is_some()
                && i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)
            {
                actions.push(Action::EndCompare);
            }
            if !typing && i.consume_key(egui::Modifiers::NONE, egui::Key::Tab) {
                actions.push(Action::AddChild);
            }
            if !typing {
                let command =
                    |i: &mut egui::InputState, key| i.consume_key(egui::Modifiers::COMMAND, key);
                if command(i, egui::Key::Minus) {
                    actions.push(Action::ZoomOut);
                }
                if command(i, egui::Key::Equals) || command(i, egui::Key::Plus) {
                    actions.push(Action::ZoomIn);
                }
            }
        });
        if !typing {
            let step = 60.0;
            let pan = ui.input(|i| {
                let mut d = egui::Vec2::ZERO;
                if i.key_pressed(egui::Key::ArrowLeft) {
                    d.x += step;
                }
                if i.key_pressed(egui::Key::ArrowRight) {
                    d.x -= step;
                }
                if i.key_pressed(egui::Key::ArrowUp) {
                    d.y += step;
                }
                if i.key_pressed(egui::Key::ArrowDown) {
                    d.y -= step;
                }
                d
            });
            if pan != egui::Vec2::ZERO {
                self.canvas.pan_by(ui, pan);
            }
        }
    }
}
