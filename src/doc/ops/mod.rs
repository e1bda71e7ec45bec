//! The editing operations users name (move, reparent, add, delete, fold…), each built as one
//! `Edit` so that it is one undo step. They check their preconditions and say why they refuse.
//! Units here; bodies, entities and relations in `registry`.

mod registry;

pub use registry::{
    add_body, add_entity, add_relation, remove_body, remove_entity, remove_relation, set_body,
    set_entity,
};

use super::{Collection, Edit, Element};
use crate::model::{Hierarchy, Id, MAX_COORD, Organisation, Position, Unit, UnitKind};

fn set_at(i: usize, u: Unit) -> Edit {
    Edit::Set(i, Element::Unit(Box::new(u)))
}

/// Replaces the unit that has `unit`'s id with `unit` (a form's copy, edited). None when no
/// unit has that id any more.
pub fn set_unit(tree: &Hierarchy, unit: Unit) -> Option<Edit> {
    Some(set_at(tree.unit(&unit.id)?, unit))
}

/// Folds unit `i` on the chart (its subtree hidden), or unfolds it.
pub fn toggle_fold(org: &Organisation, i: usize) -> Edit {
    let unit = &org.units[i];
    set_at(
        i,
        Unit {
            collapsed: !unit.collapsed,
            ..unit.clone()
        },
    )
}

/// Pins unit `i` at `to` (layout coordinates). Descendants pinned themselves move by the same
/// amount, so the whole subtree keeps its shape. `from` is where the box was drawn.
pub fn move_unit(
    org: &Organisation,
    tree: &Hierarchy,
    i: usize,
    from: (f32, f32),
    to: (f32, f32),
) -> Edit {
    // A position the file could not load again is never stored: kept on the plane.
    let place = |x: f32, y: f32| {
        let keep = |v: f32| {
            if v.is_finite() {
                v.clamp(-MAX_COORD, MAX_COORD)
            } else {
                0.0
            }
        };
        Some(Position {
            x: keep(x),
            y: keep(y),
        })
    };
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let mut edits = Vec::new();
    let mut unit = org.units[i].clone();
    unit.position = place(to.0, to.1);
    edits.push(set_at(i, unit));
    for d in tree.descendants(i) {
        if let Some(p) = org.units[d].position {
            let mut unit = org.units[d].clone();
            unit.position = place(p.x + dx, p.y + dy);
            edits.push(set_at(d, unit));
        }
    }
    Edit::Batch(edits)
}

/// A reparenting refused: `unit` would depend on its own descendant `parent`. The window
/// says it in its language; `Display` says it in French, as the command line does.
#[derive(Debug, Clone, PartialEq)]
pub struct Cycle {
    pub unit: String,
    pub parent: String,
}

impl Cycle {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let (unit, parent) = (lang.quote(&self.unit), lang.quote(&self.parent));
        match lang {
            crate::i18n::Lang::Fr => format!(
                "{unit} ne peut pas être rattachée à {parent} : ce serait un cycle (une unité ne peut pas dépendre de sa propre descendante)"
            ),
            crate::i18n::Lang::En => format!(
                "{unit} cannot report to {parent}: that would be a cycle (a unit cannot depend on its own descendant)"
            ),
        }
    }
}

impl std::fmt::Display for Cycle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::Fr))
    }
}

/// Makes unit `i` a child of unit `parent`, back in the automatic layout.
pub fn reparent(
    org: &Organisation,
    tree: &Hierarchy,
    i: usize,
    parent: usize,
) -> Result<Edit, Cycle> {
    if i == parent || tree.descendants(i).contains(&parent) {
        return Err(Cycle {
            unit: org.units[i].name.clone(),
            parent: org.units[parent].name.clone(),
        });
    }
    let mut unit = org.units[i].clone();
    unit.parent = Some(org.units[parent].id.clone());
    unit.position = None;
    Ok(set_at(i, unit))
}

/// A new unit under `parent` (or a new root), placed right after its last sibling so the
/// outline shows it where expected. Returns the edit and the new unit's index.
pub fn add_unit(
    org: &Organisation,
    tree: &Hierarchy,
    parent: Option<usize>,
    name: &str,
) -> (Edit, usize) {
    let id = org.fresh_id("unite");
    let kind = parent.map_or(UnitKind::SecretariatGeneral, |_| UnitKind::Bureau);
    let unit = Unit {
        id,
        name: name.to_string(),
        kind,
        parent: parent.map(|p| org.units[p].id.clone()),
        ..Default::default()
    };
    let at = parent.map_or(org.units.len(), |p| {
        tree.descendants(p).into_iter().max().unwrap_or(p) + 1
    });
    let insert = Edit::Insert(at, Element::Unit(Box::new(unit)));
    // A child added under a folded unit would not be drawn: unfold it in the same step.
    match parent.filter(|&p| org.units[p].collapsed) {
        Some(p) => {
            let unfolded = Unit {
                collapsed: false,
                ..org.units[p].clone()
            };
            (Edit::Batch(vec![set_at(p, unfolded), insert]), at)
        }
        None => (insert, at),
    }
}

/// What becomes of a deleted unit's children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Children {
    DeleteThem,
    AttachToParent,
}

/// Removes unit `i`, and either its whole subtree or nothing else (its children then hang
/// from its parent). Relations and body seats that name a removed unit go with it.
pub fn delete_unit(org: &Organisation, tree: &Hierarchy, i: usize, children: Children) -> Edit {
    let mut removed = vec![i];
    let mut edits = Vec::new();
    match children {
        Children::DeleteThem => removed.extend(tree.descendants(i)),
        Children::AttachToParent => {
            for (j, u) in org.units.iter().enumerate() {
                if u.parent.as_ref() == Some(&org.units[i].id) {
                    let mut u = u.clone();
                    u.parent = org.units[i].parent.clone();
                    u.position = None;
                    edits.push(set_at(j, u));
                }
            }
        }
    }
    let gone: Vec<&Id> = removed.iter().map(|&j| &org.units[j].id).collect();
    for (b, body) in org.bodies.iter().enumerate() {
        let chair = body.chair.as_ref().filter(|c| !gone.contains(c)).cloned();
        let members: Vec<Id> = body
            .members
            .iter()
            .filter(|m| !gone.contains(m))
            .cloned()
            .collect();
        if chair != body.chair || members.len() != body.members.len() {
            let body = crate::model::Body {
                chair,
                members,
                ..body.clone()
            };
            edits.push(Edit::Set(b, Element::Body(Box::new(body))));
        }
    }
    let mut relations: Vec<usize> = (0..org.relations.len())
        .filter(|&r| gone.contains(&&org.relations[r].from) || gone.contains(&&org.relations[r].to))
        .collect();
    relations.sort_unstable_by(|a, b| b.cmp(a));
    edits.extend(
        relations
            .into_iter()
            .map(|r| Edit::Remove(Collection::Relations, r)),
    );
    removed.sort_unstable_by(|a, b| b.cmp(a));
    edits.extend(
        removed
            .into_iter()
            .map(|j| Edit::Remove(Collection::Units, j)),
    );
    Edit::Batch(edits)
}

/// A copy of unit `i` (not its subtree) beside it, under the same parent.
pub fn duplicate_unit(org: &Organisation, i: usize, suffix: &str) -> (Edit, usize) {
    let mut unit = org.units[i].clone();
    unit.id = org.fresh_id(unit.id.as_str());
    unit.name = format!("{} {suffix}", unit.name);
    unit.position = None;
    (Edit::Insert(i + 1, Element::Unit(Box::new(unit))), i + 1)
}

/// Forgets every manual position: back to the automatic layout.
pub fn reset_positions(org: &Organisation) -> Option<Edit> {
    let edits: Vec<Edit> = org
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.position.is_some())
        .map(|(i, u)| {
            set_at(
                i,
                Unit {
                    position: None,
                    ..u.clone()
                },
            )
        })
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}
