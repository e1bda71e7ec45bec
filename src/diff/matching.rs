//! Which old unit each new unit is: the same id, or, for an id that vanished, the same name
//! or acronym, preferring one attached where the unit was.

use super::Options;
use crate::i18n::Lang;
use crate::model::{Hierarchy, Id, Organisation, fold};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Why a unit whose id changed was taken for the old one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    SameName,
    SameAcronym,
    /// Attached to the same unit (the old parent's match), or a root in both.
    SameParent,
}

impl Reason {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reason::SameName => lang.pick("même nom", "same name"),
            Reason::SameAcronym => lang.pick("même sigle", "same acronym"),
            Reason::SameParent => lang.pick("même rattachement", "same parent"),
        }
    }

    /// A name weighs more than an acronym (« Bureau des achats » is rarely two units; « BA »
    /// may be), and the parent only settles between candidates of equal name or acronym.
    fn weight(self) -> u8 {
        match self {
            Reason::SameName => 4,
            Reason::SameAcronym => 2,
            Reason::SameParent => 1,
        }
    }
}

pub struct Matching {
    pub old_tree: Hierarchy,
    pub new_tree: Hierarchy,
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
    /// For each new unit matched on something else than its id, why.
    pub reasons: Vec<Vec<Reason>>,
}

/// Names compared folded, spaces collapsed: « Délégation  générale » and « délégation
/// générale » are the same name.
fn key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Matching {
    pub fn of(old: &Organisation, new: &Organisation, options: Options) -> Self {
        let old_tree = Hierarchy::of(old);
        let new_tree = Hierarchy::of(new);
        let mut m = Matching {
            old_to_new: vec![None; old.units.len()],
            new_to_old: vec![None; new.units.len()],
            reasons: vec![Vec::new(); new.units.len()],
            old_tree,
            new_tree,
        };
        for (j, u) in new.units.iter().enumerate() {
            if let Some(i) = m.old_tree.unit(&u.id)
                && m.old_to_new[i].is_none()
            {
                m.pair(i, j);
            }
        }
        if options.guess {
            m.guess(old, new);
        }
        m
    }

    fn pair(&mut self, i: usize, j: usize) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
    }

    /// Level by level down the new tree, so that a unit's parent is settled before the unit
    /// is weighed; within a level, the best-supported pairs first.
    fn guess(&mut self, old: &Organisation, new: &Organisation) {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_acronym: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in old.units.iter().enumerate() {
            if self.old_to_new[i].is_none() {
                by_name.entry(key(&u.name)).or_default().push(i);
                if !u.acronym.trim().is_empty() {
                    by_acronym.entry(key(&u.acronym)).or_default().push(i);
                }
            }
        }
        if by_name.is_empty() {
            return;
        }
        let mut levels: Vec<Vec<usize>> = Vec::new();
        for (j, depth) in preorder(&self.new_tree) {
            if self.new_to_old[j].is_none() {
                levels.resize_with(levels.len().max(depth + 1), Vec::new);
                levels[depth].push(j);
            }
        }
        for level in levels {
            let mut pairs = Vec::new();
            for &j in &level {
                let u = &new.units[j];
                let mut candidates: Vec<usize> =
                    by_name.get(&key(&u.name)).cloned().unwrap_or_default();
                if !u.acronym.trim().is_empty() {
                    candidates.extend(by_acronym.get(&key(&u.acronym)).into_iter().flatten());
                }
                candidates.sort_unstable();
                candidates.dedup();
                for i in candidates {
                    if self.old_to_new[i].is_some() {
                        continue;
                    }
                    let reasons = self.reasons_for(old, new, i, j);
                    let score: u8 = reasons.iter().map(|r| r.weight()).sum();
                    pairs.push((score, j, i, reasons));
                }
            }
            // Highest score first; between equals, the new tree's order, then the old file's.
            let rank: HashMap<usize, usize> =
                level.iter().enumerate().map(|(r, &j)| (j, r)).collect();
            pairs.sort_by_key(|&(score, j, i, _)| (std::cmp::Reverse(score), rank[&j], i));
            for (_, j, i, reasons) in pairs {
                if self.old_to_new[i].is_none() && self.new_to_old[j].is_none() {
                    self.pair(i, j);
                    self.reasons[j] = reasons;
                }
            }
        }
    }

    fn reasons_for(
        &self,
        old: &Organisation,
        new: &Organisation,
        i: usize,
        j: usize,
    ) -> Vec<Reason> {
        let (a, b) = (&old.units[i], &new.units[j]);
        let mut reasons = Vec::new();
        if key(&a.name) == key(&b.name) {
            reasons.push(Reason::SameName);
        }
        if !a.acronym.trim().is_empty() && key(&a.acronym) == key(&b.acronym) {
            reasons.push(Reason::SameAcronym);
        }
        if self.same_parent(i, j) {
            reasons.push(Reason::SameParent);
        }
        reasons
    }

    /// Whether old unit `i` and new unit `j` hang from the same unit (or are both roots).
    pub fn same_parent(&self, i: usize, j: usize) -> bool {
        match (self.old_tree.parent(i), self.new_tree.parent(j)) {
            (None, None) => true,
            (Some(p), Some(q)) => self.old_to_new[p] == Some(q),
            _ => false,
        }
    }

    /// The id an old id stands for in the new structure: its unit's match, else itself
    /// (an entity, or a unit that is gone).
    pub fn new_id<'a>(&self, new: &'a Organisation, id: &'a Id) -> &'a Id {
        match self.old_tree.unit(id).and_then(|i| self.old_to_new[i]) {
            Some(j) => &new.units[j].id,
            None => id,
        }
    }
}

/// Every unit of the tree with its depth, each after its parent and before its next sibling.
pub fn preorder(tree: &Hierarchy) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(tree.len());
    let mut stack: Vec<(usize, usize)> = tree.roots().iter().rev().map(|&r| (r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        out.push((i, depth));
        stack.extend(tree.children(i).iter().rev().map(|&c| (c, depth + 1)));
    }
    out
}
