//! Fichier → Importer un tableau… driven headless by its labels, as a user would: the
//! built-in chooser, the preview with a column's meaning changed, the problems and the box
//! that accepts them, the unsaved-changes guard, Escape and Annuler.

use eframe::egui;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::OrgApp;
use organigramme::model::Id;
use organigramme::ui::Dialog;
use std::path::PathBuf;

mod harness;
use harness::{app_in, choose_from_menu};

/// A folder holding `structure.csv`: a unit whose parent code is missing, and a column the
/// headers do not name.
fn table_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-impw-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let csv = "Code;Code parent;Libellé;Couleur\nD;;Direction;bleu\nB;Z;Bureau;vert\n";
    std::fs::write(dir.join("structure.csv"), csv).unwrap();
    dir.canonicalize().unwrap()
}

/// Fichier → Importer un tableau…, then structure.csv in the built-in chooser.
fn preview(h: &mut Harness<'static, OrgApp>) {
    preview_file(h, "structure.csv");
}

fn preview_file(h: &mut Harness<'static, OrgApp>, file: &str) {
    choose_from_menu(h, "Importer un tableau…", file);
    // The dialog takes a few frames to find its width and to centre.
    h.run_steps(8);
    assert!(matches!(h.state().dialog, Some(Dialog::Import(_))));
}

fn import_button(h: &Harness<'static, OrgApp>) -> bool {
    !h.get_by_label("Importer").accesskit_node().is_disabled()
}

#[test]
fn a_table_is_previewed_its_columns_changed_and_imported_as_a_new_document() {
    let dir = table_dir("import");
    let mut h = app_in(&dir);
    preview(&mut h);
    assert!(
        h.query_by_label_contains("C · Libellé").is_some(),
        "headers with letters"
    );
    let problem = "ligne 3, colonne B « Code parent » : code parent « Z » introuvable";
    assert!(h.query_by_label_contains(problem).is_some());
    assert!(!import_button(&h), "a problem holds the import back");
    h.get_by_label_contains("Importer quand même les 2 unités")
        .click();
    h.run_steps(2);
    assert!(import_button(&h), "until the box accepts it");
    // « Couleur » is ignored; it becomes the notes (the last meaning of the list).
    h.query_all_by_value("(ignorée)")
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the list of the ignored column")
        .click();
    h.run_steps(2);
    h.get_by_label("Notes").click();
    h.run_steps(2);
    h.get_by_label("Importer").click();
    h.run_steps(3);
    assert!(h.state().dialog.is_none());
    let doc = &h.state().doc;
    assert!(doc.path.is_none(), "a new untitled document");
    assert_eq!(doc.org().units.len(), 2);
    assert_eq!(doc.org().unit(&Id::new("D")).unwrap().notes, "bleu");
    assert_eq!(
        h.state().status.as_ref().unwrap().text,
        "Importé : 2 unités"
    );
}

#[test]
fn importing_over_unsaved_changes_asks_first() {
    let dir = table_dir("guard");
    let mut h = app_in(&dir);
    h.key_press(Key::Insert);
    h.run_steps(3);
    assert!(h.state().doc.is_dirty());
    preview(&mut h);
    h.get_by_label_contains("Importer quand même").click();
    h.run_steps(2);
    h.get_by_label("Importer").click();
    h.run_steps(3);
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    h.get_by_label("Ne pas enregistrer").click();
    h.run_steps(3);
    assert_eq!(h.state().doc.org().units.len(), 2);
}

#[test]
fn escape_and_annuler_close_the_preview() {
    let dir = table_dir("escape");
    let mut h = app_in(&dir);
    let units = h.state().doc.org().units.len();
    preview(&mut h);
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().dialog.is_none(), "Escape closes the preview");
    preview(&mut h);
    h.get_by_label("Annuler").click();
    h.run_steps(2);
    assert!(h.state().dialog.is_none(), "Annuler closes the preview");
    assert_eq!(h.state().doc.org().units.len(), units, "nothing imported");
}

/// A folder whose structure.csv is a newer extract of the SGMAS sample's units.
fn extract_dir(name: &str) -> PathBuf {
    let dir = table_dir(name);
    let csv = "Code;Code parent;Libellé;Effectif\n\
               deleg-rh;sg;Délégation aux ressources humaines;120\n\
               bureau-carrieres;deleg-rh;Bureau des carrières;14\n";
    std::fs::write(dir.join("structure.csv"), csv).unwrap();
    dir
}

#[test]
fn an_extract_updates_the_document_after_showing_the_changes() {
    let mut h = app_in(&extract_dir("update"));
    let before = h.state().doc.org().clone();
    preview(&mut h);
    h.get_by_label("Mettre à jour le document…").click();
    h.run_steps(4);
    // Shown, not applied yet.
    assert!(h.query_by_label("Mise à jour").is_some());
    assert!(h.query_by_label("2 changements").is_some());
    assert_eq!(h.state().doc.org(), &before);
    assert_eq!(h.state().scene().unit_item.len(), before.units.len() + 1);
    h.get_by_label("Appliquer la mise à jour").click();
    h.run_steps(4);
    let doc = &h.state().doc;
    assert!(doc.is_dirty());
    assert_eq!(doc.org().units.len(), before.units.len() + 1);
    let rh = doc.org().unit(&Id::new("deleg-rh")).unwrap();
    assert_eq!(rh.name, "Délégation aux ressources humaines");
    assert_eq!(
        rh.missions,
        before.unit(&Id::new("deleg-rh")).unwrap().missions
    );
    assert!(
        h.query_by_label("Mise à jour").is_none(),
        "the comparison is over"
    );
    // One step of the history.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().doc.org(), &before);
}

#[test]
fn escape_cancels_an_update_shown() {
    let mut h = app_in(&extract_dir("cancel"));
    let before = h.state().doc.org().clone();
    preview(&mut h);
    h.get_by_label("Mettre à jour le document…").click();
    h.run_steps(4);
    assert!(h.query_by_label("Mise à jour").is_some());
    h.key_press(Key::Escape);
    h.run_steps(3);
    assert!(h.query_by_label("Mise à jour").is_none());
    assert_eq!(h.state().doc.org(), &before);
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn another_sheet_of_a_workbook_is_chosen_in_the_preview() {
    let dir = table_dir("sheets");
    std::fs::copy("tests/tables/units.xlsx", dir.join("units.xlsx")).unwrap();
    let mut h = app_in(&dir);
    preview_file(&mut h, "units.xlsx");
    assert!(
        h.query_by_label_contains("Bureau de la formation")
            .is_some()
    );
    h.query_all_by_value("Unités")
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the list of sheets")
        .click();
    h.run_steps(2);
    h.get_by_label("Effectifs 2025").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("Autre feuille").is_some(),
        "the other sheet read"
    );
    assert!(
        h.query_by_label_contains("Bureau de la formation")
            .is_none()
    );
    h.get_by_label("Importer").click();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.org().units.len(), 1);
    assert_eq!(doc.org().units[0].name, "Autre feuille");
}

#[test]
fn an_update_is_not_applied_over_edits_made_since_its_preview() {
    let mut h = app_in(&extract_dir("stale"));
    preview(&mut h);
    h.get_by_label("Mettre à jour le document…").click();
    h.run_steps(4);
    let select = organigramme::ui::Selection::Unit(Id::new("sg"));
    h.state_mut().select(Some(select));
    h.key_press(Key::Insert);
    h.run_steps(3);
    let edited = h.state().doc.org().clone();
    h.get_by_label("Appliquer la mise à jour").click();
    h.run_steps(3);
    assert_eq!(
        h.state().doc.org(),
        &edited,
        "the edit kept, the stale update not applied"
    );
    let status = h.state().status.as_ref().unwrap();
    assert!(
        status.error && status.text.contains("a changé depuis l'aperçu"),
        "{}",
        status.text
    );
}

#[test]
fn the_update_lists_annuler_button_cancels_it() {
    let mut h = app_in(&extract_dir("annuler"));
    let before = h.state().doc.org().clone();
    preview(&mut h);
    h.get_by_label("Mettre à jour le document…").click();
    h.run_steps(4);
    h.get_by_label("Annuler (Échap)").click();
    h.run_steps(3);
    assert!(h.query_by_label("Mise à jour").is_none());
    assert_eq!(h.state().doc.org(), &before);
}
