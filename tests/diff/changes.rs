//! Each kind of change, one kind at a time, on the SGMAS sample.

use super::{sample, sgmas_after, unit};
use organigramme::diff::{self, Changes, Field, MissionChange, Options, Segment, Status, Value};
use organigramme::format;
use organigramme::model::{Body, Id, Mission, Relation, RelationKind, Unit, UnitKind};
use std::path::Path;

/// The one changed field of the one changed unit.
fn only_field(c: &Changes) -> (Field, Value, Value) {
    assert_eq!(c.units.len(), 1, "{c:#?}");
    assert_eq!(c.units[0].fields.len(), 1, "{c:#?}");
    let f = &c.units[0].fields[0];
    (f.field, f.old.clone(), f.new.clone())
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}
#[test]
fn a_structure_against_itself_or_its_canonical_form_has_no_change() {
    for s in organigramme::samples::SAMPLES {
        let org = format::load_bytes(s.file_name, s.text.as_bytes())
            .unwrap()
            .organisation;
        assert!(
            diff::diff(&org, &org, Options::default()).is_empty(),
            "{}",
            s.file_name
        );
    }
    // A file written by hand, with comments, against what `fmt` makes of it.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/charts/secretariat-exemple.ron");
    let hand = format::load_path(&path).unwrap();
    assert!(hand.comments);
    let canonical = format::to_string(&hand.organisation);
    let again = format::load_bytes("fmt", canonical.as_bytes())
        .unwrap()
        .organisation;
    assert!(diff::diff(&hand.organisation, &again, Options::default()).is_empty());
}

/// A field, an edit of a unit that changes it, and its values before and after.
type Case = (Field, fn(&mut Unit), Value, Value);

#[test]
fn each_field_of_a_unit_is_found() {
    let cases: Vec<Case> = vec![
        (
            Field::Name,
            |u| u.name = "Délégation aux ressources humaines".into(),
            text("Délégation générale aux ressources humaines"),
            text("Délégation aux ressources humaines"),
        ),
        (
            Field::Acronym,
            |u| u.acronym = "DGRH".into(),
            text(""),
            text("DGRH"),
        ),
        (
            Field::Kind,
            |u| u.kind = UnitKind::Direction,
            Value::Kind(diff::Kind::Unit(UnitKind::DelegationGenerale)),
            Value::Kind(diff::Kind::Unit(UnitKind::Direction)),
        ),
        (
            Field::Head,
            |u| u.head.title = "Déléguée générale".into(),
            text(""),
            text("Déléguée générale"),
        ),
        (
            Field::Headcount,
            |u| u.headcount = Some(120),
            Value::Count(None),
            Value::Count(Some(120)),
        ),
        (
            Field::Staff,
            |u| u.staff = true,
            Value::Flag(false),
            Value::Flag(true),
        ),
        (
            Field::Notes,
            |u| u.notes = "À revoir".into(),
            text(""),
            text("À revoir"),
        ),
    ];
    for (field, edit, old, new) in cases {
        let c = sgmas_after(|org| edit(unit(org, "deleg-rh")));
        assert_eq!(only_field(&c), (field, old, new));
        assert_eq!(c.units[0].status, Status::Changed);
    }
    // Where a unit is drawn and whether it is folded are not the structure.
    let c = sgmas_after(|org| {
        let u = unit(org, "deleg-rh");
        u.collapsed = true;
        u.position = Some(organigramme::model::Position { x: 10.0, y: 20.0 });
    });
    assert!(c.is_empty());
}

#[test]
fn added_removed_and_moved_units_name_their_parents() {
    let c = sgmas_after(|org| {
        org.units.retain(|u| u.id.as_str() != "serv-pilotage");
        unit(org, "deleg-communication").parent = Some(Id::new("deleg-rh"));
        org.units.push(Unit {
            id: Id::new("cellule-ia"),
            name: "Cellule intelligence artificielle".into(),
            kind: UnitKind::Cellule,
            parent: Some(Id::new("deleg-numerique")),
            missions: vec![Mission {
                text: "Piloter les usages de l'IA".into(),
                source: None,
            }],
            ..Default::default()
        });
    });
    let by = |id: &str| {
        c.units
            .iter()
            .find(|u| u.new.as_ref().or(u.old.as_ref()).unwrap().id.as_str() == id)
            .unwrap()
    };
    let added = by("cellule-ia");
    assert_eq!(added.status, Status::Added);
    assert_eq!(
        added.parent.as_ref().unwrap().id.as_str(),
        "deleg-numerique"
    );
    assert!(matches!(
        &added.missions[..],
        [MissionChange::Added { number: 1, .. }]
    ));
    let removed = by("serv-pilotage");
    assert_eq!(removed.status, Status::Removed);
    assert_eq!(
        removed.parent.as_ref().unwrap().label,
        "SGMAS — Secrétariat général des ministères chargés des affaires sociales"
    );
    let moved = by("deleg-communication").moved.as_ref().unwrap();
    assert_eq!(
        (
            moved.from.as_ref().unwrap().id.as_str(),
            moved.to.as_ref().unwrap().id.as_str()
        ),
        ("sg", "deleg-rh")
    );
    // In the order of the new tree: the moved unit under its new parent (the first
    // délégation), the new cell under the second, then the removed service where it stood,
    // after the second délégation and its subtree.
    let order: Vec<&str> = c
        .units
        .iter()
        .map(|u| u.new.as_ref().or(u.old.as_ref()).unwrap().id.as_str())
        .collect();
    assert_eq!(
        order,
        ["deleg-communication", "cellule-ia", "serv-pilotage"]
    );
}

#[test]
fn missions_added_removed_moved_and_rewritten_word_by_word() {
    let paragraphs = sample("sgmas.ron").units[0].missions.len();
    let c = sgmas_after(|org| {
        let m = &mut unit(org, "sg").missions;
        m[0].text = m[0]
            .text
            .replace("anime et coordonne", "pilote et coordonne");
        m.remove(1);
        let last = m.remove(3);
        m.insert(5, last);
        m[6].source = None;
        m.push(Mission {
            text: "Conduire la stratégie d'intelligence artificielle".into(),
            source: None,
        });
    });
    let missions = &c.units[0].missions;
    let [first, removed, moved, source, added] = &missions[..] else {
        panic!("{missions:#?}")
    };
    let MissionChange::Changed {
        from: 1,
        to: 1,
        words,
        source: None,
    } = first
    else {
        panic!("{first:?}")
    };
    let marked: Vec<&Segment> = words
        .iter()
        .filter(|s| !matches!(s, Segment::Same(_)))
        .collect();
    assert_eq!(
        marked,
        [
            &Segment::Removed("anime".into()),
            &Segment::Added("pilote".into())
        ]
    );
    assert!(
        matches!(removed, MissionChange::Removed { number: 2, text } if text.starts_with("En liaison"))
    );
    assert_eq!(moved, &MissionChange::Moved { from: 5, to: 6 });
    let MissionChange::Changed {
        words,
        source: Some(s),
        ..
    } = source
    else {
        panic!("{source:?}")
    };
    assert!(words.is_empty() && s.field == Field::Source && s.new == text(""));
    // One removed, one added: the new one is last.
    assert!(
        matches!(added, MissionChange::Added { number, .. } if *number == paragraphs),
        "{added:?}"
    );
}

#[test]
fn bodies_relations_entities_legal_texts_and_the_organisation() {
    let c = sgmas_after(|org| {
        org.name = "Secrétariat général des ministères sociaux".into();
        let body = org
            .bodies
            .iter_mut()
            .find(|b| b.id.as_str() == "comites-directeurs")
            .unwrap();
        body.chair = Some(Id::new("deleg-rh"));
        body.members = vec![Id::new("serv-finances")];
        body.cadence = "mensuelle".into();
        org.bodies.retain(|b| b.id.as_str() != "comites-techniques");
        org.bodies.push(Body {
            id: Id::new("cnum"),
            name: "Comité du numérique".into(),
            ..Default::default()
        });
        org.relations.retain(|r| r.to.as_str() != "dgt");
        org.relations[0].label = "appui".into();
        org.relations.push(Relation {
            from: Id::new("deleg-numerique"),
            to: Id::new("dgos"),
            kind: RelationKind::Support,
            ..Default::default()
        });
        org.entities[0].acronym = "DGCS2".into();
        org.entities.pop();
        org.legal_texts[1].date = "13 août 2013".into();
        org.legal_texts.remove(0);
    });
    assert_eq!(c.organisation.len(), 1);
    assert_eq!(c.organisation[0].field, Field::Name);
    let statuses = |list: Vec<Status>| list;
    assert_eq!(
        statuses(c.bodies.iter().map(|b| b.status).collect()),
        [Status::Removed, Status::Changed, Status::Added]
    );
    let changed = &c.bodies[1];
    let fields: Vec<Field> = changed.fields.iter().map(|f| f.field).collect();
    assert_eq!(fields, [Field::Chair, Field::Cadence]);
    assert_eq!(changed.members_added[0].id.as_str(), "serv-finances");
    assert!(changed.members_removed.is_empty());
    assert_eq!(
        statuses(c.relations.iter().map(|r| r.status).collect()),
        [Status::Changed, Status::Removed, Status::Added]
    );
    assert_eq!(
        c.relations[1].to.label,
        "DGT — Direction Générale du Travail"
    );
    assert_eq!(
        statuses(c.entities.iter().map(|e| e.status).collect()),
        [Status::Changed, Status::Removed]
    );
    assert_eq!(
        statuses(c.legal_texts.iter().map(|e| e.status).collect()),
        [Status::Removed, Status::Changed]
    );
    assert!(c.units.is_empty() && c.budget_programmes.is_empty() && c.sources.is_empty());
}
