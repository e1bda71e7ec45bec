//! A presentation's script: the steps a trainer shows, in order, saved with the structure.

use super::validate::Issue;
use super::{Id, Organisation, is_false};
use crate::i18n::{Message, say, shown};
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

/// A step that names a unit the structure does not have shows the whole structure, unlit:
/// said, with the step's number, so that the trainer finds out before the meeting.
pub fn unknown_units(org: &Organisation) -> Vec<Issue> {
    let index = org.index();
    let mut issues = Vec::new();
    for (n, step) in org.presentation.iter().enumerate() {
        for id in [&step.unit, &step.spotlight].into_iter().flatten() {
            if !index.contains_key(id) {
                let (n, id) = (n + 1, shown(id.as_str()).to_string());
                issues.push(Issue::warning(
                    None,
                    Message::each(|lang| {
                        say!(
                            lang,
                            "présentation, étape {n} : aucune unité « {id} » (l'étape montre toute la structure)",
                            "presentation, step {n}: no unit “{id}” (the step shows the whole structure)"
                        )
                    }),
                ));
            }
        }
    }
    issues
}
