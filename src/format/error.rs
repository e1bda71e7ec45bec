//! Load errors that name the file, the line and the column, and say what was expected.
//!
//! RON's own messages are English and speak of Rust types (`Expected opening `(` for struct
//! `FileIn``); they are translated here into French that names the field, what was expected
//! and what was found, and syntax errors are pointed at the place a user has to edit.

use super::messages::*;
use crate::model::Issue;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based; `None` when the problem concerns the whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub(super) fn whole_file(path: &Path, message: String) -> Self {
        Self::in_text(&path.display().to_string(), None, message)
    }

    pub(super) fn in_text(file: &str, at: Option<(usize, usize)>, message: String) -> Self {
        let problem = Problem {
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
            message,
        };
        LoadError {
            file: file.to_string(),
            problems: vec![problem],
        }
    }

    pub(super) fn at_offset(file: &str, bytes: &[u8], offset: usize, message: String) -> Self {
        Self::in_text(file, Some(line_col(&bytes[..offset])), message)
    }

    /// A parse error of `text`, translated, and placed where the user has to edit.
    pub(super) fn syntax(file: &str, text: &str, e: &ron::error::SpannedError) -> Self {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let (at, message) = explain(&e.code, text, start);
        Self::in_text(file, Some(line_col(&text.as_bytes()[..at])), message)
    }

    /// Points each semantic error at the line where the element it names is defined (or, for
    /// an id defined nowhere, where it is referred to). One pass over the text, whatever the
    /// number of errors.
    pub(super) fn semantic(file: &str, text: &str, errors: Vec<Issue>) -> Self {
        let keys = KeyIndex::new(text);
        let lines = LineIndex::new(text);
        let problems = errors
            .into_iter()
            .map(|issue| {
                let mut message = issue.message;
                let mut at = None;
                if let Some(id) = &issue.id {
                    let defined = keys.definitions(id.as_str());
                    if defined.len() > 1 {
                        let numbers: Vec<String> = defined
                            .iter()
                            .map(|&o| lines.line_col(o).0.to_string())
                            .collect();
                        message.push_str(&format!(" (définitions : lignes {})", join_fr(&numbers)));
                    }
                    // An id defined nowhere (a relation's unknown end) is shown where it is used.
                    at = defined
                        .first()
                        .copied()
                        .or_else(|| keys.first_use(id.as_str()))
                        .map(|o| lines.line_col(o));
                }
                Problem {
                    line: at.map(|a| a.0),
                    column: at.map(|a| a.1),
                    message,
                }
            })
            .collect();
        LoadError {
            file: file.to_string(),
            problems,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match (p.line, p.column) {
                (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, p.message)?,
                _ => write!(f, "{}: {}", self.file, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// 1-based line and column (in characters) of the end of `before`.
pub(super) fn line_col(before: &[u8]) -> (usize, usize) {
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
    (line, column)
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    start
        + rest[..end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(end, |(i, _)| i)
}

pub(super) fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Where ids are written: `id: "sg"` defines, `parent:`, `chair:`, `from:` and `to:` refer
/// (also `id:"sg"` and `id : "sg"`). Offsets are those of the key.
struct KeyIndex<'a> {
    definitions: HashMap<&'a str, Vec<usize>>,
    first_use: HashMap<&'a str, usize>,
}

impl<'a> KeyIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut index = KeyIndex {
            definitions: HashMap::new(),
            first_use: HashMap::new(),
        };
        for (colon, _) in text.match_indices(':') {
            let after = &text[colon + 1..];
            let Some(value) = after.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = value.find('"') else {
                continue;
            };
            let Some((key_at, key)) = key_before(text, colon + 1) else {
                continue;
            };
            let value = &value[..end];
            match key {
                "id" => index.definitions.entry(value).or_default().push(key_at),
                "parent" | "chair" | "from" | "to" => {
                    index.first_use.entry(value).or_insert(key_at);
                }
                _ => {}
            }
        }
        index
    }

    fn definitions(&self, id: &str) -> &[usize] {
        self.definitions.get(id).map_or(&[], Vec::as_slice)
    }

    fn first_use(&self, id: &str) -> Option<usize> {
        self.first_use.get(id).copied()
    }
}

/// Line and column of many offsets of one text, without counting lines again each time.
struct LineIndex<'a> {
    text: &'a str,
    newlines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        LineIndex { text, newlines }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = self.newlines.partition_point(|&n| n < offset);
        let start = if before == 0 {
            0
        } else {
            self.newlines[before - 1] + 1
        };
        (before + 1, 1 + self.text[start..offset].chars().count())
    }
}

/// The `key:` written just before `at`, with its offset.
pub(super) fn key_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()?
        .0;
    Some((start, &before[start..]))
}

/// Offset of the first `key:` in the text.
pub(super) fn find_key(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(at, _)| at).find(|&at| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident_char(c));
        before_ok && text[at + key.len()..].trim_start().starts_with(':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::typos::closest;

    #[test]
    fn offsets_and_positions_agree() {
        let text = "ab\nçé x\n";
        let at = offset_of(text, 2, 4);
        assert_eq!(&text[at..at + 1], "x");
        assert_eq!(line_col(&text.as_bytes()[..at]), (2, 4));
        assert_eq!(offset_of(text, 9, 1), text.len());
        let lines = LineIndex::new(text);
        for at in [0, 1, 3, at, text.len()] {
            assert_eq!(lines.line_col(at), line_col(&text.as_bytes()[..at]));
        }
    }

    #[test]
    fn ids_are_found_where_defined_and_used() {
        let text = "(id: \"a\", parent:\"b\")\n(id : \"a\", name: \"id: \\\"b\\\"\")";
        let keys = KeyIndex::new(text);
        assert_eq!(keys.definitions("a"), [1, 23]);
        assert_eq!(keys.definitions("b"), [] as [usize; 0]);
        assert_eq!(keys.first_use("b"), Some(10));
    }

    #[test]
    fn unclosed_finds_the_innermost_opener() {
        assert_eq!(unclosed("( [ (a: \"(\") "), Some(('[', 2)));
        assert_eq!(unclosed("(a: r#\"\")\"#"), Some(('(', 0)));
        assert_eq!(unclosed("(a: \"abc"), Some(('"', 4)));
        assert_eq!(unclosed("()"), None);
    }

    #[test]
    fn typos_find_their_field() {
        assert_eq!(
            closest("acronyme", &["id", "name", "acronym"]),
            Some("acronym")
        );
        assert_eq!(closest("zzz", &["id", "name", "acronym"]), None);
        assert_eq!(closest("_", &["id", "name", "acronym"]), None);
        assert_eq!(closest("sour", &["text", "source"]), Some("source"));
        assert_eq!(
            closest("Directorate", &["Delegation", "Direction", "Service"]),
            Some("Direction")
        );
    }
}
