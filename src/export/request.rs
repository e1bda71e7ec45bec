//! One export request for the command line and the window: the same options give the same
//! file, whichever of the two asked for it.

use super::pdf::{self, PdfOptions};
use super::png::{self, Paper, PngOptions};
use crate::model::Organisation;
use crate::scene::{self, ChartOptions};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
    Pdf,
}

impl Format {
    /// From an output path's extension (`.svg`, `.png`, `.pdf`, any case).
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }
}

/// A PNG's size as asked for, before it is resolved against the chart: `--paper`,
/// `--scale` and `--dpi` on the command line, the same three in the window. A PDF takes the
/// paper only: it has no pixels.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PngSize {
    /// The whole sheet, portrait or landscape (`true`).
    pub paper: Option<(Paper, bool)>,
    pub scale: Option<f32>,
    pub dpi: Option<f32>,
}

impl PngSize {
    /// The bitmap's size and the resolution written into it. One chart unit is a 96 dpi
    /// pixel, so the written resolution follows the scale unless one is asked for.
    pub fn resolve(&self, scene: &scene::Scene) -> (png::Size, f32) {
        match (self.paper, self.scale, self.dpi) {
            (Some((paper, landscape)), _, dpi) => {
                let dpi = dpi.unwrap_or(150.0);
                let size = png::Size::Paper {
                    paper,
                    landscape,
                    dpi,
                };
                (size, dpi)
            }
            (None, Some(s), dpi) => (png::Size::Scale(s), dpi.unwrap_or(96.0 * s)),
            (None, None, Some(d)) => (png::Size::Scale(d / 96.0), d),
            (None, None, None) => {
                let s = png::default_scale(scene);
                (png::Size::Scale(s), 96.0 * s)
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct ExportRequest {
    pub format: Format,
    pub chart: ChartOptions,
    pub png: PngSize,
    pub transparent: bool,
    /// SVG only: the fonts' subsets inside the file (`--no-embed-font` leaves them out).
    pub embed_fonts: bool,
    /// PDF only: over how many sheets.
    pub pages: pdf::Pages,
}

/// What an export produced, ready to be written: for a PNG or PDF whose smallest names would
/// print too small, their size in points as well (the file is still good; the command line and
/// the window each say what to do about it with their own controls).
pub struct Rendered<'a> {
    body: Body<'a>,
    pub small_print: Option<f32>,
}

enum Body<'a> {
    Bytes(Vec<u8>),
    /// An SVG is written out as it is made, never whole in memory (see `svg::write_to`).
    Svg {
        scene: Box<scene::Scene>,
        org: &'a Organisation,
        options: super::svg::SvgOptions,
    },
}

impl Rendered<'_> {
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match &self.body {
            Body::Bytes(bytes) => out.write_all(bytes),
            Body::Svg {
                scene,
                org,
                options,
            } => super::svg::write_to(scene, org, options, out),
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        match self.body {
            Body::Bytes(bytes) => bytes,
            Body::Svg {
                scene,
                org,
                options,
            } => super::svg::write(&scene, org, &options).into_bytes(),
        }
    }
}

impl ExportRequest {
    pub fn render<'a>(&self, org: &'a Organisation) -> Result<Rendered<'a>, png::PngError> {
        let scene = scene::build(org, &self.chart);
        match self.format {
            Format::Svg => Ok(Rendered {
                body: Body::Svg {
                    scene: Box::new(scene),
                    org,
                    options: super::svg::SvgOptions {
                        transparent: self.transparent,
                        embed_fonts: self.embed_fonts,
                    },
                },
                small_print: None,
            }),
            Format::Png => {
                let (size, dpi) = self.png.resolve(&scene);
                let options = PngOptions {
                    size,
                    transparent: self.transparent,
                    dpi,
                };
                let bytes = png::render(&scene, &options)?;
                let small_print = png::small_print(&scene, &options);
                Ok(Rendered {
                    body: Body::Bytes(bytes),
                    small_print,
                })
            }
            Format::Pdf => {
                let options = PdfOptions {
                    paper: self.png.paper,
                    transparent: self.transparent,
                    lang: self.chart.lang,
                    pages: self.pages,
                };
                let bytes = pdf::render(&scene, org, &options)?;
                let small_print = pdf::small_print(&scene, &options);
                Ok(Rendered {
                    body: Body::Bytes(bytes),
                    small_print,
                })
            }
        }
    }
}
