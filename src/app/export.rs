//! Exporting from the window: the dialog's choices (`ui::ExportDialog`) for the document and
//! selection open here, and the worker thread that renders and writes the file while the
//! window stays responsive.

use super::OrgApp;
use crate::export::request::ExportRequest;
use crate::model::Organisation;
use crate::ui::ExportDialog;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// How an export ended: written (with the size in points of names too small to print, if
/// any), or why not.
pub type Outcome = Result<Option<f32>, String>;

/// An export running on a worker thread.
pub struct ExportJob {
    pub path: PathBuf,
    cancel: Arc<AtomicBool>,
    done: mpsc::Receiver<Outcome>,
}

impl ExportJob {
    /// Renders and writes on a thread of its own; `ctx` is asked for a frame when it ends, so
    /// the window need not poll.
    pub fn start(
        request: ExportRequest,
        org: Arc<Organisation>,
        path: &Path,
        ctx: &egui::Context,
    ) -> ExportJob {
        let (tx, done) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job = ExportJob {
            path: path.to_path_buf(),
            cancel: cancel.clone(),
            done,
        };
        let path = path.to_path_buf();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let outcome = run(&request, &org, &path, &cancel);
            // The window may have been closed meanwhile: nobody to tell then.
            let _ = tx.send(outcome);
            ctx.request_repaint();
        });
        job
    }

    /// Asks the worker to stop. resvg cannot be interrupted: a bitmap being drawn is finished
    /// and thrown away, and nothing is written.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// The outcome, once the worker is done.
    pub fn poll(&self, lang: crate::i18n::Lang) -> Option<Outcome> {
        match self.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            // The worker panicked before it could say.
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(lang
                .pick("l'export s'est interrompu", "the export stopped")
                .into())),
        }
    }
}

fn run(request: &ExportRequest, org: &Organisation, path: &Path, cancel: &AtomicBool) -> Outcome {
    let lang = request.chart.lang;
    let rendered = request
        .render(org)
        .map_err(|e| ExportDialog::error_text(&e, lang))?;
    if cancel.load(Ordering::Relaxed) {
        return Ok(None);
    }
    crate::format::write_export_with(path, |w| rendered.write_to(w))
        .map_err(|e| e.text(request.chart.lang))?;
    Ok(rendered.small_print)
}

impl OrgApp {
    /// What the export dialog's choices ask for: the command line's request for the same
    /// options, of the selected unit's part of the chart if the dialog says so.
    pub fn export_request(&self, dialog: &ExportDialog) -> ExportRequest {
        let selected = self.selected_unit();
        let root = selected.map(|u| self.doc.org().units[u].id.clone());
        dialog.request(&self.chart, root)
    }

    /// Starts writing the chart to `path` off the UI thread.
    pub fn start_export(&mut self, request: ExportRequest, path: &Path, ctx: &egui::Context) {
        let lang = self.lang();
        if self.exporting() {
            // One at a time: two writers of one file would race for it.
            self.set_status(
                lang.pick(
                    "Un export est déjà en cours : attendez-le ou annulez-le",
                    "An export is already running: wait for it or cancel it",
                ),
                true,
            );
            return;
        }
        // What the window shows: during a comparison, the comparison's chart, which the
        // request's options colour.
        let org = match &self.comparing {
            Some(c) => std::sync::Arc::new(c.compared.org.clone()),
            None => self.doc.shared(),
        };
        self.export_job = Some(ExportJob::start(request, org, path, ctx));
        self.set_status(
            format!(
                "{} {}…",
                lang.pick("Export en cours :", "Exporting:"),
                path.display()
            ),
            false,
        );
    }

    /// Reports a finished export.
    pub(super) fn poll_export(&mut self) {
        let Some(job) = &self.export_job else {
            return;
        };
        let lang = self.lang();
        let Some(outcome) = job.poll(lang) else {
            return;
        };
        let (path, cancelled) = (job.path.clone(), job.cancelled());
        self.export_job = None;
        match outcome {
            Ok(_) if cancelled => {
                self.set_status(lang.pick("Export annulé", "Export cancelled"), false)
            }
            Ok(small_print) => {
                let mut text =
                    format!("{} {}", lang.pick("Exporté :", "Exported:"), path.display());
                if let Some(pt) = small_print {
                    let warning = ExportDialog::small_print_warning(pt, lang);
                    text = format!("{text} — {warning}");
                }
                self.set_status(text, false);
            }
            Err(e) => {
                self.set_status(lang.pick("L'export a échoué", "Export failed"), true);
                self.dialog = Some(super::Dialog::Error {
                    title: lang.pick("Export impossible", "Cannot export").into(),
                    text: format!("{}: {e}", path.display()),
                });
            }
        }
    }

    pub fn exporting(&self) -> bool {
        self.export_job.is_some()
    }

    pub fn cancel_export(&mut self) {
        if let Some(job) = &self.export_job {
            job.cancel();
            let lang = self.lang();
            self.set_status(
                lang.pick("Annulation de l'export…", "Cancelling the export…"),
                false,
            );
        }
    }
}
