//! Opening, saving and exporting from the window. Native dialogs (rfd) only choose paths; the
//! work is done by functions tests can call with a path.

use super::{Dialog, OrgApp};
use crate::doc::Document;
use crate::export::png::{self, Paper, PngOptions};
use crate::layout::Orientation;
use crate::scene::{self, ChartOptions, MissionsMode, Theme};
use eframe::egui;
use std::path::Path;

pub fn open_dialog(app: &mut OrgApp, _ctx: &egui::Context) {
    let picked = rfd::FileDialog::new()
        .add_filter("Organigramme (*.ron)", &["ron"])
        .pick_file();
    if let Some(path) = picked {
        open_path(app, &path);
    }
}

/// Opens a file; on failure the current document stays open and untouched.
pub fn open_path(app: &mut OrgApp, path: &Path) {
    let lang = app.lang();
    match Document::open(path) {
        Ok((doc, warnings)) => {
            app.replace_document(doc);
            app.settings.remember(path);
            let n = warnings.len();
            let text = if n == 0 {
                format!("{} {}", lang.pick("Ouvert :", "Opened:"), path.display())
            } else {
                format!(
                    "{} {} — {n} {}",
                    lang.pick("Ouvert :", "Opened:"),
                    path.display(),
                    lang.pick("avertissement(s)", "warning(s)")
                )
            };
            app.set_status(text, false);
        }
        Err(e) => {
            app.set_status(
                lang.pick(
                    "Le fichier n'a pas pu être ouvert",
                    "The file could not be opened",
                ),
                true,
            );
            app.dialog = Some(Dialog::Error {
                title: lang.pick("Ouverture impossible", "Cannot open file").into(),
                text: e.to_string(),
            });
        }
    }
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

/// Saves to the document's file, or asks for one (`ask`, or a document never saved).
pub fn save(app: &mut OrgApp, ask: bool) {
    let path = match (&app.doc.path, ask) {
        (Some(_), false) if app.doc.changed_on_disk() => {
            app.dialog = Some(Dialog::ChangedOnDisk);
            return;
        }
        (Some(p), false) => p.clone(),
        _ => {
            let name = format!("{}.ron", file_stem(&app.doc.org));
            match rfd::FileDialog::new()
                .add_filter("Organigramme (*.ron)", &["ron"])
                .set_file_name(name)
                .save_file()
            {
                Some(p) => p,
                None => return,
            }
        }
    };
    save_to(app, &path);
}

/// Saves to `path`; a failure leaves the file on disk and the document as they were.
pub fn save_to(app: &mut OrgApp, path: &Path) {
    let lang = app.lang();
    match app.doc.save_as(path) {
        Ok(()) => {
            app.settings.remember(path);
            app.set_status(
                format!("{} {}", lang.pick("Enregistré :", "Saved:"), path.display()),
                false,
            );
        }
        Err(e) => {
            app.set_status(
                lang.pick("L'enregistrement a échoué", "Saving failed"),
                true,
            );
            app.dialog = Some(Dialog::Error {
                title: lang.pick("Enregistrement impossible", "Cannot save").into(),
                text: e.to_string(),
            });
        }
    }
}

fn file_stem(org: &crate::model::Organisation) -> String {
    let base = if org.acronym.is_empty() {
        &org.name
    } else {
        &org.acronym
    };
    let stem: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "organigramme".into()
    } else {
        stem
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Png,
    Svg,
}

/// The export window's choices.
pub struct ExportDialog {
    pub format: ExportFormat,
    /// None: a plain scale; Some: fit a paper size at `dpi`.
    pub paper: Option<(Paper, bool)>,
    pub dpi: f32,
    pub scale: f32,
    pub orientation: Orientation,
    pub missions: MissionsMode,
    pub only_selection: bool,
    pub transparent: bool,
}

impl ExportDialog {
    pub fn new(app: &OrgApp) -> Self {
        ExportDialog {
            format: ExportFormat::Png,
            paper: Some((Paper::A3, true)),
            dpi: 150.0,
            scale: 2.0,
            orientation: app.chart.orientation,
            missions: app.chart.missions,
            only_selection: false,
            transparent: false,
        }
    }

    pub fn chart_options(&self, app: &OrgApp) -> ChartOptions {
        ChartOptions {
            orientation: self.orientation,
            missions: self.missions,
            root: self
                .only_selection
                .then(|| app.selection.map(|u| app.doc.org.units[u].id.clone()))
                .flatten(),
            theme: Theme::Light,
            lang: app.lang(),
            date: crate::cli::today(app.lang()),
            ..app.chart.clone()
        }
    }
}

/// Asks where to write, then writes the chart.
pub fn export(app: &mut OrgApp, dialog: &ExportDialog) {
    let (ext, filter) = match dialog.format {
        ExportFormat::Png => ("png", "PNG"),
        ExportFormat::Svg => ("svg", "SVG"),
    };
    let name = format!("{}.{ext}", file_stem(&app.doc.org));
    if let Some(path) = rfd::FileDialog::new()
        .add_filter(filter, &[ext])
        .set_file_name(name)
        .save_file()
    {
        export_to(app, dialog, &path);
    }
}

pub fn export_to(app: &mut OrgApp, dialog: &ExportDialog, path: &Path) {
    let lang = app.lang();
    let scene = scene::build(&app.doc.org, &dialog.chart_options(app));
    let bytes = match dialog.format {
        ExportFormat::Svg => {
            Ok(crate::export::svg::write(&scene, &app.doc.org, dialog.transparent).into_bytes())
        }
        ExportFormat::Png => {
            let size = match dialog.paper {
                Some((paper, landscape)) => png::Size::Paper {
                    paper,
                    landscape,
                    dpi: dialog.dpi,
                },
                None => png::Size::Scale(dialog.scale),
            };
            png::render(
                &scene,
                &app.doc.org,
                &PngOptions {
                    size,
                    transparent: dialog.transparent,
                    // At a free scale, one chart unit is a 96 dpi pixel.
                    dpi: if dialog.paper.is_some() {
                        dialog.dpi
                    } else {
                        96.0 * dialog.scale
                    },
                },
            )
            .map_err(|e| e.to_string())
        }
    };
    let result =
        bytes.and_then(|b| crate::format::write_export(path, &b).map_err(|e| e.to_string()));
    match result {
        Ok(()) => app.set_status(
            format!("{} {}", lang.pick("Exporté :", "Exported:"), path.display()),
            false,
        ),
        Err(e) => {
            app.set_status(lang.pick("L'export a échoué", "Export failed"), true);
            app.dialog = Some(Dialog::Error {
                title: lang.pick("Export impossible", "Cannot export").into(),
                text: e,
            });
        }
    }
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
