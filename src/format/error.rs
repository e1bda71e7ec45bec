//! Load errors that name the file, the line and the column, and say what was expected.

use crate::model::Issue;
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

    pub(super) fn syntax(file: &str, e: ron::error::SpannedError) -> Self {
        let message = format!("erreur de syntaxe : {}", e.code);
        Self::in_text(file, Some((e.span.start.line, e.span.start.col)), message)
    }

    /// Points each semantic error at the line where the element it names is defined.
    pub(super) fn semantic(file: &str, text: &str, errors: Vec<Issue>) -> Self {
        let problems = errors
            .into_iter()
            .map(|issue| {
                let at = issue
                    .id
                    .as_ref()
                    .and_then(|id| find_definition(text, id.as_str()));
                Problem {
                    line: at.map(|a| a.0),
                    column: at.map(|a| a.1),
                    message: issue.message,
                }
            })
            .collect();
        LoadError {
            file: file.to_string(),
            problems,
        }
    }

    /// The first problem's position, for a dialog that shows one place.
    pub fn first_position(&self) -> Option<(usize, usize)> {
        self.problems
            .first()
            .and_then(|p| Some((p.line?, p.column?)))
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
fn line_col(before: &[u8]) -> (usize, usize) {
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
    (line, column)
}

/// The line that defines this id (`id: "…"`); references to an id are written differently
/// (`parent: "…"`, `chair: "…"`), so the first match is the definition.
fn find_definition(text: &str, id: &str) -> Option<(usize, usize)> {
    let needle = format!("id: \"{id}\"");
    let at = text.find(&needle)?;
    let (line, column) = line_col(&text.as_bytes()[..at]);
    Some((line, column))
}
