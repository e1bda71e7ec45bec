//! One frame of the whole window, headless: the egui pass of `OrgApp::show` plus
//! tessellation, no GPU. Measured with the whole chart in view, zoomed in on about fifty
//! units, while dragging a unit, from an edit (a rename, a subtree moved under another unit)
//! to the redrawn chart, and the frames in which an autosave falls due or a save starts.
//! Run with `cargo bench --bench frame`.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use eframe::egui;
use organigramme::app::recovery::Recovery;
use organigramme::app::{OrgApp, Settings};
use organigramme::doc::{Document, Edit, Element, ops};
use organigramme::generate::generate;
use organigramme::ui::Action;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SCREEN: egui::Vec2 = egui::vec2(1600.0, 1000.0);

struct Window {
    ctx: egui::Context,
    app: OrgApp,
}

impl Window {
    fn new(units: usize) -> Self {
        let org = generate(units, 1);
        let mut w = Window {
            ctx: egui::Context::default(),
            app: OrgApp::new(Document::new(org, None), Settings::default()),
        };
        for _ in 0..6 {
            w.frame(Vec::new());
        }
        w
    }

    fn input(events: Vec<egui::Event>) -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            events,
            ..Default::default()
        }
    }

    /// One frame with these input events: the pass and its tessellation.
    fn frame(&mut self, events: Vec<egui::Event>) -> usize {
        let app = &mut self.app;
        let output = self.ctx.run_ui(Self::input(events), |ui| app.show(ui));
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }

    /// A pointer move over the canvas: makes the frame a real one (not a replay).
    fn live(&mut self) -> usize {
        self.frame(vec![egui::Event::PointerMoved(egui::pos2(800.0, 500.0))])
    }

    fn zoom_on_a_unit(&mut self) {
        let unit = self.app.doc.org().units.len() / 2;
        self.app.select_unit(unit);
        let app = &mut self.app;
        let _ = self.ctx.run_ui(Self::input(Vec::new()), |ui| {
            app.show(ui);
            app.run(Action::ZoomSelection, ui);
        });
        for _ in 0..3 {
            self.live();
        }
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    for units in [1_000, 10_000, 50_000] {
        let mut w = Window::new(units);
        group.bench_function(format!("whole chart in view/{units}"), |b| {
            b.iter(|| black_box(w.live()))
        });
        w.zoom_on_a_unit();
        group.bench_function(format!("zoomed in/{units}"), |b| {
            b.iter(|| black_box(w.live()))
        });
        group.bench_function(format!("idle (replayed)/{units}"), |b| {
            b.iter(|| black_box(w.frame(Vec::new())))
        });
        let unit = w.app.selected_unit().unwrap();
        let mut n = 0u32;
        group.bench_function(format!("edit to redrawn chart (rename)/{units}"), |b| {
            b.iter(|| {
                n += 1;
                let mut u = w.app.doc.org().units[unit].clone();
                u.name = format!("Bureau renommé {n}");
                w.app
                    .doc
                    .apply(Edit::Set(unit, Element::Unit(Box::new(u))), "rename", None)
                    .unwrap();
                black_box(w.live())
            })
        });
        // The frame in which a recovery copy falls due during an edit, and the one in which
        // Ctrl+S starts a save: the interface's part only, the writer's own time apart.
        let dir = std::env::temp_dir().join(format!("organigramme-bench-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        group.bench_function(format!("autosave due during an edit/{units}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    n += 1;
                    w.app.recovery = Some(Recovery::in_dir(&dir));
                    let mut u = w.app.doc.org().units[unit].clone();
                    u.name = format!("Bureau renommé {n}");
                    let edit = Edit::Set(unit, Element::Unit(Box::new(u)));
                    let start = Instant::now();
                    w.app.doc.apply(edit, "rename", None).unwrap();
                    black_box(w.live());
                    spent += start.elapsed();
                    if let Some(r) = &mut w.app.recovery {
                        r.clear();
                    }
                }
                spent
            })
        });
        let saved = dir.join("sauvegarde.ron");
        group.bench_function(format!("save requested/{units}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    w.app.start_save(&saved, None, &w.ctx);
                    black_box(w.live());
                    spent += start.elapsed();
                    w.app.wait_for_save(&w.ctx);
                }
                spent
            })
        });
        let _ = std::fs::remove_dir_all(&dir);
        // The selected unit and its subtree go under another unit, then back.
        let home = w.app.doc.hierarchy().parent(unit);
        let away = (0..units).rev().find(|&u| {
            Some(u) != home
                && ops::reparent(w.app.doc.org(), w.app.doc.hierarchy(), unit, u).is_ok()
        });
        if let (Some(home), Some(away)) = (home, away) {
            let mut there = false;
            group.bench_function(
                format!("edit to redrawn chart (move a subtree)/{units}"),
                |b| {
                    b.iter(|| {
                        there = !there;
                        let to = if there { away } else { home };
                        let edit = ops::reparent(w.app.doc.org(), w.app.doc.hierarchy(), unit, to)
                            .unwrap();
                        w.app.doc.apply(edit, "move", None).unwrap();
                        black_box(w.live())
                    })
                },
            );
        }
        if let Some(rect) = w.app.unit_screen_rect(unit) {
            let at = rect.center();
            w.frame(vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: Default::default(),
            }]);
            let mut dx = 0.0;
            group.bench_function(format!("while dragging a unit/{units}"), |b| {
                b.iter(|| {
                    dx = if dx > 40.0 { 0.0 } else { dx + 3.0 };
                    black_box(w.frame(vec![egui::Event::PointerMoved(at + egui::vec2(dx, 0.0))]))
                })
            });
            w.frame(vec![egui::Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: Default::default(),
            }]);
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
