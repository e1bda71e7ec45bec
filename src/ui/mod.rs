//! The window's parts. Each reads a `PanelContext` (the document, the selection, the
//! settings it shows) and pushes `Action`s, which the app applies once every part is drawn:
//! nothing changes in the middle of a frame, and `ui` knows nothing of the app. A part keeps
//! its own widget state (the outline's search, the canvas's view) where it has some.

pub mod action;
pub mod canvas;
pub mod changes;
pub mod chart;
pub mod dashes;
pub mod dialogs;
pub mod export_form;
pub mod import_form;
pub mod inspector;
pub mod legal_form;
pub mod logo;
pub mod menu;
pub mod options;
pub mod outline;
pub mod present;
pub mod registry;
pub mod script;
mod selection;
pub mod shapes;
pub mod status;
pub mod summary;
pub mod texts;
pub mod tips;

pub use action::Action;
pub use dialogs::Dialog;
pub use export_form::ExportDialog;
pub use import_form::ImportDialog;
pub use selection::Selection;
pub use status::Status;

use crate::doc::Document;
use crate::i18n::Lang;
use crate::model::{Organisation, Target};
use crate::scene::ChartOptions;
use eframe::egui;
use options::{ChooserKind, RelationsView};
use std::path::PathBuf;

/// What the window's parts read in a frame: the document as it is before the frame's actions,
/// and what they show of the app's state.
pub struct PanelContext<'a> {
    pub doc: &'a Document,
    /// The structure the chart shows: the document's, or the comparison's (with ghosts).
    pub chart_org: &'a Organisation,
    /// While the document is compared with another version: what changed.
    pub changes: Option<changes::List<'a>>,
    /// Where the selection is in the document.
    pub selected: Option<Target>,
    pub lang: Lang,
    /// The chart's options, its theme among them.
    pub chart: &'a ChartOptions,
    pub relations: RelationsView,
    pub chooser: ChooserKind,
    pub recent: &'a [PathBuf],
    pub status: Option<&'a Status>,
    pub exporting: bool,
    pub opening: bool,
    pub frame_times: bool,
    /// The inspector's name field takes the focus (the unit was just added).
    pub focus_name: bool,
    /// Why the logo the organisation names is not drawn.
    pub logo_problem: Option<&'a crate::i18n::Message>,
}

impl PanelContext<'_> {
    pub fn org(&self) -> &Organisation {
        self.doc.org()
    }

    pub fn selected_unit(&self) -> Option<usize> {
        match self.selected? {
            Target::Unit(u) => Some(u),
            _ => None,
        }
    }
}

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
