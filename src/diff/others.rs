//! Everything but the units: the organisation's own fields, coordination bodies, relations,
//! outside entities, legal texts, budget programmes and sources.

use super::matching::Matching;
use super::missions::citation;
use super::{
    BodyChange, Field, FieldChange, ItemChange, Kind, Named, RelationChange, Status, Value,
    compare, compare_text,
};
use crate::model::{Headcount, Id, Organisation, full_name};

/// Pairs the items of two lists that share a key, each key paired in order when several
/// items share it; `None` on the side that lacks it. Old items in their order, then the new
/// ones without an old one. Quadratic, on lists of tens or hundreds.
fn pair_by<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key_old: impl Fn(&'a T) -> K,
    key_new: impl Fn(&'a T) -> K,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut keys: Vec<Option<K>> = new.iter().map(|t| Some(key_new(t))).collect();
    let mut out = Vec::new();
    for a in old {
        let k = Some(key_old(a));
        let found = keys.iter().position(|n| *n == k);
        if let Some(j) = found {
            keys[j] = None;
        }
        out.push((Some(a), found.map(|j| &new[j])));
    }
    let left = keys.iter().zip(new).filter(|(k, _)| k.is_some());
    out.extend(left.map(|(_, b)| (None, Some(b))));
    out
}

/// One entry per item added, removed, or changed (`fields` non-empty).
fn items<T>(
    pairs: Vec<(Option<&T>, Option<&T>)>,
    label: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> Vec<FieldChange>,
) -> Vec<ItemChange> {
    let item = |status, t: &T, fields| ItemChange {
        status,
        label: label(t),
        fields,
    };
    pairs
        .into_iter()
        .filter_map(|pair| match pair {
            (Some(a), None) => Some(item(Status::Removed, a, Vec::new())),
            (None, Some(b)) => Some(item(Status::Added, b, Vec::new())),
            (Some(a), Some(b)) => {
                let f = fields(a, b);
                (!f.is_empty()).then(|| item(Status::Changed, b, f))
            }
            (None, None) => None,
        })
        .collect()
}

fn headcount(h: Option<&Headcount>) -> String {
    let Some(h) = h else { return String::new() };
    let mut s = h.count.to_string();
    for part in [&h.date, &h.note].into_iter().filter(|p| !p.is_empty()) {
        s.push_str(&format!(" ({part})"));
    }
    s
}

pub fn organisation(old: &Organisation, new: &Organisation) -> Vec<FieldChange> {
    let mut out = Vec::new();
    compare_text(&mut out, Field::Name, &old.name, &new.name);
    compare_text(&mut out, Field::Acronym, &old.acronym, &new.acronym);
    compare_text(
        &mut out,
        Field::Administration,
        &old.administration,
        &new.administration,
    );
    compare_text(
        &mut out,
        Field::Description,
        &old.description,
        &new.description,
    );
    let (a, b) = (
        headcount(old.headcount.as_ref()),
        headcount(new.headcount.as_ref()),
    );
    compare_text(&mut out, Field::Headcount, &a, &b);
    compare_text(&mut out, Field::Address, &old.address, &new.address);
    compare_text(&mut out, Field::Logo, &old.logo, &new.logo);
    out
}

pub fn bodies<'a>(old: &'a Organisation, new: &'a Organisation, m: &Matching) -> Vec<BodyChange> {
    let (old_index, new_index) = (old.index(), new.index());
    let body = |status, b: &crate::model::Body| BodyChange {
        status,
        body: Named {
            id: b.id.clone(),
            label: b.name.clone(),
        },
        fields: Vec::new(),
        members_added: Vec::new(),
        members_removed: Vec::new(),
    };
    let mut out = Vec::new();
    let id = |b: &'a crate::model::Body| &b.id;
    for pair in pair_by(&old.bodies, &new.bodies, id, id) {
        let (a, b) = match pair {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => {
                out.push(body(Status::Removed, a));
                continue;
            }
            (None, Some(b)) => {
                out.push(body(Status::Added, b));
                continue;
            }
            (None, None) => continue,
        };
        let mut c = body(Status::Changed, b);
        compare_text(&mut c.fields, Field::Name, &a.name, &b.name);
        if a.kind != b.kind {
            let (k, l) = (Kind::Body(a.kind.clone()), Kind::Body(b.kind.clone()));
            compare(&mut c.fields, Field::Kind, Value::Kind(k), Value::Kind(l));
        }
        if a.chair.as_ref().map(|id| m.new_id(new, id)) != b.chair.as_ref() {
            let chair = |org, index, id: &Option<Id>| {
                Value::Unit(id.as_ref().map(|id| Named::of(org, index, id)))
            };
            c.fields.push(FieldChange {
                field: Field::Chair,
                old: chair(old, &old_index, &a.chair),
                new: chair(new, &new_index, &b.chair),
            });
        }
        let was: Vec<&Id> = a.members.iter().map(|id| m.new_id(new, id)).collect();
        c.members_added = (b.members.iter().filter(|id| !was.contains(id)))
            .map(|id| Named::of(new, &new_index, id))
            .collect();
        c.members_removed = (a.members.iter().zip(&was))
            .filter(|(_, now)| !b.members.contains(now))
            .map(|(id, _)| Named::of(old, &old_index, id))
            .collect();
        compare_text(
            &mut c.fields,
            Field::Participants,
            &a.participants,
            &b.participants,
        );
        compare_text(&mut c.fields, Field::Cadence, &a.cadence, &b.cadence);
        compare_text(&mut c.fields, Field::Purpose, &a.purpose, &b.purpose);
        let (s, t) = (citation(a.source.as_ref()), citation(b.source.as_ref()));
        compare_text(&mut c.fields, Field::Source, &s, &t);
        if !(c.fields.is_empty() && c.members_added.is_empty() && c.members_removed.is_empty()) {
            out.push(c);
        }
    }
    out
}

pub fn relations(old: &Organisation, new: &Organisation, m: &Matching) -> Vec<RelationChange> {
    let (old_index, new_index) = (old.index(), new.index());
    let pairs = pair_by(
        &old.relations,
        &new.relations,
        |r| (m.new_id(new, &r.from), m.new_id(new, &r.to), &r.kind),
        |r| (&r.from, &r.to, &r.kind),
    );
    let mut out = Vec::new();
    for pair in pairs {
        let (status, r, fields) = match pair {
            (Some(a), None) => (Status::Removed, a, Vec::new()),
            (None, Some(b)) => (Status::Added, b, Vec::new()),
            (Some(a), Some(b)) => {
                let mut fields = Vec::new();
                compare_text(&mut fields, Field::Label, &a.label, &b.label);
                let (s, t) = (citation(a.source.as_ref()), citation(b.source.as_ref()));
                compare_text(&mut fields, Field::Source, &s, &t);
                if fields.is_empty() {
                    continue;
                }
                (Status::Changed, b, fields)
            }
            (None, None) => continue,
        };
        let (org, index) = match status {
            Status::Removed => (old, &old_index),
            _ => (new, &new_index),
        };
        out.push(RelationChange {
            status,
            from: Named::of(org, index, &r.from),
            to: Named::of(org, index, &r.to),
            kind: Kind::Relation(r.kind.clone()),
            fields,
        });
    }
    out
}

pub fn entities<'a>(old: &'a Organisation, new: &'a Organisation) -> Vec<ItemChange> {
    let id = |e: &'a crate::model::Entity| &e.id;
    items(
        pair_by(&old.entities, &new.entities, id, id),
        |e| full_name(&e.acronym, &e.name),
        |a, b| {
            let mut f = Vec::new();
            compare_text(&mut f, Field::Name, &a.name, &b.name);
            compare_text(&mut f, Field::Acronym, &a.acronym, &b.acronym);
            if a.kind != b.kind {
                let (k, l) = (Kind::Entity(a.kind.clone()), Kind::Entity(b.kind.clone()));
                compare(&mut f, Field::Kind, Value::Kind(k), Value::Kind(l));
            }
            compare_text(&mut f, Field::Description, &a.description, &b.description);
            f
        },
    )
}

pub fn legal_texts<'a>(old: &'a Organisation, new: &'a Organisation) -> Vec<ItemChange> {
    let reference = |t: &'a crate::model::LegalText| t.reference.as_str();
    items(
        pair_by(&old.legal_texts, &new.legal_texts, reference, reference),
        |t| t.reference.clone(),
        |a, b| {
            let mut f = Vec::new();
            compare_text(&mut f, Field::Title, &a.title, &b.title);
            compare_text(&mut f, Field::Article, &a.article, &b.article);
            compare_text(&mut f, Field::Date, &a.date, &b.date);
            compare_text(&mut f, Field::Url, &a.url, &b.url);
            compare_text(&mut f, Field::Source, &a.source, &b.source);
            f
        },
    )
}

pub fn budget_programmes<'a>(old: &'a Organisation, new: &'a Organisation) -> Vec<ItemChange> {
    let key = |p: &'a crate::model::BudgetProgramme| {
        if p.number.is_empty() {
            &p.title
        } else {
            &p.number
        }
    };
    items(
        pair_by(&old.budget_programmes, &new.budget_programmes, key, key),
        |p| full_name(&p.number, &p.title),
        |a, b| {
            let mut f = Vec::new();
            compare_text(&mut f, Field::Number, &a.number, &b.number);
            compare_text(&mut f, Field::Title, &a.title, &b.title);
            f
        },
    )
}

pub fn sources<'a>(old: &'a Organisation, new: &'a Organisation) -> Vec<ItemChange> {
    let text = |s: &'a String| s;
    let pairs = pair_by(&old.sources, &new.sources, text, text);
    items(pairs, |s| s.clone(), |_, _| Vec::new())
}
