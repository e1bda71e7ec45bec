//! The window, driven headless with egui_kittest: clicks, typing and drags as a user would
//! make them, checked through what the window shows and what is saved.

use eframe::egui;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::{OrgApp, Settings};
use organigramme::doc::Document;
use organigramme::ui::{Action, Dialog};
use std::path::PathBuf;

mod harness;
use harness::window_on as harness;

fn sample_app() -> Harness<'static, OrgApp> {
    harness(OrgApp::with_default_sample(Settings::default()))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The text field showing `value` (egui also exposes the value on the field's inner text).
fn field<'h>(h: &'h Harness<'static, OrgApp>, value: &'h str) -> egui_kittest::Node<'h> {
    use egui::accesskit::Role;
    h.query_all_by_value(value)
        .find(|n| {
            matches!(
                n.accesskit_node().role(),
                Role::TextInput | Role::MultilineTextInput
            )
        })
        .unwrap_or_else(|| panic!("no text field shows « {value} »"))
}

fn unit_index(app: &OrgApp, id: &str) -> usize {
    app.doc
        .org()
        .units
        .iter()
        .position(|u| u.id.as_str() == id)
        .unwrap()
}

#[test]
fn starts_on_the_sgmas_sample_and_lists_its_units() {
    let h = sample_app();
    assert_eq!(h.state().doc.org().acronym, "SGMAS");
    for unit in &h.state().doc.org().units {
        assert!(
            h.query_by_label(&unit.name).is_some(),
            "the outline does not list « {} »",
            unit.name
        );
    }
    assert!(h.state().title().contains("SGMAS") || h.state().title().contains("Secrétariat"));
}

#[test]
fn search_filters_and_choosing_a_result_shows_its_missions() {
    let mut h = sample_app();
    let search = h
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .next()
        .unwrap();
    search.focus();
    search.type_text("expertise juridique");
    h.run_steps(3);
    let found = organigramme::ui::outline::search(h.state().doc.org(), "expertise juridique").len();
    assert!(found >= 1 && found < h.state().doc.org().units.len());
    assert!(
        h.query_by_label_contains(&format!("{found} résultat"))
            .is_some(),
        "the outline says how many units match"
    );
    assert!(
        h.query_by_label("Délégation générale aux ressources humaines")
            .is_none(),
        "non-matching units are filtered out"
    );
    h.get_by_label("Service de l'expertise juridique et des affaires contentieuses")
        .click();
    h.run_steps(3);
    let selected = h
        .state()
        .selected_unit()
        .expect("choosing a result selects it");
    assert_eq!(
        h.state().doc.org().units[selected].id.as_str(),
        "serv-juridique"
    );
    let mission = &h.state().doc.org().units[selected].missions[0].text;
    field(&h, mission);
}

#[test]
fn a_broken_file_shows_its_error_and_keeps_the_document() {
    let dir = temp_dir("broken");
    let bad = dir.join("casse.ron");
    std::fs::write(
        &bad,
        "(\n    version: 1,\n    organisation: (\n        name: \"x\",,\n",
    )
    .unwrap();
    let mut h = sample_app();
    let before = h.state().doc.org().clone();
    let ctx = h.ctx.clone();
    h.state_mut()
        .run_unguarded(Action::OpenPath(bad.clone()), &ctx);
    assert!(
        h.state().opening(),
        "the file is read on a thread of its own"
    );
    h.state_mut().wait_for_open();
    h.run_steps(3);
    match &h.state().dialog {
        Some(Dialog::Error { text, .. }) => assert!(text.contains("casse.ron:4:"), "{text}"),
        _ => panic!("no error dialog"),
    }
    assert!(
        h.query_by_label_contains("casse.ron:4:").is_some(),
        "the error is shown in the window"
    );
    assert_eq!(
        *h.state().doc.org(),
        before,
        "the open document is untouched"
    );
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().dialog.is_none());
}

#[test]
fn editing_a_mission_is_one_undo_step_and_redo_reapplies_it() {
    let mut h = sample_app();
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(3);
    let unit = unit_index(h.state(), "deleg-communication");
    let original = h.state().doc.org().units[unit].missions[0].text.clone();
    let input = field(&h, &original);
    input.focus();
    input.type_text(" et interne");
    h.run_steps(2);
    h.key_press(Key::Escape);
    h.run_steps(2);
    let edited = h.state().doc.org().units[unit].missions[0].text.clone();
    assert_ne!(edited, original);
    assert!(edited.contains("et interne"));
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units[unit].missions[0].text,
        original,
        "one undo restores the text typed in one go"
    );
    assert!(!h.state().doc.is_dirty(), "back at the saved point");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(h.state().doc.org().units[unit].missions[0].text, edited);
}

#[test]
fn add_a_child_rename_it_save_and_reload() {
    let dir = temp_dir("add");
    let path = dir.join("sgmas.ron");
    let mut h = sample_app();
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(2);
    h.key_press(Key::Insert);
    h.run_steps(3);
    let new = h.state().selected_unit().unwrap();
    assert_eq!(
        h.state().doc.org().units[new]
            .parent
            .as_ref()
            .unwrap()
            .as_str(),
        "deleg-communication"
    );
    // The name field has the focus: typing replaces nothing else.
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    h.run_steps(1);
    field(&h, "Nouvelle unité").type_text("Bureau de la presse");
    h.run_steps(2);
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &path, &ctx);
    let (reloaded, _) = Document::open(&path).unwrap();
    let unit = reloaded
        .org()
        .units
        .iter()
        .find(|u| u.name.contains("Bureau de la presse"))
        .expect("the new unit is in the file");
    assert_eq!(
        unit.parent.as_ref().unwrap().as_str(),
        "deleg-communication"
    );
}

/// A point near `p` over no box, so a drop there moves rather than reparents.
fn empty_spot_near(app: &OrgApp, p: egui::Pos2) -> egui::Pos2 {
    let boxes: Vec<egui::Rect> = app
        .scene()
        .items
        .iter()
        .map(|i| {
            let min = app.canvas.scene_to_screen(egui::pos2(i.rect.x, i.rect.y));
            let max = app
                .canvas
                .scene_to_screen(egui::pos2(i.rect.right(), i.rect.bottom()));
            egui::Rect::from_min_max(min, max).expand(4.0)
        })
        .collect();
    (1..40)
        .flat_map(|k| {
            let d = k as f32 * 6.0;
            [
                egui::vec2(-d, 0.0),
                egui::vec2(d, 0.0),
                egui::vec2(0.0, -d),
                egui::vec2(0.0, d),
            ]
        })
        .map(|d| p + d)
        .find(|q| boxes.iter().all(|b| !b.contains(*q)))
        .expect("some empty space near the box")
}

/// Drags a unit's box by its top-left area to `to` on the screen.
fn drag(h: &mut Harness<'static, OrgApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for k in 1..=8 {
        h.hover_at(from + (to - from) * (k as f32 / 8.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(3);
}

#[test]
fn dragging_a_unit_keeps_its_position_in_the_saved_file() {
    let dir = temp_dir("drag");
    let path = dir.join("moved.ron");
    let mut h = sample_app();
    let unit = unit_index(h.state(), "serv-pilotage");
    let rect = h.state().unit_screen_rect(unit).unwrap();
    let from = rect.left_top() + egui::vec2(6.0, 4.0);
    let to = empty_spot_near(h.state(), from);
    drag(&mut h, from, to);
    let pos = h.state().doc.org().units[unit]
        .position
        .expect("the drop pinned the unit");
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &path, &ctx);
    let (reloaded, _) = Document::open(&path).unwrap();
    assert_eq!(reloaded.org().units[unit].position, Some(pos));
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units[unit].position,
        None,
        "one drag is one undo step"
    );
}

#[test]
fn dropping_a_unit_onto_another_reparents_it_and_a_cycle_is_refused() {
    let mut h = sample_app();
    let child = unit_index(h.state(), "deleg-communication");
    let target = unit_index(h.state(), "serv-pilotage");
    let from = h.state().unit_screen_rect(child).unwrap().center();
    let to = h.state().unit_screen_rect(target).unwrap().center();
    drag(&mut h, from, to);
    assert_eq!(
        h.state().doc.org().units[child]
            .parent
            .as_ref()
            .unwrap()
            .as_str(),
        "serv-pilotage"
    );
    // The root dropped onto its own descendant would make a cycle.
    h.run_steps(4);
    let root = unit_index(h.state(), "sg");
    let from = h.state().unit_screen_rect(root).unwrap().center();
    let to = h.state().unit_screen_rect(target).unwrap().center();
    drag(&mut h, from, to);
    assert!(
        h.state().doc.org().units[root].parent.is_none(),
        "the cycle was refused"
    );
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.error && s.text.contains("cycle"))
    );
}

#[test]
fn deleting_a_subtree_then_undo_restores_it_identically() {
    let mut h = harness({
        let sample = &organigramme::samples::SAMPLES[3];
        let loaded =
            organigramme::format::load_bytes(sample.file_name, sample.text.as_bytes()).unwrap();
        OrgApp::new(
            Document::new(loaded.organisation, None),
            Settings::default(),
        )
    });
    let before = h.state().doc.org().clone();
    let dept = unit_index(h.state(), "dept-programmation-gestion");
    h.state_mut().select_unit(dept);
    h.run_steps(2);
    h.key_press(Key::Delete);
    h.run_steps(2);
    h.get_by_label("Supprimer avec ses sous-unités").click();
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units.len(),
        before.units.len() - 2,
        "the department and its centre are gone"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(*h.state().doc.org(), before);
}

/// The selection names a unit, not a place in the list: an undo that puts a unit back before
/// the selected one leaves the selection, and the inspector, on the same unit.
#[test]
fn an_undo_inserting_before_the_selection_keeps_the_same_unit_selected() {
    let mut h = sample_app();
    let org = h.state().doc.org();
    // A leaf and the unit after it in the list.
    let a = (0..org.units.len() - 1)
        .find(|&i| h.state().doc.hierarchy().children(i).is_empty())
        .unwrap();
    let (a_name, b_name) = (org.units[a].name.clone(), org.units[a + 1].name.clone());
    h.get_by_label(&a_name).click();
    h.run_steps(2);
    h.key_press(Key::Delete);
    h.run_steps(2);
    h.get_by_label("Supprimer").click();
    h.run_steps(2);
    assert!(h.query_by_label(&a_name).is_none(), "« {a_name} » deleted");
    h.get_by_label(&b_name).click();
    h.run_steps(2);
    field(&h, &b_name);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(h.state().doc.org().units[a].name, a_name, "back before it");
    assert!(
        h.query_all_by_value(&a_name).next().is_none(),
        "the inspector moved to the unit put back"
    );
    field(&h, &b_name);
}

#[test]
fn opening_another_document_with_unsaved_changes_asks_first() {
    let mut h = sample_app();
    h.state_mut().select_unit(1);
    h.run_steps(2);
    h.key_press(Key::Insert);
    h.run_steps(2);
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    assert!(matches!(h.state().dialog, Some(Dialog::Unsaved { .. })));
    h.get_by_label("Annuler").click();
    h.run_steps(2);
    assert!(h.state().doc.is_dirty(), "cancel keeps the document");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    h.get_by_label("Ne pas enregistrer").click();
    h.run_steps(2);
    assert!(
        h.state().doc.org().units.is_empty(),
        "a new, empty document"
    );
}

#[test]
fn closing_with_unsaved_changes_shows_the_guard() {
    let mut h = sample_app();
    h.state_mut().select_unit(1);
    h.run_steps(2);
    h.key_press(Key::Insert);
    h.run_steps(2);
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(2);
    assert!(matches!(
        h.state().dialog,
        Some(Dialog::Unsaved { then: Action::Quit })
    ));
    assert!(
        h.query_by_label("Enregistrer").is_some()
            && h.query_by_label("Ne pas enregistrer").is_some()
    );
}

#[test]
fn an_idle_window_stops_repainting() {
    // egui_graphs requests a repaint on every frame it is shown; the canvas must not pass
    // that on when nothing changes, or the window would never idle.
    let mut h = sample_app();
    h.run_steps(10);
    assert!(
        h.try_run().is_ok(),
        "the window keeps asking for repaints while idle"
    );
}

#[test]
fn a_recovery_copy_is_written_while_dirty_and_offered_at_the_next_start() {
    use organigramme::app::recovery::Recovery;
    let dir = temp_dir("recovery");
    let mut h = sample_app();
    h.state_mut().recovery = Some(Recovery::in_dir(&dir));
    h.state_mut().select_unit(1);
    h.run_steps(2);
    h.key_press(Key::Insert);
    // The copy is written on a thread of its own: frames go on meanwhile.
    for _ in 0..500 {
        h.run_steps(1);
        if dir.join("recovery.ron").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        dir.join("recovery.ron").exists(),
        "a dirty document leaves a recovery copy"
    );
    let units = h.state().doc.org().units.len();
    // As after a crash: a new session finds the copy and offers it.
    let mut next = harness(OrgApp::with_default_sample(Settings::default()));
    next.state_mut().use_recovery(Recovery::in_dir(&dir));
    next.run_steps(2);
    assert!(matches!(next.state().dialog, Some(Dialog::Recover { .. })));
    next.get_by_label("Restaurer").click();
    next.run_steps(2);
    assert_eq!(next.state().doc.org().units.len(), units);
    assert!(
        next.state().doc.is_dirty(),
        "restored work is not saved yet"
    );
    // Saving it removes the copy.
    let path = dir.join("saved.ron");
    let ctx = next.ctx.clone();
    organigramme::app::files::save_to(next.state_mut(), &path, &ctx);
    // Once a copy still being written is done: removing it sooner would wait for it.
    for _ in 0..500 {
        next.run_steps(1);
        if !dir.join("recovery.ron").exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(!dir.join("recovery.ron").exists());
}

#[test]
fn saving_over_a_file_someone_else_changed_asks_first() {
    let dir = temp_dir("changed");
    let path = dir.join("shared.ron");
    let mut h = sample_app();
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &path, &ctx);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("SGMAS", "SGMAS-bis");
    std::fs::write(&path, &theirs).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();
    h.state_mut().select_unit(1);
    h.run_steps(2);
    h.key_press(Key::Insert);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    h.run_steps(2);
    assert!(matches!(h.state().dialog, Some(Dialog::ChangedOnDisk)));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "nothing is silently overwritten"
    );
    assert!(
        h.query_by_label("Écraser").is_some() && h.query_by_label_contains("Recharger").is_some()
    );
}

#[test]
fn a_pending_deletion_does_not_survive_opening_another_document() {
    let mut h = sample_app();
    let last = h.state().doc.org().units.len() - 1;
    h.state_mut().select_unit(last);
    h.run_steps(2);
    h.key_press(Key::Delete);
    h.run_steps(2);
    assert!(matches!(h.state().dialog, Some(Dialog::Delete { .. })));
    // The document is clean: a new one replaces it at once, the question must go with it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    assert!(h.state().dialog.is_none());
    assert!(h.state().doc.org().units.is_empty());
}

#[test]
fn an_edit_that_changes_nothing_leaves_the_document_clean() {
    let mut h = sample_app();
    let unit = h.state().doc.org().units[1].clone();
    let edit = organigramme::doc::Edit::Set(1, organigramme::doc::Element::Unit(Box::new(unit)));
    h.state_mut().doc.apply(edit, "rien", None).unwrap();
    assert!(!h.state().doc.is_dirty());
    assert!(h.state().doc.undo_label().is_none());
}

#[test]
fn a_dragged_unit_carries_its_subtree_live() {
    let mut h = sample_app();
    let head = unit_index(h.state(), "sg");
    let child = unit_index(h.state(), "serv-pilotage");
    let item = |h: &Harness<'static, OrgApp>, u: usize| h.state().scene().unit_item[u].unwrap();
    let (head_item, child_item) = (item(&h, head), item(&h, child));
    // How far the canvas shows an item from where the scene has it.
    let shift = |h: &Harness<'static, OrgApp>, i: usize| {
        let r = h.state().scene().items[i].rect;
        h.state().canvas.shown_at(i).unwrap() - egui::pos2(r.x, r.y)
    };
    let rect = h.state().unit_screen_rect(head).unwrap();
    let from = rect.left_top() + egui::vec2(6.0, 4.0);
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for k in 1..=4 {
        h.hover_at(from + egui::vec2(10.0 * k as f32, 6.0 * k as f32));
        // The subtree follows the head a frame later: egui_graphs reports a move after it
        // has drawn it.
        h.run_steps(2);
        let (moved, carried) = (shift(&h, head_item), shift(&h, child_item));
        assert!(moved.length() > 1.0, "the head moves with the pointer");
        assert!(
            (carried - moved).length() < 0.5,
            "step {k}: the child stays behind: {carried:?} vs {moved:?}"
        );
    }
    h.drop_at(from + egui::vec2(40.0, 24.0));
    h.run_steps(3);
}

/// A save runs off the interface's thread on a snapshot: an edit made while it writes is not
/// in the file, and leaves the document dirty.
#[test]
fn an_edit_made_while_saving_is_not_lost_and_keeps_the_document_dirty() {
    let dir = temp_dir("saving");
    let path = dir.join("sg.ron");
    let mut h = sample_app();
    let ctx = h.ctx.clone();
    let before = h.state().doc.org().units.len();
    h.state_mut().start_save(&path, None, &ctx);
    h.state_mut().select_unit(1);
    h.run_steps(1);
    h.key_press(Key::Insert);
    h.run_steps(2);
    h.state_mut().wait_for_save(&ctx);
    let (saved, _) = Document::open(&path).unwrap();
    assert_eq!(
        saved.org().units.len(),
        before,
        "the file holds the snapshot"
    );
    assert_eq!(h.state().doc.org().units.len(), before + 1);
    assert!(
        h.state().doc.is_dirty(),
        "the edit after the snapshot is still unsaved"
    );
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("Enregistré"))
    );
}

/// A file that loads with warnings says the first in the status bar and every one on
/// hover, in the window's language; a file that fails shows its error in that language too.
#[test]
fn load_warnings_and_errors_are_shown_in_the_windows_language() {
    let dir = temp_dir("warnings");
    let path = dir.join("vide.ron");
    std::fs::write(
        &path,
        "(version: 1, organisation: (name: \"M\", units: [(id: \"sg\", name: \"SG\", kind: Other(\"\"), missions: [(text: \"x\")])], relations: [(from: \"sg\", to: \"sg\", kind: Support)]))",
    )
    .unwrap();
    let broken = dir.join("casse.ron");
    std::fs::write(&broken, "(version: 1, organisation: (name: \"x\", units: [(id: \"a\", name: \"A\", parent: \"b\")]))").unwrap();
    for (lang, count, first, other, error) in [
        (
            organigramme::i18n::Lang::Fr,
            "2 avertissements : ",
            "unité « sg » : type Other(\"\") sans libellé",
            "relation n° 1 : « sg » est en relation avec elle-même",
            "casse.ron:1:77: unité « a » : parent inconnu « b »",
        ),
        (
            organigramme::i18n::Lang::En,
            "2 warnings: ",
            "unit “sg”: kind Other(\"\") has no label",
            "relation no. 1: “sg” is related to itself",
            "casse.ron:1:77: unit “a”: unknown parent “b”",
        ),
    ] {
        let mut h = sample_app();
        h.state_mut().settings.lang = lang;
        let ctx = h.ctx.clone();
        h.state_mut().start_open(&path, &ctx);
        h.state_mut().wait_for_open();
        h.run_steps(2);
        let status = h.state().status.as_ref().expect("a status");
        let line = format!("{count}{first}");
        assert!(status.text.contains(&line), "{}", status.text);
        let details = status.details.as_deref().unwrap_or_default();
        assert!(
            details.contains(first) && details.contains(other),
            "{details}"
        );
        assert!(
            h.query_by_label_contains(&line).is_some(),
            "shown in the status bar"
        );
        h.state_mut().start_open(&broken, &ctx);
        h.state_mut().wait_for_open();
        h.run_steps(2);
        match &h.state().dialog {
            Some(Dialog::Error { text, .. }) => assert!(text.contains(error), "{text}"),
            _ => panic!("no error dialog"),
        }
    }
}

/// A file being read can be given up: the document open before stays, whatever the reading
/// thread finds afterwards.
#[test]
fn opening_a_file_can_be_cancelled() {
    let dir = temp_dir("cancel-open");
    let path = dir.join("insee.ron");
    std::fs::write(&path, organigramme::samples::SAMPLES[3].text).unwrap();
    let mut h = sample_app();
    let ctx = h.ctx.clone();
    let before = h.state().doc.org().name.clone();
    h.state_mut().start_open(&path, &ctx);
    // As the status bar's « Annuler l'ouverture » does; clicking it would race the reader.
    h.state_mut().cancel_open();
    h.run_steps(2);
    assert!(!h.state().opening());
    std::thread::sleep(std::time::Duration::from_millis(100));
    h.run_steps(3);
    assert_eq!(
        h.state().doc.org().name,
        before,
        "the cancelled file was not shown"
    );
    assert!(
        h.state()
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("annulée"))
    );
}

/// A background save that fails (its folder is gone) says why, and leaves the document dirty
/// and the guard in force.
#[test]
fn a_failed_background_save_keeps_the_document_dirty_and_says_why() {
    let dir = temp_dir("failed-save");
    let path = dir.join("absent").join("sg.ron");
    let mut h = sample_app();
    h.state_mut().select_unit(1);
    h.run_steps(1);
    h.key_press(Key::Insert);
    h.run_steps(2);
    let ctx = h.ctx.clone();
    h.state_mut().start_save(&path, None, &ctx);
    h.state_mut().wait_for_save(&ctx);
    h.run_steps(2);
    assert!(!path.exists());
    assert!(h.state().doc.is_dirty(), "the document stays unsaved");
    match &h.state().dialog {
        Some(Dialog::Error { text, .. }) => assert!(text.contains("n'existe pas"), "{text}"),
        _ => panic!("no error dialog"),
    }
}

/// Background jobs know which document they are about: a save that ends after another
/// document was opened does not give it its path; a file read while the user answered « Ne
/// pas enregistrer » still opens, but not one read while they edited.
#[test]
fn background_jobs_ending_on_another_document_leave_it_alone() {
    let dir = temp_dir("jobs");
    let (saved, insee) = (dir.join("sg.ron"), dir.join("insee.ron"));
    std::fs::write(&insee, organigramme::samples::SAMPLES[3].text).unwrap();
    let mut h = sample_app();
    let ctx = h.ctx.clone();
    h.state_mut().start_save(&saved, None, &ctx);
    h.state_mut().run_unguarded(Action::New, &ctx);
    h.state_mut().wait_for_save(&ctx);
    assert!(
        h.state().doc.path.is_none(),
        "the new document is not the saved file"
    );
    // A dirty document the user chose not to save: the file replaces it.
    h.state_mut().select_unit(0);
    h.key_press(Key::Insert);
    h.run_steps(2);
    assert!(h.state().doc.is_dirty());
    h.state_mut().start_open(&insee, &ctx);
    h.state_mut().wait_for_open();
    assert!(h.state().doc.org().name.contains("INSEE"));
    // An edit made while the file was read: the edit wins, the file is not opened.
    h.state_mut().start_open(&insee, &ctx);
    h.state_mut().select_unit(1);
    h.key_press(Key::Insert);
    h.run_steps(1);
    let units = h.state().doc.org().units.len();
    h.state_mut().wait_for_open();
    assert_eq!(h.state().doc.org().units.len(), units, "the edit is kept");
}
