//! How a chart is cut into pages (`--pages`), all at one scale. Each unit, body and entity
//! belongs to the page whose tile holds its centre; a page shows its tile widened by half the
//! widest box on each side, so that its boxes are whole there.

use super::{PT_PER_MM, PT_PER_UNIT, Pages};
use crate::export::png::{PAPER_MARGIN_MM, Paper};
use crate::scene::{Connector, Rect, Scene};

/// The band under the chart that holds the page's number and the map, in millimetres.
pub const FOOTER_MM: f32 = 14.0;
/// Left to choose the number of pages, names print at least this large, in points: as few
/// pages as can be without the small-print warning.
const READABLE_PT: f32 = super::png::MIN_PRINT_PT;

/// How the chart is cut.
pub struct Tiling {
    /// The sheet, in points.
    pub size: (f32, f32),
    /// Points per chart unit.
    pub scale: f32,
    /// The part of the chart each page shows, in chart units.
    pub windows: Vec<Rect>,
    /// The page of each item that has one (units, bodies, entities); none for decorations.
    pub page_of: Vec<Option<usize>>,
}

impl Tiling {
    pub fn new(scene: &Scene, paper: Option<(Paper, bool)>, pages: Pages) -> Tiling {
        let (paper, landscape) = paper.unwrap_or((Paper::A4, true));
        let (mut pw, mut ph) = paper.mm();
        if landscape {
            std::mem::swap(&mut pw, &mut ph);
        }
        let (pw, ph) = (pw * PT_PER_MM, ph * PT_PER_MM);
        let (aw, ah) = area((pw, ph));
        let (w, h) = (scene.width.max(1.0), scene.height.max(1.0));
        let owned = || scene.items.iter().filter(|i| !i.owner.is_decoration());
        let widest = owned().map(|i| i.rect.w).fold(0.0, f32::max);
        let tallest = owned().map(|i| i.rect.h).fold(0.0, f32::max);
        // Tiles one page's view less the widest box apart (half a view at least).
        let grid = |s: f32| {
            let view = (aw / s, ah / s);
            let step = (
                (view.0 - widest).max(view.0 / 2.0),
                (view.1 - tallest).max(view.1 / 2.0),
            );
            let cols = (w / step.0).ceil().max(1.0) as usize;
            let rows = (h / step.1).ceil().max(1.0) as usize;
            (cols, rows, step, view)
        };
        let fit = (aw / w).min(ah / h);
        let scale = match pages {
            Pages::One => fit,
            Pages::Auto => {
                let smallest = super::png::smallest_name_pt(scene, 1.0, 72.0);
                let readable = smallest.map_or(fit, |size| READABLE_PT / size);
                fit.max(readable.min(PT_PER_UNIT))
            }
            Pages::Count(n) => {
                let n = n.clamp(1, 10_000) as usize;
                let mut best = fit;
                for cols in 1..=n {
                    let rows = n / cols;
                    let mut s = (aw / (w / cols as f32 + widest))
                        .min(ah / (h / rows as f32 + tallest))
                        .min(PT_PER_UNIT);
                    // The steps' floor can ask for more tiles than thought: smaller then.
                    while s > best && {
                        let (c, r, ..) = grid(s);
                        c > cols || r > rows
                    } {
                        s *= 0.97;
                    }
                    best = best.max(s);
                }
                best
            }
        };
        let (cols, rows, step, view) = grid(scale);
        let tile_of = |(x, y): (f32, f32)| {
            let i = ((x / step.0).floor().max(0.0) as usize).min(cols - 1);
            let j = ((y / step.1).floor().max(0.0) as usize).min(rows - 1);
            j * cols + i
        };
        let tile_rect = |t: usize| Rect {
            x: (t % cols) as f32 * step.0,
            y: (t / cols) as f32 * step.1,
            w: step.0,
            h: step.1,
        };
        let mut tile_of_item = Vec::with_capacity(scene.items.len());
        let mut kept = vec![false; cols * rows];
        for item in &scene.items {
            let r = &item.rect;
            let tile =
                (!item.owner.is_decoration()).then(|| tile_of((r.x + r.w / 2.0, r.y + r.h / 2.0)));
            if let Some(t) = tile {
                kept[t] = true;
            }
            tile_of_item.push(tile);
        }
        // Tiles with no box of their own are kept for what crosses them, left out if empty.
        for (t, keep) in kept.iter_mut().enumerate() {
            let rect = tile_rect(t);
            *keep = *keep
                || scene.items.iter().any(|i| i.rect.intersects(&rect))
                || scene.connectors.iter().any(|c| bounds(c).intersects(&rect));
        }
        kept[0] |= !kept.contains(&true);
        let mut page_of_tile = vec![None; kept.len()];
        let mut windows = Vec::new();
        for t in (0..kept.len()).filter(|&t| kept[t]) {
            page_of_tile[t] = Some(windows.len());
            let r = tile_rect(t);
            // Within the chart where it is larger than a view: the boxes of a tile in the
            // first or last row or column still lie inside, the chart's edges being theirs.
            let inside = |v: f32, view: f32, size: f32| v.min(size - view).max(0.0);
            windows.push(Rect {
                x: inside(r.x - (view.0 - step.0) / 2.0, view.0, w),
                y: inside(r.y - (view.1 - step.1) / 2.0, view.1, h),
                w: view.0,
                h: view.1,
            });
        }
        Tiling {
            size: (pw, ph),
            scale,
            windows,
            page_of: tile_of_item
                .into_iter()
                .map(|t| t.and_then(|t| page_of_tile[t]))
                .collect(),
        }
    }
}

/// The part of a sheet the chart is printed in: inside the margins, above the footer.
pub fn area((pw, ph): (f32, f32)) -> (f32, f32) {
    let margin = PAPER_MARGIN_MM * PT_PER_MM;
    (pw - 2.0 * margin, ph - 2.0 * margin - FOOTER_MM * PT_PER_MM)
}

pub fn bounds(c: &Connector) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &(x, y) in &c.points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    // A straight line is a rectangle of no width, which `intersects` would never meet.
    Rect {
        x: x0 - 0.5,
        y: y0 - 0.5,
        w: x1 - x0 + 1.0,
        h: y1 - y0 + 1.0,
    }
}
