//! A coordination body in the draft: its own article, with its chair, purpose, members,
//! participants and cadence.

use super::draft::{Block, ending, item, one_line, para, subject};
use super::french::{Agreement, agreement, definite};
use crate::model::{Body, Id, Organisation};

/// A unit's or outside entity's name, for a chair or a member.
fn name_of(org: &Organisation, id: &Id) -> String {
    if let Some(u) = org.unit(id) {
        return u.name.clone();
    }
    match org.entities.iter().find(|e| &e.id == id) {
        Some(e) => e.name.clone(),
        None => id.to_string(),
    }
}

pub(super) fn article(org: &Organisation, body: &Body) -> Vec<Block> {
    let name = subject(&body.name);
    let Agreement { feminine, plural } = agreement(&body.name);
    let agreed = |word: &str| {
        format!(
            "{word}{}{}",
            if feminine { "e" } else { "" },
            if plural { "s" } else { "" }
        )
    };
    let is = agreement(&body.name).is();
    let mut blocks = vec![para(match &body.chair {
        Some(chair) => format!(
            "{name} {is} {} par {}.",
            agreed("présidé"),
            definite(&one_line(&name_of(org, chair)))
        ),
        None => format!("{name} {is} {}.", agreed("institué")),
    })];
    if !body.purpose.is_empty() {
        blocks.push(para(format!("Objet : {}", one_line(&body.purpose))));
    }
    if !body.members.is_empty() {
        blocks.push(para(format!("{name} réunit :")));
        let n = body.members.len();
        for (k, member) in body.members.iter().enumerate() {
            let member = definite(&one_line(&name_of(org, member)));
            blocks.push(item(1, ending(&member, k + 1 == n)));
        }
    }
    if !body.participants.is_empty() {
        blocks.push(para(format!(
            "Participants : {}.",
            one_line(&body.participants)
        )));
    }
    if !body.cadence.is_empty() {
        blocks.push(para(format!("Périodicité : {}.", one_line(&body.cadence))));
    }
    blocks
}
