//! Each kind of element merged field by field: a field changed on one side takes that
//! side's value, a field changed two ways keeps ours and is a conflict.

use super::{Conflict, Element, Problem, lists, missions};
use crate::model::{
    Body, BudgetProgramme, Entity, LegalText, Mission, Organisation, Relation, Unit,
};
use serde::Serialize;
use std::cell::RefCell;

pub(super) type Log = RefCell<Vec<Conflict>>;

/// A value as the file writes it: `"Bureau"`, `Some("sg")`, `(x: 1.0, y: 2.0)`.
pub(super) fn shown<V: Serialize>(v: &V) -> String {
    ron::to_string(v).unwrap_or_default()
}

/// Paragraphs one a line, as a conflict shows them.
fn paragraphs(list: &[Mission]) -> String {
    let texts: Vec<&str> = list.iter().map(|m| m.text.as_str()).collect();
    texts.join("\n")
}

/// The three versions of one element, and where its conflicts go.
struct Fields<'a, T> {
    base: Option<&'a T>,
    ours: &'a T,
    theirs: &'a T,
    element: Element,
    key: String,
    log: &'a Log,
}

impl<T> Fields<'_, T> {
    fn get<V: PartialEq + Clone + Serialize>(&self, field: &str, of: impl Fn(&T) -> &V) -> V {
        let (o, t) = (of(self.ours), of(self.theirs));
        lists::value(self.base.map(&of), o, t).unwrap_or_else(|kept| {
            self.clash(field, shown(o), shown(t));
            kept
        })
    }

    fn clash(&self, field: &str, ours: String, theirs: String) {
        self.log.borrow_mut().push(Conflict {
            element: self.element,
            key: self.key.clone(),
            field: field.to_string(),
            problem: Problem::ChangedTwice,
            ours,
            theirs,
            why: Default::default(),
        });
    }
}

/// Something deleted on one side and changed on the other, named by `name`: said, ours
/// kept.
pub(super) fn gone<T: Serialize>(
    log: &Log,
    element: Element,
    name: impl Fn(&T) -> String,
) -> impl FnMut(lists::Gone<'_, T>) {
    move |g| {
        let (problem, key, ours, theirs) = match g {
            lists::Gone::ByUs { theirs } => (
                Problem::DeletedByUs,
                name(theirs),
                String::new(),
                shown(theirs),
            ),
            lists::Gone::ByThem { ours } => (
                Problem::DeletedByThem,
                name(ours),
                shown(ours),
                String::new(),
            ),
        };
        log.borrow_mut().push(Conflict {
            element,
            key,
            field: String::new(),
            problem,
            ours,
            theirs,
            why: Default::default(),
        });
    }
}

pub(super) fn unit(base: Option<&Unit>, ours: &Unit, theirs: &Unit, log: &Log) -> Unit {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::Unit,
        key: ours.id.to_string(),
        log,
    };
    let empty = Vec::new();
    let base_missions = base.map_or(&empty, |b| &b.missions);
    let (missions, clashes) = missions::merge(base_missions, &ours.missions, &theirs.missions);
    for (o, t) in clashes {
        f.clash("missions", paragraphs(&o), paragraphs(&t));
    }
    Unit {
        id: ours.id.clone(),
        name: f.get("name", |u| &u.name),
        acronym: f.get("acronym", |u| &u.acronym),
        kind: f.get("kind", |u| &u.kind),
        parent: f.get("parent", |u| &u.parent),
        head: f.get("head", |u| &u.head),
        headcount: f.get("headcount", |u| &u.headcount),
        missions,
        notes: f.get("notes", |u| &u.notes),
        position: f.get("position", |u| &u.position),
        collapsed: f.get("collapsed", |u| &u.collapsed),
        staff: f.get("staff", |u| &u.staff),
        replaces: f.get("replaces", |u| &u.replaces),
    }
}

pub(super) fn body(base: Option<&Body>, ours: &Body, theirs: &Body, log: &Log) -> Body {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::Body,
        key: ours.id.to_string(),
        log,
    };
    let empty = Vec::new();
    // Members are a set: one added here and another removed there both hold.
    let members = lists::merge(
        (
            base.map_or(&empty, |b| &b.members),
            &ours.members,
            &theirs.members,
        ),
        |id| id.clone(),
        |_, o, _| o.clone(),
        |_| {},
    );
    Body {
        id: ours.id.clone(),
        name: f.get("name", |b| &b.name),
        kind: f.get("kind", |b| &b.kind),
        chair: f.get("chair", |b| &b.chair),
        members,
        participants: f.get("participants", |b| &b.participants),
        cadence: f.get("cadence", |b| &b.cadence),
        purpose: f.get("purpose", |b| &b.purpose),
        source: f.get("source", |b| &b.source),
    }
}

/// A relation is known by its ends and kind; its label and source merge.
pub(super) fn relation(
    base: Option<&Relation>,
    ours: &Relation,
    theirs: &Relation,
    log: &Log,
) -> Relation {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::Relation,
        key: relation_key(ours),
        log,
    };
    Relation {
        label: f.get("label", |r| &r.label),
        source: f.get("source", |r| &r.source),
        ..ours.clone()
    }
}

pub(super) fn relation_key(r: &Relation) -> String {
    format!("{} → {} ({})", r.from, r.to, shown(&r.kind))
}

pub(super) fn entity(base: Option<&Entity>, ours: &Entity, theirs: &Entity, log: &Log) -> Entity {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::Entity,
        key: ours.id.to_string(),
        log,
    };
    Entity {
        id: ours.id.clone(),
        name: f.get("name", |e| &e.name),
        acronym: f.get("acronym", |e| &e.acronym),
        kind: f.get("kind", |e| &e.kind),
        description: f.get("description", |e| &e.description),
    }
}

pub(super) fn legal_text(
    base: Option<&LegalText>,
    ours: &LegalText,
    theirs: &LegalText,
    log: &Log,
) -> LegalText {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::LegalText,
        key: ours.reference.clone(),
        log,
    };
    LegalText {
        reference: ours.reference.clone(),
        title: f.get("title", |l| &l.title),
        article: f.get("article", |l| &l.article),
        date: f.get("date", |l| &l.date),
        url: f.get("url", |l| &l.url),
        source: f.get("source", |l| &l.source),
    }
}

/// Known by number, else by title.
pub(super) fn programme_key(p: &BudgetProgramme) -> String {
    if p.number.is_empty() {
        p.title.clone()
    } else {
        p.number.clone()
    }
}

pub(super) fn programme(
    base: Option<&BudgetProgramme>,
    ours: &BudgetProgramme,
    theirs: &BudgetProgramme,
    log: &Log,
) -> BudgetProgramme {
    let f = Fields {
        base,
        ours,
        theirs,
        element: Element::BudgetProgramme,
        key: programme_key(ours),
        log,
    };
    BudgetProgramme {
        number: f.get("number", |p| &p.number),
        title: f.get("title", |p| &p.title),
    }
}

/// The organisation's own fields; its lists are merged by the caller.
pub(super) fn organisation(
    base: &Organisation,
    ours: &Organisation,
    theirs: &Organisation,
    log: &Log,
) -> Organisation {
    let f = Fields {
        base: Some(base),
        ours,
        theirs,
        element: Element::Organisation,
        key: String::new(),
        log,
    };
    Organisation {
        name: f.get("name", |o| &o.name),
        acronym: f.get("acronym", |o| &o.acronym),
        description: f.get("description", |o| &o.description),
        administration: f.get("administration", |o| &o.administration),
        headcount: f.get("headcount", |o| &o.headcount),
        address: f.get("address", |o| &o.address),
        logo: f.get("logo", |o| &o.logo),
        // The script as a whole: its steps follow each other, a step merged alone would
        // make no sense of the others.
        presentation: f.get("presentation", |o| &o.presentation),
        // Ours not settled yet; this merge's own are added by the caller.
        conflicts: ours.conflicts.clone(),
        // Spelt out, so that a field added to the model is not dropped here unnoticed.
        legal_texts: Vec::new(),
        budget_programmes: Vec::new(),
        sources: Vec::new(),
        units: Vec::new(),
        bodies: Vec::new(),
        relations: Vec::new(),
        entities: Vec::new(),
    }
}
