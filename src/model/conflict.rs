//! What a merge could not settle, kept in the merged file until the user does: our value is
//! in the structure, theirs is here (see `merge`). Old files have none and load unchanged.

use super::Organisation;
use super::validate::Issue;
use crate::i18n::{Message, say};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictElement {
    Organisation,
    Unit,
    Body,
    Relation,
    Entity,
    LegalText,
    BudgetProgramme,
    Source,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// The same field changed to two different values.
    ChangedTwice,
    /// Deleted on our side, changed on theirs: left deleted.
    DeletedByUs,
    /// Deleted on their side, changed on ours: kept.
    DeletedByThem,
    /// Deleted on one side while the other still names it (`theirs` says where): put back.
    StillNamed,
    /// Reparented on their side into a cycle with our changes: our parent kept.
    Cycle,
    /// The merged structure would not load (`why` says why): ours is written whole.
    Invalid,
}

/// One conflict: what it is about, and both sides' values as the file writes them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub element: ConflictElement,
    /// The id, reference or relation it is about; empty for the organisation itself.
    pub key: String,
    /// The field as the file names it; empty when about the whole element.
    pub field: String,
    pub problem: Problem,
    pub ours: String,
    pub theirs: String,
    /// For a merge that would not load, its errors.
    #[serde(skip)]
    pub why: Message,
}

/// A warning while a merge's conflicts are in the file: the structure holds our side of each.
pub fn unsettled(org: &Organisation) -> Option<Issue> {
    let n = org.conflicts.len();
    (n > 0).then(|| {
        Issue::warning(
            None,
            Message::each(|lang| {
                let count = lang.count(n, ("conflit", "conflits"), ("conflict", "conflicts"));
                say!(
                    lang,
                    "{count} de fusion à régler : la structure garde notre version de chacun (la fenêtre les montre et permet de choisir)",
                    "{count} from a merge to settle: the structure keeps our side of each (the window shows them and lets you choose)"
                )
            }),
        )
    })
}
