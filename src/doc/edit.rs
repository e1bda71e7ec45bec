//! Every change to a document is an `Edit`: applying it returns its inverse, so undo, redo,
//! the dirty flag and autosave need nothing else.

use crate::model::{Body, Entity, Organisation, Relation, Step, Unit};

/// The organisation's own fields (everything but its four collections).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Header(pub Organisation);

impl Header {
    /// A copy of the organisation's own fields only: cloning the whole organisation (every
    /// unit and mission) to edit its name would cost a frame on a large chart.
    pub fn of(org: &Organisation) -> Organisation {
        Organisation {
            name: org.name.clone(),
            acronym: org.acronym.clone(),
            description: org.description.clone(),
            administration: org.administration.clone(),
            headcount: org.headcount.clone(),
            address: org.address.clone(),
            logo: org.logo.clone(),
            legal_texts: org.legal_texts.clone(),
            budget_programmes: org.budget_programmes.clone(),
            sources: org.sources.clone(),
            conflicts: org.conflicts.clone(),
            ..Default::default()
        }
    }
}

/// One element of one of the four collections, at an index.
#[derive(Clone, Debug, PartialEq)]
pub enum Element {
    Unit(Box<Unit>),
    Body(Box<Body>),
    Relation(Box<Relation>),
    Entity(Box<Entity>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    Units,
    Bodies,
    Relations,
    Entities,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replaces the element at this index.
    Set(usize, Element),
    /// Inserts the element at this index.
    Insert(usize, Element),
    Remove(Collection, usize),
    /// Replaces the organisation's own fields; its collections and script are left alone.
    SetHeader(Box<Header>),
    /// Replaces the presentation's steps: a script is a few steps, cheaper copied whole than
    /// edited by index.
    SetScript(Vec<Step>),
    /// Several edits as one step, applied in order.
    Batch(Vec<Edit>),
}

impl Element {
    pub fn collection(&self) -> Collection {
        match self {
            Element::Unit(_) => Collection::Units,
            Element::Body(_) => Collection::Bodies,
            Element::Relation(_) => Collection::Relations,
            Element::Entity(_) => Collection::Entities,
        }
    }
}

/// What an edit changes of the units' tree.
#[derive(Debug, PartialEq)]
pub enum Reshape {
    Nothing,
    /// These units have new parents; ids and order are as they were.
    Parents(Vec<usize>),
    /// Ids or the units' order.
    All,
}

/// Why an edit could not be applied; the document is left as it was.
#[derive(Debug, PartialEq)]
pub struct OutOfRange;

fn take(org: &Organisation, c: Collection, i: usize) -> Option<Element> {
    Some(match c {
        Collection::Units => Element::Unit(Box::new(org.units.get(i)?.clone())),
        Collection::Bodies => Element::Body(Box::new(org.bodies.get(i)?.clone())),
        Collection::Relations => Element::Relation(Box::new(org.relations.get(i)?.clone())),
        Collection::Entities => Element::Entity(Box::new(org.entities.get(i)?.clone())),
    })
}

impl Collection {
    /// How many elements `org` has in this collection.
    pub fn len_in(self, org: &Organisation) -> usize {
        match self {
            Collection::Units => org.units.len(),
            Collection::Bodies => org.bodies.len(),
            Collection::Relations => org.relations.len(),
            Collection::Entities => org.entities.len(),
        }
    }
}

impl Edit {
    /// A `Set` to the value already there: not worth an undo step nor a modified marker.
    pub fn changes_nothing(&self, org: &Organisation) -> bool {
        match self {
            Edit::Set(i, element) => take(org, element.collection(), *i).as_ref() == Some(element),
            Edit::SetScript(steps) => *steps == org.presentation,
            _ => false,
        }
    }

    /// What applying the edit to `org` may change of what `Hierarchy` indexes: unit ids,
    /// parents, the units' order. A batch is judged against `org` as it is before the batch:
    /// until an edit of the batch reshapes all, units keep their indices and ids, so each
    /// `Set` compares with the unit as it was.
    pub fn reshapes(&self, org: &Organisation) -> Reshape {
        match self {
            Edit::Set(i, Element::Unit(u)) => match org.units.get(*i) {
                Some(old) if old.id == u.id && old.parent == u.parent => Reshape::Nothing,
                Some(old) if old.id == u.id => Reshape::Parents(vec![*i]),
                _ => Reshape::All,
            },
            Edit::Insert(_, Element::Unit(_)) | Edit::Remove(Collection::Units, _) => Reshape::All,
            Edit::Batch(edits) => {
                let mut moved = Vec::new();
                for e in edits {
                    match e.reshapes(org) {
                        Reshape::Nothing => {}
                        Reshape::Parents(units) => moved.extend(units),
                        Reshape::All => return Reshape::All,
                    }
                }
                if moved.is_empty() {
                    Reshape::Nothing
                } else {
                    Reshape::Parents(moved)
                }
            }
            _ => Reshape::Nothing,
        }
    }

    /// Applies the edit and returns the edit that undoes it.
    pub fn apply(self, org: &mut Organisation) -> Result<Edit, OutOfRange> {
        match self {
            Edit::Set(i, element) => {
                let old = take(org, element.collection(), i).ok_or(OutOfRange)?;
                match element {
                    Element::Unit(u) => org.units[i] = *u,
                    Element::Body(b) => org.bodies[i] = *b,
                    Element::Relation(r) => org.relations[i] = *r,
                    Element::Entity(e) => org.entities[i] = *e,
                }
                Ok(Edit::Set(i, old))
            }
            Edit::Insert(i, element) => {
                let c = element.collection();
                if i > c.len_in(org) {
                    return Err(OutOfRange);
                }
                match element {
                    Element::Unit(u) => org.units.insert(i, *u),
                    Element::Body(b) => org.bodies.insert(i, *b),
                    Element::Relation(r) => org.relations.insert(i, *r),
                    Element::Entity(e) => org.entities.insert(i, *e),
                }
                Ok(Edit::Remove(c, i))
            }
            Edit::Remove(c, i) => {
                let old = take(org, c, i).ok_or(OutOfRange)?;
                match c {
                    Collection::Units => drop(org.units.remove(i)),
                    Collection::Bodies => drop(org.bodies.remove(i)),
                    Collection::Relations => drop(org.relations.remove(i)),
                    Collection::Entities => drop(org.entities.remove(i)),
                }
                Ok(Edit::Insert(i, old))
            }
            Edit::SetHeader(header) => {
                let mut new = header.0;
                std::mem::swap(&mut new.units, &mut org.units);
                std::mem::swap(&mut new.bodies, &mut org.bodies);
                std::mem::swap(&mut new.relations, &mut org.relations);
                std::mem::swap(&mut new.entities, &mut org.entities);
                std::mem::swap(&mut new.presentation, &mut org.presentation);
                // The previous header comes back with empty collections: the inverse stays small.
                let old = std::mem::replace(org, new);
                Ok(Edit::SetHeader(Box::new(Header(old))))
            }
            Edit::SetScript(steps) => Ok(Edit::SetScript(std::mem::replace(
                &mut org.presentation,
                steps,
            ))),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(org) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Roll back what was applied so a failed batch changes nothing.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(org);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}
