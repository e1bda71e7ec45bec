//! Workbooks (XLSX, ODS, and the older XLS) through calamine, which tells them apart by
//! their bytes.

use super::Table;
use crate::i18n::{Message, say, shown};
use calamine::{Data, Reader};

pub(super) fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Table, Message> {
    let mut workbook =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(|e| {
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
    let rows = range.rows().enumerate().map(|(i, cells)| {
        let row = first_row as usize + i + 1;
        (row, cells.iter().map(cell_text).collect())
    });
    let mut table = Table::from_rows(rows);
    table.first_column = first_column as usize;
    table.sheets = sheets;
    table.sheet = Some(chosen);
    Ok(table)
}

/// A cell as the text it shows: a code typed as 12 is stored as the number 12.0, and must
/// read « 12 » to match the parent code « 12 » of another row.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}
