//! A presentation's script: the steps a trainer shows, in order, saved with the structure.

use super::{Id, is_false};
use serde::{Deserialize, Serialize};

/// One step of a presentation: a part of the structure, framed on the screen.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Step {
    /// Shown above the chart; empty: the focus unit's name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The unit shown with what is below it; none: the whole structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Id>,
    /// How many levels are shown, the unit's own counted; none: all of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<usize>,
    /// This unit's subtree, relations and bodies in full colour, the rest dimmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spotlight: Option<Id>,
    /// The missions of the spotlit unit (else the focus unit) in a large card.
    #[serde(skip_serializing_if = "is_false")]
    pub missions: bool,
}

impl Step {
    /// The unit whose missions the card shows.
    pub fn card_unit(&self) -> Option<&Id> {
        if !self.missions {
            return None;
        }
        self.spotlight.as_ref().or(self.unit.as_ref())
    }
}
