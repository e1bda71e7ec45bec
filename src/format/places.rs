//! Where each element of a file's lists, and each of its fields, is written: a semantic
//! error points at the very value it is about (the `parent: "X"` that names no unit, the
//! third member of a body), not at the line that defines the element.
//!
//! Only texts that parsed are walked, so the text is well-formed RON: one pass over its
//! tokens, keeping the stack of brackets it is in with the field or the item each is at,
//! tells where every value of `organisation.units[i]` and its kin starts.

use crate::model::{Field, List, Place};

/// The offsets of the values of one element of a list.
#[derive(Default)]
struct Element<'a> {
    /// Where the element itself starts (its `(`, or its struct name).
    start: usize,
    /// Each field written, with where its value starts.
    fields: Vec<(&'a str, usize)>,
    /// Where each item of its `members` and `replaces` lists starts, with the list's name.
    items: Vec<(&'a str, usize)>,
}

pub(super) struct Places<'a> {
    /// Per list, in the order of [`list_key`]: its elements, in order.
    lists: [Vec<Element<'a>>; 4],
}

const LISTS: [List; 4] = [List::Units, List::Bodies, List::Relations, List::Entities];

/// The field names of the file, as `model` spells them.
fn list_key(list: List) -> &'static str {
    match list {
        List::Units => "units",
        List::Bodies => "bodies",
        List::Relations => "relations",
        List::Entities => "entities",
    }
}

fn field_key(field: Field) -> &'static str {
    match field {
        Field::Id => "id",
        Field::Name => "name",
        Field::Kind => "kind",
        Field::Parent => "parent",
        Field::Position => "position",
        Field::Chair => "chair",
        Field::Member(_) => "members",
        Field::Replaced(_) => "replaces",
        Field::From => "from",
        Field::To => "to",
    }
}

/// One open bracket: which, the field whose value is being read inside it (in a struct),
/// and how many items have started in it (in a list).
struct Frame<'a> {
    open: u8,
    key: Option<&'a str>,
    items: usize,
}

impl<'a> Places<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut places = Places {
            lists: Default::default(),
        };
        let b = text.as_bytes();
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
                }
                b'/' if b.get(i + 1) == Some(&b'*') => i = super::block_comment_end(b, i + 2),
                c @ (b'(' | b'[' | b'{') => {
                    places.value(&mut stack, i);
                    stack.push(Frame {
                        open: c,
                        key: None,
                        items: 0,
                    });
                    i += 1;
                }
                b')' | b']' | b'}' => {
                    stack.pop();
                    i += 1;
                }
                b',' => {
                    if let Some(top) = stack.last_mut() {
                        top.key = None;
                    }
                    i += 1;
                }
                b'"' => {
                    places.value(&mut stack, i);
                    i = string_end(b, i + 1);
                }
                b'\'' => {
                    places.value(&mut stack, i);
                    i = char_end(b, i + 1);
                }
                b'r' if raw_string(b, i).is_some() => {
                    places.value(&mut stack, i);
                    i = raw_string(b, i).unwrap_or(b.len());
                }
                b'b' if b.get(i + 1) == Some(&b'"') => {
                    places.value(&mut stack, i);
                    i = string_end(b, i + 2);
                }
                c if word_byte(c) => {
                    // A raw identifier, `r#name`, is the name.
                    let from = if b[i..].starts_with(b"r#") { i + 2 } else { i };
                    let end = from + b[from..].iter().take_while(|&&c| word_byte(c)).count();
                    let next = skip_blanks(b, end);
                    match b.get(next) {
                        Some(b':') if stack.last().is_some_and(|f| f.open == b'(') => {
                            if let Some(top) = stack.last_mut() {
                                top.key = Some(&text[from..end]);
                            }
                            i = next + 1;
                        }
                        // A struct's name, `Some(` or `Other(`: the value starts at the name.
                        Some(b'(') => {
                            places.value(&mut stack, i);
                            stack.push(Frame {
                                open: b'(',
                                key: None,
                                items: 0,
                            });
                            i = next + 1;
                        }
                        _ => {
                            places.value(&mut stack, i);
                            i = end.max(i + 1);
                        }
                    }
                }
                _ => i += 1,
            }
        }
        places
    }

    /// A value starts at `at` in the innermost bracket of `stack`.
    fn value(&mut self, stack: &mut [Frame<'a>], at: usize) {
        if let Some(top) = stack.last_mut()
            && top.open == b'['
        {
            top.items += 1;
        }
        let list = |org: &Frame| LISTS.iter().position(|&l| org.key == Some(list_key(l)));
        match stack {
            [root, org, items] if root.key == Some("organisation") && items.open == b'[' => {
                if let Some(l) = list(org) {
                    self.lists[l].push(Element {
                        start: at,
                        ..Element::default()
                    });
                }
            }
            [root, org, items, element]
                if root.key == Some("organisation") && items.open == b'[' =>
            {
                if let (Some(l), Some(key)) = (list(org), element.key)
                    && let Some(e) = self.lists[l].last_mut()
                    && !e.fields.iter().any(|f| f.0 == key)
                {
                    e.fields.push((key, at));
                }
            }
            [root, org, _, element, items]
                if root.key == Some("organisation") && items.open == b'[' =>
            {
                if let Some(key @ ("members" | "replaces")) = element.key
                    && let Some(l) = list(org)
                    && let Some(e) = self.lists[l].last_mut()
                {
                    e.items.push((key, at));
                }
            }
            _ => {}
        }
    }

    /// Where the value `place` is about starts; where its element starts when that field is
    /// not written (a missing name); `None` if the element is not in the text.
    pub fn find(&self, place: &Place) -> Option<usize> {
        let l = LISTS.iter().position(|&l| l == place.list)?;
        let element = self.lists[l].get(place.index)?;
        let written = match place.field {
            Field::Member(k) | Field::Replaced(k) => element
                .items
                .iter()
                .filter(|item| item.0 == field_key(place.field))
                .nth(k)
                .map(|item| item.1),
            field => element
                .fields
                .iter()
                .find(|f| f.0 == field_key(field))
                .map(|f| f.1),
        };
        Some(written.unwrap_or(element.start))
    }
}

/// Bytes of names and numbers: `units`, `SecretariatGeneral`, `-5`, `1e15`, `0x1F`.
fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'+' | b'-') || c >= 0x80
}

/// Past the blanks and comments from `i`.
fn skip_blanks(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_whitespace() => i += 1,
            Some(b'/') if b.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |n| i + n);
            }
            Some(b'/') if b.get(i + 1) == Some(&b'*') => i = super::block_comment_end(b, i + 2),
            _ => return i,
        }
    }
}

/// Past the closing quote of a string whose body starts at `i`.
fn string_end(b: &[u8], mut i: usize) -> usize {
    while let Some(k) = memchr::memchr2(b'"', b'\\', b.get(i..).unwrap_or_default()) {
        if b[i + k] == b'"' {
            return i + k + 1;
        }
        i += k + 2;
    }
    b.len()
}

/// Past the closing quote of a character literal whose body starts at `i`.
fn char_end(b: &[u8], i: usize) -> usize {
    let body = if b.get(i) == Some(&b'\\') {
        i + 2
    } else {
        i + 1
    };
    memchr::memchr(b'\'', b.get(body..).unwrap_or_default()).map_or(b.len(), |k| body + k + 1)
}

/// For a raw string `r#"…"#` at `i`: the offset past it.
fn raw_string(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && word_byte(b[i - 1]) {
        return None;
    }
    let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
    let open = i + 1 + hashes;
    if b.get(open) != Some(&b'"') {
        return None;
    }
    let mut closing = vec![b'"'];
    closing.resize(hashes + 1, b'#');
    Some(
        memchr::memmem::find(&b[open + 1..], &closing)
            .map_or(b.len(), |k| open + 1 + k + closing.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'t>(text: &'t str, places: &Places, list: List, index: usize, field: Field) -> &'t str {
        let place = Place { list, index, field };
        let at = places.find(&place).expect("found");
        &text[at..at + 6.min(text.len() - at)]
    }

    #[test]
    fn values_are_found_where_they_are_written() {
        let text = r##"#![enable(implicit_some)]
(version: 1, organisation: Organisation(
    name: "a",
    // units: [(id: "no")],
    units: [
        (id: "sg", name: "(\")", kind: Other(r#"x"#)),
        Unit(id: "b1", /* parent: "no" */ parent: Some("sg"), position: (x: -5.0, y: 1e3)),
        (id: "b3", replaces: ["p1", "p2"]),
        (r#id: "b2", name: r"[", parent : "zz"),
    ],
    bodies: [(id: "c", members: ["sg", 'x', "b2"], chair: "b1")],
    relations: [(from: "sg", to: "zz")],
))"##;
        let places = Places::new(text);
        assert_eq!(at(text, &places, List::Units, 0, Field::Id), "\"sg\", ");
        assert_eq!(at(text, &places, List::Units, 0, Field::Kind), "Other(");
        assert_eq!(at(text, &places, List::Units, 1, Field::Parent), "Some(\"");
        assert_eq!(at(text, &places, List::Units, 1, Field::Position), "(x: -5");
        assert_eq!(
            at(text, &places, List::Units, 2, Field::Replaced(1)),
            "\"p2\"])"
        );
        assert_eq!(at(text, &places, List::Units, 3, Field::Parent), "\"zz\"),");
        // No name written: the element itself.
        assert_eq!(at(text, &places, List::Units, 2, Field::Name), "(id: \"");
        assert_eq!(at(text, &places, List::Units, 1, Field::Name), "Unit(i");
        assert_eq!(
            at(text, &places, List::Bodies, 0, Field::Member(2)),
            "\"b2\"],"
        );
        assert_eq!(at(text, &places, List::Bodies, 0, Field::Chair), "\"b1\")]");
        assert_eq!(at(text, &places, List::Relations, 0, Field::To), "\"zz\")]");
        let missing = Place {
            list: List::Entities,
            index: 0,
            field: Field::Id,
        };
        assert_eq!(places.find(&missing), None);
    }
}
