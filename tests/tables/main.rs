//! Tables: the units as CSV the way Excel reads it in France, read back by a CSV parser; the
//! whole structure as an XLSX workbook, one sheet per collection.

mod hostile;
mod roundtrip;

use organigramme::export::{table, xlsx};
use organigramme::i18n::Lang;
use organigramme::model::{Id, Organisation, Unit};
use std::io::Read;
use std::path::Path;

fn sample(name: &str) -> Organisation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_orgs")
        .join(name);
    organigramme::format::load_path(&path).unwrap().organisation
}

fn unit(id: &str, name: &str, parent: Option<&str>, headcount: Option<u32>) -> Unit {
    Unit {
        id: Id::new(id),
        name: name.into(),
        parent: parent.map(Id::new),
        headcount,
        ..Default::default()
    }
}

fn small_org() -> Organisation {
    let mut org = Organisation {
        name: "Secrétariat « test »".into(),
        ..Default::default()
    };
    org.units = vec![
        unit("sg", "Secrétariat général", None, Some(10)),
        unit("a", "Bureau \"A\"; achats", Some("sg"), Some(4)),
        unit("b", "Pôle B", Some("a"), None),
        unit("c", "Cellule C", Some("b"), Some(3)),
        unit("d", "Mission D", Some("sg"), None),
    ];
    org.units[1].missions = vec![
        organigramme::model::Mission {
            text: "Acheter ; payer".into(),
            source: None,
        },
        organigramme::model::Mission {
            text: "Suivre".into(),
            source: None,
        },
    ];
    org
}

fn read_csv(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_units_csv_reads_back_with_every_field_and_the_subtree_headcounts() {
    let org = small_org();
    let bytes = table::csv(&org, Lang::Fr);
    let text = std::str::from_utf8(&bytes).unwrap();
    assert!(
        text.starts_with("\u{feff}Code;Code parent;Libellé;"),
        "{text}"
    );
    // Rows end with CRLF; the line break inside the missions field is kept inside its quotes.
    assert_eq!(text.matches("\r\n").count(), 1 + org.units.len());
    let rows = read_csv(&bytes);
    assert_eq!(rows.len(), 1 + org.units.len());
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let a = &rows[2];
    assert_eq!(a[col("Code")], "a");
    assert_eq!(a[col("Code parent")], "sg");
    assert_eq!(a[col("Libellé")], "Bureau \"A\"; achats");
    assert_eq!(a[col("Missions")], "Acheter ; payer\nSuivre");
    // Its own 4, and the 3 of the cellule two levels down.
    assert_eq!(a[col("Effectif")], "4");
    assert_eq!(a[col("Effectif total")], "7");
    assert_eq!(rows[1][col("Effectif total")], "17");
    // A unit with no headcount anywhere below it has none.
    assert_eq!(rows[5][col("Effectif total")], "");
    assert_eq!(rows[3][col("Effectif total")], "3");
}

#[test]
fn every_sample_exports_a_csv_of_all_its_units() {
    let org = sample("sgmas.ron");
    let rows = read_csv(&table::csv(&org, Lang::En));
    assert_eq!(rows[0][..3], ["Code", "Parent code", "Name"]);
    assert_eq!(rows.len(), 1 + org.units.len());
    for (row, unit) in rows[1..].iter().zip(&org.units) {
        assert_eq!((&row[0], &row[2]), (&unit.id.0, &unit.name));
    }
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_workbook_has_one_sheet_per_collection() {
    let org = sample("sgmas.ron");
    let bytes = xlsx::write(&org, Lang::Fr).unwrap();
    let workbook = zip_entry(&bytes, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(
        names,
        [
            "Unités",
            "Missions",
            "Instances",
            "Relations",
            "Entités extérieures",
            "Textes juridiques"
        ]
    );
    // Every unit's name is in the workbook's shared strings.
    let strings = zip_entry(&bytes, "xl/sharedStrings.xml");
    for unit in &org.units {
        let name = unit.name.replace('&', "&amp;");
        assert!(strings.contains(&name), "{name}");
    }
}

/// Names a spreadsheet would run as formulas go out after an apostrophe (text follows), a
/// list's « - » and numbers do not, and the importer reads every name back as it was.
#[test]
fn csv_cells_that_look_like_formulas_are_guarded_and_read_back_unchanged() {
    let hostile = [
        "=HYPERLINK(\"http://x\";\"clic\")",
        "+33 1 40 56 60 00",
        "@SUM(A1)",
        "-2+3",
        "\tTab",
        "- une liste",
        "Bureau ordinaire",
    ];
    let mut org = Organisation {
        name: "Noms hostiles".into(),
        ..Default::default()
    };
    org.units = vec![unit("sg", "Secrétariat général", None, Some(10))];
    for (i, name) in hostile.iter().enumerate() {
        org.units
            .push(unit(&format!("u{i}"), name, Some("sg"), None));
    }
    let bytes = table::csv(&org, Lang::Fr);
    let rows = read_csv(&bytes);
    let names: Vec<&str> = rows[2..].iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        names,
        [
            "'=HYPERLINK(\"http://x\";\"clic\")",
            "'+33 1 40 56 60 00",
            "'@SUM(A1)",
            "'-2+3",
            "'\tTab",
            "- une liste",
            "Bureau ordinaire",
        ]
    );
    let table = organigramme::import::read_csv(&bytes);
    let columns = organigramme::import::guess_columns(&table.headers);
    let back = organigramme::import::build(&table, &columns, "t").unwrap();
    for (i, name) in hostile.iter().enumerate() {
        let u = back
            .organisation
            .unit(&Id::new(format!("u{i}").as_str()))
            .unwrap();
        assert_eq!(
            u.name,
            name.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
}
