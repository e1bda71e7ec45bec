//! A field that changed, and its values kept typed so that each report words them in its
//! language.

use crate::i18n::Lang;
use crate::model::{BodyKind, EntityKind, RelationKind, UnitKind};
use serde::{Deserialize, Serialize};

use super::Named;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: Field,
    pub old: Value,
    pub new: Value,
}

/// Every field a change can be about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Acronym,
    Kind,
    Head,
    Headcount,
    Staff,
    Notes,
    Description,
    Administration,
    Address,
    Logo,
    Chair,
    Participants,
    Cadence,
    Purpose,
    Source,
    Label,
    Title,
    Article,
    Date,
    Url,
    Number,
}

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            Field::Name => ("nom", "name"),
            Field::Acronym => ("sigle", "acronym"),
            Field::Kind => ("type", "kind"),
            Field::Head => ("responsable", "head"),
            Field::Headcount => ("effectif", "headcount"),
            Field::Staff => ("rattachement d'état-major", "staff position"),
            Field::Notes => ("notes", "notes"),
            Field::Description => ("description", "description"),
            Field::Administration => ("administration", "administration"),
            Field::Address => ("adresse", "address"),
            Field::Logo => ("logo", "logo"),
            Field::Chair => ("présidence", "chair"),
            Field::Participants => ("participants", "participants"),
            Field::Cadence => ("rythme", "cadence"),
            Field::Purpose => ("objet", "purpose"),
            Field::Source => ("source", "source"),
            Field::Label => ("libellé", "label"),
            Field::Title => ("titre", "title"),
            Field::Article => ("article", "article"),
            Field::Date => ("date", "date"),
            Field::Url => ("adresse web", "URL"),
            Field::Number => ("numéro", "number"),
        };
        lang.pick(fr, en)
    }
}

/// A field's value, kept typed so that each report words it in its language. Tagged in JSON
/// (`{"count": 12}`), so that it reads back as the value it was: an empty unit and an empty
/// count would both be `null`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    Text(String),
    Count(Option<u32>),
    Flag(bool),
    Unit(Option<Named>),
    Kind(Kind),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Unit(UnitKind),
    Body(BodyKind),
    Entity(EntityKind),
    Relation(RelationKind),
}

impl Kind {
    pub fn label(&self, lang: Lang) -> &str {
        match self {
            Kind::Unit(k) => k.label(lang),
            Kind::Body(k) => k.label(lang),
            Kind::Entity(k) => k.label(lang),
            Kind::Relation(k) => k.label(lang),
        }
    }
}

/// Adds a change of `field` when the values differ.
pub(super) fn compare(out: &mut Vec<FieldChange>, field: Field, old: Value, new: Value) {
    if old != new {
        out.push(FieldChange { field, old, new });
    }
}

/// `compare` for text, copied only when it changed.
pub(super) fn compare_text(out: &mut Vec<FieldChange>, field: Field, old: &str, new: &str) {
    if old != new {
        let (old, new) = (Value::Text(old.into()), Value::Text(new.into()));
        out.push(FieldChange { field, old, new });
    }
}
