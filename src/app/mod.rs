//! The application: one document in a window, with its chart, outline and inspector.
//! `OrgApp::show` draws a frame from a plain `egui::Ui`, so tests drive it without a window.

mod actions;
pub mod chooser;
mod commands;
pub mod export;
pub mod files;
pub mod frames;
mod keys;
mod opening;
pub mod recovery;
mod saving;
mod screenshot;
pub mod settings;

pub use actions::Action;
pub use export::ExportDialog;
pub use settings::Settings;

use crate::doc::Document;
use crate::scene::{self, ChartOptions, Scene, Theme};
use crate::ui::{self, canvas::Canvas};
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;

type SearchCache = ((String, u64), std::rc::Rc<Vec<usize>>);

/// A message in the status bar.
pub struct Status {
    pub text: String,
    pub error: bool,
    /// More than the line holds (every warning of a file opened), shown on hover.
    pub details: Option<String>,
}

/// A modal question or report; one at a time.
pub enum Dialog {
    /// The document has unsaved changes and `then` would discard them.
    Unsaved {
        then: Action,
    },
    /// Delete this unit: with its subtree, or attaching its children to its parent?
    Delete {
        unit: usize,
    },
    Export(ExportDialog),
    /// A file could not be opened or saved; the current document is untouched.
    Error {
        title: String,
        text: String,
    },
    /// A previous session ended without saving: restore its copy?
    Recover(Box<recovery::Found>),
    /// Someone else saved the file since it was opened here.
    ChangedOnDisk,
}

pub struct OrgApp {
    pub doc: Document,
    pub settings: Settings,
    /// The selected unit, by index in `doc.org.units`.
    pub selection: Option<usize>,
    pub search: String,
    pub chart: ChartOptions,
    pub status: Option<Status>,
    pub dialog: Option<Dialog>,
    pub canvas: Canvas,
    scene: Arc<Scene>,
    /// What the last scene computed, so that an edit redoes only what it changed.
    scene_cache: scene::Cache,
    scene_revision: Option<u64>,
    /// The inspector's name field takes the focus on the next frame (after adding a unit).
    pub focus_name: bool,
    /// Set once the user answered the unsaved-changes guard on closing.
    allow_close: bool,
    /// `--screenshot`: where to write the first settled frame, and frames still to wait.
    screenshot: Option<(PathBuf, u32)>,
    title: String,
    fonts_installed: bool,
    /// The outline's rows (unit, depth, has children) for a document revision.
    pub(crate) outline_rows: Option<(u64, std::rc::Rc<Vec<ui::outline::Row>>)>,
    /// The outline's search results for (query, document revision).
    pub(crate) search_results: Option<SearchCache>,
    /// Where recovery copies go; none in tests that do not ask for it.
    pub recovery: Option<recovery::Recovery>,
    /// The built-in file dialog, while it is open.
    pub chooser: chooser::BuiltIn,
    /// Whether the platform can show its own file dialog.
    platform: chooser::Platform,
    /// The export running on a worker thread.
    export_job: Option<export::ExportJob>,
    saving: Option<saving::SaveJob>,
    opening: Option<opening::OpenJob>,
    pub frames: frames::FrameTimes,
}

/// A frame's share of routing, so that an edit of a large chart redraws at once.
const ROUTE_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);

impl OrgApp {
    pub fn new(doc: Document, settings: Settings) -> Self {
        let missions = scene::MissionsMode::default_for(doc.org.units.len());
        OrgApp {
            doc,
            settings,
            selection: None,
            search: String::new(),
            chart: ChartOptions {
                missions,
                ..Default::default()
            },
            status: None,
            dialog: None,
            canvas: Canvas::default(),
            scene: Arc::new(Scene::default()),
            scene_cache: scene::Cache::with_route_budget(ROUTE_BUDGET),
            scene_revision: None,
            focus_name: false,
            allow_close: false,
            screenshot: None,
            title: String::new(),
            fonts_installed: false,
            outline_rows: None,
            search_results: None,
            recovery: None,
            chooser: chooser::BuiltIn::default(),
            platform: chooser::Platform::detect(),
            export_job: None,
            saving: None,
            opening: None,
            frames: frames::FrameTimes::from_env(),
        }
    }

    /// The app on the built-in SGMAS sample, as a newcomer first sees it.
    pub fn with_default_sample(settings: Settings) -> Self {
        let sample = crate::samples::default_sample();
        let loaded = crate::format::load_bytes(sample.file_name, sample.text.as_bytes())
            .expect("built-in samples are valid (tested)");
        OrgApp::new(Document::new(loaded.organisation, None), settings)
    }

    pub fn lang(&self) -> crate::i18n::Lang {
        self.settings.lang
    }

    pub fn scene(&self) -> &Arc<Scene> {
        &self.scene
    }

    pub fn set_status(&mut self, text: impl Into<String>, error: bool) {
        self.status = Some(Status {
            text: text.into(),
            error,
            details: None,
        });
    }

    /// The chart options the window's settings and selection ask for now.
    fn wanted_chart(&self) -> scene::ChartOptions {
        let selected = self.selection.and_then(|u| self.doc.org.units.get(u));
        scene::ChartOptions {
            theme: if self.settings.dark {
                Theme::Dark
            } else {
                Theme::Light
            },
            relations: self.settings.relations.mode(selected.map(|u| &u.id)),
            lang: self.settings.lang,
            ..self.chart.clone()
        }
    }

    /// Shows a scene built elsewhere (by the thread that read the document) for the current
    /// revision of the document, with the cache that built it.
    fn install_scene(
        &mut self,
        built: scene::Scene,
        cache: scene::Cache,
        chart: scene::ChartOptions,
    ) {
        self.chart = chart;
        self.scene = Arc::new(built);
        self.scene_cache = cache;
        self.scene_revision = Some(self.doc.revision);
        self.canvas.set_scene(self.scene.clone(), true);
        self.canvas.select(self.selected_item());
    }

    /// Rebuilds the scene when the document or the chart options changed since the last one;
    /// with `settle`, also to route lines an earlier build left pending, unless a drag is
    /// under way (a new scene would drop it).
    fn refresh_scene(&mut self, ctx: &egui::Context, settle: bool) {
        let wanted = self.wanted_chart();
        let routed = self.scene_cache.pending_lines() == 0 || !settle || self.canvas.dragging();
        if self.scene_revision == Some(self.doc.revision) && self.chart == wanted && routed {
            return;
        }
        self.chart = wanted;
        let first = self.scene_revision.is_none();
        self.scene = Arc::new(scene::build_with(
            &self.doc.org,
            self.doc.hierarchy(),
            &self.chart,
            &mut self.scene_cache,
        ));
        self.scene_revision = Some(self.doc.revision);
        if self.scene_cache.pending_lines() > 0 {
            // Lines drawn straight this frame are routed in the next ones.
            ctx.request_repaint();
        }
        if self
            .selection
            .is_some_and(|s| s >= self.doc.org.units.len())
        {
            self.selection = None;
        }
        self.canvas.set_scene(self.scene.clone(), first);
        self.canvas.select(self.selected_item());
        ctx.request_repaint();
    }

    /// Forces a new scene: after chart options change.
    pub fn invalidate_scene(&mut self) {
        self.scene_revision = None;
    }

    /// Where a unit's box is on the screen, as of the last frame.
    pub fn unit_screen_rect(&self, unit: usize) -> Option<egui::Rect> {
        let item = self.scene.unit_item.get(unit).copied().flatten()?;
        let r = self.scene.items[item].rect;
        let min = self.canvas.scene_to_screen(egui::pos2(r.x, r.y));
        let max = self
            .canvas
            .scene_to_screen(egui::pos2(r.right(), r.bottom()));
        Some(egui::Rect::from_min_max(min, max))
    }

    pub fn selected_item(&self) -> Option<usize> {
        self.selection
            .and_then(|u| self.scene.unit_item.get(u).copied().flatten())
    }

    pub fn select(&mut self, unit: Option<usize>) {
        self.selection = unit;
        self.canvas.select(self.selected_item());
    }

    /// Applies an edit as one undo step and reports a refusal in the status bar.
    pub fn edit(&mut self, edit: crate::doc::Edit, label: &str, merge: Option<&str>) {
        if self.doc.apply(edit, label, merge).is_err() {
            let lang = self.lang();
            self.set_status(
                lang.pick(
                    "Modification impossible : l'élément n'existe plus",
                    "Cannot change it: the item no longer exists",
                ),
                true,
            );
        }
    }

    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.fonts_installed, true) {
            // Fonts set now serve from the next frame on; the chart needs its bold face.
            ui::shapes::install_fonts(&ctx);
            // Ctrl+− and Ctrl+= zoom the chart (keys.rs), not the whole interface: its size is
            // in the Affichage menu.
            ctx.options_mut(|o| o.zoom_with_keyboard = false);
            ctx.request_repaint();
            return;
        }
        self.refresh_scene(&ctx, true);
        self.handle_dropped_files(&ctx);
        self.handle_keys(ui);
        self.handle_close_request(&ctx);
        self.update_title(&ctx);
        ui::menu::show(self, ui);
        ui::status::show(self, ui);
        ui::outline::show(self, ui);
        ui::inspector::show(self, ui);
        ui::chart::show(self, ui);
        ui::dialogs::show(self, &ctx);
        if self.frames.open {
            let lang = self.lang();
            self.frames.show(&ctx, lang);
        }
        if let Some((purpose, path)) = self.chooser.show(&ctx) {
            self.chosen(purpose, &path, &ctx);
        }
        self.poll_export();
        self.finish_save(false, &ctx);
        self.finish_open(false);
        self.refresh_scene(&ctx, false);
        self.handle_screenshot(&ctx);
        if let Some(r) = &mut self.recovery {
            r.tick(&self.doc);
            if r.busy() {
                // Takes in the copy being written, and removes it if the document was saved.
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            } else if self.doc.is_dirty() {
                // Idle frames do not happen: ask for the one that writes the next copy.
                ctx.request_repaint_after(std::time::Duration::from_secs(6));
            }
        }
    }

    /// Uses `recovery` for this session, and offers what a crashed session left there.
    pub fn use_recovery(&mut self, recovery: recovery::Recovery) {
        if let Some(found) = recovery.find() {
            self.dialog = Some(Dialog::Recover(Box::new(found)));
        }
        self.recovery = Some(recovery);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.doc.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => self.doc.org.name.clone(),
        };
        let title = format!(
            "{}{name} — Organigramme",
            if self.doc.is_dirty() { "● " } else { "" }
        );
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: Action::Quit });
        }
    }

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .find(|p| !p.as_os_str().is_empty())
        });
        if let Some(path) = dropped {
            self.guarded(Action::OpenPath(path), ctx);
        }
    }
}

impl eframe::App for OrgApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let start = std::time::Instant::now();
        self.show(ui);
        // The previous frame whole (painting included) where eframe knows it, else this
        // frame's interface pass.
        let ms = frame
            .info()
            .cpu_usage
            .map_or_else(|| start.elapsed().as_secs_f32() * 1000.0, |s| s * 1000.0);
        self.frames.push(ms);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, "settings", &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.frames.report();
        // A save in flight ends before the window does.
        if let Some(job) = self.saving.take() {
            let _ = job.join();
        }
        // A normal quit (the guard was answered) leaves no recovery copy behind.
        if let Some(r) = &mut self.recovery {
            r.clear_own();
        }
    }
}
