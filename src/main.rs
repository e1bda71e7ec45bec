use clap::Parser;
use organigramme::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Cli::parse();
    match args.command.take() {
        Some(command) => cli::run(command, args.lang()),
        None => open_window(args),
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_: Cli) -> ExitCode {
    eprintln!("organigramme a été compilé sans interface graphique : voir `organigramme --help`");
    ExitCode::FAILURE
}

#[cfg(feature = "gui")]
fn open_window(args: Cli) -> ExitCode {
    use organigramme::app::{OrgApp, Settings, settings::APP_ID};
    use organigramme::doc::Document;
    use organigramme::model::Organisation;

    if let Some(reason) = no_display() {
        eprintln!(
            "organigramme : pas d'affichage graphique ({reason}). Les commandes sans fenêtre restent disponibles : `organigramme check`, `organigramme export` (voir `organigramme --help`)."
        );
        return ExitCode::FAILURE;
    }
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png")).ok();
    let mut viewport = eframe::egui::ViewportBuilder::default()
        .with_title("Organigramme")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon {
        viewport = viewport.with_icon(icon);
    }
    // glow (OpenGL) rather than wgpu: it builds minutes faster and draws under Xvfb with Mesa
    // on machines without a GPU, where wgpu falls back to GL anyway.
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, "settings"))
                .unwrap_or_default();
            if args.lang.is_some() {
                settings.lang = args.lang();
            }
            cc.egui_ctx.set_theme(if settings.dark {
                eframe::egui::Theme::Dark
            } else {
                eframe::egui::Theme::Light
            });
            // A file named on the command line is read on a thread, the window showing an
            // empty document and what is loading meanwhile; one that does not load is
            // reported in the terminal and in the window (launched from a file manager, the
            // terminal is nowhere to be seen), which then shows the sample.
            let mut app = match &args.file {
                Some(path) => {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    let waiting = Organisation {
                        name: format!("{name}…"),
                        ..Default::default()
                    };
                    let mut app = OrgApp::new(Document::new(waiting, None), settings);
                    app.start_open_from_command_line(path, &cc.egui_ctx);
                    app
                }
                None => OrgApp::with_default_sample(settings),
            };
            match args.screenshot {
                Some(path) => app.take_screenshot(path),
                None => {
                    if let Some(recovery) =
                        organigramme::app::recovery::Recovery::default_location()
                    {
                        app.use_recovery(recovery);
                    }
                }
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "organigramme : la fenêtre n'a pas pu s'ouvrir ({e}). Les commandes sans fenêtre restent disponibles : voir `organigramme --help`."
            );
            ExitCode::FAILURE
        }
    }
}

/// Why no window can open here, when that is knowable before trying (a Linux session without
/// X11 or Wayland); other systems always have a display.
#[cfg(feature = "gui")]
fn no_display() -> Option<&'static str> {
    let unix_desktop = cfg!(all(unix, not(target_os = "macos")));
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    (unix_desktop && !has_display).then_some("ni DISPLAY ni WAYLAND_DISPLAY ne sont définis")
}
