//! SVG from the scene, by hand: real `<text>` elements (one per line, selectable and
//! searchable), every string escaped, fixed-precision coordinates so output is stable.

use crate::scene::{Item, LineStyle, Scene, Shape, TextLine};
use crate::text::FAMILY_FALLBACKS;
use std::fmt::Write;

/// Keeps what XML 1.0 allows and escapes the five markup characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Two decimals: enough for print, and stable across runs.
struct N(f32);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Integer arithmetic: float formatting was most of the time spent writing an SVG.
        let hundredths = (f64::from(self.0) * 100.0).round() as i64;
        let (whole, frac) = (hundredths.abs() / 100, hundredths.abs() % 100);
        let sign = if hundredths < 0 { "-" } else { "" };
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac:02}")
        }
    }
}

/// The whole document. `transparent` leaves out the background rectangle.
pub fn write(scene: &Scene, transparent: bool) -> String {
    let mut s = String::with_capacity(256 + scene.items.len() * 600);
    let (w, h) = (N(scene.width), N(scene.height));
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FAMILY_FALLBACKS}">"#
    );
    if let (Some(bg), false) = (scene.background, transparent) {
        let _ = writeln!(
            s,
            r#"<rect width="100%" height="100%" fill="{}"/>"#,
            bg.hex()
        );
    }
    let _ = writeln!(s, r#"<g fill="none" stroke-linejoin="round">"#);
    for c in &scene.connectors {
        let dash = match c.style {
            LineStyle::Solid => "",
            LineStyle::Dashed => r#" stroke-dasharray="7 4""#,
            LineStyle::Dotted => r#" stroke-dasharray="2 3""#,
        };
        let _ = write!(
            s,
            r#"<polyline stroke="{}" stroke-width="{}"{dash} points=""#,
            c.colour.hex(),
            N(c.width)
        );
        for (i, (x, y)) in c.points.iter().enumerate() {
            let _ = write!(s, "{}{},{}", if i > 0 { " " } else { "" }, N(*x), N(*y));
        }
        s.push_str("\"/>\n");
    }
    s.push_str("</g>\n");
    for item in &scene.items {
        write_item(&mut s, item);
    }
    s.push_str("</svg>\n");
    s
}

fn write_item(s: &mut String, item: &Item) {
    let r = &item.rect;
    let dash = if item.dashed {
        r#" stroke-dasharray="6 3""#
    } else {
        ""
    };
    match item.shape {
        Shape::Rect | Shape::Pill => {
            let radius = if item.shape == Shape::Pill {
                (r.h / 2.0).min(22.0)
            } else {
                4.0
            };
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}" stroke="{}" stroke-width="{}"{dash}/>"#,
                N(r.x),
                N(r.y),
                N(r.w),
                N(r.h),
                N(radius),
                item.fill.hex(),
                item.stroke.hex(),
                N(item.stroke_width)
            );
        }
        Shape::None => {}
    }
    if let Some(y) = item.rule {
        let _ = writeln!(
            s,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="0.75"/>"#,
            N(r.x + 6.0),
            N(y),
            N(r.right() - 6.0),
            N(y),
            item.stroke.hex()
        );
    }
    for line in &item.lines {
        write_text(s, line);
    }
}

fn write_text(s: &mut String, line: &TextLine) {
    let text = escape(&line.text);
    if text.trim().is_empty() {
        return;
    }
    let anchor = if line.centred {
        r#" text-anchor="middle""#
    } else {
        ""
    };
    let weight = if line.style.bold {
        r#" font-weight="bold""#
    } else {
        ""
    };
    let _ = writeln!(
        s,
        r#"<text x="{}" y="{}" font-size="{}"{weight}{anchor} fill="{}" xml:space="preserve">{text}</text>"#,
        N(line.x),
        N(line.y),
        N(line.style.size),
        line.colour.hex()
    );
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
    }

    #[test]
    fn numbers_are_printed_with_fixed_precision() {
        assert_eq!(N(1.0).to_string(), "1");
        assert_eq!(N(1.005_f32 + 0.0001).to_string(), "1.01");
        assert_eq!(N(-2.5).to_string(), "-2.50");
    }
}
