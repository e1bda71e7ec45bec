//! What changed between two versions of a structure, as data: the `diff` command renders it
//! as a report, and a comparison on the chart or a merge can read the same `Changes`.
//!
//! Units are matched by id and, for ids that vanished, by name, acronym and place in the tree
//! (`matching`); everything that names a unit (parents, chairs, members, relation ends) is
//! compared through that matching, so a unit whose id changed does not make every line
//! that names it look changed. Hand positions and folding are how the chart is drawn, not
//! the structure: they are not compared.

pub mod chart;
mod correspondence;
mod fields;
mod matching;
pub(crate) mod missions;
mod others;
pub mod render;
mod units;
pub mod words;

pub use correspondence::{Correspondence, Fate, Link, Row, Unknown, correspondence};
pub use fields::{Field, FieldChange, Kind, Value};
pub use matching::Reason;
pub use words::Segment;

use crate::model::{Id, IdMap, Organisation, Target, Unit, full_name};
use fields::{compare, compare_text};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Match units whose id vanished by name, acronym and place; `false` matches by id only.
    pub guess: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { guess: true }
    }
}

/// Every change from one structure to another, each list in the order a reader takes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// The organisation's own fields: name, acronym, description, headcount…
    pub organisation: Vec<FieldChange>,
    /// In the new structure's tree order, removed units where they stood.
    pub units: Vec<UnitChange>,
    pub bodies: Vec<BodyChange>,
    pub relations: Vec<RelationChange>,
    pub entities: Vec<ItemChange>,
    pub legal_texts: Vec<ItemChange>,
    pub budget_programmes: Vec<ItemChange>,
    pub sources: Vec<ItemChange>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.organisation.is_empty()
            && self.units.is_empty()
            && self.bodies.is_empty()
            && self.relations.is_empty()
            && self.entities.is_empty()
            && self.legal_texts.is_empty()
            && self.budget_programmes.is_empty()
            && self.sources.is_empty()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Added,
    Removed,
    Changed,
}

/// A unit, body or entity as a report names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Named {
    pub id: Id,
    /// « Sigle — Nom », or the name alone.
    pub label: String,
}

impl Named {
    fn unit(u: &Unit) -> Self {
        Named {
            id: u.id.clone(),
            label: full_name(&u.acronym, &u.name),
        }
    }

    /// Whatever `id` names in `org` (a unit, an entity, a body), or the bare id.
    fn of(org: &Organisation, index: &IdMap<Target>, id: &Id) -> Self {
        let label = match index.get(id) {
            Some(&Target::Unit(i)) => full_name(&org.units[i].acronym, &org.units[i].name),
            Some(&Target::Entity(i)) => full_name(&org.entities[i].acronym, &org.entities[i].name),
            Some(&Target::Body(i)) => org.bodies[i].name.clone(),
            None => id.to_string(),
        };
        Named {
            id: id.clone(),
            label,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitChange {
    pub status: Status,
    /// The unit in the old structure; `None` when added.
    pub old: Option<Named>,
    /// The unit in the new structure; `None` when removed.
    pub new: Option<Named>,
    /// Why a unit whose id changed was taken for the same unit; empty when matched by id.
    pub matched_by: Vec<Reason>,
    /// Where an added unit is attached, or where a removed one was; `None` for a root, and
    /// for a unit still there.
    pub parent: Option<Named>,
    /// A unit still there, attached elsewhere.
    pub moved: Option<Move>,
    /// For an added unit, what it is (each field against an empty value); none for a
    /// removed one.
    pub fields: Vec<FieldChange>,
    pub missions: Vec<MissionChange>,
}

/// A unit's parents before and after; `None` for a root.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Move {
    pub from: Option<Named>,
    pub to: Option<Named>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum MissionChange {
    /// Paragraph numbers count from 1, as a reader counts them.
    Added {
        number: usize,
        text: String,
    },
    Removed {
        number: usize,
        text: String,
    },
    /// The same paragraph, elsewhere in the list.
    Moved {
        from: usize,
        to: usize,
    },
    /// `words` is the new text against the old, empty when only the source changed.
    Changed {
        from: usize,
        to: usize,
        words: Vec<Segment>,
        source: Option<FieldChange>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BodyChange {
    pub status: Status,
    pub body: Named,
    pub fields: Vec<FieldChange>,
    pub members_added: Vec<Named>,
    pub members_removed: Vec<Named>,
}

/// Relations have no id: one is the same relation when its ends and kind are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationChange {
    pub status: Status,
    pub from: Named,
    pub to: Named,
    pub kind: Kind,
    pub fields: Vec<FieldChange>,
}

/// An outside entity (by id), a legal text (by reference), a budget programme (by number,
/// else title) or a source line (by its text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemChange {
    pub status: Status,
    pub label: String,
    pub fields: Vec<FieldChange>,
}

/// Every change from `old` to `new`.
pub fn diff(old: &Organisation, new: &Organisation, options: Options) -> Changes {
    let matching = matching::Matching::of(old, new, options);
    Changes {
        organisation: others::organisation(old, new),
        units: units::changes(old, new, &matching),
        bodies: others::bodies(old, new, &matching),
        relations: others::relations(old, new, &matching),
        entities: others::entities(old, new),
        legal_texts: others::legal_texts(old, new),
        budget_programmes: others::budget_programmes(old, new),
        sources: others::sources(old, new),
    }
}
