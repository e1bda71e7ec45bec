//! Fichier → Comparer avec… driven headless by its labels: the built-in chooser, the chart of
//! the comparison with a ghost for the removed unit, the list beside it (a click frames a
//! unit and selects it), an edit that compares again, and Escape.

use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::OrgApp;
use organigramme::model::{Id, Unit, UnitKind};
use organigramme::ui::Selection;
use std::path::PathBuf;

mod harness;
use harness::{app_in, choose_from_menu, save_as_proposed, wait_for};

/// A folder holding `ancien.ron`: the SGMAS sample as it was before three changes, a unit
/// since removed, one since renamed and one since moved.
fn old_version(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-cmp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sample = organigramme::samples::default_sample();
    let mut org = organigramme::format::load_bytes("sgmas.ron", sample.text.as_bytes())
        .unwrap()
        .organisation;
    org.units.push(Unit {
        id: Id::new("bureau-archives"),
        name: "Bureau des archives".into(),
        kind: UnitKind::Bureau,
        parent: Some(Id::new("deleg-rh")),
        ..Default::default()
    });
    let index = |org: &organigramme::model::Organisation, id: &str| {
        org.units.iter().position(|u| u.id.as_str() == id).unwrap()
    };
    let rh = index(&org, "deleg-rh");
    org.units[rh].name = "Délégation aux ressources humaines".into();
    let finances = index(&org, "serv-finances");
    org.units[finances].parent = Some(Id::new("deleg-numerique"));
    std::fs::write(
        dir.join("ancien.ron"),
        organigramme::format::to_string(&org),
    )
    .unwrap();
    dir.canonicalize().unwrap()
}

/// Fichier → Comparer avec…, then ancien.ron in the built-in chooser.
fn compare(h: &mut Harness<'static, OrgApp>) {
    choose_from_menu(h, "Comparer avec…", "ancien.ron");
    h.run_steps(4);
}

fn units_drawn(h: &Harness<'static, OrgApp>) -> usize {
    h.state().scene().unit_item.len()
}

#[test]
fn the_document_is_drawn_against_another_version_and_escape_leaves() {
    let dir = old_version("show");
    let mut h = app_in(&dir);
    let units = h.state().doc.org().units.len();
    compare(&mut h);
    assert!(h.query_by_label("Comparaison").is_some(), "the list");
    assert!(h.query_by_label("3 changements").is_some());
    // The removed unit is back as a ghost, dashed, where it stood.
    assert_eq!(units_drawn(&h), units + 1);
    let scene = h.state().scene().clone();
    assert!(
        scene.items.iter().any(|i| i.dashed
            && i.lines
                .iter()
                .any(|l| l.text.contains("Bureau des archives"))),
        "a dashed ghost of the removed unit"
    );
    assert!(
        (scene.items.iter()).any(|i| i.lines.iter().any(|l| &*l.text == "Unité supprimée")),
        "a legend of the changes"
    );
    // A click on a changed unit in the list selects it, for the inspector.
    h.get_by_label_contains("Délégation générale aux ressources humaines —")
        .click();
    h.run_steps(3);
    assert_eq!(
        h.state().selection,
        Some(Selection::Unit(Id::new("deleg-rh")))
    );
    // Escape leaves: the document's own chart and the outline again.
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert_eq!(units_drawn(&h), units);
    assert!(h.query_by_label("3 changements").is_none());
    assert!(
        h.query_by_label("Comparaison").is_none(),
        "the outline again"
    );
}

#[test]
fn an_edit_during_the_comparison_compares_again() {
    let dir = old_version("edit");
    let mut h = app_in(&dir);
    compare(&mut h);
    assert!(h.query_by_label("3 changements").is_some());
    h.get_by_label_contains("Délégation générale aux ressources humaines —")
        .click();
    h.run_steps(3);
    // A new unit under the selected one: one more change, listed and drawn at once.
    h.key_press(Key::Insert);
    h.run_steps(4);
    assert!(
        h.query_by_label("4 changements").is_some(),
        "the list follows the edit"
    );
    // The menu leaves the comparison too.
    h.get_by_label("Fichier").click();
    h.run_steps(2);
    h.get_by_label("Quitter la comparaison ").click();
    h.run_steps(3);
    assert!(h.query_by_label("4 changements").is_none());
}

#[test]
fn a_file_that_cannot_be_read_is_said_and_nothing_is_compared() {
    let dir = old_version("bad");
    std::fs::write(dir.join("ancien.ron"), "(version: 1, organisation: (name: ").unwrap();
    let mut h = app_in(&dir);
    let units = h.state().doc.org().units.len();
    compare(&mut h);
    assert!(
        h.query_by_label_contains("Comparaison impossible")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("ancien.ron").is_some(),
        "the file named"
    );
    assert_eq!(units_drawn(&h), units);
}

/// A file named on the command line by a relative path (`organigramme projet.ron`): the
/// chooser starts in its folder, not in the folder "" it could not open.
#[test]
fn the_chooser_starts_beside_a_document_named_by_a_relative_path() {
    let mut h = app_in(&old_version("relative"));
    h.state_mut().doc.path = Some(PathBuf::from("Cargo.toml"));
    h.get_by_label("Fichier").click();
    h.run_steps(2);
    h.get_by_label("Comparer avec… ").click();
    h.run_steps(3);
    // The tests run in the crate's folder.
    wait_for(&mut h, "the crate's folder", |h| {
        h.query_by_label_contains("sample_orgs").is_some()
    });
}

/// The comparison's tableau de correspondance, written where the user chooses, as French
/// spreadsheets read CSV.
#[test]
fn the_correspondence_table_is_saved_from_the_comparison() {
    let dir = old_version("table");
    let mut h = app_in(&dir);
    compare(&mut h);
    h.get_by_label("Tableau de correspondance…").click();
    h.run_steps(3);
    save_as_proposed(&mut h);
    let path = dir.join("tableau-de-correspondance.csv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.starts_with('\u{feff}') && text.contains(';'), "{text}");
    let archives = text
        .lines()
        .find(|l| l.contains("Bureau des archives"))
        .unwrap_or_default();
    assert!(archives.contains("supprimée"), "{text}");
    assert!(
        h.state()
            .status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Tableau de correspondance enregistré")
    );
}
