//! The presentation mode in the window: the whole window shows one step at a time, with a
//! clicker's keys, eased transitions and a laser-pointer dot. What each step shows comes from
//! `crate::present`; this part keeps where the presentation is and draws it.

mod keys;
mod paint;

use crate::doc::Document;
use crate::i18n::Lang;
use crate::model::Id;
use crate::present::{self, Frame, Light, Lit, Order, Screen, Step, View};
use crate::scene::{self, Logo, Owner, Scene};
use eframe::egui::{self, Color32, Sense};
use paint::Px;
use std::sync::Arc;

/// How long a step takes to give way to the next, in seconds.
const EASE: f64 = 0.3;
/// The pointer's dot goes after this long without moving, in seconds.
const POINTER_IDLE: f64 = 2.0;

/// What the presentation asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Request {
    Leave,
    /// « Ajouter l'étape actuelle »: the script gets the step on the screen.
    AddStep(Step),
}

/// What was on the screen before a step gave way, and where it was relative to the next
/// step's chart (see `anchor`).
struct Leaving {
    scene: Arc<Scene>,
    lit: Lit,
    frame: Frame,
    offset: (f32, f32),
    since: f64,
}

/// The smallest screen a presentation is planned for, in pixels.
const MIN_SCREEN: (f32, f32) = (200.0, 150.0);

pub struct Presenter {
    order: Order,
    steps: Vec<Step>,
    /// The view of each step, made when the presentation comes to it: a large structure has
    /// thousands of steps.
    views: Vec<Option<View>>,
    /// The step the presentation starts at, until the first plan.
    start: usize,
    /// The step on the screen and which of its frames.
    at: (usize, usize),
    /// A unit clicked during the step, spotlit until the next key, and its view.
    clicked: Option<View>,
    screen: Option<Screen>,
    /// What the screen shows, to notice when it changes: the frame and the clicked unit.
    showing: Option<((usize, usize), Option<Id>)>,
    leaving: Option<Leaving>,
    blank: bool,
    /// Digits typed towards a step's number, until Entrée.
    typed: String,
    pointer_moved: Option<f64>,
    /// Where the last frame was drawn.
    px: Option<Px>,
    /// Whether the window was full screen before: leaving puts it back as it was.
    pub was_fullscreen: bool,
    cache: scene::Cache,
    logo: crate::ui::logo::LogoTexture,
}

impl Presenter {
    /// A presentation in `order`, from step `from` (counted from 0).
    pub fn new(order: Order, from: usize) -> Self {
        Presenter {
            order,
            steps: Vec::new(),
            views: Vec::new(),
            start: from,
            at: (0, 0),
            clicked: None,
            screen: None,
            showing: None,
            leaving: None,
            blank: false,
            typed: String::new(),
            pointer_moved: None,
            px: None,
            was_fullscreen: false,
            cache: scene::Cache::default(),
            logo: Default::default(),
        }
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The step on the screen (counted from 0), and which of its frames.
    pub fn position(&self) -> (usize, usize) {
        self.at
    }

    pub fn is_blank(&self) -> bool {
        self.blank
    }

    /// What the screen shows, and through which frame.
    fn current(&self) -> Option<(&View, Frame)> {
        if let Some(v) = &self.clicked {
            return Some((v, *v.frames.first()?));
        }
        let (v, f) = self.at;
        let view = self.views.get(v)?.as_ref()?;
        Some((view, *view.frames.get(f)?))
    }

    /// The step on the screen, a clicked spotlight included.
    pub fn current_step(&self) -> Option<&Step> {
        self.current().map(|(v, _)| &v.step)
    }

    /// The units in view, each with whether it is in full colour, in the order of the scene.
    pub fn in_view(&self) -> Vec<(usize, bool)> {
        let Some((view, frame)) = self.current() else {
            return Vec::new();
        };
        let seen = frame.clip;
        view.scene
            .items
            .iter()
            .zip(&view.lit.items)
            .filter(|(i, l)| **l != Light::Off && i.rect.intersects(&seen))
            .filter_map(|(i, &l)| match i.owner {
                Owner::Unit(u) => Some((u, l == Light::On)),
                _ => None,
            })
            .collect()
    }

    /// Where the centre of unit `u`'s box is in the window, when it is in view.
    pub fn unit_pos(&self, u: usize) -> Option<egui::Pos2> {
        let ((view, frame), px) = (self.current()?, self.px?);
        let r = view.scene.items[(*view.scene.unit_item.get(u)?)?].rect;
        Some(px.pos(frame.to_screen((r.x + r.w / 2.0, r.y + r.h / 2.0))))
    }

    /// The smallest name in view, in pixels.
    pub fn smallest_name_px(&self) -> Option<f32> {
        let (view, frame) = self.current()?;
        let seen = frame.clip;
        view.scene
            .items
            .iter()
            .filter(|i| matches!(i.owner, Owner::Unit(_)) && i.rect.intersects(&seen))
            .flat_map(|i| i.lines.iter())
            .filter(|l| l.style.bold)
            .map(|l| l.style.size * frame.zoom)
            .reduce(f32::min)
    }

    /// Plans the steps for `screen`.
    fn plan(&mut self, doc: &Document, screen: Screen, lang: Lang) {
        let step = if self.steps.is_empty() {
            self.start
        } else {
            self.at.0
        };
        self.steps = present::plan(doc.org(), doc.hierarchy(), self.order, screen, lang);
        self.views = self.steps.iter().map(|_| None).collect();
        self.at = (step.min(self.steps.len().saturating_sub(1)), 0);
        self.screen = Some(screen);
        self.clicked = None;
        self.showing = None;
        self.leaving = None;
    }

    /// How many frames step `i` takes, its view made if need be.
    fn frames_of(&mut self, i: usize, doc: &Document, lang: Lang) -> usize {
        let (Some(slot), Some(screen)) = (self.views.get_mut(i), self.screen) else {
            return 1;
        };
        let view = slot.get_or_insert_with(|| {
            let (org, tree) = (doc.org(), doc.hierarchy());
            View::new(
                org,
                tree,
                self.steps[i].clone(),
                screen,
                lang,
                &mut self.cache,
            )
        });
        view.frames.len()
    }

    /// Draws the presentation of `doc` over the whole of `ui`, the organisation's `logo` in
    /// its title band, and answers its keys and clicks.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        lang: Lang,
        logo: Option<&Arc<Logo>>,
    ) -> Option<Request> {
        let rect = ui.max_rect();
        let per_point = ui.ctx().pixels_per_point();
        let screen = Screen {
            width: rect.width() * per_point,
            height: rect.height() * per_point,
        };
        let now = ui.input(|i| i.time);
        // The steps follow the screen (the window becomes full screen a frame or two late),
        // not the document: a step added to the script does not change the presentation.
        // A window minimised or shrunk to a strip keeps the plan it had: planned for it,
        // every unit would be a step of its own, thousands of them planned at each resize.
        let usable = screen.width >= MIN_SCREEN.0 && screen.height >= MIN_SCREEN.1;
        if usable && self.screen != Some(screen) {
            self.plan(doc, screen, lang);
        }
        let before = self
            .current()
            .map(|(v, f)| (v.scene.clone(), v.lit.clone(), f));
        let request = self.keys(ui, doc, lang);
        self.frames_of(self.at.0, doc, lang);
        let response = ui.allocate_rect(rect, Sense::click());
        let px = Px {
            origin: rect.min,
            per_point,
        };
        self.px = Some(px);
        if response.clicked() {
            self.click(response.interact_pointer_pos(), &px, doc, screen, lang);
        }
        let showing = Some((
            self.at,
            self.clicked.as_ref().and_then(|v| v.step.spotlight.clone()),
        ));
        if self.showing != showing {
            if let (Some((scene, lit, frame)), Some((next, _))) = (before, self.current())
                && self.showing.is_some()
            {
                self.leaving = Some(Leaving {
                    offset: anchor(&scene, &next.scene),
                    scene,
                    lit,
                    frame,
                    since: now,
                });
            }
            self.showing = showing;
        }
        self.draw(ui, &px, now, rect, logo);
        request
    }

    fn draw(
        &mut self,
        ui: &egui::Ui,
        px: &Px,
        now: f64,
        rect: egui::Rect,
        logo: Option<&Arc<Logo>>,
    ) {
        let logo = logo.and_then(|l| Some((self.logo.of(ui.ctx(), Some(l))?, l.clone())));
        let painter = ui.painter_at(rect);
        if self.blank {
            painter.rect_filled(rect, 0, Color32::BLACK);
            return;
        }
        painter.rect_filled(rect, 0, Color32::WHITE);
        let Some((shown, target)) = self.current() else {
            return;
        };
        let t = self
            .leaving
            .as_ref()
            .map_or(1.0, |l| ((now - l.since) / EASE).clamp(0.0, 1.0) as f32);
        let eased = t * t * (3.0 - 2.0 * t);
        let mut camera = target;
        if let Some(l) = &self.leaving {
            // The camera moves as if both steps were one chart; the one leaving fades out.
            camera = l.frame.moved(l.offset).towards(&target, eased);
            if !Arc::ptr_eq(&l.scene, &shown.scene) {
                let old = camera.moved((-l.offset.0, -l.offset.1));
                paint::scene(&painter, px, &l.scene, &old, &l.lit, 1.0 - eased);
            }
        }
        let fade_in = match &self.leaving {
            Some(l) if !Arc::ptr_eq(&l.scene, &shown.scene) => eased,
            _ => 1.0,
        };
        paint::scene(&painter, px, &shown.scene, &camera, &shown.lit, fade_in);
        let screen = self.screen.unwrap_or(Screen::PROJECTOR);
        let (step, frame) = self.position();
        let frames = shown.frames.len();
        let count = match (&self.clicked, frames) {
            (None, n) if n > 1 => {
                format!("{} / {} ({}/{n})", step + 1, self.steps.len(), frame + 1)
            }
            _ => format!("{} / {}", step + 1, self.steps.len()),
        };
        let band = paint::Band {
            title: &shown.title,
            count: &count,
            typed: &self.typed,
            logo: logo.as_ref().map(|(texture, logo)| (*texture, &**logo)),
        };
        paint::title_band(&painter, px, rect, screen, &band);
        if let Some(card) = &shown.card {
            let c = screen.card();
            let r = egui::Rect::from_min_max(px.pos((c.x, c.y)), px.pos((c.right(), c.bottom())));
            paint::card(&painter, px, r, card);
        }
        if t < 1.0 {
            ui.ctx().request_repaint();
        } else {
            self.leaving = None;
        }
        self.pointer(ui, &painter, px, now);
    }

    /// The laser dot follows the pointer, and goes after two idle seconds.
    fn pointer(&mut self, ui: &egui::Ui, painter: &egui::Painter, px: &Px, now: f64) {
        let (moved, at) = ui.input(|i| {
            (
                i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::PointerMoved(_))),
                i.pointer.hover_pos(),
            )
        });
        if moved {
            self.pointer_moved = Some(now);
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::None);
        let (Some(since), Some(at)) = (self.pointer_moved, at) else {
            return;
        };
        let idle = now - since;
        if idle < POINTER_IDLE {
            paint::pointer(painter, px, at);
            // The frame that takes the dot away.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(POINTER_IDLE - idle));
        }
    }
}

/// How far the next scene is from the previous one, read from a unit both show: the camera
/// moves from one to the other as if they were one chart.
fn anchor(old: &Scene, new: &Scene) -> (f32, f32) {
    let common = new
        .items
        .iter()
        .filter_map(|i| match i.owner {
            Owner::Unit(u) => Some((u, i.rect)),
            _ => None,
        })
        .find_map(|(u, r)| {
            let o = old.items[(*old.unit_item.get(u)?)?].rect;
            Some((r.x - o.x, r.y - o.y))
        });
    common.unwrap_or((0.0, 0.0))
}
