//! The tableau de correspondance of a reorganisation: what became of each old unit (kept,
//! merged into a new one, split into several, removed) and which new units have no
//! ancestor.
//!
//! An old unit leads to a new one by the diff's matching (same id, or same name, acronym,
//! place), by the new unit saying it takes it over (`replaces`), or by mission paragraphs
//! moved from one to the other. A paragraph moved between two units that both go on is a
//! transfer, not a fusion nor a scission: it is told in the row but leaves the unit kept.

use super::matching::{Matching, preorder};
use super::{MissionChange, Move, Named, Options, Reason, missions, words};
use crate::model::{Id, Organisation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Past this many (removed, added) paragraph pairs, moved paragraphs are recognised by
/// their exact text only: comparing words pair by pair would take seconds.
const MAX_ALIKE_PAIRS: usize = 1 << 18;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// Still there (maybe renamed or attached elsewhere: see the row's fields).
    Kept,
    /// It and other old units lead to one new unit.
    Merged,
    /// It leads to several new units.
    Split,
    Removed,
    /// A new unit no old unit leads to.
    Created,
}

/// Why an old unit leads to a new one; several may hold.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub to: Named,
    /// The same id.
    pub same_id: bool,
    /// Taken for the same unit on these grounds, its id having changed.
    pub matched_by: Vec<Reason>,
    /// The new unit says it takes this one over (`replaces`).
    pub declared: bool,
    /// Mission paragraphs of the old unit found in the new one.
    pub missions: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// `None` for a created unit.
    pub old: Option<Named>,
    /// The new units it leads to; for a created unit, itself.
    pub new: Vec<Link>,
    pub fate: Fate,
    /// Kept under another name or acronym.
    pub renamed: bool,
    /// Kept, attached elsewhere.
    pub moved: Option<Move>,
    /// Paragraphs moved to units that go on, which do not make it split.
    pub transfers: Vec<Link>,
}

/// An id in a new unit's `replaces` that names no old unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unknown {
    /// The new unit's index in its file, and the id's rank in its `replaces`.
    pub unit: usize,
    pub rank: usize,
    pub id: Id,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Correspondence {
    /// Old units in the old tree's order, then created units in the new tree's.
    pub rows: Vec<Row>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub unknown: Vec<Unknown>,
}

type Links = HashMap<(usize, usize), Link>;

pub fn correspondence(old: &Organisation, new: &Organisation, options: Options) -> Correspondence {
    let m = Matching::of(old, new, options);
    let mut links: Links = HashMap::new();
    fn link<'a>(links: &'a mut Links, new: &Organisation, i: usize, j: usize) -> &'a mut Link {
        links.entry((i, j)).or_insert_with(|| Link {
            to: Named::unit(&new.units[j]),
            ..Link::default()
        })
    }
    for (j, i) in m.new_to_old.iter().enumerate() {
        if let Some(i) = *i {
            let l = link(&mut links, new, i, j);
            l.same_id = old.units[i].id == new.units[j].id;
            l.matched_by = m.reasons[j].clone();
        }
    }
    let mut unknown = Vec::new();
    for (j, u) in new.units.iter().enumerate() {
        for (rank, id) in u.replaces.iter().enumerate() {
            match m.old_tree.unit(id) {
                Some(i) => link(&mut links, new, i, j).declared = true,
                None => unknown.push(Unknown {
                    unit: j,
                    rank,
                    id: id.clone(),
                }),
            }
        }
    }
    for (i, j) in moved_paragraphs(old, new, &m) {
        link(&mut links, new, i, j).missions += 1;
    }
    Correspondence {
        rows: rows(old, new, &m, links),
        unknown,
    }
}

fn rows(old: &Organisation, new: &Organisation, m: &Matching, links: Links) -> Vec<Row> {
    let gone = |i: usize| m.old_to_new[i].is_none();
    let created = |j: usize| m.new_to_old[j].is_none();
    // A paragraph link between a unit that goes on and one that was there before is a
    // transfer; every other link says where a unit went. Each unit's links in new tree order.
    let rank: HashMap<usize, usize> = preorder(&m.new_tree)
        .into_iter()
        .enumerate()
        .map(|(r, (j, _))| (j, r))
        .collect();
    let mut sorted: Vec<((usize, usize), Link)> = links.into_iter().collect();
    sorted.sort_by_key(|&((i, j), _)| (i, rank.get(&j).copied().unwrap_or(j)));
    let n = old.units.len();
    let (mut leads, mut transfers) = (vec![Vec::new(); n], vec![Vec::new(); n]);
    let mut sources = vec![0usize; new.units.len()];
    for ((i, j), l) in sorted {
        if m.old_to_new[i] == Some(j) || l.declared || gone(i) || created(j) {
            sources[j] += 1;
            leads[i].push((j, l));
        } else {
            transfers[i].push(l);
        }
    }
    let mut rows = Vec::with_capacity(n + 8);
    for (i, _) in preorder(&m.old_tree) {
        let (a, new_units) = (&old.units[i], std::mem::take(&mut leads[i]));
        let fate = match new_units.as_slice() {
            [] => Fate::Removed,
            [(j, _)] if sources[*j] > 1 => Fate::Merged,
            [_] => Fate::Kept,
            _ => Fate::Split,
        };
        // The one unit it leads to alone is itself, maybe under another id.
        let kept = match (&fate, new_units.as_slice()) {
            (Fate::Kept, [(j, _)]) => Some(*j),
            _ => None,
        };
        let renamed = kept.is_some_and(|j| {
            let b = &new.units[j];
            a.name != b.name || a.acronym != b.acronym
        });
        let moved = kept.filter(|&j| !m.same_parent(i, j)).map(|j| Move {
            from: m.old_tree.parent(i).map(|p| Named::unit(&old.units[p])),
            to: m.new_tree.parent(j).map(|p| Named::unit(&new.units[p])),
        });
        let new_units = new_units.into_iter().map(|(_, l)| l).collect();
        rows.push(Row {
            old: Some(Named::unit(a)),
            new: new_units,
            fate,
            renamed,
            moved,
            transfers: std::mem::take(&mut transfers[i]),
        });
    }
    for (j, _) in preorder(&m.new_tree) {
        if sources[j] == 0 {
            rows.push(Row {
                old: None,
                new: vec![Link {
                    to: Named::unit(&new.units[j]),
                    ..Link::default()
                }],
                fate: Fate::Created,
                renamed: false,
                moved: None,
                transfers: Vec::new(),
            });
        }
    }
    rows
}

/// Whitespace does not make two paragraphs different, as in the diff.
fn key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (old unit, new unit) for each mission paragraph that left an old unit and arrived in
/// another new unit than its match: the same text, or failing that one alike enough to be
/// taken for it rewritten (as the diff pairs paragraphs).
fn moved_paragraphs(old: &Organisation, new: &Organisation, m: &Matching) -> Vec<(usize, usize)> {
    let mut removed: Vec<(usize, &str)> = Vec::new();
    let mut added: Vec<(usize, &str)> = Vec::new();
    for (i, a) in old.units.iter().enumerate() {
        match m.old_to_new[i] {
            None => removed.extend(a.missions.iter().map(|p| (i, p.text.as_str()))),
            Some(j) => {
                for change in missions::changes(&a.missions, &new.units[j].missions) {
                    match change {
                        MissionChange::Removed { number, .. } => {
                            removed.push((i, &a.missions[number - 1].text));
                        }
                        MissionChange::Added { number, .. } => {
                            added.push((j, &new.units[j].missions[number - 1].text));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    for (j, b) in new.units.iter().enumerate() {
        if m.new_to_old[j].is_none() {
            added.extend(b.missions.iter().map(|p| (j, p.text.as_str())));
        }
    }
    let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, (_, text)) in added.iter().enumerate() {
        by_text.entry(key(text)).or_default().push(k);
    }
    let mut taken = vec![false; added.len()];
    let mut out = Vec::new();
    let mut unplaced = Vec::new();
    for &(i, text) in &removed {
        let same = by_text
            .get(&key(text))
            .and_then(|ks| ks.iter().find(|&&k| !taken[k]).copied());
        match same {
            Some(k) => {
                taken[k] = true;
                out.push((i, added[k].0));
            }
            None => unplaced.push((i, text)),
        }
    }
    if unplaced.len().saturating_mul(added.len()) <= MAX_ALIKE_PAIRS {
        for (i, text) in unplaced {
            let best = (0..added.len())
                .filter(|&k| !taken[k])
                .map(|k| (k, words::similarity(text, added[k].1)))
                .filter(|&(_, s)| s >= missions::REWRITTEN)
                .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
            if let Some((k, _)) = best {
                taken[k] = true;
                out.push((i, added[k].0));
            }
        }
    }
    out
}
