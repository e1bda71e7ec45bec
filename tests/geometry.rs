//! The chart says what the structure says, checked on the scene that the canvas, the SVG and
//! the PNG all draw: over the samples, the README's hand-written structure and generated
//! charts, no two items overlap; no hierarchy connector, relation or chair line crosses the
//! inside of an item other than its two ends (boxes, headings, the title block, the legend);
//! every child stands below its parent; everything lies on the page.

use organigramme::format;
use organigramme::generate::generate;
use organigramme::model::Organisation;
use organigramme::samples::SAMPLES;
use organigramme::scene::{self, ChartOptions, Link, MissionsMode, Owner, Rect, Scene};

/// Float noise allowed at an edge: a line may run along a box's border, never inside it.
const EDGE: f32 = 0.5;

fn inside(r: &Rect, (a, b): ((f32, f32), (f32, f32))) -> bool {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    x1 > r.x + EDGE && x0 < r.right() - EDGE && y1 > r.y + EDGE && y0 < r.bottom() - EDGE
}

fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.right() - EDGE
        && b.x < a.right() - EDGE
        && a.y < b.bottom() - EDGE
        && b.y < a.bottom() - EDGE
}

/// Every rule of the file's header, as a list of what breaks it.
fn faults(org: &Organisation, scene: &Scene) -> Vec<String> {
    let mut faults = Vec::new();
    let items = &scene.items;
    let grid = scene::Buckets::new(items.iter().map(|i| &i.rect), 256.0);
    for (i, a) in items.iter().enumerate() {
        for j in grid.near(&a.rect).filter(|&j| j > i) {
            if overlap(&a.rect, &items[j].rect) {
                faults.push(format!(
                    "items {i} {:?} and {j} {:?} overlap",
                    a.owner, items[j].owner
                ));
            }
        }
        let r = &a.rect;
        if r.x < 0.0 || r.y < 0.0 || r.right() > scene.width || r.bottom() > scene.height {
            faults.push(format!("item {i} {:?} off the page", a.owner));
        }
    }
    for c in &scene.connectors {
        if c.link == Link::Legend {
            continue;
        }
        let ends = c.ends.map_or([usize::MAX; 2], |(a, b)| [a, b]);
        // Labels sit on their lines; another line may cross one, as on any printed chart.
        let crossable = |j: usize| ends.contains(&j) || items[j].owner == Owner::Label;
        for s in c.points.windows(2) {
            let segment = (s[0], s[1]);
            let (x0, x1) = (s[0].0.min(s[1].0), s[0].0.max(s[1].0));
            let (y0, y1) = (s[0].1.min(s[1].1), s[0].1.max(s[1].1));
            let span = Rect {
                x: x0,
                y: y0,
                w: x1 - x0,
                h: y1 - y0,
            };
            for j in grid.near(&span) {
                if !crossable(j) && inside(&items[j].rect, segment) {
                    faults.push(format!(
                        "{:?} crosses item {j} {:?}",
                        c.link, items[j].owner
                    ));
                }
            }
            if x0 < 0.0 || y0 < 0.0 || x1 > scene.width || y1 > scene.height {
                faults.push(format!("{:?} off the page", c.link));
            }
        }
    }
    for (u, unit) in org.units.iter().enumerate() {
        let (Some(parent), Some(child)) = (
            unit.parent
                .as_ref()
                .and_then(|p| org.units.iter().position(|v| &v.id == p)),
            scene.unit_item[u],
        ) else {
            continue;
        };
        let Some(parent) = scene.unit_item[parent] else {
            continue;
        };
        if items[child].rect.y < items[parent].rect.bottom() {
            faults.push(format!("unit « {} » not below its parent", unit.name));
        }
    }
    faults.sort();
    faults.dedup();
    faults
}

fn assert_true(name: &str, org: &Organisation, options: &ChartOptions) {
    let scene = scene::build(org, options);
    let faults = faults(org, &scene);
    assert!(
        faults.is_empty(),
        "{name}: {} fault(s), first ones: {:#?}",
        faults.len(),
        &faults[..faults.len().min(12)]
    );
}

fn load(name: &str, text: &str) -> Organisation {
    format::load_bytes(name, text.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"))
        .organisation
}

#[test]
fn the_samples_and_the_readme_structure_read_true() {
    let readme = include_str!("charts/secretariat-exemple.ron");
    let files = SAMPLES
        .iter()
        .map(|s| (s.file_name, s.text))
        .chain([("secretariat-exemple.ron", readme)]);
    for (name, text) in files {
        let org = load(name, text);
        for missions in [MissionsMode::First, MissionsMode::None, MissionsMode::Full] {
            let options = ChartOptions {
                missions,
                ..Default::default()
            };
            assert_true(name, &org, &options);
        }
    }
}

#[test]
fn generated_charts_read_true() {
    for (units, seed) in [(100, 1), (100, 2), (1_000, 1), (1_000, 7), (10_000, 1)] {
        let org = generate(units, seed);
        let options = ChartOptions {
            missions: MissionsMode::default_for(units),
            ..Default::default()
        };
        assert_true(&format!("{units} units, seed {seed}"), &org, &options);
    }
}

/// 5,000 units without a parent (an import that lost its links) made one row 770,024 wide:
/// they wrap into a page's shape, every rule still holding.
#[test]
fn thousands_of_roots_make_a_page_not_a_row() {
    let units = (0..5_000)
        .map(|i| organigramme::model::Unit {
            id: organigramme::model::Id::new(format!("u{i}")),
            name: format!("Bureau {i}"),
            missions: vec![organigramme::model::Mission {
                text: "Gère le courrier.".into(),
                source: None,
            }],
            ..Default::default()
        })
        .collect();
    let org = Organisation {
        name: "Racines".into(),
        units,
        ..Default::default()
    };
    let options = ChartOptions::default();
    let scene = scene::build(&org, &options);
    let ratio = scene.width / scene.height;
    assert!(
        (0.5..=4.0).contains(&ratio),
        "{} x {}, ratio {ratio}",
        scene.width,
        scene.height
    );
    assert_true("5,000 roots", &org, &options);
}

/// The checks above must be able to fail: a chart with a line forced through a box, and
/// with two boxes on top of each other, is caught.
#[test]
fn a_line_through_a_box_and_overlapping_boxes_are_caught() {
    let org = load(SAMPLES[0].file_name, SAMPLES[0].text);
    let mut scene = scene::build(&org, &ChartOptions::default());
    assert!(faults(&org, &scene).is_empty());
    let line = scene
        .connectors
        .iter_mut()
        .find(|c| matches!(c.link, Link::Relation(_)))
        .expect("a relation is drawn");
    let (from, _) = line.ends.unwrap();
    let other = scene
        .unit_item
        .iter()
        .flatten()
        .copied()
        .find(|&i| i != from && Some(i) != line.ends.map(|e| e.1))
        .unwrap();
    let r = scene.items[other].rect;
    line.points = vec![
        (r.x - 10.0, r.y + r.h / 2.0),
        (r.right() + 10.0, r.y + r.h / 2.0),
    ];
    let units: Vec<usize> = scene.unit_item.iter().flatten().copied().collect();
    let third = *units.iter().rev().find(|&&i| i != other).unwrap();
    scene.items[third].rect = scene.items[units[0]].rect;
    let faults = faults(&org, &scene);
    assert!(faults.iter().any(|f| f.contains("crosses")), "{faults:?}");
    assert!(faults.iter().any(|f| f.contains("overlap")), "{faults:?}");
}

/// No relation's label is lost: it is on its line, or, where it found no room, in the legend.
#[test]
fn every_relation_label_is_on_the_chart_or_in_the_legend() {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut labels = 0;
    for sample in SAMPLES {
        let org = load(sample.file_name, sample.text);
        let scene = scene::build(&org, &ChartOptions::default());
        let text: String = scene
            .items
            .iter()
            .flat_map(|i| i.lines.iter())
            .map(|l| squeeze(&l.text))
            .collect();
        for rel in org.relations.iter().filter(|r| !r.label.is_empty()) {
            labels += 1;
            let start: String = squeeze(&rel.label).chars().take(20).collect();
            assert!(
                text.contains(&start),
                "{}: « {} » lost",
                sample.file_name,
                rel.label
            );
        }
    }
    assert!(labels >= 30, "the samples have their labels: {labels}");
}
