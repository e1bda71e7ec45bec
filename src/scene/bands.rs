//! Below the hierarchy: a band of coordination bodies, a band of outside entities, the lines
//! that tie them and the relations to the units, then the legend (see `decor`).

use super::content::{self, Content};
use super::decor::{self, stack, text_item};
use super::lines::Line;
use super::{ChartOptions, Item, Link, Owner, Palette, Rect, RelationsMode, Scene, Shape};
use crate::model::{Hierarchy, Id, IdMap, IdSet, Organisation};
use crate::text::Style;

const BAND_GAP: f32 = 48.0;
const ITEM_GAP: f32 = 20.0;
const MIN_BAND_WIDTH: f32 = 900.0;

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

    let names = content::Names::new(org, tree);
    let chairs: Vec<Option<&str>> = bodies
        .iter()
        .map(|&b| Some(names.of(org.bodies[b].chair.as_ref()?)))
        .collect();
    let members: Vec<String> = bodies
        .iter()
        .map(|&b| content::member_names(&names, &org.bodies[b]))
        .collect();
    let body_box = |i: usize| {
        let chair = chairs[i].map(str::to_string);
        content::body(&org.bodies[bodies[i]], chair, &members[i], palette, lang)
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
                .zip(chairs.iter().zip(&members))
                .map(|(&b, (chair, members))| {
                    let body = &org.bodies[b];
                    let who = (members, &body.participants);
                    boxes.fingerprint_of((&body.kind, &body.name, chair, who, &body.cadence, look))
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
    for &b in &bodies {
        let Some(bi) = item_of(&org.bodies[b].id) else {
            continue;
        };
        let members = org.bodies[b].members.iter().filter_map(&item_of);
        scene.members.extend(members.map(|m| (bi, m)));
    }
    let mut lines = Vec::new();
    for &b in &bodies {
        let (Some(chair), Some(bi)) = (org.bodies[b].chair.as_ref(), item_of(&org.bodies[b].id))
        else {
            continue;
        };
        let Some(ci) = item_of(chair) else {
            continue;
        };
        lines.push(Line {
            link: Link::Chair(b),
            from: bi,
            to: ci,
        });
    }
    for (r, rel) in org.relations.iter().enumerate() {
        // A unit tied to itself says nothing a line could show (`validate` warns of it).
        let shown = rel.from != rel.to
            && match &options.relations {
                RelationsMode::Lines => true,
                RelationsMode::Of(id) => &rel.from == id || &rel.to == id,
                RelationsMode::List | RelationsMode::None => false,
            };
        let (true, Some(from), Some(to)) = (shown, item_of(&rel.from), item_of(&rel.to)) else {
            continue;
        };
        lines.push(Line {
            link: Link::Relation(r),
            from,
            to,
        });
    }
    let notes = super::lines::add(scene, org, &names, palette, lines, cache);
    decor::legend(scene, org, options, palette, (hierarchy.x, top), &notes);
}
