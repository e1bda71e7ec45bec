//! The comparison chart: the new structure with each removed unit back where it stood, and
//! every unit's box coloured and worded by what became of it.

use super::{sample, unit};
use organigramme::diff::Options;
use organigramme::diff::chart::{Mark, comparison};
use organigramme::model::{Id, Organisation, Unit, UnitKind};
use organigramme::scene::{self, ChartOptions, Owner, Scene, Theme};

/// SGMAS with a pole removed, a délégation moved under a new cabinet, a service renamed.
fn redesign() -> (Organisation, Organisation) {
    let old = sample("sgmas.ron");
    let mut new = old.clone();
    new.units.retain(|u| u.id.as_str() != "serv-pilotage");
    new.units.push(Unit {
        id: Id::new("cabinet"),
        name: "Cabinet du secrétaire général".into(),
        kind: UnitKind::Cabinet,
        parent: Some(Id::new("sg")),
        staff: true,
        ..Default::default()
    });
    unit(&mut new, "deleg-communication").parent = Some(Id::new("cabinet"));
    unit(&mut new, "serv-finances").name = "Service des affaires financières".into();
    (old, new)
}

fn marks_by_id(c: &organigramme::diff::chart::Comparison) -> Vec<(&str, Option<&Mark>)> {
    let units = c.org.units.iter().zip(&c.marks);
    units.map(|(u, m)| (u.id.as_str(), m.as_ref())).collect()
}

#[test]
fn the_removed_unit_stands_where_it_stood_and_each_unit_has_its_mark() {
    // In the new tree's order: the moved délégation under the cabinet, added last.
    let (old, new) = redesign();
    let c = comparison(&old, &new, Options::default());
    let moved = Mark::Moved("SGMAS".into());
    assert_eq!(
        marks_by_id(&c),
        [
            ("sg", None),
            ("deleg-rh", None),
            ("deleg-numerique", None),
            ("serv-pilotage", Some(&Mark::Removed)),
            ("serv-finances", Some(&Mark::Changed)),
            ("serv-juridique", None),
            ("serv-animation-territoriale", None),
            ("cabinet", Some(&Mark::Added)),
            ("deleg-communication", Some(&moved)),
        ]
    );
    // The ghost hangs from its old parent; bodies, relations and entities are the new ones.
    let ghost = &c.org.units[3];
    assert_eq!(ghost.parent, Some(Id::new("sg")));
    assert_eq!(
        (c.org.bodies.len(), c.org.relations.len()),
        (new.bodies.len(), new.relations.len())
    );
    assert!(
        organigramme::model::validate(&c.org)
            .0
            .iter()
            .all(|i| i.severity != organigramme::model::Severity::Error)
    );
}

#[test]
fn a_ghost_whose_id_was_given_to_something_else_gets_another() {
    let (old, mut new) = redesign();
    // The removed pole's id now names an outside entity; its old parent is removed too.
    let entity = organigramme::model::Entity {
        id: Id::new("serv-pilotage"),
        name: "Cour des comptes".into(),
        ..Default::default()
    };
    new.entities.push(entity);
    let mut old = old;
    old.units.push(Unit {
        id: Id::new("bureau-audit"),
        name: "Bureau de l'audit".into(),
        parent: Some(Id::new("serv-pilotage")),
        ..Default::default()
    });
    let c = comparison(&old, &new, Options::default());
    let ghosts: Vec<&Unit> = c
        .org
        .units
        .iter()
        .zip(&c.marks)
        .filter(|(_, m)| *m == &Some(Mark::Removed))
        .map(|(u, _)| u)
        .collect();
    assert_eq!(ghosts[0].id.as_str(), "serv-pilotage-ancien-1");
    assert_eq!(
        ghosts[1].parent.as_ref().map(Id::as_str),
        Some("serv-pilotage-ancien-1")
    );
    let (errors, _) = organigramme::model::validate(&c.org);
    assert!(
        errors
            .iter()
            .all(|i| i.severity != organigramme::model::Severity::Error),
        "{errors:?}"
    );
}

fn scene_of(c: &organigramme::diff::chart::Comparison) -> Scene {
    let options = ChartOptions {
        changes: Some(c.marks.clone().into()),
        ..Default::default()
    };
    scene::build(&c.org, &options)
}

fn text_of(scene: &Scene, u: usize) -> Vec<String> {
    let item = &scene.items[scene.unit_item[u].unwrap()];
    item.lines.iter().map(|l| l.text.to_string()).collect()
}

#[test]
fn boxes_are_coloured_by_change_the_moved_one_names_its_old_parent_the_ghost_is_dashed() {
    let (old, new) = redesign();
    let c = comparison(&old, &new, Options::default());
    let s = scene_of(&c);
    let at = |id: &str| {
        c.org
            .units
            .iter()
            .position(|u| u.id.as_str() == id)
            .unwrap()
    };
    let item = |id: &str| &s.items[s.unit_item[at(id)].unwrap()];
    assert!(
        text_of(&s, at("deleg-communication")).contains(&"ancien rattachement : SGMAS".to_string())
    );
    assert!(
        !text_of(&s, at("deleg-rh"))
            .iter()
            .any(|l| l.starts_with("ancien"))
    );
    let ghost = item("serv-pilotage");
    assert!(ghost.dashed && !item("deleg-rh").dashed);
    let muted = Theme::Light.palette().muted;
    assert!(ghost.lines.iter().all(|l| l.colour == muted));
    for (id, mark) in [
        ("cabinet", Some(Mark::Added)),
        ("serv-finances", Some(Mark::Changed)),
        ("deleg-rh", None),
    ] {
        let (fill, stroke) = Theme::Light.change_colours(mark.as_ref());
        assert_eq!((item(id).fill, item(id).stroke), (fill, stroke), "{id}");
    }
    // The legend names the changes shown, not the kinds of unit.
    let legend: Vec<String> = s
        .items
        .iter()
        .filter(|i| i.owner == Owner::Decoration)
        .flat_map(|i| i.lines.iter().map(|l| l.text.to_string()))
        .collect();
    for label in [
        "Unité créée",
        "Unité modifiée",
        "Unité supprimée",
        "Unité inchangée",
    ] {
        assert!(legend.iter().any(|l| l == label), "{label}: {legend:?}");
    }
    assert!(legend.iter().any(|l| l.starts_with("Unité déplacée")));
    assert!(!legend.iter().any(|l| l == "Délégation générale"));
}

#[test]
fn a_box_kept_by_the_window_s_cache_is_measured_again_when_its_mark_changes() {
    let (old, new) = redesign();
    let c = comparison(&old, &new, Options::default());
    let tree = organigramme::model::Hierarchy::of(&c.org);
    let mut cache = scene::Cache::default();
    let plain = scene::build_with(&c.org, &tree, &ChartOptions::default(), &mut cache);
    let options = ChartOptions {
        changes: Some(c.marks.clone().into()),
        ..Default::default()
    };
    let marked = scene::build_with(&c.org, &tree, &options, &mut cache);
    assert_ne!(plain, marked);
    assert_eq!(marked, scene_of(&c));
}
