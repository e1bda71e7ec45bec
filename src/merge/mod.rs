//! Three-way merge of two versions of a structure made from one base: by element and by
//! field, not by line. Changes to different units, fields or mission paragraphs combine;
//! the same field changed two ways, an element deleted on one side and changed on the
//! other, and reparentings that together close a cycle are conflicts, for which the merged
//! structure keeps our version.
//!
//! Units, bodies and entities are known by id (a merge does not guess renamed ids as
//! `diff` does: both sides come from one base, where ids are the identity), relations by
//! their ends and kind, legal texts by reference, budget programmes by number.

mod elements;
mod lists;
mod missions;
mod repair;
mod settle;

pub use settle::{can_take_theirs, settle};

use crate::i18n::{Lang, Message, say, shown};
use crate::model::{Body, Entity, Id, LegalText, Organisation, Relation, Severity, Unit, validate};
pub use crate::model::{Conflict, ConflictElement as Element, Problem};
use elements::{Log, gone};

pub struct Merged {
    pub organisation: Organisation,
    pub conflicts: Vec<Conflict>,
}

pub fn merge(base: &Organisation, ours: &Organisation, theirs: &Organisation) -> Merged {
    let log = Log::default();
    let mut org = elements::organisation(base, ours, theirs, &log);
    macro_rules! list {
        ($field:ident, $element:expr, $key:expr, $name:expr, $both:expr) => {
            lists::merge(
                (&base.$field, &ours.$field, &theirs.$field),
                $key,
                |b, o, t| $both(b, o, t, &log),
                gone(&log, $element, $name),
            )
        };
    }
    let id = |id: &Id| id.to_string();
    org.units = list!(
        units,
        Element::Unit,
        |u: &Unit| u.id.clone(),
        |u: &Unit| id(&u.id),
        elements::unit
    );
    org.bodies = list!(
        bodies,
        Element::Body,
        |b: &Body| b.id.clone(),
        |b: &Body| id(&b.id),
        elements::body
    );
    org.relations = list!(
        relations,
        Element::Relation,
        |r: &Relation| (r.from.clone(), r.to.clone(), r.kind.clone()),
        elements::relation_key,
        elements::relation
    );
    org.entities = list!(
        entities,
        Element::Entity,
        |e: &Entity| e.id.clone(),
        |e: &Entity| id(&e.id),
        elements::entity
    );
    org.legal_texts = list!(
        legal_texts,
        Element::LegalText,
        |l: &LegalText| l.reference.clone(),
        |l: &LegalText| l.reference.clone(),
        elements::legal_text
    );
    org.budget_programmes = list!(
        budget_programmes,
        Element::BudgetProgramme,
        elements::programme_key,
        elements::programme_key,
        elements::programme
    );
    org.sources = list!(
        sources,
        Element::Source,
        |s: &String| s.clone(),
        |s: &String| s.clone(),
        |_, o: &String, _, _| o.clone()
    );
    repair::references(&mut org, [ours, theirs, base], &log);
    repair::cycles(&mut org, ours, theirs, &log);
    let mut conflicts = log.into_inner();
    let (issues, _) = validate(&org);
    let errors: Vec<&Message> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| &i.message)
        .collect();
    if !errors.is_empty() {
        let why = Message::each(|lang| {
            let texts: Vec<&str> = errors.iter().map(|m| m.get(lang)).collect();
            texts.join(lang.pick(" ; ", "; "))
        });
        conflicts.push(Conflict {
            element: Element::Organisation,
            key: String::new(),
            field: String::new(),
            problem: Problem::Invalid,
            ours: String::new(),
            theirs: String::new(),
            why,
        });
        org = ours.clone();
    }
    // Written into the file, for the window to settle them one by one.
    org.conflicts.extend(conflicts.iter().cloned());
    Merged {
        organisation: org,
        conflicts,
    }
}

impl Element {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Element::Organisation => lang.pick("organisation", "organisation"),
            Element::Unit => lang.pick("unité", "unit"),
            Element::Body => lang.pick("instance", "body"),
            Element::Relation => lang.pick("relation", "relation"),
            Element::Entity => lang.pick("entité", "entity"),
            Element::LegalText => lang.pick("texte", "legal text"),
            Element::BudgetProgramme => lang.pick("programme", "programme"),
            Element::Source => lang.pick("source", "source"),
        }
    }
}

impl Conflict {
    /// One paragraph: what, which field, why, both values, and what was kept.
    pub fn text(&self, lang: Lang) -> String {
        let mut what = self.element.label(lang).to_string();
        if !self.key.is_empty() {
            what = format!("{what} {}", lang.quote(&shown(&self.key).to_string()));
        }
        if !self.field.is_empty() {
            what = format!("{what}, {}", self.field);
        }
        let (ours, theirs) = (self.ours.as_str(), self.theirs.as_str());
        let why = match self.problem {
            Problem::ChangedTwice => say!(
                lang,
                "modifié des deux côtés ; le nôtre (gardé) : {ours} ; le leur : {theirs}",
                "changed on both sides; ours (kept): {ours}; theirs: {theirs}"
            ),
            Problem::DeletedByUs => say!(
                lang,
                "supprimé de notre côté (gardé), modifié du leur : {theirs}",
                "deleted on our side (kept), changed on theirs: {theirs}"
            ),
            Problem::DeletedByThem => say!(
                lang,
                "supprimé de leur côté, modifié du nôtre (gardé) : {ours}",
                "deleted on their side, changed on ours (kept): {ours}"
            ),
            Problem::StillNamed => say!(
                lang,
                "supprimée d'un côté, mais {theirs} la nomme de l'autre : rétablie",
                "deleted on one side, but {theirs} names it on the other: put back"
            ),
            Problem::Cycle => say!(
                lang,
                "les deux rattachements ensemble font un cycle ; le nôtre (gardé) : {ours} ; le leur : {theirs}",
                "the two reparentings together make a cycle; ours (kept): {ours}; theirs: {theirs}"
            ),
            Problem::Invalid => say!(
                lang,
                "la fusion ne se chargerait pas ({}) : notre version est gardée entière",
                "the merge would not load ({}): our version is kept whole",
                self.why.get(lang)
            ),
        };
        format!(
            "{}{what}{}{why}",
            lang.pick("conflit — ", "conflict — "),
            lang.pick(" : ", ": ")
        )
    }
}
