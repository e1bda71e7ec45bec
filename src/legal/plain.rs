//! The draft as plain text and as Markdown: the forms that paste into any tool, and that
//! `read` reads back.

use super::draft::{Block, Document};
use super::french::{NBSP, ordinal};

/// Plain text: one paragraph a line, a blank line between paragraphs, list items on
/// consecutive lines indented two spaces per level below the first.
pub fn txt(doc: &Document) -> String {
    let mut out = String::new();
    let push = |out: &mut String, block: &Block, previous: Option<&Block>| {
        let item_after_item = matches!(
            (block, previous),
            (Block::Item { .. }, Some(Block::Item { .. }))
        );
        if !out.is_empty() {
            out.push_str(if item_after_item { "\n" } else { "\n\n" });
        }
        match block {
            Block::Paragraph(t) | Block::Centered(t) => out.push_str(t),
            Block::Item { level, text } => {
                out.push_str(&"  ".repeat(level.saturating_sub(1)));
                out.push_str("–\u{a0}");
                out.push_str(text);
            }
        }
    };
    push(&mut out, &Block::Centered(doc.title.clone()), None);
    each_block(
        doc,
        |block, previous| push(&mut out, block, previous),
        |n| Block::Centered(format!("Article {}", ordinal(n))),
    );
    out.push('\n');
    out
}

/// Markdown: the title and articles as headings, list items as lines with hard breaks,
/// indented with em spaces (Markdown would take leading spaces for code).
pub fn md(doc: &Document) -> String {
    let mut out = format!("# {}\n", escape(&doc.title));
    each_block(
        doc,
        |block, previous| {
            let item_after_item = matches!(
                (block, previous),
                (Block::Item { .. }, Some(Block::Item { .. }))
            );
            out.push_str(if item_after_item { "\\\n" } else { "\n\n" });
            match block {
                Block::Paragraph(t) => out.push_str(&escape(t)),
                Block::Centered(t) if t.starts_with("## ") => out.push_str(t),
                Block::Centered(t) => out.push_str(&format!("**{}**", escape(t))),
                Block::Item { level, text } => {
                    out.push_str(&"\u{2003}".repeat(level.saturating_sub(1)));
                    out.push_str(&format!("–{NBSP}{}", escape(text)));
                }
            }
        },
        |n| Block::Centered(format!("## Article {}", ordinal(n))),
    );
    out.push('\n');
    out
}

/// Calls `each` on every block after the title, in order, with the block before it;
/// `heading` makes each article's heading.
fn each_block(
    doc: &Document,
    mut each: impl FnMut(&Block, Option<&Block>),
    heading: impl Fn(usize) -> Block,
) {
    let mut previous: Option<Block> = None;
    let mut visit = |block: &Block| {
        each(block, previous.as_ref());
        previous = Some(block.clone());
    };
    doc.preamble.iter().for_each(&mut visit);
    for article in &doc.articles {
        visit(&heading(article.number));
        article.blocks.iter().for_each(&mut visit);
    }
    doc.closing.iter().for_each(&mut visit);
}

/// Text safe in Markdown: its punctuation escaped, so that a mission with `*` or `[`, or one
/// starting « 1. » or « - », stays text rather than emphasis, a link or a list.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let numbered = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|&at| at > 0 && text[at..].starts_with(['.', ')']));
    for (i, c) in text.char_indices() {
        let special = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) || (i == 0 && matches!(c, '-' | '+' | '='))
            || numbered == Some(i);
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
