//! The window driven headless with the built-in file chooser, shared by the suites that click
//! through its dialogs.

// Each suite that includes this module uses part of it.
#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::{OrgApp, Settings};
use organigramme::ui::options::ChooserKind;
use std::path::Path;

/// The SGMAS sample, with the built-in chooser starting in `dir`.
pub fn app_in(dir: &Path) -> Harness<'static, OrgApp> {
    let settings = Settings {
        file_chooser: ChooserKind::BuiltIn,
        recent_dirs: vec![dir.to_path_buf()],
        ..Settings::default()
    };
    window_on(OrgApp::with_default_sample(settings))
}

/// `app` in a window of a workstation's size, its first frames drawn (egui_graphs asks for
/// repaints while it settles: a fixed number of frames).
pub fn window_on(app: OrgApp) -> Harness<'static, OrgApp> {
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(|ui, app: &mut OrgApp| app.show(ui), app);
    h.run_steps(6);
    h
}

/// Steps frames until `done` holds: the chooser lists folders, and exports and imports run,
/// on threads of their own.
pub fn wait_for(
    h: &mut Harness<'static, OrgApp>,
    what: &str,
    done: impl Fn(&Harness<'static, OrgApp>) -> bool,
) {
    for _ in 0..400 {
        if done(h) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.run_steps(1);
    }
    panic!("still waiting for {what}");
}

/// Fichier → `entry` (a menu item's label ends with its shortcut's text, empty for those
/// without), then `file` picked in the built-in chooser and opened.
pub fn choose_from_menu(h: &mut Harness<'static, OrgApp>, entry: &str, file: &str) {
    h.get_by_label("Fichier").click();
    h.run_steps(2);
    h.get_by_label(&format!("{entry} ")).click();
    h.run_steps(3);
    assert!(h.state().chooser.is_open());
    wait_for(h, "the chooser's folder", |h| {
        h.query_by_label_contains(file).is_some()
    });
    h.get_by_label_contains(file).click();
    h.run_steps(2);
    h.get_by_label("🗀  Ouvrir").click();
}

/// The built-in chooser, open to save: takes the name it proposes.
pub fn save_as_proposed(h: &mut Harness<'static, OrgApp>) {
    assert!(h.state().chooser.is_open());
    wait_for(h, "the chooser", |h| {
        h.query_by_label("📥  Enregistrer").is_some()
    });
    h.get_by_label("📥  Enregistrer").click();
    h.run_steps(3);
}

/// The one-line text field holding `value`.
pub fn text_field<'h>(h: &'h Harness<'static, OrgApp>, value: &'h str) -> egui_kittest::Node<'h> {
    h.query_all_by_value(value)
        .find(|n| n.accesskit_node().role() == eframe::egui::accesskit::Role::TextInput)
        .unwrap_or_else(|| panic!("no text field shows « {value} »"))
}
