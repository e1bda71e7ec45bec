//! Opening a file on a thread of its own: reading, parsing and validating a large structure
//! take seconds, during which the current document stays on screen and usable, a line in
//! the status bar says what is loading, and « Annuler » gives up on it.

use super::logo::LogoState;
use super::{OrgApp, ROUTE_BUDGET};
use crate::doc::Document;
use crate::format::LoadError;
use crate::i18n::say;
use crate::model::Issue;
use crate::scene::{self, Cache, ChartOptions, MissionsMode, Scene};
use crate::ui::Dialog;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// A tooltip longer than this would run off the screen.
const MAX_WARNINGS_SHOWN: usize = 30;

/// A document read, with its chart built (the options, the scene and the cache that built
/// it) and its logo.
type Read = (Document, Vec<Issue>, Built, LogoState);
type Built = (ChartOptions, Scene, Cache);

pub struct OpenJob {
    /// The document open when it started, and its revision: the file replaces it only if
    /// the user has not changed it meanwhile (or opened another).
    doc: (u64, u64),
    /// Named on the command line: on failure, the window shows the sample instead.
    from_command_line: bool,
    path: PathBuf,
    reader: JoinHandle<Result<Read, LoadError>>,
}

impl OrgApp {
    /// Starts reading `path`; the document open now stays until it is read.
    pub fn start_open(&mut self, path: &Path, ctx: &egui::Context) {
        let (target, repaint) = (path.to_path_buf(), ctx.clone());
        // The chart the window would build for it, built here too: laying out and routing a
        // large structure is most of the wait.
        let mut chart = ChartOptions {
            root: None,
            relations: self.settings.relations.mode(None),
            // Opening ends a comparison.
            changes: None,
            ..self.wanted_chart()
        };
        let reader = std::thread::spawn(move || {
            let read = Document::open(&target).map(|(doc, mut warnings)| {
                chart.missions = MissionsMode::default_for(doc.org().units.len());
                let logo = LogoState::read(&doc.org().logo, doc.path.as_deref());
                chart.logo = logo.loaded.clone();
                if let Some(why) = &logo.problem {
                    warnings.push(Issue::warning(None, why.clone()));
                }
                let mut cache = Cache::default();
                let scene = scene::build_with(doc.org(), doc.hierarchy(), &chart, &mut cache);
                cache.set_route_budget(Some(ROUTE_BUDGET));
                (doc, warnings, (chart, scene, cache), logo)
            });
            repaint.request_repaint();
            read
        });
        let lang = self.lang();
        self.set_status(
            format!(
                "{} {}…",
                lang.pick("Ouverture de", "Opening"),
                path.display()
            ),
            false,
        );
        // One file at a time: a newer choice replaces a read still running.
        self.opening = Some(OpenJob {
            doc: (self.doc.id(), self.doc.revision),
            from_command_line: false,
            path: path.to_path_buf(),
            reader,
        });
    }

    /// [`OrgApp::start_open`] for the file named on the command line.
    pub fn start_open_from_command_line(&mut self, path: &Path, ctx: &egui::Context) {
        self.start_open(path, ctx);
        if let Some(job) = &mut self.opening {
            job.from_command_line = true;
        }
    }

    pub fn opening(&self) -> bool {
        self.opening.is_some()
    }

    /// Gives up on the file being read: its thread ends on its own, unheard.
    pub fn cancel_open(&mut self) {
        if self.opening.take().is_some() {
            let lang = self.lang();
            self.set_status(lang.pick("Ouverture annulée", "Opening cancelled"), false);
        }
    }

    /// Waits for the file being read, if any, and shows it: for tests.
    pub fn wait_for_open(&mut self) {
        self.finish_open(true);
    }

    /// Shows a file that has been read (with `wait`, waits for it), or its error.
    pub(super) fn finish_open(&mut self, wait: bool) {
        // The offer of a crashed session's work is answered first: the file would close it.
        let offering = matches!(self.dialog, Some(Dialog::Recover { .. }));
        if !self
            .opening
            .as_ref()
            .is_some_and(|job| wait || (job.reader.is_finished() && !offering))
        {
            return;
        }
        let Some(job) = self.opening.take() else {
            return;
        };
        let lang = self.lang();
        let opened = match job.reader.join() {
            Ok(opened) => opened.map_err(|e| e.text(lang)),
            Err(_) => Err(format!(
                "{}: {}",
                job.path.display(),
                lang.pick(
                    "erreur interne pendant la lecture",
                    "internal error while reading"
                )
            )),
        };
        match opened {
            // Changes made while it was read (an edit, a recovered copy restored) are not
            // dropped for it: the user opens it again once they are saved.
            Ok(_) if job.doc != (self.doc.id(), self.doc.revision) => self.set_status(
                format!(
                    "{} {}",
                    lang.pick(
                        "Non ouvert, le document ayant changé pendant la lecture :",
                        "Not opened, as the document changed while it was read:"
                    ),
                    job.path.display()
                ),
                true,
            ),
            Ok((doc, warnings, (chart, scene, cache), logo)) => {
                self.replace_document(doc);
                self.logo = logo;
                self.install_scene(scene, cache, chart);
                self.settings.remember(&job.path);
                let opened = format!(
                    "{} {}",
                    lang.pick("Ouvert :", "Opened:"),
                    job.path.display()
                );
                let Some(first) = warnings.first() else {
                    self.set_status(opened, false);
                    return;
                };
                // The first warning on the line, every one on hover: a kind without a
                // label or a relation of a unit with itself must not pass unseen.
                let count = lang.count(
                    warnings.len(),
                    ("avertissement", "avertissements"),
                    ("warning", "warnings"),
                );
                self.set_status(
                    format!(
                        "{opened} — {count}{}{}",
                        lang.pick(" : ", ": "),
                        first.message.get(lang)
                    ),
                    false,
                );
                let mut details: Vec<String> = warnings
                    .iter()
                    .take(MAX_WARNINGS_SHOWN)
                    .map(|w| w.message.get(lang).to_string())
                    .collect();
                if warnings.len() > MAX_WARNINGS_SHOWN {
                    let more = warnings.len() - MAX_WARNINGS_SHOWN;
                    let more = lang.count(more, ("autre", "autres"), ("more", "more"));
                    details.push(say!(lang, "… et {more}", "… and {more}"));
                }
                if let Some(status) = &mut self.status {
                    status.details = Some(details.join("\n"));
                }
            }
            Err(e) => {
                eprintln!("{e}");
                if job.from_command_line {
                    // The window opened on this file alone: something to look at instead.
                    super::files::open_sample(self, 0);
                }
                self.set_status(
                    lang.pick(
                        "Le fichier n'a pas pu être ouvert",
                        "The file could not be opened",
                    ),
                    true,
                );
                self.dialog = Some(Dialog::Error {
                    title: lang.pick("Ouverture impossible", "Cannot open file").into(),
                    text: e,
                });
            }
        }
    }
}
