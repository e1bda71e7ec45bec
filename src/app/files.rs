//! Opening, saving and exporting from the window. File dialogs only choose paths
//! (`chooser`); the work is done by functions tests can call with a path.

use super::OrgApp;
use super::chooser::{Ask, Purpose};
use crate::doc::Document;
use crate::ui::{Action, Dialog, ExportDialog, ImportDialog};
use eframe::egui;
use std::path::Path;

impl OrgApp {
    /// Asks for a path, with the platform's dialog or the built-in one, and goes on with
    /// `chosen` once there is one.
    pub fn choose(&mut self, ask: Ask, ctx: &egui::Context) {
        let lang = self.lang();
        if self.platform.use_native(self.settings.file_chooser) {
            let (picked, failed) = super::chooser::ask_native(&ask);
            if let Some(path) = picked {
                self.chosen(ask.purpose, &path, ctx);
                return;
            }
            if !failed {
                return;
            }
            self.set_status(
                lang.pick(
                    "Le sélecteur de fichiers du système n'a pas pu s'ouvrir : voici celui d'Organigramme",
                    "The system's file dialog could not be shown: here is Organigramme's own",
                ),
                true,
            );
        }
        self.chooser.open(ask, &self.settings.recent_dirs, lang);
    }

    /// Does what the path was chosen for.
    pub fn chosen(&mut self, purpose: Purpose, path: &Path, ctx: &egui::Context) {
        super::chooser::remember_dir(&mut self.settings.recent_dirs, path);
        match purpose {
            Purpose::Open => self.start_open(path, ctx),
            Purpose::SaveAs { then } => self.start_save(path, then, ctx),
            Purpose::Export(request) => self.start_export(*request, path, ctx),
            Purpose::Import => self.preview_table(path),
            Purpose::Compare => self.start_compare(path),
            Purpose::Draft(options) => self.write_draft(path, &options),
            Purpose::Correspondence => self.write_correspondence(path),
            Purpose::Logo => self.set_logo(path),
        }
    }

    /// Reads a table and shows it in the import preview; a table that cannot be read shows
    /// why. Read here rather than on a thread: a table of thousands of rows reads in a
    /// fraction of a second.
    pub fn preview_table(&mut self, path: &Path) {
        let lang = self.lang();
        self.dialog = Some(match crate::import::read_path(path, None) {
            Ok(table) => Dialog::Import(Box::new(ImportDialog::new(path.to_path_buf(), table))),
            Err(e) => Dialog::Error {
                title: lang.pick("Import impossible", "Cannot import").into(),
                text: e.get(lang).into(),
            },
        });
    }

    fn document_dir(&self) -> Option<std::path::PathBuf> {
        // A file named on the command line may be relative (`organigramme projet.ron`): its
        // folder is then "", which no dialog can open.
        let path = std::path::absolute(self.doc.path.as_ref()?).ok()?;
        path.parent().map(Path::to_path_buf)
    }
}

pub fn open_dialog(app: &mut OrgApp, ctx: &egui::Context) {
    let ask = Ask {
        purpose: Purpose::Open,
        dir: app.document_dir(),
        file_name: None,
    };
    app.choose(ask, ctx);
}

/// Asks for a table to import, beside the document or in the last folder used.
pub fn import_dialog(app: &mut OrgApp, ctx: &egui::Context) {
    beside_document(app, Purpose::Import, None, ctx);
}

/// Asks for another version of the document, to compare it with.
pub fn compare_dialog(app: &mut OrgApp, ctx: &egui::Context) {
    beside_document(app, Purpose::Compare, None, ctx);
}

/// Asks where to write the comparison's tableau de correspondance.
pub fn correspondence_dialog(app: &mut OrgApp, ctx: &egui::Context) {
    let name = "tableau-de-correspondance.csv".to_string();
    beside_document(app, Purpose::Correspondence, Some(name), ctx);
}

/// Asks where to write the draft legal text, named after the structure.
pub fn draft_dialog(app: &mut OrgApp, options: crate::legal::DraftOptions, ctx: &egui::Context) {
    let org = app.doc.org();
    let stem = if org.acronym.is_empty() {
        "projet"
    } else {
        org.acronym.as_str()
    };
    let name = format!("projet-de-texte-{}.docx", stem.to_lowercase());
    beside_document(app, Purpose::Draft(options), Some(name), ctx);
}

/// Asks for a file beside the document, or in the last folder used; `file_name`: the name
/// proposed for a file to write.
pub(super) fn beside_document(
    app: &mut OrgApp,
    purpose: Purpose,
    file_name: Option<String>,
    ctx: &egui::Context,
) {
    let ask = Ask {
        purpose,
        dir: app
            .document_dir()
            .or_else(|| app.settings.recent_dirs.first().cloned()),
        file_name,
    };
    app.choose(ask, ctx);
}

pub fn open_sample(app: &mut OrgApp, i: usize) {
    let Some(sample) = crate::samples::SAMPLES.get(i) else {
        return;
    };
    if let Ok(loaded) = crate::format::load_bytes(sample.file_name, sample.text.as_bytes()) {
        app.replace_document(Document::new(loaded.organisation, None));
        app.set_status(sample.title, false);
    }
}

/// Saves to the document's file, or asks for one (`ask`, or a document never saved); then,
/// if the document was saved, runs `then`.
pub fn save(app: &mut OrgApp, ask: bool, then: Option<Action>, ctx: &egui::Context) {
    match (&app.doc.path, ask) {
        (Some(_), false) if app.doc.changed_on_disk() => {
            app.dialog = Some(Dialog::ChangedOnDisk);
        }
        (Some(p), false) => {
            let path = p.clone();
            app.chosen(Purpose::SaveAs { then }, &path, ctx);
        }
        _ => {
            let ask = Ask {
                purpose: Purpose::SaveAs { then },
                dir: app.document_dir(),
                file_name: Some(format!("{}.ron", file_stem(app.doc.org()))),
            };
            app.choose(ask, ctx);
        }
    }
}

/// Saves to `path` and waits for the file to be written: a failure leaves the file on disk
/// and the document as they were.
pub fn save_to(app: &mut OrgApp, path: &Path, ctx: &egui::Context) {
    app.start_save(path, None, ctx);
    app.wait_for_save(ctx);
}

fn file_stem(org: &crate::model::Organisation) -> String {
    let base = if org.acronym.is_empty() {
        &org.name
    } else {
        &org.acronym
    };
    // ASCII only: the file travels between systems, and egui-file-dialog 0.15 selects the
    // proposed stem by byte count as if it were characters, so each accent would leave the
    // selection one character into the extension.
    let stem: String = crate::model::fold(base)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "organigramme".into()
    } else {
        stem
    }
}

/// Asks where to write, then writes the chart off the UI thread.
pub fn export(app: &mut OrgApp, dialog: &ExportDialog, ctx: &egui::Context) {
    let request = app.export_request(dialog);
    let ask = Ask {
        file_name: Some(format!(
            "{}.{}",
            file_stem(app.doc.org()),
            request.format.extension()
        )),
        purpose: Purpose::Export(Box::new(request)),
        // Beside the document, as the command line's habit of `-o` next to the file.
        dir: app
            .document_dir()
            .or_else(|| app.settings.recent_dirs.first().cloned()),
    };
    app.choose(ask, ctx);
}

pub fn write_screenshot(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for p in &image.pixels {
        bytes.extend_from_slice(&p.to_srgba_unmultiplied());
    }
    let mut out = Vec::new();
    let mut encoder = ::png::Encoder::new(&mut out, w as u32, h as u32);
    encoder.set_color(::png::ColorType::Rgba);
    encoder.set_depth(::png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    crate::format::write_export(path, &out).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::file_stem;
    use crate::model::Organisation;

    #[test]
    fn proposed_file_names_are_ascii() {
        let org = Organisation {
            name: "Secrétariat général de l'INSEE".into(),
            ..Default::default()
        };
        assert_eq!(file_stem(&org), "secretariat-general-de-l-insee");
    }
}
