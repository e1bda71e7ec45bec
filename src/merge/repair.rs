//! What two sides can each do soundly and together not: a unit deleted here that a unit,
//! a body or a relation added there still names, and two reparentings that close a cycle.
//! Both are conflicts; the merged file is mended so that it still loads.

use super::elements::{Log, shown};
use super::{Conflict, Element, Problem};
use crate::model::{Id, Organisation};
use std::collections::{HashMap, HashSet};

/// Puts back each unit or entity that a side deleted while the other still names it (our
/// version if we have one, else theirs, else the base's).
pub(super) fn references(merged: &mut Organisation, sides: [&Organisation; 3], log: &Log) {
    loop {
        let known: HashSet<&Id> = merged
            .units
            .iter()
            .map(|u| &u.id)
            .chain(merged.bodies.iter().map(|b| &b.id))
            .chain(merged.entities.iter().map(|e| &e.id))
            .collect();
        let mut named: Vec<(Id, String)> = Vec::new();
        let mut need = |id: &Id, by: String| {
            if !known.contains(id) && !named.iter().any(|(n, _)| n == id) {
                named.push((id.clone(), by));
            }
        };
        for u in &merged.units {
            if let Some(p) = &u.parent {
                need(p, format!("{} (parent)", u.id));
            }
        }
        for b in &merged.bodies {
            for id in b.chair.iter().chain(&b.members) {
                need(id, b.id.to_string());
            }
        }
        for r in &merged.relations {
            for id in [&r.from, &r.to] {
                need(id, super::elements::relation_key(r));
            }
        }
        if named.is_empty() {
            return;
        }
        let mut restored = false;
        for (id, by) in named {
            for side in sides {
                let element = if let Some(u) = side.units.iter().find(|u| u.id == id) {
                    merged.units.push(u.clone());
                    Element::Unit
                } else if let Some(e) = side.entities.iter().find(|e| e.id == id) {
                    merged.entities.push(e.clone());
                    Element::Entity
                } else {
                    continue;
                };
                restored = true;
                log.borrow_mut().push(Conflict {
                    element,
                    key: id.to_string(),
                    field: String::new(),
                    problem: Problem::StillNamed,
                    ours: String::new(),
                    theirs: by,
                    why: Default::default(),
                });
                break;
            }
        }
        // An id no side defines was already wrong in a side: validation will say so.
        if !restored {
            return;
        }
    }
}

/// Breaks each cycle of parents by giving its units whose parent came from their side our
/// parent back.
pub(super) fn cycles(
    merged: &mut Organisation,
    ours: &Organisation,
    theirs: &Organisation,
    log: &Log,
) {
    let ours_parent: HashMap<&Id, &Option<Id>> =
        ours.units.iter().map(|u| (&u.id, &u.parent)).collect();
    let theirs_parent: HashMap<&Id, &Option<Id>> =
        theirs.units.iter().map(|u| (&u.id, &u.parent)).collect();
    for _ in 0..merged.units.len().max(1) {
        let cycle = in_cycles(merged);
        if cycle.is_empty() {
            return;
        }
        for i in cycle {
            let u = &mut merged.units[i];
            let ours = ours_parent.get(&u.id).copied().cloned().flatten();
            if u.parent == ours && ours_parent.contains_key(&u.id) {
                continue;
            }
            let theirs = theirs_parent.get(&u.id).copied().cloned().flatten();
            log.borrow_mut().push(Conflict {
                element: Element::Unit,
                key: u.id.to_string(),
                field: "parent".into(),
                problem: Problem::Cycle,
                ours: shown(&ours),
                theirs: shown(&theirs),
                why: Default::default(),
            });
            u.parent = ours;
        }
    }
}

/// The units on a cycle of parents.
fn in_cycles(org: &Organisation) -> Vec<usize> {
    let at: HashMap<&Id, usize> = org
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, i))
        .collect();
    let parent = |i: usize| {
        org.units[i]
            .parent
            .as_ref()
            .and_then(|p| at.get(p).copied())
    };
    // 0: not seen; otherwise the walk that first reached the unit, plus one.
    let mut walk = vec![0usize; org.units.len()];
    let mut out = Vec::new();
    for start in 0..org.units.len() {
        let mut i = start;
        while walk[i] == 0 {
            walk[i] = start + 1;
            match parent(i) {
                Some(p) => i = p,
                None => break,
            }
        }
        // Back to a unit of this very walk: a cycle through it.
        if walk[i] == start + 1 && parent(i).is_some() && !out.contains(&i) {
            let first = i;
            loop {
                out.push(i);
                i = parent(i).unwrap_or(first);
                if i == first {
                    break;
                }
            }
        }
    }
    out
}
