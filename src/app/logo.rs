//! The document's logo in the window: read again when the file names another one or the
//! document moves (a relative path then points elsewhere), chosen with a file dialog, and
//! said when it cannot be read, the chart drawn without it. A picture replaced on the disk
//! under the same name shows once the document is opened again.

use super::OrgApp;
use super::chooser::Purpose;
use crate::doc::Header;
use crate::export::logo;
use crate::i18n::Message;
use crate::scene::Logo;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

/// What a logo is read for: the name in the file and the document's path.
type Key = (String, Option<PathBuf>);

#[derive(Default)]
pub struct LogoState {
    key: Option<Key>,
    pub loaded: Option<Arc<Logo>>,
    /// Why the logo named cannot be shown.
    pub problem: Option<Message>,
    /// Another logo being read on a thread of its own, and what for: decoding a large
    /// picture takes longer than a frame. The one shown stays until it is read.
    reading: Option<(Key, JoinHandle<LogoState>)>,
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
            reading: None,
        }
    }
}

fn is_for(key: Option<&Key>, name: &str, file: Option<&Path>) -> bool {
    key.is_some_and(|(n, f)| n == name && f.as_deref() == file)
}

impl OrgApp {
    /// Reads the logo again, on a thread, if the document names another one or moved; shows
    /// it once read. Why one cannot be is said under the field that names it, not on the
    /// status line, where a name half typed would leave its complaint behind.
    pub(super) fn refresh_logo(&mut self, ctx: &egui::Context) {
        // A save under way may move the document, and rename its logo with it (see
        // `follow_logo`): read once it is done.
        if self.saving.is_some() {
            return;
        }
        let (name, file) = (&self.doc.org().logo, self.doc.path.as_deref());
        let state = &mut self.logo;
        // One read at a time: a name typed on, or undone and redone, waits for the read
        // under way rather than starting another beside it (each may hold hundreds of MB).
        if state
            .reading
            .as_ref()
            .is_some_and(|(_, r)| !r.is_finished())
        {
            return;
        }
        if let Some((key, reader)) = state.reading.take() {
            let read = reader.join().unwrap_or_else(|_| LogoState {
                problem: Some(Message::new(
                    "logo : erreur interne pendant la lecture de l'image ; le schéma est dessiné sans",
                    "logo: internal error while reading the picture; the chart is drawn without it",
                )),
                ..Default::default()
            });
            if is_for(Some(&key), name, file) {
                *state = LogoState {
                    key: Some(key),
                    ..read
                };
                return;
            }
        }
        if is_for(state.key.as_ref(), name, file) {
            return;
        }
        let (name, file, ctx) = (name.clone(), file.map(Path::to_path_buf), ctx.clone());
        let key = (name.clone(), file.clone());
        let reader = std::thread::spawn(move || {
            let read = LogoState::read(&name, file.as_deref());
            ctx.request_repaint();
            read
        });
        state.reading = Some((key, reader));
    }

    /// Asks for a picture to be the organisation's logo.
    pub(super) fn choose_logo(&mut self, ctx: &egui::Context) {
        super::files::beside_document(self, Purpose::Logo, None, ctx);
    }

    /// Before a save under `to`: the logo is named anew from `to`'s folder, so that it still
    /// shows the same picture, relative to it when it lies inside (one undo step, which a
    /// failed save takes back). Tells whether it was.
    pub(super) fn follow_logo(&mut self, to: &Path) -> bool {
        let (name, from) = (&self.doc.org().logo, self.doc.path.as_deref());
        let folder = |p: &Path| std::path::absolute(p).ok()?.parent().map(Path::to_path_buf);
        // Saved in its own folder, the logo is named as the user wrote it.
        if name.is_empty() || from.and_then(folder) == folder(to) {
            return false;
        }
        let Some(picture) = logo::locate(name, from).filter(|p| p.is_file()) else {
            return false;
        };
        let renamed = logo::named(&picture, Some(to));
        if renamed == *name {
            return false;
        }
        let mut header = Header::of(self.doc.org());
        header.logo = renamed;
        let label = self.lang().pick("Chemin du logo", "Logo's path");
        self.set_header(Header(header), None, label);
        true
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
