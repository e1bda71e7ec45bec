//! The chart from the scene to SVG and PNG: every sample exports, the SVG parses back with the
//! same text, boxes never overlap and always hold their text, hostile strings stay text.

use organigramme::export::{png, svg};
use organigramme::layout::Orientation;
use organigramme::model::{Id, Mission, Organisation, Unit, UnitKind};
use organigramme::scene::{self, ChartOptions, MissionsMode, Owner, Scene, Shape};
use organigramme::text;
use proptest::prelude::*;

fn samples() -> Vec<(&'static str, Organisation)> {
    organigramme::samples::SAMPLES
        .iter()
        .map(|s| {
            (
                s.file_name,
                organigramme::format::load_bytes(s.file_name, s.text.as_bytes())
                    .unwrap()
                    .organisation,
            )
        })
        .collect()
}

fn all_options() -> Vec<ChartOptions> {
    let mut out = Vec::new();
    for orientation in [Orientation::TopDown, Orientation::LeftRight] {
        for missions in [MissionsMode::None, MissionsMode::First, MissionsMode::Full] {
            for compact in [true, false] {
                out.push(ChartOptions {
                    orientation,
                    missions,
                    compact,
                    ..Default::default()
                });
            }
        }
    }
    out
}

/// No two boxes of the chart overlap, and every line of text lies inside its box.
fn check_geometry(scene: &Scene) -> Result<(), String> {
    let boxes: Vec<_> = scene
        .items
        .iter()
        .filter(|i| i.shape != Shape::None && i.owner != Owner::Decoration)
        .collect();
    for (a, x) in boxes.iter().enumerate() {
        for y in &boxes[a + 1..] {
            if x.rect.intersects(&y.rect) {
                return Err(format!("{:?} overlaps {:?}", x.owner, y.owner));
            }
        }
        // Lines are placed from the box's top-left corner.
        for line in x.lines.iter() {
            let w = text::width(&line.text, line.style);
            let left = if line.centred {
                line.x - w / 2.0
            } else {
                line.x
            };
            let top = line.y - line.style.size * text::ASCENT;
            let inside = left >= -0.5
                && left + w <= x.rect.w + 0.5
                && top >= -0.5
                && line.y <= x.rect.h + 0.5;
            if !inside {
                return Err(format!("« {} » sticks out of {:?}", line.text, x.owner));
            }
        }
    }
    Ok(())
}

#[test]
fn every_sample_is_laid_out_without_overlap_and_with_its_text_inside() {
    for (name, org) in samples() {
        for options in all_options() {
            let scene = scene::build(&org, &options);
            check_geometry(&scene).unwrap_or_else(|e| panic!("{name} {options:?}: {e}"));
            assert_eq!(
                scene.unit_item.iter().filter(|i| i.is_some()).count(),
                org.units.len()
            );
        }
    }
}

#[test]
fn every_sample_exports_to_an_svg_that_parses_back_with_the_same_text() {
    let opt = resvg::usvg::Options::default();
    for (name, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        let text = svg::write(&scene, &org, &svg::SvgOptions::default());
        let tree =
            resvg::usvg::Tree::from_str(&text, &opt).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(tree.size().width() > 100.0);
        for unit in &org.units {
            let first_word = unit.name.split(' ').next().unwrap();
            assert!(
                text.contains(&svg::escape(first_word)),
                "{name}: « {} » missing from the SVG",
                unit.name
            );
        }
        assert_eq!(
            text.matches("<text").count(),
            scene
                .items
                .iter()
                .map(|i| i.lines.iter().filter(|l| !l.text.trim().is_empty()).count())
                .sum::<usize>()
        );
    }
}

#[test]
fn every_sample_exports_to_a_png_with_its_dpi() {
    for (name, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        let size = png::Size::Paper {
            paper: png::Paper::A4,
            landscape: true,
            dpi: 100.0,
        };
        let bytes = png::render(
            &scene,
            &png::PngOptions {
                size,
                transparent: false,
                dpi: 100.0,
            },
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = ::png::Decoder::new(std::io::Cursor::new(&bytes));
        let reader = decoder.read_info().unwrap();
        let info = reader.info();
        let dims = info.pixel_dims.expect("the DPI is written in the file");
        assert_eq!(dims.xppu, (100.0f32 / 0.0254).round() as u32);
        // The whole A4 landscape sheet at 100 dpi.
        assert_eq!((info.width, info.height), (1169, 827));
    }
}

#[test]
fn a_bitmap_too_large_is_refused_with_advice_instead_of_shrunk() {
    let (_, org) = samples().remove(0);
    let scene = scene::build(&org, &ChartOptions::default());
    let err = png::render(
        &scene,
        &png::PngOptions {
            size: png::Size::Scale(200.0),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("--root") && err.to_string().contains("SVG"),
        "{err}"
    );
}

#[test]
fn hostile_strings_stay_text_in_the_svg_and_the_png_renders() {
    let nasty = [
        "<script>alert(1)</script>",
        "]]> & \"quotes\" 'single'",
        "\u{1}\u{7}\u{1b}[31m control",
        "עברית مرحبا RTL",
        "emoji 🏛️👩‍💼",
        &"x".repeat(10_000),
    ];
    let mut org = Organisation {
        name: nasty[0].into(),
        ..Default::default()
    };
    for (i, s) in nasty.iter().enumerate() {
        org.units.push(Unit {
            id: Id::new(format!("u{i}")),
            name: s.to_string(),
            kind: UnitKind::Other(s.to_string()),
            parent: (i > 0).then(|| Id::new("u0")),
            missions: vec![Mission {
                text: s.to_string(),
                source: None,
            }],
            ..Default::default()
        });
    }
    let scene = scene::build(
        &org,
        &ChartOptions {
            missions: MissionsMode::Full,
            ..Default::default()
        },
    );
    check_geometry(&scene).unwrap();
    let text = svg::write(
        &scene,
        &org,
        &svg::SvgOptions {
            transparent: true,
            ..Default::default()
        },
    );
    assert!(!text.contains("<script>"));
    assert!(text.contains("&lt;script&gt;"));
    assert!(!text.contains('\u{1b}'));
    resvg::usvg::Tree::from_str(&text, &resvg::usvg::Options::default())
        .expect("the SVG stays valid XML");
    png::render(&scene, &png::PngOptions::default()).expect("the PNG renders");
}

fn random_org(parents: &[usize], names: &[String]) -> Organisation {
    let mut org = Organisation {
        name: "Test".into(),
        ..Default::default()
    };
    for (i, name) in names.iter().enumerate() {
        org.units.push(Unit {
            id: Id::new(format!("u{i}")),
            name: name.clone(),
            kind: UnitKind::ALL[i % UnitKind::ALL.len()].clone(),
            parent: (i > 0).then(|| Id::new(format!("u{}", parents[i - 1] % i))),
            missions: vec![Mission {
                text: format!("{name}. Deuxième phrase de la mission."),
                source: None,
            }],
            ..Default::default()
        });
    }
    org
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn random_trees_never_overlap_and_keep_their_text_inside(
        parents in prop::collection::vec(any::<usize>(), 1..2000),
        words in prop::collection::vec("[a-zé ]{1,60}", 1..8),
        compact in any::<bool>(),
        left_right in any::<bool>(),
    ) {
        let names: Vec<String> = (0..=parents.len()).map(|i| format!("Unité {i} {}", words[i % words.len()])).collect();
        let org = random_org(&parents, &names);
        let orientation = if left_right { Orientation::LeftRight } else { Orientation::TopDown };
        let scene = scene::build(&org, &ChartOptions { compact, orientation, missions: MissionsMode::None, ..Default::default() });
        prop_assert!(check_geometry(&scene).is_ok(), "{:?}", check_geometry(&scene));
    }
}

/// The window rebuilds its scene from the boxes of the previous one: the result must be the
/// scene built afresh, whatever changed in between.
#[test]
fn a_scene_rebuilt_from_the_last_ones_boxes_is_the_scene_built_afresh() {
    use organigramme::scene::{Cache, ChartOptions, MissionsMode, Theme, build, build_with};
    let mut org = organigramme::generate::generate(300, 7);
    let mut options = ChartOptions::default();
    let mut cache = Cache::default();
    let mut check = |org: &organigramme::model::Organisation, options: &ChartOptions| {
        let tree = organigramme::model::Hierarchy::of(org);
        assert!(build_with(org, &tree, options, &mut cache) == build(org, options));
    };
    check(&org, &options);
    org.units[5].name = "Bureau renommé".into();
    org.units[7].headcount = Some(4321);
    org.units[9].head.name = "Camille Martin".into();
    org.units[11].missions[0].text = "Une autre mission. Suite.".into();
    check(&org, &options);
    // A body's box shows its chair's acronym (or name): renaming the chair changes it.
    let chair = org.bodies.iter().find_map(|b| b.chair.clone()).unwrap();
    let u = org.units.iter().position(|u| u.id == chair).unwrap();
    org.units[u].acronym = "NOUVEAU".into();
    org.bodies[1].name = "Comité renommé".into();
    org.entities[0].name = "Entité renommée".into();
    check(&org, &options);
    org.units[3].collapsed = true;
    org.units.remove(40);
    check(&org, &options);
    options.missions = MissionsMode::Full;
    check(&org, &options);
    options.theme = Theme::Dark;
    options.lang = organigramme::i18n::Lang::En;
    check(&org, &options);
}

/// One random change of the kind the window sees: a box that grows or shrinks, a box dragged
/// (pinned) somewhere, a unit moved under another, a unit added or deleted.
#[derive(Clone, Debug)]
enum Change {
    Rename(usize, usize),
    Pin(usize, f32, f32),
    Reparent(usize, usize),
    Add(usize),
    Delete(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), 1usize..90).prop_map(|(i, n)| Change::Rename(i, n)),
        (any::<usize>(), -3000.0f32..9000.0, -500.0f32..2500.0)
            .prop_map(|(i, x, y)| Change::Pin(i, x, y)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, p)| Change::Reparent(i, p)),
        any::<usize>().prop_map(Change::Add),
        any::<usize>().prop_map(Change::Delete),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

    /// The window's cache keeps the last scene's boxes and relation lines; after any run of
    /// changes, the scene it helps build is the one built afresh.
    #[test]
    fn a_scene_built_from_the_cache_after_random_changes_is_the_scene_built_afresh(
        seed in 0u64..1000,
        changes in proptest::collection::vec(change(), 1..12),
    ) {
        use organigramme::doc::{Edit, Element, ops};
        use organigramme::model::Hierarchy;
        let mut doc = organigramme::doc::Document::new(organigramme::generate::generate(250, seed), None);
        let options = ChartOptions { missions: MissionsMode::None, ..Default::default() };
        let mut cache = scene::Cache::default();
        let _ = scene::build_with(doc.org(), doc.hierarchy(), &options, &mut cache);
        for (step, c) in changes.iter().enumerate() {
            let n = doc.org().units.len();
            let edit = match *c {
                Change::Rename(i, len) => {
                    let mut u = doc.org().units[i % n].clone();
                    u.name = "Bureau des affaires ".repeat(len).chars().take(len * 3).collect();
                    Some(Edit::Set(i % n, Element::Unit(Box::new(u))))
                }
                Change::Pin(i, x, y) => Some(ops::move_unit(doc.org(), doc.hierarchy(), i % n, (0.0, 0.0), (x, y))),
                Change::Reparent(i, p) => ops::reparent(doc.org(), doc.hierarchy(), i % n, p % n).ok(),
                Change::Add(i) => Some(ops::add_unit(doc.org(), doc.hierarchy(), Some(i % n), "Unité ajoutée").0),
                Change::Delete(i) => Some(ops::delete_unit(doc.org(), doc.hierarchy(), i % n, ops::Children::AttachToParent)),
            };
            if let Some(edit) = edit {
                doc.apply(edit, "pas", None).unwrap();
            }
            let cached = scene::build_with(doc.org(), doc.hierarchy(), &options, &mut cache);
            let fresh = scene::build(doc.org(), &options);
            prop_assert!(doc.hierarchy() == &Hierarchy::of(doc.org()));
            prop_assert_eq!(cached.items.len(), fresh.items.len(), "step {}", step);
            for (a, b) in cached.connectors.iter().zip(&fresh.connectors) {
                prop_assert_eq!(&a.points, &b.points, "step {} ({:?}): {:?}", step, c, a.link);
            }
            prop_assert!(cached == fresh, "step {} ({:?})", step, c);
        }
    }
}

/// A large SVG goes to its file in pieces as it is made, never whole in memory, and the pieces
/// make the same document as the whole.
#[test]
fn a_large_svg_is_written_out_in_pieces() {
    struct Pieces {
        bytes: Vec<u8>,
        largest: usize,
    }
    impl std::io::Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.largest = self.largest.max(buf.len());
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let org = organigramme::generate::generate(2_000, 3);
    let scene = scene::build(&org, &ChartOptions::default());
    let options = svg::SvgOptions::default();
    let mut out = Pieces {
        bytes: Vec::new(),
        largest: 0,
    };
    svg::write_to(&scene, &org, &options, &mut out).unwrap();
    let whole = svg::write(&scene, &org, &options);
    assert!(
        out.bytes == whole.as_bytes(),
        "the pieces differ from the whole"
    );
    assert!(
        whole.len() > 2_000_000,
        "{} bytes: too small a test",
        whole.len()
    );
    assert!(out.largest < 256 * 1024, "a piece of {} bytes", out.largest);
}
