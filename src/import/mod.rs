//! Tables to structures: a spreadsheet of units (an extract of the HR information system, or
//! a table kept by hand) read from CSV, XLSX or ODS, its columns recognised from their
//! headers, and built into an `Organisation`. What cannot be placed is reported at its row
//! and column, as the spreadsheet shows them. No egui: the command line and the window
//! share it.

mod build;
mod cells;
mod columns;
mod ods;
mod sheet;
mod text;
mod update;

pub use build::{Imported, build, build_over};
pub use columns::{Column, guess_columns, kind_of_name};
pub use update::update;

use crate::format::{self, MAX_FILE_BYTES};
use crate::i18n::{Lang, Message, say, shown};
use std::io::Read;
use std::path::Path;

/// A sheet as read: its header row and the rows below it, each cell as text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub records: Vec<Record>,
    /// The spreadsheet's row number of the header (1 for a CSV file).
    pub header_row: usize,
    /// Columns left of the sheet's used range, so that letters match the spreadsheet's.
    pub first_column: usize,
    /// The sheets of the workbook (none for CSV) and the one read.
    pub sheets: Vec<String>,
    pub sheet: Option<String>,
    /// Cells of a workbook whose text alone would mislead, by row and column of the table,
    /// below the header: `build` says them where their column is read.
    pub notes: Vec<(usize, usize, CellNote)>,
}

/// What reading a workbook's cell found beyond its text.
#[derive(Clone, Debug, PartialEq)]
pub enum CellNote {
    /// A formula that the program which wrote the file never calculated (some write formulas
    /// without their result): the cell reads empty.
    Uncalculated(String),
    /// A formula whose result is an error, such as `#REF!`: the cell reads empty.
    Error(String),
    /// A cell under the first row of a cell merged over several rows, from that row: it
    /// shows the merged cell's value, and reads it.
    Merged(usize),
}

/// One row below the header, with its number as the spreadsheet shows it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

impl Table {
    /// Builds a table from rows numbered from 1, empty rows dropped. The header is the first
    /// of the first rows that names a column of names (an extract often has a title above
    /// it), else the first row.
    fn from_rows(rows: impl Iterator<Item = (usize, Vec<String>)>) -> Table {
        let mut rows: Vec<(usize, Vec<String>)> = rows
            .filter_map(|(row, mut cells)| {
                for cell in &mut cells {
                    let trimmed = cell.trim();
                    if trimmed.len() != cell.len() {
                        *cell = trimmed.to_string();
                    }
                }
                while cells.last().is_some_and(String::is_empty) {
                    cells.pop();
                }
                (!cells.is_empty()).then_some((row, cells))
            })
            .collect();
        let names = |cells: &Vec<String>| cells.iter().any(|c| columns::guess(c) == Column::Name);
        if rows.is_empty() {
            return Table::default();
        }
        let header = rows.iter().take(10).position(|(_, cells)| names(cells));
        let (header_row, headers) = rows
            .drain(..=header.unwrap_or(0))
            .next_back()
            .unwrap_or_default();
        Table {
            headers,
            header_row,
            records: rows
                .into_iter()
                .map(|(row, cells)| Record { row, cells })
                .collect(),
            ..Table::default()
        }
    }

    /// The spreadsheet's name of column `i` of the table: A, B, …, Z, AA…
    pub fn letter(&self, i: usize) -> String {
        let mut n = i + self.first_column + 1;
        let mut letters = Vec::new();
        while n > 0 {
            letters.push(b'A' + ((n - 1) % 26) as u8);
            n = (n - 1) / 26;
        }
        letters.iter().rev().map(|&b| char::from(b)).collect()
    }
}

/// Whether `path` names a CSV file rather than a workbook.
pub fn is_csv(path: &Path) -> bool {
    let extension = path.extension().and_then(|e| e.to_str());
    extension.is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("txt"))
}

/// Reads the table of a file, chosen by its extension: `.csv` (or `.txt`), else a workbook
/// (`.xlsx`, `.xlsm`, `.xls`, `.ods`), of which `sheet` or the first sheet is read.
pub fn read_path(path: &Path, sheet: Option<&str>) -> Result<Table, Message> {
    let name = path.display().to_string();
    let name = shown(&name);
    let failed = |e: &std::io::Error| {
        let mut m = Message::new(format!("{name} : "), format!("{name}: "));
        m.push(&format::os::failed(
            ("impossible de lire le fichier", "cannot read the file"),
            e,
        ));
        m
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| failed(&e))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let read = match extension.as_deref() {
        _ if bytes.len() as u64 > MAX_FILE_BYTES => Err(Message::each(|lang| {
            let max = MAX_FILE_BYTES / (1024 * 1024);
            say!(
                lang,
                "fichier trop volumineux : la taille maximale est de {max} Mo",
                "file too large: the largest size is {max} MB"
            )
        })),
        _ if is_csv(path) => Ok(text::read(&bytes)),
        Some("xlsx" | "xlsm" | "xls" | "ods") => sheet::read(&bytes, sheet),
        _ => Err(Message::new(
            "extension inconnue (attendu : .csv, .xlsx ou .ods)",
            "unknown extension (expected: .csv, .xlsx or .ods)",
        )),
    };
    let table = read.map_err(|e| {
        let mut m = Message::new(format!("{name} : "), format!("{name}: "));
        m.push(&e);
        m
    })?;
    if table.headers.is_empty() {
        return Err(Message::each(|lang| {
            say!(
                lang,
                "{name} : tableau vide : attendu une ligne d'en-têtes (« Code », « Code parent », « Libellé »…) puis une ligne par unité",
                "{name}: empty table: expected a row of headers (“Code”, “Parent code”, “Name”…) then one row per unit"
            )
        }));
    }
    Ok(table)
}

/// Reads CSV bytes (for tests and callers that hold the bytes).
pub fn read_csv(bytes: &[u8]) -> Table {
    text::read(bytes)
}

/// Reads XLSX or ODS bytes; `sheet` or the first sheet.
pub fn read_workbook(bytes: &[u8], sheet: Option<&str>) -> Result<Table, Message> {
    sheet::read(bytes, sheet)
}

/// Something in the table that could not be imported as it is, at its row and column.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub row: usize,
    /// The column's letter and header.
    pub column: Option<(String, String)>,
    pub message: Message,
}

impl Problem {
    /// « ligne 5, colonne C (« Code parent ») : … »
    pub fn text(&self, lang: Lang) -> String {
        let row = self.row;
        let message = self.message.get(lang);
        match &self.column {
            Some((letter, header)) => {
                let header = lang.quote(&shown(header).to_string());
                say!(
                    lang,
                    "ligne {row}, colonne {letter} {header} : {message}",
                    "row {row}, column {letter} {header}: {message}"
                )
            }
            None => say!(lang, "ligne {row} : {message}", "row {row}: {message}"),
        }
    }
}
