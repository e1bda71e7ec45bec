//! What the boxes and the title block say: a cut mission reads as cut, the export date is not
//! taken for the legal text's date, a body names its members.

use organigramme::model::{Id, Mission, Organisation, Unit};
use organigramme::scene::{self, ChartOptions, MissionsMode, Scene};

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
