//! The application: one document in a window, with its chart, outline and inspector.
//! `OrgApp::show` draws a frame from a plain `egui::Ui`, so tests drive it without a window:
//! the keyboard and the window's parts (`ui`) send actions, applied once the parts are drawn.

pub mod chooser;
mod commands;
mod compare;
mod conflicts;
mod edits;
pub mod export;
pub mod files;
pub mod frames;
mod keys;
mod legal;
mod logo;
mod opening;
mod presenting;
pub mod recovery;
mod saving;
mod screenshot;
pub mod settings;

pub use settings::Settings;

use crate::doc::Document;
use crate::model::Target;
use crate::scene::{self, ChartOptions, Scene, Theme};
use crate::ui::{self, Action, Dialog, Selection, Status, canvas::Canvas};
use eframe::egui;
use std::path::PathBuf;
use std::sync::Arc;

pub struct OrgApp {
    pub doc: Document,
    pub settings: Settings,
    pub selection: Option<Selection>,
    outline: ui::outline::Outline,
    pub chart: ChartOptions,
    pub status: Option<Status>,
    pub dialog: Option<Dialog>,
    pub canvas: Canvas,
    scene: Arc<Scene>,
    /// What the last scene computed, so that an edit redoes only what it changed.
    scene_cache: scene::Cache,
    scene_revision: Option<u64>,
    /// The inspector's name field takes the focus on the next frame (after adding a unit).
    focus_name: bool,
    /// Set once the user answered the unsaved-changes guard on closing.
    allow_close: bool,
    /// `--screenshot`: where to write the first settled frame, and frames still to wait.
    screenshot: Option<(PathBuf, u32)>,
    title: String,
    fonts_installed: bool,
    /// Where recovery copies go; none in tests that do not ask for it.
    pub recovery: Option<recovery::Recovery>,
    /// What a crashed session left, while the dialog offers to restore it.
    recovered: Option<Document>,
    /// The built-in file dialog, while it is open.
    pub chooser: chooser::BuiltIn,
    /// Whether the platform can show its own file dialog.
    platform: chooser::Platform,
    /// The export running on a worker thread.
    export_job: Option<export::ExportJob>,
    saving: Option<saving::SaveJob>,
    opening: Option<opening::OpenJob>,
    /// Fichier → Comparer avec…, while the document is shown against another version.
    comparing: Option<compare::Comparing>,
    pub frames: frames::FrameTimes,
    /// The presentation mode, while it fills the window.
    pub presenting: Option<ui::present::Presenter>,
    /// Whether the presentation script's window is open.
    pub script_open: bool,
    logo: logo::LogoState,
}

/// A frame's share of routing, so that an edit of a large chart redraws at once.
const ROUTE_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);

impl OrgApp {
    pub fn new(doc: Document, settings: Settings) -> Self {
        let missions = scene::MissionsMode::default_for(doc.org().units.len());
        OrgApp {
            doc,
            settings,
            selection: None,
            outline: Default::default(),
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
            recovery: None,
            recovered: None,
            chooser: chooser::BuiltIn::default(),
            platform: chooser::Platform::detect(),
            export_job: None,
            saving: None,
            opening: None,
            comparing: None,
            frames: frames::FrameTimes::from_env(),
            presenting: None,
            script_open: false,
            logo: Default::default(),
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
        let selected = match &self.selection {
            Some(Selection::Unit(id) | Selection::Entity(id)) => Some(id),
            _ => None,
        };
        scene::ChartOptions {
            theme: if self.settings.dark {
                Theme::Dark
            } else {
                Theme::Light
            },
            relations: self.settings.relations.mode(selected),
            lang: self.settings.lang,
            changes: self.comparing.as_ref().map(|c| c.marks.clone()),
            logo: self.logo.loaded.clone(),
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
        if let Some(c) = &mut self.comparing {
            c.update(self.doc.org(), self.doc.revision, self.settings.lang);
        }
        self.refresh_logo(ctx);
        let wanted = self.wanted_chart();
        let routed = self.scene_cache.pending_lines() == 0
            || !settle
            || self.canvas.dragging()
            || self.comparing.is_some();
        if self.scene_revision == Some(self.doc.revision) && self.chart == wanted && routed {
            return;
        }
        self.chart = wanted;
        let first = self.scene_revision.is_none();
        self.scene = Arc::new(match &self.comparing {
            // Another structure than the document's: the cache, which follows the document's
            // edits, has nothing to offer it.
            Some(c) => scene::build(&c.compared.org, &self.chart),
            None => scene::build_with(
                self.doc.org(),
                self.doc.hierarchy(),
                &self.chart,
                &mut self.scene_cache,
            ),
        });
        self.scene_revision = Some(self.doc.revision);
        if self.scene_cache.pending_lines() > 0 {
            // Lines drawn straight this frame are routed in the next ones.
            ctx.request_repaint();
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

    /// Where the selection is in the document now; None once it is gone.
    pub fn selected(&self) -> Option<Target> {
        self.selection.as_ref()?.find(&self.doc)
    }

    /// The selected unit's index, when a unit is selected.
    pub fn selected_unit(&self) -> Option<usize> {
        match self.selected()? {
            Target::Unit(u) => Some(u),
            _ => None,
        }
    }

    /// The chart's item for the selection, if drawn.
    pub fn selected_item(&self) -> Option<usize> {
        let owner = match self.selected()? {
            Target::Unit(u) => {
                let u = match &self.comparing {
                    Some(c) => c.unit(&self.doc.org().units[u].id)?,
                    None => u,
                };
                return self.scene.unit_item.get(u).copied().flatten();
            }
            Target::Body(b) => scene::Owner::Body(b),
            Target::Entity(e) => scene::Owner::Entity(e),
        };
        self.scene.items.iter().position(|i| i.owner == owner)
    }

    pub fn select(&mut self, selection: Option<Selection>) {
        self.selection = selection;
        self.canvas.select(self.selected_item());
    }

    /// Selects unit `i` of the document.
    pub fn select_unit(&mut self, i: usize) {
        self.select(Selection::of(self.doc.org(), Target::Unit(i)));
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
        if self.presenting.is_some() {
            self.show_presentation(ui);
            return;
        }
        self.refresh_scene(&ctx, true);
        let mut actions = Vec::new();
        actions.extend(dropped_file(&ctx).map(Action::OpenPath));
        self.handle_keys(ui, &mut actions);
        self.handle_close_request(&ctx);
        self.update_title(&ctx);
        let cx = ui::PanelContext {
            doc: &self.doc,
            chart_org: match &self.comparing {
                Some(c) => &c.compared.org,
                None => self.doc.org(),
            },
            changes: self.comparing.as_ref().map(|c| ui::changes::List {
                name: &c.name,
                sections: &c.sections,
                pending: c.pending,
            }),
            selected: self.selected(),
            lang: self.settings.lang,
            chart: &self.chart,
            relations: self.settings.relations,
            chooser: self.settings.file_chooser,
            recent: &self.settings.recent,
            status: self.status.as_ref(),
            exporting: self.export_job.is_some(),
            opening: self.opening.is_some(),
            frame_times: self.frames.open,
            focus_name: self.focus_name,
            logo_problem: self.logo.problem.as_ref(),
        };
        ui::menu::show(&cx, ui, &mut actions);
        ui::status::show(&cx, ui, &mut actions);
        self.outline.show(&cx, ui, &mut actions);
        ui::inspector::show(&cx, ui, &mut actions);
        ui::chart::show(&cx, &mut self.canvas, ui, &mut actions);
        ui::dialogs::show(&cx, &mut self.dialog, &ctx, &mut actions);
        if self.script_open {
            ui::script::show(&cx, &ctx, &mut self.script_open, &mut actions);
        }
        // The inspector has taken the focus it was asked for.
        self.focus_name = false;
        self.apply(actions, ui);
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
            self.dialog = Some(Dialog::Recover {
                name: found.doc.org().name.clone(),
                when: found.when,
            });
            self.recovered = Some(found.doc);
        }
        self.recovery = Some(recovery);
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.doc.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => self.doc.org().name.clone(),
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
}

/// A `.ron` file dropped on the window: it opens, as Fichier → Ouvrir would.
fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    })
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
