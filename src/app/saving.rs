//! Saving on a thread of its own. The window takes a snapshot (the document's shared
//! structure and its point in the history: no copy), a worker serialises and writes it
//! atomically, and a later frame takes in the outcome: the status bar says « Enregistré » or
//! why not; a failed save leaves the document dirty and the guard in force. A save asked for
//! while another runs, and quitting, wait for the one in flight.

use super::OrgApp;
use crate::format::{self, SaveError};
use crate::ui::{Action, Dialog};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

pub struct SaveJob {
    /// The document it saves: another may be open by the time it ends.
    doc: u64,
    path: PathBuf,
    /// The history point the file will hold.
    state: u64,
    /// What to do once saved (New, Open, Quit after the unsaved-changes guard).
    then: Option<Action>,
    writer: JoinHandle<Result<(), SaveError>>,
    /// Whether the logo was renamed for the new folder: a save that fails takes it back.
    logo_renamed: bool,
}

impl OrgApp {
    /// Starts writing the document to `path`; `then` runs once it is saved.
    pub fn start_save(&mut self, path: &Path, then: Option<Action>, ctx: &egui::Context) {
        self.finish_save(true, ctx);
        let logo_renamed = self.follow_logo(path);
        let (org, state) = self.doc.snapshot();
        let target = path.to_path_buf();
        let repaint = ctx.clone();
        let writer = std::thread::spawn(move || {
            let text = format::to_string(&org);
            drop(org);
            let written = format::atomic_write(&target, text.as_bytes());
            // The window may be idle: it takes in the outcome on the frame this asks for.
            repaint.request_repaint();
            written
        });
        let lang = self.lang();
        self.set_status(
            format!(
                "{} {}",
                lang.pick("Enregistrement de", "Saving"),
                path.display()
            ),
            false,
        );
        self.saving = Some(SaveJob {
            doc: self.doc.id(),
            path: path.to_path_buf(),
            state,
            then,
            writer,
            logo_renamed,
        });
    }

    pub fn saving(&self) -> bool {
        self.saving.is_some()
    }

    /// Waits for a save in flight, if any, and takes in its outcome: for tests, and before
    /// anything that must see the file written.
    pub fn wait_for_save(&mut self, ctx: &egui::Context) {
        self.finish_save(true, ctx);
    }

    /// Takes in the outcome of a save that has ended; with `wait`, of one still running too.
    pub(super) fn finish_save(&mut self, wait: bool, ctx: &egui::Context) {
        if !self
            .saving
            .as_ref()
            .is_some_and(|job| wait || job.writer.is_finished())
        {
            return;
        }
        let Some(job) = self.saving.take() else {
            return;
        };
        let lang = self.lang();
        let outcome = job.writer.join().unwrap_or_else(|_| {
            Err(SaveError {
                path: job.path.clone(),
                message: crate::i18n::Message::new(
                    "erreur interne pendant l'écriture",
                    "internal error while writing",
                ),
            })
        });
        match outcome {
            Ok(()) if job.doc != self.doc.id() => self.set_status(
                format!(
                    "{} {}",
                    lang.pick("Enregistré :", "Saved:"),
                    job.path.display()
                ),
                false,
            ),
            Ok(()) => {
                let dropped = self.doc.saved_as(&job.path, job.state);
                self.settings.remember(&job.path);
                let mut text = format!(
                    "{} {}",
                    lang.pick("Enregistré :", "Saved:"),
                    job.path.display()
                );
                if dropped {
                    text += lang.pick(
                        " — les commentaires du fichier ne sont pas conservés ; l'ancienne version est dans ",
                        " — the file's comments are not kept; the previous version is in ",
                    );
                    text += &format::backup_path(&job.path).display().to_string();
                }
                self.set_status(text, false);
                match job.then {
                    Some(action) if !self.doc.is_dirty() => self.run_unguarded(action, ctx),
                    // Changed while it was written: what was to follow waits for a new answer.
                    Some(_) => self.set_status(
                        lang.pick(
                            "Enregistré, mais modifié pendant l'écriture : rien d'autre n'a été fait",
                            "Saved, but changed while being written: nothing else was done",
                        ),
                        false,
                    ),
                    None => {}
                }
            }
            Err(e) => {
                let unchanged = job.doc == self.doc.id() && self.doc.snapshot().1 == job.state;
                if job.logo_renamed && unchanged {
                    self.doc.undo();
                }
                self.set_status(
                    lang.pick("L'enregistrement a échoué", "Saving failed"),
                    true,
                );
                self.dialog = Some(Dialog::Error {
                    title: lang.pick("Enregistrement impossible", "Cannot save").into(),
                    text: e.text(lang),
                });
            }
        }
    }
}

impl SaveJob {
    /// Waits for the file to be written, whatever the outcome: the window is closing.
    pub(super) fn join(self) -> Result<(), SaveError> {
        self.writer.join().unwrap_or(Ok(()))
    }
}
