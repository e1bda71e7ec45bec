//! The draft decree or arrêté of a structure: its form (visas, « Article 1er », « comprend : »
//! lists, one article per unit, bodies), French typography, and DOCX and ODT packages whose
//! parts are well-formed XML with the expected paragraphs.

use clap::Parser;
use organigramme::format;
use organigramme::legal::{DraftFormat, DraftOptions, Form, draft_bytes};
use organigramme::model::{Body, BodyKind, Id, Mission, Organisation, Unit};
use organigramme::samples::SAMPLES;
use std::io::Read;
use std::process::ExitCode;

const NBSP: char = '\u{a0}';
const NNBSP: char = '\u{202f}';

fn sample(name: &str) -> Organisation {
    let s = SAMPLES.iter().find(|s| s.file_name == name).unwrap();
    format::load_bytes(s.file_name, s.text.as_bytes())
        .unwrap()
        .organisation
}

fn text(org: &Organisation, options: DraftOptions) -> String {
    String::from_utf8(draft_bytes(org, &options, DraftFormat::Text).unwrap()).unwrap()
}

/// Every part of a zip package, by name, in the order stored, with whether it was deflated.
fn parts(bytes: &[u8]) -> Vec<(String, bool, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let deflated = file.compression() != zip::CompressionMethod::Stored;
            let mut content = String::new();
            file.read_to_string(&mut content).unwrap();
            (file.name().unwrap().to_string(), deflated, content)
        })
        .collect()
}

/// The text of each element named `tag` (in any namespace), its descendants' text joined.
fn paragraphs(xml: &str, tag: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    doc.descendants()
        .filter(|n| n.tag_name().name() == tag)
        .map(|n| {
            n.descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect()
        })
        .collect()
}

fn unit(id: &str, name: &str, parent: Option<&str>, missions: &[&str]) -> Unit {
    Unit {
        id: Id::new(id),
        name: name.into(),
        parent: parent.map(Id::new),
        missions: missions
            .iter()
            .map(|m| Mission {
                text: m.to_string(),
                source: None,
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn the_insee_draft_has_the_form_of_a_decree() {
    let t = text(
        &sample("insee-secretariat-general.ron"),
        DraftOptions::default(),
    );
    let lines: Vec<&str> = t.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "Décret n° … du … portant organisation du secrétariat général de l'INSEE"
    );
    assert_eq!(lines[1], "Le Premier ministre,");
    // A text the file names by its kind alone leaves its number and date to fill in.
    assert!(
        lines[2].starts_with("Vu le décret n° … du … (Secrétariat général"),
        "{}",
        lines[2]
    );
    assert!(
        lines[2].ends_with("notamment son article 3,"),
        "the last visa ends with a comma"
    );
    assert_eq!(lines[3], format!("Décrète{NBSP}:"));
    assert_eq!(lines[4], "Article 1er");
    assert_eq!(
        lines[5],
        format!("Le secrétariat général de l'INSEE comprend{NBSP}:")
    );
    assert_eq!(
        lines[6],
        format!("–{NBSP}le département de la programmation et de la gestion, qui comprend{NBSP}:")
    );
    // One indent per level, « ; » between items, « . » after the last.
    assert_eq!(
        lines[7],
        format!("  –{NBSP}le centre de prestations financières de l'INSEE{NNBSP};")
    );
    assert_eq!(
        lines[11],
        format!("–{NBSP}le département de l'organisation et des méthodes de la production.")
    );
    assert_eq!(lines[12], "Article 2");
    // Each unit's missions word for word, in order, in its own article.
    let dept = t
        .find("Le département des ressources humaines propose et applique")
        .unwrap();
    let article = t[..dept].rfind("Article ").unwrap();
    assert!(
        t[article..dept].starts_with("Article 5"),
        "{}",
        &t[article..dept]
    );
    assert!(t.contains(&format!(
        "de l'INSEE{NNBSP}; il élabore le programme triennal"
    )));
    assert!(t.trim_end().ends_with("Fait le …"));
    assert!(t.contains("Le présent décret sera publié au Journal officiel"));
}

#[test]
fn an_arrete_with_an_article_per_unit_lists_sub_units_in_their_own_article() {
    let options = DraftOptions {
        form: Form::Arrete,
        articles_per_unit: true,
    };
    let t = text(&sample("insee-secretariat-general.ron"), options);
    assert!(t.starts_with("Arrêté du … portant organisation"), "{t}");
    assert!(t.contains(&format!("\n\nArrête{NBSP}:\n\n")));
    assert!(t.contains("Le présent arrêté sera publié"));
    assert!(!t.contains("qui comprend"), "no nested list in article 1er");
    assert!(!t.contains("\n  –"), "no indented item");
    let own = format!(
        "Article 3\n\nLe département de la programmation et de la gestion comprend{NBSP}:\n\n\
         –{NBSP}le centre de prestations financières de l'INSEE."
    );
    assert!(t.contains(&own), "{t}");
}

#[test]
fn missions_that_are_not_sentences_are_listed_and_bodies_get_their_chair_and_members() {
    let mut org = Organisation {
        name: "Direction".into(),
        units: vec![
            unit("d", "Direction des achats", None, &[]),
            unit(
                "p",
                "Pôle « marchés »",
                Some("d"),
                &["Rédiger les marchés", "Conseiller; relire"],
            ),
            unit("c", "Cellule budget", Some("d"), &[]),
        ],
        ..Default::default()
    };
    org.bodies.push(Body {
        id: Id::new("cs"),
        name: "Comité de suivi".into(),
        kind: BodyKind::Comite,
        chair: Some(Id::new("d")),
        members: vec![Id::new("p"), Id::new("c")],
        cadence: "mensuelle".into(),
        ..Default::default()
    });
    let t = text(&org, DraftOptions::default());
    let expected = format!(
        "Le pôle «{NBSP}marchés{NBSP}» exerce les missions suivantes{NBSP}:\n\n\
         –{NBSP}Rédiger les marchés{NNBSP};\n–{NBSP}Conseiller{NNBSP}; relire."
    );
    assert!(t.contains(&expected), "{t}");
    assert!(
        t.contains("Le comité de suivi est présidé par la direction des achats."),
        "{t}"
    );
    let members = format!(
        "Le comité de suivi réunit{NBSP}:\n\n–{NBSP}le pôle «{NBSP}marchés{NBSP}»{NNBSP};\n–{NBSP}la cellule budget."
    );
    assert!(t.contains(&members), "{t}");
    assert!(t.contains(&format!("Périodicité{NBSP}: mensuelle.")));
}

#[test]
fn the_docx_is_a_word_package_with_the_drafts_paragraphs() {
    let org = sample("dgos-strategie-ressources.ron");
    let bytes = draft_bytes(&org, &DraftOptions::default(), DraftFormat::Docx).unwrap();
    let parts = parts(&bytes);
    let names: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
    ] {
        assert!(names.contains(&part), "{part} missing from {names:?}");
    }
    for (name, _, xml) in &parts {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let document = &parts.iter().find(|p| p.0 == "word/document.xml").unwrap().2;
    let paragraphs = paragraphs(document, "p");
    assert_eq!(
        paragraphs[0],
        "Décret n° … du … portant organisation du département «\u{a0}stratégie et ressources\u{a0}»"
    );
    assert!(
        paragraphs.contains(&"Article 1er".to_string()),
        "{paragraphs:?}"
    );
    let items: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with('–')).collect();
    // Article 1er's four missions, then the one whose name does not say what it does, in its
    // own article.
    assert_eq!(items.len(), 5, "{items:?}");
    assert!(items[3].ends_with("de la communication."), "{}", items[3]);
    assert!(document.contains(r#"<w:vertAlign w:val="superscript"/></w:rPr><w:t>er</w:t>"#));
    let mission = paragraphs
        .iter()
        .position(|p| p.starts_with("Il conçoit et anime la communication interne"))
        .unwrap();
    assert!(paragraphs[..mission].iter().any(|p| p == "Article 2"));
}

#[test]
fn the_odt_is_an_opendocument_text_with_its_mimetype_stored_first() {
    let org = sample("insee-secretariat-general.ron");
    let bytes = draft_bytes(&org, &DraftOptions::default(), DraftFormat::Odt).unwrap();
    // Readers find the type at a fixed offset: the first entry, stored, named « mimetype ».
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..77], b"application/vnd.oasis.opendocument.text");
    let parts = parts(&bytes);
    assert_eq!(parts[0].0, "mimetype");
    assert!(!parts[0].1, "mimetype is stored uncompressed");
    let names: Vec<&str> = parts.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "mimetype",
            "META-INF/manifest.xml",
            "content.xml",
            "styles.xml"
        ]
    );
    for (name, _, xml) in &parts[1..] {
        roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let content = &parts[2].2;
    let headings = paragraphs(content, "h");
    assert_eq!(headings.len(), 9, "{headings:?}");
    assert_eq!(headings[0], "Article 1er");
    let paragraphs = paragraphs(content, "p");
    let nested = format!("–{NBSP}le centre de prestations financières de l'INSEE{NNBSP};");
    assert!(paragraphs.contains(&nested), "{paragraphs:?}");
    // The nested item takes the second level's indent.
    assert!(content.contains(&format!(r#"<text:p text:style-name="Liste2">{nested}"#)));
    assert!(content.contains(r#"style:name="Liste2""#));
}

#[test]
fn hostile_characters_still_give_well_formed_xml() {
    let org = Organisation {
        name: "X".into(),
        units: vec![
            unit(
                "a",
                "Bureau <a> & \"b\"",
                None,
                &["Gérer\u{1} les <balises> & le \u{7}reste."],
            ),
            unit("b", "Cellule \u{feff}c]]>", Some("a"), &[]),
        ],
        ..Default::default()
    };
    for format in [DraftFormat::Docx, DraftFormat::Odt] {
        let parts = parts(&draft_bytes(&org, &DraftOptions::default(), format).unwrap());
        for (name, _, xml) in &parts[1..] {
            let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(doc.descendants().count() > 1);
        }
        let all: String = parts.iter().map(|p| p.2.as_str()).collect();
        assert!(
            all.contains("Gérer les &lt;balises&gt; &amp; le reste."),
            "{format:?}"
        );
    }
    let md = String::from_utf8(
        draft_bytes(&org, &DraftOptions::default(), DraftFormat::Markdown).unwrap(),
    )
    .unwrap();
    assert!(md.contains(r#"du bureau \<a\> & "b""#), "{md}");
}

#[test]
fn markdown_keeps_missions_as_text() {
    let org = Organisation {
        name: "X".into(),
        units: vec![unit(
            "a",
            "Bureau A",
            None,
            &["1. Piloter *tout*.", "Le bureau A décide."],
        )],
        ..Default::default()
    };
    let md = String::from_utf8(
        draft_bytes(&org, &DraftOptions::default(), DraftFormat::Markdown).unwrap(),
    )
    .unwrap();
    assert!(
        md.starts_with("# Décret n° … du … portant organisation du bureau A\n"),
        "{md}"
    );
    assert!(md.contains("\n## Article 1er\n"), "{md}");
    assert!(md.contains("\n1\\. Piloter \\*tout\\*.\n"), "{md}");
    assert!(md.contains(&format!("\n**Décrète{NBSP}:**\n")), "{md}");
}

fn run(args: &[&str]) -> ExitCode {
    let cli = organigramme::cli::Cli::try_parse_from(["organigramme"].iter().chain(args)).unwrap();
    let lang = cli.lang();
    organigramme::cli::run(cli.command.unwrap(), lang)
}

#[test]
fn the_command_writes_each_format_and_refuses_an_unknown_one() {
    let dir = std::env::temp_dir().join(format!("organigramme-texte-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("dgos.ron");
    let s = SAMPLES
        .iter()
        .find(|s| s.file_name == "dgos-strategie-ressources.ron")
        .unwrap();
    std::fs::write(&input, s.text).unwrap();
    for ext in ["docx", "odt", "md", "txt"] {
        let out = dir.join(format!("projet.{ext}"));
        let code = run(&[
            "texte",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--forme",
            "arrete",
        ]);
        assert_eq!(code, ExitCode::SUCCESS, "{ext}");
        assert!(std::fs::metadata(&out).unwrap().len() > 500, "{ext}");
    }
    let txt = std::fs::read_to_string(dir.join("projet.txt")).unwrap();
    assert!(txt.contains("Arrête"));
    let out = dir.join("projet.rtf");
    let code = run(&[
        "texte",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, ExitCode::FAILURE);
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Names with markup, control characters, non-characters and French punctuation.
const HOSTILE: &str = "[\\x00-\\x1F<>&\"' a-zA-Zé«»:;!?–\u{fffe}\u{ffff}]{0,24}";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the names and missions hold, the packages' XML parses and the text reads back.
    #[test]
    fn any_names_give_well_formed_packages(
        names in proptest::collection::vec(HOSTILE, 1..6),
        mission in HOSTILE,
    ) {
        let units = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let parent = (i > 0).then(|| format!("u{}", i / 2));
                unit(&format!("u{i}"), n, parent.as_deref(), &[mission.as_str()])
            })
            .collect();
        let org = Organisation { name: "X".into(), units, ..Default::default() };
        for format in [DraftFormat::Docx, DraftFormat::Odt] {
            for (name, _, xml) in parts(&draft_bytes(&org, &DraftOptions::default(), format).unwrap()) {
                if name != "mimetype" {
                    proptest::prop_assert!(roxmltree::Document::parse(&xml).is_ok(), "{name}");
                }
            }
        }
        let text = String::from_utf8(draft_bytes(&org, &DraftOptions::default(), DraftFormat::Text).unwrap()).unwrap();
        let _ = organigramme::legal::read(&text, &Default::default());
    }
}
