//! The report's sections laid out as plain text or as Markdown.

use super::prose::{Line, Section, Span};
use crate::i18n::Lang;

fn header(lang: Lang, old: &str, new: &str, quote: impl Fn(&str) -> String) -> String {
    let (old, new) = (quote(old), quote(new));
    match lang {
        Lang::Fr => format!("Comparaison de {old} et de {new}"),
        Lang::En => format!("Comparison of {old} with {new}"),
    }
}

fn colon(lang: Lang) -> &'static str {
    lang.pick(" : ", ": ")
}

/// Indented text; changed words marked as `git diff --word-diff` marks them.
pub fn text(sections: &[Section], lang: Lang, old: &str, new: &str) -> String {
    let line = |l: &Line| -> String {
        l.iter()
            .map(|s| match s {
                Span::Plain(t) => t.clone(),
                Span::Quote(t) => lang.quote(t),
                Span::Removed(t) => format!("[-{t}-]"),
                Span::Added(t) => format!("{{+{t}+}}"),
            })
            .collect::<Vec<_>>()
            .join("")
    };
    let mut out = header(lang, old, new, |s| s.to_string());
    out.push('\n');
    for section in sections {
        out.push_str(&format!("\n{}\n", section.title));
        for entry in &section.entries {
            let indent = if entry.name.is_empty() {
                "  "
            } else {
                out.push_str(&format!(
                    "  {}{}{}\n",
                    entry.name,
                    colon(lang),
                    entry.status
                ));
                "      "
            };
            for detail in &entry.details {
                out.push_str(&format!("{indent}{}\n", line(detail)));
            }
        }
    }
    out
}

/// Markdown's own characters in names and texts, escaped so that they print as typed.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '~' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A heading per section, a bullet per element in bold, its details as sub-bullets;
/// removed words struck through, added ones in bold.
pub fn markdown(sections: &[Section], lang: Lang, old: &str, new: &str) -> String {
    let line = |l: &Line| -> String {
        l.iter()
            .map(|s| match s {
                Span::Plain(t) => escape(t),
                Span::Quote(t) => lang.quote(&escape(t)),
                Span::Removed(t) => format!("~~{}~~", escape(t)),
                Span::Added(t) => format!("**{}**", escape(t)),
            })
            .collect::<Vec<_>>()
            .join("")
    };
    let mut out = format!("# {}\n", header(lang, old, new, |s| format!("`{s}`")));
    for section in sections {
        out.push_str(&format!("\n## {}\n\n", section.title));
        for entry in &section.entries {
            let indent = if entry.name.is_empty() {
                ""
            } else {
                let name = escape(&entry.name);
                out.push_str(&format!("- **{name}**{}{}\n", colon(lang), entry.status));
                "  "
            };
            for detail in &entry.details {
                out.push_str(&format!("{indent}- {}\n", line(detail)));
            }
        }
    }
    out
}
