//! What the application remembers between sessions, in eframe's storage (the platform's
//! config directory for our app id). Runtime state lives in `OrgApp`, not here.

use crate::i18n::Lang;
use crate::ui::options::{ChooserKind, RelationsView};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// One id for eframe's storage and for our own data directory, so there is one place.
pub const APP_ID: &str = "organigramme";
const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub lang: Lang,
    pub dark: bool,
    pub recent: Vec<PathBuf>,
    /// The folders files were last opened from, saved or exported to, newest first.
    pub recent_dirs: Vec<PathBuf>,
    pub file_chooser: ChooserKind,
    pub relations: RelationsView,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::Fr,
            dark: false,
            recent: Vec::new(),
            recent_dirs: Vec::new(),
            file_chooser: Default::default(),
            relations: RelationsView::default(),
        }
    }
}

impl Settings {
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// Where recovery copies of unsaved documents go.
pub fn data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", APP_ID).map(|d| d.data_dir().to_path_buf())
}
