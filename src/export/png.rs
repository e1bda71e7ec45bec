//! PNG by rasterising our own SVG with resvg and the bundled font only (no system fonts), so
//! the bitmap shows exactly the SVG's lines, on any machine.

use super::{coarse, svg};
use crate::i18n::{Lang, Message, say};
use crate::scene::Scene;
use crate::text::{FAMILY, Font};
use std::sync::Arc;

/// Text that would be drawn smaller than this many pixels high is left out of a bitmap: a
/// smudge at best, while turning every glyph into a path made a small page of 50,000 units
/// take minutes and gigabytes.
const MIN_TEXT_PX: f32 = 2.0;

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
    /// Written into the file (pHYs) at a plain scale, so that print dialogs use the intended
    /// size: one chart unit is a 96 dpi pixel, so `96 × scale` prints the chart at its size.
    /// On paper, the paper's resolution is written instead.
    pub dpi: f32,
}

impl Default for PngOptions {
    fn default() -> Self {
        PngOptions {
            size: Size::Scale(SLIDE_SCALE),
            transparent: false,
            dpi: 96.0 * SLIDE_SCALE,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum PngError {
    /// The bitmap would pass `MAX_SIDE` or `MAX_PIXELS`: its size in pixels. Its message
    /// advises what to do, in the words of whoever asked (the command line's options here).
    TooLarge { width: f32, height: f32 },
    /// Anything else, in both languages.
    Other(Message),
}

impl std::fmt::Display for PngError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PngError::TooLarge { .. } => f.write_str(&self.text(Lang::Fr)),
            PngError::Other(message) => f.write_str(message.get(Lang::Fr)),
        }
    }
}

impl PngError {
    /// Why, in `lang`: the command line's words (a bitmap too large names its options).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            PngError::TooLarge { width, height } => say!(
                lang,
                "image trop grande ({} × {} pixels ; au plus {} pixels de côté et {} millions de pixels) : exportez une partie avec --root ou --depth, réduisez --scale ou --dpi, ou exportez en SVG, qui n'a pas de limite",
                "image too large ({} × {} pixels; at most {} pixels a side and {} million pixels): export a part with --root or --depth, lower --scale or --dpi, or export as SVG, which has no limit",
                width,
                height,
                MAX_SIDE,
                MAX_PIXELS / 1_000_000
            ),
            PngError::Other(message) => message.get(lang).to_string(),
        }
    }
}

/// Below this size, printed names are hard to read.
pub const MIN_PRINT_PT: f32 = 6.0;
/// The margin around the chart on a sheet of paper, as printers need.
pub(crate) const PAPER_MARGIN_MM: f32 = 10.0;
/// Pixels per chart unit of a PNG exported without a size: two pixels per point at least, so
/// that the picture stays sharp when a slide is projected.
pub const SLIDE_SCALE: f32 = 2.0;

/// The bitmap: its size in pixels, and where and how large the chart is drawn in it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    /// Pixels per chart unit.
    pub scale: f32,
    /// Where the chart's top-left corner lands, in pixels.
    pub offset: (f32, f32),
}

impl Paper {
    /// Width and height in millimetres, portrait.
    pub(crate) fn mm(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0, 297.0),
            Paper::A3 => (297.0, 420.0),
        }
    }
}

/// Lays the chart out on its bitmap: at a plain scale the bitmap is the chart; on paper it is
/// the whole sheet at the resolution, the chart fitted inside the margins and centred. Refuses
/// a bitmap too large before any memory is taken for it.
pub fn page(scene: &Scene, size: Size) -> Result<Page, PngError> {
    let (w, h, scale, offset) = match size {
        Size::Scale(scale) => {
            if !(scale.is_finite() && scale > 0.0) {
                return Err(PngError::Other(Message::new(
                    format!("échelle invalide : {scale}"),
                    format!("invalid scale: {scale}"),
                )));
            }
            let w = (scene.width * scale).ceil().max(1.0);
            let h = (scene.height * scale).ceil().max(1.0);
            (w, h, scale, (0.0, 0.0))
        }
        Size::Paper {
            paper,
            landscape,
            dpi,
        } => {
            if !(dpi.is_finite() && dpi > 0.0) {
                return Err(PngError::Other(Message::new(
                    format!("résolution invalide : {dpi} dpi"),
                    format!("invalid resolution: {dpi} dpi"),
                )));
            }
            let (mut w_mm, mut h_mm) = paper.mm();
            if landscape {
                std::mem::swap(&mut w_mm, &mut h_mm);
            }
            let px = |mm: f32| mm / 25.4 * dpi;
            let (w, h) = (px(w_mm).round().max(1.0), px(h_mm).round().max(1.0));
            let margin = px(PAPER_MARGIN_MM);
            let scale = ((w - 2.0 * margin) / scene.width.max(1.0))
                .min((h - 2.0 * margin) / scene.height.max(1.0))
                .max(f32::MIN_POSITIVE);
            let offset = (
                ((w - scene.width * scale) / 2.0).round(),
                ((h - scene.height * scale) / 2.0).round(),
            );
            (w, h, scale, offset)
        }
    };
    if w > MAX_SIDE as f32 || h > MAX_SIDE as f32 || (w as u64) * (h as u64) > MAX_PIXELS {
        return Err(PngError::TooLarge {
            width: w,
            height: h,
        });
    }
    Ok(Page {
        width: w as u32,
        height: h as u32,
        scale,
        offset,
    })
}

/// The scale of a PNG exported without a size: `SLIDE_SCALE`, lowered for a chart so large
/// that the bitmap would pass the limits, but never below one pixel per unit (below that, the
/// limits refuse it with their advice).
pub fn default_scale(scene: &Scene) -> f32 {
    let (w, h) = (scene.width.max(1.0), scene.height.max(1.0));
    let fits = (MAX_SIDE as f32 / w)
        .min(MAX_SIDE as f32 / h)
        .min((MAX_PIXELS as f32 / (w * h)).sqrt())
        // Rounding up of each side must not cross the limits either.
        * 0.999;
    SLIDE_SCALE.min(fits).max(1.0)
}

/// The size in points at which the smallest name of the chart prints, at `scale` pixels per
/// unit and `dpi` pixels per inch; `None` for a chart without boxes. Names are the bold lines
/// of units, bodies and entities.
pub fn smallest_name_pt(scene: &Scene, scale: f32, dpi: f32) -> Option<f32> {
    scene
        .items
        .iter()
        .filter(|i| !i.owner.is_decoration())
        .flat_map(|i| i.lines.iter())
        .filter(|l| l.style.bold)
        .map(|l| l.style.size)
        .reduce(f32::min)
        .map(|size| size * scale / dpi * 72.0)
}

/// The size in points at which the smallest names would print on this page, when it is below
/// `MIN_PRINT_PT`: too small to read once printed.
pub fn small_print(scene: &Scene, options: &PngOptions) -> Option<f32> {
    let page = page(scene, options.size).ok()?;
    smallest_name_pt(scene, page.scale, options.written_dpi()).filter(|&pt| pt < MIN_PRINT_PT)
}

/// `pt` as `lang` writes it, to one decimal: « 4,2 » in French.
pub fn points(pt: f32, lang: Lang) -> String {
    let shown = format!("{pt:.1}");
    match lang {
        Lang::Fr => shown.replace('.', ","),
        Lang::En => shown,
    }
}

/// What the command line says when names would print at `pt` points: its options that export
/// a part of the chart, a larger paper, or SVG.
pub fn small_print_warning(pt: f32, lang: Lang) -> String {
    let pt = points(pt, lang);
    match lang {
        Lang::Fr => format!(
            "attention : les noms les plus petits s'imprimeraient à {pt} pt ; essayez --depth, --root, un papier plus grand ou le SVG"
        ),
        Lang::En => format!(
            "warning: the smallest names would print at {pt} pt; try --depth, --root, a larger paper or the SVG"
        ),
    }
}

impl PngOptions {
    /// The resolution written in the file: the paper's, else `dpi`.
    pub fn written_dpi(&self) -> f32 {
        match self.size {
            Size::Paper { dpi, .. } => dpi,
            Size::Scale(_) => self.dpi,
        }
    }
}

/// usvg's options for our own SVG: the bundled fonts only, also for the PDF.
pub(crate) fn svg_options() -> resvg::usvg::Options<'static> {
    let mut options = resvg::usvg::Options {
        font_family: FAMILY.to_string(),
        ..Default::default()
    };
    let db = options.fontdb_mut();
    for font in Font::ALL {
        db.load_font_data(font.ttf(false).to_vec());
        if !std::ptr::eq(font.ttf(true), font.ttf(false)) {
            db.load_font_data(font.ttf(true).to_vec());
        }
    }
    db.set_sans_serif_family(FAMILY);
    // Every piece of text names the font that has its characters (see `svg::write_pieces`):
    // a character none has stays an empty box, as measured, rather than one taken from
    // whichever face resvg comes to first.
    options.font_resolver.select_fallback = Box::new(|_, _, _| None);
    options.fontdb = Arc::new(std::mem::take(options.fontdb_mut()));
    options
}

/// Renders the scene and encodes it as PNG bytes.
/// `org` is the organisation the scene was built from (see `svg::write`).
pub fn render(scene: &Scene, options: &PngOptions) -> Result<Vec<u8>, PngError> {
    let page = page(scene, options.size)?;
    let place = coarse::Place {
        scale: page.scale,
        offset: page.offset,
        min_text: MIN_TEXT_PX / page.scale,
    };
    let raster = svg::Raster {
        // The sheet is filled below, under what is drawn before the document.
        transparent: options.transparent || place.coarse(),
        min_text: place.min_text,
        lines: !place.coarse(),
        item: &|item| !place.tiny(item),
    };
    let svg = svg::write_for_raster(scene, &raster);
    let tree = resvg::usvg::Tree::from_str(&svg, &svg_options()).map_err(|e| {
        PngError::Other(Message::new(
            format!("SVG interne illisible : {e}"),
            format!("internal SVG unreadable: {e}"),
        ))
    })?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(page.width, page.height).ok_or_else(|| {
        PngError::Other(Message::new(
            "mémoire insuffisante pour l'image",
            "not enough memory for the image",
        ))
    })?;
    // The sheet around the chart gets the chart's background.
    if let (Some(bg), false) = (scene.background, options.transparent) {
        pixmap.fill(resvg::tiny_skia::Color::from_rgba8(bg.0, bg.1, bg.2, bg.3));
    }
    if place.coarse() {
        coarse::draw_lines(&mut pixmap.as_mut(), scene, place);
        coarse::draw_items(&mut pixmap.as_mut(), scene, place);
    }
    let (dx, dy) = page.offset;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_row(page.scale, 0.0, 0.0, page.scale, dx, dy),
        &mut pixmap.as_mut(),
    );
    if let Some(logo) = &scene.logo {
        super::logo::draw(&mut pixmap.as_mut(), logo, page.scale, page.offset);
    }
    encode(
        pixmap.take(),
        page.width,
        page.height,
        options.written_dpi(),
    )
}

/// Encodes premultiplied RGBA (tiny-skia's) as PNG's straight alpha, converting in place: the
/// buffer can be hundreds of megabytes.
fn encode(mut rgba: Vec<u8>, w: u32, h: u32, dpi: f32) -> Result<Vec<u8>, PngError> {
    unpremultiply(&mut rgba);
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
    let err = |e: png::EncodingError| {
        PngError::Other(Message::new(
            format!("encodage PNG impossible : {e}"),
            format!("PNG encoding failed: {e}"),
        ))
    };
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&rgba).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(out)
}

/// Premultiplied RGBA (tiny-skia's) to straight alpha (PNG's, egui's and the PDF's), in place.
pub(crate) fn unpremultiply(rgba: &mut [u8]) {
    for px in rgba.chunks_exact_mut(4) {
        let a = u16::from(px[3]);
        if a != 0 && a != 255 {
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * 255 + a / 2) / a).min(255) as u8;
            }
        }
    }
}
