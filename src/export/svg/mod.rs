//! SVG from the scene, by hand: real `<text>` elements (one per line, selectable and
//! searchable), every string escaped, fixed-precision coordinates so output is stable.

use crate::i18n::Lang;
use crate::model::Organisation;
use crate::scene::{
    BOX_DASHES, Connector, Item, Link, PlacedLogo, RULE_INSET, RULE_WIDTH, Rect, Scene, Shape,
    TextLine,
};
use crate::text::{self, FAMILY_FALLBACKS, Font};
use std::io::{self, Write};

mod groups;
mod xml;

use groups::{open_group, push_slug};
pub use xml::escape;
use xml::{attr, colour, num, push_escaped};

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
    // A bitmap draws the logo's pixels itself (resvg is built without raster images).
    if let (Some(logo), Some(_)) = (&scene.logo, org) {
        write_logo(s, logo);
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

/// The logo's file as it is, in the document: a vector logo stays vector. `xlink:href`, which
/// SVG 2 deprecates, because older editors (Inkscape 0.92, LibreOffice) read only it.
fn write_logo(s: &mut String, placed: &PlacedLogo) {
    use base64::Engine as _;
    let r = &placed.rect;
    s.push_str("<image xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
    attr(s, "x", r.x);
    attr(s, "y", r.y);
    attr(s, "width", r.w);
    attr(s, "height", r.h);
    s.push_str(" preserveAspectRatio=\"xMidYMid meet\" xlink:href=\"data:");
    s.push_str(placed.logo.media_type);
    s.push_str(";base64,");
    base64::engine::general_purpose::STANDARD.encode_string(&placed.logo.source, s);
    s.push_str("\"/>\n");
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
