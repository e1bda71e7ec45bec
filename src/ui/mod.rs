//! The window's parts. Each draws from `OrgApp` and changes it only through its methods
//! (`run`, `edit`, `select`), so every change is an action or an edit.

pub mod action;
pub mod canvas;
pub mod chart;
pub mod dashes;
pub mod dialogs;
pub mod export_form;
pub mod inspector;
pub mod menu;
pub mod options;
pub mod outline;
pub mod registry;
mod selection;
pub mod shapes;
pub mod status;
pub mod summary;
pub mod tips;

pub use action::Action;
pub use dialogs::Dialog;
pub use export_form::ExportDialog;
pub use selection::Selection;
pub use status::Status;

use eframe::egui;

/// The fields edited in one frame of a form: the key of the changed field decides which
/// keystrokes merge into one undo step, and a field losing focus ends that step.
pub struct FieldEdits<K> {
    pub field: Option<K>,
    pub sealed: bool,
}

impl<K> Default for FieldEdits<K> {
    fn default() -> Self {
        FieldEdits {
            field: None,
            sealed: false,
        }
    }
}

impl<K: std::hash::Hash + std::fmt::Debug> FieldEdits<K> {
    pub fn watch(&mut self, response: &egui::Response, key: K) {
        if response.changed() {
            self.field = Some(key);
        }
        self.sealed |= response.lost_focus();
    }

    /// A labelled one-line text field, watched under `key`.
    pub fn text(&mut self, ui: &mut egui::Ui, label: &str, value: &mut String, key: K) {
        ui.label(label);
        let r = ui.add(
            egui::TextEdit::singleline(value)
                .desired_width(ui.available_width())
                .id_salt(&key),
        );
        one_line(value);
        self.watch(&r, key);
    }
}

/// Names are one line: a line break (pasted, or from any other way in) becomes a space.
pub fn one_line(text: &mut String) {
    if text.contains(['\n', '\r']) {
        *text = text.replace("\r\n", " ").replace(['\n', '\r'], " ");
    }
}
