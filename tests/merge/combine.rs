//! Concurrent edits of the SGMAS sample: those that combine, and each kind of conflict,
//! reported with both values while the merge keeps ours.

use super::{kept_ours, keys, sample, sgmas_merge, unit};
use organigramme::i18n::Lang;
use organigramme::merge::Problem;
use organigramme::model::{Id, LegalText, Mission, Unit, UnitKind};

fn mission(text: &str) -> Mission {
    Mission {
        text: text.into(),
        source: None,
    }
}

#[test]
fn changes_to_different_units_fields_missions_and_lists_combine() {
    let (merged, _) = sgmas_merge(
        |o| {
            unit(o, "deleg-rh").name = "Délégation aux ressources humaines".into();
            unit(o, "deleg-numerique")
                .missions
                .push(mission("Cybersécurité"));
            o.units.push(Unit {
                id: Id::new("mission-ia"),
                name: "Mission intelligence artificielle".into(),
                kind: UnitKind::Mission,
                parent: Some(Id::new("sg")),
                ..Default::default()
            });
            o.bodies[0].cadence = "mensuelle".into();
            o.entities[0].name = "Direction générale de la cohésion sociale".into();
        },
        |t| {
            unit(t, "deleg-rh").headcount = Some(120);
            unit(t, "deleg-numerique").missions[0].text =
                "Transformation numérique, systèmes d'information".into();
            unit(t, "serv-pilotage").name = "Service de la performance".into();
            t.bodies[0].members.push(Id::new("deleg-rh"));
            t.relations.remove(0);
            t.legal_texts.push(LegalText {
                reference: "Arrêté du 1er avril 2026".into(),
                ..Default::default()
            });
        },
    );
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let mut m = merged.organisation;
    let base = sample("sgmas.ron");
    let rh = unit(&mut m, "deleg-rh");
    assert_eq!(rh.name, "Délégation aux ressources humaines");
    assert_eq!(rh.headcount, Some(120));
    assert_eq!(unit(&mut m, "deleg-numerique").missions.len(), 2);
    assert_eq!(
        unit(&mut m, "serv-pilotage").name,
        "Service de la performance"
    );
    assert!(m.units.iter().any(|u| u.id.as_str() == "mission-ia"));
    assert_eq!(m.bodies[0].cadence, "mensuelle");
    assert!(m.bodies[0].members.contains(&Id::new("deleg-rh")));
    assert_eq!(m.relations.len(), base.relations.len() - 1);
    assert_eq!(m.legal_texts.len(), base.legal_texts.len() + 1);
    assert_eq!(
        m.entities[0].name,
        "Direction générale de la cohésion sociale"
    );
}

#[test]
fn the_same_field_changed_two_ways_keeps_ours_and_says_both() {
    let (merged, ours) = sgmas_merge(
        |o| unit(o, "deleg-rh").name = "DRH".into(),
        |t| unit(t, "deleg-rh").name = "Délégation RH".into(),
    );
    kept_ours(&merged, &ours);
    assert_eq!(keys(&merged.conflicts), [("deleg-rh", "name")]);
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.ours.as_str(), c.theirs.as_str()),
        ("\"DRH\"", "\"Délégation RH\"")
    );
    assert_eq!(
        c.text(Lang::Fr),
        "conflit — unité « deleg-rh », name : modifié des deux côtés ; le nôtre (gardé) : \"DRH\" ; le leur : \"Délégation RH\""
    );
    assert!(
        c.text(Lang::En)
            .starts_with("conflict — unit “deleg-rh”, name: changed on both sides")
    );
}

#[test]
fn a_unit_deleted_here_and_edited_there_is_a_conflict() {
    let (merged, ours) = sgmas_merge(
        |o| o.units.retain(|u| u.id.as_str() != "serv-juridique"),
        |t| unit(t, "serv-juridique").headcount = Some(30),
    );
    kept_ours(&merged, &ours);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].problem, Problem::DeletedByUs);
    assert_eq!(merged.conflicts[0].key, "serv-juridique");
    // The other way round, ours kept: the unit stays, with our edit.
    let (merged, ours) = sgmas_merge(
        |o| unit(o, "serv-juridique").headcount = Some(30),
        |t| t.units.retain(|u| u.id.as_str() != "serv-juridique"),
    );
    kept_ours(&merged, &ours);
    assert_eq!(merged.conflicts[0].problem, Problem::DeletedByThem);
}

#[test]
fn two_reparentings_that_make_a_cycle_keep_ours() {
    let (merged, ours) = sgmas_merge(
        |o| unit(o, "serv-finances").parent = Some(Id::new("serv-juridique")),
        |t| unit(t, "serv-juridique").parent = Some(Id::new("serv-finances")),
    );
    kept_ours(&merged, &ours);
    assert_eq!(keys(&merged.conflicts), [("serv-juridique", "parent")]);
    let c = &merged.conflicts[0];
    assert_eq!(c.problem, Problem::Cycle);
    assert_eq!(
        (c.ours.as_str(), c.theirs.as_str()),
        ("Some(\"sg\")", "Some(\"serv-finances\")")
    );
}

#[test]
fn a_unit_deleted_while_the_other_side_attaches_to_it_is_put_back() {
    let (merged, _) = sgmas_merge(
        |o| o.units.retain(|u| u.id.as_str() != "serv-pilotage"),
        |t| {
            t.units.push(Unit {
                id: Id::new("bureau-audit"),
                name: "Bureau de l'audit".into(),
                parent: Some(Id::new("serv-pilotage")),
                ..Default::default()
            })
        },
    );
    assert_eq!(keys(&merged.conflicts), [("serv-pilotage", "")]);
    assert_eq!(merged.conflicts[0].problem, Problem::StillNamed);
    let ids: Vec<&str> = merged
        .organisation
        .units
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert!(ids.contains(&"serv-pilotage") && ids.contains(&"bureau-audit"));
}

#[test]
fn a_merge_that_would_not_load_keeps_ours_whole() {
    // One id given to a unit on our side and to an outside entity on theirs.
    let (merged, ours) = sgmas_merge(
        |o| {
            o.units.push(Unit {
                id: Id::new("anct"),
                name: "Mission ANCT".into(),
                parent: Some(Id::new("sg")),
                ..Default::default()
            })
        },
        |t| {
            t.entities.push(organigramme::model::Entity {
                id: Id::new("anct"),
                name: "Agence nationale de la cohésion des territoires".into(),
                ..Default::default()
            })
        },
    );
    kept_ours(&merged, &ours);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].problem, Problem::Invalid);
    let (fr, en) = (
        merged.conflicts[0].text(Lang::Fr),
        merged.conflicts[0].text(Lang::En),
    );
    assert!(
        fr.starts_with("conflit — organisation : la fusion ne se chargerait pas (")
            && fr.contains("anct"),
        "{fr}"
    );
    assert!(en.contains("our version is kept whole"), "{en}");
}

#[test]
fn an_entity_deleted_while_the_other_side_relates_to_it_is_put_back() {
    let (merged, _) = sgmas_merge(
        |o| {
            o.relations
                .retain(|r| r.to.as_str() != "dgt" && r.from.as_str() != "dgt");
            o.bodies
                .iter_mut()
                .for_each(|b| b.members.retain(|m| m.as_str() != "dgt"));
            o.entities.retain(|e| e.id.as_str() != "dgt");
        },
        |t| {
            t.relations.push(organigramme::model::Relation {
                from: Id::new("deleg-rh"),
                to: Id::new("dgt"),
                label: "dialogue social".into(),
                ..Default::default()
            })
        },
    );
    assert_eq!(keys(&merged.conflicts), [("dgt", "")]);
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.element, c.problem),
        (organigramme::merge::Element::Entity, Problem::StillNamed)
    );
    assert!(
        c.text(Lang::Fr)
            .starts_with("conflit — entité « dgt » : supprimée d'un côté, mais deleg-rh → dgt"),
        "{}",
        c.text(Lang::Fr)
    );
    assert!(
        merged
            .organisation
            .entities
            .iter()
            .any(|e| e.id.as_str() == "dgt")
    );
}
