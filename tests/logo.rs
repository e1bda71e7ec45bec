//! The organisation's logo: a PNG, JPEG or SVG file beside the structure, drawn at the head of
//! the title block on the canvas and in the SVG, PNG and PDF alike; a logo that cannot be
//! read is a warning naming its path, never a failed export.

use eframe::egui::{self, Key, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use organigramme::app::OrgApp;
use organigramme::export::logo;
use organigramme::export::pdf::{self, PdfOptions};
use organigramme::export::png::{self, PngOptions, Size};
use organigramme::export::svg::{self, SvgOptions};
use organigramme::model::Organisation;
use organigramme::scene::{self, ChartOptions, Logo, Scene};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

mod harness;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-logo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.canonicalize().unwrap()
}

/// A red picture `w` × `h`, its right half half-transparent.
fn png_logo(w: u32, h: u32) -> Vec<u8> {
    let picture = image::RgbaImage::from_fn(w, h, |x, _| {
        image::Rgba([255, 0, 0, if x < w / 2 { 255 } else { 128 }])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    picture.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

fn jpeg_logo(w: u32, h: u32) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(w, h, image::Rgb([0, 0, 145]));
    let mut out = std::io::Cursor::new(Vec::new());
    picture
        .write_to(&mut out, image::ImageFormat::Jpeg)
        .unwrap();
    out.into_inner()
}

const SVG_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60">
<rect width="60" height="60" fill="#000091"/><rect x="60" width="60" height="60" fill="#e1000f"/>
</svg>"##;

fn sample() -> Organisation {
    let text = std::fs::read_to_string("sample_orgs/sgmas.ron").unwrap();
    organigramme::format::load_bytes("sgmas.ron", text.as_bytes())
        .unwrap()
        .organisation
}

/// The SGMAS sample written in `dir`, naming `logo`.
fn structure(dir: &Path, logo: &str) -> PathBuf {
    let mut org = sample();
    org.logo = logo.to_string();
    let path = dir.join("sgmas.ron");
    std::fs::write(&path, organigramme::format::to_string(&org)).unwrap();
    path
}

fn chart(logo: Option<Arc<Logo>>) -> (Organisation, Scene) {
    let org = sample();
    let scene = scene::build(
        &org,
        &ChartOptions {
            logo,
            ..Default::default()
        },
    );
    (org, scene)
}

fn read(dir: &Path, name: &str, bytes: &[u8]) -> Arc<Logo> {
    std::fs::write(dir.join(name), bytes).unwrap();
    let ron = dir.join("sgmas.ron");
    match logo::for_structure(name, Some(&ron)) {
        Some(Ok(logo)) => logo,
        other => panic!("{name}: {other:?}"),
    }
}

#[test]
fn png_jpeg_and_svg_logos_are_read_and_placed_before_the_title() {
    let dir = temp_dir("kinds");
    for (name, bytes, media_type, aspect) in [
        ("logo.png", png_logo(300, 100), "image/png", 3.0),
        ("logo.jpg", jpeg_logo(100, 100), "image/jpeg", 1.0),
        (
            "logo.svg",
            SVG_LOGO.as_bytes().to_vec(),
            "image/svg+xml",
            2.0,
        ),
    ] {
        let logo = read(&dir, name, &bytes);
        assert_eq!(logo.media_type, media_type);
        assert_eq!(&*logo.source, &bytes[..], "{name}: the file as it is");
        assert_eq!(logo.rgba.len(), (logo.width * logo.height * 4) as usize);
        let (_, without) = chart(None);
        let (_, scene) = chart(Some(logo));
        let placed = scene.logo.as_ref().expect("placed");
        let r = placed.rect;
        assert!((r.w / r.h - aspect).abs() < 0.02, "{name}: {r:?}");
        assert_eq!((r.x, r.y), (scene::MARGIN, scene::MARGIN), "{name}");
        assert_eq!(scene.items[placed.item].rect, r, "its place is kept");
        // The title's text moves right of it; the boxes stay below it.
        let title = &scene.items[0];
        assert_eq!(
            title.lines[0].text.as_ref(),
            without.items[0].lines[0].text.as_ref()
        );
        assert!(title.rect.x >= r.x + r.w + 10.0, "{name}: {:?}", title.rect);
        for (i, item) in scene.items.iter().enumerate() {
            let overlaps = item.rect.x < r.x + r.w
                && r.x < item.rect.x + item.rect.w
                && item.rect.y < r.y + r.h
                && r.y < item.rect.y + item.rect.h;
            assert!(
                i == placed.item || !overlaps,
                "{name}: item {i} under the logo"
            );
        }
    }
}

#[test]
fn the_svg_embeds_the_logo_file_as_it_is() {
    use base64::Engine as _;
    let dir = temp_dir("svg");
    for (name, bytes, media_type) in [
        ("logo.svg", SVG_LOGO.as_bytes().to_vec(), "image/svg+xml"),
        ("logo.jpg", jpeg_logo(40, 20), "image/jpeg"),
    ] {
        let (org, scene) = chart(Some(read(&dir, name, &bytes)));
        let text = svg::write(&scene, &org, &SvgOptions::default());
        let start = format!("xlink:href=\"data:{media_type};base64,");
        let at = text.find(&start).expect("an image") + start.len();
        let end = at + text[at..].find('"').unwrap();
        let embedded = base64::engine::general_purpose::STANDARD
            .decode(&text[at..end])
            .unwrap();
        assert_eq!(embedded, bytes, "{name}");
        assert!(roxmltree::Document::parse(&text).is_ok(), "well-formed");
    }
    let (org, scene) = chart(None);
    assert!(!svg::write(&scene, &org, &SvgOptions::default()).contains("<image"));
}

#[test]
fn the_png_shows_the_logo_where_the_scene_puts_it() {
    let dir = temp_dir("png");
    let logo = read(&dir, "logo.png", &png_logo(90, 60));
    let options = PngOptions {
        size: Size::Scale(2.0),
        ..Default::default()
    };
    let pixel_at = |scene: &Scene, (x, y): (f32, f32)| {
        let bytes = png::render(scene, &options).unwrap();
        let picture = image::load_from_memory(&bytes).unwrap().into_rgba8();
        picture.get_pixel((x * 2.0) as u32, (y * 2.0) as u32).0
    };
    let (_, scene) = chart(Some(logo));
    let r = scene.logo.as_ref().unwrap().rect;
    // The opaque half is red; the half-transparent half is pink over the white page.
    let opaque = (r.x + r.w * 0.25, r.y + r.h / 2.0);
    let see_through = (r.x + r.w * 0.75, r.y + r.h / 2.0);
    assert_eq!(pixel_at(&scene, opaque), [255, 0, 0, 255]);
    let [red, green, blue, alpha] = pixel_at(&scene, see_through);
    assert!(red == 255 && (100..160).contains(&green) && green == blue && alpha == 255);
    let (_, without) = chart(None);
    assert_eq!(pixel_at(&without, opaque), [255, 255, 255, 255]);
}

#[test]
fn the_pdf_draws_the_logo_as_an_image_with_its_transparency() {
    let dir = temp_dir("pdf");
    let count = |bytes: &[u8], what: &str| {
        bytes
            .windows(what.len())
            .filter(|w| *w == what.as_bytes())
            .count()
    };
    let options = PdfOptions {
        paper: None,
        transparent: false,
        lang: organigramme::i18n::Lang::Fr,
        pages: pdf::Pages::One,
    };
    for (name, bytes, images) in [
        // A transparent logo: its colours and its alpha as a soft mask.
        ("logo.png", png_logo(30, 20), 2),
        ("logo.jpg", jpeg_logo(30, 20), 1),
    ] {
        let (org, scene) = chart(Some(read(&dir, name, &bytes)));
        let out = pdf::render(&scene, &org, &options).unwrap();
        assert_eq!(count(&out, "/Subtype /Image"), images, "{name}");
        assert_eq!(count(&out, "/SMask"), images - 1, "{name}");
        assert_eq!(
            count(&out, "/Logo"),
            1,
            "{name}: named in the page's resources"
        );
    }
    let (org, scene) = chart(None);
    let out = pdf::render(&scene, &org, &options).unwrap();
    assert_eq!(count(&out, "/Subtype /Image"), 0);
}

/// A hand-made PNG header announcing a picture of `w` × `h`, with nothing after it.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    fn crc(bytes: &[u8]) -> u32 {
        let mut c = !0u32;
        for &b in bytes {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }
    let mut chunk = b"IHDR".to_vec();
    chunk.extend(w.to_be_bytes());
    chunk.extend(h.to_be_bytes());
    chunk.extend([8, 6, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(13u32.to_be_bytes());
    out.extend(&chunk);
    out.extend(crc(&chunk).to_be_bytes());
    out
}

fn svg_bomb() -> Vec<u8> {
    let mut svg = String::from(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><rect id="l0" width="1" height="1"/>"#,
    );
    for level in 1..=10 {
        let uses = format!("<use xlink:href=\"#l{}\"/>", level - 1).repeat(10);
        svg += &format!("<g id=\"l{level}\">{uses}</g>");
    }
    svg += "</defs><use xlink:href=\"#l10\"/></svg>";
    svg.into_bytes()
}

fn run(args: &[&str], cwd: &Path) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (out.status.success(), text(out.stdout), text(out.stderr))
}

#[test]
fn a_logo_that_cannot_be_read_is_a_warning_and_every_export_goes_on() {
    let dir = temp_dir("bad");
    let mut truncated = png_logo(40, 40);
    truncated.truncate(truncated.len() / 2);
    std::fs::create_dir_all(dir.join("dossier.png")).unwrap();
    for (name, bytes, why) in [
        ("absent.png", None, "introuvable"),
        (
            "texte.png",
            Some(b"pas une image".to_vec()),
            "ni un PNG, ni un JPEG",
        ),
        ("coupe.png", Some(truncated), "image illisible"),
        (
            "geant.png",
            Some(png_header(100_000, 100_000)),
            "image illisible",
        ),
        ("casse.svg", Some(b"<svg><rect".to_vec()), "SVG illisible"),
        // Ten levels of ten `<use>` each: 10¹⁰ rectangles once expanded.
        ("bombe.svg", Some(svg_bomb()), "SVG illisible"),
        ("dossier.png", None, "dossier"),
    ] {
        if let Some(bytes) = bytes {
            std::fs::write(dir.join(name), bytes).unwrap();
        }
        let ron = structure(&dir, name);
        let said = match logo::for_structure(name, Some(&ron)) {
            Some(Err(why)) => why.get(organigramme::i18n::Lang::Fr).to_string(),
            other => panic!("{name}: {other:?}"),
        };
        let path = dir.join(name).display().to_string();
        assert!(said.contains(&path) && said.contains(why), "{name}: {said}");
        for out in ["c.svg", "c.png", "c.pdf"] {
            let ron = ron.display().to_string();
            let (ok, _, stderr) = run(&["export", &ron, "-o", out], &dir);
            assert!(ok, "{name} → {out}: {stderr}");
            assert!(
                stderr.contains(&path) && stderr.contains("avertissement"),
                "{stderr}"
            );
            assert!(
                dir.join(out).metadata().unwrap().len() > 1000,
                "{out} written"
            );
        }
        let (ok, stdout, _) = run(&["check", &ron.display().to_string()], &dir);
        assert!(
            ok && stdout.contains(&path) && stdout.contains(why),
            "{name}: {stdout}"
        );
    }
    // A pipe named as the logo is not waited on (opening it would block until a writer came).
    #[cfg(unix)]
    {
        let pipe = dir.join("tube.png");
        assert!(
            Command::new("mkfifo")
                .arg(&pipe)
                .status()
                .unwrap()
                .success()
        );
        match logo::for_structure("tube.png", Some(&dir.join("sgmas.ron"))) {
            Some(Err(why)) => assert!(why.to_string().contains("pas un fichier ordinaire")),
            other => panic!("{other:?}"),
        }
    }
    // A relative path needs the document's folder.
    match logo::for_structure("logo.png", None) {
        Some(Err(why)) => assert!(why.to_string().contains("pas encore enregistré"), "{why}"),
        other => panic!("{other:?}"),
    }
    assert!(logo::for_structure("  ", None).is_none(), "no logo named");
}

#[test]
fn a_relative_logo_is_found_beside_the_structure_wherever_the_command_runs() {
    let dir = temp_dir("relative");
    std::fs::create_dir_all(dir.join("images")).unwrap();
    std::fs::write(dir.join("images/marque.svg"), SVG_LOGO).unwrap();
    let ron = structure(&dir, "images/marque.svg");
    let elsewhere = temp_dir("elsewhere");
    let (ron, out) = (ron.display().to_string(), dir.join("c.svg"));
    let (ok, _, stderr) = run(
        &["export", &ron, "-o", &out.display().to_string()],
        &elsewhere,
    );
    assert!(ok && stderr.is_empty(), "{stderr}");
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("data:image/svg+xml")
    );
    // A picture chosen in the window is named as the structure should name it.
    let file = Some(Path::new(&ron));
    assert_eq!(
        logo::named(&dir.join("images/marque.svg"), file),
        "images/marque.svg"
    );
    // A document named relative to the working directory, as on the command line.
    let cwd = std::env::current_dir().unwrap();
    let beside = cwd.join("exemples/images/marque.svg");
    let relative = Some(Path::new("exemples/sgmas.ron"));
    assert_eq!(logo::named(&beside, relative), "images/marque.svg");
    // A folder reached through a link (as macOS's /var is /private/var): still beside it.
    #[cfg(unix)]
    {
        let link = elsewhere.join("lien");
        std::os::unix::fs::symlink(&dir, &link).unwrap();
        let through = Some(link.join("sgmas.ron"));
        let picked = dir.join("images/marque.svg");
        assert_eq!(
            logo::named(&picked, through.as_deref()),
            "images/marque.svg"
        );
    }
    let outside = elsewhere.join("x.png");
    assert_eq!(logo::named(&outside, file), outside.display().to_string());
}

/// The window on `ron`, read as « Ouvrir » reads it.
fn window(dir: &Path, ron: &Path) -> Harness<'static, OrgApp> {
    let mut h = harness::app_in(dir);
    let ctx = h.ctx.clone();
    h.state_mut().start_open(ron, &ctx);
    h.state_mut().wait_for_open();
    h.run_steps(4);
    h
}

#[test]
fn the_window_draws_the_logo_and_says_when_the_one_named_is_missing() {
    let dir = temp_dir("window");
    std::fs::write(dir.join("logo.png"), png_logo(60, 60)).unwrap();
    let ron = structure(&dir, "logo.png");
    let mut h = window(&dir, &ron);
    let placed = h.state().scene().logo.clone().expect("drawn");
    assert_eq!(placed.logo.path, dir.join("logo.png"));
    // Another name typed in the organisation's « Logo » field: one that is not there.
    let field = harness::text_field(&h, "logo.png");
    field.focus();
    h.run_steps(1);
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    harness::text_field(&h, "logo.png").type_text("absent.png");
    h.run_steps(1);
    assert_eq!(h.state().doc.org().logo, "absent.png");
    // Read on a thread; the logo shown stays until then.
    harness::wait_for(&mut h, "the logo named read", |h| {
        h.state().scene().logo.is_none()
    });
    h.run_steps(2);
    let missing = dir.join("absent.png").display().to_string();
    let saying = |h: &Harness<'static, OrgApp>, what: &str| {
        h.query_all_by_role(Role::Label)
            .filter(|n| n.value().is_some_and(|v| v.contains(what)))
            .count()
    };
    assert_eq!(
        saying(&h, &missing),
        1,
        "the inspector says which file is missing"
    );
    // A name typed on from one that was not found leaves no complaint behind.
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    harness::text_field(&h, "absent.png").type_text("logo.png");
    harness::wait_for(&mut h, "the logo read", |h| {
        h.state().scene().logo.is_some()
    });
    h.run_steps(2);
    assert_eq!(
        saying(&h, "introuvable"),
        0,
        "nothing says a logo is missing any more"
    );
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[Key::A]);
    harness::text_field(&h, "logo.png").type_text("absent.png");
    harness::wait_for(&mut h, "the logo named read", |h| {
        h.state().scene().logo.is_none()
    });
    h.key_press(Key::Escape);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run_steps(1);
    assert_eq!(h.state().doc.org().logo, "logo.png", "one undo step");
    harness::wait_for(&mut h, "the logo drawn again", |h| {
        h.state().scene().logo.is_some()
    });
}

#[test]
fn choisir_takes_a_picture_from_the_chooser_and_names_it_beside_the_document() {
    let dir = temp_dir("choose");
    std::fs::write(dir.join("marque.svg"), SVG_LOGO).unwrap();
    let ron = structure(&dir, "");
    let mut h = window(&dir, &ron);
    assert!(h.state().scene().logo.is_none());
    h.get_by_label("Choisir le logo…").click();
    h.run_steps(3);
    assert!(h.state().chooser.is_open());
    harness::wait_for(&mut h, "the picture", |h| {
        h.query_by_label_contains("marque.svg").is_some()
    });
    h.get_by_label_contains("marque.svg").click();
    h.run_steps(2);
    h.get_by_label("🗀  Ouvrir").click();
    h.run_steps(2);
    assert_eq!(h.state().doc.org().logo, "marque.svg");
    harness::wait_for(&mut h, "the logo drawn", |h| {
        h.state().scene().logo.is_some()
    });
    assert!(h.state().doc.is_dirty());
}

#[test]
fn saving_under_another_folder_keeps_the_logo_shown() {
    let dir = temp_dir("save-as");
    std::fs::write(dir.join("logo.png"), png_logo(20, 20)).unwrap();
    let ron = structure(&dir, "logo.png");
    let mut h = window(&dir, &ron);
    let ctx = h.ctx.clone();
    // A save that fails (no such folder) leaves the logo named as it was.
    let nowhere = dir.join("pas-de-dossier").join("copie.ron");
    organigramme::app::files::save_to(h.state_mut(), &nowhere, &ctx);
    h.run_steps(2);
    assert!(h.state().dialog.is_some(), "the failure is said");
    assert_eq!(h.state().doc.org().logo, "logo.png");
    h.state_mut().dialog = None;
    let elsewhere = temp_dir("save-as-elsewhere").join("copie.ron");
    organigramme::app::files::save_to(h.state_mut(), &elsewhere, &ctx);
    h.run_steps(3);
    let picture = dir.join("logo.png").display().to_string();
    assert_eq!(h.state().doc.org().logo, picture);
    let saved = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(saved.contains(&format!("logo: \"{picture}\"")), "{saved}");
    assert!(h.state().scene().logo.is_some(), "still drawn");
    // Saved beside its picture again, the path is relative again.
    organigramme::app::files::save_to(h.state_mut(), &dir.join("retour.ron"), &ctx);
    assert_eq!(h.state().doc.org().logo, "logo.png");
}

/// Versions compare and merge on the logo as on any field of the organisation.
#[test]
fn a_new_logo_is_a_change_a_comparison_reports_and_a_merge_keeps() {
    use organigramme::diff::{self, Field, Options};
    let base = sample();
    let mut ours = base.clone();
    ours.logo = "logo.svg".into();
    let changes = diff::diff(&base, &ours, Options::default());
    assert!(changes.organisation.iter().any(|c| c.field == Field::Logo));
    let mut theirs = base.clone();
    theirs.name = "Secrétariat général renommé".into();
    let merged = organigramme::merge::merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.organisation.logo, "logo.svg");
    assert_eq!(merged.organisation.name, theirs.name);
    // Both sides changed it: a conflict that « Prendre la leur » settles.
    theirs.logo = "autre.png".into();
    let merged = organigramme::merge::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let mut doc = organigramme::doc::Document::new(merged.organisation.clone(), None);
    let conflict = &merged.conflicts[0];
    assert!(organigramme::merge::can_take_theirs(conflict));
    for edit in organigramme::merge::settle(doc.org(), conflict, true).unwrap() {
        doc.apply(edit, "Prendre la leur", None).unwrap();
    }
    assert_eq!(doc.org().logo, "autre.png");
}

/// A logo is drawn from itself alone: a file it names on this machine is not read into it.
#[test]
fn an_svg_logo_does_not_read_the_files_it_names() {
    let dir = temp_dir("href");
    let secret = dir.join("secret.svg");
    std::fs::write(
        &secret,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#,
    )
    .unwrap();
    let logo = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20"><rect width="20" height="20" fill="blue"/><image x="20" width="20" height="20" xlink:href="{}"/></svg>"#,
        secret.display()
    );
    let logo = read(&dir, "logo.svg", logo.as_bytes());
    let pixels: Vec<&[u8]> = logo.rgba.chunks_exact(4).collect();
    assert!(
        pixels.iter().any(|p| p[2] == 255 && p[3] == 255),
        "its own drawing"
    );
    assert!(
        !pixels.iter().any(|p| p[0] > 128),
        "nothing of the file it names"
    );
}

/// The presentation's handouts carry the logo at the head of their title band, as the
/// presentation mode shows it.
#[test]
fn a_presentations_handouts_show_the_logo_in_their_title_band() {
    use organigramme::present::{Screen, handout};
    let dir = temp_dir("present");
    let bytes = png_logo(90, 60);
    let logo = read(&dir, "logo.png", &bytes);
    let ron = structure(&dir, "logo.png").display().to_string();
    let out = dir.join("etapes");
    let (ok, _, stderr) = run(&["present", &ron, "-o", &out.display().to_string()], &dir);
    assert!(ok && stderr.is_empty(), "{stderr}");
    let screen = Screen::PROJECTOR;
    let band = scene::Rect {
        x: 0.0,
        y: 0.0,
        w: screen.width,
        h: screen.title_height(),
    };
    let r = handout::logo_place(&logo, band);
    let first = image::open(out.join("etape-01.png")).unwrap().into_rgba8();
    let (x, y) = (r.x + r.w * 0.25, r.y + r.h / 2.0);
    assert_eq!(first.get_pixel(x as u32, y as u32).0, [255, 0, 0, 255]);
    let pdf = dir.join("etapes.pdf").display().to_string();
    let (ok, _, stderr) = run(&["present", &ron, "-o", &pdf], &dir);
    assert!(ok, "{stderr}");
    let bytes = std::fs::read(&pdf).unwrap();
    let images = bytes
        .windows(15)
        .filter(|w| w == b"/Subtype /Image")
        .count();
    assert_eq!(images, 2, "the logo and its mask, once for every page");
}
