//! PNG by rasterising our own SVG with resvg and the bundled font only (no system fonts), so
//! the bitmap shows exactly the SVG's lines, on any machine.

use super::svg;
use crate::scene::Scene;
use crate::text::{BOLD_TTF, FAMILY, REGULAR_TTF};
use std::sync::Arc;

/// Larger bitmaps are refused: 12,000 × 12,000 at four bytes a pixel is already 576 MB.
pub const MAX_PIXELS: u64 = 144_000_000;
/// Past this side, several viewers and slide tools refuse the image.
pub const MAX_SIDE: u32 = 32_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Paper {
    A4,
    A3,
}

/// How big the bitmap is: a plain scale, or a paper size at a resolution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Size {
    Scale(f32),
    Paper {
        paper: Paper,
        landscape: bool,
        dpi: f32,
    },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PngOptions {
    pub size: Size,
    pub transparent: bool,
    /// Written into the file (pHYs) so that print dialogs use the intended size.
    pub dpi: f32,
}

impl Default for PngOptions {
    fn default() -> Self {
        PngOptions {
            size: Size::Scale(1.0),
            transparent: false,
            dpi: 96.0,
        }
    }
}

#[derive(Debug, PartialEq)]
pub struct PngError(pub String);

impl std::fmt::Display for PngError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The factor from scene units to pixels.
pub fn scale_for(scene: &Scene, size: Size) -> f32 {
    match size {
        Size::Scale(s) => s,
        Size::Paper {
            paper,
            landscape,
            dpi,
        } => {
            let (mut w, mut h) = match paper {
                Paper::A4 => (210.0, 297.0),
                Paper::A3 => (297.0, 420.0),
            };
            if landscape {
                std::mem::swap(&mut w, &mut h);
            }
            let px = |mm: f32| mm / 25.4 * dpi;
            // A 10 mm margin on each side, as printers need.
            (px(w - 20.0) / scene.width.max(1.0)).min(px(h - 20.0) / scene.height.max(1.0))
        }
    }
}

/// Checks the bitmap size before any memory is taken for it.
pub fn check_size(scene: &Scene, scale: f32) -> Result<(u32, u32), PngError> {
    if !(scale.is_finite() && scale > 0.0) {
        return Err(PngError(format!("échelle invalide : {scale}")));
    }
    let w = (scene.width * scale).ceil().max(1.0);
    let h = (scene.height * scale).ceil().max(1.0);
    if w > MAX_SIDE as f32 || h > MAX_SIDE as f32 || (w as u64) * (h as u64) > MAX_PIXELS {
        return Err(PngError(format!(
            "image trop grande ({w} × {h} pixels ; au plus {MAX_SIDE} pixels de côté et {} millions de pixels) : exportez une partie avec --root ou --depth, réduisez --scale, ou exportez en SVG, qui n'a pas de limite",
            MAX_PIXELS / 1_000_000
        )));
    }
    Ok((w as u32, h as u32))
}

fn svg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options {
        font_family: FAMILY.to_string(),
        ..Default::default()
    };
    let db = options.fontdb_mut();
    db.load_font_data(REGULAR_TTF.to_vec());
    db.load_font_data(BOLD_TTF.to_vec());
    db.set_sans_serif_family(FAMILY);
    options.fontdb = Arc::new(std::mem::take(options.fontdb_mut()));
    options
}

/// Renders the scene and encodes it as PNG bytes.
pub fn render(scene: &Scene, options: &PngOptions) -> Result<Vec<u8>, PngError> {
    let scale = scale_for(scene, options.size);
    let (w, h) = check_size(scene, scale)?;
    let svg = svg::write(scene, options.transparent);
    let tree = resvg::usvg::Tree::from_str(&svg, &svg_options())
        .map_err(|e| PngError(format!("SVG interne illisible : {e}")))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| PngError("mémoire insuffisante pour l'image".into()))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let dpi = match options.size {
        Size::Paper { dpi, .. } => dpi,
        Size::Scale(_) => options.dpi,
    };
    encode(pixmap.take(), w, h, dpi)
}

/// Encodes premultiplied RGBA (tiny-skia's) as PNG's straight alpha, converting in place: the
/// buffer can be hundreds of megabytes.
fn encode(mut rgba: Vec<u8>, w: u32, h: u32, dpi: f32) -> Result<Vec<u8>, PngError> {
    for px in rgba.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let per_metre = (dpi / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let err = |e: png::EncodingError| PngError(format!("encodage PNG impossible : {e}"));
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&rgba).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(out)
}
