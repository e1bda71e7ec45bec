//! What is selected: a unit, a coordination body or an outside entity, named by its id. A
//! place in a list would name whatever comes to stand there after an insertion or a removal
//! (an undo putting back a unit before the selected one would move the selection to it).

use crate::doc::Document;
use crate::model::{Id, Organisation, Target};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selection {
    Unit(Id),
    Body(Id),
    Entity(Id),
}

impl Selection {
    /// The selection of what `target` names in `org`; None for a place the list does not have.
    pub fn of(org: &Organisation, target: Target) -> Option<Selection> {
        Some(match target {
            Target::Unit(u) => Selection::Unit(org.units.get(u)?.id.clone()),
            Target::Body(b) => Selection::Body(org.bodies.get(b)?.id.clone()),
            Target::Entity(e) => Selection::Entity(org.entities.get(e)?.id.clone()),
        })
    }

    /// Where it is in `doc` now; None once it is gone.
    pub fn find(&self, doc: &Document) -> Option<Target> {
        let org = doc.org();
        match self {
            Selection::Unit(id) => doc.hierarchy().unit(id).map(Target::Unit),
            Selection::Body(id) => org
                .bodies
                .iter()
                .position(|b| &b.id == id)
                .map(Target::Body),
            Selection::Entity(id) => org
                .entities
                .iter()
                .position(|e| &e.id == id)
                .map(Target::Entity),
        }
    }
}
