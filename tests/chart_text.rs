//! What the boxes and the title block say: a cut mission reads as cut, the export date is not
//! taken for the legal text's date, a body names its members.

use organigramme::i18n::Lang;
use organigramme::model::{Body, Entity, Id, Mission, Organisation, Unit};
use organigramme::scene::{self, ChartOptions, MissionsMode, Owner, Scene};

fn unit_lines(scene: &Scene, u: usize) -> Vec<String> {
    let item = scene.unit_item[u].expect("the unit is drawn");
    scene.items[item]
        .lines
        .iter()
        .map(|l| l.text.to_string())
        .collect()
}

fn one_unit(missions: &[&str]) -> Organisation {
    Organisation {
        name: "Test".into(),
        units: vec![Unit {
            id: Id::new("u"),
            name: "Bureau".into(),
            missions: missions
                .iter()
                .map(|t| Mission {
                    text: t.to_string(),
                    source: None,
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

#[test]
fn a_paragraph_cut_after_its_first_sentence_ends_with_an_ellipsis() {
    let org = one_unit(&[
        "Il prépare le budget. Il suit son exécution.",
        "Il tient la comptabilité.",
    ]);
    let options = ChartOptions {
        missions: MissionsMode::First,
        ..Default::default()
    };
    let lines = unit_lines(&scene::build(&org, &options), 0);
    assert!(
        lines.contains(&"• Il prépare le budget.\u{a0}…".to_string()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"• Il tient la comptabilité.".to_string()),
        "an uncut paragraph is shown as it is: {lines:?}"
    );
    let full = ChartOptions {
        missions: MissionsMode::Full,
        ..Default::default()
    };
    let lines = unit_lines(&scene::build(&org, &full), 0);
    assert!(lines.iter().all(|l| !l.ends_with('…')), "{lines:?}");
}

#[test]
fn a_long_first_sentence_cut_keeps_its_ellipsis_on_its_last_line() {
    let org = one_unit(&[
        "Il prépare et met en œuvre la politique des ressources humaines de l'ensemble des services centraux et déconcentrés. Suite.",
    ]);
    let lines = unit_lines(&scene::build(&org, &ChartOptions::default()), 0);
    let last = lines.last().unwrap();
    assert!(last.ends_with("déconcentrés.\u{a0}…"), "{lines:?}");
}

fn with_legal_text() -> Organisation {
    let mut org = one_unit(&["Une mission."]);
    org.legal_texts.push(organigramme::model::LegalText {
        reference: "Décret n° 2013-727 du 12 août 2013".into(),
        ..Default::default()
    });
    org
}

fn all_lines(scene: &Scene) -> Vec<(String, f32, f32)> {
    scene
        .items
        .iter()
        .flat_map(|i| {
            i.lines
                .iter()
                .map(|l| (l.text.to_string(), i.rect.y, i.rect.bottom()))
        })
        .collect()
}

#[test]
fn the_export_date_is_a_footer_of_its_own_below_everything() {
    let org = with_legal_text();
    for (lang, date, footer) in [
        (Lang::Fr, "29 novembre 2026", "Exporté le 29 novembre 2026"),
        (Lang::En, "29 November 2026", "Exported on 29 November 2026"),
    ] {
        let options = ChartOptions {
            date: date.into(),
            lang,
            ..Default::default()
        };
        let scene = scene::build(&org, &options);
        let lines = all_lines(&scene);
        let source = lines.iter().find(|l| l.0.starts_with("Source")).unwrap();
        assert!(
            source.0.ends_with("Décret n° 2013-727 du 12 août 2013"),
            "{source:?}"
        );
        let date = lines
            .iter()
            .filter(|l| l.0.contains("2026"))
            .collect::<Vec<_>>();
        assert_eq!(date.len(), 1, "{date:?}");
        assert_eq!(date[0].0, footer);
        let others = scene.items.iter().filter(|i| i.rect.y < date[0].1);
        assert!(others.map(|i| i.rect.bottom()).all(|b| b < date[0].1));
        assert!(
            date[0].2 <= scene.height,
            "the footer lies inside the chart"
        );
    }
    let scene = scene::build(&org, &ChartOptions::default());
    assert!(
        all_lines(&scene)
            .iter()
            .all(|l| !l.0.starts_with("Exporté"))
    );
}

#[test]
fn export_no_date_leaves_the_footer_out() {
    let dir = std::env::temp_dir().join(format!("organigramme-date-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_orgs/insee-secretariat-general.ron"
    );
    let export = |extra: &[&str]| {
        let out = dir.join("out.svg");
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_organigramme"))
            .args(["export", sample, "-o"])
            .arg(&out)
            .args(extra)
            .status()
            .unwrap();
        assert!(status.success());
        std::fs::read_to_string(&out).unwrap()
    };
    assert!(export(&[]).contains(">Exporté le "));
    assert!(export(&["--lang", "en"]).contains(">Exported on "));
    let svg = export(&["--no-date"]);
    assert!(!svg.contains("Exporté") && svg.contains("Source :"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn with_body() -> Organisation {
    let mut org = one_unit(&[]);
    org.units[0].acronym = "DRH".into();
    org.units.push(Unit {
        id: Id::new("b"),
        name: "Bureau des achats".into(),
        parent: Some(Id::new("u")),
        ..Default::default()
    });
    org.entities.push(Entity {
        id: Id::new("e"),
        name: "Direction générale de la cohésion sociale".into(),
        acronym: "DGCS".into(),
        ..Default::default()
    });
    org.bodies.push(Body {
        id: Id::new("cds"),
        name: "Comité de direction".into(),
        chair: Some(Id::new("u")),
        members: vec![Id::new("u"), Id::new("b"), Id::new("e")],
        participants: "les directeurs".into(),
        ..Default::default()
    });
    org
}

fn body_text(scene: &Scene) -> String {
    let item = scene
        .items
        .iter()
        .find(|i| i.owner == Owner::Body(0))
        .unwrap();
    let lines: Vec<&str> = item.lines.iter().map(|l| &*l.text).collect();
    lines.join(" ")
}

#[test]
fn a_body_names_its_members_and_participants() {
    let mut org = with_body();
    let scene = scene::build(&org, &ChartOptions::default());
    let text = body_text(&scene);
    assert!(
        text.contains("Membres\u{a0}: DRH, Bureau des achats, DGCS\u{a0}; les directeurs"),
        "{text}"
    );
    org.bodies[0].participants.clear();
    let english = ChartOptions {
        lang: Lang::En,
        ..Default::default()
    };
    let text = body_text(&scene::build(&org, &english));
    assert!(
        text.ends_with("Members: DRH, Bureau des achats, DGCS"),
        "{text}"
    );
    org.bodies[0].members.clear();
    let text = body_text(&scene::build(&org, &ChartOptions::default()));
    assert!(!text.contains("Membres"), "{text}");
}

#[test]
fn a_long_member_list_is_bounded_like_other_text() {
    let mut org = with_body();
    org.bodies[0].participants = "les directrices et directeurs ".repeat(200);
    let scene = scene::build(&org, &ChartOptions::default());
    let item = scene
        .items
        .iter()
        .find(|i| i.owner == Owner::Body(0))
        .unwrap();
    assert!(item.lines.len() <= 12, "{} lines", item.lines.len());
    assert!(item.lines.iter().any(|l| l.text.ends_with('…')));
}

/// The window keeps body boxes by a fingerprint of what they show: renaming a member must
/// show in the body's box.
#[test]
fn a_body_box_follows_its_members_through_the_cache() {
    let mut org = with_body();
    let options = ChartOptions::default();
    let mut cache = scene::Cache::default();
    let mut check = |org: &Organisation| {
        let tree = organigramme::model::Hierarchy::of(org);
        let cached = scene::build_with(org, &tree, &options, &mut cache);
        assert!(
            cached == scene::build(org, &options),
            "{}",
            body_text(&cached)
        );
    };
    check(&org);
    org.units[1].acronym = "BA".into();
    check(&org);
    org.entities[0].acronym.clear();
    check(&org);
    org.bodies[0].participants = "les cheffes et chefs de bureau".into();
    check(&org);
}
