//! The document's logo in the window: read again when the file names another one or the
//! document moves (a relative path then points elsewhere), chosen with a file dialog, and
//! said when it cannot be read, the chart drawn without it.

use super::OrgApp;
use super::chooser::Purpose;
use crate::doc::Header;
use crate::export::logo;
use crate::i18n::Message;
use crate::scene::Logo;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Default)]
pub struct LogoState {
    /// What it was read for: the name in the file and the document's path.
    key: Option<(String, Option<PathBuf>)>,
    pub loaded: Option<Arc<Logo>>,
    /// Why the logo named cannot be shown.
    pub problem: Option<Message>,
}

impl LogoState {
    /// Reads the logo `name` names for a document at `file`.
    pub fn read(name: &str, file: Option<&Path>) -> LogoState {
        let (loaded, problem) = match logo::for_structure(name, file) {
            None => (None, None),
            Some(Ok(logo)) => (Some(logo), None),
            Some(Err(why)) => (None, Some(why)),
        };
        LogoState {
            key: Some((name.to_string(), file.map(Path::to_path_buf))),
            loaded,
            problem,
        }
    }

    fn is_for(&self, name: &str, file: Option<&Path>) -> bool {
        self.key
            .as_ref()
            .is_some_and(|(n, f)| n == name && f.as_deref() == file)
    }
}

impl OrgApp {
    /// Reads the logo again if the document names another one or moved, and says why one
    /// cannot be read.
    pub(super) fn refresh_logo(&mut self) {
        let (name, file) = (&self.doc.org().logo, self.doc.path.as_deref());
        if self.logo.is_for(name, file) {
            return;
        }
        self.logo = LogoState::read(name, file);
        if let Some(why) = &self.logo.problem {
            let text = why.get(self.lang()).to_string();
            self.set_status(text, true);
        }
    }

    /// Asks for a picture to be the organisation's logo.
    pub(super) fn choose_logo(&mut self, ctx: &egui::Context) {
        super::files::beside_document(self, Purpose::Logo, None, ctx);
    }

    /// Before a save under `to`: the logo is named anew from `to`'s folder, so that it still
    /// shows the same picture, relative to it when it lies inside (one undo step).
    pub(super) fn follow_logo(&mut self, to: &Path) {
        let (name, from) = (&self.doc.org().logo, self.doc.path.as_deref());
        let folder = |p: &Path| std::path::absolute(p).ok()?.parent().map(Path::to_path_buf);
        // Saved in its own folder, the logo is named as the user wrote it.
        if name.is_empty() || from.and_then(folder) == folder(to) {
            return;
        }
        let Some(picture) = logo::locate(name, from).filter(|p| p.is_file()) else {
            return;
        };
        let renamed = logo::named(&picture, Some(to));
        if renamed != *name {
            let mut header = Header::of(self.doc.org());
            header.logo = renamed;
            let label = self.lang().pick("Chemin du logo", "Logo's path");
            self.set_header(Header(header), None, label);
        }
    }

    /// Names `picked` as the logo, relative to the document's folder when it lies inside
    /// it: one undo step, as any edit of the organisation's fields.
    pub(super) fn set_logo(&mut self, picked: &Path) {
        let mut header = Header::of(self.doc.org());
        header.logo = logo::named(picked, self.doc.path.as_deref());
        let label = self.lang().pick("Choisir le logo", "Choose the logo");
        self.set_header(Header(header), None, label);
    }
}
