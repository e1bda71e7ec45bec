//! Random independent edit sequences from one base (each side its own units, and on shared
//! units its own fields): merged, they give what applying one sequence and then the other
//! gives, in either order; when both together close a cycle, the merge says so. Fields
//! changed two ways are each reported, none lost; so are reparentings that, together,
//! would close a cycle.

use organigramme::generate::generate;
use organigramme::merge::{Problem, merge};
use organigramme::model::{Id, Mission, Organisation, Unit};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// One edit, by id, so that it applies to any version that has the unit.
#[derive(Clone, Debug)]
enum Op {
    Rename(Id, String),
    Headcount(Id, Option<u32>),
    AddMission(Id, String),
    RewriteMission(Id, usize, String),
    Add { id: Id, parent: Id },
    Delete(Id),
    Move(Id, Id),
}

fn apply(org: &mut Organisation, op: &Op) {
    fn unit<'a>(org: &'a mut Organisation, id: &Id) -> &'a mut Unit {
        org.units.iter_mut().find(|u| &u.id == id).unwrap()
    }
    match op {
        Op::Rename(id, name) => unit(org, id).name = name.clone(),
        Op::Headcount(id, n) => unit(org, id).headcount = *n,
        Op::AddMission(id, text) => unit(org, id).missions.push(Mission {
            text: text.clone(),
            source: None,
        }),
        Op::RewriteMission(id, k, text) => unit(org, id).missions[*k].text = text.clone(),
        Op::Add { id, parent } => org.units.push(Unit {
            id: id.clone(),
            name: format!("Unité {id}"),
            parent: Some(parent.clone()),
            ..Default::default()
        }),
        Op::Delete(id) => {
            org.units.retain(|u| &u.id != id);
            org.relations.retain(|r| &r.from != id && &r.to != id);
            for b in &mut org.bodies {
                b.members.retain(|m| m != id);
                if b.chair.as_ref() == Some(id) {
                    b.chair = None;
                }
            }
        }
        Op::Move(id, parent) => unit(org, id).parent = Some(parent.clone()),
    }
}

/// Whether `a` is `b` or under it.
fn under(org: &Organisation, a: &Id, b: &Id) -> bool {
    let mut at = Some(a.clone());
    for _ in 0..=org.units.len() {
        match at {
            Some(ref x) if x == b => return true,
            Some(ref x) => {
                at = org
                    .units
                    .iter()
                    .find(|u| &u.id == x)
                    .and_then(|u| u.parent.clone())
            }
            None => return false,
        }
    }
    false
}

/// Side `side` (0 or 1) owns the base units whose rank is `side` modulo 3 and those it adds;
/// units of rank 2 are shared: side 0 renames them, side 1 sets their headcount. Each pick
/// is resolved against the side's own current version.
fn ops(base: &Organisation, side: usize, picks: &[(u8, usize, u32)]) -> Vec<Op> {
    let mut org = base.clone();
    let mut out = Vec::new();
    let owned = |id: &Id| {
        let rank = base.units.iter().position(|u| &u.id == id);
        match rank {
            Some(r) => r % 3 == side,
            None => id.as_str().starts_with(["a-", "b-"][side]),
        }
    };
    for (n, &(kind, pick, value)) in picks.iter().enumerate() {
        let mine: Vec<Id> = org
            .units
            .iter()
            .map(|u| u.id.clone())
            .filter(|id| owned(id))
            .collect();
        let shared: Vec<Id> = base
            .units
            .iter()
            .enumerate()
            .filter(|(r, _)| r % 3 == 2)
            .map(|(_, u)| u.id.clone())
            .collect();
        if mine.is_empty() {
            continue;
        }
        let unit = mine[pick % mine.len()].clone();
        let text = format!("{} {side}-{n}-{value}", ["Mission", "Missions"][side]);
        let op = match kind % 6 {
            0 if side == 0 && !shared.is_empty() => {
                Op::Rename(shared[pick % shared.len()].clone(), text)
            }
            0 if !shared.is_empty() => {
                Op::Headcount(shared[pick % shared.len()].clone(), Some(value))
            }
            1 => Op::AddMission(unit, text),
            2 => {
                let count = org
                    .units
                    .iter()
                    .find(|u| u.id == unit)
                    .unwrap()
                    .missions
                    .len();
                if count == 0 {
                    continue;
                }
                Op::RewriteMission(unit, value as usize % count, text)
            }
            3 => Op::Add {
                id: Id::new(format!("{}{n}", ["a-", "b-"][side])),
                parent: unit,
            },
            4 => {
                let leaf = !org.units.iter().any(|u| u.parent.as_ref() == Some(&unit));
                let root = org
                    .units
                    .iter()
                    .find(|u| u.id == unit)
                    .unwrap()
                    .parent
                    .is_none();
                if !leaf || root {
                    continue;
                }
                Op::Delete(unit)
            }
            _ => {
                let to = mine[value as usize % mine.len()].clone();
                let root = org
                    .units
                    .iter()
                    .find(|u| u.id == unit)
                    .unwrap()
                    .parent
                    .is_none();
                if root || under(&org, &to, &unit) {
                    continue;
                }
                Op::Move(unit, to)
            }
        };
        apply(&mut org, &op);
        out.push(op);
    }
    out
}

/// Elements compared as sets: the two orders of application place added units
/// differently, and so does the merge.
fn sorted(mut org: Organisation) -> Organisation {
    org.units.sort_by(|a, b| a.id.cmp(&b.id));
    org.bodies.sort_by(|a, b| a.id.cmp(&b.id));
    org.relations
        .sort_by(|a, b| (&a.from, &a.to).cmp(&(&b.from, &b.to)));
    org
}

fn has_cycle(org: &Organisation) -> bool {
    org.units
        .iter()
        .any(|u| u.parent.as_ref().is_some_and(|p| under(org, p, &u.id)))
}

type Picks = Vec<(u8, usize, u32)>;

fn picks() -> impl Strategy<Value = Picks> {
    prop::collection::vec((any::<u8>(), any::<usize>(), 0u32..1000), 0..10)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn independent_edits_merge_as_applied_in_either_order(seed in 0u64..50, a in picks(), b in picks()) {
        let base = generate(40, seed);
        let (ops_a, ops_b) = (ops(&base, 0, &a), ops(&base, 1, &b));
        let side = |ops: &[Op]| {
            let mut org = base.clone();
            ops.iter().for_each(|op| apply(&mut org, op));
            org
        };
        let (ours, theirs) = (side(&ops_a), side(&ops_b));
        let both: Vec<Op> = ops_a.iter().chain(&ops_b).cloned().collect();
        let other: Vec<Op> = ops_b.iter().chain(&ops_a).cloned().collect();
        let (ab, ba) = (sorted(side(&both)), sorted(side(&other)));
        prop_assert_eq!(&ab, &ba);
        let merged = merge(&base, &ours, &theirs);
        if has_cycle(&ab) {
            prop_assert!(merged.conflicts.iter().any(|c| c.problem == Problem::Cycle));
            prop_assert!(!has_cycle(&merged.organisation));
        } else {
            prop_assert_eq!(&merged.conflicts, &vec![]);
            prop_assert_eq!(sorted(merged.organisation), ab);
        }
    }

    #[test]
    fn every_field_changed_two_ways_is_reported(seed in 0u64..50, clash in prop::collection::btree_set(0usize..40, 0..8), hc in prop::collection::btree_set(0usize..40, 0..8)) {
        let base = generate(40, seed);
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        for &i in &clash {
            ours.units[i].name = format!("Nôtre {i}");
            theirs.units[i].name = format!("Leur {i}");
        }
        for &i in &hc {
            theirs.units[i].headcount = Some(i as u32 + 10_000);
        }
        let merged = merge(&base, &ours, &theirs);
        let reported: BTreeSet<String> = merged.conflicts.iter().map(|c| {
            assert_eq!((c.field.as_str(), c.problem), ("name", Problem::ChangedTwice));
            c.key.clone()
        }).collect();
        let expected: BTreeSet<String> = clash.iter().map(|&i| base.units[i].id.to_string()).collect();
        prop_assert_eq!(reported, expected);
        prop_assert_eq!(merged.conflicts.len(), clash.len());
        for (i, u) in merged.organisation.units.iter().enumerate() {
            prop_assert_eq!(&u.name, &ours.units[i].name);
            prop_assert_eq!(u.headcount, theirs.units[i].headcount);
        }
    }
}

/// Each side moves units of its own (rank `side` modulo 2; `base` has an even number of
/// units) under any unit, never into a cycle of its own.
fn moves(base: &Organisation, side: usize, picks: &[(usize, usize)]) -> Organisation {
    let mut org = base.clone();
    let n = org.units.len();
    for &(a, b) in picks {
        let (i, j) = ((a % (n / 2)) * 2 + side, b % n);
        let (unit, to) = (org.units[i].id.clone(), org.units[j].id.clone());
        if org.units[i].parent.is_some() && !under(&org, &to, &unit) {
            org.units[i].parent = Some(to);
        }
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Reparentings on both sides: every unit ends under our parent or theirs, the tree has
    /// no cycle, and each unit that did not get the parent its side gave is reported.
    #[test]
    fn reparentings_never_make_a_cycle_nor_lose_one(seed in 0u64..20, a in prop::collection::vec((any::<usize>(), any::<usize>()), 1..12), b in prop::collection::vec((any::<usize>(), any::<usize>()), 1..12)) {
        let base = generate(30, seed);
        let (ours, theirs) = (moves(&base, 0, &a), moves(&base, 1, &b));
        let merged = merge(&base, &ours, &theirs);
        let m = &merged.organisation;
        prop_assert!(!has_cycle(m));
        let reported: BTreeSet<&str> = merged.conflicts.iter().map(|c| {
            assert_eq!((c.field.as_str(), c.problem), ("parent", Problem::Cycle));
            c.key.as_str()
        }).collect();
        for (k, u) in m.units.iter().enumerate() {
            let (o, t, b) = (&ours.units[k].parent, &theirs.units[k].parent, &base.units[k].parent);
            // Whichever side moved it; a unit moved by neither stays.
            let wanted = if t != b { t } else { o };
            if &u.parent != wanted {
                prop_assert_eq!(&u.parent, o);
                prop_assert!(reported.contains(u.id.as_str()), "{} not reported", u.id);
            }
        }
    }
}
