//! The presentation's script edited in the window: each change is one undo step.

use eframe::egui::{self, Key};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::{OrgApp, Settings};
use organigramme::model::{Id, Step};

fn window() -> Harness<'static, OrgApp> {
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_ui_state(
            |ui, app: &mut OrgApp| app.show(ui),
            OrgApp::with_default_sample(Settings::default()),
        );
    h.run_steps(4);
    h
}

fn script(h: &Harness<'static, OrgApp>) -> Vec<Step> {
    h.state().doc.org().presentation.clone()
}

fn units(h: &Harness<'static, OrgApp>) -> Vec<Option<String>> {
    script(h)
        .iter()
        .map(|s| s.unit.as_ref().map(|u| u.0.clone()))
        .collect()
}

fn undo(h: &mut Harness<'static, OrgApp>, redo: bool) {
    let mut keys = egui::Modifiers::COMMAND;
    keys.shift = redo;
    h.key_press_modifiers(keys, Key::Z);
    h.run_steps(3);
}

#[test]
fn steps_are_added_moved_renamed_and_deleted_with_undo() {
    let mut h = window();
    h.get_by_label("Affichage").click();
    h.run_steps(2);
    h.get_by_label("Script de présentation… ").click();
    h.run_steps(3);
    assert!(h.state().script_open);

    let rh = (h.state().doc.org().units.iter())
        .position(|u| u.id.0 == "deleg-rh")
        .unwrap();
    h.state_mut().select_unit(rh);
    h.run_steps(2);
    h.get_by_label("Ajouter l'étape actuelle").click();
    h.run_steps(3);
    assert_eq!(units(&h), vec![Some("deleg-rh".to_string())]);
    assert_eq!(script(&h)[0].depth, Some(2), "the unit and its children");
    assert_eq!(h.state().doc.undo_label(), Some("Ajouter l'étape actuelle"));
    h.state_mut().select(None);
    h.run_steps(2);
    h.get_by_label("Ajouter l'étape actuelle").click();
    h.run_steps(3);
    assert_eq!(units(&h), vec![Some("deleg-rh".to_string()), None]);

    h.get_all_by_label("⬇").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(units(&h), vec![None, Some("deleg-rh".to_string())]);
    undo(&mut h, false);
    assert_eq!(units(&h), vec![Some("deleg-rh".to_string()), None]);
    undo(&mut h, true);
    assert_eq!(units(&h), vec![None, Some("deleg-rh".to_string())]);

    // The titles are the script window's text fields, drawn after the panels'.
    let title = h
        .query_all_by_role(egui::accesskit::Role::TextInput)
        .last()
        .expect("a step's title");
    title.focus();
    h.run_steps(1);
    for typed in ["Les ressources ", "humaines"] {
        h.event(egui::Event::Text(typed.into()));
        h.run_steps(2);
    }
    h.key_press(Key::Tab);
    h.run_steps(2);
    assert_eq!(script(&h)[1].title, "Les ressources humaines");
    assert_eq!(h.state().doc.undo_label(), Some("Renommer l'étape"));
    undo(&mut h, false);
    assert_eq!(script(&h)[1].title, "", "the typing is one undo step");
    undo(&mut h, true);

    h.get_all_by_label("🗑").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(units(&h), vec![Some("deleg-rh".to_string())]);
    assert_eq!(script(&h)[0].title, "Les ressources humaines");
    undo(&mut h, false);
    assert_eq!(script(&h).len(), 2);

    // Preview: the presentation starts at that step.
    h.get_all_by_label("▶").nth(1).unwrap().click();
    h.run();
    let p = h.state().presenting.as_ref().expect("presenting");
    assert_eq!(p.position().0, 1);
    assert_eq!(p.current_step().unwrap().unit, Some(Id::new("deleg-rh")));
}

#[test]
fn the_a_key_adds_the_step_on_the_screen() {
    let mut h = window();
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::End);
    h.run();
    let shown = h
        .state()
        .presenting
        .as_ref()
        .unwrap()
        .current_step()
        .cloned();
    h.key_press(Key::A);
    h.run();
    assert_eq!(script(&h), vec![shown.unwrap()]);
    assert!(h.state().presenting.is_some(), "the presentation goes on");
    h.key_press(Key::Escape);
    h.run();
    undo(&mut h, false);
    assert!(script(&h).is_empty());
}
