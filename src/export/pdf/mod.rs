//! PDF straight from the scene, as the SVG draws it: vector shapes, and text that stays text,
//! in subsets of the bundled fonts with their character maps, so that it can be selected and
//! searched. The page is the chart at its size, or a sheet of paper with the chart fitted
//! inside the margins and centred, as for PNG.

mod draw;
mod fonts;
mod pages;
mod tiling;

use super::png::{self, PAPER_MARGIN_MM, Paper, PngError};
use crate::i18n::{Lang, Message};
use crate::model::Organisation;
use crate::scene::{Logo, PlacedLogo, Scene};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, TextStr};
/// Points per chart unit: a chart unit is a 96 dpi pixel, a point 1/72 inch.
const PT_PER_UNIT: f32 = 0.75;
const PT_PER_MM: f32 = 72.0 / 25.4;
/// The logo's image, as the pages' resources name it.
const LOGO: &[u8] = b"Logo";

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PdfOptions {
    /// The whole sheet, portrait or landscape (`true`); `None`: the chart at its size.
    pub paper: Option<(Paper, bool)>,
    pub transparent: bool,
    /// The document's language, for screen readers and hyphenation.
    pub lang: Lang,
    pub pages: Pages,
}

/// Over how many sheets the chart is printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pages {
    /// All on one.
    #[default]
    One,
    /// As many as its names need to print at a readable size.
    Auto,
    /// At most this many, the chart as large as they allow.
    Count(u32),
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
    let scale = match options.pages {
        Pages::One => sheet(scene, options.paper).scale,
        pages => tiling::Tiling::new(scene, options.paper, pages).scale,
    };
    png::smallest_name_pt(scene, scale, 72.0).filter(|&pt| pt < png::MIN_PRINT_PT)
}

/// The whole file: one page, or the chart's tiles (see `pages`). Deterministic (no date in
/// it, nothing in a hash map's order), so that the same chart gives the same bytes. `org` is
/// the organisation the scene was built from: its name is the document's title.
pub fn render(
    scene: &Scene,
    org: &Organisation,
    options: &PdfOptions,
) -> Result<Vec<u8>, PngError> {
    if options.pages != Pages::One {
        return pages::render(scene, org, options);
    }
    render_each(std::slice::from_ref(scene), org, options)
}

/// One page per scene, each on the sheet the first one takes: the steps of a presentation
/// as a handout. The fonts are shared, subset once for them all.
pub fn render_each(
    scenes: &[Scene],
    org: &Organisation,
    options: &PdfOptions,
) -> Result<Vec<u8>, PngError> {
    let Some(first) = scenes.first() else {
        return Err(PngError::Other(Message::new("aucune page", "no page")));
    };
    let sheet = sheet(first, options.paper);
    let mut fonts = fonts::Fonts::new();
    let pages: Vec<Page> = (scenes.iter())
        .map(|scene| {
            let mut c = Content::new();
            background(&mut c, scene, options, (sheet.width, sheet.height));
            // The scene's units from its top-left corner, downwards: PDF's axis starts at
            // the bottom.
            let s = sheet.scale;
            c.transform([
                s,
                0.0,
                0.0,
                -s,
                sheet.offset.0,
                sheet.height - sheet.offset.1,
            ]);
            draw::chart(&mut c, scene, &mut fonts);
            Page {
                content: c.finish(),
                map: false,
            }
        })
        .collect();
    document(
        org,
        options,
        (sheet.width, sheet.height),
        &pages,
        &fonts,
        None,
        // The pages of one document: one logo for them all.
        scenes.iter().find_map(|s| s.logo.as_ref()),
    )
}

fn background(c: &mut Content, scene: &Scene, options: &PdfOptions, (w, h): (f32, f32)) {
    if let (Some(bg), false) = (scene.background, options.transparent) {
        let channel = |v: u8| f32::from(v) / 255.0;
        c.set_fill_rgb(channel(bg.0), channel(bg.1), channel(bg.2));
        c.rect(0.0, 0.0, w, h);
        c.fill_nonzero();
    }
}

struct Page {
    content: Vec<u8>,
    /// Whether it shows the map, the form named /Map.
    map: bool,
}

/// The file around `pages` of `size` points, with the fonts they use, the form of the map
/// they show (its content and its box) and the logo's image.
fn document(
    org: &Organisation,
    options: &PdfOptions,
    size: (f32, f32),
    pages: &[Page],
    fonts: &fonts::Fonts,
    map: Option<(Vec<u8>, Rect)>,
    logo: Option<&PlacedLogo>,
) -> Result<Vec<u8>, PngError> {
    let mut next = Ref::new(1);
    let [catalog, tree, info] = [(); 3].map(|_| next.bump());
    let map_ref = map.as_ref().map(|_| next.bump());
    let logo_ref = logo.map(|_| next.bump());
    let refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (next.bump(), next.bump())).collect();
    let mut pdf = Pdf::new();
    pdf.catalog(catalog)
        .pages(tree)
        .lang(TextStr(options.lang.pick("fr", "en")));
    pdf.pages(tree)
        .kids(refs.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    let used = fonts.write(&mut pdf, &mut next).map_err(|face| {
        PngError::Other(Message::new(
            format!("police {face} illisible pour le PDF"),
            format!("font {face} unreadable for the PDF"),
        ))
    })?;
    for (page, &(page_ref, content_ref)) in pages.iter().zip(&refs) {
        let mut p = pdf.page(page_ref);
        p.media_box(Rect::new(0.0, 0.0, size.0, size.1));
        p.parent(tree);
        p.contents(content_ref);
        let mut resources = p.resources();
        let mut names = resources.fonts();
        for &(face, font) in &used {
            names.pair(fonts::name(face), font);
        }
        names.finish();
        let map = map_ref.filter(|_| page.map);
        if map.is_some() || logo_ref.is_some() {
            let mut objects = resources.x_objects();
            if let Some(map) = map {
                objects.pair(Name(b"Map"), map);
            }
            if let Some(logo) = logo_ref {
                objects.pair(Name(LOGO), logo);
            }
        }
        resources.finish();
        p.finish();
        pdf.stream(content_ref, &deflate(&page.content))
            .filter(Filter::FlateDecode);
    }
    if let (Some((content, bbox)), Some(map_ref)) = (map, map_ref) {
        pdf.form_xobject(map_ref, &deflate(&content))
            .bbox(bbox)
            .filter(Filter::FlateDecode);
    }
    if let (Some(placed), Some(logo_ref)) = (logo, logo_ref) {
        write_logo(&mut pdf, &mut next, logo_ref, &placed.logo);
    }
    pdf.document_info(info)
        .title(TextStr(&org.name))
        .creator(TextStr("Organigramme"));
    Ok(pdf.finish())
}

/// The logo's pixels as an RGB image with its alpha as a soft mask.
fn write_logo(pdf: &mut Pdf, next: &mut Ref, id: Ref, logo: &Logo) {
    let pixels = logo.rgba.chunks_exact(4);
    let rgb: Vec<u8> = pixels
        .clone()
        .flat_map(|px| [px[0], px[1], px[2]])
        .collect();
    let mask = pixels.clone().any(|px| px[3] != 255).then(|| next.bump());
    write_image(pdf, id, &rgb, mask, logo);
    if let Some(mask) = mask {
        let alpha: Vec<u8> = pixels.map(|px| px[3]).collect();
        write_image(pdf, mask, &alpha, None, logo);
    }
}

/// An image of `logo`'s size: RGB with a soft mask, or grey (a mask itself) without.
fn write_image(pdf: &mut Pdf, id: Ref, samples: &[u8], mask: Option<Ref>, logo: &Logo) {
    let samples = deflate(samples);
    let mut image = pdf.image_xobject(id, &samples);
    image.filter(Filter::FlateDecode);
    image.width(logo.width as i32).height(logo.height as i32);
    image.bits_per_component(8).interpolate(true);
    match mask {
        Some(mask) => {
            image.color_space().device_rgb();
            image.s_mask(mask);
        }
        None => image.color_space().device_gray(),
    }
}

/// Streams are compressed quickly rather than tightly: a chart of ten thousand units is a few
/// megabytes of drawing, which the best level would take several times as long to squeeze a
/// little more.
fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, 2)
}
