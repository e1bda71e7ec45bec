//! Units whose id changed: matched by name, acronym and parent, each match with its reasons;
//! by id only with `guess: false`.

use organigramme::diff::{self, Field, Options, Reason, Status};
use organigramme::format;
use organigramme::model::{Id, Organisation, Unit, UnitKind};
use std::path::Path;

/// The hand-written example (divisions and their sections), its ids changed as `rename`
/// says and edited by `edit`.
fn example_after(
    rename: &[(&str, &str)],
    edit: impl FnOnce(&mut Organisation),
) -> (Organisation, Organisation) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/charts/secretariat-exemple.ron");
    let old = format::load_path(&path).unwrap().organisation;
    let mut new = old.clone();
    let renamed = |id: &mut Id| {
        if let Some((_, to)) = rename.iter().find(|(from, _)| id.as_str() == *from) {
            *id = Id::new(*to);
        }
    };
    for u in &mut new.units {
        renamed(&mut u.id);
        u.parent.as_mut().map(renamed);
    }
    for b in &mut new.bodies {
        b.chair.as_mut().map(renamed);
        b.members.iter_mut().for_each(renamed);
    }
    for r in &mut new.relations {
        renamed(&mut r.from);
        renamed(&mut r.to);
    }
    edit(&mut new);
    (old, new)
}

#[test]
fn a_unit_whose_id_changed_is_matched_by_name_acronym_and_parent_unless_told_not_to() {
    // « drh » becomes « rh » (same name, acronym and parent); its section « paie » becomes
    // « sec-paie » and « dnu » is renamed too, but keeps its acronym.
    let (old, new) = example_after(
        &[("drh", "rh"), ("paie", "sec-paie"), ("dnu", "num")],
        |org| {
            let u = org
                .units
                .iter_mut()
                .find(|u| u.id.as_str() == "num")
                .unwrap();
            u.name = "Division de la transformation numérique".into();
        },
    );
    let c = diff::diff(&old, &new, Options::default());
    let ids: Vec<(&str, &str, &[Reason])> = c
        .units
        .iter()
        .map(|u| {
            (
                u.old.as_ref().unwrap().id.as_str(),
                u.new.as_ref().unwrap().id.as_str(),
                &u.matched_by[..],
            )
        })
        .collect();
    use Reason::*;
    assert_eq!(
        ids,
        [
            ("drh", "rh", &[SameName, SameAcronym, SameParent][..]),
            ("paie", "sec-paie", &[SameName, SameParent][..]),
            ("dnu", "num", &[SameAcronym, SameParent][..]),
        ]
    );
    assert_eq!(c.units[2].fields[0].field, Field::Name);
    // The committee and the relations name the renamed units: nothing changed there.
    assert!(c.bodies.is_empty() && c.relations.is_empty(), "{c:#?}");
    // By id only: three units removed, three added, the section left under « drh » moved
    // to « rh », and the committee's members changed.
    let c = diff::diff(&old, &new, Options { guess: false });
    let count = |s| c.units.iter().filter(|u| u.status == s).count();
    assert_eq!(
        (
            count(Status::Removed),
            count(Status::Added),
            count(Status::Changed)
        ),
        (3, 3, 1)
    );
    let moved = c.units.iter().find_map(|u| u.moved.as_ref()).unwrap();
    assert_eq!(
        (
            moved.from.as_ref().unwrap().id.as_str(),
            moved.to.as_ref().unwrap().id.as_str()
        ),
        ("drh", "rh")
    );
    assert_eq!(c.bodies[0].members_removed.len(), 2);
}

#[test]
fn of_two_units_of_the_same_name_the_one_under_the_same_parent_is_chosen() {
    // Two sections « Section du budget », under DRH and DFA, both given new ids. The new
    // tree reaches the one under DRH first, and the old file lists the one under DFA first:
    // only their parents tell them apart.
    let section = |id: &str, parent: &str| Unit {
        id: Id::new(id),
        name: "Section du budget".into(),
        kind: UnitKind::Section,
        parent: Some(Id::new(parent)),
        ..Default::default()
    };
    let (mut old, _) = example_after(&[], |_| {});
    old.units.push(section("budget-fi", "dfi"));
    old.units.push(section("budget-rh", "drh"));
    let mut new = old.clone();
    new.units.truncate(new.units.len() - 2);
    new.units.push(section("sb-fi", "dfi"));
    new.units.push(section("sb-rh", "drh"));
    let c = diff::diff(&old, &new, Options::default());
    let pairs: Vec<(&str, &str)> = c
        .units
        .iter()
        .map(|u| {
            (
                u.old.as_ref().unwrap().id.as_str(),
                u.new.as_ref().unwrap().id.as_str(),
            )
        })
        .collect();
    assert_eq!(pairs, [("budget-rh", "sb-rh"), ("budget-fi", "sb-fi")]);
}
