//! What the DOCX and ODT writers share: XML-escaped text and the zip package around parts.

use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// `text` as XML character data: markup escaped, and the control characters XML 1.0 forbids
/// dropped, so that a mission pasted with a stray control code still gives a file that opens.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// A zip package of `parts` (name, bytes) in their order; the first is stored uncompressed
/// when `stored_first` (ODT's « mimetype », which readers find at a fixed offset).
pub fn package(parts: &[(&str, Vec<u8>)], stored_first: bool) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        let options = if i == 0 && stored_first {
            stored
        } else {
            deflated
        };
        zip.start_file(*name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}
