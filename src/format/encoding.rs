//! Files that are text but not UTF-8. UTF-16 with its byte-order mark (Windows' Notepad's
//! « Unicode ») says what it is and is read. Anything else is refused, never guessed at, but
//! named when it can be told: French text saved as Windows-1252 (Latin-1) by older Windows
//! tools, UTF-16 without its mark; the message says how to save it as UTF-8.

use crate::i18n::{Message, say, shown};

/// The text of a file that starts with a UTF-16 byte-order mark; `Err` with the offset of
/// the first unit that is not UTF-16. `None` for any other file.
pub(crate) fn utf16(bytes: &[u8]) -> Option<Result<String, usize>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0xDC00, // half a unit at the end: a lone surrogate, refused below
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut read = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                read += c.len_utf16();
            }
            Err(_) => return Some(Err(2 + 2 * read)),
        }
    }
    Some(Ok(text))
}

/// Whether a file with zero bytes is UTF-16 that lost its mark: mostly ASCII text, so one
/// byte of each pair is zero, always the same one.
pub(super) fn utf16_without_mark(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    let zeros = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .take(pairs)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros(0), zeros(1));
    pairs >= 8 && even.max(odd) * 10 >= pairs * 9 && even.min(odd) * 10 <= pairs
}

pub(super) fn utf16_message() -> Message {
    Message::new(
        "le fichier est encodé en UTF-16 sans marque d'ordre des octets : enregistrez-le en UTF-8",
        "the file is encoded in UTF-16 without a byte-order mark: save it as UTF-8",
    )
}

/// A byte of Windows-1252 (Latin-1 with typographic marks in 0x80–0x9F) as the character it
/// stands for; `None` for the five bytes it leaves undefined.
pub(crate) fn windows_1252(b: u8) -> Option<char> {
    const HIGH: [char; 32] = [
        '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0',
        '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => Some(HIGH[usize::from(b - 0x80)]).filter(|&c| c != '\0'),
        _ => Some(char::from(b)),
    }
}

/// Whether bytes that are not UTF-8 read as Windows-1252: every byte outside ASCII is one
/// of its characters, at least one a letter (é = 0xE9), and none is part of a UTF-8
/// sequence (a file of both is damaged, not of another encoding).
fn reads_as_windows_1252(bytes: &[u8]) -> bool {
    let mut letter = false;
    let mut rest = bytes;
    loop {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, 0),
            Err(e) => {
                let valid = &rest[..e.valid_up_to()];
                let valid = std::str::from_utf8(valid).unwrap_or_default();
                (valid, e.error_len().unwrap_or(rest.len() - e.valid_up_to()))
            }
        };
        if !valid.is_ascii() {
            return false;
        }
        let bad_bytes = &rest[valid.len()..valid.len() + bad];
        for &b in bad_bytes {
            match windows_1252(b) {
                Some(c) => letter |= c.is_alphabetic(),
                None => return false,
            }
        }
        rest = &rest[valid.len() + bad..];
        if rest.is_empty() {
            return letter;
        }
    }
}

/// The message for bytes that are not UTF-8 from `at` on.
pub(super) fn not_utf8(bytes: &[u8], at: usize) -> Message {
    let byte = bytes[at];
    if !reads_as_windows_1252(bytes) {
        return Message::new(
            format!(
                "texte invalide : le fichier n'est pas encodé en UTF-8 (octet 0x{byte:02X}) ; enregistrez-le en UTF-8"
            ),
            format!(
                "invalid text: the file is not encoded in UTF-8 (byte 0x{byte:02X}); save it as UTF-8"
            ),
        );
    }
    // The word around the byte, read as Windows-1252: « Ministère ».
    let in_word = |b: &u8| b.is_ascii_alphanumeric() || *b >= 0x80;
    let start = at - bytes[..at].iter().rev().take_while(|b| in_word(b)).count();
    let end = at + bytes[at..].iter().take_while(|b| in_word(b)).count();
    let word: String = bytes[start..end]
        .iter()
        .take(40)
        .filter_map(|&b| windows_1252(b))
        .collect();
    let (c, word) = (
        windows_1252(byte).unwrap_or_default().to_string(),
        shown(&word).to_string(),
    );
    let c = shown(&c);
    Message::each(|lang| {
        say!(
            lang,
            "le fichier est encodé en Windows-1252 (Latin-1), pas en UTF-8 : l'octet 0x{byte:02X} est le « {c} » de « {word} » ; enregistrez-le en UTF-8 (dans le Bloc-notes : Enregistrer sous, Encodage : UTF-8)",
            "the file is encoded in Windows-1252 (Latin-1), not in UTF-8: byte 0x{byte:02X} is the “{c}” of “{word}”; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"
        )
    })
}

/// The text of a file another tool wrote (a CSV table, an article saved as plain text):
/// UTF-8 (its byte-order mark dropped), UTF-16 with its mark, or else Windows-1252, which
/// every byte sequence decodes as. Unlike a `.ron` file, which is ours and refused when it
/// is not UTF-8, such files are what those tools write: guessing wrong shows as a wrong
/// letter in a preview, not a damaged file.
pub(crate) fn lenient(bytes: &[u8]) -> String {
    if let Some(Ok(text)) = utf16(bytes) {
        return text;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        // The five bytes Windows-1252 leaves undefined read as the C1 controls they are in
        // Latin-1, as browsers decode them.
        Err(_) => bytes
            .iter()
            .map(|&b| windows_1252(b).unwrap_or(char::from(b)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_1_is_told_from_damaged_utf8() {
        assert!(reads_as_windows_1252(
            b"Minist\xe8re \xab d\xe9l\xe9gation \xbb"
        ));
        // Typographic marks alone are no proof of French text.
        assert!(!reads_as_windows_1252(b"\x93quoted\x94"));
        // Bytes Windows-1252 leaves undefined.
        assert!(!reads_as_windows_1252(b"caf\xe9 \x81"));
        // UTF-8 and Latin-1 in one file: damaged, not of another encoding.
        assert!(!reads_as_windows_1252(
            "Ministère "
                .as_bytes()
                .iter()
                .chain(b"caf\xe9")
                .copied()
                .collect::<Vec<_>>()
                .as_slice()
        ));
        assert_eq!(windows_1252(0x9C), Some('œ'));
        assert_eq!(windows_1252(0xE9), Some('é'));
    }

    #[test]
    fn utf16_without_its_mark_is_recognised() {
        let text = "(version: 1, organisation: (name: \"é\"))";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(utf16_without_mark(&le) && utf16_without_mark(&be));
        assert!(!utf16_without_mark(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06"
        ));
        assert!(!utf16_without_mark(b"a\0"));
    }
}
