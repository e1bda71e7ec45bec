//! What is selected: a unit, a coordination body or an outside entity, named by its id. A
//! place in a list would name whatever comes to stand there after an insertion or a removal
//! (an undo putting back a unit before the selected one would move the selection to it).

use crate::doc::Document;
use crate::model::{Id, Organisation, Target};
use crate::scene::Owner;

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

    /// The selection of a chart item's owner; None for what only explains the chart.
    pub fn of_owner(org: &Organisation, owner: Owner) -> Option<Selection> {
        let target = match owner {
            Owner::Unit(u) => Target::Unit(u),
            Owner::Body(b) => Target::Body(b),
            Owner::Entity(e) => Target::Entity(e),
            Owner::Decoration | Owner::Label => return None,
        };
        Selection::of(org, target)
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
