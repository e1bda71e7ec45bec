//! The changes as a table: one row per elementary change, for a spreadsheet to sort and
//! filter. Written as French Excel reads a CSV on a double click: `;` between cells (`,` is
//! its decimal mark), quotes as RFC 4180, and a UTF-8 byte-order mark, without which it
//! takes the text for Windows-1252 and garbles every accent. Texts are whole in « avant » and « après »; « détail »
//! holds a word diff or why units were matched.

use super::{ADDED_F, ADDED_M, CREATED, Verbs, marked, parent, value};
use crate::diff::{Changes, FieldChange, ItemChange, MissionChange, Status};
use crate::i18n::Lang;

struct Table {
    out: String,
    lang: Lang,
}

/// What a row is about: its section, the element's id (and old id when it changed), its
/// name, and what became of it.
struct Element<'a> {
    section: &'a str,
    id: &'a str,
    old_id: &'a str,
    name: &'a str,
    status: &'a str,
}

pub(super) const BOM: &str = "\u{feff}";

fn cell(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// One record, its cells quoted where they must be, ended by a line break.
pub(super) fn line(out: &mut String, cells: &[impl AsRef<str>]) {
    let cells: Vec<String> = cells.iter().map(|c| cell(c.as_ref())).collect();
    out.push_str(&cells.join(";"));
    out.push('\n');
}

impl Table {
    fn row(&mut self, cells: &[&str]) {
        line(&mut self.out, cells);
    }

    fn change(&mut self, e: &Element, field: &str, before: &str, after: &str, detail: &str) {
        self.row(&[
            e.section, e.id, e.old_id, e.name, e.status, field, before, after, detail,
        ]);
    }

    fn field(&mut self, e: &Element, f: &FieldChange) {
        let lang = self.lang;
        let detail =
            super::word_diff(f.field, &f.old, &f.new).map_or_else(String::new, |w| marked(&w));
        let (before, after) = (value(&f.old, lang), value(&f.new, lang));
        self.change(e, f.field.label(lang), &before, &after, &detail);
    }

    fn items(&mut self, section: &str, verbs: Verbs, list: &[ItemChange]) {
        for i in list {
            let status = verbs.of(i.status, self.lang);
            let e = Element {
                section,
                id: "",
                old_id: "",
                name: &i.label,
                status,
            };
            if i.fields.is_empty() {
                self.change(&e, "", "", "", "");
            }
            i.fields.iter().for_each(|f| self.field(&e, f));
        }
    }
}

pub fn table(c: &Changes, lang: Lang) -> String {
    let mut t = Table {
        out: String::from(BOM),
        lang,
    };
    t.row(&[
        "section",
        "id",
        lang.pick("ancien id", "old id"),
        lang.pick("nom", "name"),
        lang.pick("changement", "change"),
        lang.pick("champ", "field"),
        lang.pick("avant", "before"),
        lang.pick("après", "after"),
        lang.pick("détail", "detail"),
    ]);
    let org = Element {
        section: "organisation",
        id: "",
        old_id: "",
        name: "",
        status: CREATED.of(Status::Changed, lang),
    };
    c.organisation.iter().for_each(|f| t.field(&org, f));
    units(&mut t, c);
    for b in &c.bodies {
        let status = CREATED.of(b.status, lang);
        let section = lang.pick("instance", "body");
        let e = Element {
            section,
            id: b.body.id.as_str(),
            old_id: "",
            name: &b.body.label,
            status,
        };
        if b.status != Status::Changed {
            t.change(&e, "", "", "", "");
        }
        b.fields.iter().for_each(|f| t.field(&e, f));
        let names = |list: &[crate::diff::Named]| {
            list.iter()
                .map(|n| n.label.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !(b.members_added.is_empty() && b.members_removed.is_empty()) {
            let (removed, added) = (names(&b.members_removed), names(&b.members_added));
            t.change(&e, lang.pick("membres", "members"), &removed, &added, "");
        }
    }
    for r in &c.relations {
        let name = format!("{} → {} ({})", r.from.label, r.to.label, r.kind.label(lang));
        let status = ADDED_F.of(r.status, lang);
        let e = Element {
            section: "relation",
            id: "",
            old_id: "",
            name: &name,
            status,
        };
        if r.status != Status::Changed {
            t.change(&e, "", "", "", "");
        }
        r.fields.iter().for_each(|f| t.field(&e, f));
    }
    t.items(lang.pick("entité", "entity"), ADDED_F, &c.entities);
    t.items(
        lang.pick("texte juridique", "legal text"),
        ADDED_M,
        &c.legal_texts,
    );
    t.items(
        lang.pick("programme budgétaire", "budget programme"),
        ADDED_M,
        &c.budget_programmes,
    );
    t.items("source", ADDED_F, &c.sources);
    t.out
}

fn units(t: &mut Table, c: &Changes) {
    let lang = t.lang;
    let section = lang.pick("unité", "unit");
    let attached = lang.pick("rattachement", "parent");
    for u in &c.units {
        let named = u
            .new
            .as_ref()
            .or(u.old.as_ref())
            .expect("a unit is old, new or both");
        let old_id = match (&u.old, &u.new) {
            (Some(a), Some(b)) if a.id != b.id => a.id.as_str(),
            _ => "",
        };
        let status = CREATED.of(u.status, lang);
        let e = Element {
            section,
            id: named.id.as_str(),
            old_id,
            name: &named.label,
            status,
        };
        let where_ = parent(u.parent.as_ref(), lang);
        match u.status {
            Status::Added => t.change(&e, attached, "", &where_, ""),
            Status::Removed => t.change(&e, attached, &where_, "", ""),
            Status::Changed => {}
        }
        if !u.matched_by.is_empty() {
            let reasons: Vec<&str> = u.matched_by.iter().map(|r| r.label(lang)).collect();
            t.change(&e, "id", old_id, named.id.as_str(), &reasons.join(", "));
        }
        if let Some(m) = &u.moved {
            let (from, to) = (parent(m.from.as_ref(), lang), parent(m.to.as_ref(), lang));
            t.change(&e, attached, &from, &to, "");
        }
        for f in &u.fields {
            match u.status {
                // What an added unit is: nothing before.
                Status::Added => t.change(&e, f.field.label(lang), "", &value(&f.new, lang), ""),
                _ => t.field(&e, f),
            }
        }
        for m in &u.missions {
            mission(t, &e, m);
        }
    }
}

fn mission(t: &mut Table, e: &Element, m: &MissionChange) {
    let lang = t.lang;
    match m {
        MissionChange::Added { number, text } => {
            t.change(e, &format!("mission {number}"), "", text, "")
        }
        MissionChange::Removed { number, text } => {
            t.change(e, &format!("mission {number}"), text, "", "")
        }
        MissionChange::Moved { from, to } => {
            let (from, to) = (format!("mission {from}"), format!("mission {to}"));
            t.change(
                e,
                lang.pick("place d'une mission", "place of a mission"),
                &from,
                &to,
                "",
            )
        }
        MissionChange::Changed {
            to, words, source, ..
        } => {
            let field = format!("mission {to}");
            if !words.is_empty() {
                let before = old_text(words);
                let after = new_text(words);
                t.change(e, &field, &before, &after, &marked(words));
            }
            if let Some(s) = source {
                let field = format!("{field}, {}", s.field.label(lang));
                t.change(e, &field, &value(&s.old, lang), &value(&s.new, lang), "");
            }
        }
    }
}

/// The text a word diff was made from, and the text it leads to.
fn old_text(words: &[crate::diff::Segment]) -> String {
    use crate::diff::Segment::*;
    let kept = words.iter().filter_map(|s| match s {
        Same(t) | Removed(t) => Some(t.as_str()),
        Added(_) => None,
    });
    kept.collect::<Vec<_>>().join(" ")
}

fn new_text(words: &[crate::diff::Segment]) -> String {
    use crate::diff::Segment::*;
    let kept = words.iter().filter_map(|s| match s {
        Same(t) | Added(t) => Some(t.as_str()),
        Removed(_) => None,
    });
    kept.collect::<Vec<_>>().join(" ")
}
