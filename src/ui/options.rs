//! What the Affichage menu chooses and the settings remember: how relations are shown and
//! which file chooser opens.

use crate::model::Id;
use crate::scene::RelationsMode;
use serde::{Deserialize, Serialize};

/// How the window shows relations. Unlike the chart's `RelationsMode`, « those of the
/// selection » names no unit: it follows the selection, and a setting must outlive it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationsView {
    #[default]
    Lines,
    List,
    None,
    Selection,
}

impl RelationsView {
    pub const ALL: [RelationsView; 4] = [
        RelationsView::Lines,
        RelationsView::List,
        RelationsView::None,
        RelationsView::Selection,
    ];

    /// The chart's mode with `selected` selected; with nothing selected, « those of the
    /// selection » are none.
    pub fn mode(self, selected: Option<&Id>) -> RelationsMode {
        match (self, selected) {
            (RelationsView::Lines, _) => RelationsMode::Lines,
            (RelationsView::List, _) => RelationsMode::List,
            (RelationsView::Selection, Some(id)) => RelationsMode::Of(id.clone()),
            (RelationsView::None | RelationsView::Selection, _) => RelationsMode::None,
        }
    }
}

/// Which file chooser to use, as set in Affichage → Sélecteur de fichiers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChooserKind {
    /// The platform's where it can be shown, else the built-in one.
    #[default]
    Auto,
    BuiltIn,
    Native,
}
