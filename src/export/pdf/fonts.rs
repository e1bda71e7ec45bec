//! The fonts of a PDF's text: each bundled face the chart uses, cut to the glyphs it draws
//! (typst's subsetter), as a Type0 font whose two-byte codes (Identity-H) stand each for one
//! glyph and one text, with its widths and a ToUnicode map, so that readers copy and search
//! the text as it was written.

use crate::text::{self, Font};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Ref, Str};
use std::collections::HashMap;

/// The faces, in the order of their resource names (/F0 … /F4): Liberation Sans regular and
/// bold, Noto Sans Arabic regular and bold, Noto Emoji (one weight).
pub const FACES: [(Font, bool); 5] = [
    (Font::Liberation, false),
    (Font::Liberation, true),
    (Font::Arabic, false),
    (Font::Arabic, true),
    (Font::Emoji, false),
];

pub fn face_index(font: Font, bold: bool) -> usize {
    match font {
        Font::Liberation => usize::from(bold),
        Font::Arabic => 2 + usize::from(bold),
        Font::Emoji => 4,
    }
}

/// The resource name of face `i`.
pub fn name(i: usize) -> Name<'static> {
    const NAMES: [&[u8]; 5] = [b"F0", b"F1", b"F2", b"F3", b"F4"];
    Name(NAMES[i])
}

const SYSTEM_INFO: SystemInfo = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// The codes one face's text is written with: a code per glyph and the text it stands for,
/// so that a glyph two characters share (a space and a non-breaking one) copies back as
/// either. Codes are given in the order of first use: the same chart, the same codes.
#[derive(Default)]
struct Codes {
    /// Each code's glyph (in the whole font) and text (empty: the rest of a cluster, whose
    /// text its first glyph carries).
    glyphs: Vec<(u16, Box<str>)>,
    by_glyph: HashMap<(u16, Box<str>), u16>,
    /// Codes of characters below U+0800 (0: none yet), most of the text, without hashing.
    quick: Vec<u16>,
    /// Those of the characters above (’, …, €), looked up without making a key.
    chars: HashMap<char, u16>,
}

impl Codes {
    fn code(&mut self, glyph: u16, text: &str) -> u16 {
        if self.glyphs.is_empty() {
            // Code 0 is the empty box, as readers expect.
            self.glyphs.push((0, "".into()));
        }
        let key = (glyph, Box::<str>::from(text));
        if let Some(&code) = self.by_glyph.get(&key) {
            return code;
        }
        // Two bytes a code: past that many, the rest show as the empty box.
        let Ok(code) = u16::try_from(self.glyphs.len()) else {
            return 0;
        };
        self.glyphs.push(key.clone());
        self.by_glyph.insert(key, code);
        code
    }
}

/// The codes of every face, filled while the page is drawn, then written as fonts.
pub struct Fonts {
    faces: [Codes; 5],
}

impl Fonts {
    pub fn new() -> Self {
        Fonts {
            faces: Default::default(),
        }
    }

    /// The code of `c` in Liberation Sans, `None` for what it does not draw (control
    /// characters): see `text::liberation_glyph`.
    pub fn char_code(&mut self, c: char, bold: bool) -> Option<u16> {
        let codes = &mut self.faces[usize::from(bold)];
        let quick = (c as usize) < 0x800;
        let known = if quick {
            codes
                .quick
                .get(c as usize)
                .copied()
                .filter(|&code| code != 0)
        } else {
            codes.chars.get(&c).copied()
        };
        if known.is_some() {
            return known;
        }
        let glyph = text::liberation_glyph(c, bold)?;
        let code = codes.code(glyph.0, c.encode_utf8(&mut [0; 4]));
        if quick {
            if codes.quick.is_empty() {
                codes.quick = vec![0; 0x800];
            }
            codes.quick[c as usize] = code;
        } else {
            codes.chars.insert(c, code);
        }
        Some(code)
    }

    /// The code of a glyph of face `face` (see [`FACES`]) that stands for `text`.
    pub fn glyph_code(&mut self, face: usize, glyph: u16, text: &str) -> u16 {
        self.faces[face].code(glyph, text)
    }

    /// Writes the fonts used, returning each one's face index and reference, in face order.
    pub fn write(&self, pdf: &mut Pdf, next: &mut Ref) -> Result<Vec<(usize, Ref)>, String> {
        let mut out = Vec::new();
        for (i, codes) in self.faces.iter().enumerate() {
            if codes.glyphs.is_empty() {
                continue;
            }
            let (font, bold) = FACES[i];
            let font_ref = next.bump();
            write_font(pdf, next, font_ref, font.ttf(bold), codes)
                .ok_or_else(|| format!("{} {}", font.family(), if bold { "bold" } else { "" }))?;
            out.push((i, font_ref));
        }
        Ok(out)
    }
}

fn write_font(pdf: &mut Pdf, next: &mut Ref, type0: Ref, ttf: &[u8], codes: &Codes) -> Option<()> {
    let face = ttf_parser::Face::parse(ttf, 0).ok()?;
    let [cid_ref, descriptor, cmap_ref, map_ref, file] = [(); 5].map(|_| next.bump());
    let mut remapper = subsetter::GlyphRemapper::new();
    let gids: Vec<u16> = codes
        .glyphs
        .iter()
        .map(|(g, _)| remapper.remap(*g))
        .collect();
    let subset = subsetter::subset(ttf, 0, &remapper).ok()?;

    let post_script = face
        .names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME && n.is_unicode())
        .and_then(|n| n.to_string())?;
    let base = format!("{}+{post_script}", tag(&gids, &codes.glyphs));
    let base = Name(base.as_bytes());

    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);

    let per_em = f32::from(face.units_per_em());
    let thousandths = |v: f32| v / per_em * 1000.0;
    let widths = codes.glyphs.iter().map(|(g, _)| {
        thousandths(f32::from(
            face.glyph_hor_advance(ttf_parser::GlyphId(*g)).unwrap_or(0),
        ))
    });
    let mut cid = pdf.cid_font(cid_ref);
    cid.subtype(CidFontType::Type2)
        .base_font(base)
        .system_info(SYSTEM_INFO)
        .font_descriptor(descriptor)
        .default_width(0.0)
        .cid_to_gid_map_stream(map_ref);
    cid.widths().consecutive(0, widths);
    cid.finish();

    let bbox = face.global_bounding_box();
    let ascent = thousandths(f32::from(face.ascender()));
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::SYMBOLIC)
        .bbox(pdf_writer::Rect::new(
            thousandths(f32::from(bbox.x_min)),
            thousandths(f32::from(bbox.y_min)),
            thousandths(f32::from(bbox.x_max)),
            thousandths(f32::from(bbox.y_max)),
        ))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(thousandths(f32::from(face.descender())))
        .cap_height(
            face.capital_height()
                .map_or(ascent, |h| thousandths(f32::from(h))),
        )
        .stem_v(10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0))
        .font_file2(file);

    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM_INFO);
    for (code, (_, text)) in codes.glyphs.iter().enumerate() {
        if !text.is_empty() {
            cmap.pair_with_multiple(code as u16, text.chars());
        }
    }
    pdf.cmap(cmap_ref, &cmap.finish());
    let map: Vec<u8> = gids.iter().flat_map(|g| g.to_be_bytes()).collect();
    pdf.stream(map_ref, &super::deflate(&map))
        .filter(Filter::FlateDecode);
    pdf.stream(file, &super::deflate(&subset))
        .filter(Filter::FlateDecode)
        .pair(Name(b"Length1"), subset.len() as i32);
    Some(())
}

/// The six capitals that name a subset: from the glyphs it holds, so the same subset has the
/// same name in every run.
fn tag(gids: &[u16], glyphs: &[(u16, Box<str>)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = gids.iter().zip(glyphs).flat_map(|(new, (old, _))| {
        let [a, b] = new.to_be_bytes();
        let [c, d] = old.to_be_bytes();
        [a, b, c, d]
    });
    for byte in bytes {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + (hash >> (i * 10) & 0x3ff) as u8 % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters no font has are all drawn as the empty box, and still copied as themselves.
    #[test]
    fn characters_drawn_by_one_glyph_have_codes_of_their_own() {
        let (a, b) = ('\u{e000}', '\u{e001}');
        assert_eq!(
            text::liberation_glyph(a, false),
            Some(ttf_parser::GlyphId(0))
        );
        assert_eq!(
            text::liberation_glyph(b, false),
            Some(ttf_parser::GlyphId(0))
        );
        let mut fonts = Fonts::new();
        let code = fonts.char_code(a, false).unwrap();
        assert_ne!(fonts.char_code(b, false), Some(code));
        assert_eq!(fonts.char_code(a, false), Some(code));
        let codes = &fonts.faces[0].glyphs;
        assert_eq!(codes[usize::from(code)], (0, a.to_string().into()));
    }
}
