//! The units' changes, in the order an HR officer reads the new chart: down the new tree,
//! each removed unit where it stood (after the sibling it followed, under its old parent or
//! that parent's new self).

use super::matching::{Matching, preorder};
use super::{
    Field, FieldChange, Kind, Move, Named, Status, UnitChange, Value, compare, compare_text,
    missions,
};
use crate::model::{Head, Organisation, Unit};
use std::collections::HashMap;

/// A place in the merged tree of the report: a unit of the new structure, or a removed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Node {
    New(usize),
    Removed(usize),
}

pub fn changes(old: &Organisation, new: &Organisation, m: &Matching) -> Vec<UnitChange> {
    order(m)
        .into_iter()
        .filter_map(|node| match node {
            Node::New(j) => match m.new_to_old[j] {
                Some(i) => kept(old, new, m, i, j),
                None => Some(added(new, m, j)),
            },
            Node::Removed(i) => Some(removed(old, m, i)),
        })
        .collect()
}

/// The new tree with the removed units inserted, in reading order.
pub(super) fn order(m: &Matching) -> Vec<Node> {
    // Children of each node; the key `None` holds the roots.
    let mut children: HashMap<Option<Node>, Vec<Node>> = HashMap::new();
    let (old_tree, new_tree) = (&m.old_tree, &m.new_tree);
    children.insert(
        None,
        new_tree.roots().iter().map(|&r| Node::New(r)).collect(),
    );
    for j in 0..new_tree.len() {
        let list = new_tree.children(j).iter().map(|&c| Node::New(c)).collect();
        children.insert(Some(Node::New(j)), list);
    }
    let node = |i: usize| match m.old_to_new[i] {
        Some(j) => Node::New(j),
        None => Node::Removed(i),
    };
    // In old tree order, so that a removed unit's removed parent and earlier siblings are
    // placed before it.
    for (i, _) in preorder(old_tree) {
        if m.old_to_new[i].is_some() {
            continue;
        }
        let parent = old_tree.parent(i);
        let siblings = parent.map_or(old_tree.roots(), |p| old_tree.children(p));
        let list = children.entry(parent.map(node)).or_default();
        let before = &siblings[..siblings.iter().position(|&s| s == i).unwrap_or(0)];
        // After the nearest earlier sibling that stands under the same parent still.
        let at = before
            .iter()
            .rev()
            .find_map(|&s| list.iter().position(|&n| n == node(s)))
            .map_or(0, |k| k + 1);
        list.insert(at, Node::Removed(i));
    }
    let mut out = Vec::with_capacity(children.len());
    let mut stack: Vec<Node> = children[&None].iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        out.push(n);
        if let Some(list) = children.get(&Some(n)) {
            stack.extend(list.iter().rev());
        }
    }
    out
}

fn parent_of(org: &Organisation, tree: &crate::model::Hierarchy, i: usize) -> Option<Named> {
    tree.parent(i).map(|p| Named::unit(&org.units[p]))
}

/// An added unit's fields are what it is: its kind, and its head, headcount and staff
/// position when it has them; each against an empty value.
fn added(new: &Organisation, m: &Matching, j: usize) -> UnitChange {
    let u = &new.units[j];
    let nothing = || Value::Text(String::new());
    let mut fields = vec![FieldChange {
        field: Field::Kind,
        old: nothing(),
        new: Value::Kind(Kind::Unit(u.kind.clone())),
    }];
    compare_text(&mut fields, Field::Head, "", &head(&u.head));
    compare(
        &mut fields,
        Field::Headcount,
        Value::Count(None),
        Value::Count(u.headcount),
    );
    compare(
        &mut fields,
        Field::Staff,
        Value::Flag(false),
        Value::Flag(u.staff),
    );
    let missions = missions::changes(&[], &u.missions);
    UnitChange {
        status: Status::Added,
        old: None,
        new: Some(Named::unit(u)),
        matched_by: Vec::new(),
        parent: parent_of(new, &m.new_tree, j),
        moved: None,
        fields,
        missions,
    }
}

fn removed(old: &Organisation, m: &Matching, i: usize) -> UnitChange {
    UnitChange {
        status: Status::Removed,
        old: Some(Named::unit(&old.units[i])),
        new: None,
        matched_by: Vec::new(),
        parent: parent_of(old, &m.old_tree, i),
        moved: None,
        fields: Vec::new(),
        missions: Vec::new(),
    }
}

/// « Secrétaire générale (Mme X) », the title alone, or the name alone.
fn head(h: &Head) -> String {
    match (h.title.is_empty(), h.name.is_empty()) {
        (_, true) => h.title.clone(),
        (true, false) => h.name.clone(),
        (false, false) => format!("{} ({})", h.title, h.name),
    }
}

fn kept(
    old: &Organisation,
    new: &Organisation,
    m: &Matching,
    i: usize,
    j: usize,
) -> Option<UnitChange> {
    let (a, b): (&Unit, &Unit) = (&old.units[i], &new.units[j]);
    let mut fields = Vec::new();
    compare_text(&mut fields, Field::Name, &a.name, &b.name);
    compare_text(&mut fields, Field::Acronym, &a.acronym, &b.acronym);
    if a.kind != b.kind {
        let (k, l) = (Kind::Unit(a.kind.clone()), Kind::Unit(b.kind.clone()));
        compare(&mut fields, Field::Kind, Value::Kind(k), Value::Kind(l));
    }
    if a.head != b.head {
        compare_text(&mut fields, Field::Head, &head(&a.head), &head(&b.head));
    }
    compare(
        &mut fields,
        Field::Headcount,
        Value::Count(a.headcount),
        Value::Count(b.headcount),
    );
    compare(
        &mut fields,
        Field::Staff,
        Value::Flag(a.staff),
        Value::Flag(b.staff),
    );
    compare_text(&mut fields, Field::Notes, &a.notes, &b.notes);
    let moved = (!m.same_parent(i, j)).then(|| Move {
        from: parent_of(old, &m.old_tree, i),
        to: parent_of(new, &m.new_tree, j),
    });
    let missions = missions::changes(&a.missions, &b.missions);
    let matched_by = m.reasons[j].clone();
    if fields.is_empty() && moved.is_none() && missions.is_empty() && matched_by.is_empty() {
        return None;
    }
    Some(UnitChange {
        status: Status::Changed,
        old: Some(Named::unit(a)),
        new: Some(Named::unit(b)),
        matched_by,
        parent: None,
        moved,
        fields,
        missions,
    })
}
