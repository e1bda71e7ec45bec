//! Everything a user can ask of the application, with its label and shortcut, handled in one
//! place: menus, toolbar, keyboard and dialogs all send an `Action`.

use super::options::{ChooserKind, RelationsView};
use crate::i18n::Lang;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample(usize),
    Save,
    SaveAs,
    Export,
    Quit,
    Undo,
    Redo,
    AddChild,
    AddSibling,
    Delete,
    Duplicate,
    ToggleCollapse,
    Relayout,
    FitAll,
    ZoomIn,
    ZoomOut,
    ZoomSelection,
    ToggleTheme,
    SetLang(Lang),
    SetChooser(ChooserKind),
    SetRelations(RelationsView),
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

impl Action {
    pub fn label(&self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Action::New => ("Nouveau", "New"),
            Action::Open => ("Ouvrir…", "Open…"),
            Action::OpenPath(_) => ("Ouvrir", "Open"),
            Action::OpenSample(_) => ("Ouvrir un exemple", "Open a sample"),
            Action::Save => ("Enregistrer", "Save"),
            Action::SaveAs => ("Enregistrer sous…", "Save as…"),
            Action::Export => ("Exporter en PNG ou SVG…", "Export as PNG or SVG…"),
            Action::Quit => ("Quitter", "Quit"),
            Action::Undo => ("Annuler", "Undo"),
            Action::Redo => ("Rétablir", "Redo"),
            Action::AddChild => ("Ajouter une unité fille", "Add a child unit"),
            Action::AddSibling => ("Ajouter une unité sœur", "Add a sibling unit"),
            Action::Delete => ("Supprimer l'unité…", "Delete unit…"),
            Action::Duplicate => ("Dupliquer l'unité", "Duplicate unit"),
            Action::ToggleCollapse => ("Replier / déplier", "Fold / unfold"),
            Action::Relayout => ("Réorganiser", "Re-layout"),
            Action::FitAll => ("Ajuster à la fenêtre", "Fit to window"),
            Action::ZoomIn => ("Zoom avant", "Zoom in"),
            Action::ZoomOut => ("Zoom arrière", "Zoom out"),
            Action::ZoomSelection => ("Zoomer sur la sélection", "Zoom to selection"),
            Action::ToggleTheme => ("Thème sombre / clair", "Dark / light theme"),
            Action::SetLang(Lang::Fr) => ("Français", "Français"),
            Action::SetLang(Lang::En) => ("English", "English"),
            Action::SetChooser(ChooserKind::Auto) => (
                "Celui du système s'il est disponible",
                "The system's if available",
            ),
            Action::SetChooser(ChooserKind::BuiltIn) => {
                ("Celui d'Organigramme", "Organigramme's own")
            }
            Action::SetChooser(ChooserKind::Native) => ("Celui du système", "The system's"),
            Action::SetRelations(RelationsView::Lines) => ("En lignes", "As lines"),
            Action::SetRelations(RelationsView::List) => {
                ("En liste dans les cadres", "Listed in the boxes")
            }
            Action::SetRelations(RelationsView::None) => ("Aucune", "None"),
            Action::SetRelations(RelationsView::Selection) => (
                "Celles de la sélection seulement",
                "Those of the selection only",
            ),
        };
        lang.pick(fr, en)
    }

    /// Shortcuts that work everywhere, even while typing in a field.
    pub fn global_shortcut(&self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            Action::New => s(CTRL, Key::N),
            Action::Open => s(CTRL, Key::O),
            Action::Save => s(CTRL, Key::S),
            Action::SaveAs => s(CTRL_SHIFT, Key::S),
            Action::Export => s(CTRL, Key::E),
            Action::Quit => s(CTRL, Key::Q),
            _ => None,
        }
    }

    /// Shortcuts that belong to the chart: while a text field has focus, its keys (Ctrl+Z,
    /// Delete, arrows…) belong to the field.
    pub fn chart_shortcut(&self) -> Option<KeyboardShortcut> {
        let s = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            Action::Undo => s(CTRL, Key::Z),
            Action::Redo => s(CTRL_SHIFT, Key::Z),
            Action::AddChild => s(Modifiers::NONE, Key::Insert),
            Action::AddSibling => s(Modifiers::NONE, Key::Enter),
            Action::Delete => s(Modifiers::NONE, Key::Delete),
            Action::Duplicate => s(CTRL, Key::D),
            Action::ToggleCollapse => s(Modifiers::NONE, Key::Space),
            Action::FitAll => s(CTRL, Key::Num0),
            Action::ZoomIn => s(Modifiers::NONE, Key::Plus),
            Action::ZoomOut => s(Modifiers::NONE, Key::Minus),
            Action::ZoomSelection => s(Modifiers::NONE, Key::F),
            _ => None,
        }
    }

    pub fn shortcut_text(&self, ctx: &eframe::egui::Context) -> String {
        self.global_shortcut()
            .or_else(|| self.chart_shortcut())
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }

    /// A button's tooltip: what it does, and its key if it has one (« Zoom avant (+) »).
    pub fn tooltip(&self, ctx: &eframe::egui::Context, lang: Lang) -> String {
        match self.shortcut_text(ctx) {
            key if key.is_empty() => self.label(lang).to_string(),
            key => format!("{} ({key})", self.label(lang)),
        }
    }

    /// Every action with a shortcut, in the order they are tested against the keyboard (the
    /// Shift variants first, so Ctrl+Shift+Z is not taken for Ctrl+Z).
    pub fn with_shortcuts() -> [Action; 17] {
        [
            Action::SaveAs,
            Action::Redo,
            Action::New,
            Action::Open,
            Action::Save,
            Action::Export,
            Action::Quit,
            Action::Undo,
            Action::AddChild,
            Action::AddSibling,
            Action::Delete,
            Action::Duplicate,
            Action::ToggleCollapse,
            Action::FitAll,
            Action::ZoomIn,
            Action::ZoomOut,
            Action::ZoomSelection,
        ]
    }
}
