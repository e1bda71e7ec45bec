//! The structure as an Excel workbook: one sheet per table of `table::all`, each with its
//! header in bold, frozen and filtered, its columns fitted to their content.

use super::table::{self, Cell};
use crate::i18n::Lang;
use crate::model::Organisation;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};
use std::borrow::Cow;

/// Fields longer than this are cut: it is the most an Excel cell holds.
const MAX_CELL_UNITS: usize = 32_767;
/// Columns fitted to their content stay within this width in pixels (about 60 characters):
/// a mission paragraph would otherwise make its column wider than the screen.
const MAX_COLUMN_PX: u32 = 425;

pub fn write(org: &Organisation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed date rather than now: the same structure gives the same workbook.
    let epoch = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&org.name)
            .set_creation_datetime(&epoch),
    );
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for t in table::all(org, lang) {
        let sheet = book.add_worksheet();
        sheet.set_name(t.name)?;
        for (c, h) in t.header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (r, row) in t.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Number(n) => sheet.write_number(r, c, *n)?,
                    Cell::Text(s) if s.is_empty() => sheet,
                    Cell::Text(s) if s.contains('\n') => {
                        sheet.write_string_with_format(r, c, cut(s), &wrap)?
                    }
                    Cell::Text(s) => sheet.write_string(r, c, cut(s))?,
                };
            }
        }
        let last_column = t.header.len().saturating_sub(1) as u16;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, t.rows.len() as u32, last_column)?;
        sheet.set_autofit_max_width(MAX_COLUMN_PX).autofit();
    }
    book.save_to_buffer()
}

/// `s` within a cell's limit, counted in UTF-16 units as Excel counts; a cut text ends with
/// « … ».
fn cut(s: &str) -> Cow<'_, str> {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units >= MAX_CELL_UNITS {
            return Cow::Owned(format!("{}…", &s[..at]));
        }
    }
    Cow::Borrowed(s)
}
