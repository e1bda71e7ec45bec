//! What a sentence or an item does with the units it names: « comprend » lists, « est chargé
//! de : » introductions, « …, chargé de … » after a name, « Name : what it does » items, lines
//! that only name a unit.

use super::phrases::{determiner, is_verb, kind_at};
use crate::legal::french::capitalised;
use crate::model::fold;

/// A unit as a list item or an element of « comprend … » names it: « la sous-direction A,
/// qui comprend : », « le centre X, chargé de Y ».
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemName {
    pub name: String,
    /// « chargé de Y », when the item says it after a comma.
    pub mission: Option<String>,
    /// It ends with « : »: a list of its sub-units (or of its missions) follows.
    pub opens: bool,
    /// What follows are its missions (« …, chargée de : »).
    pub missions_follow: bool,
}

pub fn item_name(text: &str) -> ItemName {
    let mut t = text
        .trim()
        .trim_end_matches([';', '.', ' ', ','])
        .trim_end();
    let mut item = ItemName::default();
    if let Some(rest) = t.strip_suffix(':') {
        item.opens = true;
        t = rest.trim_end();
    }
    for tail in [
        ", qui comprend",
        " qui comprend",
        ", comprenant",
        " comprenant",
    ] {
        let at = t.len().saturating_sub(tail.len());
        if t.is_char_boundary(at) && t[at..].eq_ignore_ascii_case(tail) {
            t = t[..at].trim_end();
            break;
        }
    }
    // « chargé », « chargée », « chargés » after a comma: the rest is what the unit does.
    if let Some(comma) = [", charg", ", qui est charg"]
        .iter()
        .filter_map(|p| t.find(p))
        .min()
    {
        let mission = t[comma + 1..].trim();
        let mission = mission.strip_prefix("qui est ").unwrap_or(mission);
        if item.opens && (mission.ends_with(" de") || mission.ends_with(" d'")) {
            item.missions_follow = true;
        } else {
            item.mission = Some(mission.to_string());
        }
        t = &t[..comma];
    }
    let start = determiner(t).unwrap_or(0);
    item.name = capitalised(t[start..].trim());
    item
}

/// The elements of an inline « comprend » list: « le département A, le département B et la
/// mission C » cut before each determiner that starts a unit after « , », « ; » or « et ».
pub fn elements(list: &str) -> Vec<&str> {
    let list = list.trim().trim_end_matches(['.', ';', ' ']);
    // Where each element starts, and where the one before it ends.
    let mut starts = vec![0];
    let mut ends = Vec::new();
    let mut at = 0;
    let mut previous = "";
    for token in list.split(' ') {
        let and = fold(previous) == "et";
        if (previous.ends_with([',', ';']) || and) && at > 0 {
            let rest = &list[at..];
            let unit = determiner(rest).is_some_and(|noun| {
                let noun = &rest[noun..];
                kind_at(noun).is_some() || noun.starts_with(char::is_uppercase)
            });
            if unit {
                ends.push(if and { at - previous.len() - 1 } else { at });
                starts.push(at);
            }
        }
        at += token.len() + 1;
        previous = token;
    }
    ends.push(list.len());
    starts
        .into_iter()
        .zip(ends)
        .map(|(s, e)| list[s..e].trim().trim_end_matches([',', ';']).trim())
        .filter(|e| !e.is_empty())
        .collect()
}

/// « Délégation générale aux ressources humaines : Gestion RH, recrutement » in a list: a
/// unit, by its kind word, and what it does.
pub fn named_item(body: &str) -> Option<(&str, &str)> {
    let (name, description) = body.split_once(" : ")?;
    let name = name.trim();
    let named = name.starts_with(char::is_uppercase)
        && kind_at(name).is_some()
        && name.split(' ').count() <= 12
        && !name.split(' ').any(is_verb);
    let description = description.trim();
    (named && !description.is_empty()).then_some((name, description))
}

/// A line that only names a unit (« La Mission Halles », « L'Observatoire de l'Egalité »),
/// as pages list what is attached to a service: no verb, no closing punctuation.
pub fn bare_name(body: &str) -> Option<String> {
    let start = ["le ", "la ", "l'", "l’", "un ", "une "]
        .iter()
        .find(|d| {
            body.get(..d.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(d))
        })?
        .len();
    let noun = body.get(start..)?.trim();
    let short = body.split(' ').count() <= 15 && !body.split(' ').skip(1).any(is_verb);
    let open = !body.ends_with(['.', ';', ':', ',', '!', '?']);
    let unit = noun.starts_with(char::is_uppercase) || kind_at(noun).is_some();
    (short && open && unit).then(|| capitalised(noun))
}

/// A list item's words without the « ; » or « , » that only separate it from the next.
pub fn item_text(body: &str) -> String {
    body.trim()
        .trim_end_matches([';', ','])
        .trim_end()
        .to_string()
}

/// What « comprend » (or « se compose de », « regroupe ») introduces, when `rest` starts
/// with it.
pub fn structure(rest: &str) -> Option<&str> {
    let folded = fold(&rest[..rest.floor_char_boundary(40)]);
    const VERBS: &[&str] = &[
        "comprend",
        "comprennent",
        "se compose de",
        "se composent de",
        "est compose de",
        "est composee de",
        "sont composes de",
        "regroupe",
        "regroupent",
        "est constitue de",
        "est constituee de",
        "est organise en",
        "est organisee en",
    ];
    let verb = VERBS.iter().find(|v| {
        folded.starts_with(*v) && folded[v.len()..].starts_with([' ', ':', ',', '\u{a0}'])
    })?;
    // `fold` keeps one character for one: the verb's length in characters finds its end.
    let end = rest
        .char_indices()
        .nth(verb.chars().count())
        .map_or(rest.len(), |(i, _)| i);
    Some(rest[end..].trim_start_matches([',', ' ']))
}

/// « est chargé de : », « exerce les missions suivantes : »: the missions follow as a list.
pub fn is_intro(rest: &str) -> bool {
    let Some(words) = rest.trim().strip_suffix(':') else {
        return false;
    };
    let words = fold(words.trim());
    let words = words.replace("notamment ", "");
    [
        "est charge de",
        "est chargee de",
        "sont charges de",
        "sont chargees de",
        "exerce les missions suivantes",
        "exercent les missions suivantes",
        "a pour missions",
        "a pour mission",
        "a pour missions de",
        "a pour mission de",
        "assure les missions suivantes",
        "a les attributions suivantes",
        "a pour attributions",
    ]
    .contains(&words.as_str())
}
