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
        let (name, file) = (&self.doc.org().logo, self.doc.path.as_deref());
        let state = &mut self.logo;
        if is_for(state.key.as_ref(), name, file) {
            // Back to the logo shown (an undo): what was being read is not wanted.
            state.reading = None;
            return;
        }
        match state.reading.take() {
            Some((key, reader)) if is_for(Some(&key), name, file) => {
                if !reader.is_finished() {
                    state.reading = Some((key, reader));
                    return;
                }
                let read = reader.join().unwrap_or_default();
                *state = LogoState {
                    key: Some(key),
                    ..read
                };
            }
            // Another name (typed on), or none being read: read this one.
            _ => {
                let (name, file, ctx) = (name.clone(), file.map(Path::to_path_buf), ctx.clone());
                let key = (name.clone(), file.clone());
                let reader = std::thread::spawn(move || {
                    let read = LogoState::read(&name, file.as_deref());
                    ctx.request_repaint();
                    read
                });
                state.reading = Some((key, reader));
            }
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
