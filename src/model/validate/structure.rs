//! The structure's own soundness: every id defined once and every element named, and parent
//! links without cycles.

use super::{Field, Issue, Place};
use crate::i18n::{Message, shown};
use crate::model::{Id, IdMap, Organisation, Target};

pub(super) fn check_ids<'a>(org: &'a Organisation, issues: &mut Vec<Issue>) -> IdMap<'a, Target> {
    let mut seen: IdMap<Target> = IdMap::default();
    let named = org
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, &u.name, Target::Unit(i)));
    let named = named.chain(
        org.bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (&b.id, &b.name, Target::Body(i))),
    );
    let named = named.chain(
        org.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (&e.id, &e.name, Target::Entity(i))),
    );
    // Definitions after the first of their id; the first one stays the id's meaning.
    let mut again: Vec<(&Id, Target)> = Vec::new();
    for (id, name, target) in named {
        let shown_id = shown(id.as_str());
        if id.0.trim().is_empty() {
            let name = shown(name);
            issues.push(Issue::error(
                Place::of(target, Field::Id),
                Message::new(
                    format!("un élément nommé « {name} » n'a pas d'id"),
                    format!("an element named “{name}” has no id"),
                ),
            ));
        } else if seen.contains_key(id) {
            again.push((id, target));
        } else {
            seen.insert(id, target);
        }
        if name.trim().is_empty() {
            issues.push(Issue::error(
                Place::of(target, Field::Name),
                Message::new(
                    format!("l'élément « {shown_id} » n'a pas de nom"),
                    format!("element “{shown_id}” has no name"),
                ),
            ));
        }
    }
    for &(id, target) in &again {
        let definitions = std::iter::once(seen[id])
            .chain(again.iter().filter(|a| a.0 == id).map(|a| a.1))
            .map(|t| Place::of(t, Field::Id))
            .collect();
        let id = shown(id.as_str());
        issues.push(Issue {
            definitions,
            ..Issue::error(
                Place::of(target, Field::Id),
                Message::new(
                    format!("l'id « {id} » est défini plusieurs fois"),
                    format!("the id “{id}” is defined more than once"),
                ),
            )
        });
    }
    seen
}

/// Reports cycles in the parent links, at the link that closes each, and returns the depth
/// of the deepest unit (1 for a lone root). Linear: each unit is walked up at most once
/// thanks to memoised depths.
pub(super) fn check_hierarchy(
    org: &Organisation,
    index: &IdMap<Target>,
    issues: &mut Vec<Issue>,
) -> usize {
    let parent_of: Vec<Option<usize>> = org
        .units
        .iter()
        .map(|u| match u.parent.as_ref().and_then(|p| index.get(p)) {
            Some(Target::Unit(i)) => Some(*i),
            _ => None,
        })
        .collect();
    // 0: not yet known; usize::MAX: on the current walk; else depth.
    const ON_PATH: usize = usize::MAX;
    let mut depth = vec![0usize; org.units.len()];
    let mut path = Vec::new();
    for start in 0..org.units.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            if depth[i] == ON_PATH {
                let id = shown(org.units[i].id.as_str());
                issues.push(Issue::error(
                    Place::unit(i, Field::Parent),
                    Message::new(
                        format!(
                            "cycle dans la hiérarchie : l'unité « {id} » est sa propre ascendante"
                        ),
                        format!("cycle in the hierarchy: unit “{id}” is its own ancestor"),
                    ),
                ));
                break;
            }
            if depth[i] != 0 {
                break;
            }
            depth[i] = ON_PATH;
            path.push(i);
            at = parent_of[i];
        }
        let mut below = at.map_or(0, |i| if depth[i] == ON_PATH { 0 } else { depth[i] });
        for &i in path.iter().rev() {
            below += 1;
            depth[i] = below;
        }
        path.clear();
    }
    depth.into_iter().max().unwrap_or(0)
}
