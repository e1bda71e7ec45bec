//! A titled `<g>` per unit, body and entity, so that an editor selects one in a click and a
//! browser shows its missions as a tooltip; kinds as lower-case ASCII class names.

use super::xml::push_escaped;
use crate::i18n::Lang;
use crate::model::Organisation;
use crate::scene::Owner;

/// Opens the group of a unit, body or entity: its id in the file, a class naming what it is
/// and its kind, and a title with its texts. False for a decoration, which has no group.
pub(super) fn open_group(s: &mut String, owner: Owner, org: &Organisation) -> bool {
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
pub(super) fn push_slug(s: &mut String, label: &str) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
