//! SVG from the scene, by hand: real `<text>` elements (one per line, selectable and
//! searchable), every string escaped, fixed-precision coordinates so output is stable.

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::scene::{
    BOX_DASHES, Connector, Item, Link, Owner, RULE_INSET, RULE_WIDTH, Rect, Rgba, Scene, Shape,
    TextLine,
};
use crate::text::{self, FAMILY_FALLBACKS, Font};
use std::io::{self, Write};

/// Keeps what XML 1.0 allows and escapes the five markup characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    // Runs of plain text are copied at once: titles carry whole mission paragraphs, whose
    // apostrophes would otherwise send every character through one at a time.
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&apos;", 1),
            b'\t' | b'\n' | b'\r' => (" ", 1),
            0..0x20 => ("", 1),
            // U+FFFE and U+FFFF, which XML forbids.
            0xef if matches!(bytes.get(i + 1..i + 3), Some([0xbf, 0xbe | 0xbf])) => ("", 3),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        i += len;
        start = i;
    }
    out.push_str(&text[start..]);
}

/// Two decimals: enough for print, and stable across runs. Written digit by digit: float
/// formatting, then `fmt` itself, was most of the time spent writing an SVG.
fn num(s: &mut String, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    if hundredths < 0 {
        s.push('-');
    }
    let (whole, frac) = (
        hundredths.unsigned_abs() / 100,
        hundredths.unsigned_abs() % 100,
    );
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&digits[at..]).unwrap_or("0"));
    if frac != 0 {
        s.push('.');
        s.push(char::from(b'0' + (frac / 10) as u8));
        s.push(char::from(b'0' + (frac % 10) as u8));
    }
}

fn colour(s: &mut String, c: Rgba) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    s.push('#');
    for byte in [c.0, c.1, c.2] {
        s.push(char::from(HEX[usize::from(byte >> 4)]));
        s.push(char::from(HEX[usize::from(byte & 15)]));
    }
}

/// An attribute ` name="value"` with a number value.
fn attr(s: &mut String, name: &str, v: f32) {
    s.push(' ');
    s.push_str(name);
    s.push_str("=\"");
    num(s, v);
    s.push('"');
}

/// How the SVG is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SvgOptions {
    /// Leaves out the background rectangle.
    pub transparent: bool,
    /// Embeds the subsets of the bundled fonts the text uses (`@font-face` with the fonts as
    /// data), so that the text keeps its measured widths in a viewer without these fonts.
    pub embed_fonts: bool,
}

impl Default for SvgOptions {
    fn default() -> Self {
        SvgOptions {
            transparent: false,
            embed_fonts: true,
        }
    }
}

/// The whole document. `org` is the organisation the scene was built from: its ids, kinds
/// and texts name the groups, so that an editor selects a unit, a body or an entity in one
/// click and a browser shows its missions as a tooltip.
pub fn write(scene: &Scene, org: &Organisation, options: &SvgOptions) -> String {
    let mut s = String::with_capacity(256 + scene.items.len() * 700);
    let whole = write_inner(
        scene,
        Some(org),
        &everything(options),
        options.embed_fonts,
        &mut s,
        &mut |_| Ok(()),
    );
    debug_assert!(whole.is_ok(), "a string is never full");
    s
}

/// As [`write`], out to `out` piece by piece as the document is made: a chart of tens of
/// thousands of units is tens of megabytes, which need not sit in memory whole on its way
/// to a file.
pub fn write_to(
    scene: &Scene,
    org: &Organisation,
    options: &SvgOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    const PIECE: usize = 1 << 16;
    let mut s = String::with_capacity(2 * PIECE);
    let mut spill = |s: &mut String| {
        if s.len() >= PIECE {
            out.write_all(s.as_bytes())?;
            s.clear();
        }
        Ok(())
    };
    write_inner(
        scene,
        Some(org),
        &everything(options),
        options.embed_fonts,
        &mut s,
        &mut spill,
    )?;
    out.write_all(s.as_bytes())
}

fn everything(options: &SvgOptions) -> Raster<'static> {
    Raster {
        transparent: options.transparent,
        min_text: 0.0,
        lines: true,
        item: &|_| true,
    }
}

/// What a bitmap's document holds, where the caller draws the rest itself.
pub struct Raster<'a> {
    /// Leaves out the background rectangle.
    pub transparent: bool,
    /// Text smaller than this (in chart units) is left out.
    pub min_text: f32,
    /// Whether the connectors are in the document.
    pub lines: bool,
    /// Which items are.
    pub item: &'a dyn Fn(&Item) -> bool,
}

/// The document a bitmap is drawn from: no groups or titles, which nothing draws, no embedded
/// fonts (the renderer has them), and no text smaller than `min_text` (in chart units), which
/// would come out as a smudge of a few pixels while it costs most of the drawing (every glyph
/// becomes a path).
pub fn write_for_raster(scene: &Scene, raster: &Raster) -> String {
    let mut s = String::with_capacity(256 + scene.items.len() * 300);
    let whole = write_inner(scene, None, raster, false, &mut s, &mut |_| Ok(()));
    debug_assert!(whole.is_ok(), "a string is never full");
    s
}

/// Writes the document into `s`, handing it to `spill` after each piece (which may empty it).
fn write_inner(
    scene: &Scene,
    org: Option<&Organisation>,
    raster: &Raster,
    embed_fonts: bool,
    s: &mut String,
    spill: &mut dyn FnMut(&mut String) -> io::Result<()>,
) -> io::Result<()> {
    s.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"",
    );
    attr(s, "width", scene.width);
    attr(s, "height", scene.height);
    s.push_str(" viewBox=\"0 0 ");
    num(s, scene.width);
    s.push(' ');
    num(s, scene.height);
    s.push_str("\" font-family=\"");
    s.push_str(FAMILY_FALLBACKS);
    s.push_str("\">\n");
    if embed_fonts {
        super::fonts::push_style(s, scene);
    }
    if let (Some(bg), false) = (scene.background, raster.transparent) {
        s.push_str("<rect width=\"100%\" height=\"100%\" fill=\"");
        colour(s, bg);
        s.push_str("\"/>\n");
    }
    s.push_str("<g fill=\"none\" stroke-linejoin=\"round\">\n");
    let hierarchy = |c: &&Connector| matches!(c.link, Link::Hierarchy(_));
    let connectors = if raster.lines {
        &scene.connectors[..]
    } else {
        &[]
    };
    if connectors.iter().any(|c| hierarchy(&c)) {
        s.push_str("<g class=\"hierarchy\">\n");
        for c in connectors.iter().filter(hierarchy) {
            write_connector(s, c);
            spill(s)?;
        }
        s.push_str("</g>\n");
    }
    let others: Vec<&Connector> = connectors.iter().filter(|c| !hierarchy(c)).collect();
    // A line and its arrowhead are consecutive connectors of one link: one group.
    for run in others.chunk_by(|a, b| a.link == b.link) {
        let c = run[0];
        let ends = match (c.link, org) {
            (Link::Relation(r), Some(org)) => org
                .relations
                .get(r)
                .map(|r| ("relation", &r.from, &r.to, Some(r.kind.label(Lang::Fr)))),
            (Link::Chair(b), Some(org)) => org
                .bodies
                .get(b)
                .and_then(|b| Some(("chair", &b.id, b.chair.as_ref()?, None))),
            _ => None,
        };
        let Some((class, from, to, kind)) = ends else {
            for c in run {
                write_connector(s, c);
            }
            spill(s)?;
            continue;
        };
        s.push_str("<g class=\"");
        s.push_str(class);
        s.push_str("\" data-from=\"");
        push_escaped(s, from.as_str());
        s.push_str("\" data-to=\"");
        push_escaped(s, to.as_str());
        if let Some(kind) = kind {
            s.push_str("\" data-kind=\"");
            push_slug(s, kind);
        }
        s.push_str("\">\n");
        for c in run {
            write_connector(s, c);
        }
        s.push_str("</g>\n");
        spill(s)?;
    }
    s.push_str("</g>\n");
    // A bitmap's lines with fallback characters are drawn piece by piece (see `write_pieces`).
    let by_pieces = org.is_none();
    for item in scene.items.iter().filter(|i| (raster.item)(i)) {
        let grouped = org.is_some_and(|org| open_group(s, item.owner, org));
        write_item(s, item, raster.min_text, by_pieces);
        if grouped {
            s.push_str("</g>\n");
        }
        spill(s)?;
    }
    s.push_str("</svg>\n");
    Ok(())
}

fn write_connector(s: &mut String, c: &Connector) {
    s.push_str("<polyline stroke=\"");
    colour(s, c.colour);
    s.push('"');
    attr(s, "stroke-width", c.width);
    if let Some((dash, gap)) = c.style.dashes() {
        s.push_str(" stroke-dasharray=\"");
        num(s, dash);
        s.push(' ');
        num(s, gap);
        s.push('"');
    }
    s.push_str(" points=\"");
    for (i, &(x, y)) in c.points.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        num(s, x);
        s.push(',');
        num(s, y);
    }
    s.push_str("\"/>\n");
}

/// Opens the group of a unit, body or entity: its id in the file, a class naming what it is
/// and its kind, and a title with its texts. False for a decoration, which has no group.
fn open_group(s: &mut String, owner: Owner, org: &Organisation) -> bool {
    let (class, id, kind, name) = match owner {
        Owner::Unit(u) => match org.units.get(u) {
            Some(u) => ("unit", &u.id, u.kind.label(Lang::Fr), &u.name),
            None => return false,
        },
        Owner::Body(b) => match org.bodies.get(b) {
            Some(b) => ("body", &b.id, b.kind.label(Lang::Fr), &b.name),
            None => return false,
        },
        Owner::Entity(e) => match org.entities.get(e) {
            Some(e) => ("entity", &e.id, e.kind.label(Lang::Fr), &e.name),
            None => return false,
        },
        Owner::Decoration | Owner::Label => return false,
    };
    s.push_str("<g id=\"");
    push_escaped(s, id.as_str());
    s.push_str("\" class=\"");
    s.push_str(class);
    s.push(' ');
    push_slug(s, kind);
    s.push_str("\"><title>");
    push_escaped(s, name);
    // One line each: browsers show a title's line breaks in the tooltip.
    let line = |s: &mut String, text: &str| {
        if !text.is_empty() {
            s.push('\n');
            push_escaped(s, text);
        }
    };
    match owner {
        Owner::Unit(u) => {
            let unit = &org.units[u];
            line(s, &unit.acronym);
            line(s, &unit.head.title);
            line(s, &unit.head.name);
            for m in &unit.missions {
                line(s, &m.text);
            }
        }
        Owner::Body(b) => {
            let body = &org.bodies[b];
            line(s, &body.purpose);
            line(s, &body.participants);
            line(s, &body.cadence);
        }
        Owner::Entity(e) => {
            let entity = &org.entities[e];
            line(s, &entity.acronym);
            line(s, &entity.description);
        }
        Owner::Decoration | Owner::Label => {}
    }
    s.push_str("</title>\n");
    true
}

/// A kind as a class name: lower-case ASCII words joined by hyphens, French accents folded
/// ("Sous-direction" → "sous-direction", "Pôle" → "pole"); "other" if nothing is left.
fn push_slug(s: &mut String, label: &str) {
    let start = s.len();
    let mut gap = false;
    let mut buf = [0u8; 4];
    for c in label.chars() {
        let part: &str = match c {
            c if c.is_ascii_alphanumeric() => c.to_ascii_lowercase().encode_utf8(&mut buf),
            'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => "a",
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
            'î' | 'ï' | 'Î' | 'Ï' => "i",
            'ô' | 'ö' | 'Ô' | 'Ö' => "o",
            'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => "u",
            'ç' | 'Ç' => "c",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            _ => {
                gap = true;
                continue;
            }
        };
        if gap && s.len() > start {
            s.push('-');
        }
        gap = false;
        s.push_str(part);
    }
    if s.len() == start {
        s.push_str("other");
    }
}

fn write_item(s: &mut String, item: &Item, min_text: f32, by_pieces: bool) {
    let r = &item.rect;
    match item.shape {
        Shape::Rect | Shape::Pill => {
            let radius = item.shape.radius(r.h);
            s.push_str("<rect");
            attr(s, "x", r.x);
            attr(s, "y", r.y);
            attr(s, "width", r.w);
            attr(s, "height", r.h);
            attr(s, "rx", radius);
            s.push_str(" fill=\"");
            colour(s, item.fill);
            s.push_str("\" stroke=\"");
            colour(s, item.stroke);
            s.push('"');
            attr(s, "stroke-width", item.stroke_width);
            if item.dashed {
                s.push_str(" stroke-dasharray=\"");
                num(s, BOX_DASHES.0);
                s.push(' ');
                num(s, BOX_DASHES.1);
                s.push('"');
            }
            s.push_str("/>\n");
        }
        Shape::None => {}
    }
    if let Some(y) = item.rule {
        s.push_str("<line");
        attr(s, "x1", r.x + RULE_INSET);
        attr(s, "y1", y);
        attr(s, "x2", r.right() - RULE_INSET);
        attr(s, "y2", y);
        s.push_str(" stroke=\"");
        colour(s, item.stroke);
        s.push('"');
        attr(s, "stroke-width", RULE_WIDTH);
        s.push_str("/>\n");
    }
    for line in item.lines.iter().filter(|l| l.style.size >= min_text) {
        if by_pieces && !text::liberation_only(&line.text, line.style) {
            write_pieces(s, line, r);
        } else {
            write_text(s, line, r);
        }
    }
}

/// Opens a `<text>` element at `x`, up to its content.
fn open_text(s: &mut String, line: &TextLine, x: f32, y: f32) {
    s.push_str("<text");
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "font-size", line.style.size);
    if line.style.bold {
        s.push_str(" font-weight=\"bold\"");
    }
}

/// A line as one `<text>` per piece of one font (`text::pieces`), each at the place measuring
/// gave it: resvg then draws each piece with the font it was measured with. Left to its own
/// fallback, resvg gives up on a whole line when one character has no font, and on an Arabic
/// word whose letters join into fewer glyphs than it has characters.
fn write_pieces(s: &mut String, line: &TextLine, r: &Rect) {
    let pieces = text::pieces(&line.text, line.style);
    let width: f32 = pieces.iter().map(|p| p.width).sum();
    let left = line.x + r.x - if line.centred { width / 2.0 } else { 0.0 };
    for piece in pieces {
        let text = &line.text[piece.range];
        if text.chars().all(char::is_whitespace) {
            continue;
        }
        open_text(s, line, left + piece.x, line.y + r.y);
        if piece.font != Font::Liberation {
            s.push_str(" font-family=\"");
            s.push_str(piece.font.family());
            s.push('"');
        }
        s.push_str(" fill=\"");
        colour(s, line.colour);
        s.push_str("\" xml:space=\"preserve\">");
        push_escaped(s, text);
        s.push_str("</text>\n");
    }
}

fn write_text(s: &mut String, line: &TextLine, r: &Rect) {
    // Nothing visible once escaped (spaces, control characters): no element at all.
    if line
        .text
        .chars()
        .all(|c| c.is_whitespace() || (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}'))
    {
        return;
    }
    open_text(s, line, line.x + r.x, line.y + r.y);
    if line.centred {
        s.push_str(" text-anchor=\"middle\"");
    }
    s.push_str(" fill=\"");
    colour(s, line.colour);
    s.push_str("\" xml:space=\"preserve\">");
    push_escaped(s, &line.text);
    s.push_str("</text>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<script>&]]>\"'"),
            "&lt;script&gt;&amp;]]&gt;&quot;&apos;"
        );
        assert_eq!(escape("a\u{0}b\u{1b}c\u{fffe}"), "abc");
        assert_eq!(escape("l’œuvre « ok » ―"), "l’œuvre « ok » ―");
        assert_eq!(escape("l'été\n\tà\u{ffff}ï\u{fffe}"), "l&apos;été  àï");
    }

    #[test]
    fn kinds_become_lower_case_ascii_class_names() {
        let slug = |label: &str| {
            let mut s = String::new();
            push_slug(&mut s, label);
            s
        };
        assert_eq!(slug("Secrétariat général"), "secretariat-general");
        assert_eq!(slug("Sous-direction"), "sous-direction");
        assert_eq!(slug("Tutelle / pilotage"), "tutelle-pilotage");
        assert_eq!(slug("Œuvre  \"<x>\" 2"), "oeuvre-x-2");
        assert_eq!(slug("办公室"), "other");
    }

    #[test]
    fn numbers_are_printed_with_fixed_precision() {
        let n = |v: f32| {
            let mut s = String::new();
            num(&mut s, v);
            s
        };
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.005_f32 + 0.0001), "1.01");
        assert_eq!(n(-2.5), "-2.50");
        assert_eq!(n(-0.25), "-0.25");
        assert_eq!(n(0.001), "0");
        assert_eq!(n(12_345.6), "12345.60");
    }
}
