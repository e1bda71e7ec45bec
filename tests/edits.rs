//! The edit and undo layer without a window: every kind of `Edit` and every operation of
//! `doc::ops`, on every embedded sample, comes back exactly on undo and goes forward exactly on
//! redo; refused edits change nothing; the dirty flag follows the history through saves,
//! merged typing and the history limit; random sequences of operations keep the model valid
//! and undo all the way back to the file as it was opened.

use organigramme::doc::ops::{self, Children};
use organigramme::doc::{Collection, Document, Edit, Element, HISTORY_LIMIT, Header, OutOfRange};
use organigramme::format;
use organigramme::model::{
    self, Body, BudgetProgramme, Entity, Headcount, Hierarchy, Id, LegalText, MAX_COORD,
    Organisation, Position, Relation, Severity, Unit,
};
use organigramme::samples::SAMPLES;
use proptest::prelude::*;
use std::collections::HashSet;
use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::OnceLock;

const COLLECTIONS: [Collection; 4] = [
    Collection::Units,
    Collection::Bodies,
    Collection::Relations,
    Collection::Entities,
];

/// Every embedded sample, parsed once: (file name, organisation).
fn samples() -> &'static [(&'static str, Organisation)] {
    static LOADED: OnceLock<Vec<(&'static str, Organisation)>> = OnceLock::new();
    LOADED.get_or_init(|| {
        assert!(!SAMPLES.is_empty(), "no embedded sample to test on");
        SAMPLES
            .iter()
            .map(|s| {
                let loaded = format::load_bytes(s.file_name, s.text.as_bytes())
                    .unwrap_or_else(|e| panic!("{}: {e}", s.file_name));
                (s.file_name, loaded.organisation)
            })
            .collect()
    })
}

fn errors(org: &Organisation) -> Vec<String> {
    model::validate(org)
        .0
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.message.to_string())
        .collect()
}

#[track_caller]
fn assert_valid(org: &Organisation, what: &str) {
    let errors = errors(org);
    assert!(
        errors.is_empty(),
        "{what}: the model no longer validates:\n{errors:#?}"
    );
}

/// The organisation's own fields, without its collections.
fn header_of(org: &Organisation) -> Organisation {
    Organisation {
        units: Vec::new(),
        bodies: Vec::new(),
        relations: Vec::new(),
        entities: Vec::new(),
        ..org.clone()
    }
}

fn first_difference<T: PartialEq + Debug>(name: &str, a: &[T], b: &[T]) -> Option<String> {
    if let Some(i) = (0..a.len().min(b.len())).find(|&i| a[i] != b[i]) {
        return Some(format!(
            "{name}[{i}]:\n{:#?}\n  expected:\n{:#?}",
            a[i], b[i]
        ));
    }
    (a.len() != b.len()).then(|| format!("{name}: {} elements, expected {}", a.len(), b.len()))
}

/// Like `assert_eq!` on organisations, but says where they differ instead of printing both.
#[track_caller]
fn assert_same(actual: &Organisation, expected: &Organisation, what: &str) {
    if actual == expected {
        return;
    }
    let difference = if header_of(actual) != header_of(expected) {
        format!(
            "header:\n{:#?}\n  expected:\n{:#?}",
            header_of(actual),
            header_of(expected)
        )
    } else {
        first_difference("units", &actual.units, &expected.units)
            .or_else(|| first_difference("bodies", &actual.bodies, &expected.bodies))
            .or_else(|| first_difference("relations", &actual.relations, &expected.relations))
            .or_else(|| first_difference("entities", &actual.entities, &expected.entities))
            .unwrap_or_else(|| "they differ somewhere `==` sees".to_string())
    };
    panic!("{what}: not the expected organisation; first difference in {difference}");
}

/// A copy of `org` with every unit pinned at `(x, y)`: edits that must unpin show it.
fn pinned(org: &Organisation, x: f32, y: f32) -> Organisation {
    let mut org = org.clone();
    for u in &mut org.units {
        u.position = Some(Position { x, y });
    }
    org
}

fn get(org: &Organisation, c: Collection, i: usize) -> Element {
    match c {
        Collection::Units => Element::Unit(Box::new(org.units[i].clone())),
        Collection::Bodies => Element::Body(Box::new(org.bodies[i].clone())),
        Collection::Relations => Element::Relation(Box::new(org.relations[i].clone())),
        Collection::Entities => Element::Entity(Box::new(org.entities[i].clone())),
    }
}

/// Element `i` of collection `c`, visibly changed.
fn changed(org: &Organisation, c: Collection, i: usize) -> Element {
    match get(org, c, i) {
        Element::Unit(mut u) => {
            u.name.push_str(" (modifiée)");
            u.headcount = Some(u.headcount.unwrap_or(0) + 7);
            u.collapsed = !u.collapsed;
            Element::Unit(u)
        }
        Element::Body(mut b) => {
            b.name.push_str(" (modifiée)");
            b.cadence = "tous les jours".to_string();
            Element::Body(b)
        }
        Element::Relation(mut r) => {
            r.label.push_str(" (modifiée)");
            std::mem::swap(&mut r.from, &mut r.to);
            Element::Relation(r)
        }
        Element::Entity(mut e) => {
            e.name.push_str(" (modifiée)");
            e.description = "décrite par le test".to_string();
            Element::Entity(e)
        }
    }
}

/// A new element for collection `c` that keeps the model valid.
fn fresh(org: &Organisation, c: Collection) -> Element {
    let first = org.units.first().map(|u| u.id.clone());
    let last = org.units.last().map(|u| u.id.clone());
    match c {
        Collection::Units => Element::Unit(Box::new(Unit {
            id: org.fresh_id("test-unite"),
            name: "Unité ajoutée par le test".to_string(),
            parent: first,
            ..Default::default()
        })),
        Collection::Bodies => Element::Body(Box::new(Body {
            id: org.fresh_id("test-instance"),
            name: "Instance ajoutée par le test".to_string(),
            chair: first,
            members: last.into_iter().collect(),
            ..Default::default()
        })),
        Collection::Relations => Element::Relation(Box::new(Relation {
            from: first.expect("a unit to relate"),
            to: last.expect("a unit to relate"),
            label: "relation ajoutée par le test".to_string(),
            ..Default::default()
        })),
        Collection::Entities => Element::Entity(Box::new(Entity {
            id: org.fresh_id("test-entite"),
            name: "Entité ajoutée par le test".to_string(),
            ..Default::default()
        })),
    }
}

/// The sample with at least one element in each collection (and two units), so that Set and
/// Remove have something to work on everywhere.
fn complete(org: &Organisation) -> Organisation {
    let mut org = org.clone();
    while org.units.len() < 2 {
        let Element::Unit(u) = fresh(&org, Collection::Units) else {
            unreachable!()
        };
        org.units.push(*u);
    }
    for c in COLLECTIONS {
        if c.len_in(&org) == 0 {
            match fresh(&org, c) {
                Element::Unit(u) => org.units.push(*u),
                Element::Body(b) => org.bodies.push(*b),
                Element::Relation(r) => org.relations.push(*r),
                Element::Entity(e) => org.entities.push(*e),
            }
        }
    }
    assert_valid(&org, "completed sample");
    org
}

/// Applies `edit` as one step of a document over `org` and checks the whole round trip: the
/// document agrees with the bare edit, undo gives back `org` exactly (and a clean document),
/// redo gives back the same post-edit state, twice over. Returns the post-edit organisation.
#[track_caller]
fn round_trip(org: &Organisation, edit: Edit, what: &str, expect_change: bool) -> Organisation {
    // The bare edit and its inverse, without a document.
    let mut bare = org.clone();
    let inverse = edit
        .clone()
        .apply(&mut bare)
        .unwrap_or_else(|_| panic!("{what}: refused"));
    let after = bare.clone();
    if expect_change {
        assert_ne!(after, *org, "{what}: the edit changed nothing");
    }
    let reinverse = inverse
        .apply(&mut bare)
        .unwrap_or_else(|_| panic!("{what}: its inverse is refused"));
    assert_same(&bare, org, &format!("{what}, inverse of the bare edit"));
    reinverse
        .apply(&mut bare)
        .unwrap_or_else(|_| panic!("{what}: the inverse of its inverse is refused"));
    assert_same(&bare, &after, &format!("{what}, inverse of the inverse"));

    // The same edit as a step of a document.
    let mut doc = Document::new(org.clone(), None);
    assert!(!doc.is_dirty(), "{what}: a new document is dirty");
    let revision = doc.revision;
    doc.apply(edit, what, None)
        .unwrap_or_else(|_| panic!("{what}: refused by the document"));
    assert_same(
        doc.org(),
        &after,
        &format!("{what}, applied to the document"),
    );
    assert!(doc.is_dirty(), "{what}: clean after the edit");
    assert!(doc.revision > revision, "{what}: revision did not move");
    assert_eq!(doc.undo_label(), Some(what));
    assert_eq!(doc.redo_label(), None);
    for round in 1..=2 {
        assert!(doc.undo(), "{what}: nothing to undo (round {round})");
        assert_same(doc.org(), org, &format!("{what}, undone (round {round})"));
        assert!(!doc.is_dirty(), "{what}: dirty once undone (round {round})");
        assert!(!doc.undo(), "{what}: a second undo step appeared");
        assert_same(doc.org(), org, &format!("{what}, failed undo"));
        assert_eq!(doc.redo_label(), Some(what));
        assert!(doc.redo(), "{what}: nothing to redo (round {round})");
        assert_same(
            doc.org(),
            &after,
            &format!("{what}, redone (round {round})"),
        );
        assert!(doc.is_dirty(), "{what}: clean once redone (round {round})");
        assert!(!doc.redo(), "{what}: a second redo step appeared");
    }
    after
}

/// True when unit `j` lies below unit `of`, found by walking up the parent links.
fn is_below(org: &Organisation, j: usize, of: usize) -> bool {
    let mut at = org.units[j].parent.clone();
    for _ in 0..=org.units.len() {
        let Some(k) = at.and_then(|p| org.unit_index(&p)) else {
            return false;
        };
        if k == of {
            return true;
        }
        at = org.units[k].parent.clone();
    }
    false
}

fn below(org: &Organisation, of: usize) -> Vec<usize> {
    (0..org.units.len())
        .filter(|&j| is_below(org, j, of))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Every edit kind.

#[test]
fn set_insert_remove_round_trip_on_every_collection() {
    for (name, org) in samples() {
        let org = &complete(org);
        for c in COLLECTIONS {
            let n = c.len_in(org);
            let mut indices = vec![0, n / 2, n - 1];
            indices.dedup();
            for &i in &indices {
                let what = format!("{name}: Set {c:?}[{i}]");
                let new = changed(org, c, i);
                let after = round_trip(org, Edit::Set(i, new.clone()), &what, true);
                assert_eq!(get(&after, c, i), new, "{what}: element not replaced");
                assert_eq!(c.len_in(&after), n, "{what}: length changed");

                let what = format!("{name}: Remove {c:?}[{i}]");
                let after = round_trip(org, Edit::Remove(c, i), &what, true);
                assert_eq!(c.len_in(&after), n - 1, "{what}: length");
                if i + 1 < n {
                    assert_eq!(
                        get(&after, c, i),
                        get(org, c, i + 1),
                        "{what}: next element"
                    );
                }
            }
            for i in [0, n / 2, n] {
                let what = format!("{name}: Insert {c:?}[{i}]");
                let new = fresh(org, c);
                let after = round_trip(org, Edit::Insert(i, new.clone()), &what, true);
                assert_eq!(c.len_in(&after), n + 1, "{what}: length");
                assert_eq!(get(&after, c, i), new, "{what}: element not at its index");
                // Other collections are left alone.
                for other in COLLECTIONS.into_iter().filter(|&o| o != c) {
                    assert_eq!(other.len_in(&after), other.len_in(org), "{what}: {other:?}");
                }
            }
        }
    }
}

fn other_header(org: &Organisation) -> Organisation {
    Organisation {
        name: format!("{} (renommée)", org.name),
        acronym: "TEST".to_string(),
        description: "Une description écrite par le test".to_string(),
        administration: "Administration du test".to_string(),
        headcount: Some(Headcount {
            count: 1234,
            date: "au 1er janvier 2030".to_string(),
            note: String::new(),
        }),
        address: "1 rue du Test".to_string(),
        legal_texts: vec![LegalText {
            reference: "Décret n° 2030-1".to_string(),
            ..Default::default()
        }],
        budget_programmes: vec![BudgetProgramme {
            number: "999".to_string(),
            title: "Programme du test".to_string(),
        }],
        sources: vec!["le test".to_string()],
        ..Default::default()
    }
}

#[test]
fn set_header_round_trips_and_leaves_the_collections_alone() {
    for (name, org) in samples() {
        let header = other_header(org);
        let what = format!("{name}: SetHeader");
        let after = round_trip(
            org,
            Edit::SetHeader(Box::new(Header(header.clone()))),
            &what,
            true,
        );
        assert_eq!(header_of(&after), header, "{what}: header not replaced");
        assert_eq!(after.units, org.units, "{what}: units");
        assert_eq!(after.bodies, org.bodies, "{what}: bodies");
        assert_eq!(after.relations, org.relations, "{what}: relations");
        assert_eq!(after.entities, org.entities, "{what}: entities");

        // A header that happens to carry collections still changes only the header.
        let mut carrying = header.clone();
        carrying.units = vec![Unit::default()];
        carrying.relations = Vec::new();
        carrying.entities = vec![Entity::default(), Entity::default()];
        let what = format!("{name}: SetHeader carrying collections");
        let after = round_trip(
            org,
            Edit::SetHeader(Box::new(Header(carrying))),
            &what,
            true,
        );
        assert_eq!(header_of(&after), header, "{what}: header not replaced");
        assert_eq!(after.units, org.units, "{what}: units");
        assert_eq!(after.relations, org.relations, "{what}: relations");
        assert_eq!(after.entities, org.entities, "{what}: entities");
    }
}

#[test]
fn batch_round_trips_as_one_step() {
    for (name, org) in samples() {
        let org = &complete(org);
        let n_rel = org.relations.len();
        let new_body = fresh(org, Collection::Bodies);
        let new_entity = fresh(org, Collection::Entities);
        let renamed = changed(org, Collection::Units, 0);
        let edit = Edit::Batch(vec![
            Edit::Set(0, renamed.clone()),
            Edit::Insert(0, new_body.clone()),
            // Index 1 only exists because of the insert above: order matters.
            Edit::Set(1, changed(org, Collection::Bodies, 0)),
            Edit::Remove(Collection::Relations, n_rel - 1),
            Edit::SetHeader(Box::new(Header(other_header(org)))),
            Edit::Batch(vec![
                Edit::Insert(org.entities.len(), new_entity.clone()),
                Edit::Set(0, changed(org, Collection::Units, 0)),
                Edit::Remove(Collection::Units, org.units.len() - 1),
            ]),
        ]);
        let what = format!("{name}: Batch");
        let after = round_trip(org, edit, &what, true);
        assert_eq!(get(&after, Collection::Units, 0), renamed, "{what}");
        assert_eq!(get(&after, Collection::Bodies, 0), new_body, "{what}");
        assert_eq!(
            get(&after, Collection::Bodies, 1),
            changed(org, Collection::Bodies, 0),
            "{what}"
        );
        assert_eq!(after.relations.len(), n_rel - 1, "{what}");
        assert_eq!(header_of(&after), other_header(org), "{what}");
        assert_eq!(after.entities.last(), {
            let Element::Entity(e) = &new_entity else {
                unreachable!()
            };
            Some(e.as_ref())
        });
        assert_eq!(after.units.len(), org.units.len() - 1, "{what}");

        // An empty batch is a step that changes nothing, and still undoes cleanly.
        round_trip(
            org,
            Edit::Batch(Vec::new()),
            &format!("{name}: empty Batch"),
            false,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Refused edits.

#[test]
fn out_of_range_edits_are_refused_and_change_nothing() {
    for (name, org) in samples() {
        let org = &complete(org);
        for c in COLLECTIONS {
            let n = c.len_in(org);
            let element = fresh(org, c);
            let refused = [
                Edit::Set(n, element.clone()),
                Edit::Set(usize::MAX, element.clone()),
                Edit::Insert(n + 1, element.clone()),
                Edit::Insert(usize::MAX, element.clone()),
                Edit::Remove(c, n),
                Edit::Remove(c, usize::MAX),
                Edit::Batch(vec![Edit::Remove(c, n)]),
            ];
            for edit in refused {
                let what = format!("{name}: {c:?} {edit:?}");
                let mut bare = org.clone();
                assert_eq!(edit.clone().apply(&mut bare), Err(OutOfRange), "{what}");
                assert_same(&bare, org, &what);

                let mut doc = Document::new(org.clone(), None);
                let revision = doc.revision;
                assert_eq!(doc.apply(edit, "refusée", None), Err(OutOfRange), "{what}");
                assert_same(doc.org(), org, &what);
                assert!(
                    !doc.is_dirty(),
                    "{what}: a refused edit made the document dirty"
                );
                assert_eq!(doc.undo_label(), None, "{what}: a refused edit left a step");
                assert_eq!(doc.revision, revision, "{what}: revision moved");
                assert!(!doc.undo(), "{what}");
            }
        }
    }
}

#[test]
fn a_batch_failing_at_its_third_edit_is_rolled_back_entirely() {
    for (name, org) in samples() {
        let org = &complete(org);
        let n = org.units.len();
        let batch = Edit::Batch(vec![
            // 1: a new unit at the front (now n + 1 units).
            Edit::Insert(0, fresh(org, Collection::Units)),
            // 2: renames what is now unit 0, the inserted one; rolled back before the insert.
            Edit::Set(0, changed(org, Collection::Units, 0)),
            // 3: index n + 1 is one past the end even after the insert.
            Edit::Set(n + 1, changed(org, Collection::Units, 0)),
            // 4: never reached.
            Edit::SetHeader(Box::new(Header(other_header(org)))),
        ]);
        let what = format!("{name}: failing batch");
        let mut bare = org.clone();
        assert_eq!(batch.clone().apply(&mut bare), Err(OutOfRange), "{what}");
        assert_same(&bare, org, &what);

        // In a document, the failed batch leaves the history alone too (redo still there).
        let mut doc = Document::new(org.clone(), None);
        doc.apply(Edit::Remove(Collection::Units, n - 1), "retirer", None)
            .unwrap();
        assert!(doc.undo());
        let revision = doc.revision;
        assert_eq!(doc.apply(batch, "lot", None), Err(OutOfRange), "{what}");
        assert_same(doc.org(), org, &what);
        assert!(!doc.is_dirty(), "{what}: dirty");
        assert_eq!(doc.revision, revision, "{what}: revision moved");
        assert_eq!(
            doc.undo_label(),
            None,
            "{what}: the failed batch left a step"
        );
        assert_eq!(doc.redo_label(), Some("retirer"), "{what}: redo was lost");
        assert!(doc.redo());
        assert_eq!(doc.org().units.len(), n - 1);
    }
}

// ---------------------------------------------------------------------------------------------
// The operations users name.

#[test]
fn descendants_are_every_unit_below_parents_first() {
    for (name, org) in samples() {
        let mut found_some = false;
        for i in 0..org.units.len() {
            let got = Hierarchy::of(org).descendants(i);
            let mut sorted = got.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, below(org, i), "{name}: descendants of unit {i}");
            found_some |= !got.is_empty();
            // Depth first: each one comes after its own parent (unless that is unit i).
            for (n, &d) in got.iter().enumerate() {
                let p = org
                    .unit_index(org.units[d].parent.as_ref().unwrap())
                    .unwrap();
                assert!(
                    p == i || got[..n].contains(&p),
                    "{name}: unit {d} listed before its parent {p}"
                );
            }
        }
        assert!(found_some, "{name}: no unit has descendants");
    }
}

/// A unit with descendants, and its deepest one.
fn with_subtree(org: &Organisation) -> (usize, usize) {
    let depth = |j: usize| {
        (0..org.units.len())
            .filter(|&k| is_below(org, j, k))
            .count()
    };
    let top = (0..org.units.len())
        .find(|&i| !Hierarchy::of(org).descendants(i).is_empty())
        .expect("a unit with children");
    let deepest = Hierarchy::of(org)
        .descendants(top)
        .into_iter()
        .max_by_key(|&d| depth(d))
        .unwrap();
    (top, deepest)
}

#[test]
fn move_unit_pins_the_unit_and_shifts_its_pinned_descendants() {
    for (name, org) in samples() {
        let (top, deep) = with_subtree(org);
        // First pin the deepest descendant on its own.
        let what = format!("{name}: move unit {deep}");
        let edit = ops::move_unit(org, &Hierarchy::of(org), deep, (0.0, 0.0), (10.0, 20.0));
        let pinned = round_trip(org, edit, &what, true);
        assert_eq!(
            pinned.units[deep].position,
            Some(Position { x: 10.0, y: 20.0 })
        );
        assert_valid(&pinned, &what);

        // Then the top of the subtree: the pinned descendant follows, the others stay unpinned.
        let what = format!("{name}: move unit {top}");
        let edit = ops::move_unit(
            &pinned,
            &Hierarchy::of(&pinned),
            top,
            (5.0, 5.0),
            (105.0, -45.0),
        );
        let moved = round_trip(&pinned, edit, &what, true);
        assert_valid(&moved, &what);
        for (j, (u, before)) in moved.units.iter().zip(&pinned.units).enumerate() {
            let expected = if j == top {
                Some(Position { x: 105.0, y: -45.0 })
            } else if j == deep {
                Some(Position { x: 110.0, y: -30.0 })
            } else {
                before.position
            };
            assert_eq!(u.position, expected, "{what}: position of unit {j}");
            assert_eq!(
                Unit {
                    position: None,
                    ..u.clone()
                },
                Unit {
                    position: None,
                    ..before.clone()
                },
                "{what}: unit {j} changed beyond its position"
            );
        }
    }
}

#[test]
fn reset_positions_forgets_every_pin() {
    for (name, org) in samples() {
        let pinned_in_sample = org.units.iter().any(|u| u.position.is_some());
        assert_eq!(
            ops::reset_positions(org).is_some(),
            pinned_in_sample,
            "{name}: reset_positions on the sample"
        );
        let mut pinned = org.clone();
        let last = pinned.units.len() - 1;
        for (k, i) in [0, last / 2, last].into_iter().enumerate() {
            ops::move_unit(
                &pinned,
                &Hierarchy::of(&pinned),
                i,
                (0.0, 0.0),
                (k as f32 * 50.0, -7.5),
            )
            .apply(&mut pinned)
            .unwrap();
        }
        let what = format!("{name}: reset positions");
        let edit = ops::reset_positions(&pinned).expect("units were pinned");
        let after = round_trip(&pinned, edit, &what, true);
        assert!(after.units.iter().all(|u| u.position.is_none()), "{what}");
        assert!(ops::reset_positions(&after).is_none(), "{what}: still pins");
        let unpinned: Vec<Unit> = pinned
            .units
            .iter()
            .map(|u| Unit {
                position: None,
                ..u.clone()
            })
            .collect();
        assert_eq!(after.units, unpinned, "{what}: more than positions changed");
        assert_valid(&after, &what);
    }
}

#[test]
fn reparent_moves_any_unit_but_refuses_cycles() {
    for (name, org) in samples() {
        // Pin everything so that reparenting visibly unpins.
        let org = &pinned(org, 1.0, 2.0);
        let (mut refused_self, mut refused_below, mut accepted) = (0, 0, 0);
        for i in 0..org.units.len() {
            for p in 0..org.units.len() {
                let what = format!("{name}: reparent unit {i} under unit {p}");
                let cycle = i == p || is_below(org, p, i);
                match ops::reparent(org, &Hierarchy::of(org), i, p) {
                    Err(message) => {
                        assert!(cycle, "{what}: refused without a cycle: {message}");
                        assert!(
                            message.to_string().contains("cycle"),
                            "{what}: message: {message}"
                        );
                        if i == p {
                            refused_self += 1;
                        } else {
                            refused_below += 1;
                        }
                    }
                    Ok(edit) => {
                        assert!(!cycle, "{what}: accepted a cycle");
                        accepted += 1;
                        let after = round_trip(org, edit, &what, true);
                        assert_valid(&after, &what);
                        let mut expected = org.clone();
                        expected.units[i].parent = Some(org.units[p].id.clone());
                        expected.units[i].position = None;
                        assert_same(&after, &expected, &what);
                    }
                }
            }
        }
        assert_eq!(refused_self, org.units.len(), "{name}");
        assert!(refused_below > 0 && accepted > 0, "{name}");
    }
}

#[test]
fn add_unit_places_a_fresh_child_after_its_parents_subtree() {
    for (name, org) in samples() {
        let ids: HashSet<&Id> = org.index().into_keys().collect();
        for parent in (0..org.units.len()).map(Some).chain([None]) {
            let what = format!("{name}: add a unit under {parent:?}");
            let (edit, at) = ops::add_unit(org, &Hierarchy::of(org), parent, "Nouvelle unité");
            let after = round_trip(org, edit, &what, true);
            assert_valid(&after, &what);
            assert_eq!(after.units.len(), org.units.len() + 1, "{what}");
            let new = &after.units[at];
            assert_eq!(new.name, "Nouvelle unité", "{what}");
            assert!(!ids.contains(&new.id), "{what}: id {} is not fresh", new.id);
            assert_eq!(
                new.parent,
                parent.map(|p| org.units[p].id.clone()),
                "{what}: parent"
            );
            let expected_at = match parent {
                None => org.units.len(),
                Some(p) => below(org, p).into_iter().max().unwrap_or(p) + 1,
            };
            assert_eq!(at, expected_at, "{what}: index");
            if let Some(p) = parent {
                assert!(Hierarchy::of(&after).descendants(p).contains(&at), "{what}");
            }
            let mut rest = after.units.clone();
            rest.remove(at);
            assert_eq!(rest, org.units, "{what}: other units changed");
        }
    }
}

/// What deleting unit `i` must give, computed independently of `ops`.
fn expected_after_delete(org: &Organisation, i: usize, children: Children) -> Organisation {
    let id = &org.units[i].id;
    let mut gone: HashSet<&Id> = HashSet::from([id]);
    if children == Children::DeleteThem {
        gone.extend(below(org, i).into_iter().map(|j| &org.units[j].id));
    }
    let units = org
        .units
        .iter()
        .filter(|u| !gone.contains(&u.id))
        .map(|u| {
            let mut u = u.clone();
            if children == Children::AttachToParent && u.parent.as_ref() == Some(id) {
                u.parent = org.units[i].parent.clone();
                u.position = None;
            }
            u
        })
        .collect();
    let bodies = org
        .bodies
        .iter()
        .map(|b| {
            let mut b = b.clone();
            b.chair = b.chair.filter(|c| !gone.contains(c));
            b.members.retain(|m| !gone.contains(m));
            b
        })
        .collect();
    let relations = org
        .relations
        .iter()
        .filter(|r| !gone.contains(&r.from) && !gone.contains(&r.to))
        .cloned()
        .collect();
    Organisation {
        units,
        bodies,
        relations,
        ..org.clone()
    }
}

#[test]
fn delete_unit_removes_it_and_everything_naming_it() {
    let (mut dropped_relations, mut dropped_seats, mut reattached) = (0, 0, 0);
    for (name, org) in samples() {
        // Pin everything so that reattached children visibly go back to the automatic layout.
        let org = &pinned(org, 3.0, 4.0);
        let seats = |o: &Organisation| -> usize {
            o.bodies
                .iter()
                .map(|b| b.members.len() + usize::from(b.chair.is_some()))
                .sum()
        };
        for i in 0..org.units.len() {
            for children in [Children::DeleteThem, Children::AttachToParent] {
                let what = format!("{name}: delete unit {i} ({children:?})");
                let edit = ops::delete_unit(org, &Hierarchy::of(org), i, children);
                let after = round_trip(org, edit, &what, true);
                assert_valid(&after, &what);
                assert_same(&after, &expected_after_delete(org, i, children), &what);
                assert!(
                    after.unit(&org.units[i].id).is_none(),
                    "{what}: still there"
                );
                dropped_relations += org.relations.len() - after.relations.len();
                dropped_seats += seats(org) - seats(&after);
                if children == Children::AttachToParent {
                    let id = &org.units[i].id;
                    for u in org.units.iter().filter(|u| u.parent.as_ref() == Some(id)) {
                        let moved = after.unit(&u.id).expect("a child survives");
                        assert_eq!(moved.parent, org.units[i].parent, "{what}: {}", u.id);
                        assert_eq!(moved.position, None, "{what}: {}", u.id);
                        reattached += 1;
                    }
                }
            }
        }
    }
    // Otherwise the checks above would have nothing to bite on.
    assert!(dropped_relations > 0, "no deletion removed a relation");
    assert!(dropped_seats > 0, "no deletion removed a body seat");
    assert!(reattached > 0, "no deletion reattached a child");
}

#[test]
fn delete_unit_reattaches_children_to_the_grandparent() {
    // A dedicated case on a known shape: the deepest unit's parent is deleted.
    for (name, org) in samples() {
        let (_, deep) = with_subtree(org);
        let parent_id = org.units[deep].parent.clone().unwrap();
        let parent = org.unit_index(&parent_id).unwrap();
        let grandparent = org.units[parent].parent.clone();
        // Make sure the deleted unit is named by a relation and a body seat.
        let mut org = org.clone();
        org.relations.push(Relation {
            from: parent_id.clone(),
            to: org.units[0].id.clone(),
            ..Default::default()
        });
        org.bodies.push(Body {
            id: org.fresh_id("test-instance"),
            name: "Instance du test".to_string(),
            chair: Some(parent_id.clone()),
            members: vec![parent_id.clone(), org.units[deep].id.clone()],
            ..Default::default()
        });
        let what = format!("{name}: delete the parent of unit {deep}");
        let edit = ops::delete_unit(&org, &Hierarchy::of(&org), parent, Children::AttachToParent);
        let after = round_trip(&org, edit, &what, true);
        assert_valid(&after, &what);
        let child = after.unit(&org.units[deep].id).expect("the child survives");
        assert_eq!(child.parent, grandparent, "{what}");
        assert!(
            after
                .relations
                .iter()
                .all(|r| r.from != parent_id && r.to != parent_id),
            "{what}: a relation still names the deleted unit"
        );
        let body = after.bodies.last().unwrap();
        assert_eq!(body.chair, None, "{what}: still chairs");
        assert_eq!(body.members, vec![org.units[deep].id.clone()], "{what}");
    }
}

#[test]
fn duplicate_unit_copies_one_unit_beside_it() {
    for (name, org) in samples() {
        // Pin everything: the copy must go back to the automatic layout, not overlap its model.
        let org = &pinned(org, 5.0, 6.0);
        let ids: HashSet<&Id> = org.index().into_keys().collect();
        for i in 0..org.units.len() {
            let what = format!("{name}: duplicate unit {i}");
            let (edit, at) = ops::duplicate_unit(org, i, "(copie)");
            assert_eq!(at, i + 1, "{what}");
            let after = round_trip(org, edit, &what, true);
            assert_valid(&after, &what);
            let copy = &after.units[at];
            assert!(!ids.contains(&copy.id), "{what}: id {} not fresh", copy.id);
            let expected = Unit {
                id: copy.id.clone(),
                name: format!("{} (copie)", org.units[i].name),
                position: None,
                ..org.units[i].clone()
            };
            assert_eq!(*copy, expected, "{what}");
            let mut rest = after.units.clone();
            rest.remove(at);
            assert_eq!(rest, org.units, "{what}: other units changed");
        }
    }
}

#[test]
fn toggle_fold_folds_and_unfolds_one_unit() {
    for (name, org) in samples() {
        for i in [0, org.units.len() / 2, org.units.len() - 1] {
            let what = format!("{name}: fold unit {i}");
            let folded = round_trip(org, ops::toggle_fold(org, i), &what, true);
            assert_eq!(folded.units[i].collapsed, !org.units[i].collapsed, "{what}");
            let mut rest = folded.clone();
            rest.units[i].collapsed = org.units[i].collapsed;
            assert_same(&rest, org, &format!("{what}: anything else changed"));
            let unfolded = round_trip(&folded, ops::toggle_fold(&folded, i), &what, true);
            assert_same(&unfolded, org, &format!("{what}, twice"));
        }
    }
}

/// A form's copy set by id lands on its element even after an insertion moved it down the
/// list; an element that is gone is not set in another's place.
#[test]
fn set_by_id_finds_the_element_where_it_is_now() {
    let org = complete(&samples()[0].1);
    let mut unit = org.units[1].clone();
    unit.name = "Renommée".into();
    let mut body = org.bodies[0].clone();
    body.cadence = "chaque lundi".into();
    let mut entity = org.entities[0].clone();
    entity.name = "Renommée".into();
    let mut moved = org.clone();
    let (inserts, _) = ops::add_unit(&moved, &Hierarchy::of(&moved), None, "Avant");
    inserts.apply(&mut moved).unwrap();
    moved.units.rotate_right(1);
    moved.bodies.insert(
        0,
        Body {
            id: Id::new("b-avant"),
            name: "Avant".into(),
            ..Default::default()
        },
    );
    moved.entities.insert(
        0,
        Entity {
            id: Id::new("e-avant"),
            name: "Avant".into(),
            ..Default::default()
        },
    );
    let tree = Hierarchy::of(&moved);
    let after = round_trip(
        &moved,
        ops::set_unit(&tree, unit.clone()).unwrap(),
        "unit",
        true,
    );
    assert_eq!(after.units[2], unit, "the unit now at index 2");
    let after = round_trip(
        &moved,
        ops::set_body(&moved, body.clone()).unwrap(),
        "body",
        true,
    );
    assert_eq!(after.bodies[1], body);
    let after = round_trip(
        &moved,
        ops::set_entity(&moved, entity.clone()).unwrap(),
        "entity",
        true,
    );
    assert_eq!(after.entities[1], entity);
    let gone = |id: &str| Id::new(id);
    assert!(
        ops::set_unit(
            &tree,
            Unit {
                id: gone("absente"),
                ..unit
            }
        )
        .is_none()
    );
    assert!(
        ops::set_body(
            &moved,
            Body {
                id: gone("absente"),
                ..body
            }
        )
        .is_none()
    );
    assert!(
        ops::set_entity(
            &moved,
            Entity {
                id: gone("absente"),
                ..entity
            }
        )
        .is_none()
    );
}

#[test]
fn adding_and_removing_bodies_and_entities_round_trips() {
    for (name, org) in samples() {
        let ids: HashSet<&Id> = org.index().into_keys().collect();
        let (edit, id) = ops::add_body(org, "Nouvelle instance");
        let what = format!("{name}: add a body");
        let after = round_trip(org, edit, &what, true);
        assert!(!ids.contains(&id), "{what}: id {id} not fresh");
        assert_eq!(after.bodies.last().map(|b| &b.id), Some(&id), "{what}");
        let removed = round_trip(&after, ops::remove_body(&after, &id).unwrap(), &what, true);
        assert_same(&removed, org, &format!("{what}, then remove it"));
        let (edit, id) = ops::add_entity(org, "Nouvelle entité");
        let what = format!("{name}: add an entity");
        let after = round_trip(org, edit, &what, true);
        assert!(!ids.contains(&id), "{what}: id {id} not fresh");
        assert_eq!(after.entities.last().map(|e| &e.id), Some(&id), "{what}");
        assert!(
            ops::remove_body(org, &id).is_none(),
            "{what}: an entity is no body"
        );
    }
}

#[test]
fn remove_entity_takes_its_relations_and_seats_with_it() {
    let (mut dropped_relations, mut dropped_seats) = (0, 0);
    for (name, org) in samples() {
        let mut org = org.clone();
        // Make sure some entity sits in a body.
        if let (Some(e), Some(b)) = (org.entities.first().cloned(), org.bodies.first_mut()) {
            b.members.push(e.id);
        }
        for e in 0..org.entities.len() {
            let id = org.entities[e].id.clone();
            let what = format!("{name}: remove entity {id}");
            let edit = ops::remove_entity(&org, &id).unwrap();
            let after = round_trip(&org, edit, &what, true);
            assert_valid(&after, &what);
            let expected = Organisation {
                entities: org
                    .entities
                    .iter()
                    .filter(|x| x.id != id)
                    .cloned()
                    .collect(),
                relations: org
                    .relations
                    .iter()
                    .filter(|r| r.from != id && r.to != id)
                    .cloned()
                    .collect(),
                bodies: org
                    .bodies
                    .iter()
                    .map(|b| {
                        let mut b = b.clone();
                        b.members.retain(|m| *m != id);
                        b
                    })
                    .collect(),
                ..org.clone()
            };
            assert_same(&after, &expected, &what);
            dropped_relations += org.relations.len() - after.relations.len();
            dropped_seats += org.bodies.iter().map(|b| b.members.len()).sum::<usize>()
                - after.bodies.iter().map(|b| b.members.len()).sum::<usize>();
        }
        assert!(ops::remove_entity(&org, &Id::new("absente")).is_none());
    }
    assert!(dropped_relations > 0, "no removal took a relation");
    assert!(dropped_seats > 0, "no removal took a seat");
}

#[test]
fn adding_and_removing_a_relation_round_trips() {
    for (name, org) in samples() {
        let org = &complete(org);
        let relation = Relation {
            from: org.units[0].id.clone(),
            to: org.units[1].id.clone(),
            label: "ajoutée".into(),
            ..Default::default()
        };
        let what = format!("{name}: add a relation");
        let after = round_trip(org, ops::add_relation(org, relation.clone()), &what, true);
        assert_valid(&after, &what);
        assert_eq!(after.relations.last(), Some(&relation), "{what}");
        let removed = round_trip(
            &after,
            ops::remove_relation(&after, &relation).unwrap(),
            &what,
            true,
        );
        assert_same(&removed, org, &format!("{what}, then remove it"));
        let r = org.relations.len() / 2;
        let what = format!("{name}: remove relation {r}");
        let after = round_trip(
            org,
            ops::remove_relation(org, &org.relations[r]).unwrap(),
            &what,
            true,
        );
        let mut expected = org.clone();
        expected.relations.remove(r);
        assert_same(&after, &expected, &what);
        assert!(
            ops::remove_relation(&removed, &relation).is_none(),
            "{what}: already gone"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// History and the dirty flag.

fn rename(org: &Organisation, i: usize, name: &str) -> Edit {
    let mut unit = org.units[i].clone();
    unit.name = name.to_string();
    Edit::Set(i, Element::Unit(Box::new(unit)))
}

fn sample_doc() -> Document {
    Document::new(samples()[0].1.clone(), None)
}

/// A file in the temporary directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(tag: &str) -> Self {
        TempFile(std::env::temp_dir().join(format!(
            "organigramme-tests-edits-{}-{tag}.ron",
            std::process::id()
        )))
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn applying_makes_dirty_and_undoing_back_makes_clean() {
    let mut doc = sample_doc();
    let original = doc.org().clone();
    assert!(!doc.is_dirty());
    assert!(!doc.undo() && !doc.redo(), "a new document has a history");
    doc.apply(rename(doc.org(), 0, "un"), "renommer", None)
        .unwrap();
    assert!(doc.is_dirty());
    doc.apply(rename(doc.org(), 1, "deux"), "renommer", None)
        .unwrap();
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert!(doc.is_dirty(), "one step still applied");
    assert!(doc.undo());
    assert!(!doc.is_dirty());
    assert_same(doc.org(), &original, "undone twice");
    assert!(doc.redo());
    assert!(doc.is_dirty());
    // A new edit after an undo drops the redo steps.
    assert!(doc.undo());
    doc.apply(rename(doc.org(), 2, "trois"), "renommer", None)
        .unwrap();
    assert!(!doc.redo(), "redo survived a new edit");
    assert_eq!(doc.org().units[0].name, original.units[0].name);
    assert_eq!(doc.org().units[2].name, "trois");
}

#[test]
fn a_save_point_in_the_middle_is_clean_from_both_sides() {
    let file = TempFile::new("save-point");
    let mut doc = sample_doc();
    doc.apply(rename(doc.org(), 0, "un"), "a", None).unwrap();
    doc.apply(rename(doc.org(), 1, "deux"), "b", None).unwrap();
    doc.save_as(&file.0).unwrap();
    assert!(!doc.is_dirty(), "dirty right after saving");
    let saved = doc.org().clone();
    let reloaded = format::load_path(&file.0).unwrap().organisation;
    assert_same(&reloaded, &saved, "the saved file");
    doc.apply(rename(doc.org(), 2, "trois"), "c", None).unwrap();
    assert!(doc.is_dirty(), "an edit after saving");

    assert!(doc.undo()); // back to the save point from after it
    assert!(!doc.is_dirty(), "back at the save point");
    assert_same(doc.org(), &saved, "back at the save point");
    assert!(doc.undo()); // before the save point
    assert!(doc.is_dirty(), "before the save point");
    assert!(doc.undo());
    assert!(doc.is_dirty(), "at the very start, which was never saved");
    assert!(!doc.undo());
    assert!(doc.redo());
    assert!(doc.is_dirty());
    assert!(doc.redo()); // back to the save point from before it
    assert!(!doc.is_dirty(), "back at the save point from before");
    assert_same(doc.org(), &saved, "redone to the save point");
    assert!(doc.redo());
    assert!(doc.is_dirty(), "past the save point");
    assert!(!doc.redo());

    // Branching off before the save point loses it for good.
    assert!(doc.undo() && doc.undo());
    assert!(doc.is_dirty());
    doc.apply(rename(doc.org(), 3, "quatre"), "d", None)
        .unwrap();
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert!(doc.is_dirty(), "the state after `a` was never saved");
}

#[test]
fn merged_typing_is_one_undo_step() {
    let mut doc = sample_doc();
    let original = doc.org().clone();
    for typed in ["D", "Di", "Dir", "Dire"] {
        doc.apply(rename(doc.org(), 0, typed), "nom", Some("nom-0"))
            .unwrap();
    }
    assert_eq!(doc.org().units[0].name, "Dire");
    assert!(doc.undo());
    assert_same(doc.org(), &original, "one undo after merged typing");
    assert!(!doc.is_dirty());
    assert!(!doc.undo(), "merged typing left more than one step");
    assert!(doc.redo());
    assert_eq!(doc.org().units[0].name, "Dire", "redo of merged typing");
    assert!(doc.is_dirty());
    assert!(!doc.redo());

    // A different key, or an edit without one, starts a new step.
    let mut doc = sample_doc();
    doc.apply(rename(doc.org(), 0, "a"), "nom", Some("nom-0"))
        .unwrap();
    doc.apply(rename(doc.org(), 1, "b"), "nom", Some("nom-1"))
        .unwrap();
    doc.apply(rename(doc.org(), 1, "bc"), "nom", Some("nom-1"))
        .unwrap();
    doc.apply(rename(doc.org(), 2, "c"), "nom", None).unwrap();
    doc.apply(rename(doc.org(), 1, "bcd"), "nom", Some("nom-1"))
        .unwrap();
    let mut steps = 0;
    while doc.undo() {
        steps += 1;
    }
    assert_eq!(steps, 4);
    assert_same(doc.org(), &samples()[0].1, "all undone");

    // Undo ends the merging too.
    let mut doc = sample_doc();
    doc.apply(rename(doc.org(), 0, "a"), "nom", Some("nom-0"))
        .unwrap();
    doc.apply(rename(doc.org(), 0, "ab"), "nom", Some("nom-0"))
        .unwrap();
    doc.apply(rename(doc.org(), 1, "x"), "autre", None).unwrap();
    assert!(doc.undo());
    doc.apply(rename(doc.org(), 0, "abc"), "nom", Some("nom-0"))
        .unwrap();
    assert!(doc.undo());
    assert_eq!(doc.org().units[0].name, "ab", "merged across an undo");
}

#[test]
fn seal_ends_merging() {
    let mut doc = sample_doc();
    let original = doc.org().clone();
    doc.apply(rename(doc.org(), 0, "a"), "nom", Some("k"))
        .unwrap();
    doc.apply(rename(doc.org(), 0, "ab"), "nom", Some("k"))
        .unwrap();
    doc.seal();
    doc.apply(rename(doc.org(), 0, "abc"), "nom", Some("k"))
        .unwrap();
    doc.apply(rename(doc.org(), 0, "abcd"), "nom", Some("k"))
        .unwrap();
    assert!(doc.undo());
    assert_eq!(doc.org().units[0].name, "ab", "the sealed run was extended");
    assert!(doc.is_dirty());
    assert!(doc.undo());
    assert_same(doc.org(), &original, "two undos after a seal");
    assert!(!doc.undo());
}

#[test]
fn merged_typing_after_a_save_makes_the_document_dirty_again() {
    let file = TempFile::new("merge-after-save");
    let mut doc = sample_doc();
    let original = doc.org().clone();
    doc.apply(rename(doc.org(), 0, "a"), "nom", Some("k"))
        .unwrap();
    doc.apply(rename(doc.org(), 0, "ab"), "nom", Some("k"))
        .unwrap();
    doc.save_as(&file.0).unwrap();
    assert!(!doc.is_dirty());
    doc.apply(rename(doc.org(), 0, "abc"), "nom", Some("k"))
        .unwrap();
    assert!(
        doc.is_dirty(),
        "typing on after a save left the document clean"
    );
    // The saved text is still reachable: the save split the run of typing.
    assert!(doc.undo());
    assert_eq!(doc.org().units[0].name, "ab");
    assert!(!doc.is_dirty(), "back at the saved text");
    assert!(doc.undo());
    assert_same(doc.org(), &original, "before the typing");
    assert!(doc.is_dirty());
    assert!(doc.redo());
    assert!(!doc.is_dirty());
    assert!(doc.redo());
    assert_eq!(doc.org().units[0].name, "abc");
    assert!(doc.is_dirty());
}

#[test]
fn at_least_five_hundred_undo_steps_are_kept() {
    let mut doc = sample_doc();
    let original = doc.org().clone();
    let n = doc.org().units.len();
    let mut after_100 = None;
    for k in 0..600 {
        let edit = rename(doc.org(), k % n, &format!("étape {k}"));
        doc.apply(edit, "renommer", None).unwrap();
        if k + 1 == 100 {
            after_100 = Some(doc.org().clone());
        }
    }
    let after_100 = after_100.unwrap();
    let mut undone = 0;
    for k in 1..=600 {
        if doc.undo() {
            undone += 1;
        }
        if k == 500 {
            assert_same(doc.org(), &after_100, "after 500 undos");
        }
    }
    assert!(undone >= 500, "only {undone} undo steps kept");
    if undone == 600 {
        assert_same(doc.org(), &original, "after undoing all 600 edits");
        assert!(!doc.is_dirty());
    }
}

#[test]
fn the_oldest_steps_go_beyond_the_history_limit() {
    let mut doc = sample_doc();
    let n = doc.org().units.len();
    for k in 0..HISTORY_LIMIT + 5 {
        let edit = rename(doc.org(), k % n, &format!("étape {k}"));
        doc.apply(edit, "renommer", None).unwrap();
    }
    let mut undone = 0;
    while doc.undo() {
        undone += 1;
    }
    assert_eq!(undone, HISTORY_LIMIT);
    // The first five edits can no longer be undone: the saved state is out of reach.
    assert!(
        doc.is_dirty(),
        "clean although the first edits are still applied"
    );
    assert_eq!(doc.org().units[4 % n].name, format!("étape {}", 4));
    let mut redone = 0;
    while doc.redo() {
        redone += 1;
    }
    assert_eq!(redone, HISTORY_LIMIT);
    let last = HISTORY_LIMIT + 4;
    assert_eq!(doc.org().units[last % n].name, format!("étape {last}"));
}

// ---------------------------------------------------------------------------------------------
// Random sequences.

#[derive(Clone, Debug)]
enum Op {
    /// Under a random unit, or a new root.
    Add(Option<usize>),
    Delete(usize, bool),
    Reparent(usize, usize),
    Move(usize, f32, f32),
    Duplicate(usize),
    /// The last flag: as merged typing (one step per unit while typing on).
    Rename(usize, String, bool),
    Fold(usize),
    RemoveEntity(usize),
    AddRelation(usize, usize),
    RemoveRelation(usize),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => proptest::option::weighted(0.9, any::<usize>()).prop_map(Op::Add),
        2 => (any::<usize>(), any::<bool>()).prop_map(|(i, all)| Op::Delete(i, all)),
        3 => (any::<usize>(), any::<usize>()).prop_map(|(i, p)| Op::Reparent(i, p)),
        2 => (any::<usize>(), -2000.0f32..2000.0, -2000.0f32..2000.0)
            .prop_map(|(i, x, y)| Op::Move(i, x, y)),
        2 => any::<usize>().prop_map(Op::Duplicate),
        3 => (any::<usize>(), "[A-Za-zéè][A-Za-zéè' ]{0,12}", any::<bool>())
            .prop_map(|(i, name, typing)| Op::Rename(i, name, typing)),
        1 => any::<usize>().prop_map(Op::Fold),
        1 => any::<usize>().prop_map(Op::RemoveEntity),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::AddRelation(a, b)),
        1 => any::<usize>().prop_map(Op::RemoveRelation),
        3 => Just(Op::Undo),
        2 => Just(Op::Redo),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_sequences_stay_valid_and_undo_back_to_the_original(
        sample in 0..SAMPLES.len(),
        sequence in proptest::collection::vec(op(), 0..=60),
    ) {
        let original = &samples()[sample].1;
        let mut doc = Document::new(original.clone(), None);
        // The states the undo and redo stacks should lead to, kept independently.
        let mut past: Vec<Organisation> = Vec::new();
        let mut future: Vec<Organisation> = Vec::new();
        // The merge key still open, as the document should see it.
        let mut open: Option<String> = None;
        for (n, op) in sequence.iter().enumerate() {
            let what = format!("step {n} ({op:?})");
            let org = doc.org();
            let len = org.units.len();
            let pick = |seed: usize| seed % len.max(1);
            let mut merge = None;
            let edit = match op {
                Op::Undo | Op::Redo => {
                    let before = doc.org().clone();
                    let (moved, from, to) = if matches!(op, Op::Undo) {
                        (doc.undo(), &mut past, &mut future)
                    } else {
                        (doc.redo(), &mut future, &mut past)
                    };
                    prop_assert_eq!(moved, !from.is_empty(), "{}", what);
                    if let Some(expected) = from.pop() {
                        assert_same(doc.org(), &expected, &what);
                        to.push(before);
                    } else {
                        assert_same(doc.org(), &before, &what);
                    }
                    open = None;
                    None
                }
                _ if len == 0 && !matches!(op, Op::Add(_)) => None,
                Op::Add(parent) => {
                    let parent = parent.filter(|_| len > 0).map(pick);
                    Some(ops::add_unit(org, doc.hierarchy(), parent, "Unité au hasard").0)
                }
                Op::Delete(i, all) => {
                    let children = if *all { Children::DeleteThem } else { Children::AttachToParent };
                    Some(ops::delete_unit(org, doc.hierarchy(), pick(*i), children))
                }
                Op::Reparent(i, p) => {
                    let (i, p) = (pick(*i), pick(*p));
                    let cycle = i == p || is_below(org, p, i);
                    match ops::reparent(org, doc.hierarchy(), i, p) {
                        Ok(edit) => {
                            prop_assert!(!cycle, "{}: accepted a cycle", what);
                            Some(edit)
                        }
                        Err(message) => {
                            prop_assert!(cycle, "{}: refused: {}", what, message);
                            prop_assert!(message.to_string().contains("cycle"), "{}: {}", what, message);
                            None
                        }
                    }
                }
                Op::Move(i, x, y) => {
                    let i = pick(*i);
                    let from = org.units[i].position.map_or((0.0, 0.0), |p| (p.x, p.y));
                    Some(ops::move_unit(org, doc.hierarchy(), i, from, (*x, *y)))
                }
                Op::Duplicate(i) => Some(ops::duplicate_unit(org, pick(*i), "(copie)").0),
                Op::Rename(i, name, typing) => {
                    let i = pick(*i);
                    if *typing {
                        merge = Some(format!("nom-{}", org.units[i].id));
                    }
                    Some(rename(org, i, name))
                }
                Op::Fold(i) => Some(ops::toggle_fold(org, pick(*i))),
                Op::RemoveEntity(e) => org
                    .entities
                    .get(e % org.entities.len().max(1))
                    .and_then(|entity| ops::remove_entity(org, &entity.id)),
                Op::AddRelation(a, b) => {
                    let relation = Relation {
                        from: org.units[pick(*a)].id.clone(),
                        to: org.units[pick(*b)].id.clone(),
                        ..Default::default()
                    };
                    Some(ops::add_relation(org, relation))
                }
                Op::RemoveRelation(r) => org
                    .relations
                    .get(r % org.relations.len().max(1))
                    .and_then(|relation| ops::remove_relation(org, relation)),
            };
            // Setting an element to the value it already has makes no step.
            if let Some(edit) = edit.filter(|e| !e.changes_nothing(doc.org())) {
                let before = doc.org().clone();
                prop_assert!(doc.apply(edit, "pas", merge.as_deref()).is_ok(), "{}: refused", what);
                let joins = merge.is_some() && open == merge && !past.is_empty();
                if !joins {
                    past.push(before);
                    open = merge;
                }
                future.clear();
            }
            assert_valid(doc.org(), &what);
            prop_assert_eq!(doc.is_dirty(), !past.is_empty(), "{}: dirty flag", what);
            prop_assert!(doc.hierarchy() == &Hierarchy::of(doc.org()), "{}: stale hierarchy", what);
        }
        let mut undone = 0;
        while doc.undo() {
            undone += 1;
        }
        prop_assert_eq!(undone, past.len());
        assert_same(doc.org(), original, "everything undone");
        prop_assert!(!doc.is_dirty());
    }
}

#[test]
fn adding_a_child_under_a_folded_unit_unfolds_it_in_the_same_step() {
    let mut doc = sample_doc();
    let parent = 0;
    let mut folded = doc.org().units[parent].clone();
    folded.collapsed = true;
    doc.apply(
        Edit::Set(parent, Element::Unit(Box::new(folded))),
        "plier",
        None,
    )
    .unwrap();
    let before = doc.org().clone();
    let (edit, at) = ops::add_unit(
        doc.org(),
        &Hierarchy::of(doc.org()),
        Some(parent),
        "Nouvelle unité",
    );
    doc.apply(edit, "ajouter", None).unwrap();
    assert!(
        !doc.org().units[parent].collapsed,
        "the new unit must be visible"
    );
    assert_eq!(
        doc.org().units[at].parent.as_ref(),
        Some(&doc.org().units[parent].id)
    );
    assert!(doc.undo());
    assert_eq!(*doc.org(), before, "one undo refolds and removes the unit");
}

/// A box dragged absurdly far, or to a position that is not a number, is kept on the plane
/// the file format accepts: the document always saves to a file that loads again.
#[test]
fn a_unit_moved_off_the_plane_is_kept_on_it() {
    let (name, org) = &samples()[0];
    let (_, deep) = with_subtree(org);
    for to in [(1e20, -1e20), (f32::NAN, f32::INFINITY)] {
        let what = format!("{name}: move to {to:?}");
        let edit = ops::move_unit(org, &Hierarchy::of(org), deep, (0.0, 0.0), to);
        let moved = round_trip(org, edit, &what, true);
        let at = moved.units[deep].position.unwrap();
        assert!(
            at.x.abs() <= MAX_COORD && at.y.abs() <= MAX_COORD,
            "{what}: {at:?}"
        );
        assert_valid(&moved, &what);
    }
}
