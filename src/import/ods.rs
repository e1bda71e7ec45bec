//! The cells of an ODS sheet merged over several rows, which calamine does not give (it reads
//! the cells they cover as empty): each is a `table:table-cell` with
//! `table:number-rows-spanned`, at the row and column counted through the repeats that
//! compress the sheet. Read with quick-xml, which calamine already builds.

use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Cursor, Read};

/// More text than the workbook's content may unzip to before the search stops: a zip bomb
/// must not fill the memory, and a file under the size limit holds far less.
const MAX_CONTENT_BYTES: u64 = 1 << 30;

/// The merged cells of `sheet` spanning more than one row; none when the file cannot say.
pub(super) fn merged_cells(bytes: &[u8], sheet: &str) -> Vec<Dimensions> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let Ok(content) = archive.by_name("content.xml") else {
        return Vec::new();
    };
    let mut reader = Reader::from_reader(BufReader::new(content.take(MAX_CONTENT_BYTES)));
    let (mut buf, mut merged) = (Vec::new(), Vec::new());
    let mut inside = false;
    let (mut row, mut column, mut rows_repeated) = (0u32, 0u32, 1u32);
    loop {
        buf.clear();
        let (element, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) if inside => {
                match e.local_name().as_ref() {
                    "table" => break,
                    "table-row" => row = row.saturating_add(rows_repeated),
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => continue,
        };
        match element.local_name().as_ref() {
            "table" => inside = attribute(&element, "table:name").as_deref() == Some(sheet),
            "table-row" if inside => {
                column = 0;
                rows_repeated = number(&element, "table:number-rows-repeated");
                if empty {
                    row = row.saturating_add(rows_repeated);
                }
            }
            "table-cell" | "covered-table-cell" if inside => {
                let rows = number(&element, "table:number-rows-spanned");
                if rows > 1 {
                    let columns = number(&element, "table:number-columns-spanned");
                    let end = (
                        row.saturating_add(rows - 1),
                        column.saturating_add(columns - 1),
                    );
                    merged.push(Dimensions::new((row, column), end));
                }
                let repeated = number(&element, "table:number-columns-repeated");
                column = column.saturating_add(repeated);
            }
            _ => {}
        }
    }
    merged
}

fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    let found = element
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == name)?;
    let value = quick_xml::escape::unescape(&found.value).ok()?;
    Some(value.into_owned())
}

/// A count attribute: 1 when absent or unreadable, as the format says.
fn number(element: &BytesStart, name: &str) -> u32 {
    attribute(element, name)
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}
