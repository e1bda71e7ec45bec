//! The structure of an organisation: units in a hierarchy, coordination bodies, functional
//! relations and outside entities. Pure data: no file format, no drawing.
//!
//! Optional fields are skipped when empty so that hand-written files stay short; the serde
//! attributes live here because the model *is* the file's vocabulary (see `format` for the
//! envelope and versioning).

mod conflict;
mod hierarchy;
mod kinds;
mod names;
mod provenance;
mod script;
mod validate;

pub use conflict::{Conflict, ConflictElement, Problem};
pub use hierarchy::Hierarchy;
pub use kinds::{BodyKind, EntityKind, RelationKind, UnitKind};
pub use names::{fold, full_name};
pub use provenance::{cited, cites};
pub use script::Step;
pub use validate::{Field, Issue, List, MAX_COORD, Place, Severity, Stats, validate};

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// Maps and sets keyed by ids, hashed with foldhash: several times faster than the standard
/// SipHash on the short ids of a file, and still seeded per process, so a hostile file cannot
/// choose ids that collide.
pub type IdMap<'a, V> = HashMap<&'a Id, V, foldhash::fast::RandomState>;
pub type IdSet<'a> = HashSet<&'a Id, foldhash::fast::RandomState>;

fn is_false(b: &bool) -> bool {
    !*b
}

/// A stable identifier, unique across units, bodies and outside entities of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Self {
        Id(s.into())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub acronym: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The administration it belongs to, e.g. "Ministères chargés des affaires sociales".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub administration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headcount: Option<Headcount>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Its logo: a PNG, JPEG or SVG file, the path relative to this file's folder (or
    /// absolute), drawn in the chart's title block.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub logo: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub legal_texts: Vec<LegalText>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub budget_programmes: Vec<BudgetProgramme>,
    /// Where the facts of this file come from, in the user's words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Body>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    /// The steps of a presentation, when the user wrote some (see `Step`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub presentation: Vec<Step>,
    /// What a merge left to settle (see `Conflict`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A staff count and when it was counted ("au 31 mars 2009").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Headcount {
    pub count: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LegalText {
    /// "Décret n° 2013-727 du 12 août 2013".
    pub reference: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub article: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// Shown to the user; never fetched by the application.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub url: String,
    /// Which document states this text, when sources disagree.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BudgetProgramme {
    /// Kept as text: "124", but also "hors programme".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub number: String,
    pub title: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Head {
    /// "Secrétaire générale".
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Head {
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.name.is_empty()
    }
}

/// Where a paragraph comes from: "Décret n° 2013-727", article "2".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Citation {
    pub text: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub article: String,
}

/// One paragraph of a unit's missions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mission {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

/// A position on the chart chosen by the user, in chart units (the layout's pixels at zoom 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Unit {
    pub id: Id,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub acronym: String,
    pub kind: UnitKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(skip_serializing_if = "Head::is_empty")]
    pub head: Head,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headcount: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missions: Vec<Mission>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Shown folded on the chart: its subtree is hidden.
    #[serde(skip_serializing_if = "is_false")]
    pub collapsed: bool,
    /// Staff of its parent (adjoint, cabinet, chargés de mission rattachés): drawn beside the
    /// parent, above its operational units, not as one of them.
    #[serde(skip_serializing_if = "is_false")]
    pub staff: bool,
    /// Ids of units of an earlier version that this one takes over, for the tableau de
    /// correspondance: several for a fusion; the same id on several units for a scission.
    /// Those ids are usually gone from this file, so they are not references to it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<Id>,
}

/// A coordination body: comité, conférence, réunion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Body {
    pub id: Id,
    pub name: String,
    pub kind: BodyKind,
    /// The unit that chairs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chair: Option<Id>,
    /// Units or outside entities that sit in it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Id>,
    /// Who takes part, in words, when the members are not units ("les directrices(eurs)").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub participants: String,
    /// "tous les quinze jours", "hebdomadaire", "mensuelle".
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cadence: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

/// A functional link between two units, or a unit and an outside entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Relation {
    pub from: Id,
    pub to: Id,
    pub kind: RelationKind,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Citation>,
}

/// Something outside the hierarchy that units relate to: a direction métier, a cabinet, an
/// agency, a deconcentrated network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Entity {
    pub id: Id,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub acronym: String,
    pub kind: EntityKind,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Unit(usize),
    Body(usize),
    Entity(usize),
}

impl Organisation {
    /// Every id of the file with what it names; the first definition wins on duplicates
    /// (validation reports them).
    pub fn index(&self) -> IdMap<'_, Target> {
        let mut map = IdMap::with_capacity_and_hasher(
            self.units.len() + self.bodies.len() + 8,
            Default::default(),
        );
        for (i, u) in self.units.iter().enumerate() {
            map.entry(&u.id).or_insert(Target::Unit(i));
        }
        for (i, b) in self.bodies.iter().enumerate() {
            map.entry(&b.id).or_insert(Target::Body(i));
        }
        for (i, e) in self.entities.iter().enumerate() {
            map.entry(&e.id).or_insert(Target::Entity(i));
        }
        map
    }

    pub fn unit(&self, id: &Id) -> Option<&Unit> {
        self.units.iter().find(|u| &u.id == id)
    }

    pub fn unit_index(&self, id: &Id) -> Option<usize> {
        self.units.iter().position(|u| &u.id == id)
    }

    /// A short display name for any id: a unit's or entity's acronym, else its name.
    pub fn label_of(&self, id: &Id) -> String {
        let pick =
            |acronym: &str, name: &str| if acronym.is_empty() { name } else { acronym }.to_string();
        if let Some(u) = self.unit(id) {
            return pick(&u.acronym, &u.name);
        }
        if let Some(e) = self.entities.iter().find(|e| &e.id == id) {
            return pick(&e.acronym, &e.name);
        }
        if let Some(b) = self.bodies.iter().find(|b| &b.id == id) {
            return b.name.clone();
        }
        id.to_string()
    }

    /// Total headcount: the organisation's own count when given, else the sum over units.
    pub fn total_headcount(&self) -> u64 {
        match &self.headcount {
            Some(h) => u64::from(h.count),
            None => self
                .units
                .iter()
                .filter_map(|u| u.headcount)
                .map(u64::from)
                .sum(),
        }
    }

    /// A fresh id built from `stem` that no unit, body or entity uses yet.
    pub fn fresh_id(&self, stem: &str) -> Id {
        let index = self.index();
        (1..)
            .map(|n| Id(format!("{stem}-{n}")))
            .find(|id| !index.contains_key(id))
            .expect("an unbounded range always yields a free id")
    }
}
