//! Everything around the hierarchy: the title block above it, then a band of coordination
//! bodies, a band of outside entities, their lines, and the legend.

use super::content::{self, Content};
use super::route::{Job, Obstacles};
use super::{
    ChartOptions, Connector, Item, LineStyle, Link, Owner, Palette, Rect, Scene, Shape, TextLine,
};
use crate::model::{Hierarchy, Id, IdMap, IdSet, Organisation, UnitKind};
use crate::text::{self, Style};
use std::collections::HashMap;
use std::sync::Arc;

const BAND_GAP: f32 = 48.0;
const ITEM_GAP: f32 = 20.0;
const MIN_BAND_WIDTH: f32 = 900.0;
/// How far from the boxes relation lines run.
const LINE_GAP: f32 = 14.0;

pub struct TitleBlock {
    pub items: Vec<Item>,
    pub height: f32,
}

fn text_item(lines: Vec<TextLine>, rect: Rect, palette: &Palette) -> Item {
    Item {
        owner: Owner::Decoration,
        shape: Shape::None,
        rect,
        fill: palette.background,
        stroke: palette.background,
        stroke_width: 0.0,
        dashed: false,
        lines: lines.into(),
        rule: None,
    }
}

/// Lays out left-aligned lines from (x, y) and returns them, relative to (x, y), with their
/// bounding box.
fn stack(
    rows: &[(String, Style, super::Rgba)],
    x: f32,
    y: f32,
    max_width: f32,
) -> (Vec<TextLine>, Rect) {
    let mut lines = Vec::new();
    let mut at = 0.0;
    let mut w: f32 = 0.0;
    for (t, style, colour) in rows {
        for line in text::wrap(t, *style, max_width, 4) {
            w = w.max(text::width(&line, *style));
            lines.push(TextLine {
                x: 0.0,
                y: at + style.size * text::ASCENT,
                text: line.into(),
                style: *style,
                centred: false,
                colour: *colour,
            });
            at += style.line_height();
        }
    }
    (lines, Rect { x, y, w, h: at })
}

pub fn title_block(org: &Organisation, options: &ChartOptions, palette: &Palette) -> TitleBlock {
    let mut rows = vec![(org.name.clone(), Style::bold(20.0), palette.text)];
    let mut sub = Vec::new();
    if !org.acronym.is_empty() {
        sub.push(org.acronym.clone());
    }
    if !org.administration.is_empty() {
        sub.push(org.administration.clone());
    }
    if !sub.is_empty() {
        rows.push((sub.join(" — "), Style::regular(12.0), palette.muted));
    }
    let mut foot = Vec::new();
    if let Some(t) = org.legal_texts.first() {
        foot.push(format!(
            "{} {}",
            options.lang.pick("Source :", "Source:"),
            t.reference
        ));
    }
    if !options.date.is_empty() {
        foot.push(options.date.clone());
    }
    if !foot.is_empty() {
        rows.push((foot.join(" — "), Style::regular(10.0), palette.muted));
    }
    let (lines, rect) = stack(&rows, super::MARGIN, super::MARGIN, 1100.0);
    TitleBlock {
        height: rect.h + 28.0,
        items: vec![text_item(lines, rect, palette)],
    }
}

/// Places boxes left to right in rows no wider than `width`, from `top`; returns the bottom.
fn place_rows(contents: &[Content], left: f32, top: f32, width: f32) -> (Vec<Rect>, f32) {
    let (mut x, mut y, mut row_h) = (left, top, 0.0f32);
    let mut rects = Vec::with_capacity(contents.len());
    for c in contents {
        if x > left && x + c.w > left + width {
            x = left;
            y += row_h + ITEM_GAP;
            row_h = 0.0;
        }
        rects.push(Rect {
            x,
            y,
            w: c.w,
            h: c.h,
        });
        x += c.w + ITEM_GAP;
        row_h = row_h.max(c.h);
    }
    (rects, if contents.is_empty() { top } else { y + row_h })
}

pub fn add_bands(
    scene: &mut Scene,
    org: &Organisation,
    tree: &Hierarchy,
    options: &ChartOptions,
    palette: &Palette,
    hierarchy: Rect,
    mut cache: Option<&mut super::Cache>,
) {
    let lang = options.lang;
    let drawn_unit = |id: &Id| tree.unit(id).and_then(|u| scene.unit_item[u]);
    let filtered = options.root.is_some() || options.depth.is_some();
    // With a subtree shown, keep only what touches it.
    let bodies: Vec<usize> = (0..org.bodies.len())
        .filter(|&b| {
            !filtered
                || org.bodies[b]
                    .chair
                    .as_ref()
                    .is_some_and(|c| drawn_unit(c).is_some())
        })
        .collect();
    let related: Vec<&Id> = org
        .relations
        .iter()
        .filter(|r| drawn_unit(&r.from).is_some() || drawn_unit(&r.to).is_some())
        .flat_map(|r| [&r.from, &r.to])
        .collect();
    let related: IdSet = related.into_iter().collect();
    let entities: Vec<usize> = (0..org.entities.len())
        .filter(|&e| !filtered || related.contains(&org.entities[e].id))
        .collect();
    let width = hierarchy.w.max(MIN_BAND_WIDTH);
    let mut top = hierarchy.bottom() + BAND_GAP;
    // The items of bodies and entities; a unit's is found through `tree`.
    let mut band_item: IdMap<usize> = IdMap::default();

    let chairs: Vec<Option<&str>> = bodies
        .iter()
        .map(|&b| {
            let chair = org.bodies[b].chair.as_ref()?;
            Some(match tree.unit(chair) {
                Some(u) if !org.units[u].acronym.is_empty() => org.units[u].acronym.as_str(),
                Some(u) => org.units[u].name.as_str(),
                None => chair.as_str(),
            })
        })
        .collect();
    let body_box = |i: usize| {
        let chair = chairs[i].map(str::to_string);
        content::body(&org.bodies[bodies[i]], chair, palette, lang)
    };
    let entity_box = |i: usize| content::entity(&org.entities[entities[i]], palette, lang);
    // Bodies first, then entities: one list, so that the cache keeps both.
    let any_box = |i: usize| match i.checked_sub(bodies.len()) {
        None => body_box(i),
        Some(e) => entity_box(e),
    };
    let mut body_contents = match cache.as_deref_mut() {
        Some(c) => {
            let look = (lang as u8, options.theme as u8);
            let boxes = &c.boxes;
            let keys = bodies
                .iter()
                .zip(&chairs)
                .map(|(&b, chair)| {
                    let body = &org.bodies[b];
                    boxes.fingerprint_of((&body.kind, &body.name, chair, &body.cadence, look))
                })
                .chain(entities.iter().map(|&e| {
                    let entity = &org.entities[e];
                    boxes.fingerprint_of((&entity.kind, &entity.acronym, &entity.name, look))
                }))
                .collect();
            c.boxes.bands(keys, any_box)
        }
        None => {
            let all: Vec<usize> = (0..bodies.len() + entities.len()).collect();
            crate::par::map(&all, 64, |part| part.iter().map(|&i| any_box(i)).collect())
        }
    };
    let entity_contents = body_contents.split_off(bodies.len());
    for (title, contents, owners) in [
        (
            lang.pick("Instances de coordination", "Coordination bodies"),
            body_contents,
            bodies.iter().map(|&b| Owner::Body(b)).collect::<Vec<_>>(),
        ),
        (
            lang.pick("Entités extérieures", "Outside entities"),
            entity_contents,
            entities.iter().map(|&e| Owner::Entity(e)).collect(),
        ),
    ] {
        if contents.is_empty() {
            continue;
        }
        let (lines, rect) = stack(
            &[(title.to_string(), Style::bold(13.0), palette.band_title)],
            hierarchy.x,
            top,
            width,
        );
        scene.items.push(text_item(lines, rect, palette));
        let (rects, bottom) = place_rows(&contents, hierarchy.x, rect.bottom() + 10.0, width);
        for ((c, rect), owner) in contents.into_iter().zip(rects).zip(owners) {
            let (shape, fill, stroke, dashed) = match owner {
                Owner::Body(_) => (Shape::Pill, palette.body_fill, palette.body_stroke, true),
                _ => (
                    Shape::Rect,
                    palette.entity_fill,
                    palette.entity_stroke,
                    false,
                ),
            };
            let id = match owner {
                Owner::Body(b) => &org.bodies[b].id,
                Owner::Entity(e) => &org.entities[e].id,
                _ => unreachable!("bands hold only bodies and entities"),
            };
            band_item.insert(id, scene.items.len());
            scene.items.push(Item {
                owner,
                shape,
                rect,
                fill,
                stroke,
                stroke_width: 1.5,
                dashed,
                lines: c.lines,
                rule: None,
            });
        }
        top = bottom + BAND_GAP;
    }

    let item_of = |id: &Id| {
        tree.unit(id)
            .and_then(|u| scene.unit_item[u])
            .or_else(|| band_item.get(id).copied())
    };
    let obstacles: Vec<Rect> = scene
        .items
        .iter()
        .filter(|i| i.shape != Shape::None)
        .map(|i| i.rect)
        .collect();
    let mut lanes: HashMap<usize, f32> = HashMap::new();
    let mut lane_for = |item: usize| {
        let l = lanes.entry(item).or_insert(-4.0);
        *l = (*l + 4.0) % 24.0;
        *l - 10.0
    };
    // Every line first, then all routed at once (on all cores), then added in this order.
    let mut lines = Vec::new();
    for &b in &bodies {
        let (Some(chair), Some(bi)) = (org.bodies[b].chair.as_ref(), item_of(&org.bodies[b].id))
        else {
            continue;
        };
        let Some(ci) = item_of(chair) else {
            continue;
        };
        lines.push((Link::Chair(b), bi, ci, lane_for(ci)));
    }
    for (r, rel) in org.relations.iter().enumerate() {
        let (Some(a), Some(b)) = (item_of(&rel.from), item_of(&rel.to)) else {
            continue;
        };
        lines.push((Link::Relation(r), a, b, lane_for(a)));
    }
    let jobs: Vec<Job> = lines
        .iter()
        .map(|&(_, a, b, lane)| Job {
            from: scene.items[a].rect,
            to: scene.items[b].rect,
            lane,
        })
        .collect();
    let paths = match cache {
        Some(c) => c.routes.route_all(obstacles, &jobs, LINE_GAP),
        None => Obstacles::new(&obstacles).route_all(&jobs, LINE_GAP),
    };
    for ((link, a, b, _), points) in lines.into_iter().zip(paths) {
        let (colour, style) = match link {
            Link::Chair(_) => (palette.body_line, LineStyle::Dashed),
            _ => (palette.relation, LineStyle::Dotted),
        };
        scene.connectors.push(Connector {
            link,
            ends: Some((a, b)),
            points,
            colour,
            width: 1.5,
            style,
        });
    }
    legend(scene, org, options, palette, hierarchy.x, top);
}

fn legend(
    scene: &mut Scene,
    org: &Organisation,
    options: &ChartOptions,
    palette: &Palette,
    x: f32,
    top: f32,
) {
    let lang = options.lang;
    let mut kinds: Vec<&UnitKind> = Vec::new();
    for (u, item) in scene.unit_item.iter().enumerate() {
        if item.is_some() && !kinds.contains(&&org.units[u].kind) {
            kinds.push(&org.units[u].kind);
        }
    }
    kinds.sort_by_key(|k| (k.rank(), k.label(lang).to_string()));
    let (lines, rect) = stack(
        &[(
            lang.pick("Légende", "Legend").to_string(),
            Style::bold(13.0),
            palette.band_title,
        )],
        x,
        top,
        400.0,
    );
    scene.items.push(text_item(lines, rect, palette));
    let style = Style::regular(10.5);
    let (mut cx, mut cy) = (x, rect.bottom() + 8.0);
    let swatch = Rect {
        x: 0.0,
        y: 0.0,
        w: 26.0,
        h: 14.0,
    };
    for kind in kinds {
        let label = kind.label(lang).to_string();
        let w = swatch.w + 6.0 + text::width(&label, style) + 18.0;
        if cx + w > x + 900.0 {
            cx = x;
            cy += 22.0;
        }
        let (fill, stroke) = options.theme.unit_colours(kind);
        let rect = Rect {
            x: cx,
            y: cy,
            ..swatch
        };
        let line = TextLine {
            x: swatch.w + 6.0,
            y: 11.0,
            text: label.into(),
            style,
            centred: false,
            colour: palette.text,
        };
        scene.items.push(Item {
            owner: Owner::Decoration,
            shape: Shape::Rect,
            rect,
            fill,
            stroke,
            stroke_width: 1.5,
            dashed: false,
            lines: Arc::new([line]),
            rule: None,
        });
        cx += w;
    }
    cy += 26.0;
    cx = x;
    // Only the kinds of line the chart shows.
    let shown = |test: fn(&Link) -> bool| scene.connectors.iter().any(|c| test(&c.link));
    let present = [
        shown(|l| matches!(l, Link::Hierarchy(_))),
        shown(|l| matches!(l, Link::Relation(_))),
        shown(|l| matches!(l, Link::Chair(_))),
    ];
    let kinds_of_line = [
        (
            lang.pick("Rattachement hiérarchique", "Reports to"),
            palette.hierarchy,
            LineStyle::Solid,
        ),
        (
            lang.pick("Relation fonctionnelle", "Functional link"),
            palette.relation,
            LineStyle::Dotted,
        ),
        (
            lang.pick("Présidence d'une instance", "Chairs a body"),
            palette.body_line,
            LineStyle::Dashed,
        ),
    ];
    for (label, colour, line_style) in kinds_of_line
        .into_iter()
        .zip(present)
        .filter(|(_, p)| *p)
        .map(|(k, _)| k)
    {
        scene.connectors.push(Connector {
            link: Link::Legend,
            ends: None,
            points: vec![(cx, cy + 7.0), (cx + 26.0, cy + 7.0)],
            colour,
            width: 1.5,
            style: line_style,
        });
        let line = TextLine {
            x: 0.0,
            y: 11.0,
            text: label.into(),
            style,
            centred: false,
            colour: palette.text,
        };
        let w = 32.0 + text::width(label, style);
        scene.items.push(text_item(
            vec![line],
            Rect {
                x: cx + 32.0,
                y: cy,
                w: w - 32.0,
                h: 14.0,
            },
            palette,
        ));
        cx += w + 22.0;
    }
}
