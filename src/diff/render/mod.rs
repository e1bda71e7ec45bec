//! `Changes` as a report: prose for people (text, Markdown), a table for spreadsheets (CSV),
//! the data itself for programs (JSON).

mod csv;
pub mod prose;
pub mod table;
mod write;

use super::{Changes, Field, Named, Segment, Status, Value};
use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Csv,
    Json,
}

/// The report of `changes` from the file named `old` to the one named `new`. Text and
/// Markdown say nothing when nothing changed, as `diff` does; the CSV is then its header,
/// the JSON empty lists. The JSON is `changes` itself, the same in both languages, and reads
/// back as them.
pub fn render(changes: &Changes, format: Format, lang: Lang, old: &str, new: &str) -> String {
    match format {
        Format::Text | Format::Markdown if changes.is_empty() => String::new(),
        Format::Text => write::text(&prose::sections(changes, lang), lang, old, new),
        Format::Markdown => write::markdown(&prose::sections(changes, lang), lang, old, new),
        Format::Csv => csv::table(changes, lang),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(changes)
                .expect("changes hold only strings, numbers, lists and maps");
            json.push('\n');
            json
        }
    }
}

/// How an element's change is said, for elements of each gender: « créée », « ajouté ».
#[derive(Clone, Copy)]
struct Verbs {
    added: (&'static str, &'static str),
    removed: (&'static str, &'static str),
    changed: (&'static str, &'static str),
}

impl Verbs {
    fn of(self, status: Status, lang: Lang) -> &'static str {
        let (fr, en) = match status {
            Status::Added => self.added,
            Status::Removed => self.removed,
            Status::Changed => self.changed,
        };
        lang.pick(fr, en)
    }
}

const CREATED: Verbs = Verbs {
    added: ("créée", "created"),
    removed: ("supprimée", "removed"),
    changed: ("modifiée", "changed"),
};
const ADDED_F: Verbs = Verbs {
    added: ("ajoutée", "added"),
    removed: ("retirée", "removed"),
    changed: ("modifiée", "changed"),
};
const ADDED_M: Verbs = Verbs {
    added: ("ajouté", "added"),
    removed: ("retiré", "removed"),
    changed: ("modifié", "changed"),
};

/// A value in words; an empty text is « (vide) ».
fn value(v: &Value, lang: Lang) -> String {
    match v {
        Value::Text(t) if t.is_empty() => lang.pick("(vide)", "(empty)").into(),
        Value::Text(t) => t.clone(),
        Value::Count(None) => lang.pick("non renseigné", "not given").into(),
        Value::Count(Some(n)) => n.to_string(),
        Value::Flag(b) => lang
            .pick(
                if *b { "oui" } else { "non" },
                if *b { "yes" } else { "no" },
            )
            .into(),
        Value::Unit(None) => lang.pick("aucune", "none").into(),
        Value::Unit(Some(n)) => n.label.clone(),
        Value::Kind(k) => k.label(lang).into(),
    }
}

/// A parent in words: its name, or « racine » for a root.
fn parent(p: Option<&Named>, lang: Lang) -> String {
    p.map_or_else(|| lang.pick("racine", "root").into(), |n| n.label.clone())
}

/// Texts longer than this many words are shown as a word diff rather than before and after.
const LONG_TEXT: usize = 12;

/// Below this share of words in common, a word diff would mark nearly everything: the text
/// is shown before and after instead.
const ALIKE: f32 = 0.5;

/// The word diff of a field worth showing as one: long texts that kept most of their words.
fn word_diff(field: Field, old: &Value, new: &Value) -> Option<Vec<Segment>> {
    let (Value::Text(a), Value::Text(b)) = (old, new) else {
        return None;
    };
    let long = a
        .split_whitespace()
        .count()
        .max(b.split_whitespace().count())
        > LONG_TEXT;
    (field != Field::Name && long && super::words::similarity(a, b) >= ALIKE)
        .then(|| super::words::diff(a, b))
}

/// Words kept on each side of a change; longer unchanged runs are cut with « … ».
const CONTEXT: usize = 6;

/// The runs of a word diff, unchanged ones cut to their context.
fn elide(segments: &[Segment]) -> Vec<Segment> {
    let last = segments.len().saturating_sub(1);
    segments
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let Segment::Same(text) = s else {
                return s.clone();
            };
            let words: Vec<&str> = text.split_whitespace().collect();
            let n = words.len();
            let (keep_start, keep_end) = match (k == 0, k == last) {
                (true, true) => (n, 0),
                (true, false) => (0, CONTEXT),
                (false, true) => (CONTEXT, 0),
                (false, false) => (CONTEXT, CONTEXT),
            };
            if keep_start + keep_end + 1 >= n {
                return s.clone();
            }
            let mut parts = Vec::new();
            if keep_start > 0 {
                parts.push(words[..keep_start].join(" "));
            }
            parts.push("…".into());
            if keep_end > 0 {
                parts.push(words[n - keep_end..].join(" "));
            }
            Segment::Same(parts.join(" "))
        })
        .collect()
}

/// A word diff in plain text, as `git diff --word-diff` marks it: `[-old-]{+new+}`.
fn marked(segments: &[Segment]) -> String {
    let parts: Vec<String> = elide(segments)
        .into_iter()
        .map(|s| match s {
            Segment::Same(t) => t,
            Segment::Removed(t) => format!("[-{t}-]"),
            Segment::Added(t) => format!("{{+{t}+}}"),
        })
        .collect();
    parts.join(" ")
}
