//! PDF from the same SVG the PNG is drawn from, turned into vector graphics by svg2pdf: the
//! text stays text, in subsets of the bundled fonts with their character maps, so that it can
//! be selected and searched. The page is the chart at its size, or a sheet of paper with the
//! chart fitted inside the margins and centred, as for PNG.

use super::png::{self, PAPER_MARGIN_MM, Paper, PngError};
use super::svg;
use crate::i18n::{Lang, Message};
use crate::model::Organisation;
use crate::scene::Scene;
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::HashMap;

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

/// The whole file: one page. Deterministic (no date in it), so that the same chart gives the
/// same bytes. `org` is the organisation the scene was built from (see `svg::write`).
pub fn render(
    scene: &Scene,
    org: &Organisation,
    options: &PdfOptions,
) -> Result<Vec<u8>, PngError> {
    // The background is painted over the whole sheet below, not only under the chart.
    let svg_options = svg::SvgOptions {
        transparent: true,
        embed_fonts: false,
    };
    let svg = svg::write(scene, org, &svg_options);
    let tree = resvg::usvg::Tree::from_str(&svg, &png::svg_options()).map_err(|e| {
        PngError::Other(Message::new(
            format!("SVG interne illisible : {e}"),
            format!("internal SVG unreadable: {e}"),
        ))
    })?;
    let (chunk, chart) =
        svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default()).map_err(|e| {
            PngError::Other(Message::new(
                format!("conversion en PDF impossible : {e}"),
                format!("PDF conversion failed: {e}"),
            ))
        })?;

    let mut next = Ref::new(1);
    let [catalog, pages, page, content, info] = [(); 5].map(|_| next.bump());
    // The chunk's objects follow ours; the map is only looked up, its order plays no part.
    let mut refs = HashMap::new();
    let chunk = chunk.renumber(|old| *refs.entry(old).or_insert_with(|| next.bump()));
    let chart = refs[&chart];

    let sheet = sheet(scene, options.paper);
    let mut pdf = Pdf::new();
    pdf.catalog(catalog)
        .pages(pages)
        .lang(TextStr(options.lang.pick("fr", "en")));
    pdf.pages(pages).kids([page]).count(1);
    let name = Name(b"Chart");
    let mut p = pdf.page(page);
    p.media_box(Rect::new(0.0, 0.0, sheet.width, sheet.height));
    p.parent(pages);
    p.contents(content);
    p.resources().x_objects().pair(name, chart);
    p.finish();

    let mut c = Content::new();
    if let (Some(bg), false) = (scene.background, options.transparent) {
        let channel = |v: u8| f32::from(v) / 255.0;
        c.set_fill_rgb(channel(bg.0), channel(bg.1), channel(bg.2));
        c.rect(0.0, 0.0, sheet.width, sheet.height);
        c.fill_nonzero();
    }
    // The chart is a form of one point by one: scaled to its size, and placed from the
    // bottom, where PDF's vertical axis starts.
    let (w, h) = (
        scene.width.max(1.0) * sheet.scale,
        scene.height.max(1.0) * sheet.scale,
    );
    let bottom = sheet.height - sheet.offset.1 - h;
    c.transform([w, 0.0, 0.0, h, sheet.offset.0, bottom]);
    c.x_object(name);
    pdf.stream(content, &c.finish());
    pdf.extend(&chunk);
    pdf.document_info(info)
        .title(TextStr(&org.name))
        .creator(TextStr("Organigramme"));
    Ok(pdf.finish())
}
