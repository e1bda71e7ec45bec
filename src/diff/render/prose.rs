//! The report's wording, in either language: sections of entries, each entry an element
//! with what became of it and one line per detail. `write` lays them out as text or
//! Markdown.

use super::{ADDED_F, ADDED_M, CREATED, Verbs, elide, parent, value, word_diff};
use crate::diff::{
    Changes, FieldChange, ItemChange, MissionChange, Segment, Status, UnitChange, Value,
};
use crate::i18n::Lang;
use crate::model::Id;

/// A piece of a line, marked for each format to show its way.
pub enum Span {
    Plain(String),
    /// A value or a text quoted: « … ».
    Quote(String),
    Removed(String),
    Added(String),
}

pub type Line = Vec<Span>;

pub struct Entry {
    /// What the entry is about, for a reader that shows it on the chart.
    pub element: Option<Element>,
    /// Empty for details that need no title.
    pub name: String,
    pub status: String,
    pub details: Vec<Line>,
}

/// A unit by its ids in the old and the new structure (one is `None` when it was added or
/// removed), or a body by its id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    Unit { old: Option<Id>, new: Option<Id> },
    Body(Id),
}

pub struct Section {
    pub title: &'static str,
    pub entries: Vec<Entry>,
}

fn plain(s: impl Into<String>) -> Span {
    Span::Plain(s.into())
}

/// « label : » in French, "label:" in English.
fn label(text: &str, lang: Lang) -> Span {
    plain(format!("{text}{}", lang.pick(" : ", ": ")))
}

/// A word diff's runs, one space apart.
fn words(segments: &[Segment]) -> Vec<Span> {
    let mut out = Vec::new();
    for s in elide(segments) {
        if !out.is_empty() {
            out.push(plain(" "));
        }
        out.push(match s {
            Segment::Same(t) => Span::Plain(t),
            Segment::Removed(t) => Span::Removed(t),
            Segment::Added(t) => Span::Added(t),
        });
    }
    out
}

/// Texts and kinds quoted, an empty text, a number or a unit as they are.
fn value_span(v: &Value, lang: Lang) -> Span {
    match v {
        Value::Text(t) if !t.is_empty() => Span::Quote(t.clone()),
        Value::Kind(_) => Span::Quote(value(v, lang)),
        _ => plain(value(v, lang)),
    }
}

fn field(f: &FieldChange, lang: Lang) -> Line {
    let mut line = vec![label(f.field.label(lang), lang)];
    match word_diff(f.field, &f.old, &f.new) {
        Some(segments) => line.extend(words(&segments)),
        None => {
            line.push(value_span(&f.old, lang));
            line.push(plain(" → "));
            line.push(value_span(&f.new, lang));
        }
    }
    line
}

pub fn sections(c: &Changes, lang: Lang) -> Vec<Section> {
    let items = |title, verbs, list: &[ItemChange]| Section {
        title,
        entries: list.iter().map(|i| item(i, verbs, lang)).collect(),
    };
    // The organisation's fields stand straight under their section's title.
    let organisation = Entry {
        element: None,
        name: String::new(),
        status: String::new(),
        details: c.organisation.iter().map(|f| field(f, lang)).collect(),
    };
    let mut out = vec![
        Section {
            title: lang.pick("Organisation", "Organisation"),
            entries: if c.organisation.is_empty() {
                vec![]
            } else {
                vec![organisation]
            },
        },
        Section {
            title: lang.pick("Unités", "Units"),
            entries: c.units.iter().map(|u| unit(u, lang)).collect(),
        },
        Section {
            title: lang.pick("Instances de coordination", "Coordination bodies"),
            entries: c.bodies.iter().map(|b| body(b, lang)).collect(),
        },
        Section {
            title: lang.pick("Relations", "Relations"),
            entries: c.relations.iter().map(|r| relation(r, lang)).collect(),
        },
        items(
            lang.pick("Entités extérieures", "Outside entities"),
            ADDED_F,
            &c.entities,
        ),
        items(
            lang.pick("Textes juridiques", "Legal texts"),
            ADDED_M,
            &c.legal_texts,
        ),
        items(
            lang.pick("Programmes budgétaires", "Budget programmes"),
            ADDED_M,
            &c.budget_programmes,
        ),
        items(lang.pick("Sources", "Sources"), ADDED_F, &c.sources),
    ];
    out.retain(|s| !s.entries.is_empty());
    out
}

fn unit(u: &UnitChange, lang: Lang) -> Entry {
    let named = u.new.as_ref().or(u.old.as_ref());
    let mut details = Vec::new();
    match u.status {
        Status::Added => {
            details.push(vec![plain(match &u.parent {
                Some(p) => format!("{} {}", lang.pick("rattachée à", "reports to"), p.label),
                None => lang.pick("à la racine", "at the root").into(),
            })]);
            // What the unit is, not what it was: the new values alone.
            details.extend(
                u.fields
                    .iter()
                    .map(|f| vec![label(f.field.label(lang), lang), value_span(&f.new, lang)]),
            );
        }
        Status::Removed => details.push(vec![plain(match &u.parent {
            Some(p) => format!(
                "{} {}",
                lang.pick("était rattachée à", "reported to"),
                p.label
            ),
            None => lang.pick("était à la racine", "was at the root").into(),
        })]),
        Status::Changed => {}
    }
    if let (false, Some(a), Some(b)) = (u.matched_by.is_empty(), &u.old, &u.new) {
        let reasons: Vec<&str> = u.matched_by.iter().map(|r| r.label(lang)).collect();
        details.push(vec![
            label("id", lang),
            Span::Quote(a.id.to_string()),
            plain(" → "),
            Span::Quote(b.id.to_string()),
            plain(format!(
                " ({}{}{})",
                lang.pick("rapprochées par", "matched by"),
                lang.pick(" : ", ": "),
                reasons.join(", ")
            )),
        ]);
    }
    if let Some(m) = &u.moved {
        details.push(vec![
            label(lang.pick("déplacée", "moved"), lang),
            plain(parent(m.from.as_ref(), lang)),
            plain(" → "),
            plain(parent(m.to.as_ref(), lang)),
        ]);
    }
    if u.status == Status::Changed {
        details.extend(u.fields.iter().map(|f| field(f, lang)));
    }
    details.extend(u.missions.iter().flat_map(|m| mission(m, lang)));
    Entry {
        element: Some(Element::Unit {
            old: u.old.as_ref().map(|n| n.id.clone()),
            new: u.new.as_ref().map(|n| n.id.clone()),
        }),
        name: named.map(|n| n.label.clone()).unwrap_or_default(),
        status: CREATED.of(u.status, lang).into(),
        details,
    }
}

fn mission(m: &MissionChange, lang: Lang) -> Vec<Line> {
    let n = |k: &usize| format!("mission {k}");
    match m {
        MissionChange::Added { number, text } => vec![vec![
            label(
                &format!("{} {}", n(number), lang.pick("ajoutée", "added")),
                lang,
            ),
            Span::Quote(text.clone()),
        ]],
        MissionChange::Removed { number, text } => vec![vec![
            label(
                &format!("{} {}", n(number), lang.pick("supprimée", "removed")),
                lang,
            ),
            Span::Quote(text.clone()),
        ]],
        MissionChange::Moved { from, to } => vec![vec![plain(format!(
            "{} {} ({} {from})",
            n(to),
            lang.pick("déplacée", "moved"),
            lang.pick("auparavant", "formerly"),
        ))]],
        MissionChange::Changed {
            from,
            to,
            words: w,
            source,
        } => {
            let was = if from == to {
                String::new()
            } else {
                format!(" ({} {from})", lang.pick("auparavant", "formerly"))
            };
            let mut lines = Vec::new();
            if !w.is_empty() {
                let title = format!("{}{was} {}", n(to), lang.pick("modifiée", "changed"));
                let mut line = vec![label(&title, lang)];
                line.extend(words(w));
                lines.push(line);
            }
            if let Some(s) = source {
                let mut line = field(s, lang);
                line.insert(0, plain(format!("{}{was}, ", n(to))));
                lines.push(line);
            }
            lines
        }
    }
}

fn body(b: &crate::diff::BodyChange, lang: Lang) -> Entry {
    let mut details: Vec<Line> = b.fields.iter().map(|f| field(f, lang)).collect();
    let names = |list: &[crate::diff::Named]| {
        let labels: Vec<&str> = list.iter().map(|n| n.label.as_str()).collect();
        plain(labels.join(", "))
    };
    if !b.members_added.is_empty() {
        details.push(vec![
            label(lang.pick("membres ajoutés", "members added"), lang),
            names(&b.members_added),
        ]);
    }
    if !b.members_removed.is_empty() {
        details.push(vec![
            label(lang.pick("membres retirés", "members removed"), lang),
            names(&b.members_removed),
        ]);
    }
    Entry {
        element: Some(Element::Body(b.body.id.clone())),
        name: b.body.label.clone(),
        status: CREATED.of(b.status, lang).into(),
        details,
    }
}

fn relation(r: &crate::diff::RelationChange, lang: Lang) -> Entry {
    Entry {
        element: None,
        name: format!("{} → {} ({})", r.from.label, r.to.label, r.kind.label(lang)),
        status: ADDED_F.of(r.status, lang).into(),
        details: r.fields.iter().map(|f| field(f, lang)).collect(),
    }
}

fn item(i: &ItemChange, verbs: Verbs, lang: Lang) -> Entry {
    Entry {
        element: None,
        name: i.label.clone(),
        status: verbs.of(i.status, lang).into(),
        details: i.fields.iter().map(|f| field(f, lang)).collect(),
    }
}
