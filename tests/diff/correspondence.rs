//! The tableau de correspondance: each fate recognised on a redesign of the SGMAS sample
//! (fusion and scission from the missions moved, takeovers declared with `replaces`), and
//! the command's CSV as French Excel reads it.

use super::command::{TempDir, run};
use super::{sample, unit};
use organigramme::diff::{Correspondence, Fate, Options, Row, correspondence};
use organigramme::model::{Id, Mission, Organisation, Unit, UnitKind};

fn mission(text: &str) -> Mission {
    Mission {
        text: text.into(),
        source: None,
    }
}

fn new_unit(id: &str, name: &str, missions: &[&str]) -> Unit {
    Unit {
        id: Id::new(id),
        name: name.into(),
        kind: UnitKind::Service,
        parent: Some(Id::new("sg")),
        missions: missions.iter().map(|m| mission(m)).collect(),
        ..Default::default()
    }
}

/// Before: the sample, its legal service with two paragraphs. After: pilotage and finances
/// merged into a new service (their missions moved there), the legal service split in two,
/// the communication taken over by a new unit that says so, a délégation renamed, one
/// moved, a unit created from nothing.
fn redesign() -> (Organisation, Organisation) {
    let mut old = sample("sgmas.ron");
    unit(&mut old, "serv-juridique").missions = vec![
        mission("Conseil juridique aux directions et aux cabinets"),
        mission("Contentieux des ministères sociaux devant les juridictions"),
    ];
    let mut new = old.clone();
    let gone = [
        "serv-pilotage",
        "serv-finances",
        "serv-juridique",
        "deleg-communication",
    ];
    new.units.retain(|u| !gone.contains(&u.id.as_str()));
    new.bodies.clear();
    new.relations.clear();
    new.units.extend([
        new_unit(
            "saf",
            "Service des affaires financières et de la performance",
            &[
                "Contrôle de gestion, audit, performance",
                "Budget, finances, achats, logistique",
            ],
        ),
        new_unit(
            "conseil",
            "Service du conseil juridique",
            &["Conseil juridique aux directions et aux cabinets"],
        ),
        new_unit(
            "contentieux",
            "Service du contentieux",
            // Rewritten, still alike enough to be the same paragraph.
            &["Contentieux des ministères sociaux devant toutes les juridictions"],
        ),
        Unit {
            replaces: vec![Id::new("deleg-communication")],
            ..new_unit(
                "dicom",
                "Délégation à l'information et à la communication",
                &[],
            )
        },
        new_unit("mission-ia", "Mission intelligence artificielle", &[]),
    ]);
    unit(&mut new, "deleg-rh").name = "Délégation aux ressources humaines".into();
    unit(&mut new, "serv-animation-territoriale").parent = Some(Id::new("deleg-rh"));
    (old, new)
}

fn row<'a>(table: &'a Correspondence, old: &str) -> &'a Row {
    let found = table
        .rows
        .iter()
        .find(|r| r.old.as_ref().unwrap().id.as_str() == old);
    found.unwrap_or_else(|| panic!("no row for {old}"))
}

fn targets(row: &Row) -> Vec<&str> {
    row.new.iter().map(|l| l.to.id.as_str()).collect()
}

#[test]
fn every_fate_is_recognised() {
    let (old, new) = redesign();
    let table = correspondence(&old, &new, Options::default());
    for id in ["serv-pilotage", "serv-finances"] {
        let r = row(&table, id);
        assert_eq!((&r.fate, targets(r)), (&Fate::Merged, vec!["saf"]), "{id}");
        assert_eq!(r.new[0].missions, 1);
    }
    let split = row(&table, "serv-juridique");
    assert_eq!(split.fate, Fate::Split);
    assert_eq!(targets(split), ["conseil", "contentieux"]);
    let taken = row(&table, "deleg-communication");
    assert_eq!((&taken.fate, targets(taken)), (&Fate::Kept, vec!["dicom"]));
    assert!(taken.new[0].declared && taken.renamed);
    let renamed = row(&table, "deleg-rh");
    assert!(renamed.renamed && renamed.moved.is_none() && renamed.fate == Fate::Kept);
    let moved = row(&table, "serv-animation-territoriale");
    let to = moved.moved.as_ref().unwrap().to.as_ref().unwrap();
    assert_eq!((to.id.as_str(), moved.renamed), ("deleg-rh", false));
    let same = row(&table, "deleg-numerique");
    assert!(!same.renamed && same.moved.is_none() && same.fate == Fate::Kept);
    let created: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| r.fate == Fate::Created)
        .map(|r| r.new[0].to.id.as_str())
        .collect();
    assert_eq!(created, ["mission-ia"]);
    // Old units first, in the old tree's order.
    assert_eq!(table.rows.len(), old.units.len() + 1);
    assert_eq!(table.rows[0].old.as_ref().unwrap().id.as_str(), "sg");
}

#[test]
fn a_mission_moved_between_units_that_go_on_is_a_transfer() {
    let old = sample("sgmas.ron");
    let mut new = old.clone();
    let moved = unit(&mut new, "serv-pilotage").missions.remove(0);
    unit(&mut new, "serv-finances").missions.push(moved);
    let table = correspondence(&old, &new, Options::default());
    let from = row(&table, "serv-pilotage");
    assert_eq!(
        (&from.fate, targets(from)),
        (&Fate::Kept, vec!["serv-pilotage"])
    );
    assert_eq!(from.transfers.len(), 1);
    assert_eq!(from.transfers[0].to.id.as_str(), "serv-finances");
    assert_eq!(row(&table, "serv-finances").fate, Fate::Kept);
}

#[test]
fn the_command_writes_a_csv_for_french_excel_and_warns_of_unknown_takeovers() {
    let dir = TempDir::new("correspondence");
    let (old, mut new) = redesign();
    unit(&mut new, "mission-ia").replaces = vec![Id::new("cellule-ia")];
    let (old, new) = (dir.write("avant.ron", &old), dir.write("apres.ron", &new));
    let out = dir.0.join("tableau.csv");
    let (code, stdout, stderr) = run(&[
        old.as_ref(),
        new.as_ref(),
        "--correspondence".as_ref(),
        "-o".as_ref(),
        out.as_ref(),
    ]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    // At the very id in the file: `replaces: [` then the id, on the line after.
    let text = std::fs::read_to_string(&new).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("\"cellule-ia\""))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("apres.ron:{line}:"))
            && stderr.contains(
                "l'unité « mission-ia » remplace « cellule-ia », qui n'est pas une unité de"
            ),
        "{stderr}"
    );
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "a UTF-8 BOM");
    let rows = super::command::read_csv(&bytes);
    assert_eq!(
        rows[0],
        [
            "ancien id",
            "ancienne unité",
            "devenir",
            "nouvel id",
            "nouvelle unité",
            "précisions"
        ]
    );
    let fate = |id: &str| rows.iter().find(|r| r[0] == id).unwrap()[2].clone();
    let saf = "« Service des affaires financières et de la performance »";
    assert_eq!(fate("serv-pilotage"), format!("fusionnée dans {saf}"));
    assert_eq!(
        fate("serv-juridique"),
        "scindée en « Service du conseil juridique » et « Service du contentieux »"
    );
    assert_eq!(fate("deleg-rh"), "renommée");
    assert_eq!(fate("deleg-numerique"), "maintenue");
    assert!(fate("serv-animation-territoriale").starts_with("rattachée à « Délégation aux"));
    let dicom = rows.iter().find(|r| r[0] == "deleg-communication").unwrap();
    assert_eq!(
        dicom[2..],
        [
            "renommée",
            "dicom",
            "Délégation à l'information et à la communication",
            "reprise déclarée"
        ]
    );
    let created = rows.iter().find(|r| r[3] == "mission-ia").unwrap();
    assert_eq!((created[0].as_str(), created[2].as_str()), ("", "créée"));

    // As JSON, the table itself.
    let (_, json, _) = run(&[
        old.as_ref(),
        new.as_ref(),
        "--correspondence".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    let load = |p: &std::path::Path| organigramme::format::load_path(p).unwrap().organisation;
    let table = correspondence(&load(&old), &load(&new), Options::default());
    assert_eq!(
        serde_json::from_str::<Correspondence>(&json).unwrap(),
        table
    );
    assert_eq!(table.unknown.len(), 1);

    // The same table in English, on the standard output.
    let (_, english, _) = run(&[
        old.as_ref(),
        new.as_ref(),
        "--correspondence".as_ref(),
        "--lang".as_ref(),
        "en".as_ref(),
    ]);
    let lines: Vec<&str> = english.lines().collect();
    assert!(
        lines.contains(&"Service de l'expertise juridique et des affaires contentieuses: split into “Service du conseil juridique” and “Service du contentieux” (Service du conseil juridique: 1 mission taken over; Service du contentieux: 1 mission taken over)"),
        "{english}"
    );
    assert!(
        lines.contains(&"—: created → Mission intelligence artificielle"),
        "{english}"
    );
}
