//! CSV as spreadsheets write it: Excel in France writes `;`-separated Windows-1252 (or
//! UTF-8 with a byte-order mark when asked for « CSV UTF-8 »), LibreOffice and most other
//! tools RFC 4180 with `,`. The encoding and the separator are told from the bytes, so the
//! user never has to say which they have.

use super::Table;
use crate::format::encoding;

/// The separator of the first record: whichever of `;`, `,` and tab occurs most outside
/// quotes; `;` wins a tie, as French files are what this reads most.
fn separator(text: &str) -> u8 {
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(count) = counts.iter_mut().find(|(sep, _)| *sep == b) {
                    count.1 += 1;
                }
            }
            _ => {}
        }
    }
    counts
        .iter()
        .fold((b';', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

pub(super) fn read(bytes: &[u8]) -> Table {
    let text = encoding::lenient(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // A record is one row of the spreadsheet, line breaks inside quotes included. The text
    // is valid UTF-8, so reading a record cannot fail.
    let rows = reader
        .records()
        .map_while(Result::ok)
        .enumerate()
        .map(|(i, record)| (i + 1, record.iter().map(unguarded).collect()));
    Table::from_rows(rows)
}

/// A cell as written: without the apostrophe an export puts before a text that would look
/// like a formula (see `export::table::csv`).
fn unguarded(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if crate::export::table::looks_like_formula(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_separator_is_the_most_frequent_outside_quotes() {
        assert_eq!(separator("Code;Libellé;Effectif\n1,5;a,b"), b';');
        assert_eq!(separator("\"a;b;c\",d,e\n"), b',');
        assert_eq!(separator("a\tb\tc"), b'\t');
        assert_eq!(separator("Libellé"), b';');
    }

    #[test]
    fn encodings_are_told_from_the_bytes() {
        assert_eq!(encoding::lenient(b"D\xe9l\xe9gation \x80"), "Délégation €");
        assert_eq!(encoding::lenient("\u{feff}Libellé".as_bytes()), "Libellé");
        assert_eq!(encoding::lenient(b"\xff\xfeL\0\xe9\0"), "Lé");
    }
}
