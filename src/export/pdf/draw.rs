//! The chart as page content, in the scene's units from its top-left corner (the caller's
//! matrix sets it on the sheet): the SVG's shapes, in its order, at its places.

use super::fonts::{self, Fonts};
use crate::scene::{
    BOX_DASHES, Connector, Item, RULE_INSET, RULE_WIDTH, Rect, Rgba, Scene, Shape, TextLine,
};
use crate::text::{self, Font};
use pdf_writer::types::LineJoinStyle;
use pdf_writer::{Content, Name, Str};

/// Two decimals, as the SVG writes: stable, and short to write and to read.
fn r2(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// What the content has set, so that each box sets only what changes.
#[derive(Default)]
struct Pen {
    fill: Option<Rgba>,
    stroke: Option<Rgba>,
    width: Option<f32>,
    dashes: Option<Option<(f32, f32)>>,
    font: Option<(usize, f32)>,
}

impl Pen {
    fn fill(&mut self, c: &mut Content, colour: Rgba) {
        if self.fill != Some(colour) {
            let [r, g, b] = channels(colour);
            c.set_fill_rgb(r, g, b);
            self.fill = Some(colour);
        }
    }

    fn stroke(&mut self, c: &mut Content, colour: Rgba, width: f32, dashes: Option<(f32, f32)>) {
        if self.stroke != Some(colour) {
            let [r, g, b] = channels(colour);
            c.set_stroke_rgb(r, g, b);
            self.stroke = Some(colour);
        }
        if self.width != Some(width) {
            c.set_line_width(r2(width));
            self.width = Some(width);
        }
        if self.dashes != Some(dashes) {
            match dashes {
                Some((dash, gap)) => c.set_dash_pattern([r2(dash), r2(gap)], 0.0),
                None => c.set_dash_pattern([], 0.0),
            };
            self.dashes = Some(dashes);
        }
    }

    fn font(&mut self, c: &mut Content, face: usize, size: f32) {
        if self.font != Some((face, size)) {
            c.set_font(fonts::name(face), r2(size));
            self.font = Some((face, size));
        }
    }
}

fn channels(colour: Rgba) -> [f32; 3] {
    // Three decimals tell the 256 levels apart.
    [colour.0, colour.1, colour.2].map(|v| (f32::from(v) / 255.0 * 1000.0).round() / 1000.0)
}

/// Draws the connectors, then each item (box, rule, text), as the SVG does.
pub fn chart(c: &mut Content, scene: &Scene, fonts: &mut Fonts) {
    part(c, scene, fonts, &|_| true, &|_| true);
}

/// [`chart`] with only the items (by index) and connectors that `item` and `connector` keep.
pub fn part(
    c: &mut Content,
    scene: &Scene,
    fonts: &mut Fonts,
    item: &dyn Fn(usize) -> bool,
    connector: &dyn Fn(&Connector) -> bool,
) {
    let mut pen = Pen::default();
    let mut lines = scene.connectors.iter().filter(|c| connector(c)).peekable();
    if lines.peek().is_some() {
        // The SVG's lines meet round; its boxes keep the default.
        c.set_line_join(LineJoinStyle::RoundJoin);
        for line in lines {
            draw_connector(c, &mut pen, line);
        }
        c.set_line_join(LineJoinStyle::MiterJoin);
    }
    for (i, it) in scene.items.iter().enumerate() {
        if item(i) {
            draw_item(c, &mut pen, fonts, it);
        }
    }
    if let Some(logo) = scene.logo.as_ref().filter(|l| item(l.item)) {
        // The image's unit square, its first row on top, onto the logo's box (y downwards).
        let r = &logo.rect;
        c.save_state();
        c.transform([r.w, 0.0, 0.0, -r.h, r.x, r.y + r.h]);
        c.x_object(Name(super::LOGO));
        c.restore_state();
    }
}

/// One line of text on its own, placed from the origin rather than an item.
pub fn label(c: &mut Content, fonts: &mut Fonts, line: &TextLine) {
    let mut pen = Pen::default();
    c.begin_text();
    pen.fill(c, line.colour);
    draw_line(c, &mut pen, fonts, line, &Rect::default());
    c.end_text();
}

fn draw_connector(c: &mut Content, pen: &mut Pen, connector: &Connector) {
    let Some((&(x, y), rest)) = connector.points.split_first() else {
        return;
    };
    pen.stroke(
        c,
        connector.colour,
        connector.width,
        connector.style.dashes(),
    );
    c.move_to(r2(x), r2(y));
    for &(x, y) in rest {
        c.line_to(r2(x), r2(y));
    }
    c.stroke();
}

fn draw_item(c: &mut Content, pen: &mut Pen, fonts: &mut Fonts, item: &Item) {
    let r = &item.rect;
    if item.shape != Shape::None {
        pen.fill(c, item.fill);
        let radius = item.shape.radius(r.h);
        rounded_rect(c, r, radius.min(r.w / 2.0), radius.min(r.h / 2.0));
        if item.stroke_width > 0.0 {
            let dashes = item.dashed.then_some(BOX_DASHES);
            pen.stroke(c, item.stroke, item.stroke_width, dashes);
            c.fill_nonzero_and_stroke();
        } else {
            c.fill_nonzero();
        }
    }
    if let Some(y) = item.rule {
        pen.stroke(c, item.stroke, RULE_WIDTH, None);
        c.move_to(r2(r.x + RULE_INSET), r2(y));
        c.line_to(r2(r.right() - RULE_INSET), r2(y));
        c.stroke();
    }
    let mut open = false;
    for line in item.lines.iter() {
        // Nothing visible (spaces, control characters): nothing drawn, as in the SVG.
        if line
            .text
            .chars()
            .all(|ch| ch.is_whitespace() || ch.is_control())
        {
            continue;
        }
        if !open {
            c.begin_text();
            open = true;
        }
        pen.fill(c, line.colour);
        draw_line(c, pen, fonts, line, r);
    }
    if open {
        c.end_text();
    }
}

/// A path around `r` with elliptic corners of radii `rx`, `ry`, as SVG's `<rect rx>`.
fn rounded_rect(c: &mut Content, r: &Rect, rx: f32, ry: f32) {
    let (x0, y0, x1, y1) = (r2(r.x), r2(r.y), r2(r.right()), r2(r.bottom()));
    if rx <= 0.0 || ry <= 0.0 {
        c.rect(x0, y0, x1 - x0, y1 - y0);
        return;
    }
    // Control points of a quarter ellipse by one cubic curve.
    const K: f32 = 0.552_284_8;
    let (kx, ky) = (rx * K, ry * K);
    c.move_to(r2(x0 + rx), y0);
    c.line_to(r2(x1 - rx), y0);
    c.cubic_to(r2(x1 - rx + kx), y0, x1, r2(y0 + ry - ky), x1, r2(y0 + ry));
    c.line_to(x1, r2(y1 - ry));
    c.cubic_to(x1, r2(y1 - ry + ky), r2(x1 - rx + kx), y1, r2(x1 - rx), y1);
    c.line_to(r2(x0 + rx), y1);
    c.cubic_to(r2(x0 + rx - kx), y1, x0, r2(y1 - ry + ky), x0, r2(y1 - ry));
    c.line_to(x0, r2(y0 + ry));
    c.cubic_to(x0, r2(y0 + ry - ky), r2(x0 + rx - kx), y0, r2(x0 + rx), y0);
    c.close_path();
}

/// Places the text's origin at (`x`, `y`), the glyphs upright in the scene's downward axis.
fn at(c: &mut Content, x: f32, y: f32) {
    c.set_text_matrix([1.0, 0.0, 0.0, -1.0, r2(x), r2(y)]);
}

fn draw_line(c: &mut Content, pen: &mut Pen, fonts: &mut Fonts, line: &TextLine, r: &Rect) {
    let style = line.style;
    let y = line.y + r.y;
    // Text Liberation Sans draws whole: one string, its glyphs set apart by their advances,
    // as `text::width` measured them.
    if text::liberation_only(&line.text, style) {
        let centre = if line.centred {
            text::width(&line.text, style) / 2.0
        } else {
            0.0
        };
        let mut codes = Vec::with_capacity(2 * line.text.len());
        for ch in line.text.chars() {
            codes.extend(fonts.char_code(ch, style.bold).unwrap_or(0).to_be_bytes());
        }
        pen.font(
            c,
            fonts::face_index(Font::Liberation, style.bold),
            style.size,
        );
        at(c, line.x + r.x - centre, y);
        c.show(Str(&codes));
        return;
    }
    // Otherwise piece by piece, each in its font at the place measuring gave it, as the
    // bitmap's SVG draws it (`svg::write_pieces`).
    let pieces = text::pieces(&line.text, style);
    let width: f32 = pieces.iter().map(|p| p.width).sum();
    let left = line.x + r.x - if line.centred { width / 2.0 } else { 0.0 };
    for piece in pieces {
        let part = &line.text[piece.range.clone()];
        if part.chars().all(char::is_whitespace) {
            continue;
        }
        let face = fonts::face_index(piece.font, style.bold);
        pen.font(c, face, style.size);
        if piece.font == Font::Liberation {
            let codes: Vec<u8> = part
                .chars()
                .filter_map(|ch| fonts.char_code(ch, style.bold))
                .flat_map(u16::to_be_bytes)
                .collect();
            at(c, left + piece.x, y);
            c.show(Str(&codes));
            continue;
        }
        // Shaped glyphs, each where the shaper put it: joined Arabic letters, marks above.
        let shaped = text::shape(piece.font, part, style.bold, piece.rtl);
        let scale = style.size / text::face(piece.font, style.bold).units_per_em() as f32;
        let mut starts: Vec<usize> = shaped
            .glyph_infos()
            .iter()
            .map(|g| g.cluster as usize)
            .collect();
        starts.sort_unstable();
        starts.dedup();
        let mut told = vec![false; starts.len()];
        let mut pen_x = left + piece.x;
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let k = starts.partition_point(|&s| s < info.cluster as usize);
            let end = starts.get(k + 1).copied().unwrap_or(part.len());
            // A cluster's text goes with its first glyph; the others stand for nothing more.
            // Readers put right-to-left text back in reading order by turning around all its
            // characters, a ligature's too: its letters are given in the order shown.
            let chars: String = match (told[k], piece.rtl) {
                (true, _) => String::new(),
                (false, false) => part[starts[k]..end].into(),
                (false, true) => part[starts[k]..end].chars().rev().collect(),
            };
            told[k] = true;
            let code = fonts.glyph_code(face, info.glyph_id as u16, &chars);
            let dx = pos.x_offset as f32 * scale;
            at(c, pen_x + dx, y - pos.y_offset as f32 * scale);
            c.show(Str(&code.to_be_bytes()));
            pen_x += pos.x_advance as f32 * scale;
        }
    }
}
