//! The bundled fonts, text measuring and line breaking: one implementation, used once when the
//! scene is built, so the canvas, the SVG and the PNG all show the same lines.
//!
//! Liberation Sans draws Latin, Greek, Cyrillic and Hebrew; a character it lacks goes to the
//! first bundled fallback that has it (Noto Sans Arabic, then Noto Emoji), as browsers do with
//! a font-family list. Text Liberation Sans draws whole is measured from its advance table,
//! a look-up per character, exact for the Latin text of French administrations. Text with
//! fallback characters is cut into runs of one font, in the order they are shown (right to left
//! inside Arabic), and each fallback run is shaped with rustybuzz, as resvg and browsers shape
//! it: Arabic letters take their joined forms, whose widths are not the letters' own.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

pub const REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/LiberationSans-Bold.ttf");
pub const ARABIC_REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf");
pub const ARABIC_BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Bold.ttf");
/// One weight only: bold text takes it too (see assets/fonts/README.md).
pub const EMOJI_TTF: &[u8] = include_bytes!("../assets/fonts/NotoEmoji-Regular.ttf");
/// The family name inside the main TTF, for SVG and resvg.
pub const FAMILY: &str = "Liberation Sans";
/// The SVG's font list: the bundled families first, so that a viewer with the embedded fonts
/// (or these installed) draws every character with the font it was measured with; then
/// Liberation Sans' metric-compatible stand-ins.
pub const FAMILY_FALLBACKS: &str =
    "'Liberation Sans', 'Noto Sans Arabic', 'Noto Emoji', Arial, Helvetica, sans-serif";
/// Distance between baselines, in multiples of the font size.
pub const LINE_HEIGHT: f32 = 1.22;
/// Baseline below the top of a line, in multiples of the font size (the font's ascender).
pub const ASCENT: f32 = 0.905;

/// A bundled font family, in the order a character looks for its glyph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Font {
    Liberation,
    Arabic,
    Emoji,
}

impl Font {
    pub const ALL: [Font; 3] = [Font::Liberation, Font::Arabic, Font::Emoji];

    /// The family name inside the TTF.
    pub fn family(self) -> &'static str {
        match self {
            Font::Liberation => FAMILY,
            Font::Arabic => "Noto Sans Arabic",
            Font::Emoji => "Noto Emoji",
        }
    }

    pub fn ttf(self, bold: bool) -> &'static [u8] {
        match (self, bold) {
            (Font::Liberation, false) => REGULAR_TTF,
            (Font::Liberation, true) => BOLD_TTF,
            (Font::Arabic, false) => ARABIC_REGULAR_TTF,
            (Font::Arabic, true) => ARABIC_BOLD_TTF,
            (Font::Emoji, _) => EMOJI_TTF,
        }
    }

    /// Whether this family has a glyph for `c` (the regular face's map: the bold one's is the
    /// same, so both weights cut a text into the same runs).
    pub fn has(self, c: char) -> bool {
        faces().shapers[self as usize][0].glyph_index(c).is_some()
    }

    /// The family that draws `c`: the first that has it; Liberation Sans (its empty box) when
    /// none has.
    pub fn of(c: char) -> Font {
        if faces().advances[0].em(c).is_some() {
            return Font::Liberation;
        }
        Font::ALL
            .into_iter()
            .find(|f| f.has(c))
            .unwrap_or(Font::Liberation)
    }
}

/// Characters that only steer their neighbours (joiners, marks of direction, variation
/// selectors): they stay in the run they are in, where the shaper hides them, instead of
/// cutting an Arabic word in two because Liberation Sans happens to map them.
fn steers(c: char) -> bool {
    matches!(c,
        '\u{34f}' | '\u{61c}' | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}'
        | '\u{feff}' | '\u{e0100}'..='\u{e01ef}')
}

/// Liberation Sans' advance widths of one weight, in em, for every character it maps below
/// U+0800 and a few French ones above; `None` for the rest, which takes the slower way.
struct Advances {
    table: Vec<Option<f32>>,
    others: HashMap<char, f32>,
}

const TABLE_LEN: usize = 0x800;

impl Advances {
    fn new(face: &ttf_parser::Face) -> Self {
        let per_em = f32::from(face.units_per_em());
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / per_em)
        };
        let table = (0..TABLE_LEN as u32)
            .map(|u| char::from_u32(u).and_then(advance))
            .collect();
        // A few characters above the table that French text uses often.
        let others = "‐‑‒–—―‘’‚“”„†‡•…‰‹›€™−\u{202f}\u{2009}\u{2007}œŒ"
            .chars()
            .filter_map(|c| advance(c).map(|a| (c, a)))
            .collect();
        Advances { table, others }
    }

    fn em(&self, c: char) -> Option<f32> {
        match self.table.get(c as usize) {
            Some(&w) => w,
            None => self.others.get(&c).copied(),
        }
    }
}

struct Faces {
    /// Liberation Sans' quick table, regular and bold.
    advances: [Advances; 2],
    /// Every family's faces, regular and bold, indexed by `Font as usize`.
    shapers: [[rustybuzz::Face<'static>; 2]; 3],
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| {
        let face = |font: Font, bold: bool| {
            rustybuzz::Face::from_slice(font.ttf(bold), 0).expect("the bundled fonts are valid")
        };
        let shapers = Font::ALL.map(|f| [face(f, false), face(f, true)]);
        Faces {
            advances: [Advances::new(&shapers[0][0]), Advances::new(&shapers[0][1])],
            shapers,
        }
    })
}

/// A piece of a line drawn with one font: `range` in the line's text, `x` from the line's
/// left end and `width`, in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub font: Font,
    pub range: Range<usize>,
    pub x: f32,
    pub width: f32,
    /// Inside right-to-left text: how it was shaped (see [`shape`]).
    pub rtl: bool,
}

/// The line cut into pieces of one font and one direction, from left to right as shown (the
/// paragraph left to right, as resvg and SVG's default `direction` take it): what the PNG
/// draws one by one, so that each piece is drawn by the font it was measured with.
pub fn pieces(text: &str, style: Style) -> Vec<Piece> {
    // Runs of one font, in the text's order.
    let mut runs: Vec<(Font, Range<usize>)> = Vec::new();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match runs.last_mut() {
            Some((_, range)) if steers(c) => range.end = end,
            Some((font, range)) if *font == Font::of(c) => range.end = end,
            _ => runs.push((Font::of(c), i..end)),
        }
    }
    let bidi = unicode_bidi::ParagraphBidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
    let whole = 0..text.len();
    let (levels, visual) = if bidi.has_rtl() {
        bidi.visual_runs(whole)
    } else {
        (Vec::new(), vec![whole])
    };
    let mut out: Vec<Piece> = Vec::with_capacity(runs.len());
    let mut x = 0.0;
    for level_run in visual {
        let rtl = levels.get(level_run.start).is_some_and(|l| l.is_rtl());
        let mut parts: Vec<(Font, Range<usize>)> = runs
            .iter()
            .filter(|(_, r)| r.start < level_run.end && level_run.start < r.end)
            .map(|(f, r)| (*f, r.start.max(level_run.start)..r.end.min(level_run.end)))
            .collect();
        if rtl {
            parts.reverse();
        }
        for (font, range) in parts {
            let width = run_width(font, &text[range.clone()], style.bold, rtl) * style.size;
            out.push(Piece {
                font,
                range,
                x,
                width,
                rtl,
            });
            x += width;
        }
    }
    out
}

/// Width in em of a run of one font. Liberation Sans' runs add up advances, as the quick way
/// does: the SVG's embedded subset has no kerning, so that is what viewers draw.
fn run_width(font: Font, text: &str, bold: bool, rtl: bool) -> f32 {
    let weight = usize::from(bold);
    if font == Font::Liberation {
        return text.chars().map(|c| liberation_em(c, weight)).sum();
    }
    let shaped = shape(font, text, bold, rtl);
    let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    units as f32 / face(font, bold).units_per_em() as f32
}

/// A family's face of one weight, for its glyphs and metrics.
pub fn face(font: Font, bold: bool) -> &'static rustybuzz::Face<'static> {
    &faces().shapers[font as usize][usize::from(bold)]
}

/// A run of one font shaped as it is measured: the glyphs a PDF draws of a fallback piece.
pub fn shape(font: Font, text: &str, bold: bool, rtl: bool) -> rustybuzz::GlyphBuffer {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    buffer.guess_segment_properties();
    rustybuzz::shape(face(font, bold), &[], buffer)
}

/// Liberation Sans' advance for any character, that of its [`liberation_glyph`].
fn liberation_em(c: char, weight: usize) -> f32 {
    let faces = faces();
    if let Some(w) = faces.advances[weight].em(c) {
        return w;
    }
    let face = &faces.shapers[0][weight];
    liberation_glyph(c, weight == 1).map_or(0.0, |g| {
        f32::from(face.glyph_hor_advance(g).unwrap_or(0)) / face.units_per_em() as f32
    })
}

/// The glyph Liberation Sans draws `c` with: the SVG writes tabs and line breaks as spaces
/// and drops other control characters (none); shapers hide the steering ones (none), even
/// those the font has a glyph for (a mark of direction is a bar in it); anything else it
/// lacks is drawn as its empty box.
pub fn liberation_glyph(c: char, bold: bool) -> Option<ttf_parser::GlyphId> {
    let face = &faces().shapers[0][usize::from(bold)];
    match face.glyph_index(c) {
        _ if steers(c) => None,
        Some(g) => Some(g),
        None if matches!(c, '\t' | '\n' | '\r') => face.glyph_index(' '),
        None if c.is_control() || steers(c) => None,
        None => Some(ttf_parser::GlyphId(0)),
    }
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

/// Whether Liberation Sans draws the whole of `text`: a line made of one piece that needs no
/// cutting (the quick test; a line with a character no font has may say false).
pub fn liberation_only(text: &str, style: Style) -> bool {
    let advances = &faces().advances[usize::from(style.bold)];
    text.chars().all(|c| advances.em(c).is_some())
}

/// Width of `text` on one line.
pub fn width(text: &str, style: Style) -> f32 {
    let advances = &faces().advances[usize::from(style.bold)];
    let mut em = 0.0;
    for c in text.chars() {
        match advances.em(c) {
            Some(w) => em += w,
            None => return pieces(text, style).iter().map(|p| p.width).sum(),
        }
    }
    em * style.size
}

/// Breaks `text` into lines no wider than `max_width`: at spaces where possible, inside a word
/// only when the word alone is wider than a line. Line breaks in the text are kept; control
/// characters are dropped. At most `max_lines` lines; a cut text ends with an ellipsis.
pub fn wrap(text: &str, style: Style, max_width: f32, max_lines: usize) -> Vec<String> {
    let advances = &faces().advances[usize::from(style.bold)];
    // A character alone: Arabic letters in the form they take alone, wider than joined, so a
    // word cut by characters still fits.
    let em = |c: char| match advances.em(c) {
        Some(w) => w * style.size,
        None => width(c.encode_utf8(&mut [0; 4]), style),
    };
    let space = em(' ');
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.split('\n') {
        // Most names and labels fit on one line as they are: no splitting into words.
        let plain = !paragraph.is_empty()
            && !paragraph.starts_with(' ')
            && !paragraph.ends_with(' ')
            && !paragraph.contains("  ")
            && !paragraph.chars().any(char::is_control);
        if plain && width(paragraph, style) <= max_width {
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
            let word_w = width(&word, style);
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

    /// Marks of direction are drawn by nothing, as shapers hide them, though Liberation Sans
    /// has a visible glyph for them.
    #[test]
    fn steering_characters_have_no_glyph() {
        for c in ['\u{200e}', '\u{200f}'] {
            assert!(face(Font::Liberation, false).glyph_index(c).is_some());
            assert_eq!(liberation_glyph(c, false), None);
            assert_eq!(liberation_em(c, 0), 0.0);
        }
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
