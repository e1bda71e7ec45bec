//! Workbooks (XLSX, ODS, and the older XLS) through calamine, which tells them apart by
//! their bytes. Beyond each cell's value, what a spreadsheet shows and the value alone does
//! not tell: cells merged over several rows (calamine gives the value to the first row
//! only), formulas never calculated, formulas whose result is an error.

use super::{CellNote, Table};
use crate::i18n::{Message, say, shown};
use calamine::{Data, Dimensions, Reader, Sheets};
use std::collections::HashSet;
use std::io::Cursor;

pub(super) fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, Message> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        let e = shown(&e.to_string()).to_string();
        Message::each(|lang| {
            say!(
                lang,
                "classeur illisible ({e}) : attendu un fichier .xlsx ou .ods",
                "unreadable workbook ({e}): expected an .xlsx or .ods file"
            )
        })
    })?;
    let sheets = workbook.sheet_names();
    let chosen = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.eq_ignore_ascii_case(wanted) || s.as_str() == wanted)
            .ok_or_else(|| {
                let (wanted, names) = (
                    shown(wanted).to_string(),
                    shown(&sheets.join(", ")).to_string(),
                );
                Message::each(|lang| {
                    say!(
                        lang,
                        "aucune feuille ne s'appelle « {wanted} » (feuilles : {names})",
                        "no sheet is named “{wanted}” (sheets: {names})"
                    )
                })
            })?,
        None => sheets.first().ok_or_else(|| {
            Message::new(
                "le classeur n'a aucune feuille",
                "the workbook has no sheet",
            )
        })?,
    }
    .clone();
    let range = workbook.worksheet_range(&chosen).map_err(|e| {
        let e = shown(&e.to_string()).to_string();
        Message::each(|lang| say!(lang, "feuille illisible ({e})", "unreadable sheet ({e})"))
    })?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let at = |row: u32, column: u32| {
        let row = row.checked_sub(first_row)? as usize;
        Some((row, column.checked_sub(first_column)? as usize))
    };
    let mut notes = Vec::new();
    let mut errors = HashSet::new();
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(range.height());
    for (i, cells) in range.rows().enumerate() {
        let texts = cells.iter().enumerate().map(|(j, cell)| match cell {
            Data::Error(e) => {
                errors.insert((i, j));
                notes.push((
                    first_row as usize + i + 1,
                    j,
                    CellNote::Error(e.to_string()),
                ));
                String::new()
            }
            cell => cell_text(cell),
        });
        rows.push(texts.collect());
    }
    let merges = merged_cells(&mut workbook, bytes, &chosen);
    // A formula cell without a value: the file's writer did not calculate it.
    let formulas = workbook.worksheet_formula(&chosen).unwrap_or_default();
    let start = formulas.start().unwrap_or((0, 0));
    for (r, c, formula) in formulas.used_cells() {
        let (row, column) = (start.0 + r as u32, start.1 + c as u32);
        let Some((i, j)) = at(row, column) else {
            continue;
        };
        let cell = rows.get(i).and_then(|cells| cells.get(j));
        let empty = cell.is_none_or(String::is_empty) && !errors.contains(&(i, j));
        if !formula.is_empty() && empty {
            let note = CellNote::Uncalculated(format!("={formula}"));
            notes.push((row as usize + 1, j, note));
        }
    }
    let numbered = rows.into_iter().enumerate();
    let mut table =
        Table::from_rows(numbered.map(|(i, cells)| (first_row as usize + i + 1, cells)));
    fill_merged(&mut table, merges, first_column, &mut notes);
    notes.retain(|(row, _, _)| *row > table.header_row);
    notes.sort_by_key(|(row, column, _)| (*row, *column));
    table.notes = notes;
    table.first_column = first_column as usize;
    table.sheets = sheets;
    table.sheet = Some(chosen);
    Ok(table)
}

/// A cell merged over rows shows its value on each of them: a parent code merged over the
/// rows of the units it heads is each one's parent. Not so for a header merged over the row
/// below it: that row is no unit, and said as such.
fn fill_merged(
    table: &mut Table,
    mut merges: Vec<Dimensions>,
    first_column: u32,
    notes: &mut Vec<(usize, usize, CellNote)>,
) {
    // Merged ranges never overlap in a sheet a spreadsheet wrote; a file that repeats or
    // overlaps them (a hundred thousand times « A1:A1048576 » zips into a few kilobytes)
    // would have every row filled again for each. The first range over a cell fills it.
    merges.sort_unstable_by_key(|m| (m.start.1, m.start.0));
    let mut covered: Option<(u32, u32)> = None;
    for merged in merges {
        if covered.is_some_and(|(column, end)| merged.start.1 == column && merged.start.0 <= end) {
            continue;
        }
        covered = Some((merged.start.1, merged.end.0));
        let top = merged.start.0 as usize + 1;
        let Some(column) = merged.start.1.checked_sub(first_column) else {
            continue;
        };
        let (column, records) = (column as usize, &mut table.records);
        let Ok(first) = records.binary_search_by_key(&top, |r| r.row) else {
            continue;
        };
        let value = records[first].cells.get(column).filter(|v| !v.is_empty());
        let Some(value) = value.cloned() else {
            continue;
        };
        let last = merged.end.0 as usize + 1;
        for record in records[first + 1..]
            .iter_mut()
            .take_while(|r| r.row <= last)
        {
            if record.cells.len() <= column {
                record.cells.resize(column + 1, String::new());
            }
            record.cells[column].clone_from(&value);
            notes.push((record.row, column, CellNote::Merged(top)));
        }
    }
}

/// The sheet's cells merged over more than one row (none for XLSB, rare enough to go
/// without).
fn merged_cells(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    bytes: &[u8],
    sheet: &str,
) -> Vec<Dimensions> {
    let merged = match workbook {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Sheets::Ods(_) => super::ods::merged_cells(bytes, sheet),
        Sheets::Xlsb(_) => Vec::new(),
    };
    merged.into_iter().filter(|m| m.end.0 > m.start.0).collect()
}

/// A cell as the text it shows: a code typed as 12 is stored as the number 12.0, and must
/// read « 12 » to match the parent code « 12 » of another row.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}
