//! Settling, one by one, the conflicts a merge left in a file: keep ours (already in the
//! structure) or take theirs (written in the conflict as the file writes the field), as
//! edits the window applies in one undo step.

use super::{Conflict, Element, Problem};
use crate::doc::{Edit, Element as Change, Header};
use crate::i18n::{Message, say};
use crate::model::{Body, Organisation, Severity, Unit, validate};
use serde::de::DeserializeOwned;

/// Whether their side can be taken: a field both sides changed, of an element whose fields
/// the file writes one by one.
pub fn can_take_theirs(c: &Conflict) -> bool {
    c.problem == Problem::ChangedTwice
        && matches!(
            c.element,
            Element::Unit | Element::Body | Element::Organisation
        )
        && c.field != "missions"
}

/// The edits that settle `c` in `org`: the conflict gone, and with `theirs` their value in
/// place of ours. `Err` when their value cannot be taken, or would not load.
pub fn settle(org: &Organisation, c: &Conflict, theirs: bool) -> Result<Vec<Edit>, Message> {
    let mut header = Header::of(org);
    let Some(at) = header.conflicts.iter().position(|x| x == c) else {
        return Err(Message::new(
            "ce conflit est déjà réglé",
            "this conflict is already settled",
        ));
    };
    header.conflicts.remove(at);
    let mut candidate = org.clone();
    let mut edits = Vec::new();
    if theirs {
        if !can_take_theirs(c) {
            return Err(cannot(c));
        }
        match c.element {
            Element::Unit => {
                let i = (org.units.iter().position(|u| u.id.as_str() == c.key))
                    .ok_or_else(|| gone(c))?;
                let mut unit = org.units[i].clone();
                set_unit(&mut unit, c)?;
                candidate.units[i] = unit.clone();
                edits.push(Edit::Set(i, Change::Unit(Box::new(unit))));
            }
            Element::Body => {
                let i = (org.bodies.iter().position(|b| b.id.as_str() == c.key))
                    .ok_or_else(|| gone(c))?;
                let mut body = org.bodies[i].clone();
                set_body(&mut body, c)?;
                candidate.bodies[i] = body.clone();
                edits.push(Edit::Set(i, Change::Body(Box::new(body))));
            }
            _ => set_organisation(&mut header, c)?,
        }
    }
    let (issues, _) = validate(&Organisation {
        units: std::mem::take(&mut candidate.units),
        bodies: std::mem::take(&mut candidate.bodies),
        relations: std::mem::take(&mut candidate.relations),
        entities: std::mem::take(&mut candidate.entities),
        ..header.clone()
    });
    if let Some(e) = issues.into_iter().find(|i| i.severity == Severity::Error) {
        return Err(e.message);
    }
    edits.push(Edit::SetHeader(Box::new(Header(header))));
    Ok(edits)
}

fn parse<T: DeserializeOwned>(c: &Conflict) -> Result<T, Message> {
    ron::from_str(&c.theirs).map_err(|e| {
        let theirs = c.theirs.clone();
        Message::each(|lang| {
            say!(
                lang,
                "leur valeur {theirs} illisible : {e}",
                "their value {theirs} unreadable: {e}"
            )
        })
    })
}

fn set_unit(u: &mut Unit, c: &Conflict) -> Result<(), Message> {
    match c.field.as_str() {
        "name" => u.name = parse(c)?,
        "acronym" => u.acronym = parse(c)?,
        "kind" => u.kind = parse(c)?,
        "parent" => u.parent = parse(c)?,
        "head" => u.head = parse(c)?,
        "headcount" => u.headcount = parse(c)?,
        "notes" => u.notes = parse(c)?,
        "position" => u.position = parse(c)?,
        "collapsed" => u.collapsed = parse(c)?,
        "staff" => u.staff = parse(c)?,
        "replaces" => u.replaces = parse(c)?,
        _ => return Err(cannot(c)),
    }
    Ok(())
}

fn set_body(b: &mut Body, c: &Conflict) -> Result<(), Message> {
    match c.field.as_str() {
        "name" => b.name = parse(c)?,
        "kind" => b.kind = parse(c)?,
        "chair" => b.chair = parse(c)?,
        "members" => b.members = parse(c)?,
        "participants" => b.participants = parse(c)?,
        "cadence" => b.cadence = parse(c)?,
        "purpose" => b.purpose = parse(c)?,
        "source" => b.source = parse(c)?,
        _ => return Err(cannot(c)),
    }
    Ok(())
}

fn set_organisation(o: &mut Organisation, c: &Conflict) -> Result<(), Message> {
    match c.field.as_str() {
        "name" => o.name = parse(c)?,
        "acronym" => o.acronym = parse(c)?,
        "description" => o.description = parse(c)?,
        "administration" => o.administration = parse(c)?,
        "headcount" => o.headcount = parse(c)?,
        "address" => o.address = parse(c)?,
        "logo" => o.logo = parse(c)?,
        "presentation" => o.presentation = parse(c)?,
        _ => return Err(cannot(c)),
    }
    Ok(())
}

fn cannot(c: &Conflict) -> Message {
    let field = c.field.clone();
    Message::each(|lang| {
        say!(
            lang,
            "leur version de « {field} » ne peut pas être reprise telle quelle : modifiez le champ à la main",
            "their version of “{field}” cannot be taken as is: edit the field by hand"
        )
    })
}

fn gone(c: &Conflict) -> Message {
    let key = c.key.clone();
    Message::each(|lang| {
        say!(
            lang,
            "« {key} » n'est plus là",
            "“{key}” is no longer there"
        )
    })
}
