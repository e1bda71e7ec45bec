//! Hostile tables get clear answers: nothing at all, headers alone, a cell of 10 MB, 100,000
//! rows, cycles longer than two units, and workbooks as offices make them, with merged cells
//! and formulas (written here with rust_xlsxwriter, as Excel writes them).

use organigramme::i18n::Lang;
use organigramme::import::{self, Imported, Table};
use organigramme::model::{Id, Unit, UnitKind};
use rust_xlsxwriter::{Format, Formula, Workbook};

fn build(table: &Table) -> Result<Imported, organigramme::i18n::Message> {
    let columns = import::guess_columns(&table.headers);
    import::build(table, &columns, "t")
}

fn read(text: &str) -> Table {
    import::read_csv(text.as_bytes())
}

fn problems(imported: &Imported) -> Vec<String> {
    imported.problems.iter().map(|p| p.text(Lang::Fr)).collect()
}

fn unit<'a>(imported: &'a Imported, code: &str) -> &'a Unit {
    imported.organisation.unit(&Id::new(code)).unwrap()
}

fn parent<'a>(imported: &'a Imported, code: &str) -> Option<&'a str> {
    unit(imported, code).parent.as_ref().map(Id::as_str)
}

#[test]
fn an_empty_table_and_a_header_alone_are_said_so() {
    let dir = std::env::temp_dir().join(format!("organigramme-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("vide.csv"), "").unwrap();
    let empty = import::read_path(&dir.join("vide.csv"), None).unwrap_err();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(empty.get(Lang::Fr).contains("tableau vide"), "{empty}");
    let headers = build(&read("Code;Libellé\n")).unwrap_err();
    assert!(
        headers.get(Lang::Fr).contains("que sa ligne d'en-têtes"),
        "{headers}"
    );
}

#[test]
fn a_cell_of_10_mb_is_cut_and_said_at_its_row_and_column() {
    let huge = format!("Code;Libellé;Missions\n1;A;{}\n", "x".repeat(10_000_000));
    let built = build(&read(&huge)).unwrap();
    let said = problems(&built);
    assert!(
        said.len() == 1 && said[0].contains("ligne 2, colonne C"),
        "{said:?}"
    );
    let text = &unit(&built, "1").missions[0].text;
    assert!(text.len() < 10_000_000 && !text.is_empty());
}

/// 100,000 rows, five children to a unit, read and built whole (its speed is `cargo bench
/// --bench tables`'s).
#[test]
fn a_table_of_100000_rows_is_imported_whole() {
    let mut many = String::from("Code;Code parent;Libellé;Effectif\n0;;Racine;1\n");
    for i in 1..100_000 {
        many.push_str(&format!("{i};{};Unité {i};{}\n", (i - 1) / 5, i % 9));
    }
    let built = build(&read(&many)).unwrap();
    assert!(built.problems.is_empty(), "{:?}", &problems(&built)[..1]);
    let units = &built.organisation.units;
    assert_eq!(units.len(), 100_000);
    assert_eq!(units[99_999].parent, Some(Id::new("19999")));
    assert_eq!(units[99_999].headcount, Some(99_999 % 9));
}

/// A cycle of three units with a unit hanging from it: said once, at the row that closes
/// it, and broken there; every unit is kept.
#[test]
fn a_longer_cycle_is_said_once_and_broken_at_its_last_row() {
    let text = "Code;Code parent;Libellé\n\
        A;C;Direction A\n\
        X;A;Bureau X\n\
        B;A;Direction B\n\
        C;B;Direction C\n";
    let built = build(&read(text)).unwrap();
    assert_eq!(
        problems(&built),
        [
            "ligne 5, colonne B « Code parent » : cycle de rattachement C → B → A → C : l'unité est placée en tête"
        ]
    );
    assert_eq!(built.organisation.units.len(), 4);
    assert_eq!(parent(&built, "C"), None);
    assert_eq!(parent(&built, "A"), Some("C"));
    assert_eq!(parent(&built, "X"), Some("A"));
    let text = organigramme::format::to_string(&built.organisation);
    organigramme::format::load_bytes("cycle.ron", text.as_bytes()).unwrap();
}

/// A title merged over the columns above the headers; a parent code merged over the rows of
/// the units it heads, which is each one's parent, as the sheet shows; a headcount merged
/// over two rows, counted once and said; a name merged over the next column, which stays
/// empty. In an XLSX written by rust_xlsxwriter, and in an ODS (`tests/tables/merged.ods`,
/// written by `make_workbooks.py`) whose rows start two lower.
#[test]
fn merged_cells_read_as_the_sheet_shows_them() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    let title = "Organigramme de la DRH, extrait du SIRH au 1er janvier";
    sheet.merge_range(0, 0, 0, 5, title, &plain).unwrap();
    let headers = [
        "Code",
        "Code parent",
        "Libellé",
        "Type",
        "Responsable",
        "Effectif",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let rows = [
        ("DRH", "Direction des ressources humaines", Some(12.0)),
        ("SD1", "Sous-direction des carrières", Some(30.0)),
        ("SD2", "Sous-direction de la paie", Some(25.0)),
        ("MIS", "Mission handicap", None),
        ("B1", "Bureau des concours", None),
        ("B2", "Bureau des mobilités", None),
    ];
    for (r, (code, name, headcount)) in rows.iter().enumerate() {
        let r = r as u32 + 2;
        sheet.write_string(r, 0, *code).unwrap();
        sheet.write_string(r, 2, *name).unwrap();
        if let Some(n) = headcount {
            sheet.write_number(r, 5, *n).unwrap();
        }
    }
    sheet.write_string(2, 3, "Direction").unwrap();
    sheet.merge_range(3, 1, 5, 1, "DRH", &plain).unwrap();
    sheet.merge_range(6, 1, 7, 1, "SD1", &plain).unwrap();
    // A number in a merged cell: the range, then the number in its first cell.
    sheet.merge_range(6, 5, 7, 5, "", &plain).unwrap();
    sheet.write_number(6, 5, 8.0).unwrap();
    sheet.write_string(8, 0, "C1").unwrap();
    sheet.write_string(8, 1, "B1").unwrap();
    sheet
        .merge_range(8, 2, 8, 3, "Cellule veille", &plain)
        .unwrap();
    let table = import::read_workbook(&book.save_to_buffer().unwrap(), None).unwrap();
    check_merged(&table, 0);
    let ods = std::path::Path::new("tests/tables/merged.ods");
    check_merged(&import::read_path(ods, None).unwrap(), 2);
}

fn check_merged(table: &Table, lower: usize) {
    assert_eq!(
        table.header_row,
        2 + lower,
        "the merged title is not the header"
    );
    let built = build(table).unwrap();
    let (row, first) = (8 + lower, 7 + lower);
    assert_eq!(
        problems(&built),
        [format!(
            "ligne {row}, colonne F « Effectif » : effectif d'une cellule fusionnée avec la ligne {first} : compté une seule fois, en ligne {first} ; laissé vide ici"
        )]
    );
    for code in ["SD1", "SD2", "MIS"] {
        assert_eq!(parent(&built, code), Some("DRH"), "{code}");
    }
    assert_eq!(parent(&built, "B1"), Some("SD1"));
    assert_eq!(parent(&built, "B2"), Some("SD1"));
    assert_eq!(unit(&built, "B1").headcount, Some(8));
    assert_eq!(unit(&built, "B2").headcount, None);
    assert_eq!(unit(&built, "SD2").headcount, Some(25), "not merged");
    let veille = unit(&built, "C1");
    assert_eq!(veille.name, "Cellule veille");
    assert_eq!(veille.kind, UnitKind::Cellule, "the Type cell is empty");
    assert_eq!(veille.parent, Some(Id::new("B1")));
}

/// A header on two rows, as offices lay out a group of columns: the cells merged down from
/// the header row give nothing to the row below it, which is said, and the units below are
/// read as usual.
#[test]
fn a_header_merged_over_two_rows_makes_no_unit_of_the_second() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    for (c, h) in ["Code", "Code parent", "Libellé"].iter().enumerate() {
        sheet
            .merge_range(0, c as u16, 1, c as u16, h, &plain)
            .unwrap();
    }
    sheet
        .merge_range(0, 3, 0, 4, "Responsable", &plain)
        .unwrap();
    sheet.write_string(1, 3, "Nom").unwrap();
    sheet.write_string(1, 4, "Fonction").unwrap();
    for (c, v) in [
        "SG",
        "",
        "Secrétariat général",
        "Mme Y",
        "Secrétaire générale",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, c as u16, *v).unwrap();
    }
    let table = import::read_workbook(&book.save_to_buffer().unwrap(), None).unwrap();
    assert_eq!(table.header_row, 1);
    let built = build(&table).unwrap();
    assert_eq!(
        problems(&built),
        [
            "ligne 2, colonne A « Code » : code vide",
            "ligne 2, colonne C « Libellé » : libellé vide : l'unité prend son code pour nom",
        ]
    );
    assert_eq!(unit(&built, "SG").head.name, "Mme Y");
}

/// Formulas with their calculated values read as those values; a formula never calculated
/// and one whose result is an error read as empty cells, said at their row and column where
/// the column is read, and not where it is ignored.
#[test]
fn formulas_read_as_their_calculated_values_and_the_others_are_said() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    // Formulas written without a result have none, as some programs write them.
    sheet.set_formula_result_default("");
    let headers = ["Code", "Code parent", "Libellé", "Effectif", "Couleur"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let codes = [("SG", ""), ("B1", "SG"), ("B2", "SG"), ("B3", "SG")];
    for (r, (code, parent)) in codes.iter().enumerate() {
        sheet.write_string(r as u32 + 1, 0, *code).unwrap();
        sheet.write_string(r as u32 + 1, 1, *parent).unwrap();
    }
    let formula = |f: &str, result: &str| Formula::new(f).set_result(result);
    sheet.write_string(1, 2, "Secrétariat général").unwrap();
    sheet
        .write_formula(1, 3, formula("SUM(D3:D4)", "30"))
        .unwrap();
    let name = formula("CONCAT(\"Bureau \",\"des achats\")", "Bureau des achats");
    sheet.write_formula(2, 2, name).unwrap();
    sheet.write_number(2, 3, 10.0).unwrap();
    sheet.write_string(3, 2, "Bureau du budget").unwrap();
    sheet.write_formula(3, 3, "D2-D3").unwrap();
    sheet.write_formula(3, 4, "A1&B1").unwrap();
    sheet
        .write_formula(4, 2, formula("#REF!&\"x\"", "#REF!"))
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    for bytes in [without_values(&bytes), bytes] {
        check_formulas(&bytes);
    }
}

/// The workbook with no `<v>` at all where a formula has no value, as other programs write
/// it, rather than rust_xlsxwriter's empty `<v></v>`.
fn without_values(bytes: &[u8]) -> Vec<u8> {
    with_sheet(bytes, |text| {
        assert!(text.contains("<v></v>"), "rust_xlsxwriter writes <v></v>");
        text.replace("<v></v>", "")
    })
}

/// The workbook with its first sheet's XML rewritten by `edit`.
fn with_sheet(bytes: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let packed = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            content = edit(&String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, packed).unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A workbook that repeats one merged range thousands of times, and overlaps it with
/// others, zips into kilobytes: each cell is filled once, not once for each range.
#[test]
fn merged_ranges_repeated_or_overlapping_fill_each_cell_once() {
    let rows = 2_000u32;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Code", "Code parent", "Libellé"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "R").unwrap();
    sheet.write_string(1, 2, "Racine").unwrap();
    for r in 2..rows + 2 {
        sheet.write_string(r, 0, format!("U{r}")).unwrap();
        sheet.write_string(r, 2, format!("Unité {r}")).unwrap();
    }
    let end = rows + 2;
    sheet
        .merge_range(2, 1, end - 1, 1, "R", &Format::new())
        .unwrap();
    let one = format!("<mergeCell ref=\"B3:B{end}\"/>");
    let hostile = with_sheet(&book.save_to_buffer().unwrap(), |text| {
        assert!(text.contains(&one), "the range as written");
        let overlapping = (4..1_000).map(|r| format!("<mergeCell ref=\"B{r}:B{end}\"/>"));
        let many = one.repeat(5_000) + &overlapping.collect::<String>();
        text.replace(&one, &many)
    });
    let table = import::read_workbook(&hostile, None).unwrap();
    assert!(
        table.notes.len() < rows as usize,
        "{} notes",
        table.notes.len()
    );
    let built = build(&table).unwrap();
    assert!(problems(&built).is_empty(), "{:?}", problems(&built));
    assert_eq!(parent(&built, &format!("U{}", rows + 1)), Some("R"));
}

fn check_formulas(bytes: &[u8]) {
    let table = import::read_workbook(bytes, None).unwrap();
    let built = build(&table).unwrap();
    assert_eq!(
        problems(&built),
        [
            "ligne 4, colonne D « Effectif » : formule =D2-D3 sans valeur calculée : cellule lue vide ; ouvrez et enregistrez le classeur dans un tableur pour la calculer",
            "ligne 5, colonne C « Libellé » : la formule de la cellule donne l'erreur #REF! : cellule lue vide",
            "ligne 5, colonne C « Libellé » : libellé vide : l'unité prend son code pour nom",
        ]
    );
    assert_eq!(unit(&built, "SG").headcount, Some(30));
    assert_eq!(unit(&built, "B1").name, "Bureau des achats");
    assert_eq!(unit(&built, "B1").kind, UnitKind::Bureau);
    assert_eq!(unit(&built, "B2").headcount, None);
    assert_eq!(unit(&built, "B3").name, "B3");
    assert_eq!(parent(&built, "B3"), Some("SG"));
}
