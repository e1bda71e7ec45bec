//! A chart over several sheets (`--pages auto` or a number), cut as `tiling` says: each unit,
//! body and entity on exactly one page, connectors and decorations wherever they cross one.
//! Each page has the chart's name and its number, a small map of the whole chart with its own
//! part marked, and « suite page N » where a connector leaves it for a box on page N.

use super::fonts::Fonts;
use super::tiling::{FOOTER_MM, Tiling, area, bounds};
use super::{PT_PER_MM, Page, PdfOptions, background, document, draw};
use crate::export::png::{PAPER_MARGIN_MM, PngError};
use crate::i18n::say;
use crate::model::Organisation;
use crate::scene::{Rect, Rgba, Scene, TextLine};
use crate::text::{self, Style};
use pdf_writer::{Content, Name};

const GREY: Rgba = Rgba::rgb(90, 96, 105);

/// Where `points`, starting inside `win`, first leave it.
fn exit(points: &[(f32, f32)], win: &Rect) -> Option<(f32, f32)> {
    let inside = |p: (f32, f32)| win.contains(p);
    let pair = points.windows(2).find(|w| inside(w[0]) && !inside(w[1]))?;
    let ((px, py), (qx, qy)) = (pair[0], pair[1]);
    let along = |p: f32, q: f32, low: f32, high: f32| {
        if q > high {
            (high - p) / (q - p)
        } else if q < low {
            (low - p) / (q - p)
        } else {
            1.0
        }
    };
    let t = along(px, qx, win.x, win.right()).min(along(py, qy, win.y, win.bottom()));
    Some((px + t * (qx - px), py + t * (qy - py)))
}

pub fn render(
    scene: &Scene,
    org: &Organisation,
    options: &PdfOptions,
) -> Result<Vec<u8>, PngError> {
    let tiling = Tiling::new(scene, options.paper, options.pages);
    let (_, ph) = tiling.size;
    let (s, margin) = (tiling.scale, PAPER_MARGIN_MM * PT_PER_MM);
    let (aw, ah) = area(tiling.size);
    let (w, h) = (scene.width.max(1.0), scene.height.max(1.0));
    let mut fonts = Fonts::new();
    let count = tiling.windows.len();
    let mut pages = Vec::with_capacity(count);
    for (k, win) in tiling.windows.iter().enumerate() {
        let mut c = Content::new();
        background(&mut c, scene, options, tiling.size);
        c.save_state();
        c.rect(margin, ph - margin - ah, aw, ah);
        c.clip_nonzero();
        c.end_path();
        c.transform([s, 0.0, 0.0, -s, margin - win.x * s, ph - margin + win.y * s]);
        let mine = |i: usize| match tiling.page_of[i] {
            Some(page) => page == k,
            None => scene.items[i].rect.intersects(win),
        };
        draw::part(&mut c, scene, &mut fonts, &mine, &|c| {
            bounds(c).intersects(win)
        });
        continue_labels(&mut c, &mut fonts, scene, &tiling, k, options);
        c.restore_state();
        footer(&mut c, &mut fonts, org, options, (k, count), tiling.size);
        map(&mut c, (w, h), win, tiling.size);
        pages.push(Page {
            content: c.finish(),
            map: true,
        });
    }
    let map = map_form(scene, &tiling);
    let logo = scene.logo.as_ref();
    document(org, options, tiling.size, &pages, &fonts, Some(map), logo)
}

/// « suite page N » where a connector leaves page `k` for a box on page N.
fn continue_labels(
    c: &mut Content,
    fonts: &mut Fonts,
    scene: &Scene,
    tiling: &Tiling,
    k: usize,
    options: &PdfOptions,
) {
    let win = &tiling.windows[k];
    let size = 7.0 / tiling.scale;
    let pad = 2.0 / tiling.scale;
    let mut placed: Vec<Rect> = Vec::new();
    for connector in &scene.connectors {
        let Some((a, b)) = connector.ends else {
            continue;
        };
        let (pa, pb) = (tiling.page_of[a], tiling.page_of[b]);
        let (here, there) = match (pa, pb) {
            (Some(pa), Some(pb)) if pa == k && pb != k => (a, pb),
            (Some(pa), Some(pb)) if pb == k && pa != k => (b, pa),
            _ => continue,
        };
        // The end of the line at the box on this page.
        let r = &scene.items[here].rect;
        let centre = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        let distance = |p: &(f32, f32)| (p.0 - centre.0).abs() + (p.1 - centre.1).abs();
        let (Some(first), Some(last)) = (connector.points.first(), connector.points.last()) else {
            continue;
        };
        let point = if distance(first) <= distance(last) {
            exit(&connector.points, win)
        } else {
            let reversed: Vec<(f32, f32)> = connector.points.iter().rev().copied().collect();
            exit(&reversed, win)
        };
        let Some((x, y)) = point else {
            continue;
        };
        let n = there + 1;
        let text = say!(options.lang, "suite page {n}", "continued on page {n}");
        let style = Style::regular(size);
        let width = text::width(&text, style);
        let x = (x - width / 2.0).clamp(win.x + pad, (win.right() - width - pad).max(win.x));
        let y = (y + size / 2.0).clamp(win.y + size + pad, win.bottom() - pad);
        // One label where several lines leave together (a parent's children).
        let spot = Rect {
            x: x - pad,
            y: y - size - pad,
            w: width + 2.0 * pad,
            h: size + 2.0 * pad,
        };
        if placed.iter().any(|p| p.intersects(&spot)) {
            continue;
        }
        placed.push(spot);
        let line = TextLine {
            x,
            y,
            text: text.into(),
            style,
            centred: false,
            colour: connector.colour,
        };
        draw::label(c, fonts, &line);
    }
}

/// The chart's name and the page's number, under the chart.
fn footer(
    c: &mut Content,
    fonts: &mut Fonts,
    org: &Organisation,
    options: &PdfOptions,
    (k, count): (usize, usize),
    (_, ph): (f32, f32),
) {
    let margin = PAPER_MARGIN_MM * PT_PER_MM;
    let (n, count) = (k + 1, count);
    let number = say!(options.lang, "page {n} sur {count}", "page {n} of {count}");
    let line = TextLine {
        x: margin,
        y: ph - margin - 4.0,
        text: format!("{} — {number}", org.name).into(),
        style: Style::regular(9.0),
        centred: false,
        colour: GREY,
    };
    // In points from the page's top-left corner, as the chart is drawn.
    c.save_state();
    c.transform([1.0, 0.0, 0.0, -1.0, 0.0, ph]);
    draw::label(c, fonts, &line);
    c.restore_state();
}

/// The map's place on the page: the footer's bottom-right corner, at the chart's proportions.
fn map_place((w, h): (f32, f32), (pw, _): (f32, f32)) -> (f32, f32, f32, f32) {
    let margin = PAPER_MARGIN_MM * PT_PER_MM;
    let mut mh = (FOOTER_MM - 2.0) * PT_PER_MM;
    let mut mw = mh * w / h;
    let widest = 60.0 * PT_PER_MM;
    if mw > widest {
        (mw, mh) = (widest, widest * h / w);
    }
    (pw - margin - mw, margin, mw, mh)
}

/// The whole chart small, the part this page shows outlined.
fn map(c: &mut Content, (w, h): (f32, f32), win: &Rect, size: (f32, f32)) {
    let (x, y, mw, mh) = map_place((w, h), size);
    let (sx, sy) = (mw / w, mh / h);
    c.save_state();
    c.transform([sx, 0.0, 0.0, sy, x, y]);
    c.x_object(Name(b"Map"));
    c.restore_state();
    // The part shown, cut to the chart.
    let (x0, x1) = (win.x.max(0.0), win.right().min(w));
    let (y0, y1) = (win.y.max(0.0), win.bottom().min(h));
    c.set_stroke_rgb(0.8, 0.1, 0.1);
    c.set_line_width(0.8);
    c.rect(
        x + x0 * sx,
        y + (h - y1) * sy,
        (x1 - x0) * sx,
        (y1 - y0) * sy,
    );
    c.stroke();
}

/// The map's drawing, once for all pages: the chart's outline and its boxes in their colours,
/// in chart units upwards.
fn map_form(scene: &Scene, tiling: &Tiling) -> (Vec<u8>, pdf_writer::Rect) {
    let (w, h) = (scene.width.max(1.0), scene.height.max(1.0));
    let (_, _, mw, _) = map_place((w, h), tiling.size);
    let mut c = Content::new();
    let mut fill = None;
    for (item, _) in scene
        .items
        .iter()
        .zip(&tiling.page_of)
        .filter(|(_, p)| p.is_some())
    {
        if fill != Some(item.stroke) {
            let [r, g, b] =
                [item.stroke.0, item.stroke.1, item.stroke.2].map(|v| f32::from(v) / 255.0);
            c.set_fill_rgb(r, g, b);
            fill = Some(item.stroke);
        }
        let r = &item.rect;
        c.rect(r.x, h - r.bottom(), r.w, r.h);
        c.fill_nonzero();
    }
    c.set_stroke_gray(0.5);
    c.set_line_width(0.5 * w / mw);
    c.rect(0.0, 0.0, w, h);
    c.stroke();
    (c.finish(), pdf_writer::Rect::new(0.0, 0.0, w, h))
}
