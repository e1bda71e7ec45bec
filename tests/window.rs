//! The window's view and inspector options, driven headless by their labels: staff positions,
//! how relations are shown, tooltips on the canvas and the toolbar, plurals in both languages.

use eframe::egui;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::settings::RelationsView;
use organigramme::app::{ExportDialog, OrgApp, Settings};
use organigramme::scene::{Owner, RelationsMode};

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

fn relations_menu(h: &mut Harness<'static, OrgApp>, choice: &str) {
    h.get_by_label("Affichage").click();
    h.run_steps(2);
    // egui labels a submenu's button with its arrow.
    h.get_by_label("Relations ⏵").click();
    h.run_steps(2);
    // A menu item's label ends with its shortcut's text, empty here.
    h.get_by_label(&format!("{choice} ")).click();
    h.run_steps(3);
}

#[test]
fn relations_listed_in_the_boxes_change_the_chart_and_the_export() {
    let mut h = harness(Settings::default());
    assert_eq!(h.state().chart.relations, RelationsMode::Lines);
    let listed = |app: &OrgApp| {
        app.scene()
            .items
            .iter()
            .filter(|i| matches!(i.owner, Owner::Unit(_)))
            .flat_map(|i| i.lines.iter())
            .any(|l| l.text.starts_with("En liaison avec"))
    };
    assert!(!listed(h.state()));
    relations_menu(&mut h, "En liste dans les cadres");
    assert_eq!(h.state().chart.relations, RelationsMode::List);
    assert_eq!(h.state().settings.relations, RelationsView::List);
    assert!(listed(h.state()), "the boxes list their relations");
    let export = ExportDialog::new(h.state()).request(h.state());
    assert_eq!(export.chart.relations, RelationsMode::List);
}

#[test]
fn relations_of_the_selection_follow_the_selection() {
    let mut h = harness(Settings::default());
    relations_menu(&mut h, "Celles de la sélection seulement");
    assert_eq!(h.state().chart.relations, RelationsMode::None);
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(3);
    let id = h.state().doc.org.units[unit_index(h.state(), "deleg-communication")]
        .id
        .clone();
    assert_eq!(h.state().chart.relations, RelationsMode::Of(id));
}
