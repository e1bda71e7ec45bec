//! The structure a comparison chart draws: the new one, each removed unit put back where it
//! stood, and what became of every unit.

use super::matching::Matching;
use super::units::{Node, order};
use super::{Options, Status, diff};
use crate::model::{Id, Organisation};
use std::collections::{HashMap, HashSet};

/// What the comparison chart shows of a unit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Added,
    /// Attached elsewhere before: the old parent's short name (acronym, else name), empty
    /// for a root.
    Moved(String),
    /// Still there, something of it changed.
    Changed,
    /// Gone: drawn as a ghost where it stood.
    Removed,
}

pub struct Comparison {
    /// The new structure, its units in the report's order, the removed ones among them.
    pub org: Organisation,
    /// By unit of `org`; `None` for a unit that did not change.
    pub marks: Vec<Option<Mark>>,
    /// Where each removed unit's ghost is in `org`, by the unit's old id (the ghost's own id
    /// differs when the new structure gave the old one to another unit).
    pub ghosts: HashMap<Id, usize>,
}

/// A unit's short name, as the chart's boxes name other units.
fn short(org: &Organisation, i: usize) -> String {
    let u = &org.units[i];
    if u.acronym.is_empty() {
        &u.name
    } else {
        &u.acronym
    }
    .clone()
}

pub fn comparison(old: &Organisation, new: &Organisation, options: Options) -> Comparison {
    let m = Matching::of(old, new, options);
    let changed: HashSet<Id> = diff(old, new, options)
        .units
        .into_iter()
        .filter(|u| u.status == Status::Changed)
        .filter_map(|u| u.new.map(|n| n.id))
        .collect();
    let mut taken: HashSet<Id> = new.index().into_keys().cloned().collect();
    // A removed unit keeps its id unless the new file gives it to something else.
    let ghost_ids: Vec<Option<Id>> = (0..old.units.len())
        .map(|i| {
            m.old_to_new[i].is_none().then(|| {
                let id = &old.units[i].id;
                let id = if taken.contains(id) {
                    new.fresh_id(&format!("{id}-ancien"))
                } else {
                    id.clone()
                };
                taken.insert(id.clone());
                id
            })
        })
        .collect();
    let mut org = Organisation {
        units: Vec::with_capacity(new.units.len() + ghost_ids.iter().flatten().count()),
        ..new.clone()
    };
    let mut marks = Vec::with_capacity(org.units.capacity());
    let mut ghosts = HashMap::new();
    for node in order(&m) {
        match node {
            Node::New(j) => {
                let u = &new.units[j];
                let mark = match m.new_to_old[j] {
                    None => Some(Mark::Added),
                    Some(i) if !m.same_parent(i, j) => {
                        let from = m.old_tree.parent(i).map(|p| short(old, p));
                        Some(Mark::Moved(from.unwrap_or_default()))
                    }
                    Some(_) => changed.contains(&u.id).then_some(Mark::Changed),
                };
                org.units.push(u.clone());
                marks.push(mark);
            }
            Node::Removed(i) => {
                let mut ghost = old.units[i].clone();
                ghost.id = ghost_ids[i].clone().expect("a removed unit has a ghost id");
                // Under its old parent's new self, or its old parent's ghost.
                ghost.parent = m.old_tree.parent(i).map(|p| match m.old_to_new[p] {
                    Some(q) => new.units[q].id.clone(),
                    None => ghost_ids[p].clone().expect("a removed unit has a ghost id"),
                });
                // Placed where it stood among its new siblings, not where it was dragged.
                ghost.position = None;
                ghosts.insert(old.units[i].id.clone(), org.units.len());
                org.units.push(ghost);
                marks.push(Some(Mark::Removed));
            }
        }
    }
    Comparison { org, marks, ghosts }
}
