//! The units' tree as indices: who is whose parent, in what order children come, and which
//! unit an id names. The chart, the outline and the edits all walk it; a document keeps one
//! and rebuilds it only when an edit changes ids, parents or the order of units.

use super::{Id, Organisation};
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hierarchy {
    /// Owned keys: the index outlives any one borrow of the organisation.
    index: HashMap<Id, usize, foldhash::fast::RandomState>,
    parent: Vec<Option<usize>>,
    /// Unit `i`'s children are `child[first[i]..first[i + 1]]`, in the order of the units.
    first: Vec<usize>,
    child: Vec<usize>,
    roots: Vec<usize>,
}

impl Hierarchy {
    pub fn of(org: &Organisation) -> Self {
        let n = org.units.len();
        let mut index = HashMap::with_capacity_and_hasher(n, Default::default());
        for (i, u) in org.units.iter().enumerate() {
            // The first definition wins, as in `Organisation::index` (validation reports
            // duplicates).
            index.entry(u.id.clone()).or_insert(i);
        }
        let parent: Vec<Option<usize>> = org
            .units
            .iter()
            .map(|u| u.parent.as_ref().and_then(|p| index.get(p).copied()))
            .collect();
        let mut tree = Hierarchy {
            index,
            parent,
            ..Default::default()
        };
        tree.link_children();
        tree
    }

    /// After `units` of `org` changed parents, ids and order staying as they were: only
    /// their parents are looked up again.
    pub fn relink(&mut self, org: &Organisation, units: &[usize]) {
        for &i in units {
            if let Some(u) = org.units.get(i) {
                self.parent[i] = u.parent.as_ref().and_then(|p| self.unit(p));
            }
        }
        self.link_children();
    }

    /// The children lists and roots, from the parents; counted, then filled: one vector for
    /// all the lists.
    fn link_children(&mut self) {
        let n = self.parent.len();
        let mut first = vec![0; n + 1];
        for p in self.parent.iter().flatten() {
            first[p + 1] += 1;
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut next = first.clone();
        let mut child = vec![0; first[n]];
        let mut roots = Vec::new();
        for (i, p) in self.parent.iter().enumerate() {
            match *p {
                Some(p) => {
                    child[next[p]] = i;
                    next[p] += 1;
                }
                None => roots.push(i),
            }
        }
        (self.first, self.child, self.roots) = (first, child, roots);
    }

    /// The unit an id names.
    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Unit `i`'s parent, when it names a unit of the file.
    pub fn parent(&self, i: usize) -> Option<usize> {
        self.parent.get(i).copied().flatten()
    }

    pub fn children(&self, i: usize) -> &[usize] {
        match (self.first.get(i), self.first.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.child[a..b],
            _ => &[],
        }
    }

    /// Units without a parent (or whose parent is not in the file), in file order.
    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// How many units are below `i`; within a cycle, at most all of them.
    pub fn count_below(&self, i: usize) -> usize {
        let mut stack = self.children(i).to_vec();
        let mut n = 0;
        while let Some(c) = stack.pop() {
            n += 1;
            if n >= self.len() {
                break;
            }
            stack.extend_from_slice(self.children(c));
        }
        n
    }

    /// Every unit below `i`, each after its parent; a cycle is walked once.
    pub fn descendants(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut seen = vec![false; self.len()];
        let Some(s) = seen.get_mut(i) else {
            return out;
        };
        *s = true;
        let mut stack = vec![i];
        while let Some(j) = stack.pop() {
            for &k in self.children(j).iter().rev() {
                if !std::mem::replace(&mut seen[k], true) {
                    out.push(k);
                    stack.push(k);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: Id::new(id),
            parent: parent.map(Id::new),
            ..Default::default()
        }
    }

    #[test]
    fn indexes_parents_children_and_roots() {
        let org = Organisation {
            units: vec![
                unit("b", Some("a")),
                unit("a", None),
                unit("c", Some("a")),
                unit("d", Some("b")),
                unit("x", Some("nowhere")),
            ],
            ..Default::default()
        };
        let h = Hierarchy::of(&org);
        assert_eq!(h.unit(&Id::new("c")), Some(2));
        assert_eq!(h.unit(&Id::new("nowhere")), None);
        assert_eq!(h.parent(3), Some(0));
        assert_eq!(h.parent(4), None);
        assert_eq!(h.children(1), &[0, 2]);
        assert_eq!(h.children(3), &[] as &[usize]);
        assert_eq!(h.roots(), &[1, 4]);
        assert_eq!(h.descendants(1), vec![2, 0, 3]);
        assert_eq!(h.descendants(9), Vec::<usize>::new());
        assert_eq!(h.count_below(1), 3);
        assert_eq!(h.count_below(3), 0);
    }

    #[test]
    fn a_cycle_is_walked_once() {
        let org = Organisation {
            units: vec![unit("a", Some("b")), unit("b", Some("a"))],
            ..Default::default()
        };
        let h = Hierarchy::of(&org);
        assert_eq!(h.descendants(0), vec![1]);
        assert_eq!(h.count_below(0), 2);
        assert!(h.roots().is_empty());
    }
}
