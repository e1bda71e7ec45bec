//! Everything a user can ask of the application, with its label and shortcut. Menus, toolbar,
//! keyboard, dialogs and every panel push `Action`s; the app applies them in one place, once
//! the frame's panels are drawn. An action names what it acts on by id (a relation, which has
//! none, by its value), so that it still finds it after the actions before it in the frame.

use super::options::{ChooserKind, RelationsView};
use super::{ExportDialog, Selection};
use crate::diff::render::prose::Element;
use crate::doc::Header;
use crate::doc::ops::Children;
use crate::i18n::Lang;
use crate::layout::Orientation;
use crate::model::{Body, Entity, Id, Organisation, Relation, Step, Unit};
use crate::present::Order;
use crate::scene::MissionsMode;
use eframe::egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample(usize),
    /// Fichier → Importer un tableau…: choose a table, then preview it.
    Import,
    /// Opens what the import preview built, as a new untitled document.
    ImportTable(Box<Organisation>),
    /// The import preview's « Mettre à jour le document… »: the rows built over the document,
    /// the meaning of the table's columns, and its file name; shown as a comparison first.
    UpdateFromTable(Box<Organisation>, Vec<crate::import::Column>, String),
    /// Applies the update the comparison shows.
    ApplyUpdate,
    /// The comparison's tableau de correspondance, to a file.
    SaveCorrespondence,
    /// Settles a conflict a merge left in the file: their side (true), or ours as it is.
    SettleConflict(Box<crate::model::Conflict>, bool),
    /// Fichier → Exporter le projet de texte…: its form, then its file.
    DraftText,
    SaveDraft(crate::legal::DraftOptions),
    /// Fichier → Importer un texte…: paste an article, see what it says, add it.
    ReadText,
    /// Adds the units of a structure read from a text under this unit.
    Graft(Box<Organisation>, Id),
    /// Fichier → Comparer avec…: choose another version, then show the document against it.
    Compare,
    /// The organisation's « Choisir… » beside its logo: a picture to draw in the title block.
    ChooseLogo,
    /// Leaves the comparison (Escape).
    EndCompare,
    /// Shows an element of the comparison's list on the chart: frames and marks it.
    ShowChange(Element),
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
    SetMissions(MissionsMode),
    SetOrientation(Orientation),
    SetCompact(bool),
    ShowFrameTimes(bool),
    /// Saves, then goes on with what the unsaved-changes guard held back.
    SaveThen(Box<Action>),
    /// Goes on with what the unsaved-changes guard held back, dropping the changes.
    DontSave(Box<Action>),
    /// Saves over a file someone else changed since it was opened here.
    Overwrite,
    /// Reads the file again, dropping the changes made here.
    Reload,
    /// Restores (true) or discards what a crashed session left.
    Recover(bool),
    StartExport(Box<ExportDialog>),
    CancelExport,
    CancelOpen,
    Select(Option<Selection>),
    /// A form's copy of a unit, body or entity, changed in `Field`: typing in one field is
    /// one undo step until the field loses the focus (`Seal`).
    SetUnit(Box<Unit>, Field),
    SetBody(Box<Body>, Field),
    SetEntity(Box<Entity>, Field),
    /// The organisation's own fields, typed in the field of this merge key if any.
    SetHeader(Box<Header>, Option<String>),
    /// Its legal texts and budget programmes, the same way.
    SetTexts(Box<Header>, Option<String>),
    /// The field being typed in lost the focus: the next keystroke starts a new undo step.
    Seal,
    /// Escape in a field: takes back what was typed there (this merge key) since it took
    /// the focus.
    CancelTyping(String),
    Reparent {
        unit: Id,
        parent: Id,
    },
    /// A unit's box dragged from one place to another, in layout coordinates.
    MoveUnit {
        unit: Id,
        from: (f32, f32),
        to: (f32, f32),
    },
    DeleteUnit {
        unit: Id,
        children: Children,
    },
    AddBody,
    RemoveBody(Id),
    AddEntity,
    RemoveEntity(Id),
    AddRelation(Box<Relation>),
    RemoveRelation(Box<Relation>),
    /// Affichage → Présenter (the file's script, else level by level), or par branche.
    Present(Order),
    /// The script's preview: presents it from this step (counted from 0).
    PresentFrom(usize),
    /// Opens (true) or closes the script's window.
    ShowScript(bool),
    /// The presentation's script as it becomes after this change.
    SetScript(Vec<Step>, ScriptChange),
}

/// What changed in a presentation's script: it names the undo step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptChange {
    Add,
    Move,
    Delete,
    Rename,
}

/// A field of a form: it names the undo step of what was typed in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Acronym,
    Kind,
    HeadTitle,
    HeadName,
    Headcount,
    Staff,
    Missions,
    Notes,
    Chair,
    Members,
    Participants,
    Cadence,
    Purpose,
    Description,
}

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Field::Name => ("Modifier le nom", "Edit the name"),
            Field::Acronym => ("Modifier le sigle", "Edit the acronym"),
            Field::Kind => ("Modifier le type", "Edit the kind"),
            Field::HeadTitle | Field::HeadName => ("Modifier le responsable", "Edit the head"),
            Field::Headcount => ("Modifier l'effectif", "Edit the headcount"),
            Field::Staff => (
                "Modifier le rattachement d'état-major",
                "Edit the staff position",
            ),
            Field::Missions => ("Modifier les missions", "Edit the missions"),
            Field::Notes => ("Modifier les notes", "Edit the notes"),
            Field::Chair => ("Modifier la présidence", "Edit the chair"),
            Field::Members => ("Modifier les membres", "Edit the members"),
            Field::Participants => ("Modifier les participants", "Edit the participants"),
            Field::Cadence => ("Modifier la fréquence", "Edit the cadence"),
            Field::Purpose => ("Modifier l'objet", "Edit the purpose"),
            Field::Description => ("Modifier la description", "Edit the description"),
        };
        lang.pick(fr, en)
    }

    /// The merge key of typing in this field of element `id`: the same field of the same
    /// element keeps extending one undo step.
    pub fn typing_key(self, id: &Id) -> String {
        format!("{id}:{self:?}")
    }
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
            Action::Import => ("Importer un tableau…", "Import a table…"),
            Action::ImportTable(_) => ("Importer", "Import"),
            Action::Compare => ("Comparer avec…", "Compare with…"),
            Action::ChooseLogo => ("Choisir le logo…", "Choose the logo…"),
            Action::DraftText => (
                "Exporter le projet de texte…",
                "Export the draft legal text…",
            ),
            Action::SaveDraft(_) => (
                "Enregistrer le projet de texte",
                "Save the draft legal text",
            ),
            Action::ReadText => ("Importer un texte…", "Import a legal text…"),
            Action::Graft(..) => ("Ajouter les unités d'un texte", "Add the units of a text"),
            Action::UpdateFromTable(..) => {
                ("Mettre à jour depuis un tableau", "Update from a table")
            }
            Action::ApplyUpdate => ("Appliquer la mise à jour", "Apply the update"),
            Action::SaveCorrespondence => ("Tableau de correspondance…", "Correspondence table…"),
            Action::SettleConflict(_, true) => ("Prendre la leur", "Take theirs"),
            Action::SettleConflict(_, false) => ("Garder la nôtre", "Keep ours"),
            Action::EndCompare => ("Quitter la comparaison", "Leave the comparison"),
            Action::ShowChange(_) => ("Montrer sur le schéma", "Show on the chart"),
            Action::Save => ("Enregistrer", "Save"),
            Action::SaveAs => ("Enregistrer sous…", "Save as…"),
            Action::Export => ("Exporter en PNG, SVG ou PDF…", "Export as PNG, SVG or PDF…"),
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
            Action::SetMissions(_) => ("Missions", "Missions"),
            Action::SetOrientation(_) => ("De gauche à droite", "Left to right"),
            Action::SetCompact(_) => ("Compact", "Compact"),
            Action::ShowFrameTimes(_) => ("Performance", "Performance"),
            Action::SaveThen(_) => ("Enregistrer", "Save"),
            Action::DontSave(_) => ("Ne pas enregistrer", "Don't save"),
            Action::Overwrite => ("Écraser", "Overwrite"),
            Action::Reload => (
                "Recharger (perdre mes modifications)",
                "Reload (lose my changes)",
            ),
            Action::Recover(true) => ("Restaurer", "Restore"),
            Action::Recover(false) => ("Ignorer", "Discard"),
            Action::StartExport(_) => ("Exporter…", "Export…"),
            Action::CancelExport => ("Annuler l'export", "Cancel export"),
            Action::CancelOpen => ("Annuler l'ouverture", "Cancel opening"),
            Action::Select(_) => ("Sélectionner", "Select"),
            Action::SetUnit(_, field) => return field.label(lang),
            Action::SetBody(..) => ("Modifier l'instance", "Edit the body"),
            Action::SetEntity(..) => ("Modifier l'entité extérieure", "Edit the outside entity"),
            Action::SetHeader(..) => ("Modifier l'organisation", "Edit organisation"),
            Action::SetTexts(..) => ("Modifier les textes", "Edit legal texts"),
            Action::Seal => ("Valider la saisie", "End typing"),
            Action::CancelTyping(_) => ("Reprendre la saisie", "Take typing back"),
            Action::Reparent { .. } => ("Rattacher l'unité", "Reparent unit"),
            Action::MoveUnit { .. } => ("Déplacer l'unité", "Move unit"),
            Action::DeleteUnit { .. } => ("Supprimer l'unité", "Delete unit"),
            Action::AddBody => ("Ajouter une instance", "Add a body"),
            Action::RemoveBody(_) => ("Supprimer l'instance", "Delete body"),
            Action::AddEntity => ("Ajouter une entité extérieure", "Add an outside entity"),
            Action::RemoveEntity(_) => (
                "Supprimer l'entité et ses relations",
                "Delete entity and its relations",
            ),
            Action::AddRelation(_) => ("Ajouter une relation", "Add a relation"),
            Action::RemoveRelation(_) => ("Supprimer la relation", "Remove relation"),
            Action::Present(Order::Branches) => {
                ("Présenter par branche", "Present branch by branch")
            }
            Action::Present(_) => ("Présenter", "Present"),
            Action::PresentFrom(_) => ("Présenter depuis cette étape", "Present from this step"),
            Action::ShowScript(_) => ("Script de présentation…", "Presentation script…"),
            Action::SetScript(_, ScriptChange::Add) => {
                ("Ajouter l'étape actuelle", "Add the current step")
            }
            Action::SetScript(_, ScriptChange::Move) => ("Déplacer l'étape", "Move the step"),
            Action::SetScript(_, ScriptChange::Delete) => ("Supprimer l'étape", "Delete the step"),
            Action::SetScript(_, ScriptChange::Rename) => ("Renommer l'étape", "Rename the step"),
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
            Action::Present(Order::Script) => s(Modifiers::NONE, Key::F5),
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
    pub fn with_shortcuts() -> [Action; 18] {
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
            Action::Present(Order::Script),
        ]
    }
}
