//! Round trips through the tables a spreadsheet user gets: every sample exported as an XLSX
//! workbook or a CSV table, in either language, then imported back, gives the same units,
//! parents, kinds, heads, headcounts and staff positions.

use clap::Parser;
use organigramme::export::{table, xlsx};
use organigramme::i18n::Lang;
use organigramme::import::{self, Table};
use organigramme::model::{Organisation, Unit};
use std::path::{Path, PathBuf};

/// Every sample, with headcounts, head names and staff positions on some of its units: the
/// samples carry few of them, and a round trip must show that each unit gets its own back.
fn samples() -> Vec<(String, Organisation)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_orgs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 4, "{files:?}");
    files
        .into_iter()
        .map(|path| {
            let mut org = organigramme::format::load_path(&path).unwrap().organisation;
            for (i, unit) in org.units.iter_mut().enumerate() {
                unit.headcount = (i % 4 != 0).then_some((i * 7 % 50) as u32);
                if i % 3 == 0 {
                    unit.head.name = format!("Mme Agent {i}");
                }
                unit.staff = unit.parent.is_some() && i % 5 == 2;
            }
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                org,
            )
        })
        .collect()
}

/// What a table carries of a unit, and must bring back (missions apart, for a legible
/// failure).
fn carried(u: &Unit) -> impl std::fmt::Debug + PartialEq + '_ {
    (
        (&u.id, &u.parent, &u.name, &u.acronym, &u.kind),
        (&u.head, u.headcount, u.staff, &u.notes),
    )
}

/// The texts of the missions, without the white space around them, which the importer
/// takes off as cells typed by hand often carry it.
fn missions(u: &Unit) -> Vec<&str> {
    u.missions.iter().map(|m| m.text.trim()).collect()
}

fn assert_same(what: &str, table: &Table, org: &Organisation) {
    let columns = import::guess_columns(&table.headers);
    let back = import::build(table, &columns, "t").unwrap();
    let said: Vec<String> = back.problems.iter().map(|p| p.text(Lang::Fr)).collect();
    assert!(said.is_empty(), "{what}: {said:?}");
    let units = &back.organisation.units;
    assert_eq!(units.len(), org.units.len(), "{what}");
    for (a, b) in org.units.iter().zip(units) {
        assert_eq!(carried(a), carried(b), "{what}");
        let (ma, mb) = (missions(a), missions(b));
        for (ma, mb) in ma.iter().zip(&mb) {
            assert_eq!(ma, mb, "{what}: {}", a.id);
        }
        assert_eq!(ma.len(), mb.len(), "{what}: {}", a.id);
    }
}

#[test]
fn every_sample_comes_back_the_same_from_its_workbook_in_either_language() {
    let dir = std::env::temp_dir().join(format!("organigramme-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, org) in samples() {
        for lang in [Lang::Fr, Lang::En] {
            let path = dir.join(format!("{name}-{lang:?}.xlsx"));
            std::fs::write(&path, xlsx::write(&org, lang).unwrap()).unwrap();
            // The units' sheet is the first, read when none is named.
            let table = import::read_path(&path, None).unwrap();
            let units = lang.pick("Unités", "Units");
            assert_eq!(table.sheet.as_deref(), Some(units));
            assert_same(&format!("{name} xlsx {lang:?}"), &table, &org);
            let named = import::read_path(&path, Some(units)).unwrap();
            assert_eq!(named, table, "{name}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_sample_comes_back_the_same_from_its_csv_in_either_language() {
    for (name, org) in samples() {
        for lang in [Lang::Fr, Lang::En] {
            let table = import::read_csv(&table::csv(&org, lang));
            assert_same(&format!("{name} csv {lang:?}"), &table, &org);
        }
    }
}

/// A structure's own export imported over it changes nothing: what the table carries is the
/// same, and what it does not (missions' sources, bodies, positions) is kept.
#[test]
fn a_samples_own_workbook_imported_over_it_changes_nothing() {
    for (name, org) in samples() {
        let bytes = xlsx::write(&org, Lang::Fr).unwrap();
        let table = import::read_workbook(&bytes, None).unwrap();
        let columns = import::guess_columns(&table.headers);
        let back = import::build_over(&table, &columns, &org).unwrap();
        let updated = import::update(&org, &back.organisation, &columns).unwrap();
        for (a, b) in org.units.iter().zip(&updated.units) {
            assert_eq!(a, b, "{name}");
        }
        assert_eq!(updated, org, "{name}");
    }
}

/// The staff column the export writes is read back, updates a structure, and a mark it
/// cannot read is said.
#[test]
fn the_staff_column_is_read_and_updates_a_structure() {
    let build = |text: &str| {
        let table = import::read_csv(text.as_bytes());
        let columns = import::guess_columns(&table.headers);
        (import::build(&table, &columns, "t").unwrap(), columns)
    };
    let (existing, _) = build("Code;Code parent;Libellé\nr;;R\na;r;A\nb;r;B\n");
    let extract = "Code;Libellé;Rattachement d'état-major\na;A;oui\nb;B;peut-être\n";
    let (extract, columns) = build(extract);
    let said: Vec<String> = extract.problems.iter().map(|p| p.text(Lang::Fr)).collect();
    assert_eq!(
        said,
        [
            "ligne 3, colonne C « Rattachement d'état-major » : rattachement d'état-major « peut-être » : attendu « oui » ou rien ; laissé à non"
        ]
    );
    let updated = import::update(&existing.organisation, &extract.organisation, &columns).unwrap();
    let staff = |code: &str| {
        updated
            .unit(&organigramme::model::Id::new(code))
            .unwrap()
            .staff
    };
    assert!(staff("a") && !staff("b") && !staff("r"));
    assert_eq!(
        updated
            .unit(&organigramme::model::Id::new("a"))
            .unwrap()
            .parent,
        existing.organisation.units[1].parent
    );
}

/// The same through the commands, as a user would: `export -o X.xlsx`, then `import X.xlsx`.
#[test]
fn the_commands_export_and_import_a_workbook_that_gives_the_same_units() {
    let dir =
        std::env::temp_dir().join(format!("organigramme-roundtrip-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        let cli = organigramme::cli::Cli::try_parse_from(["organigramme"].iter().chain(args));
        let cli = cli.unwrap();
        let lang = cli.lang();
        organigramme::cli::run(cli.command.unwrap(), lang)
    };
    let (xlsx, ron) = (dir.join("sgmas.xlsx"), dir.join("sgmas.ron"));
    let (xlsx, ron) = (xlsx.to_str().unwrap(), ron.to_str().unwrap());
    let sample = "sample_orgs/sgmas.ron";
    assert_eq!(
        run(&["export", sample, "-o", xlsx]),
        std::process::ExitCode::SUCCESS
    );
    assert_eq!(
        run(&["import", xlsx, "-o", ron]),
        std::process::ExitCode::SUCCESS
    );
    let before = organigramme::format::load_path(Path::new(sample)).unwrap();
    let after = organigramme::format::load_path(Path::new(ron)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let units = |org: &Organisation| -> Vec<String> {
        org.units
            .iter()
            .map(|u| format!("{:?}", carried(u)))
            .collect()
    };
    assert_eq!(units(&after.organisation), units(&before.organisation));
}
