//! The window driven headless with the built-in file chooser, shared by the suites that click
//! through its dialogs.

use egui_kittest::Harness;
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
    let mut h = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_ui_state(
            |ui, app: &mut OrgApp| app.show(ui),
            OrgApp::with_default_sample(settings),
        );
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
