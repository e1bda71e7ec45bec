//! The structure as tables, for spreadsheets: every unit with every field and its total
//! headcount over its subtree, then one table per other collection (missions, bodies,
//! relations, entities, legal texts). CSV holds the units' table, XLSX all of them, one sheet
//! each. Headers are the ones HR tables use (« Code », « Code parent », « Libellé »…), so that
//! an import can recognise them.

use crate::i18n::Lang;
use crate::model::{Citation, Hierarchy, Id, Organisation};

pub enum Cell {
    Text(String),
    Number(f64),
}

pub struct Table {
    /// The sheet's name: at most 31 characters, none of `[]:*?/\`, as Excel requires.
    pub name: &'static str,
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn id(id: &Option<Id>) -> Cell {
    text(id.as_ref().map_or("", Id::as_str))
}

fn number(n: Option<u64>) -> Cell {
    n.map_or(Cell::Text(String::new()), |n| Cell::Number(n as f64))
}

fn source(source: &Option<Citation>) -> [Cell; 2] {
    match source {
        Some(c) => [text(&c.text), text(&c.article)],
        None => [text(""), text("")],
    }
}

/// Each unit's headcount plus those of every unit below it; `None` where none of them has one.
fn subtree_headcounts(org: &Organisation) -> Vec<Option<u64>> {
    let tree = Hierarchy::of(org);
    let own = |i: usize| org.units[i].headcount.map(u64::from);
    (0..org.units.len())
        .map(|i| {
            let below = tree.descendants(i).into_iter().filter_map(own);
            own(i).into_iter().chain(below).reduce(|a, b| a + b)
        })
        .collect()
}

pub fn units(org: &Organisation, lang: Lang) -> Table {
    let totals = subtree_headcounts(org);
    let fr = lang == Lang::Fr;
    let header = if fr {
        vec![
            "Code",
            "Code parent",
            "Libellé",
            "Sigle",
            "Type",
            "Fonction",
            "Responsable",
            "Effectif",
            "Effectif total",
            "Rattachement d'état-major",
            "Missions",
            "Notes",
        ]
    } else {
        vec![
            "Code",
            "Parent code",
            "Name",
            "Acronym",
            "Kind",
            "Title",
            "Head",
            "Headcount",
            "Total headcount",
            "Staff position",
            "Missions",
            "Notes",
        ]
    };
    let rows = org.units.iter().zip(totals).map(|(u, total)| {
        let missions: Vec<&str> = u.missions.iter().map(|m| m.text.as_str()).collect();
        vec![
            text(u.id.as_str()),
            id(&u.parent),
            text(&u.name),
            text(&u.acronym),
            text(u.kind.label(lang)),
            text(&u.head.title),
            text(&u.head.name),
            number(u.headcount.map(u64::from)),
            number(total),
            text(if u.staff { lang.pick("oui", "yes") } else { "" }),
            Cell::Text(missions.join("\n")),
            text(&u.notes),
        ]
    });
    Table {
        name: lang.pick("Unités", "Units"),
        header,
        rows: rows.collect(),
    }
}

/// Every table, the units' first.
pub fn all(org: &Organisation, lang: Lang) -> Vec<Table> {
    let fr = lang == Lang::Fr;
    let pick = |fr_h: Vec<&'static str>, en_h: Vec<&'static str>| if fr { fr_h } else { en_h };
    let missions = org.units.iter().flat_map(|u| {
        u.missions.iter().enumerate().map(move |(n, m)| {
            let [s, a] = source(&m.source);
            let n = Cell::Number((n + 1) as f64);
            vec![text(u.id.as_str()), text(&u.name), n, text(&m.text), s, a]
        })
    });
    let bodies = org.bodies.iter().map(|b| {
        let members: Vec<&str> = b.members.iter().map(Id::as_str).collect();
        let [s, a] = source(&b.source);
        vec![
            text(b.id.as_str()),
            text(&b.name),
            text(b.kind.label(lang)),
            id(&b.chair),
            Cell::Text(members.join(", ")),
            text(&b.participants),
            text(&b.cadence),
            text(&b.purpose),
            s,
            a,
        ]
    });
    let relations = org.relations.iter().map(|r| {
        let [s, a] = source(&r.source);
        let (from, to) = (text(r.from.as_str()), text(r.to.as_str()));
        vec![from, to, text(r.kind.label(lang)), text(&r.label), s, a]
    });
    let entities = org.entities.iter().map(|e| {
        let kind = text(e.kind.label(lang));
        let (code, name) = (text(e.id.as_str()), text(&e.name));
        vec![code, name, text(&e.acronym), kind, text(&e.description)]
    });
    let texts = org.legal_texts.iter().map(|t| {
        let [r, ti, ar] = [&t.reference, &t.title, &t.article].map(|s| text(s));
        vec![r, ti, ar, text(&t.date), text(&t.url), text(&t.source)]
    });
    vec![
        units(org, lang),
        Table {
            name: "Missions",
            header: pick(
                vec!["Code unité", "Unité", "N°", "Mission", "Source", "Article"],
                vec!["Unit code", "Unit", "No.", "Mission", "Source", "Article"],
            ),
            rows: missions.collect(),
        },
        Table {
            name: lang.pick("Instances", "Bodies"),
            header: pick(
                vec![
                    "Code",
                    "Libellé",
                    "Type",
                    "Présidence",
                    "Membres",
                    "Participants",
                    "Périodicité",
                    "Objet",
                    "Source",
                    "Article",
                ],
                vec![
                    "Code",
                    "Name",
                    "Kind",
                    "Chair",
                    "Members",
                    "Participants",
                    "Cadence",
                    "Purpose",
                    "Source",
                    "Article",
                ],
            ),
            rows: bodies.collect(),
        },
        Table {
            name: "Relations",
            header: pick(
                vec!["De", "Vers", "Type", "Libellé", "Source", "Article"],
                vec!["From", "To", "Kind", "Label", "Source", "Article"],
            ),
            rows: relations.collect(),
        },
        Table {
            name: lang.pick("Entités extérieures", "Outside entities"),
            header: pick(
                vec!["Code", "Libellé", "Sigle", "Type", "Description"],
                vec!["Code", "Name", "Acronym", "Kind", "Description"],
            ),
            rows: entities.collect(),
        },
        Table {
            name: lang.pick("Textes juridiques", "Legal texts"),
            header: pick(
                vec!["Référence", "Intitulé", "Article", "Date", "URL", "Source"],
                vec!["Reference", "Title", "Article", "Date", "URL", "Source"],
            ),
            rows: texts.collect(),
        },
    ]
}

/// Whether a spreadsheet opening a CSV would take a text starting so for a formula (which
/// a hostile name such as `=HYPERLINK(…)` or `=cmd|…` would make run): `=`, `+`, `@`, a tab
/// or carriage return, or `-` not followed by a space (« - » starts a list, not a formula).
pub fn looks_like_formula(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('=' | '+' | '@' | '\t' | '\r') => true,
        Some('-') => chars.next().is_some_and(|c| !c.is_whitespace()),
        _ => false,
    }
}

/// The units' table as CSV the way Excel reads it in France: UTF-8 with a byte order mark,
/// `;` between fields, CRLF between rows, fields quoted (quotes doubled) when they hold a
/// separator, a quote or a line break. A text a spreadsheet would take for a formula is
/// written after an apostrophe, which spreadsheets read as "text follows" and the importer
/// takes off again. (XLSX needs none of this: its cells are typed as text.)
pub fn csv(org: &Organisation, lang: Lang) -> Vec<u8> {
    let table = units(org, lang);
    let mut out = String::from("\u{feff}");
    let field = |out: &mut String, s: &str, first: bool| {
        if !first {
            out.push(';');
        }
        let guarded;
        let s = if looks_like_formula(s) {
            guarded = format!("'{s}");
            guarded.as_str()
        } else {
            s
        };
        if s.contains([';', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&s.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(s);
        }
    };
    for (i, h) in table.header.iter().enumerate() {
        field(&mut out, h, i == 0);
    }
    out.push_str("\r\n");
    for row in &table.rows {
        for (i, cell) in row.iter().enumerate() {
            match cell {
                Cell::Text(s) => field(&mut out, s, i == 0),
                // A number is written as digits: never guarded.
                Cell::Number(n) => field(&mut out, &n.to_string(), i == 0),
            }
        }
        out.push_str("\r\n");
    }
    out.into_bytes()
}
