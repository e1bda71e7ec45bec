//! What a step draws of its chart, and in what light: the units and their hierarchy; with a
//! spotlight, a unit with its subtree, its relations and the bodies it sits on in full
//! colour, the rest dimmed. Decorations (title block, legend) are left out: the step's title
//! says what the screen shows.

use crate::model::{Hierarchy, Id, Organisation};
use crate::scene::{Link, Owner, Scene};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Light {
    Off,
    Dim,
    On,
}

/// The light of each of a scene's items and connectors.
#[derive(Clone, Debug, PartialEq)]
pub struct Lit {
    pub items: Vec<Light>,
    pub connectors: Vec<Light>,
    /// The items the step frames: every unit, or the spotlit subtree and, for context, the
    /// unit above it.
    pub framed: Vec<bool>,
}

/// `Dim` or `On`.
fn light(on: bool) -> Light {
    if on { Light::On } else { Light::Dim }
}

/// The light of `scene`'s parts with a spotlight on `unit`, or none.
pub fn lit(scene: &Scene, org: &Organisation, tree: &Hierarchy, unit: Option<&Id>) -> Lit {
    let Some(u) = unit.and_then(|id| tree.unit(id)) else {
        return plain(scene);
    };
    let mut inside = vec![false; org.units.len()];
    inside[u] = true;
    for d in tree.descendants(u) {
        inside[d] = true;
    }
    let in_subtree = |id: &Id| tree.unit(id).is_some_and(|i| inside[i]);
    let body_lit: Vec<bool> = org
        .bodies
        .iter()
        .map(|b| b.chair.as_ref().is_some_and(in_subtree) || b.members.iter().any(in_subtree))
        .collect();
    let relation_lit: Vec<bool> = org
        .relations
        .iter()
        .map(|r| in_subtree(&r.from) || in_subtree(&r.to))
        .collect();
    let entity_lit: Vec<bool> = org
        .entities
        .iter()
        .map(|e| {
            org.relations
                .iter()
                .zip(&relation_lit)
                .any(|(r, &l)| l && (r.from == e.id || r.to == e.id))
        })
        .collect();
    let get = |v: &[bool], k: usize| v.get(k).copied().unwrap_or(false);
    let items = scene
        .items
        .iter()
        .map(|i| match i.owner {
            Owner::Unit(k) => light(inside[k]),
            Owner::Body(b) => light(get(&body_lit, b)),
            Owner::Entity(e) => light(get(&entity_lit, e)),
            Owner::Label => Light::On,
            Owner::Decoration => Light::Off,
        })
        .collect();
    let connectors = scene
        .connectors
        .iter()
        .map(|c| match c.link {
            Link::Hierarchy(k) => light(k != u && inside[k]),
            Link::Relation(r) => light(get(&relation_lit, r)),
            Link::Chair(b) => light(get(&body_lit, b)),
            Link::Legend => Light::Off,
        })
        .collect();
    let above = tree.parent(u);
    let framed = scene
        .items
        .iter()
        .map(|i| matches!(i.owner, Owner::Unit(k) if inside[k] || Some(k) == above))
        .collect();
    Lit {
        items,
        connectors,
        framed,
    }
}

/// Without a spotlight: the units and their hierarchy, nothing else.
fn plain(scene: &Scene) -> Lit {
    Lit {
        framed: (scene.items.iter())
            .map(|i| matches!(i.owner, Owner::Unit(_)))
            .collect(),
        items: scene
            .items
            .iter()
            .map(|i| match i.owner {
                Owner::Unit(_) => Light::On,
                _ => Light::Off,
            })
            .collect(),
        connectors: scene
            .connectors
            .iter()
            .map(|c| match c.link {
                Link::Hierarchy(_) => Light::On,
                _ => Light::Off,
            })
            .collect(),
    }
}
