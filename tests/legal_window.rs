//! The legal text from the window, driven by its labels: Fichier → Exporter le projet de
//! texte… writes the draft in the form chosen; Fichier → Importer un texte… reads a pasted
//! article, shows what it understood, and adds it under the selected unit in one step.

use eframe::egui::{self, Key, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::OrgApp;
use organigramme::model::Id;
use organigramme::ui::Selection;
use std::io::Read;
use std::path::PathBuf;

mod harness;
use harness::{app_in, save_as_proposed};

fn temp_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("organigramme-legal-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn menu(h: &mut Harness<'static, OrgApp>, entry: &str) {
    h.get_by_label("Fichier").click();
    h.run_steps(2);
    h.get_by_label(&format!("{entry} ")).click();
    h.run_steps(3);
}

#[test]
fn the_draft_is_written_as_an_arrete_where_the_user_chooses() {
    let dir = temp_dir("draft");
    let mut h = app_in(&dir);
    menu(&mut h, "Exporter le projet de texte…");
    h.get_by_label("Arrêté").click();
    h.run_steps(2);
    h.get_by_label("Enregistrer sous…").click();
    h.run_steps(3);
    save_as_proposed(&mut h);
    let path = dir.join("projet-de-texte-sgmas.docx");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("Arrête"), "an arrêté");
    assert!(xml.contains("ressources humaines"), "the units named");
    let status = h.state().status.as_ref().unwrap();
    assert!(
        status.text.starts_with("Projet de texte enregistré"),
        "{}",
        status.text
    );
}

/// The field to paste the article in, by its hint (the inspector behind the dialog has
/// fields of its own).
fn article<'h>(h: &'h Harness<'static, OrgApp>) -> egui_kittest::Node<'h> {
    h.query_all_by_role(Role::MultilineTextInput)
        .find(|n| n.accesskit_node().placeholder() == Some("Texte de l'article…"))
        .expect("the field for the article")
}

const ARTICLE: &str = "Le pôle des affaires générales comprend : \
    – le bureau du courrier ; – le bureau des archives.\n\n\
    Le bureau du courrier est chargé de l'enregistrement du courrier arrivé.";

#[test]
fn a_pasted_article_is_shown_then_added_under_the_selected_unit() {
    let mut h = app_in(&temp_dir("read"));
    let units = h.state().doc.org().units.len();
    let rh = Id::new("deleg-rh");
    h.state_mut().select(Some(Selection::Unit(rh.clone())));
    h.run_steps(2);
    menu(&mut h, "Importer un texte…");
    article(&h).click();
    h.run_steps(1);
    article(&h).type_text(ARTICLE);
    h.run_steps(3);
    assert!(h.query_by_label("Compris : 3 unités, 1 mission").is_some());
    assert!(
        h.query_by_label_contains("Bureau · Bureau du courrier")
            .is_some()
    );
    h.get_by_label_contains("Ajouter sous").click();
    h.run_steps(3);
    let org = h.state().doc.org();
    assert_eq!(org.units.len(), units + 3);
    let pole = org
        .units
        .iter()
        .find(|u| u.name.starts_with("Pôle"))
        .unwrap();
    assert_eq!(pole.parent.as_ref(), Some(&rh));
    // One step of the history.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().doc.org().units.len(), units);
}

/// Each legal text lists the missions that cite it, a click away from their unit; a mission's
/// source shows the text's title as the file gives it.
#[test]
fn a_text_lists_the_units_whose_missions_cite_it() {
    let mut h = app_in(&temp_dir("cited"));
    h.get_by_label_contains("Textes et programmes budgétaires")
        .click();
    h.run_steps(2);
    h.get_by_label(
        "Décret relatif au secrétariat général des ministères chargés des affaires sociales",
    )
    .click();
    h.run_steps(2);
    assert!(h.query_by_label_contains("Cité par 8 missions").is_some());
    let link = "Secrétariat général des ministères chargés des affaires sociales (";
    h.get_by_label_contains(link).scroll_to_me();
    h.run_steps(3);
    h.get_by_label_contains(link).click();
    h.run_steps(3);
    assert_eq!(h.state().selection, Some(Selection::Unit(Id::new("sg"))));
    assert!(
        (h.query_all_by_label_contains("— Attributions du secrétaire général")).count() > 0,
        "the inspector names the text a mission cites"
    );
}

/// Each legal-text dialog closes with « Annuler » and with Escape, changing nothing; a text
/// read opens as a new document.
#[test]
fn the_legal_text_dialogs_close_and_open_as_asked() {
    let mut h = app_in(&temp_dir("close"));
    let before = h.state().doc.org().clone();
    for entry in ["Exporter le projet de texte…", "Importer un texte…"] {
        menu(&mut h, entry);
        assert!(h.state().dialog.is_some(), "{entry}");
        // A wide dialog takes a few frames to find its size and centre.
        h.run_steps(5);
        h.get_by_label("Annuler").click();
        h.run_steps(2);
        assert!(h.state().dialog.is_none(), "{entry}: Annuler");
        menu(&mut h, entry);
        h.key_press(Key::Escape);
        h.run_steps(2);
        assert!(h.state().dialog.is_none(), "{entry}: Escape");
    }
    assert_eq!(h.state().doc.org(), &before);
    assert!(!h.state().chooser.is_open());
    menu(&mut h, "Importer un texte…");
    article(&h).click();
    h.run_steps(1);
    article(&h).type_text(ARTICLE);
    h.run_steps(3);
    h.get_by_label("Ouvrir comme nouveau document").click();
    h.run_steps(3);
    let doc = &h.state().doc;
    assert!(doc.path.is_none(), "a new untitled document");
    assert_eq!(doc.org().units.len(), 3);
}
