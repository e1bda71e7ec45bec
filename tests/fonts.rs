//! Text in the scripts Liberation Sans lacks: the PNG draws it with the bundled fallback fonts
//! (not as empty boxes), and its boxes are measured with those fonts. The SVG carries the
//! subsets of the fonts it uses, and draws with them alone.

use base64::Engine;
use organigramme::export::{png, svg};
use organigramme::model::{Head, Id, Organisation, Unit, UnitKind};
use organigramme::scene::{self, ChartOptions, Owner, Scene};
use organigramme::text;

fn one_unit(name: &str, head: &str) -> Organisation {
    Organisation {
        name: "Test".into(),
        units: vec![Unit {
            id: Id::new("u"),
            name: name.into(),
            kind: UnitKind::Bureau,
            head: Head {
                title: String::new(),
                name: head.into(),
            },
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn chart(org: &Organisation) -> Scene {
    scene::build(org, &ChartOptions::default())
}

/// The dark pixels of the unit's name line in the PNG at two pixels per unit, cut to their
/// bounding box: (width, height, mask row by row).
fn name_ink(name: &str) -> (usize, usize, Vec<bool>) {
    const SCALE: f32 = 2.0;
    let org = one_unit(name, "");
    let scene = chart(&org);
    let item = scene
        .items
        .iter()
        .find(|i| i.owner == Owner::Unit(0))
        .expect("the unit's box");
    let line = item
        .lines
        .iter()
        .find(|l| &*l.text == name)
        .expect("the name on one line");
    let options = png::PngOptions {
        size: png::Size::Scale(SCALE),
        ..Default::default()
    };
    let bytes = png::render(&scene, &options).unwrap();
    let mut reader = ::png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .unwrap();
    let mut rgba = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut rgba).unwrap();
    let width = info.width as usize;
    // The band of the name's line across the whole box.
    let px = |v: f32| (v * SCALE).round() as usize;
    let top = px(item.rect.y + line.y - line.style.size);
    let bottom = px(item.rect.y + line.y + line.style.size * 0.3);
    let (left, right) = (px(item.rect.x + 2.0), px(item.rect.right() - 2.0));
    let dark = |x: usize, y: usize| {
        let p = &rgba[(y * width + x) * 4..][..3];
        u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 110
    };
    let inked: Vec<(usize, usize)> = (top..bottom)
        .flat_map(|y| (left..right).map(move |x| (x, y)))
        .filter(|&(x, y)| dark(x, y))
        .collect();
    assert!(!inked.is_empty(), "« {name} » left no ink in its box");
    let x0 = inked.iter().map(|p| p.0).min().unwrap();
    let x1 = inked.iter().map(|p| p.0).max().unwrap();
    let y0 = inked.iter().map(|p| p.1).min().unwrap();
    let y1 = inked.iter().map(|p| p.1).max().unwrap();
    let mask = (y0..=y1)
        .flat_map(|y| (x0..=x1).map(move |x| (x, y)))
        .map(|(x, y)| dark(x, y))
        .collect();
    (x1 - x0 + 1, y1 - y0 + 1, mask)
}

/// `name` is drawn, and not as the empty boxes of as many characters no font has (Thai).
fn assert_not_empty_boxes(name: &str) {
    let tofu: String = "กขคงจฉชซ".chars().take(name.chars().count()).collect();
    let drawn = name_ink(name);
    let boxes = name_ink(&tofu);
    let ink = |m: &(usize, usize, Vec<bool>)| m.2.iter().filter(|&&d| d).count();
    assert!(
        drawn.0.abs_diff(boxes.0) > 4 || ink(&drawn).abs_diff(ink(&boxes)) > ink(&boxes) / 5,
        "« {name} » is drawn like empty boxes: {}×{} px, {} inked, against {}×{} px, {} inked",
        drawn.0,
        drawn.1,
        ink(&drawn),
        boxes.0,
        boxes.1,
        ink(&boxes)
    );
}

#[test]
fn the_png_draws_an_arabic_name_not_empty_boxes() {
    assert_not_empty_boxes("مكتب");
}

#[test]
fn the_png_draws_emoji_not_empty_boxes() {
    assert_not_empty_boxes("💼📊");
}

#[test]
fn joined_arabic_is_measured_narrower_than_its_letters_apart() {
    let style = text::Style::bold(13.0);
    let word = "المغرب";
    let apart: f32 = word
        .chars()
        .map(|c| text::width(c.encode_utf8(&mut [0; 4]), style))
        .sum();
    let joined = text::width(word, style);
    assert!(
        joined > 0.0 && joined < apart * 0.95,
        "{joined} against {apart}"
    );
    // Each character goes to the first font that has it: the space stays Liberation Sans'.
    let pieces = text::pieces("مكتب المغرب", style);
    let fonts: Vec<text::Font> = pieces.iter().map(|p| p.font).collect();
    use text::Font::{Arabic, Liberation};
    assert_eq!(fonts, [Arabic, Liberation, Arabic]);
    // Right to left: the first word is shown last, at the right.
    assert_eq!(pieces[2].range, 0..8);
    assert!(pieces[0].x < pieces[2].x);
}

/// The boxes of the text resvg draws from the bitmap's SVG with the bundled fonts only.
fn drawn_text(scene: &Scene) -> Vec<resvg::usvg::Rect> {
    let mut options = resvg::usvg::Options::default();
    for font in text::Font::ALL {
        for bold in [false, true] {
            options.fontdb_mut().load_font_data(font.ttf(bold).to_vec());
        }
    }
    let raster = organigramme::export::svg::Raster {
        transparent: false,
        min_text: 0.0,
        lines: true,
        item: &|_| true,
    };
    let svg = organigramme::export::svg::write_for_raster(scene, &raster);
    let tree = resvg::usvg::Tree::from_str(&svg, &options).unwrap();
    fn walk(group: &resvg::usvg::Group, out: &mut Vec<resvg::usvg::Rect>) {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
                resvg::usvg::Node::Group(g) => walk(g, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(tree.root(), &mut out);
    out
}

#[test]
fn text_in_every_script_is_drawn_inside_its_box() {
    let names = [
        "مكتب المغرب العربي للتعاون الإداري والمالي",
        "Bureau Maghreb – مكتب الإدارة والمالية (BMO)",
        "משרד הקשר עם ישראל",
        "Γραφείο Ελλάδας και Κύπρου",
        "Отдел международного сотрудничества",
        "Pôle innovation 💡📊 💼 et 🚀",
    ];
    for name in names {
        let org = one_unit(name, "رئيس المكتب : عبد الله");
        let scene = chart(&org);
        let rect = scene
            .items
            .iter()
            .find(|i| i.owner == Owner::Unit(0))
            .unwrap()
            .rect;
        let drawn = drawn_text(&scene);
        let inside: Vec<_> = drawn
            .iter()
            .filter(|b| {
                let (x, y) = (b.x() + b.width() / 2.0, b.y() + b.height() / 2.0);
                x > rect.x && x < rect.right() && y > rect.y && y < rect.y + rect.h
            })
            .collect();
        // The kind, the name's lines and the head's line at least.
        assert!(
            inside.len() >= 3,
            "« {name} »: {} pieces drawn",
            inside.len()
        );
        for b in inside {
            assert!(
                b.x() >= rect.x && b.right() <= rect.right(),
                "« {name} »: text drawn from {} to {}, the box is from {} to {}",
                b.x(),
                b.right(),
                rect.x,
                rect.right()
            );
        }
    }
}

/// The fonts of the SVG's `@font-face` rules: (family, weight, font bytes).
fn embedded(svg: &str) -> Vec<(String, String, Vec<u8>)> {
    svg.split("@font-face{font-family:'")
        .skip(1)
        .map(|rule| {
            let (family, rest) = rule.split_once("';font-weight:").unwrap();
            let (weight, rest) = rest.split_once(";src:url(data:font/ttf;base64,").unwrap();
            let (data, _) = rest.split_once(')').unwrap();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data)
                .unwrap();
            (family.to_string(), weight.to_string(), bytes)
        })
        .collect()
}

fn three_units() -> Organisation {
    let mut org = one_unit("Délégation aux affaires internationales", "Leïla Haddad");
    for (id, name, head) in [
        ("ar", "مكتب المغرب العربي", "عبد الله السلام"),
        ("em", "Pôle innovation 💡📊", "Anne Dupont"),
    ] {
        org.units.push(Unit {
            id: Id::new(id),
            name: name.into(),
            kind: UnitKind::Bureau,
            parent: Some(Id::new("u")),
            head: Head {
                title: String::new(),
                name: head.into(),
            },
            ..Default::default()
        });
    }
    org
}

#[test]
fn the_svg_embeds_the_fonts_it_uses_and_draws_with_them_alone() {
    let org = three_units();
    let scene = chart(&org);
    let text = svg::write(&scene, &org, &svg::SvgOptions::default());
    let fonts = embedded(&text);
    let faces: Vec<(&str, &str)> = fonts
        .iter()
        .map(|(f, w, _)| (f.as_str(), w.as_str()))
        .collect();
    assert_eq!(
        faces,
        [
            ("Liberation Sans", "normal"),
            ("Liberation Sans", "bold"),
            ("Noto Sans Arabic", "normal"),
            ("Noto Sans Arabic", "bold"),
            ("Noto Emoji", "100 900"),
        ]
    );
    // Cut to the characters used: a few glyphs of Liberation Sans' 2,620.
    let regular = ttf_parser::Face::parse(&fonts[0].2, 0).unwrap();
    assert!(
        regular.number_of_glyphs() < 100,
        "{}",
        regular.number_of_glyphs()
    );
    assert!(regular.glyph_index('é').is_some() && regular.glyph_index('Z').is_none());

    // Drawn from nothing but the embedded fonts, every line lies inside its box.
    let mut options = resvg::usvg::Options::default();
    assert_eq!(options.fontdb.len(), 0);
    for (_, _, bytes) in fonts {
        options.fontdb_mut().load_font_data(bytes);
    }
    let tree = resvg::usvg::Tree::from_str(&text, &options).unwrap();
    fn walk(group: &resvg::usvg::Group, out: &mut Vec<resvg::usvg::Rect>) {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Text(t) => out.push(t.abs_bounding_box()),
                resvg::usvg::Node::Group(g) => walk(g, out),
                _ => {}
            }
        }
    }
    let mut drawn = Vec::new();
    walk(tree.root(), &mut drawn);
    for u in 0..org.units.len() {
        let item = scene
            .items
            .iter()
            .find(|i| i.owner == Owner::Unit(u))
            .unwrap();
        let r = item.rect;
        let inside: Vec<_> = drawn
            .iter()
            .filter(|b| {
                let (x, y) = (b.x() + b.width() / 2.0, b.y() + b.height() / 2.0);
                x > r.x && x < r.right() && y > r.y && y < r.y + r.h
            })
            .collect();
        assert_eq!(inside.len(), item.lines.len(), "{}", org.units[u].name);
        for b in inside {
            assert!(
                b.x() >= r.x && b.right() <= r.right(),
                "{}: text from {} to {} in a box from {} to {}",
                org.units[u].name,
                b.x(),
                b.right(),
                r.x,
                r.right()
            );
        }
    }
}

#[test]
fn export_no_embed_font_leaves_the_fonts_out() {
    let dir = std::env::temp_dir().join(format!("organigramme-fonts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("scripts.ron");
    std::fs::write(&file, organigramme::format::to_string(&three_units())).unwrap();
    let export = |extra: &[&str]| {
        let out = dir.join("out.svg");
        let run = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .arg("export")
            .arg(&file)
            .arg("-o")
            .arg(&out)
            .arg("--no-date")
            .args(extra)
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(&out).unwrap()
    };
    let with = export(&[]);
    let without = export(&["--no-embed-font"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(embedded(&with).len(), 5);
    assert!(!without.contains("@font-face"));
    // The same drawing otherwise.
    let start = with.find("<style>").unwrap();
    let end = with.find("</style>\n").unwrap() + "</style>\n".len();
    assert_eq!(format!("{}{}", &with[..start], &with[end..]), without);
}
