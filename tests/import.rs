//! Importing tables: CSV as Excel writes it in France and as RFC 4180 says, XLSX and ODS
//! workbooks (`tests/tables/`, written by `make_workbooks.py`), headers in either language,
//! each problem at its row and column, `--keep-going`, and a result that loads and exports.

use clap::Parser;
use organigramme::i18n::Lang;
use organigramme::import::{self, Column, Imported, Table};
use organigramme::model::{Id, UnitKind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("organigramme-imp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn imported(table: &Table) -> Imported {
    let columns = import::guess_columns(&table.headers);
    import::build(table, &columns, "tableau").unwrap()
}

fn problems(imported: &Imported, lang: Lang) -> Vec<String> {
    imported.problems.iter().map(|p| p.text(lang)).collect()
}

fn unit<'a>(imported: &'a Imported, code: &str) -> &'a organigramme::model::Unit {
    imported.organisation.unit(&Id::new(code)).unwrap()
}

/// `organigramme ARGS…`, in `lang`.
fn run(args: &[&str]) -> ExitCode {
    let cli = organigramme::cli::Cli::try_parse_from(["organigramme"].iter().chain(args)).unwrap();
    let lang = cli.lang();
    organigramme::cli::run(cli.command.unwrap(), lang)
}

#[test]
fn a_french_excel_csv_is_read_with_its_semicolons_and_windows_1252() {
    // As Excel writes « CSV (séparateur : point-virgule) » in France: é is the byte 0xE9.
    let bytes = b"Code;Code parent;Libell\xe9;Sigle;Type;Responsable;Fonction;Effectif;Missions\r\n\
        SG;;Secr\xe9tariat g\xe9n\xe9ral;SG;;Mme Martin;Secr\xe9taire g\xe9n\xe9rale;1 200;\"Coordonner ; piloter\"\r\n\
        BUD;SG;Bureau du budget;BB;;;;12;\r\n";
    let table = import::read_csv(bytes);
    assert_eq!(table.headers[2], "Libellé");
    let imported = imported(&table);
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        problems(&imported, Lang::Fr)
    );
    let sg = unit(&imported, "SG");
    assert_eq!(sg.name, "Secrétariat général");
    assert_eq!(
        sg.kind,
        UnitKind::SecretariatGeneral,
        "the kind read from the name"
    );
    assert_eq!(sg.head.title, "Secrétaire générale");
    assert_eq!(sg.headcount, Some(1200), "French thousands");
    let missions: Vec<&str> = sg.missions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(missions, ["Coordonner", "piloter"]);
    let bureau = unit(&imported, "BUD");
    assert_eq!(bureau.parent, Some(Id::new("SG")));
    assert_eq!(bureau.kind, UnitKind::Bureau);
    assert_eq!(
        imported.organisation.name, "Secrétariat général",
        "the one root names it"
    );
}

#[test]
fn an_rfc_4180_csv_keeps_quoted_separators_quotes_and_line_breaks() {
    let text = "\u{feff}Code,Parent code,Name,Acronym,Kind,Head,Headcount,Missions\r\n\
        D1,,\"Direction des achats, de la logistique\",DAL,Directorate,\"Jean \"\"JJ\"\" Dupont\",40,\"Acheter ; stocker\nLivrer\"\r\n\
        C1,D1,Cellule veille,,Unit,,3,\r\n";
    let imported = imported(&import::read_csv(text.as_bytes()));
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        problems(&imported, Lang::En)
    );
    let d1 = unit(&imported, "D1");
    assert_eq!(d1.name, "Direction des achats, de la logistique");
    assert_eq!(d1.kind, UnitKind::Direction);
    assert_eq!(d1.head.name, "Jean \"JJ\" Dupont");
    let missions: Vec<&str> = d1.missions.iter().map(|m| m.text.as_str()).collect();
    // Lines first: a cell on several lines keeps its semicolons.
    assert_eq!(missions, ["Acheter ; stocker", "Livrer"]);
    assert_eq!(unit(&imported, "C1").kind, UnitKind::Cellule);
    // The record on two lines is one row: the next is row 3, as the spreadsheet shows it.
    let table = import::read_csv(text.as_bytes());
    assert_eq!(table.records[1].row, 3);
}

fn check_workbook(table: &Table) {
    assert_eq!(
        table.header_row, 3,
        "the title row above the headers is skipped"
    );
    let imported = imported(table);
    assert!(
        imported.problems.is_empty(),
        "{:?}",
        problems(&imported, Lang::Fr)
    );
    // Codes typed as numbers are stored as 10.0 and read « 10 ».
    let drh = unit(&imported, "10");
    assert_eq!(drh.headcount, Some(250));
    assert_eq!(drh.missions.len(), 2, "{:?}", drh.missions);
    assert_eq!(unit(&imported, "12").parent, Some(Id::new("11")));
    assert_eq!(unit(&imported, "11").kind, UnitKind::SousDirection);
    assert_eq!(
        unit(&imported, "13").kind,
        UnitKind::Other("Observatoire".into())
    );
}

#[test]
fn xlsx_and_ods_workbooks_are_read_and_a_sheet_is_chosen_by_name() {
    for file in ["units.xlsx", "units.ods"] {
        let path = Path::new("tests/tables").join(file);
        let table = import::read_path(&path, None).unwrap();
        assert_eq!(table.sheets, ["Unités", "Effectifs 2025"], "{file}");
        check_workbook(&table);
        let other = import::read_path(&path, Some("effectifs 2025")).unwrap();
        assert_eq!(other.records[0].cells, ["X1", "Autre feuille"]);
        let missing = import::read_path(&path, Some("Budget")).unwrap_err();
        assert!(
            missing
                .get(Lang::Fr)
                .contains("aucune feuille ne s'appelle « Budget »"),
            "{missing}"
        );
    }
}

#[test]
fn each_problem_is_named_at_its_row_and_column_in_either_language() {
    let text = "Code;Code parent;Libellé;Effectif\n\
        A;;Direction;10\n\
        B;Z;Bureau orphelin;-3\n\
        C;D;Bureau C;\n\
        D;C;Bureau D;\n\
        A;;Doublon;\n\
        E;E;Bureau E;\n";
    let imported = imported(&import::read_csv(text.as_bytes()));
    let fr = problems(&imported, Lang::Fr);
    assert_eq!(
        fr,
        [
            "ligne 3, colonne B « Code parent » : code parent « Z » introuvable : l'unité est placée en tête",
            "ligne 3, colonne D « Effectif » : effectif « -3 » : attendu un nombre entier positif ou nul ; laissé vide",
            "ligne 5, colonne B « Code parent » : cycle de rattachement D → C → D : l'unité est placée en tête",
            "ligne 6, colonne A « Code » : code « A » en double (déjà ligne 2) : ligne laissée de côté",
            "ligne 7, colonne B « Code parent » : cycle de rattachement E → E : l'unité est placée en tête",
        ]
    );
    assert_eq!(
        problems(&imported, Lang::En)[0],
        "row 3, column B “Code parent”: parent code “Z” not found: the unit is placed at the top"
    );
    // What was worked around: every row placed but the duplicate, each cycle broken once.
    let org = &imported.organisation;
    assert_eq!(org.units.len(), 5);
    assert_eq!(unit(&imported, "A").name, "Direction");
    assert_eq!(unit(&imported, "B").parent, None);
    assert_eq!(unit(&imported, "C").parent, Some(Id::new("D")));
    assert_eq!(unit(&imported, "D").parent, None);
    assert_eq!(unit(&imported, "E").parent, None);
    let text = organigramme::format::to_string(org);
    organigramme::format::load_bytes("imported.ron", text.as_bytes()).unwrap();
}

#[test]
fn columns_can_be_given_other_meanings_and_a_table_needs_names() {
    let text = "Identifiant,Intitulé,Nom du responsable,Couleur\nX,Service X,Mme Y,bleu\n";
    let table = import::read_csv(text.as_bytes());
    let mut columns = import::guess_columns(&table.headers);
    assert_eq!(
        columns,
        [
            Column::Code,
            Column::Name,
            Column::HeadName,
            Column::Ignored
        ]
    );
    columns[3] = Column::Notes;
    let imported = import::build(&table, &columns, "t").unwrap();
    assert_eq!(unit(&imported, "X").notes, "bleu");
    columns[1] = Column::Ignored;
    let refused = import::build(&table, &columns, "t").unwrap_err();
    assert!(refused.get(Lang::Fr).contains("« Libellé »"), "{refused}");
}

#[test]
fn the_command_refuses_a_table_with_errors_unless_asked_to_keep_going() {
    let dir = temp_dir("cli");
    let csv = dir.join("structure.csv");
    std::fs::write(&csv, "Code;Code parent;Libellé\nA;;Direction\nB;Z;Bureau\n").unwrap();
    let out = dir.join("structure.ron");
    let (csv, out_arg) = (csv.to_str().unwrap(), out.to_str().unwrap());
    assert_eq!(run(&["import", csv, "-o", out_arg]), ExitCode::FAILURE);
    assert!(!out.exists(), "nothing written");
    let keep = ["import", csv, "-o", out_arg, "--keep-going", "--lang", "en"];
    assert_eq!(run(&keep), ExitCode::SUCCESS);
    // What was written loads, with the orphan at the top, and exports.
    let loaded = organigramme::format::load_path(&out).unwrap();
    let units = &loaded.organisation.units;
    assert_eq!(units.len(), 2);
    assert!(units.iter().all(|u| u.parent.is_none()));
    let svg = dir.join("structure.svg");
    let svg_arg = svg.to_str().unwrap();
    assert_eq!(run(&["export", out_arg, "-o", svg_arg]), ExitCode::SUCCESS);
    assert!(std::fs::read_to_string(&svg).unwrap().contains("Bureau"));
}

#[test]
fn a_workbook_is_imported_from_the_command_line_and_sheet_is_for_workbooks() {
    let dir = temp_dir("cli-xlsx");
    let out = dir.join("drh.ron");
    let out_arg = out.to_str().unwrap();
    let args = ["import", "tests/tables/units.ods", "-o", out_arg];
    assert_eq!(run(&args), ExitCode::SUCCESS);
    let loaded = organigramme::format::load_path(&out).unwrap();
    assert_eq!(
        loaded.organisation.name,
        "Direction des ressources humaines"
    );
    assert_eq!(loaded.organisation.units.len(), 4);
    let csv = dir.join("t.csv");
    std::fs::write(&csv, "Libellé\nX\n").unwrap();
    let csv_sheet = [
        "import",
        csv.to_str().unwrap(),
        "-o",
        out_arg,
        "--sheet",
        "A",
    ];
    assert_eq!(run(&csv_sheet), ExitCode::FAILURE);
}

/// A newer extract over the structure it was imported into: matched units take the table's
/// values and keep their missions, sources and bodies; a new code becomes a unit under its
/// parent; units the extract leaves out stay.
#[test]
fn a_newer_extract_updates_the_structure_and_keeps_what_the_table_does_not_carry() {
    let dir = temp_dir("update");
    let existing = dir.join("sgmas.ron");
    std::fs::copy("sample_orgs/sgmas.ron", &existing).unwrap();
    let before = organigramme::format::load_path(&existing)
        .unwrap()
        .organisation;
    let csv = dir.join("extrait.csv");
    let table = "Code;Code parent;Libellé;Effectif\n\
                 deleg-rh;sg;Délégation aux ressources humaines;120\n\
                 bureau-carrieres;deleg-rh;Bureau des carrières;14\n";
    std::fs::write(&csv, table).unwrap();
    let out = dir.join("sgmas-2.ron");
    let args = [
        "import",
        csv.to_str().unwrap(),
        "--update",
        existing.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    assert_eq!(run(&args), ExitCode::SUCCESS);
    let after = organigramme::format::load_path(&out).unwrap().organisation;
    assert_eq!(after.units.len(), before.units.len() + 1);
    let rh = after.unit(&Id::new("deleg-rh")).unwrap();
    let rh_before = before.unit(&Id::new("deleg-rh")).unwrap();
    assert_eq!(rh.name, "Délégation aux ressources humaines");
    assert_eq!(rh.headcount, Some(120));
    assert_eq!(
        rh.missions, rh_before.missions,
        "missions and their sources kept"
    );
    assert_eq!(rh.kind, rh_before.kind, "no Type column: the kind stays");
    let new = after.unit(&Id::new("bureau-carrieres")).unwrap();
    assert_eq!(new.parent, Some(Id::new("deleg-rh")));
    assert_eq!(after.bodies, before.bodies);
    assert_eq!(after.relations, before.relations);
    assert_eq!(
        after.unit(&Id::new("serv-finances")),
        before.unit(&Id::new("serv-finances")),
        "a unit the extract leaves out stays"
    );
}

#[test]
fn an_update_needs_codes_and_refuses_a_cycle() {
    let org = |rows: &str| {
        let table = import::read_csv(rows.as_bytes());
        let columns = import::guess_columns(&table.headers);
        (
            import::build(&table, &columns, "t").unwrap().organisation,
            columns,
        )
    };
    let (existing, _) = org("Code;Code parent;Libellé\nr;;R\na;r;A\nb;a;B\n");
    let (names, columns) = org("Libellé\nR\n");
    let e = import::update(&existing, &names, &columns).unwrap_err();
    assert!(e.get(Lang::Fr).contains("colonne « Code »"), "{e}");
    // R under B, B left at the top of the extract: it keeps its parent A, which is under R.
    let (extract, columns) = org("Code;Code parent;Libellé\nr;b;R\nb;;B\n");
    let e = import::update(&existing, &extract, &columns).unwrap_err();
    assert!(e.get(Lang::Fr).contains("cycle"), "{e}");
}
