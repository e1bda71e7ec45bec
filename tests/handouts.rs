//! `organigramme present FILE -o DIR`: one PNG per step of the presentation.

use organigramme::model::{Id, Step};
use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn present(file: &Path, out: &Path, more: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .arg("present")
        .arg(file)
        .arg("-o")
        .arg(out)
        .args(more)
        .output()
        .unwrap()
}

/// The images in `dir`, by name, each with its size.
fn images(dir: &Path) -> Vec<(String, (u32, u32))> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(&bytes[1..4], b"PNG");
            let at = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, (at(16), at(20)))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_file_without_a_script_gives_its_levels() {
    let out = scratch("handouts-levels");
    let run = present(Path::new("sample_orgs/sgmas.ron"), &out, &[]);
    assert!(run.status.success(), "{run:?}");
    let names: Vec<_> = images(&out)
        .into_iter()
        .map(|(n, size)| {
            assert_eq!(size, (1920, 1080));
            n
        })
        .collect();
    // The head, then its seven units stacked down a spine: one screen each.
    assert_eq!(names, ["etape-01.png", "etape-02.png"]);
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_script_gives_its_steps_on_paper() {
    let dir = scratch("handouts-script");
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("sample_orgs/sgmas.ron").unwrap();
    let mut org = organigramme::format::load_bytes("sgmas.ron", text.as_bytes())
        .unwrap()
        .organisation;
    org.presentation = vec![
        Step {
            depth: Some(1),
            ..Default::default()
        },
        Step {
            unit: Some(Id::new("sg")),
            depth: Some(2),
            spotlight: Some(Id::new("serv-finances")),
            missions: true,
            title: "Les finances".into(),
        },
    ];
    let file = dir.join("script.ron");
    std::fs::write(&file, organigramme::format::to_string(&org)).unwrap();
    let out = dir.join("out");
    let run = present(&file, &out, &["--paper", "a4-landscape"]);
    assert!(run.status.success(), "{run:?}");
    // A4 landscape at 150 dpi.
    assert_eq!(
        images(&out),
        [
            ("etape-01.png".to_string(), (1754, 1240)),
            ("etape-02.png".to_string(), (1754, 1240))
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_size_is_refused_with_its_reason() {
    let out = scratch("handouts-bad");
    let run = present(
        Path::new("sample_orgs/sgmas.ron"),
        &out,
        &["--size", "1920"],
    );
    assert!(!run.status.success());
    let said = String::from_utf8_lossy(&run.stderr);
    assert!(
        said.contains("--size 1920") && said.contains("1920x1080"),
        "{said}"
    );
    assert!(!out.exists(), "nothing written");
}

/// `-o FILE.pdf`: the same frames as the images, a page each, in one PDF of the screen's
/// shape, or of the paper asked for.
#[test]
fn a_pdf_handout_has_a_page_per_image() {
    let dir = scratch("handouts-pdf");
    let file = Path::new("sample_orgs/paris-secretariat-general.ron");
    assert!(present(file, &dir, &[]).status.success());
    let frames = images(&dir).len();
    let pages = |pdf: &Path| {
        let bytes = std::fs::read(pdf).unwrap();
        let needle = b"/Type /Page";
        (bytes.windows(needle.len() + 1))
            .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
            .count()
    };
    let pdf = dir.with_extension("pdf");
    let run = present(file, &pdf, &[]);
    assert!(run.status.success(), "{run:?}");
    assert_eq!(pages(&pdf), frames);
    let text = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(
        text.contains("/MediaBox [0 0 1440 810]"),
        "the screen's shape"
    );
    let a4 = dir.with_extension("a4.pdf");
    assert!(
        present(file, &a4, &["--paper", "a4-landscape"])
            .status
            .success()
    );
    let text = String::from_utf8_lossy(&std::fs::read(&a4).unwrap()).into_owned();
    assert!(text.contains("/MediaBox [0 0 841.8"), "A4 landscape");
}
