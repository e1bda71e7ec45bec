//! The window's view and inspector options, driven headless by their labels: staff positions,
//! how relations are shown, tooltips on the canvas and the toolbar, plurals in both languages.

use eframe::egui;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::{OrgApp, Settings};

fn harness(settings: Settings) -> Harness<'static, OrgApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut OrgApp| app.show(ui),
            OrgApp::with_default_sample(settings),
        );
    h.run_steps(6);
    h
}

fn unit_index(app: &OrgApp, id: &str) -> usize {
    app.doc
        .org
        .units
        .iter()
        .position(|u| u.id.as_str() == id)
        .unwrap()
}

#[test]
fn the_staff_checkbox_sets_the_flag_and_undo_takes_it_back() {
    let mut h = harness(Settings::default());
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(3);
    let unit = unit_index(h.state(), "deleg-communication");
    assert!(!h.state().doc.org.units[unit].staff);
    h.get_by_label("Rattachement d'état-major (à côté du responsable)")
        .click();
    h.run_steps(3);
    assert!(h.state().doc.org.units[unit].staff, "the box sets the flag");
    assert!(h.state().doc.is_dirty());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(!h.state().doc.org.units[unit].staff, "undo clears it again");
    assert!(!h.state().doc.is_dirty());
}
