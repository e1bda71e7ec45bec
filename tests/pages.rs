//! PNG pages: a paper size gives the whole sheet with the chart centred inside its margins,
//! the default bitmap is sharp in a slide, and names too small to print are reported.

use organigramme::export::png::{self, Paper, PngOptions, Size};
use organigramme::i18n::Lang;
use organigramme::model::Organisation;
use organigramme::scene::{self, ChartOptions, Scene};

fn samples() -> Vec<(&'static str, Organisation)> {
    organigramme::samples::SAMPLES
        .iter()
        .map(|s| {
            let loaded = organigramme::format::load_bytes(s.file_name, s.text.as_bytes());
            (s.file_name, loaded.unwrap().organisation)
        })
        .collect()
}

const PAPERS: [(Paper, bool, u32, u32); 4] = [
    // Pixels of the sheet at 100 dpi.
    (Paper::A4, false, 827, 1169),
    (Paper::A4, true, 1169, 827),
    (Paper::A3, false, 1169, 1654),
    (Paper::A3, true, 1654, 1169),
];

#[test]
fn a_paper_page_is_the_whole_sheet_with_the_chart_centred_inside_its_margins() {
    let margin = 10.0 / 25.4 * 100.0;
    for (name, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        for (paper, landscape, w, h) in PAPERS {
            let size = Size::Paper {
                paper,
                landscape,
                dpi: 100.0,
            };
            let page = png::page(&scene, size).unwrap();
            let what = format!("{name} {paper:?} landscape {landscape}");
            assert_eq!((page.width, page.height), (w, h), "{what}");
            let (left, top) = page.offset;
            let right = w as f32 - left - scene.width * page.scale;
            let bottom = h as f32 - top - scene.height * page.scale;
            for side in [left, top, right, bottom] {
                assert!(side >= margin - 1.0, "{what}: {side} px from the edge");
            }
            assert!((left - right).abs() <= 1.0, "{what}: {left} | {right}");
            assert!((top - bottom).abs() <= 1.0, "{what}: {top} | {bottom}");
            // Fitted: the chart reaches the margins on one axis.
            assert!(left.min(top) <= margin + 1.0, "{what}: {left}, {top}");
        }
    }
}

fn decode(bytes: &[u8]) -> (u32, u32, u32, Vec<u8>) {
    let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let (w, h) = (reader.info().width, reader.info().height);
    let ppu = reader.info().pixel_dims.expect("the DPI is written").xppu;
    let mut buf = vec![0; reader.output_buffer_size()];
    reader.next_frame(&mut buf).unwrap();
    (w, h, ppu, buf)
}

#[test]
fn a_landscape_png_fills_its_sheet_with_the_background() {
    let (_, org) = samples().remove(0);
    let scene = scene::build(&org, &ChartOptions::default());
    let bg = scene.background.unwrap();
    for transparent in [false, true] {
        let options = PngOptions {
            size: Size::Paper {
                paper: Paper::A4,
                landscape: true,
                dpi: 60.0,
            },
            transparent,
            dpi: 60.0,
        };
        let (w, h, ppu, pixels) = decode(&png::render(&scene, &options).unwrap());
        assert_eq!((w, h), (702, 496));
        assert_eq!(ppu, (60.0f32 / 0.0254).round() as u32);
        let corner = &pixels[..4];
        if transparent {
            assert_eq!(corner[3], 0);
        } else {
            assert_eq!(corner, [bg.0, bg.1, bg.2, 255]);
        }
    }
}

#[test]
fn the_default_png_has_two_pixels_a_point_and_says_so_in_its_dpi() {
    for (_, org) in samples() {
        let scene = scene::build(&org, &ChartOptions::default());
        assert_eq!(png::default_scale(&scene), 2.0);
    }
    // A chart too large for two pixels a unit keeps the old default rather than failing.
    let big = Scene {
        width: 12_800.0,
        height: 9_200.0,
        ..Default::default()
    };
    let s = png::default_scale(&big);
    assert!((1.0..2.0).contains(&s), "{s}");
    assert!(png::page(&big, Size::Scale(s)).is_ok());
    let huge = Scene {
        width: 40_000.0,
        height: 1_000.0,
        ..Default::default()
    };
    let err = png::page(&huge, Size::Scale(png::default_scale(&huge))).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("--root") && text.contains("SVG"), "{text}");
}

#[test]
fn names_too_small_to_print_are_reported() {
    let org = organigramme::generate::generate(1000, 1);
    let scene = scene::build(
        &org,
        &ChartOptions {
            missions: scene::MissionsMode::None,
            ..Default::default()
        },
    );
    let a4 = PngOptions {
        size: Size::Paper {
            paper: Paper::A4,
            landscape: true,
            dpi: 150.0,
        },
        transparent: false,
        dpi: 150.0,
    };
    let pt = png::smallest_name_pt(&scene, png::page(&scene, a4.size).unwrap().scale, 150.0);
    assert!(pt.unwrap() < 2.0, "{pt:?}");
    let small = png::small_print(&scene, &a4).expect("names too small to print");
    assert_eq!(Some(small), pt);
    let fr = png::small_print_warning(small, Lang::Fr);
    assert!(
        fr.starts_with("attention : les noms les plus petits s'imprimeraient à ")
            && fr.contains(",")
            && fr.contains("--depth")
            && fr.contains("--root")
            && fr.contains("SVG"),
        "{fr}"
    );
    let en = png::small_print_warning(small, Lang::En);
    assert!(
        en.starts_with("warning: the smallest names would print at "),
        "{en}"
    );
    // A small chart at its default size prints its names large enough.
    let (_, small) = samples().remove(0);
    let scene = scene::build(&small, &ChartOptions::default());
    assert_eq!(png::small_print(&scene, &PngOptions::default()), None);
}

#[test]
fn the_export_command_warns_of_small_names_and_still_succeeds() {
    let dir = std::env::temp_dir().join(format!("organigramme-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.ron");
    let org = organigramme::generate::generate(300, 1);
    std::fs::write(&file, organigramme::format::to_string(&org)).unwrap();
    let out = dir.join("big.png");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .arg("export")
        .arg(&file)
        .arg("-o")
        .arg(&out)
        .args(["--paper", "a4-landscape", "--dpi", "40"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    assert!(
        stderr.contains("attention : les noms les plus petits s'imprimeraient à"),
        "{stderr}"
    );
    let (w, h, ..) = decode(&std::fs::read(&out).unwrap());
    assert_eq!((w, h), (468, 331));
    // Without a size: two pixels a unit, and the resolution that prints it at its size.
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_orgs/insee-secretariat-general.ron"
    );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .args(["export", sample, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success() && run.stderr.is_empty());
    let (w, _, ppu, _) = decode(&std::fs::read(&out).unwrap());
    assert_eq!(ppu, (192.0f32 / 0.0254).round() as u32);
    assert!(w > 1200, "{w} px");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bitmap_refused_is_explained_in_the_language_asked() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_orgs/sgmas.ron");
    let out = std::env::temp_dir().join(format!("organigramme-refused-{}.png", std::process::id()));
    let run = |args: &[&str]| {
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .args(["export", sample, "-o"])
            .arg(&out)
            .args(args)
            .output()
            .unwrap();
        assert!(!run.status.success());
        String::from_utf8_lossy(&run.stderr).into_owned()
    };
    assert!(run(&["--scale", "0"]).contains("échelle invalide : 0"));
    assert!(run(&["--scale", "0", "--lang", "en"]).contains("invalid scale: 0"));
    let large = run(&["--scale", "100", "--lang", "en"]);
    assert!(
        large.contains("image too large") && large.contains("--root"),
        "{large}"
    );
    assert!(!out.exists());
}
