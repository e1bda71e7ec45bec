//! Writing XML by hand: escaped text, fixed-precision numbers (so that output is stable), colours
//! and numeric attributes, appended to the document's string.

use crate::scene::Rgba;

/// Keeps what XML 1.0 allows and escapes the five markup characters.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

pub(super) fn push_escaped(out: &mut String, text: &str) {
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
pub(super) fn num(s: &mut String, v: f32) {
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

pub(super) fn colour(s: &mut String, c: Rgba) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    s.push('#');
    for byte in [c.0, c.1, c.2] {
        s.push(char::from(HEX[usize::from(byte >> 4)]));
        s.push(char::from(HEX[usize::from(byte & 15)]));
    }
}

/// An attribute ` name="value"` with a number value.
pub(super) fn attr(s: &mut String, name: &str, v: f32) {
    s.push(' ');
    s.push_str(name);
    s.push_str("=\"");
    num(s, v);
    s.push('"');
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
