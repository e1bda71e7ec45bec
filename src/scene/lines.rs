//! The lines that are not hierarchy: a body to the unit that chairs it, and the relations.
//! Routed around every item of the chart (boxes, headings, the title block), then the
//! segments of lines from different units that share a channel are nudged apart, those of one
//! unit kept together as one trunk; each kind of relation gets its colour, dash and, when it
//! has a direction, an arrowhead; labels are set on their line where they fit.

use super::buckets::Buckets;
use super::content::Names;
use super::decor::text_item;
use super::route::{self, Job, Obstacles, Rail, Routed};
use super::theme::relation_look;
use super::{Connector, Item, LineStyle, Link, Owner, Palette, Rect, Scene, TextLine};
use crate::model::Organisation;
use crate::text::{self, Style};
use std::collections::HashMap;

/// A line to draw: what it stands for and the items it joins.
pub struct Line {
    pub link: Link,
    pub from: usize,
    pub to: usize,
}

/// Space between parallel lines of different units in one channel; the largest nudge stays
/// inside the routing margin, so no line comes closer than 2 to a box.
const LANE: f32 = 3.0;
const LANES: usize = 5;
const LABEL: Style = Style {
    size: 10.0,
    bold: false,
};

/// Routes `lines` between the items of `scene` and adds them, with their arrowheads and
/// labels, to it; returns the labels that found no room on their line, as notes naming the
/// two ends (« DNUM → DINUM : schéma directeur »), for the legend.
pub fn add(
    scene: &mut Scene,
    org: &Organisation,
    names: &Names,
    palette: &Palette,
    lines: Vec<Line>,
    cache: Option<&mut super::Cache>,
) -> Vec<String> {
    let mut notes = Vec::new();
    if lines.is_empty() {
        // Nothing pending either: lines left from the last build are gone.
        if let Some(c) = cache {
            c.routes.forget();
        }
        return notes;
    }
    let obstacles: Vec<Rect> = scene.items.iter().map(|i| i.rect).collect();
    let area = bounds(&obstacles, 2.0 * route::MARGIN);
    let jobs: Vec<Job> = lines
        .iter()
        .map(|l| Job {
            from: scene.items[l.from].rect,
            to: scene.items[l.to].rect,
        })
        .collect();
    let rails: Vec<Rail> = scene
        .connectors
        .iter()
        .filter(|c| matches!(c.link, Link::Hierarchy(_)))
        .flat_map(|c| c.points.windows(2))
        .map(|s| Rect {
            x: s[0].0.min(s[1].0),
            y: s[0].1.min(s[1].1),
            w: (s[0].0 - s[1].0).abs(),
            h: (s[0].1 - s[1].1).abs(),
        })
        .collect();
    let routed: Vec<Routed> = match cache {
        Some(c) => c.routes.route_all(obstacles, rails, area, &jobs),
        None => Obstacles::new(&obstacles, &rails, area).route_all(&jobs),
    };
    let mut paths: Vec<Vec<(f32, f32)>> = routed.into_iter().map(|r| r.points).collect();
    // The lines of one unit form one trunk: a chair's lines go to it.
    let bundles: Vec<usize> = lines
        .iter()
        .map(|l| match l.link {
            Link::Chair(_) => l.to,
            _ => l.from,
        })
        .collect();
    let boxes: Vec<Rect> = scene.items.iter().map(|i| i.rect).collect();
    let grid = Buckets::new(boxes.iter(), 256.0);
    let clear = |a: (f32, f32), b: (f32, f32)| {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        grid.near_span((x0, x1), (y0, y1)).all(|i| {
            let r = &boxes[i];
            !(x1 > r.x && x0 < r.right() && y1 > r.y && y0 < r.bottom())
        })
    };
    nudge(&mut paths, &bundles, clear);
    // Labels keep clear of the items and of each other.
    let mut taken: Vec<Rect> = Vec::new();
    let clear_of_items = |r: &Rect| grid.near(r).all(|i| !boxes[i].intersects(r));
    for (line, points) in lines.into_iter().zip(paths) {
        let (colour, style, arrow, label) = match line.link {
            Link::Relation(r) => {
                let rel = &org.relations[r];
                let (colour, style, arrow) = relation_look(&rel.kind, palette);
                (colour, style, arrow, rel.label.as_str())
            }
            _ => (palette.body_line, LineStyle::Dashed, false, ""),
        };
        if arrow && points.len() >= 2 {
            let head = arrowhead(points[points.len() - 2], points[points.len() - 1]);
            scene.connectors.push(Connector {
                link: line.link,
                ends: Some((line.from, line.to)),
                points: head,
                colour,
                width: 1.5,
                style: LineStyle::Solid,
            });
        }
        if !label.is_empty() {
            match label_item(label, &points, &mut taken, &clear_of_items, colour, palette) {
                Some(item) => scene.items.push(item),
                None => notes.push(note(org, names, line.link, label)),
            }
        }
        scene.connectors.push(Connector {
            link: line.link,
            ends: Some((line.from, line.to)),
            points,
            colour,
            width: 1.5,
            style,
        });
    }
    notes
}

/// « FROM → TO : label », each end by its acronym, else its name.
fn note(org: &Organisation, names: &Names, link: Link, label: &str) -> String {
    let Link::Relation(r) = link else {
        return label.to_string();
    };
    let rel = &org.relations[r];
    format!("{} → {} : {label}", names.of(&rel.from), names.of(&rel.to))
}

fn bounds(rects: &[Rect], pad: f32) -> Rect {
    let Some(first) = rects.first() else {
        return Rect::default();
    };
    let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.right(), first.bottom());
    for r in rects {
        (x0, y0) = (x0.min(r.x), y0.min(r.y));
        (x1, y1) = (x1.max(r.right()), y1.max(r.bottom()));
    }
    Rect {
        x: x0 - pad,
        y: y0 - pad,
        w: x1 - x0 + 2.0 * pad,
        h: y1 - y0 + 2.0 * pad,
    }
}

/// A segment in a channel: its path, its place in the path, where it starts and ends.
type Run = (usize, usize, f32, f32);

/// Spreads apart the inner segments of lines of different bundles that run along the same
/// channel line and overlap: each bundle gets a lane, 0, +3, −3, +6, −6. A segment's
/// neighbours are at right angles to it, so moving it sideways keeps every path orthogonal.
fn nudge(
    paths: &mut [Vec<(f32, f32)>],
    bundles: &[usize],
    clear: impl Fn((f32, f32), (f32, f32)) -> bool,
) {
    let mut channels: HashMap<(bool, u32), Vec<Run>> = HashMap::new();
    for (p, path) in paths.iter().enumerate() {
        for s in 1..path.len().saturating_sub(2) {
            let (a, b) = (path[s], path[s + 1]);
            let horizontal = a.1 == b.1;
            let (c, lo, hi) = if horizontal {
                (a.1, a.0.min(b.0), a.0.max(b.0))
            } else {
                (a.0, a.1.min(b.1), a.1.max(b.1))
            };
            channels
                .entry((horizontal, c.to_bits()))
                .or_default()
                .push((p, s, lo, hi));
        }
    }
    let mut channels: Vec<_> = channels.into_iter().collect();
    channels.sort_unstable_by_key(|(k, _)| *k);
    for ((horizontal, _), mut segments) in channels {
        if segments.len() < 2 {
            continue;
        }
        segments.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(&b.0)));
        // Each bundle's lane here, and where each lane is busy up to.
        let mut lane_of: HashMap<usize, usize> = HashMap::new();
        let mut busy: Vec<(f32, usize)> = Vec::new();
        for &(p, s, lo, hi) in &segments {
            let bundle = bundles[p];
            let lane = *lane_of.entry(bundle).or_insert_with(|| {
                (0..LANES)
                    .find(|&l| busy.iter().all(|&(end, b)| b != l || end <= lo))
                    .unwrap_or(0)
            });
            busy.push((hi, lane));
            if lane == 0 {
                continue;
            }
            let shift = LANE * lane.div_ceil(2) as f32 * if lane % 2 == 1 { 1.0 } else { -1.0 };
            let moved = |(x, y): (f32, f32)| {
                if horizontal {
                    (x, y + shift)
                } else {
                    (x + shift, y)
                }
            };
            let path = &paths[p];
            let (a, b) = (moved(path[s]), moved(path[s + 1]));
            // The segment and the two it joins, as they would be: all clear of every box.
            if clear(a, b) && clear(path[s - 1], a) && clear(b, path[s + 2]) {
                let path = &mut paths[p];
                (path[s], path[s + 1]) = (a, b);
            }
        }
    }
}

/// An open arrowhead at `tip`, pointing from `from`.
fn arrowhead(from: (f32, f32), tip: (f32, f32)) -> Vec<(f32, f32)> {
    let (dx, dy) = (tip.0 - from.0, tip.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (ux, uy) = (dx / len, dy / len);
    let (back, wide) = (8.0, 4.5);
    vec![
        (tip.0 - ux * back - uy * wide, tip.1 - uy * back + ux * wide),
        tip,
        (tip.0 - ux * back + uy * wide, tip.1 - uy * back - ux * wide),
    ]
}

/// The label of a line, set along its segment nearest the target that has room for it:
/// above a horizontal segment, right of a vertical one, clear of every box and earlier label.
fn label_item(
    label: &str,
    points: &[(f32, f32)],
    taken: &mut Vec<Rect>,
    clear_of_items: &dyn Fn(&Rect) -> bool,
    colour: super::Rgba,
    palette: &Palette,
) -> Option<Item> {
    let text: String = if label.chars().count() > 40 {
        label.chars().take(39).chain(['…']).collect()
    } else {
        label.to_string()
    };
    let (w, h) = (text::width(&text, LABEL), LABEL.line_height());
    // Nearest the target first: where a trunk splits, that is the line's own segment.
    for s in points.windows(2).rev() {
        let (a, b) = (s[0], s[1]);
        let horizontal = a.1 == b.1;
        let (mx, my) = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let rect = if horizontal {
            if (a.0 - b.0).abs() < w + 8.0 {
                continue;
            }
            Rect {
                x: mx - w / 2.0,
                y: my - h - 1.0,
                w,
                h,
            }
        } else {
            if (a.1 - b.1).abs() < h + 8.0 {
                continue;
            }
            Rect {
                x: mx + 3.0,
                y: my - h / 2.0,
                w,
                h,
            }
        };
        if !clear_of_items(&rect) || taken.iter().any(|t| t.intersects(&rect)) {
            continue;
        }
        taken.push(rect);
        let line = TextLine {
            x: 0.0,
            y: LABEL.size * text::ASCENT,
            text: text.into(),
            style: LABEL,
            centred: false,
            colour,
        };
        let mut item = text_item(vec![line], rect, palette);
        item.owner = Owner::Label;
        return Some(item);
    }
    None
}
