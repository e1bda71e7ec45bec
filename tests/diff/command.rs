//! The command: the report's four forms, read as their readers read them, and the exit
//! codes.

use super::{sample, unit};
use organigramme::diff::{self, Changes, Options};
use organigramme::format;
use organigramme::model::{Id, Mission, Organisation, UnitKind};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(test: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("organigramme-diff-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn write(&self, name: &str, org: &Organisation) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, format::to_string(org)).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Exit code, stdout and stderr of `organigramme diff ARGS`.
pub fn run(args: &[&std::ffi::OsStr]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_organigramme"))
        .arg("diff")
        .args(args)
        .output()
        .unwrap();
    let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
    (
        out.status.code().unwrap(),
        text(out.stdout),
        text(out.stderr),
    )
}

/// The README's kind of redesign of the SGMAS sample: a service merged into another, a
/// délégation renamed, one moved, a mission rewritten, a service's id changed, another made a
/// délégation with its headcount given, a committee given a chair.
fn redesign(dir: &TempDir) -> (PathBuf, PathBuf) {
    let old = sample("sgmas.ron");
    let mut new = old.clone();
    new.units.retain(|u| u.id.as_str() != "serv-pilotage");
    unit(&mut new, "serv-finances").missions.push(Mission {
        text: "Contrôle de gestion, audit, performance".into(),
        source: None,
    });
    unit(&mut new, "deleg-rh").name =
        "Délégation générale aux ressources humaines et à l'accompagnement".into();
    unit(&mut new, "deleg-communication").parent = Some(Id::new("deleg-rh"));
    let m = &mut unit(&mut new, "deleg-numerique").missions[0];
    m.text = "Transformation numérique, systèmes d'information et cybersécurité".into();
    unit(&mut new, "serv-juridique").id = Id::new("sejac");
    let territorial = unit(&mut new, "serv-animation-territoriale");
    territorial.kind = UnitKind::Delegation;
    territorial.headcount = Some(45);
    new.bodies[0].chair = Some(Id::new("sg"));
    (dir.write("avant.ron", &old), dir.write("apres.ron", &new))
}

#[test]
fn the_text_report_reads_unit_by_unit_and_exits_1() {
    let dir = TempDir::new("text");
    let (old, new) = redesign(&dir);
    let (code, report, _) = run(&[old.as_ref(), new.as_ref()]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = report.lines().map(str::trim).collect();
    let sg = "SGMAS — Secrétariat général des ministères chargés des affaires sociales";
    for expected in [
        "Délégation générale aux ressources humaines et à l'accompagnement : modifiée".to_string(),
        "nom : « Délégation générale aux ressources humaines » → « Délégation générale aux ressources humaines et à l'accompagnement »".into(),
        format!("déplacée : {sg} → Délégation générale aux ressources humaines et à l'accompagnement"),
        "mission 1 modifiée : Transformation numérique, systèmes d'information {+et cybersécurité+}".into(),
        "Service du pilotage et de la performance : supprimée".into(),
        format!("était rattachée à {sg}"),
        "mission 2 ajoutée : « Contrôle de gestion, audit, performance »".into(),
        "id : « serv-juridique » → « sejac » (rapprochées par : même nom, même rattachement)".into(),
        "type : « Service » → « Délégation »".into(),
        "effectif : non renseigné → 45".into(),
        format!("présidence : aucune → {sg}"),
    ] {
        assert!(lines.contains(&expected.as_str()), "{expected}\n{report}");
    }
    let (_, english, _) = run(&[old.as_ref(), new.as_ref(), "--lang".as_ref(), "en".as_ref()]);
    assert!(
        english.contains("id: “serv-juridique” → “sejac” (matched by: same name, same parent)"),
        "{english}"
    );
    let (_, by_id, _) = run(&[old.as_ref(), new.as_ref(), "--no-guess".as_ref()]);
    assert!(
        by_id.contains("Service de l'expertise juridique et des affaires contentieuses : créée"),
        "{by_id}"
    );
    assert!(!by_id.contains("rapprochées"));
}

/// The records of a CSV as French Excel reads it: after a UTF-8 byte-order mark, cells
/// separated by `;`.
pub fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a UTF-8 BOM");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(body)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn markdown_csv_and_json_forms() {
    let dir = TempDir::new("forms");
    let (old, new) = redesign(&dir);
    let report = |format: &str| {
        let (code, out, err) = run(&[
            old.as_ref(),
            new.as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        assert_eq!((code, err.as_str()), (1, ""));
        out
    };
    let md = report("md");
    assert!(md.starts_with("# Comparaison de `"), "{md}");
    assert!(md.contains("\n## Unités\n\n- **Délégation générale aux ressources humaines et à l'accompagnement** : modifiée\n"), "{md}");
    assert!(md.contains("  - mission 1 modifiée : Transformation numérique, systèmes d'information **et cybersécurité**\n"), "{md}");

    let rows = read_csv(report("csv").as_bytes());
    assert_eq!(
        rows[0],
        [
            "section",
            "id",
            "ancien id",
            "nom",
            "changement",
            "champ",
            "avant",
            "après",
            "détail"
        ]
    );
    assert!(rows.iter().all(|r| r.len() == 9));
    let sejac = rows.iter().find(|r| r[1] == "sejac").unwrap();
    assert_eq!(
        sejac[2..],
        [
            "serv-juridique",
            "Service de l'expertise juridique et des affaires contentieuses",
            "modifiée",
            "id",
            "serv-juridique",
            "sejac",
            "même nom, même rattachement"
        ]
    );
    let mission = rows.iter().find(|r| r[1] == "deleg-numerique").unwrap();
    assert_eq!(
        mission[5..8],
        [
            "mission 1",
            "Transformation numérique, systèmes d'information",
            "Transformation numérique, systèmes d'information et cybersécurité"
        ]
    );

    // The JSON is the changes themselves: it reads back as what `diff` finds.
    let json = report("json");
    let load = |p: &Path| format::load_path(p).unwrap().organisation;
    let changes = diff::diff(&load(&old), &load(&new), Options::default());
    assert_eq!(serde_json::from_str::<Changes>(&json).unwrap(), changes);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let units = json["units"].as_array().unwrap();
    let removed = units.iter().find(|u| u["status"] == "removed").unwrap();
    assert_eq!(removed["old"]["id"], "serv-pilotage");
    assert_eq!(removed["parent"]["id"], "sg");
    let moved = units.iter().find(|u| !u["moved"].is_null()).unwrap();
    assert_eq!(
        (&moved["moved"]["from"]["id"], &moved["moved"]["to"]["id"]),
        (&"sg".into(), &"deleg-rh".into())
    );
    let words = &units
        .iter()
        .find(|u| u["new"]["id"] == "deleg-numerique")
        .unwrap()["missions"][0]["words"];
    assert_eq!(words[1], serde_json::json!({ "added": "et cybersécurité" }));
}

#[test]
fn the_same_structure_exits_0_with_an_empty_report_and_an_unreadable_file_2() {
    let dir = TempDir::new("codes");
    let sgmas = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_orgs/sgmas.ron");
    let copy = dir.write("copie.ron", &sample("sgmas.ron"));
    for format in ["text", "md", "csv", "json"] {
        let (code, out, err) = run(&[
            sgmas.as_ref(),
            copy.as_ref(),
            "--format".as_ref(),
            format.as_ref(),
        ]);
        assert_eq!((code, err.as_str()), (0, ""), "{format}");
        let empty = match format {
            "csv" => out.lines().count() == 1,
            "json" => serde_json::from_str::<Changes>(&out).unwrap().is_empty(),
            _ => out.is_empty(),
        };
        assert!(empty, "{format}: {out}");
    }
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files/unknown_parent.ron");
    let (code, out, err) = run(&[sgmas.as_ref(), bad.as_ref()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with(&format!("{}:", bad.display())) && err.contains("parent inconnu"),
        "{err}"
    );
    // A form it does not know is an error too, said by the argument parser.
    let (code, _, err) = run(&[
        sgmas.as_ref(),
        copy.as_ref(),
        "--format".as_ref(),
        "xml".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("xml"), "{err}");
    let missing = dir.0.join("absent.ron");
    let (code, _, err) = run(&[missing.as_ref(), sgmas.as_ref()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("absent.ron: impossible d'ouvrir le fichier"),
        "{err}"
    );
}

#[test]
fn the_comparison_chart_is_written_beside_the_report_with_the_options_of_export() {
    let dir = TempDir::new("chart");
    let (old, new) = redesign(&dir);
    let svg = dir.0.join("compare.svg");
    let args = [
        old.as_os_str(),
        new.as_os_str(),
        "-o".as_ref(),
        svg.as_os_str(),
    ];
    let (code, report, err) = run(&[&args[..], &["--lang".as_ref(), "en".as_ref()]].concat());
    assert_eq!((code, err.as_str()), (1, ""));
    assert!(report.starts_with("Comparison of "));
    let svg = std::fs::read_to_string(&svg).unwrap();
    for text in [
        "formerly under: SGMAS",
        "Unit removed",
        "Unit moved (former parent in its box)",
        "Exported on ",
    ] {
        assert!(svg.contains(text), "{text}");
    }
    // A format it cannot draw is refused before anything is written.
    let dot = dir.0.join("compare.dot");
    let (code, _, err) = run(&[
        old.as_os_str(),
        new.as_os_str(),
        "-o".as_ref(),
        dot.as_os_str(),
        "--no-date".as_ref(),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("attendu : .svg ou .png"), "{err}");
    assert!(!dot.exists());
}
