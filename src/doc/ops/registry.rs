//! Operations on what is not a unit: coordination bodies, outside entities and relations. Each
//! names its element by id (a relation, which has none, by its value), so that a form drawn in
//! one frame changes the element it showed even if the lists moved since.

use crate::doc::{Collection, Edit, Element};
use crate::model::{Body, Entity, Id, Organisation, Relation};

fn body_index(org: &Organisation, id: &Id) -> Option<usize> {
    org.bodies.iter().position(|b| &b.id == id)
}

fn entity_index(org: &Organisation, id: &Id) -> Option<usize> {
    org.entities.iter().position(|e| &e.id == id)
}

/// Replaces the body that has `body`'s id with `body`. None when no body has it any more.
pub fn set_body(org: &Organisation, body: Body) -> Option<Edit> {
    let b = body_index(org, &body.id)?;
    Some(Edit::Set(b, Element::Body(Box::new(body))))
}

/// Replaces the entity that has `entity`'s id with `entity`. None when none has it any more.
pub fn set_entity(org: &Organisation, entity: Entity) -> Option<Edit> {
    let e = entity_index(org, &entity.id)?;
    Some(Edit::Set(e, Element::Entity(Box::new(entity))))
}

/// A new body named `name`, after the others, with a fresh id. Returns the edit and the id.
pub fn add_body(org: &Organisation, name: &str) -> (Edit, Id) {
    let body = Body {
        id: org.fresh_id("instance"),
        name: name.to_string(),
        ..Default::default()
    };
    let id = body.id.clone();
    let at = org.bodies.len();
    (Edit::Insert(at, Element::Body(Box::new(body))), id)
}

/// A new outside entity named `name`, after the others. Returns the edit and the id.
pub fn add_entity(org: &Organisation, name: &str) -> (Edit, Id) {
    let entity = Entity {
        id: org.fresh_id("entite"),
        name: name.to_string(),
        ..Default::default()
    };
    let id = entity.id.clone();
    let at = org.entities.len();
    (Edit::Insert(at, Element::Entity(Box::new(entity))), id)
}

/// Removes body `id`. Nothing else names a body: relations and seats join units and entities.
pub fn remove_body(org: &Organisation, id: &Id) -> Option<Edit> {
    Some(Edit::Remove(Collection::Bodies, body_index(org, id)?))
}

/// Removes entity `id` with the relations and body seats that name it, as one step.
pub fn remove_entity(org: &Organisation, id: &Id) -> Option<Edit> {
    let e = entity_index(org, id)?;
    let mut edits = Vec::new();
    for (b, body) in org.bodies.iter().enumerate() {
        if body.members.contains(id) {
            let members = body.members.iter().filter(|m| *m != id).cloned().collect();
            let body = Body {
                members,
                ..body.clone()
            };
            edits.push(Edit::Set(b, Element::Body(Box::new(body))));
        }
    }
    // From the last, so that each index still names the relation it was computed for.
    let relations = (0..org.relations.len())
        .rev()
        .filter(|&r| &org.relations[r].from == id || &org.relations[r].to == id);
    edits.extend(relations.map(|r| Edit::Remove(Collection::Relations, r)));
    edits.push(Edit::Remove(Collection::Entities, e));
    Some(Edit::Batch(edits))
}

/// Adds `relation` after the others.
pub fn add_relation(org: &Organisation, relation: Relation) -> Edit {
    Edit::Insert(org.relations.len(), Element::Relation(Box::new(relation)))
}

/// Removes the first relation equal to `relation`: relations have no id, and two equal ones
/// say the same thing. None when there is none any more.
pub fn remove_relation(org: &Organisation, relation: &Relation) -> Option<Edit> {
    let r = org.relations.iter().position(|r| r == relation)?;
    Some(Edit::Remove(Collection::Relations, r))
}
