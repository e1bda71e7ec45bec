//! Load errors that name the file, the line and the column, and say what was expected.
//!
//! RON's own messages are English and speak of Rust types (`Expected opening `(` for struct
//! `FileIn``); they are put here into French or English that names the field, what was
//! expected and what was found, and syntax errors are pointed at the place a user has to
//! edit. Semantic errors point at the value they are about.

use super::messages::*;
use super::places::Places;
use crate::i18n::{Lang, Message, say, shown};
use crate::model::Issue;
use std::fmt;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based; `None` when the problem concerns the whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Message,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub(super) fn in_text(file: &str, at: Option<(usize, usize)>, message: Message) -> Self {
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

    pub(super) fn at_offset(file: &str, bytes: &[u8], offset: usize, message: Message) -> Self {
        Self::in_text(file, Some(line_col(&bytes[..offset])), message)
    }

    /// A parse error of `text`, put in words, and placed where the user has to edit.
    pub(super) fn syntax(file: &str, text: &str, e: &ron::error::SpannedError) -> Self {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let (at, fr) = explain(&e.code, text, start, Lang::Fr);
        let (_, en) = explain(&e.code, text, start, Lang::En);
        Self::in_text(
            file,
            Some(line_col(&text.as_bytes()[..at])),
            Message::new(fr, en),
        )
    }

    /// Points each semantic error at the value it is about (the reference that names no
    /// unit, the id defined again). One pass over the text, whatever the number of errors.
    pub(super) fn semantic(file: &str, text: &str, errors: Vec<Issue>) -> Self {
        let places = Places::new(text);
        let lines = LineIndex::new(text);
        let problems = errors
            .into_iter()
            .map(|issue| {
                let mut message = issue.message;
                if issue.definitions.len() > 1 {
                    let numbers: Vec<String> = issue
                        .definitions
                        .iter()
                        .filter_map(|p| places.find(p))
                        .map(|o| lines.line_col(o).0.to_string())
                        .collect();
                    message.push(&Message::each(|lang| {
                        say!(
                            lang,
                            " (définitions : lignes {})",
                            " (definitions: lines {})",
                            join(&numbers, lang)
                        )
                    }));
                }
                let at = issue
                    .place
                    .and_then(|p| places.find(&p))
                    .map(|o| lines.line_col(o));
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

    /// Every problem, one a line, as `file:line:column: message` in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let file = shown(&self.file);
        let lines: Vec<String> = self
            .problems
            .iter()
            .map(|p| {
                let message = p.message.get(lang);
                match (p.line, p.column) {
                    (Some(l), Some(c)) => format!("{file}:{l}:{c}: {message}"),
                    _ => format!("{file}: {message}"),
                }
            })
            .collect();
        lines.join("\n")
    }
}

/// In French, the default language.
impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::Fr))
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
