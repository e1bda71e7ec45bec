//! The `.ron` file: a versioned envelope around the model, read with bounds and clear
//! errors, written deterministically and atomically.

pub(crate) mod encoding;
mod error;
pub mod fast;
mod messages;
pub mod os;
mod places;
mod save;
mod typos;

pub use error::LoadError;
pub use save::{
    SaveError, atomic_write, atomic_write_with, atomic_write_without_backup, backup_path,
    write_export, write_export_with,
};

use crate::i18n::{Message, say};
use crate::model::{Issue, Organisation, Place, Severity, Stats, validate};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::Path;

/// The version this build writes. Files of a newer version are refused, older ones migrated.
pub const CURRENT_VERSION: u32 = 1;
/// Larger files are refused before they are read: a real structure of 50,000 units with
/// their missions is about 60 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// More units than any administration has; beyond it the file is refused.
pub const MAX_UNITS: usize = 200_000;
/// A longer string is refused: a whole book chapter is less, a mission paragraph a few
/// kilobytes. Keeps a hostile file from making the canvas and exports measure megabytes
/// of one text.
pub const MAX_STRING_BYTES: usize = 1024 * 1024;
/// Nesting deeper than this is not a structure anyone writes (RON's own guard).
const MAX_NESTING: usize = 64;

#[derive(Serialize)]
struct FileOut<'a> {
    version: u32,
    organisation: &'a Organisation,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    version: u32,
    organisation: Organisation,
}

/// Only the version, so that a newer file is refused with a message about its version even
/// when the rest of it no longer matches this build's schema.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// A file that loaded, with what validation found that does not stop it from loading.
#[derive(Debug)]
pub struct Loaded {
    pub organisation: Organisation,
    pub warnings: Vec<Issue>,
    pub stats: Stats,
    /// The file holds comments, which a save in canonical form does not keep.
    pub comments: bool,
}

/// Whether `text` has a `//` or `/*` comment outside its strings.
pub fn has_comments(text: &str) -> bool {
    let mut in_string = false;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (in_string, b) {
            (true, b'\\') => {
                bytes.next();
            }
            (_, b'"') => in_string = !in_string,
            (false, b'/') if matches!(bytes.peek(), Some(b'/' | b'*')) => return true,
            _ => {}
        }
    }
    false
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// The 1-based line and column where the value `place` is about is written in `text` (a
/// file that loaded), for a message about it found after loading.
pub fn locate(text: &str, place: &Place) -> Option<(usize, usize)> {
    let at = places::Places::new(text).find(place)?;
    Some(error::line_col(&text.as_bytes()[..at]))
}

/// Writes the canonical text of a structure: same model, same bytes.
pub fn to_string(org: &Organisation) -> String {
    let file = FileOut {
        version: CURRENT_VERSION,
        organisation: org,
    };
    let write = |escape_strings: bool| {
        let pretty = ron::ser::PrettyConfig::new()
            .indentor("    ")
            .struct_names(false)
            .escape_strings(escape_strings)
            .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
        ron::Options::default()
            .to_string_pretty(&file, pretty)
            .expect(
                "the model has only strings, numbers, lists and structs, which RON can always write",
            )
    };
    // Readable strings; if RON's output ever is not what `escape_invisible` expects, every
    // string escaped: less readable, as lossless.
    let mut text = escape_invisible(write(false)).unwrap_or_else(|| write(true));
    text.push('\n');
    text
}

/// Characters that must not appear raw in the file: NUL makes it binary (and refused on
/// load), a lone CR is rewritten by editors and version control, the other control
/// characters are invisible. Newlines and tabs stay as they are, so that French text is
/// written as the user typed it.
fn needs_escape(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// RON's readable mode writes strings unescaped (or raw, `r#"…"#`, when they hold `"` or
/// `\`), which cannot say "this character is invisible". The strings that hold such a
/// character, and only those, are rewritten as escaped strings (`"a\u{0}b"`): every other
/// string keeps its readable form, and the text stays lossless.
///
/// `text` is RON's own output, so its strings are easy to find: a plain string has neither
/// `"` nor `\` inside, a raw string always starts with `r#`, and outside strings there is
/// no control character but the newline. `None` if the text is not like that.
fn escape_invisible(text: String) -> Option<String> {
    if !text.chars().any(needs_escape) {
        return Some(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text.as_str();
    while let Some(start) = rest.find(['"', 'r']) {
        let (before, from) = rest.split_at(start);
        if before.chars().any(needs_escape) {
            return None;
        }
        out.push_str(before);
        let (literal, value, after) = if let Some(body) = from.strip_prefix('"') {
            let end = body.find('"')?;
            (&from[..end + 2], &body[..end], &body[end + 1..])
        } else {
            let hashes = from[1..].chars().take_while(|&c| c == '#').count();
            let after_ident = before
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if hashes == 0 || !from[1 + hashes..].starts_with('"') || after_ident {
                out.push('r');
                rest = &from[1..];
                continue;
            }
            let body = &from[2 + hashes..];
            let close = format!("\"{}", "#".repeat(hashes));
            let end = body.find(&close)?;
            let len = 2 + hashes + end + close.len();
            (&from[..len], &body[..end], &from[len..])
        };
        if value.chars().any(needs_escape) {
            out.push('"');
            for c in value.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
                    c => out.push(c),
                }
            }
            out.push('"');
        } else {
            out.push_str(literal);
        }
        rest = after;
    }
    out.push_str(rest);
    // Anything left invisible was not inside a string: not RON's output as expected.
    (!rest.chars().any(needs_escape)).then_some(out)
}

/// Reads a file from disk with every bound checked before the bytes are trusted.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let err = |message: Message| LoadError::in_text(&name, None, message);
    let file = std::fs::File::open(path).map_err(|e| {
        err(os::failed(
            ("impossible d'ouvrir le fichier", "cannot open the file"),
            &e,
        ))
    })?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILE_BYTES {
        return Err(err(too_big(len)));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            err(os::failed(
                ("lecture impossible", "cannot read the file"),
                &e,
            ))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(err(too_big(bytes.len() as u64)));
    }
    load_bytes(&name, &bytes)
}

fn too_big(len: u64) -> Message {
    let (len, max) = (len / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
    Message::new(
        format!("fichier trop volumineux ({len} Mo) : la taille maximale est de {max} Mo"),
        format!("file too large ({len} MB): the largest size is {max} MB"),
    )
}

/// Parses and validates the bytes of a file named `name` (used in messages only).
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::in_text(name, None, too_big(bytes.len() as u64)));
    }
    // Windows' Notepad saves « Unicode » as UTF-16 with a byte-order mark: read it as the
    // text it is (lines and columns are the same), to be saved back in UTF-8.
    if let Some(text) = encoding::utf16(bytes) {
        return match text {
            Ok(text) => load_bytes(name, text.as_bytes()),
            Err(at) => {
                let message = Message::new(
                    "texte UTF-16 invalide : attendu un fichier texte .ron ; enregistrez-le en UTF-8",
                    "invalid UTF-16 text: expected a .ron text file; save it as UTF-8",
                );
                Err(LoadError::at_offset(name, bytes, at, message))
            }
        };
    }
    if let Some(at) = memchr::memchr(0, bytes) {
        if encoding::utf16_without_mark(bytes) {
            return Err(LoadError::in_text(name, None, encoding::utf16_message()));
        }
        let message = Message::new(
            "fichier binaire (octet nul) : attendu un fichier texte .ron",
            "binary file (a zero byte): expected a .ron text file",
        );
        return Err(LoadError::at_offset(name, bytes, at, message));
    }
    // SIMD validation: French text is not ASCII, which std's fast path needs.
    let text = simdutf8::compat::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        LoadError::at_offset(name, bytes, at, encoding::not_utf8(bytes, at))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let message = Message::each(|lang| {
            say!(
                lang,
                "fichier vide : attendu un organigramme « ( version: {CURRENT_VERSION}, organisation: ( name: \"…\", units: [ … ] ) ) »",
                "empty file: expected a chart “( version: {CURRENT_VERSION}, organisation: ( name: \"…\", units: [ … ] ) )”"
            )
        });
        return Err(LoadError::in_text(name, None, message));
    }
    // Counted before parsing, so that a file of a million tiny units is refused before it
    // takes the memory of a million units. Every unit, body and entity has an `id`.
    let ids = memchr::memmem::find_iter(text.as_bytes(), b"id:").count();
    if ids > 2 * MAX_UNITS {
        let message = Message::new(
            format!("environ {ids} éléments : le maximum est de {MAX_UNITS} unités"),
            format!("about {ids} elements: the most is {MAX_UNITS} units"),
        );
        return Err(LoadError::in_text(name, None, message));
    }
    if let Some((at, len)) = overlong_string(text) {
        let (len, max) = (len / 1024, MAX_STRING_BYTES / 1024);
        let message = Message::new(
            format!("texte trop long ({len} Ko) : un texte fait au plus {max} Ko"),
            format!("text too long ({len} KB): a text holds at most {max} KB"),
        );
        return Err(LoadError::at_offset(name, text.as_bytes(), at, message));
    }
    let organisation = parse(name, text)?;
    if organisation.units.len() > MAX_UNITS {
        let n = organisation.units.len();
        let message = Message::new(
            format!("{n} unités : le maximum est de {MAX_UNITS}"),
            format!("{n} units: the most is {MAX_UNITS}"),
        );
        return Err(LoadError::in_text(name, None, message));
    }
    let (issues, stats) = validate(&organisation);
    let (errors, warnings): (Vec<_>, Vec<_>) = issues
        .into_iter()
        .partition(|i| i.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(LoadError::semantic(name, text, errors));
    }
    Ok(Loaded {
        organisation,
        warnings,
        stats,
        comments: has_comments(text),
    })
}

/// Where the first string literal longer than `MAX_STRING_BYTES` starts, and its length.
/// A lexical scan, so that the message can point at the string itself; an unterminated
/// string is left for the parser to explain.
fn overlong_string(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(found) = memchr::memchr2(b'"', b'/', &b[i..]) {
        let at = i + found;
        if b[at] == b'/' {
            i = match b.get(at + 1) {
                Some(b'/') => memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |n| at + n),
                Some(b'*') => block_comment_end(b, at + 2),
                _ => at + 1,
            };
            continue;
        }
        // `r#"…"#`: the hashes and the `r` stand before the quote.
        let hashes = b[..at].iter().rev().take_while(|&&c| c == b'#').count();
        let r = at.checked_sub(hashes + 1);
        let raw = r.is_some_and(|r| {
            b[r] == b'r' && (r == 0 || !(b[r - 1].is_ascii_alphanumeric() || b[r - 1] == b'_'))
        });
        let body = at + 1;
        let len = if raw {
            let mut closing = vec![b'"'];
            closing.resize(hashes + 1, b'#');
            memchr::memmem::find(&b[body..], &closing)?
        } else {
            let mut j = body;
            loop {
                let k = j + memchr::memchr2(b'"', b'\\', b.get(j..)?)?;
                if b[k] == b'"' {
                    break k - body;
                }
                j = k + 2;
            }
        };
        if len > MAX_STRING_BYTES {
            return Some((r.filter(|_| raw).unwrap_or(at), len));
        }
        i = body + len + 1 + if raw { hashes } else { 0 };
    }
    None
}

/// Where a block comment whose body starts at `from` ends: RON nests them, `/* /* */ */`.
fn block_comment_end(b: &[u8], mut from: usize) -> usize {
    let mut depth = 1;
    while depth > 0 {
        let Some(k) = memchr::memchr2(b'/', b'*', &b[from..]) else {
            return b.len();
        };
        let at = from + k;
        match (b[at], b.get(at + 1)) {
            (b'/', Some(b'*')) => depth += 1,
            (b'*', Some(b'/')) => depth -= 1,
            _ => {
                from = at + 1;
                continue;
            }
        }
        from = at + 2;
    }
    from
}

fn parse(name: &str, text: &str) -> Result<Organisation, LoadError> {
    if let Ok(file) = fast::from_str::<FileIn>(text)
        && file.version == CURRENT_VERSION
    {
        return Ok(file.organisation);
    }
    let options = ron_options();
    // One parse in the common case; the probe only runs to explain a failure.
    let version = match options.from_str::<FileIn>(text) {
        Ok(file) if file.version == CURRENT_VERSION => return Ok(file.organisation),
        Ok(file) => file.version,
        Err(e) => match options.from_str::<VersionProbe>(text) {
            Ok(probe) if probe.version != CURRENT_VERSION => probe.version,
            _ => return Err(LoadError::syntax(name, text, &e)),
        },
    };
    // Migrations from older versions go here, each turning version n into n + 1.
    let message = if version > CURRENT_VERSION {
        Message::new(
            format!(
                "ce fichier est au format version {version}, plus récent que celui de cette version d'Organigramme ({CURRENT_VERSION}) : mettez Organigramme à jour pour l'ouvrir"
            ),
            format!(
                "this file is in format version {version}, newer than this version of Organigramme's ({CURRENT_VERSION}): update Organigramme to open it"
            ),
        )
    } else {
        Message::new(
            format!("version de format inconnue : {version} (attendu : 1 à {CURRENT_VERSION})"),
            format!("unknown format version: {version} (expected: 1 to {CURRENT_VERSION})"),
        )
    };
    let at = error::find_key(text, "version").map(|o| error::line_col(&text.as_bytes()[..o]));
    Err(LoadError::in_text(name, at, message))
}
