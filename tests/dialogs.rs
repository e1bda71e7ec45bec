//! The window's dialogs driven headless by their labels, as a user would: exporting, the
//! built-in file chooser for Open and Save as, naming a new unit. The file chooser is always
//! the built-in one here: tests never depend on the platform's dialogs.

use clap::Parser;
use eframe::egui;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use organigramme::app::{OrgApp, Settings};
use organigramme::ui::Dialog;
use std::path::PathBuf;

mod harness;
use harness::{app_in, text_field, wait_for, window_on};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-dlg-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

fn ctrl(h: &mut Harness<'static, OrgApp>, key: Key) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, key);
    h.run_steps(2);
}

#[test]
fn the_export_dialog_writes_what_the_command_line_writes() {
    let dir = temp_dir("export");
    let mut h = app_in(&dir);
    let source = dir.join("sgmas.ron");
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &source, &ctx);
    ctrl(&mut h, Key::E);
    assert!(matches!(h.state().dialog, Some(Dialog::Export(_))));
    // A free scale (2 by default) instead of a sheet of paper, and no date in the footer.
    h.query_all_by_value("A3 paysage")
        .find(|n| n.accesskit_node().role() == Role::ComboBox)
        .expect("the size's list")
        .click();
    h.run_steps(2);
    h.get_by_label("échelle libre").click();
    h.run_steps(2);
    h.get_by_label("date de l'export").click();
    h.run_steps(2);
    h.get_by_label("Exporter…").click();
    // The chooser is first drawn in the frame after the form closes, and takes clicks from
    // the one after that.
    h.run_steps(3);
    assert!(
        h.state().dialog.is_none(),
        "the form gives way to the file chooser"
    );
    assert!(h.state().chooser.is_open());
    wait_for(&mut h, "the chooser's folder", |h| {
        h.query_by_label_contains("sgmas.ron").is_some()
    });
    h.get_by_label("📥  Enregistrer").click();
    h.run_steps(2);
    assert!(!h.state().chooser.is_open());
    wait_for(&mut h, "the export", |h| !h.state().exporting());
    let status = h.state().status.as_ref().unwrap();
    let written = dir.join("sgmas.png");
    assert!(!status.error, "{}", status.text);
    assert!(
        status.text.contains(&written.display().to_string()),
        "{}",
        status.text
    );
    let cli_out = dir.join("cli.png");
    let args = ["organigramme", "export", source.to_str().unwrap(), "-o"];
    let cli = organigramme::cli::Cli::try_parse_from(args.into_iter().chain([
        cli_out.to_str().unwrap(),
        "--scale",
        "2",
        "--no-date",
    ]))
    .unwrap();
    let lang = cli.lang();
    let code = organigramme::cli::run(cli.command.unwrap(), lang);
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let ours = std::fs::read(&written).unwrap();
    assert!(
        ours == std::fs::read(&cli_out).unwrap(),
        "the window and `export --scale 2 --no-date` wrote different files"
    );
}

#[test]
fn the_export_dialog_leaves_the_svg_fonts_out_as_no_embed_font_does() {
    let dir = temp_dir("export-svg");
    let mut h = app_in(&dir);
    let source = dir.join("sgmas.ron");
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &source, &ctx);
    ctrl(&mut h, Key::E);
    h.get_by_label("SVG").click();
    h.run_steps(2);
    h.get_by_label("intégrées au fichier").click();
    h.run_steps(2);
    h.get_by_label("date de l'export").click();
    h.run_steps(2);
    h.get_by_label("Exporter…").click();
    h.run_steps(3);
    wait_for(&mut h, "the chooser's folder", |h| {
        h.query_by_label_contains("sgmas.ron").is_some()
    });
    h.get_by_label("📥  Enregistrer").click();
    h.run_steps(2);
    wait_for(&mut h, "the export", |h| !h.state().exporting());
    let status = h.state().status.as_ref().unwrap();
    assert!(!status.error, "{}", status.text);
    let written = std::fs::read_to_string(dir.join("sgmas.svg")).unwrap();
    let cli_out = dir.join("cli.svg");
    let args = ["organigramme", "export", source.to_str().unwrap(), "-o"];
    let cli = organigramme::cli::Cli::try_parse_from(args.into_iter().chain([
        cli_out.to_str().unwrap(),
        "--no-embed-font",
        "--no-date",
    ]))
    .unwrap();
    let code = organigramme::cli::run(cli.command.unwrap(), organigramme::i18n::Lang::Fr);
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    assert!(!written.contains("@font-face"));
    assert!(
        written == std::fs::read_to_string(&cli_out).unwrap(),
        "the window and `export --no-embed-font --no-date` wrote different files"
    );
}

#[test]
fn escape_and_annuler_close_the_export_dialog() {
    let dir = temp_dir("escape");
    let mut h = app_in(&dir);
    ctrl(&mut h, Key::E);
    assert!(h.query_by_label("Exporter le schéma").is_some());
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(h.state().dialog.is_none(), "Escape closes the dialog");
    ctrl(&mut h, Key::E);
    h.get_by_label("Annuler").click();
    h.run_steps(2);
    assert!(h.state().dialog.is_none(), "Annuler closes the dialog");
    assert!(!h.state().chooser.is_open() && !h.state().exporting());
}

#[test]
fn open_through_the_built_in_dialog() {
    let dir = temp_dir("open");
    let insee = &organigramme::samples::SAMPLES[3];
    std::fs::write(dir.join("insee.ron"), insee.text).unwrap();
    let mut h = app_in(&dir);
    ctrl(&mut h, Key::O);
    assert!(h.state().chooser.is_open());
    wait_for(&mut h, "the chooser's folder", |h| {
        h.query_by_label_contains("insee.ron").is_some()
    });
    h.get_by_label_contains("insee.ron").click();
    h.run_steps(2);
    h.get_by_label("🗀  Ouvrir").click();
    h.run_steps(3);
    // Read on a thread of its own: the window goes on meanwhile.
    wait_for(&mut h, "the file to be read", |h| !h.state().opening());
    assert!(!h.state().chooser.is_open());
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(dir.join("insee.ron").as_path())
    );
    assert!(h.state().doc.org().name.contains("INSEE"));
}

#[test]
fn save_as_through_the_built_in_dialog_by_typing_a_name() {
    let dir = temp_dir("saveas");
    let mut h = app_in(&dir);
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, Key::S);
    h.run_steps(3);
    assert!(h.state().chooser.is_open());
    // The proposed name's stem is selected: typing replaces it, the extension stays.
    text_field(&h, "sgmas.ron").type_text("copie");
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    // The file is written on a thread of its own; the window goes on meanwhile.
    wait_for(&mut h, "the file to be written", |h| !h.state().saving());
    let path = dir.join("copie.ron");
    assert!(path.exists(), "nothing written at {}", path.display());
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert!(!h.state().doc.is_dirty());
}

#[test]
fn save_on_an_untitled_document_opens_the_built_in_dialog() {
    let dir = temp_dir("untitled");
    let mut h = app_in(&dir);
    assert!(h.state().doc.path.is_none());
    ctrl(&mut h, Key::S);
    assert!(h.state().chooser.is_open());
    assert!(
        h.query_by_label_contains("Nom du fichier").is_some(),
        "the built-in dialog, in French"
    );
    // The first Escape leaves the file name field (egui-file-dialog's way), the second
    // cancels.
    for _ in 0..2 {
        h.key_press(Key::Escape);
        h.run_steps(2);
    }
    assert!(!h.state().chooser.is_open(), "Escape cancels the chooser");
    assert!(h.state().doc.path.is_none());
}

fn add_child_of_communication(h: &mut Harness<'static, OrgApp>) -> usize {
    h.get_by_label("Délégation à la communication").click();
    h.run_steps(2);
    h.key_press(Key::Insert);
    h.run_steps(3);
    h.state().selected_unit().unwrap()
}

#[test]
fn a_new_units_name_is_replaced_by_typing_and_enter_confirms_it() {
    let dir = temp_dir("name");
    let mut h = app_in(&dir);
    let new = add_child_of_communication(&mut h);
    h.event(egui::Event::Text("Bureau de la presse".into()));
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().doc.org().units[new].name, "Bureau de la presse");
    assert!(!h.ctx.text_edit_focused(), "Enter leaves the field");
    // A line break pasted into a name becomes a space.
    text_field(&h, "Bureau de la presse").focus();
    h.run_steps(1);
    h.event(egui::Event::Paste(" et\ndes médias".into()));
    h.run_steps(2);
    let name = &h.state().doc.org().units[new].name;
    assert!(!name.contains('\n'), "{name:?}");
    assert!(name.ends_with("et des médias"), "{name:?}");
}

#[test]
fn escape_takes_back_the_typed_name() {
    let dir = temp_dir("escape-name");
    let mut h = app_in(&dir);
    let new = add_child_of_communication(&mut h);
    h.event(egui::Event::Text("Brouillon".into()));
    h.run_steps(2);
    assert_eq!(h.state().doc.org().units[new].name, "Brouillon");
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().doc.org().units[new].name, "Nouvelle unité");
    assert_eq!(h.state().doc.undo_label(), Some("Ajouter une unité"));
    assert!(h.state().doc.redo_label().is_none());
}

#[test]
fn a_sibling_needs_a_selected_unit() {
    let dir = temp_dir("sibling");
    let mut h = app_in(&dir);
    assert!(h.state().selection.is_none());
    let button = h.get_by_label("Ajouter une unité sœur");
    assert!(button.accesskit_node().is_disabled());
    let units = h.state().doc.org().units.len();
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units.len(),
        units,
        "Enter adds no second root"
    );
}

/// Ctrl+Z in the name field undoes the typing, then the step before it, with the field still
/// in focus; Ctrl+Y brings them back. The search field keeps its own undo.
#[test]
fn undo_in_a_field_reaches_the_documents_history() {
    let dir = temp_dir("undo-field");
    let mut h = app_in(&dir);
    let units = h.state().doc.org().units.len();
    let new = add_child_of_communication(&mut h);
    h.event(egui::Event::Text("Bureau de la presse".into()));
    h.run_steps(2);
    assert!(h.ctx.text_edit_focused());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units[new].name,
        "Nouvelle unité",
        "the typing is undone"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units.len(),
        units,
        "then the unit's creation"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Y);
    h.run_steps(2);
    assert_eq!(
        h.state().doc.org().units.len(),
        units + 1,
        "Ctrl+Y redoes it"
    );
}

/// Names too small to print, and a bitmap too large: the window's messages name its own
/// controls (the dialog's « Partie », folding), never the command line's options.
#[test]
fn the_windows_export_advice_names_the_windows_controls() {
    use organigramme::export::png::Paper;
    use organigramme::ui::ExportDialog;
    let dir = temp_dir("advice");
    let org = organigramme::generate::generate(300, 1);
    let app = OrgApp::new(
        organigramme::doc::Document::new(org, None),
        Settings::default(),
    );
    let mut h = window_on(app);
    let ctx = h.ctx.clone();
    let export = |h: &mut Harness<'static, OrgApp>, form: ExportDialog, name: &str| {
        let request = h.state().export_request(&form);
        h.state_mut().start_export(request, &dir.join(name), &ctx);
        wait_for(h, "the export", |h| !h.state().exporting());
    };
    let form = ExportDialog::new(&h.state().chart);
    let small = ExportDialog {
        paper: Some((Paper::A4, true)),
        dpi: 40.0,
        ..form.clone()
    };
    export(&mut h, small, "petit.png");
    let status = &h.state().status.as_ref().unwrap().text;
    assert!(
        status.contains("s'imprimeraient à")
            && status.contains("« l'unité sélectionnée et ses sous-unités »")
            && !status.contains("--"),
        "{status}"
    );
    let huge = ExportDialog {
        paper: None,
        scale: 8.0,
        ..form
    };
    export(&mut h, huge, "grand.png");
    match &h.state().dialog {
        Some(Dialog::Error { text, .. }) => assert!(
            text.contains("image trop grande")
                && text.contains("« l'unité sélectionnée et ses sous-unités »")
                && !text.contains("--"),
            "{text}"
        ),
        _ => panic!("no error dialog"),
    }
}

/// A PDF on paper over as many pages as its names need: the form's « autant qu'il faut »
/// asks for the file `export --pages auto` writes.
#[test]
fn the_export_dialog_prints_a_pdf_over_several_pages_as_pages_auto_does() {
    let dir = temp_dir("export-pages");
    let mut h = app_in(&dir);
    let source = dir.join("sgmas.ron");
    let ctx = h.ctx.clone();
    organigramme::app::files::save_to(h.state_mut(), &source, &ctx);
    ctrl(&mut h, Key::E);
    h.get_by_label("PDF").click();
    h.run_steps(2);
    h.get_by_label("date de l'export").click();
    h.run_steps(2);
    h.get_by_label("autant qu'il faut").click();
    h.run_steps(2);
    let Some(Dialog::Export(form)) = &h.state().dialog else {
        panic!("the export form");
    };
    let request = h.state().export_request(form);
    let ours = request.render(h.state().doc.org()).unwrap().into_bytes();
    let cli_out = dir.join("cli.pdf");
    let args = ["organigramme", "export", source.to_str().unwrap(), "-o"];
    let cli = organigramme::cli::Cli::try_parse_from(args.into_iter().chain([
        cli_out.to_str().unwrap(),
        "--paper",
        "a3-landscape",
        "--pages",
        "auto",
        "--no-date",
    ]))
    .unwrap();
    let lang = cli.lang();
    let code = organigramme::cli::run(cli.command.unwrap(), lang);
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    let theirs = std::fs::read(&cli_out).unwrap();
    assert!(
        ours == theirs,
        "the window and `export --pages auto` wrote different files"
    );
    let pages = String::from_utf8_lossy(&ours)
        .matches("/Type /Page\n")
        .count();
    assert!(pages > 1, "{pages} page(s)");
}
