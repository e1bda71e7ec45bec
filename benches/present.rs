//! The presentation mode on a generated structure of 10,000 units, headless (the egui pass
//! and its tessellation, no GPU): planning its steps at F5 (level by level: each step must
//! fit the screen at a legible size), one frame in the middle of a step's transition, and
//! the first frame of a step, which builds its chart.
//! Run with `cargo bench --bench present`.

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use eframe::egui;
use organigramme::app::{OrgApp, Settings};
use organigramme::doc::Document;
use organigramme::generate::generate;
use organigramme::present::Order;
use organigramme::ui::Action;
use std::time::{Duration, Instant};

const SCREEN: egui::Vec2 = egui::vec2(1920.0, 1080.0);
const UNITS: usize = 10_000;

struct Window {
    ctx: egui::Context,
    app: OrgApp,
    time: f64,
}

impl Window {
    fn new() -> Self {
        let org = generate(UNITS, 1);
        let mut w = Window {
            ctx: egui::Context::default(),
            app: OrgApp::new(Document::new(org, None), Settings::default()),
            time: 0.0,
        };
        for _ in 0..4 {
            w.frame(Vec::new());
        }
        w
    }

    /// One frame at the window's time, with these events: the pass and its tessellation.
    fn frame(&mut self, events: Vec<egui::Event>) -> usize {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SCREEN)),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        self.ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .len()
    }

    /// F5's first frame, which plans the steps; returns how long it took.
    fn present(&mut self) -> Duration {
        self.app.presenting = None;
        self.app
            .guarded(Action::Present(Order::Levels), &self.ctx.clone());
        let start = Instant::now();
        self.frame(Vec::new());
        start.elapsed()
    }
}

fn key(key: egui::Key) -> Vec<egui::Event> {
    vec![egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    }]
}

fn present(c: &mut Criterion) {
    let mut group = c.benchmark_group("present");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(3));
    let mut w = Window::new();
    group.bench_function(format!("plan at F5, {UNITS} units"), |b| {
        b.iter_custom(|n| (0..n).map(|_| w.present()).sum())
    });
    // The third step: a branch of the second level, too wide for one screen at 24 px.
    w.present();
    for _ in 0..2 {
        w.time += 1.0;
        w.frame(key(egui::Key::ArrowRight));
    }
    w.time += 1.0;
    w.frame(key(egui::Key::ArrowRight));
    // Time stands still half-way through the transition: every frame is one of its frames.
    w.time += 0.15;
    group.bench_function(format!("transition frame, {UNITS} units"), |b| {
        b.iter(|| w.frame(Vec::new()))
    });
    // The first frame of each step builds its chart: each iteration comes to a new step.
    group.measurement_time(Duration::from_secs(1));
    group.bench_function(format!("first frame of a step, {UNITS} units"), |b| {
        b.iter_custom(|n| {
            (0..n)
                .map(|_| {
                    w.time += 1.0;
                    let start = Instant::now();
                    w.frame(key(egui::Key::ArrowRight));
                    start.elapsed()
                })
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, present);
criterion_main!(benches);
