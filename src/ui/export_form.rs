//! The export dialog: its choices, turned into the same `ExportRequest` the command line
//! builds, and its form, drawn inside the dialogs' modal so that its controls get the clicks
//! (a window under an empty `egui::Modal` gets none). The form edits the choices and says
//! which button was pressed; the app starts the export after the pass.

use crate::export::pdf::Pages;
use crate::export::png::{self, Paper, PngError};
use crate::export::request::{ExportRequest, Format, PngSize};
use crate::i18n::Lang;
use crate::layout::Orientation;
use crate::model::Id;
use crate::scene::{ChartOptions, MissionsMode, Theme};
use eframe::egui;

/// The export window's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportDialog {
    pub format: Format,
    /// None: a plain scale; Some: fit a paper size at `dpi`.
    pub paper: Option<(Paper, bool)>,
    pub dpi: f32,
    pub scale: f32,
    pub orientation: Orientation,
    pub missions: MissionsMode,
    pub only_selection: bool,
    pub transparent: bool,
    /// « Exporté le … » in the footer (the command line's `--no-date` when off).
    pub date: bool,
    /// The SVG's embedded fonts (the command line's `--no-embed-font` when off).
    pub embed_fonts: bool,
    /// A PDF on paper over several sheets (the command line's `--pages`).
    pub pages: Pages,
}

impl ExportDialog {
    /// The choices first offered: the chart's orientation and missions as the window shows
    /// them, on A3 landscape.
    pub fn new(chart: &ChartOptions) -> Self {
        ExportDialog {
            format: Format::Png,
            paper: Some((Paper::A3, true)),
            dpi: 150.0,
            scale: 2.0,
            orientation: chart.orientation,
            missions: chart.missions,
            only_selection: false,
            transparent: false,
            date: true,
            embed_fonts: true,
            pages: Pages::One,
        }
    }

    /// The request the command line would build from the same options (`--paper P --dpi D`,
    /// or `--scale S`, which records 96 × S dpi) for the window's `chart`; `selected` is the
    /// root of the part exported when only the selection is.
    pub fn request(&self, chart: &ChartOptions, selected: Option<Id>) -> ExportRequest {
        let lang = chart.lang;
        let chart = ChartOptions {
            orientation: self.orientation,
            missions: self.missions,
            root: selected.filter(|_| self.only_selection),
            theme: Theme::Light,
            lang,
            date: if self.date {
                crate::cli::today(lang)
            } else {
                String::new()
            },
            ..chart.clone()
        };
        let png = match self.paper {
            Some(paper) => PngSize {
                paper: Some(paper),
                scale: None,
                dpi: Some(self.dpi),
            },
            None => PngSize {
                paper: None,
                scale: Some(self.scale),
                dpi: None,
            },
        };
        ExportRequest {
            format: self.format,
            chart,
            png,
            transparent: self.transparent,
            embed_fonts: self.embed_fonts,
            // As the form offers it: on paper only.
            pages: match (self.format, self.paper) {
                (Format::Pdf, Some(_)) => self.pages,
                _ => Pages::One,
            },
        }
    }
}

impl ExportDialog {
    /// What the status bar says when names would print at `pt` points: the dialog's own ways
    /// to larger names (exporting the selected unit's part, folding units), not the command
    /// line's options.
    pub fn small_print_warning(pt: f32, lang: Lang) -> String {
        let (part, pt) = (lang.quote(part_label(lang)), png::points(pt, lang));
        match lang {
            Lang::Fr => format!(
                "attention : les noms les plus petits s'imprimeraient à {pt} pt ; essayez la partie {part}, des unités repliées (Espace), un papier plus grand ou le SVG"
            ),
            Lang::En => format!(
                "warning: the smallest names would print at {pt} pt; try the part {part}, folded units (Space), a larger paper or the SVG"
            ),
        }
    }

    /// Why the export failed, in the window's words: a bitmap too large names the dialog's
    /// controls where the command line's message names its options.
    pub fn error_text(error: &PngError, lang: Lang) -> String {
        let PngError::TooLarge { width, height } = error else {
            return error.text(lang);
        };
        let part = lang.quote(part_label(lang));
        let (side, mpx) = (png::MAX_SIDE, png::MAX_PIXELS / 1_000_000);
        match lang {
            Lang::Fr => format!(
                "image trop grande ({width} × {height} pixels ; au plus {side} pixels de côté et {mpx} millions de pixels) : exportez la partie {part}, repliez des unités, réduisez l'échelle ou la résolution, ou exportez en SVG, qui n'a pas de limite"
            ),
            Lang::En => format!(
                "image too large ({width} × {height} pixels; at most {side} pixels a side and {mpx} million pixels): export the part {part}, fold units, lower the scale or the resolution, or export as SVG, which has no limit"
            ),
        }
    }
}

/// The choice of exporting only the selected unit and those below it (the command line's
/// `--root`).
fn part_label(lang: Lang) -> &'static str {
    lang.pick(
        "l'unité sélectionnée et ses sous-unités",
        "the selected unit and below",
    )
}

pub enum Choice {
    Export,
    Cancel,
}

pub fn show(
    ui: &mut egui::Ui,
    d: &mut ExportDialog,
    lang: Lang,
    has_selection: bool,
) -> Option<Choice> {
    ui.heading(lang.pick("Exporter le schéma", "Export the chart"));
    egui::Grid::new("export").num_columns(2).show(ui, |ui| {
        ui.label(lang.pick("Format", "Format"));
        ui.horizontal(|ui| {
            ui.radio_value(&mut d.format, Format::Png, "PNG");
            ui.radio_value(&mut d.format, Format::Svg, "SVG");
            ui.radio_value(&mut d.format, Format::Pdf, "PDF");
        });
        ui.end_row();
        if d.format != Format::Svg {
            size(ui, d, lang);
        }
        ui.label(lang.pick("Orientation", "Orientation"));
        ui.horizontal(|ui| {
            ui.radio_value(
                &mut d.orientation,
                Orientation::TopDown,
                lang.pick("de haut en bas", "top-down"),
            );
            ui.radio_value(
                &mut d.orientation,
                Orientation::LeftRight,
                lang.pick("de gauche à droite", "left-right"),
            );
        });
        ui.end_row();
        ui.label(lang.pick("Missions", "Missions"));
        egui::ComboBox::from_id_salt("export-missions")
            .selected_text(super::chart::missions_label(d.missions, lang))
            .show_ui(ui, |ui| {
                for m in [MissionsMode::None, MissionsMode::First, MissionsMode::Full] {
                    ui.selectable_value(&mut d.missions, m, super::chart::missions_label(m, lang));
                }
            });
        ui.end_row();
        ui.label(lang.pick("Partie", "Part"));
        ui.add_enabled(
            has_selection,
            egui::Checkbox::new(&mut d.only_selection, part_label(lang)),
        );
        ui.end_row();
        ui.label(lang.pick("Fond", "Background"));
        ui.checkbox(&mut d.transparent, lang.pick("transparent", "transparent"));
        ui.end_row();
        ui.label(lang.pick("Pied de page", "Footer"));
        ui.checkbox(&mut d.date, lang.pick("date de l'export", "export date"));
        ui.end_row();
        if d.format == Format::Svg {
            ui.label(lang.pick("Polices", "Fonts"));
            ui.checkbox(
                &mut d.embed_fonts,
                lang.pick("intégrées au fichier", "embedded in the file"),
            )
            .on_hover_text(lang.pick(
                "Le SVG s'affiche alors partout comme ici, même sans ces polices installées.",
                "The SVG then looks the same everywhere, even without these fonts installed.",
            ));
            ui.end_row();
        }
    });
    let mut choice = None;
    // Enter presses the default button, as in the system's dialogs; not while a value is
    // being typed, where it confirms the value.
    let enter = !ui.ctx().text_edit_focused()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter));
    ui.horizontal(|ui| {
        if ui.button(lang.pick("Exporter…", "Export…")).clicked() || enter {
            choice = Some(Choice::Export);
        }
        if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
            choice = Some(Choice::Cancel);
        }
    });
    choice
}

fn size(ui: &mut egui::Ui, d: &mut ExportDialog, lang: Lang) {
    ui.label(lang.pick("Taille", "Size"));
    egui::ComboBox::from_id_salt("paper")
        .selected_text(paper_label(d.paper, d.format, lang))
        .show_ui(ui, |ui| {
            for p in [
                None,
                Some((Paper::A4, false)),
                Some((Paper::A4, true)),
                Some((Paper::A3, false)),
                Some((Paper::A3, true)),
            ] {
                ui.selectable_value(&mut d.paper, p, paper_label(p, d.format, lang));
            }
        });
    ui.end_row();
    // A PDF is drawn in vectors: only its paper matters, and over how many sheets.
    if d.format == Format::Pdf {
        if d.paper.is_some() {
            pages(ui, d, lang);
        }
        return;
    }
    if d.paper.is_some() {
        ui.label(lang.pick("Résolution (ppp)", "Resolution (dpi)"));
        ui.add(egui::DragValue::new(&mut d.dpi).range(72.0..=600.0));
    } else {
        ui.label(lang.pick("Échelle", "Scale"));
        ui.add(
            egui::DragValue::new(&mut d.scale)
                .range(0.25..=8.0)
                .speed(0.05),
        );
    }
    ui.end_row();
}

fn pages(ui: &mut egui::Ui, d: &mut ExportDialog, lang: Lang) {
    ui.label(lang.pick("Pages", "Pages"));
    ui.horizontal(|ui| {
        ui.radio_value(&mut d.pages, Pages::One, lang.pick("une", "one"));
        ui.radio_value(
            &mut d.pages,
            Pages::Auto,
            lang.pick("autant qu'il faut", "as many as needed"),
        )
        .on_hover_text(lang.pick(
            "Assez pour que les noms s'impriment à 6 pt au moins ; chaque unité entière sur une seule page, avec le numéro de page, un plan du schéma et « suite page N ».",
            "Enough for names to print at 6 pt at least; each unit whole on one page, with the page number, a map of the chart and « suite page N ».",
        ));
        let n = match d.pages {
            Pages::Count(n) => n,
            _ => 4,
        };
        ui.radio_value(&mut d.pages, Pages::Count(n), lang.pick("au plus", "at most"));
        if let Pages::Count(n) = &mut d.pages {
            ui.add(egui::DragValue::new(n).range(1..=999));
        }
    });
    ui.end_row();
}

fn paper_label(p: Option<(Paper, bool)>, format: Format, lang: Lang) -> String {
    match p {
        None if format == Format::Pdf => lang.pick("taille du schéma", "the chart's size").into(),
        None => lang.pick("échelle libre", "free scale").into(),
        Some((paper, landscape)) => {
            let name = if paper == Paper::A4 { "A4" } else { "A3" };
            format!(
                "{name} {}",
                if landscape {
                    lang.pick("paysage", "landscape")
                } else {
                    lang.pick("portrait", "portrait")
                }
            )
        }
    }
}
