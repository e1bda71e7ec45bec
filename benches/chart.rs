//! How long the headless pipeline takes on generated structures of 1,000 to 50,000 units:
//! reading a file, laying the boxes out, building the scene, writing SVG (with and without its
//! embedded fonts), PNG (an A3 page at 150 dpi; 50,000 units at a scale of 0.02) and, for
//! 10,000 units, a PDF of the chart on one page. Run
//! with `cargo bench --bench chart`; the whole run stays within a few minutes on two cores,
//! so the large sizes take few samples.

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, criterion_group, criterion_main};
use organigramme::export::{pdf, png, svg};
use organigramme::format;
use organigramme::generate::generate;
use organigramme::layout::{self, Size, Tree};
use organigramme::model::{Id, Organisation};
use organigramme::scene::{self, ChartOptions, MissionsMode, Scene};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SIZES: [usize; 4] = [1_000, 10_000, 20_000, 50_000];

fn chart_options() -> ChartOptions {
    ChartOptions {
        missions: MissionsMode::None,
        ..Default::default()
    }
}

/// The tree `scene::build` lays out when every unit is drawn: the boxes' sizes as the scene
/// measured them, the parents of the model.
fn tree_of(org: &Organisation, scene: &Scene) -> Tree {
    let index: HashMap<&Id, usize> = org
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, i))
        .collect();
    let sizes = scene
        .unit_item
        .iter()
        .map(|item| {
            let rect = scene.items[item.expect("every unit is drawn")].rect;
            Size {
                w: rect.w,
                h: rect.h,
            }
        })
        .collect();
    let n = org.units.len();
    Tree {
        sizes,
        parent: org
            .units
            .iter()
            .map(|u| u.parent.as_ref().and_then(|p| index.get(p).copied()))
            .collect(),
        folded: vec![false; n],
        pinned: vec![None; n],
        staff: org.units.iter().map(|u| u.staff).collect(),
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

/// Measures `f`, which took `once` on its first run, for just long enough to run it twice per
/// flat sample: once per sample makes criterion warn, more makes the large sizes take minutes.
fn bench<T>(
    group: &mut BenchmarkGroup<WallTime>,
    name: &str,
    samples: usize,
    once: Duration,
    mut f: impl FnMut() -> T,
) {
    let time = (once * samples as u32).mul_f64(1.6);
    group
        .sample_size(samples)
        .measurement_time(time.max(Duration::from_secs(1)));
    group.bench_function(name, |b| b.iter(&mut f));
}

fn chart(c: &mut Criterion) {
    let options = chart_options();
    // The scene's own layout settings: top-down, compact, its level gap.
    let layout_options = layout::Options {
        level_gap: 40.0,
        ..Default::default()
    };
    for n in SIZES {
        let org = generate(n, 1);
        let text = format::to_string(&org);
        // The first run of each step checks it works and tells how long to measure it.
        let (loaded, t_load) = timed(|| format::load_bytes("bench.ron", text.as_bytes()));
        assert!(loaded.is_ok());
        let (scene, t_scene) = timed(|| scene::build(&org, &options));
        let tree = tree_of(&org, &scene);
        let (_, t_layout) = timed(|| layout::layout(&tree, &layout_options));
        let (_, t_svg) = timed(|| svg::write(&scene, &org, &svg::SvgOptions::default()));

        let mut group = c.benchmark_group(format!("{n} unités"));
        group
            .warm_up_time(Duration::from_millis(500))
            .sampling_mode(SamplingMode::Flat);
        let samples = if n <= 1_000 { 20 } else { 10 };
        bench(&mut group, "lecture + validation", samples, t_load, || {
            format::load_bytes("bench.ron", black_box(text.as_bytes()))
        });
        bench(&mut group, "placement", samples, t_layout, || {
            layout::layout(black_box(&tree), &layout_options)
        });
        bench(&mut group, "scène", samples, t_scene, || {
            scene::build(black_box(&org), &options)
        });
        bench(&mut group, "svg", samples, t_svg, || {
            svg::write(black_box(&scene), &org, &svg::SvgOptions::default())
        });
        // What the embedded fonts cost: collecting the characters, cutting the fonts.
        let no_fonts = svg::SvgOptions {
            embed_fonts: false,
            ..Default::default()
        };
        bench(&mut group, "svg sans polices", samples, t_svg, || {
            svg::write(black_box(&scene), &org, &no_fonts)
        });
        // A page of any size, and a small picture of the largest: the bitmap's time follows its
        // pixels, not the units drawn a pixel or two each.
        let mut pictures = vec![(
            "png A3 150 dpi",
            png::Size::Paper {
                paper: png::Paper::A3,
                landscape: true,
                dpi: 150.0,
            },
        )];
        if n == 50_000 {
            pictures.push(("png échelle 0,02", png::Size::Scale(0.02)));
        }
        for (name, size) in pictures {
            let png_options = png::PngOptions {
                size,
                ..Default::default()
            };
            let (picture, t_png) = timed(|| png::render(&scene, &png_options));
            assert!(picture.is_ok(), "{name}: {picture:?}");
            bench(&mut group, name, 10, t_png, || {
                png::render(black_box(&scene), &png_options)
            });
        }
        // Issue 16 asks for a 10,000-unit PDF under a second, the whole process included
        // (`/usr/bin/time organigramme export`); this is its drawing, from the scene.
        if n == 10_000 {
            let pdf_options = pdf::PdfOptions {
                paper: None,
                transparent: false,
                lang: options.lang,
                pages: pdf::Pages::One,
            };
            let (file, t_pdf) = timed(|| pdf::render(&scene, &org, &pdf_options));
            assert!(file.is_ok(), "pdf: {:?}", file.err());
            bench(&mut group, "pdf une page", 10, t_pdf, || {
                pdf::render(black_box(&scene), &org, &pdf_options)
            });
        }
        group.finish();
    }
}

criterion_group!(benches, chart);
criterion_main!(benches);
