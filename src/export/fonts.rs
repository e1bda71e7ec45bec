//! The bundled fonts an SVG uses, embedded in it: each face cut to the characters the chart
//! shows, in `@font-face` rules with the font as data, so that a viewer that has none of them
//! lays the text out as it was measured, instead of spilling it out of the boxes with a wider
//! font of its own.

use crate::scene::Scene;
use crate::text::Font;
use base64::Engine;

/// The characters of one weight: a bit per character of the Basic Multilingual Plane, and the
/// few above it (emoji) listed.
struct Chars {
    /// ASCII apart, in a register while a line is read: most characters are ASCII, and setting
    /// their bits in memory one after the other made collecting cost twice as much.
    ascii: u128,
    bmp: Vec<u64>,
    astral: Vec<char>,
}

impl Chars {
    fn new() -> Self {
        Chars {
            ascii: 0,
            bmp: vec![0; 0x10000 / 64],
            astral: Vec::new(),
        }
    }

    fn add(&mut self, text: &str) {
        let mut ascii = 0u128;
        for c in text.chars() {
            let u = c as usize;
            if u < 0x80 {
                ascii |= 1 << u;
            } else if u < 0x10000 {
                self.bmp[u >> 6] |= 1 << (u & 63);
            } else if !self.astral.contains(&c) {
                self.astral.push(c);
            }
        }
        self.ascii |= ascii;
    }

    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let ascii = (0..0x80u8)
            .filter(|&b| self.ascii & (1 << b) != 0)
            .map(char::from);
        let words = self.bmp.iter().enumerate().filter(|(_, word)| **word != 0);
        let bmp = words.flat_map(|(i, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .filter_map(move |bit| char::from_u32((i * 64 + bit) as u32))
        });
        ascii.chain(bmp).chain(self.astral.iter().copied())
    }
}

/// Writes a `<style>` element with one `@font-face` per bundled face the scene's text uses;
/// nothing for a scene without text.
pub fn push_style(s: &mut String, scene: &Scene) {
    let mut used = [Chars::new(), Chars::new()];
    for line in scene.items.iter().flat_map(|i| i.lines.iter()) {
        used[usize::from(line.style.bold)].add(&line.text);
    }
    // Characters of each face: (font, bold), the emoji font's one weight serving both.
    let mut faces: Vec<((Font, bool), Vec<char>)> = Vec::new();
    for (weight, chars) in used.iter().enumerate() {
        for c in chars.iter().filter(|c| !c.is_control()) {
            let font = Font::of(c);
            if !font.has(c) {
                continue;
            }
            let key = (font, weight == 1 && font != Font::Emoji);
            match faces.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(c),
                None => faces.push((key, vec![c])),
            }
        }
    }
    if faces.is_empty() {
        return;
    }
    faces.sort_by_key(|((font, bold), _)| (*font as usize, *bold));
    s.push_str("<style>\n");
    for ((font, bold), chars) in faces {
        let ttf = font.ttf(bold);
        // Arabic's joined forms and marks are reached through its shaping tables, which the
        // subsetter drops: that font goes whole (it is already cut to the script, 104 KB).
        let data = match font {
            Font::Arabic => None,
            Font::Liberation | Font::Emoji => subset(ttf, &chars),
        };
        s.push_str("@font-face{font-family:'");
        s.push_str(font.family());
        // One weight serves all: no faux bold, whose strokes and advances viewers differ on.
        s.push_str(match (font, bold) {
            (Font::Emoji, _) => "';font-weight:100 900",
            (_, true) => "';font-weight:bold",
            (_, false) => "';font-weight:normal",
        });
        s.push_str(";src:url(data:font/ttf;base64,");
        base64::engine::general_purpose::STANDARD.encode_string(data.as_deref().unwrap_or(ttf), s);
        s.push_str(") format('truetype')}\n");
    }
    s.push_str("</style>\n");
}

/// `ttf` cut to the glyphs of `chars` (and those their glyphs are built from), with a
/// character map of these characters only; `None` if the font cannot be read.
pub fn subset(ttf: &[u8], chars: &[char]) -> Option<Vec<u8>> {
    let face = ttf_parser::Face::parse(ttf, 0).ok()?;
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut map: Vec<(char, u16)> = chars
        .iter()
        .filter_map(|&c| Some((c, remapper.remap(face.glyph_index(c)?.0))))
        .collect();
    // The subsetter keeps these glyph numbers and numbers the glyphs composites use after them.
    let font = subsetter::subset(ttf, 0, &remapper).ok()?;
    map.sort_unstable();
    let os2 = face
        .raw_face()
        .table(ttf_parser::Tag::from_bytes(b"OS/2"))?;
    with_tables(&font, &[(*b"cmap", &cmap(&map)), (*b"OS/2", os2)])
}

fn be16(v: usize) -> [u8; 2] {
    (v as u16).to_be_bytes()
}

/// A `cmap` table for `map` (sorted by character): format 4 for the Basic Multilingual Plane,
/// which every reader takes, and format 12 for the whole when characters lie above it.
fn cmap(map: &[(char, u16)]) -> Vec<u8> {
    // Format 4: runs of consecutive characters whose glyphs are consecutive too.
    let mut segments: Vec<(u16, u16, u16)> = Vec::new();
    for &(c, g) in map.iter().filter(|(c, _)| (*c as u32) < 0xffff) {
        let c = c as u16;
        let delta = g.wrapping_sub(c);
        match segments.last_mut() {
            Some((_, end, d)) if *end + 1 == c && *d == delta => *end = c,
            _ => segments.push((c, c, delta)),
        }
    }
    segments.push((0xffff, 0xffff, 1));
    let n = segments.len();
    let log = n.ilog2() as usize;
    let mut f4 = Vec::with_capacity(16 + 8 * n);
    for v in [4, 16 + 8 * n, 0, 2 * n, 2 << log, log, 2 * n - (2 << log)] {
        f4.extend(be16(v));
    }
    f4.extend(segments.iter().flat_map(|s| s.1.to_be_bytes()));
    f4.extend([0, 0]);
    f4.extend(segments.iter().flat_map(|s| s.0.to_be_bytes()));
    f4.extend(segments.iter().flat_map(|s| s.2.to_be_bytes()));
    f4.extend(segments.iter().flat_map(|_| [0, 0]));

    let mut subtables = vec![(1u16, f4)];
    if map.iter().any(|(c, _)| *c as u32 > 0xffff) {
        let mut groups: Vec<(u32, u32, u32)> = Vec::new();
        for &(c, g) in map {
            let (c, g) = (c as u32, u32::from(g));
            match groups.last_mut() {
                Some((start, end, first)) if *end + 1 == c && *first + (c - *start) == g => {
                    *end = c
                }
                _ => groups.push((c, c, g)),
            }
        }
        let mut f12 = Vec::with_capacity(16 + 12 * groups.len());
        f12.extend([0, 12, 0, 0]);
        f12.extend((16 + 12 * groups.len() as u32).to_be_bytes());
        f12.extend(0u32.to_be_bytes());
        f12.extend((groups.len() as u32).to_be_bytes());
        for (start, end, first) in groups {
            for v in [start, end, first] {
                f12.extend(v.to_be_bytes());
            }
        }
        subtables.push((10, f12));
    }
    let mut out = Vec::new();
    out.extend([0, 0]);
    out.extend(be16(subtables.len()));
    let mut offset = 4 + 8 * subtables.len();
    for (encoding, table) in &subtables {
        out.extend([0, 3]);
        out.extend(encoding.to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        offset += table.len();
    }
    for (_, table) in subtables {
        out.extend(table);
    }
    out
}

/// The font `font` with the tables `extra` added: the table directory written again, sorted by
/// tag, each table's checksum and the whole font's (in `head`) computed again.
fn with_tables(font: &[u8], extra: &[([u8; 4], &[u8])]) -> Option<Vec<u8>> {
    let u32_at = |at: usize| Some(u32::from_be_bytes(font.get(at..at + 4)?.try_into().ok()?));
    let count = usize::from(u16::from_be_bytes(font.get(4..6)?.try_into().ok()?));
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(count + extra.len());
    for i in 0..count {
        let record = 12 + 16 * i;
        let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
        let start = u32_at(record + 8)? as usize;
        let len = u32_at(record + 12)? as usize;
        tables.push((tag, font.get(start..start + len)?));
    }
    tables.extend_from_slice(extra);
    tables.sort_by_key(|(tag, _)| *tag);
    let n = tables.len();
    let log = n.ilog2() as usize;
    let mut out = Vec::new();
    out.extend_from_slice(font.get(0..4)?);
    for v in [n, 16 << log, log, 16 * n - (16 << log)] {
        out.extend(be16(v));
    }
    let padded = |len: usize| len.next_multiple_of(4);
    let mut offset = 12 + 16 * n;
    let mut head = None;
    for (tag, data) in &tables {
        let mut data = data.to_vec();
        if tag == b"head" {
            // Its checksum is taken with the whole font's adjustment at zero.
            data.get_mut(8..12)?.fill(0);
            head = Some(offset);
        }
        out.extend(tag);
        out.extend(checksum(&data).to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += padded(data.len());
    }
    for (tag, data) in &tables {
        let start = out.len();
        out.extend_from_slice(data);
        if tag == b"head" {
            out[start + 8..start + 12].fill(0);
        }
        out.resize(start + padded(data.len()), 0);
    }
    let at = head?;
    let adjustment = 0xb1b0_afba_u32.wrapping_sub(checksum(&out));
    out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    Some(out)
}

/// The sum of a table's big-endian 32-bit words, the last one padded with zeros.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outline of `c` as the commands that draw it.
    fn outline(face: &ttf_parser::Face, c: char) -> String {
        struct Path(String);
        impl ttf_parser::OutlineBuilder for Path {
            fn move_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("M{x},{y}");
            }
            fn line_to(&mut self, x: f32, y: f32) {
                self.0 += &format!("L{x},{y}");
            }
            fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
                self.0 += &format!("Q{x1},{y1},{x},{y}");
            }
            fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
                self.0 += &format!("C{x1},{y1},{x2},{y2},{x},{y}");
            }
            fn close(&mut self) {
                self.0 += "Z";
            }
        }
        let mut path = Path(String::new());
        let glyph = face.glyph_index(c).expect("mapped");
        face.outline_glyph(glyph, &mut path);
        format!("{path}/{:?}", face.glyph_hor_advance(glyph), path = path.0)
    }

    #[test]
    fn a_subset_draws_its_characters_as_the_font_does_and_maps_no_others() {
        for (font, chars) in [
            // « é » and « œ » are built from other glyphs, which come along.
            (Font::Liberation, &['A', 'é', 'œ', '€', 'Ж'][..]),
            // Above U+FFFF: the map's format 12.
            (Font::Emoji, &['💼', '☎', '📊'][..]),
        ] {
            let ttf = font.ttf(false);
            let cut = subset(ttf, chars).unwrap();
            assert!(cut.len() < ttf.len() / 10, "{} bytes", cut.len());
            // Every table's checksum and the whole font's adjustment, as strict readers check.
            assert_eq!(checksum(&cut), 0xb1b0_afba);
            let (whole, part) = (
                ttf_parser::Face::parse(ttf, 0).unwrap(),
                ttf_parser::Face::parse(&cut, 0).unwrap(),
            );
            for &c in chars {
                assert_eq!(outline(&whole, c), outline(&part, c), "{c}");
            }
            assert_eq!(part.glyph_index('B'), None);
            assert_eq!(part.glyph_index('😀'), None);
        }
    }
}
