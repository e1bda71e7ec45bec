//! The bundled font, text measuring and line breaking: one implementation, used once when the
//! scene is built, so the canvas, the SVG and the PNG all show the same lines.
//!
//! Widths come from the font's own advance table (the same bytes egui and resvg draw with), not
//! from a shaping pass: it is exact for the Latin text of French administrations, costs a table
//! look-up per character, and needs no window.

use std::collections::HashMap;
use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Bold.ttf");
/// The family name inside the TTF, for SVG and resvg; the fallbacks share its metrics
/// (Liberation Sans is metric-compatible with Arial).
pub const FAMILY: &str = "Liberation Sans";
pub const FAMILY_FALLBACKS: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";
/// Distance between baselines, in multiples of the font size.
pub const LINE_HEIGHT: f32 = 1.22;
/// Baseline below the top of a line, in multiples of the font size (the font's ascender).
pub const ASCENT: f32 = 0.905;

/// Advance widths of one face, in em, for every character it maps below U+0800, plus a
/// fallback width for the rest (glyphs the font lacks are drawn by a fallback font).
struct Advances {
    table: Vec<f32>,
    others: HashMap<char, f32>,
}

const TABLE_LEN: usize = 0x800;
const MISSING: f32 = 0.6;

impl Advances {
    fn from_ttf(bytes: &[u8]) -> Self {
        let face = ttf_parser::Face::parse(bytes, 0).expect("the bundled font is a valid TTF");
        let per_em = f32::from(face.units_per_em());
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / per_em)
        };
        let table = (0..TABLE_LEN as u32)
            .map(|u| char::from_u32(u).and_then(advance).unwrap_or(MISSING))
            .collect();
        // A few characters above the table that French text uses often.
        let others = "‐‑‒–—―‘’‚“”„†‡•…‰‹›€™−\u{202f}\u{2009}\u{2007}œŒ"
            .chars()
            .filter_map(|c| advance(c).map(|a| (c, a)))
            .collect();
        Advances { table, others }
    }

    fn em(&self, c: char) -> f32 {
        match self.table.get(c as usize) {
            Some(&w) => w,
            None if c.is_control() => 0.0,
            None => *self.others.get(&c).unwrap_or(&MISSING),
        }
    }
}

fn faces() -> &'static [Advances; 2] {
    static FACES: OnceLock<[Advances; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        [
            Advances::from_ttf(REGULAR_TTF),
            Advances::from_ttf(BOLD_TTF),
        ]
    })
}

/// A font size and weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
}

impl Style {
    pub const fn regular(size: f32) -> Self {
        Style { size, bold: false }
    }
    pub const fn bold(size: f32) -> Self {
        Style { size, bold: true }
    }
    pub fn line_height(&self) -> f32 {
        self.size * LINE_HEIGHT
    }
}

/// Width of `text` on one line.
pub fn width(text: &str, style: Style) -> f32 {
    let face = &faces()[usize::from(style.bold)];
    text.chars().map(|c| face.em(c)).sum::<f32>() * style.size
}

/// Breaks `text` into lines no wider than `max_width`: at spaces where possible, inside a word
/// only when the word alone is wider than a line. Line breaks in the text are kept; control
/// characters are dropped. At most `max_lines` lines; a cut text ends with an ellipsis.
pub fn wrap(text: &str, style: Style, max_width: f32, max_lines: usize) -> Vec<String> {
    let face = &faces()[usize::from(style.bold)];
    let em = |c: char| face.em(c) * style.size;
    let space = em(' ');
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        // Most names and labels fit on one line as they are: no splitting into words.
        let plain = !paragraph.is_empty()
            && !paragraph.starts_with(' ')
            && !paragraph.ends_with(' ')
            && !paragraph.contains("  ")
            && !paragraph.chars().any(char::is_control);
        if plain && paragraph.chars().map(em).sum::<f32>() <= max_width {
            lines.push(paragraph.to_string());
            if lines.len() > max_lines {
                break;
            }
            continue;
        }
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word: std::borrow::Cow<str> = if word.chars().any(char::is_control) {
                word.chars()
                    .filter(|c| !c.is_control())
                    .collect::<String>()
                    .into()
            } else {
                word.into()
            };
            let word_w: f32 = word.chars().map(em).sum();
            let sep = if line.is_empty() { 0.0 } else { space };
            if line_w + sep + word_w <= max_width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                line_w += sep + word_w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            // A word wider than a line is cut where it overflows.
            for c in word.chars() {
                let w = em(c);
                if line_w + w > max_width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += w;
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        if lines.len() > max_lines {
            break;
        }
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let ellipsis = em('…');
            while !last.is_empty() && width(last, style) + ellipsis > max_width {
                last.pop();
            }
            let trimmed = last.trim_end().len();
            last.truncate(trimmed);
            last.push('…');
        }
    }
    lines
}

/// The first sentence of a paragraph: up to the first full stop, semicolon or colon that ends
/// a word ("R. 1143-1" and "n° 2013-727" are not sentence ends).
pub fn first_sentence(text: &str) -> &str {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if matches!(c, '.' | ';' | ':') {
            let next = bytes.get(i + 1).copied();
            let before = text[..i].chars().last();
            // "R." in "R. 1143-1", and paragraph numbers ("1.", "II.") that open a text.
            let abbreviation = c == '.'
                && (before.is_some_and(|b| b.is_uppercase()) || text[..i].trim().len() <= 4);
            if (next.is_none() || next == Some(b' ') || next == Some(b'\n')) && !abbreviation {
                return text[..i + 1].trim();
            }
        }
    }
    text.trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Le secrétaire général anime et coordonne l'action de l'ensemble des directions et services des ministères.";
        let style = Style::regular(12.0);
        let lines = wrap(text, style, 150.0, 100);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| width(l, style) <= 150.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_are_cut_and_long_texts_end_with_an_ellipsis() {
        let word = "x".repeat(10_000);
        let style = Style::regular(10.0);
        let lines = wrap(&word, style, 100.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| width(l, style) <= 100.0 + 1e-3));
    }

    #[test]
    fn bold_is_wider_than_regular() {
        assert!(width("Délégation", Style::bold(12.0)) > width("Délégation", Style::regular(12.0)));
        assert!(width("œ", Style::regular(12.0)) > 0.0);
    }

    #[test]
    fn first_sentence_skips_abbreviations() {
        assert_eq!(
            first_sentence("Il a la responsabilité. Suite."),
            "Il a la responsabilité."
        );
        assert_eq!(
            first_sentence("Voir R. 1143-1 du code. Fin."),
            "Voir R. 1143-1 du code."
        );
        assert_eq!(first_sentence("Sans point"), "Sans point");
        assert_eq!(
            first_sentence("1. Mettre en œuvre. Suite"),
            "1. Mettre en œuvre."
        );
    }
}
