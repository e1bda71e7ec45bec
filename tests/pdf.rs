//! PDF export: one page of the paper's size, vector, its text extractable as text (read back
//! here through the fonts' ToUnicode maps, as a PDF reader's search does), the same bytes
//! from the command line and the window's dialog.
//!
//! Its streams are read as pdf-writer writes them: each object's dictionary one entry a line.

use organigramme::export::pdf::Pages;
use organigramme::export::png::Paper;
use organigramme::export::request::{ExportRequest, Format, PngSize};
use organigramme::model::Organisation;
use organigramme::scene::{self, ChartOptions, MissionsMode};
use std::collections::HashMap;
use std::path::Path;

fn sample(name: &str) -> Organisation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_orgs")
        .join(name);
    organigramme::format::load_path(&path).unwrap().organisation
}

fn request(paper: Option<(Paper, bool)>) -> ExportRequest {
    ExportRequest {
        format: Format::Pdf,
        chart: ChartOptions::default(),
        png: PngSize {
            paper,
            ..Default::default()
        },
        transparent: false,
        embed_fonts: true,
        pages: Pages::One,
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The objects of a PDF as pdf-writer writes them: number → (dictionary, inflated stream).
fn objects(pdf: &[u8]) -> HashMap<u32, (String, Vec<u8>)> {
    let mut out = HashMap::new();
    let mut at = 0;
    while let Some(i) = find(&pdf[at..], b" 0 obj\n") {
        let start = at + i;
        let line = pdf[..start].iter().rposition(|&b| b == b'\n').unwrap() + 1;
        let id: u32 = std::str::from_utf8(&pdf[line..start])
            .unwrap()
            .parse()
            .unwrap();
        let body = start + 7;
        let end = body + find(&pdf[body..], b"\nendobj").unwrap();
        let stream_at = find(&pdf[body..end], b"\nstream\n").map(|s| body + s);
        let (dict, stream, next) = match stream_at {
            // Streams are skipped by their length: their bytes may hold anything.
            Some(s) => {
                let dict = String::from_utf8_lossy(&pdf[body..s]).into_owned();
                let length = dict.split("/Length ").nth(1).unwrap();
                let len: usize = length.lines().next().unwrap().parse().unwrap();
                let data = &pdf[s + 8..s + 8 + len];
                let data = if dict.contains("/FlateDecode") {
                    miniz_oxide::inflate::decompress_to_vec_zlib(data).unwrap()
                } else {
                    data.to_vec()
                };
                (dict, data, s + 8 + len)
            }
            None => (
                String::from_utf8_lossy(&pdf[body..end]).into_owned(),
                Vec::new(),
                end,
            ),
        };
        out.insert(id, (dict, stream));
        at = next;
    }
    out
}

/// The object a dictionary's `key` refers to (`/Key N 0 R`).
fn reference(dict: &str, key: &str) -> Option<u32> {
    let rest = &dict[dict.find(&format!("{key} "))? + key.len() + 1..];
    rest.split(' ').next()?.parse().ok()
}

/// A ToUnicode map: glyph code → text, from its `bfchar` pairs.
fn to_unicode(cmap: &[u8]) -> HashMap<u16, String> {
    let text = String::from_utf8_lossy(cmap);
    let hex = |s: &str| -> Vec<u16> {
        let s = s.trim_matches(|c| c == '<' || c == '>');
        (0..s.len() / 4)
            .map(|i| u16::from_str_radix(&s[i * 4..i * 4 + 4], 16).unwrap())
            .collect()
    };
    text.lines()
        .filter_map(|l| l.split_once("> <"))
        .map(|(code, uni)| {
            let uni = String::from_utf16(&hex(uni)).unwrap();
            (hex(code)[0], uni)
        })
        .collect()
}

/// The bytes of a literal string `(…)` starting at `s[0]`, and where it ends.
fn literal(s: &[u8]) -> (Vec<u8>, usize) {
    // Balanced parentheses inside need no escape.
    let (mut out, mut i, mut depth) = (Vec::new(), 1, 0);
    while s[i] != b')' || depth > 0 {
        match s[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ => {}
        }
        if s[i] == b'\\' {
            i += 1;
            match s[i] {
                b'0'..=b'7' => {
                    let digits = s[i..].iter().take(3).take_while(|b| b.is_ascii_digit());
                    let n = digits.count();
                    let v = std::str::from_utf8(&s[i..i + n]).unwrap();
                    out.push(u8::from_str_radix(v, 8).unwrap());
                    i += n;
                    continue;
                }
                b'n' => out.push(b'\n'),
                b'r' => out.push(b'\r'),
                b't' => out.push(b'\t'),
                b'b' => out.push(8),
                b'f' => out.push(12),
                other => out.push(other),
            }
        } else {
            out.push(s[i]);
        }
        i += 1;
    }
    (out, i + 1)
}

/// The bytes of a hexadecimal string `<…>` starting at `s[0]`, and where it ends.
fn hex_string(s: &[u8]) -> (Vec<u8>, usize) {
    let end = s.iter().position(|&b| b == b'>').unwrap();
    let digits: Vec<u8> = s[1..end]
        .iter()
        .filter(|b| b.is_ascii_hexdigit())
        .copied()
        .collect();
    let bytes = digits
        .chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).unwrap(), 16).unwrap())
        .collect();
    (bytes, end + 1)
}

/// All the text the (first) page shows, in the order it is drawn: what a reader's search
/// looks in.
fn page_text(pdf: &[u8]) -> String {
    page_pieces(pdf)[0].concat()
}

/// The text of each page, in the order of the document, in pieces: one per place the text is
/// set (a line, or a glyph of shaped text).
fn page_pieces(pdf: &[u8]) -> Vec<Vec<String>> {
    let objects = objects(pdf);
    let (tree, _) = objects
        .values()
        .find(|(dict, _)| dict.contains("/Type /Pages\n"))
        .expect("the page tree");
    let kids = tree
        .split("/Kids [")
        .nth(1)
        .unwrap()
        .split(']')
        .next()
        .unwrap();
    let kids: Vec<u32> = kids
        .split(" 0 R")
        .filter_map(|k| k.trim().parse().ok())
        .collect();
    kids.iter()
        .map(|kid| {
            let page = &objects[kid].0;
            assert!(page.contains("/Type /Page\n"), "{page}");
            read_page(&objects, page)
        })
        .collect()
}

fn read_page(objects: &HashMap<u32, (String, Vec<u8>)>, page: &str) -> Vec<String> {
    let content = &objects[&reference(page, "/Contents").unwrap()].1;
    // The page's fonts: its resources' `/Name N 0 R` entries that lead to a font.
    let fonts: HashMap<String, HashMap<u16, String>> = page
        .lines()
        .filter_map(|l| {
            let (name, rest) = l.trim().split_once(' ')?;
            let font = &objects.get(&rest.split(' ').next()?.parse().ok()?)?.0;
            let cmap = &objects[&reference(font, "/ToUnicode")?].1;
            Some((name.to_string(), to_unicode(cmap)))
        })
        .collect();
    assert!(!fonts.is_empty(), "the page's fonts");
    let (mut pieces, mut text, mut font, mut i) = (Vec::new(), String::new(), None, 0);
    while i < content.len() {
        if content[i..].starts_with(b"<<") {
            i += 2;
            continue;
        }
        if content[i..].starts_with(b" Tm\n") && !text.is_empty() {
            pieces.push(std::mem::take(&mut text));
        }
        let string = match content[i] {
            b'(' => Some(literal(&content[i..])),
            b'<' => Some(hex_string(&content[i..])),
            _ => None,
        };
        if let Some((bytes, len)) = string {
            let map = &fonts[font.as_ref().expect("a font before the text")];
            for pair in bytes.chunks(2) {
                if let Some(t) = map.get(&u16::from_be_bytes([pair[0], pair[1]])) {
                    text.push_str(t);
                }
            }
            i += len;
        } else if content[i] == b'/' {
            let end = i + content[i..].iter().position(|&b| b == b' ').unwrap();
            let name = String::from_utf8_lossy(&content[i..end]).into_owned();
            if fonts.contains_key(&name) {
                font = Some(name);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    pieces.push(text);
    pieces
}

fn media_box(pdf: &[u8]) -> [f32; 4] {
    let text = String::from_utf8_lossy(pdf);
    let numbers = text.split("/MediaBox [").nth(1).unwrap().split(']').next();
    let v: Vec<f32> = numbers
        .unwrap()
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    [v[0], v[1], v[2], v[3]]
}

#[test]
fn a_pdf_on_paper_is_one_page_of_the_sheet() {
    let org = sample("sgmas.ron");
    for (paper, w_mm, h_mm) in [
        ((Paper::A4, false), 210.0, 297.0),
        ((Paper::A4, true), 297.0, 210.0),
        ((Paper::A3, true), 420.0, 297.0),
    ] {
        let pdf = request(Some(paper)).render(&org).unwrap().into_bytes();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        assert_eq!(text.matches("/Type /Page\n").count(), 1, "one page");
        assert!(text.contains("/Count 1"));
        let [x, y, w, h] = media_box(&pdf);
        let pt = |mm: f32| mm / 25.4 * 72.0;
        assert_eq!((x, y), (0.0, 0.0));
        assert!(
            (w - pt(w_mm)).abs() < 0.01 && (h - pt(h_mm)).abs() < 0.01,
            "{paper:?}: {w} × {h}"
        );
    }
}

#[test]
fn a_pdf_without_paper_has_the_charts_size() {
    let org = sample("insee-secretariat-general.ron");
    let scene = scene::build(&org, &ChartOptions::default());
    let pdf = request(None).render(&org).unwrap().into_bytes();
    let [_, _, w, h] = media_box(&pdf);
    // A chart unit is a 96 dpi pixel: three quarters of a point.
    assert!(
        (w - scene.width * 0.75).abs() < 0.01,
        "{w} for {}",
        scene.width
    );
    assert!(
        (h - scene.height * 0.75).abs() < 0.01,
        "{h} for {}",
        scene.height
    );
}

/// Every line of every box, found in the text a reader extracts; the fonts embedded as
/// subsets with their character maps.
#[test]
fn every_samples_text_is_in_its_pdf_as_text() {
    for name in [
        "sgmas.ron",
        "insee-secretariat-general.ron",
        "paris-secretariat-general.ron",
        "dgos-strategie-ressources.ron",
    ] {
        let org = sample(name);
        let pdf = request(Some((Paper::A3, true)))
            .render(&org)
            .unwrap()
            .into_bytes();
        let raw = String::from_utf8_lossy(&pdf);
        assert!(raw.contains("/FontFile2") && raw.contains("/ToUnicode"));
        // A subset's name starts with six capitals and a plus sign.
        assert!(raw.contains("+LiberationSans-Bold\n"), "{name}");
        let text = page_text(&pdf);
        let scene = scene::build(&org, &ChartOptions::default());
        let lines = scene.items.iter().flat_map(|i| i.lines.iter());
        let mut checked = 0;
        for line in lines {
            assert!(
                text.contains(&*line.text),
                "{name}: « {} » not found",
                line.text
            );
            checked += 1;
        }
        assert!(checked > 20, "{name}: {checked} lines");
        assert!(text.contains(&org.name), "{name}: the title");
    }
}

/// The same chart gives the same bytes, in one process and from one process to the next.
#[test]
fn a_pdf_is_the_same_bytes_every_time() {
    let org = sample("paris-secretariat-general.ron");
    let first = request(None).render(&org).unwrap().into_bytes();
    for _ in 0..4 {
        assert!(request(None).render(&org).unwrap().into_bytes() == first);
    }
}

/// The window's export dialog asks for the file the command line writes with the same options.
#[test]
fn the_dialog_and_the_command_line_write_the_same_pdf() {
    use organigramme::app::{OrgApp, Settings};
    use organigramme::ui::ExportDialog;
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_orgs/sgmas.ron");
    let dir = std::env::temp_dir().join(format!("organigramme-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("cli.pdf");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .args([
            "export",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args([
            "--paper",
            "a3-landscape",
            "--no-date",
            "--missions",
            "first",
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let cli = std::fs::read(&out).unwrap();

    let org = sample("sgmas.ron");
    let app = OrgApp::new(
        organigramme::doc::Document::new(org.clone(), None),
        Settings::default(),
    );
    let dialog = ExportDialog {
        format: Format::Pdf,
        paper: Some((Paper::A3, true)),
        date: false,
        missions: MissionsMode::First,
        ..ExportDialog::new(&app.chart)
    };
    let request = app.export_request(&dialog);
    let window = request.render(&org).unwrap().into_bytes();
    assert!(window == cli, "{} and {} bytes", window.len(), cli.len());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Arabic and emoji are drawn with the bundled fallback fonts, embedded as subsets, and read
/// back as the text they stand for.
#[test]
fn text_in_the_fallback_fonts_is_embedded_and_read_back() {
    use organigramme::model::{Head, Id, Unit, UnitKind};
    let unit = |id: &str, name: &str, head: &str, parent: Option<&str>| Unit {
        id: Id::new(id),
        name: name.into(),
        kind: UnitKind::Bureau,
        parent: parent.map(Id::new),
        head: Head {
            title: String::new(),
            name: head.into(),
        },
        ..Default::default()
    };
    let org = Organisation {
        name: "Délégation «\u{a0}international\u{a0}»".into(),
        units: vec![
            unit(
                "u",
                "Délégation aux affaires internationales",
                "Leïla Haddad",
                None,
            ),
            unit("ar", "مكتب المغرب العربي", "عبد الله السلام", Some("u")),
            unit("em", "Pôle innovation 💡📊", "Anne Dupont", Some("u")),
        ],
        ..Default::default()
    };
    let pdf = request(None).render(&org).unwrap().into_bytes();
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("+NotoSansArabic-Bold\n"), "the Arabic font");
    assert!(raw.contains("+NotoEmoji-Regular\n"), "the emoji font");
    let text = page_text(&pdf);
    for expected in [
        "Pôle innovation 💡📊",
        "Délégation «\u{a0}international\u{a0}»",
        "Leïla Haddad",
    ] {
        assert!(text.contains(expected), "« {expected} » in {text}");
    }
    // Right-to-left words come in the order they are shown, as readers find them before
    // turning them around: every letter, those the ligature « لا » joins too.
    for word in ["مكتب", "المغرب", "العربي", "عبد", "الله", "السلام"] {
        let shown: String = word.chars().rev().collect();
        assert!(text.contains(&shown), "« {word} » in {text}");
    }
}

fn tiled(paper: Option<(Paper, bool)>, pages: Pages) -> ExportRequest {
    ExportRequest {
        pages,
        ..request(paper)
    }
}

/// Over several pages, every unit's box is on exactly one: each line of the units' boxes is
/// found as many times in the whole document as the chart has it. Each page has its number.
#[test]
fn a_chart_over_several_pages_has_every_unit_on_one_page() {
    let org = organigramme::generate::generate(5_000, 1);
    let request = tiled(Some((Paper::A3, true)), Pages::Count(12));
    let pdf = request.render(&org).unwrap().into_bytes();
    let pages = page_pieces(&pdf);
    let n = pages.len();
    assert!((2..=12).contains(&n), "{n} pages");
    for (k, page) in pages.iter().enumerate() {
        let number = format!("page {} sur {n}", k + 1);
        assert!(page.iter().any(|p| p.ends_with(&number)), "{number}");
    }
    let scene = scene::build(&org, &request.chart);
    let lines_of = |units: bool| {
        let items = scene.items.iter();
        let items = items.filter(move |i| i.owner.is_decoration() != units);
        items.flat_map(|i| i.lines.iter().map(|l| l.text.to_string()))
    };
    let decorations: std::collections::HashSet<String> = lines_of(false).collect();
    let mut expected: HashMap<String, usize> = HashMap::new();
    for line in lines_of(true).filter(|l| !decorations.contains(l)) {
        *expected.entry(line).or_default() += 1;
    }
    let mut found: HashMap<&str, usize> = HashMap::new();
    for piece in pages.iter().flatten() {
        *found.entry(piece.as_str()).or_default() += 1;
    }
    assert!(expected.len() > 100, "{} lines", expected.len());
    for (line, count) in &expected {
        assert_eq!(found.get(line.as_str()), Some(count), "« {line} »");
    }
    // Where lines leave a page for a box on another.
    let text: String = pages.iter().flatten().map(String::as_str).collect();
    assert!(text.contains("suite page "));
}

/// `--pages auto` takes as many pages as the names need to print without the small-print
/// warning, where one sheet would print them too small.
#[test]
fn pages_auto_prints_the_names_large_enough() {
    let org = sample("sgmas.ron");
    let a4 = Some((Paper::A4, true));
    assert!(request(a4).render(&org).unwrap().small_print.is_some());
    let rendered = tiled(a4, Pages::Auto).render(&org).unwrap();
    assert_eq!(rendered.small_print, None);
    let pdf = rendered.into_bytes();
    assert!(page_pieces(&pdf).len() > 1);
    let [_, _, w, h] = media_box(&pdf);
    assert!((w - 297.0 / 25.4 * 72.0).abs() < 0.01 && (h - 210.0 / 25.4 * 72.0).abs() < 0.01);
}

#[test]
fn the_command_line_takes_pages_for_a_pdf_only() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_orgs/sgmas.ron");
    let dir = std::env::temp_dir().join(format!("organigramme-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |out: &str, pages: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .args(["export", file.to_str().unwrap(), "-o"])
            .arg(dir.join(out))
            .args(["--pages", pages])
            .output()
            .unwrap()
    };
    assert!(run("a.pdf", "3").status.success());
    assert!(run("a.pdf", "AUTO").status.success());
    for (out, pages) in [("b.pdf", "0"), ("b.pdf", "deux"), ("b.svg", "2")] {
        let output = run(out, pages);
        assert!(!output.status.success(), "{out} {pages}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains("pages"), "{message}");
        assert!(!dir.join(out).exists());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Where a PDF's names would print too small, the command line says `--pages auto` prints
/// them over several sheets, and that export gives no warning.
#[test]
fn the_small_print_warning_of_a_pdf_offers_several_pages() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_orgs/sgmas.ron");
    let dir = std::env::temp_dir().join(format!("organigramme-small-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |pages: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .args(["export", file.to_str().unwrap(), "-o"])
            .arg(dir.join("a.pdf"))
            .args(["--paper", "a4-landscape"])
            .args(pages)
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    let warning = run(&[]);
    assert!(
        warning.contains("s'imprimeraient") && warning.contains("--pages auto"),
        "{warning}"
    );
    assert_eq!(run(&["--pages", "auto"]), "");
    std::fs::remove_dir_all(&dir).unwrap();
}
