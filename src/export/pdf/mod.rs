//! PDF straight from the scene, as the SVG draws it: vector shapes, and text that stays text,
//! in subsets of the bundled fonts with their character maps, so that it can be selected and
//! searched. The page is the chart at its size, or a sheet of paper with the chart fitted
//! inside the margins and centred, as for PNG.

mod draw;
mod fonts;

use super::png::{self, PAPER_MARGIN_MM, Paper, PngError};
use crate::i18n::{Lang, Message};
use crate::model::Organisation;
use crate::scene::Scene;
use pdf_writer::{Content, Filter, Finish, Pdf, Rect, Ref, TextStr};
/// Points per chart unit: a chart unit is a 96 dpi pixel, a point 1/72 inch.
const PT_PER_UNIT: f32 = 0.75;
const PT_PER_MM: f32 = 72.0 / 25.4;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PdfOptions {
    /// The whole sheet, portrait or landscape (`true`); `None`: the chart at its size.
    pub paper: Option<(Paper, bool)>,
    pub transparent: bool,
    /// The document's language, for screen readers and hyphenation.
    pub lang: Lang,
}

/// The page, in points, and where the chart lies on it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    /// Points per chart unit.
    pub scale: f32,
    /// The chart's top-left corner, from the page's top-left corner.
    pub offset: (f32, f32),
}

pub fn sheet(scene: &Scene, paper: Option<(Paper, bool)>) -> Sheet {
    let (w, h) = (scene.width.max(1.0), scene.height.max(1.0));
    let Some((paper, landscape)) = paper else {
        return Sheet {
            width: w * PT_PER_UNIT,
            height: h * PT_PER_UNIT,
            scale: PT_PER_UNIT,
            offset: (0.0, 0.0),
        };
    };
    let (mut pw, mut ph) = paper.mm();
    if landscape {
        std::mem::swap(&mut pw, &mut ph);
    }
    let (pw, ph, margin) = (pw * PT_PER_MM, ph * PT_PER_MM, PAPER_MARGIN_MM * PT_PER_MM);
    let scale = ((pw - 2.0 * margin) / w).min((ph - 2.0 * margin) / h);
    Sheet {
        width: pw,
        height: ph,
        scale,
        offset: ((pw - w * scale) / 2.0, (ph - h * scale) / 2.0),
    }
}

/// The size in points at which the smallest names would print on this sheet, when it is
/// below `png::MIN_PRINT_PT`.
pub fn small_print(scene: &Scene, options: &PdfOptions) -> Option<f32> {
    let sheet = sheet(scene, options.paper);
    png::smallest_name_pt(scene, sheet.scale, 72.0).filter(|&pt| pt < png::MIN_PRINT_PT)
}

/// The whole file: one page. Deterministic (no date in it, nothing in a hash map's order),
/// so that the same chart gives the same bytes. `org` is the organisation the scene was
/// built from: its name is the document's title.
pub fn render(
    scene: &Scene,
    org: &Organisation,
    options: &PdfOptions,
) -> Result<Vec<u8>, PngError> {
    let sheet = sheet(scene, options.paper);
    let mut c = Content::new();
    if let (Some(bg), false) = (scene.background, options.transparent) {
        let channel = |v: u8| f32::from(v) / 255.0;
        c.set_fill_rgb(channel(bg.0), channel(bg.1), channel(bg.2));
        c.rect(0.0, 0.0, sheet.width, sheet.height);
        c.fill_nonzero();
    }
    // The scene's units from its top-left corner, downwards: PDF's axis starts at the bottom.
    let s = sheet.scale;
    c.transform([
        s,
        0.0,
        0.0,
        -s,
        sheet.offset.0,
        sheet.height - sheet.offset.1,
    ]);
    let mut fonts = fonts::Fonts::new();
    draw::chart(&mut c, scene, &mut fonts);
    let content = deflate(&c.finish());

    let mut next = Ref::new(1);
    let [catalog, pages, page, content_ref, info] = [(); 5].map(|_| next.bump());
    let mut pdf = Pdf::new();
    pdf.catalog(catalog)
        .pages(pages)
        .lang(TextStr(options.lang.pick("fr", "en")));
    pdf.pages(pages).kids([page]).count(1);
    let used = fonts.write(&mut pdf, &mut next).map_err(|face| {
        PngError::Other(Message::new(
            format!("police {face} illisible pour le PDF"),
            format!("font {face} unreadable for the PDF"),
        ))
    })?;
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, sheet.width, sheet.height));
    p.parent(pages);
    p.contents(content_ref);
    let mut resources = p.resources();
    let mut names = resources.fonts();
    for (face, font) in used {
        names.pair(fonts::name(face), font);
    }
    names.finish();
    resources.finish();
    p.finish();
    pdf.stream(content_ref, &content)
        .filter(Filter::FlateDecode);
    pdf.document_info(info)
        .title(TextStr(&org.name))
        .creator(TextStr("Organigramme"));
    Ok(pdf.finish())
}

/// Streams are compressed quickly rather than tightly: a chart of ten thousand units is a few
/// megabytes of drawing, which the best level would take several times as long to squeeze a
/// little more.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 2)
}
