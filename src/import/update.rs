//! A newer extract of a table over the structure it was first imported into: each unit whose
//! code is a unit's id takes the table's values for the columns the table has, and keeps
//! everything else (missions when there is no « Missions » column, notes, positions,
//! folding); new codes become new units, under their parent. Units the table
//! does not list stay as they are, since an extract may cover part of a structure, and so do
//! the bodies, relations, entities and legal texts, which no table carries.

use super::columns::Column;
use crate::i18n::Message;
use crate::model::{Organisation, Severity, validate};
use std::collections::HashMap;

/// `existing` updated by `imported`, built from a table whose columns mean `columns`; `Err`
/// when the table cannot name the units it updates (no code column) or when the result
/// would not load (a parent taken from the table under a unit the table left alone makes a
/// cycle).
pub fn update(
    existing: &Organisation,
    imported: &Organisation,
    columns: &[Column],
) -> Result<Organisation, Message> {
    let has = |c: Column| columns.contains(&c);
    if !has(Column::Code) {
        return Err(Message::new(
            "pour mettre à jour une structure, le tableau doit avoir une colonne « Code » : c'est par leur code que ses lignes retrouvent les unités",
            "to update a structure, the table needs a “Code” column: its rows find their units by code",
        ));
    }
    let mut org = existing.clone();
    let at: HashMap<_, _> = (org.units.iter().enumerate())
        .map(|(i, u)| (u.id.clone(), i))
        .collect();
    for new in &imported.units {
        let Some(&i) = at.get(&new.id) else {
            org.units.push(new.clone());
            continue;
        };
        let unit = &mut org.units[i];
        unit.name.clone_from(&new.name);
        if has(Column::Acronym) {
            unit.acronym.clone_from(&new.acronym);
        }
        if has(Column::Kind) {
            unit.kind = new.kind.clone();
        }
        // A unit the table puts at the top keeps its place: a partial extract leaves the
        // parents it does not list, and no extract moves a unit out of its structure.
        if has(Column::Parent) && new.parent.is_some() {
            unit.parent.clone_from(&new.parent);
        }
        if has(Column::HeadTitle) {
            unit.head.title.clone_from(&new.head.title);
        }
        if has(Column::HeadName) {
            unit.head.name.clone_from(&new.head.name);
        }
        if has(Column::Headcount) {
            unit.headcount = new.headcount;
        }
        if has(Column::Staff) {
            unit.staff = new.staff;
        }
        // The same texts keep their sources, which no table carries; white space around a
        // text does not make it another, as the importer takes it off every cell.
        let same_missions = unit.missions.len() == new.missions.len()
            && (unit.missions.iter().zip(&new.missions))
                .all(|(a, b)| a.text.trim() == b.text.trim());
        if has(Column::Missions) && !same_missions {
            unit.missions.clone_from(&new.missions);
        }
        if has(Column::Notes) {
            unit.notes.clone_from(&new.notes);
        }
    }
    let (issues, _) = validate(&org);
    match issues.into_iter().find(|i| i.severity == Severity::Error) {
        Some(issue) => Err(issue.message),
        None => Ok(org),
    }
}
