//! The phrases of organisation texts: who a sentence is about (« Le département des
//! ressources humaines propose … », « Il assure … »), what it does with the rest (« comprend »,
//! « est chargé de : »), and the units a list names.

use crate::legal::french::{capitalised, is_acronym};
use crate::model::{UnitKind, fold};

/// Words left out of a name's key, so that « stratégie et ressources » and
/// « stratégie-ressources », or « de l'organisation et des méthodes » and « de l'organisation
/// des méthodes », name the same unit.
const STOP: &[&str] = &[
    "le", "la", "les", "l", "d", "de", "du", "des", "et", "a", "au", "aux", "en", "un", "une",
    "pour", "sur",
];

/// The form under which two spellings of a name compare equal.
pub fn key(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !STOP.contains(w))
        .collect();
    words.join(" ")
}

/// Verbs that end a subject: what these texts say units do.
const VERBS: &[&str] = &[
    "est",
    "sont",
    "ont",
    "assure",
    "assurent",
    "comprend",
    "comprennent",
    "prepare",
    "propose",
    "elabore",
    "organise",
    "coordonne",
    "anime",
    "conduit",
    "pilote",
    "definit",
    "met",
    "gere",
    "prevoit",
    "suit",
    "veille",
    "participe",
    "contribue",
    "exerce",
    "exercent",
    "apporte",
    "concoit",
    "realise",
    "instruit",
    "traite",
    "effectue",
    "mene",
    "etablit",
    "applique",
    "fait",
    "etudie",
    "regroupe",
    "rassemble",
    "dispose",
    "peut",
    "doit",
    "constitue",
    "represente",
    "favorise",
    "soutient",
    "accompagne",
    "assiste",
    "oriente",
    "evalue",
    "administre",
    "controle",
    "produit",
    "developpe",
    "appuie",
    "exploite",
    "se",
    "preside",
    "recoit",
    "delivre",
    "centralise",
    "analyse",
    "emet",
    "redige",
    "publie",
    "joue",
    "reunit",
    "dirige",
    "encadre",
    "garantit",
    "informe",
    "conseille",
    "fournit",
    "negocie",
    "promeut",
    "collecte",
    "agit",
    "procede",
    "concourt",
    "examine",
    "prend",
    "assiste",
    "coordonnent",
    "participent",
    "sera",
    "seront",
    "relevent",
    "releve",
    "vise",
    "porte",
    "suivent",
];

/// Who leads a unit, and the unit they stand for: « le secrétaire général » speaks for the
/// secrétariat général.
const TITLES: &[(&str, &str)] = &[
    ("secretaire generale", "Secrétariat général"),
    ("secretaire general", "Secrétariat général"),
    ("directrice generale", "Direction générale"),
    ("directeur general", "Direction générale"),
    ("directrice", "Direction"),
    ("directeur", "Direction"),
    ("deleguee generale", "Délégation générale"),
    ("delegue general", "Délégation générale"),
    ("deleguee", "Délégation"),
    ("delegue", "Délégation"),
    ("chef du service", "Service"),
    ("cheffe du service", "Service"),
];

fn bare(token: &str) -> String {
    fold(token.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
}

pub fn is_verb(token: &str) -> bool {
    // « a » (has), not « à »: folded, they would be the same word.
    if token.trim_end_matches([',', ';']) == "a" {
        return true;
    }
    let t = bare(token);
    VERBS.contains(&t.as_str()) || t.starts_with("s'") || t.starts_with("n'")
}

/// The kind a phrase starts with (« sous-direction des … »), by the longest label.
pub fn kind_at(phrase: &str) -> Option<UnitKind> {
    crate::import::kind_of_name(phrase.trim_start_matches(['«', ' ']))
}

/// The determiner a phrase starts with, and where what it determines starts.
pub fn determiner(text: &str) -> Option<usize> {
    ["le ", "la ", "les ", "un ", "une ", "l'", "l’"]
        .iter()
        .find(|d| {
            text.get(..d.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(d))
        })
        .map(|d| d.len())
        .filter(|&n| n < text.len())
}

#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// « Il », « Elle »: the unit spoken of before.
    Pronoun {
        end: usize,
    },
    /// A unit named, with its name as the text says it (capitalised, no article), where the
    /// name ends, whether it was a title (« le secrétaire général »), and the acronym the
    /// text declares for it (« Le SGMAS (Secrétariat général …) »).
    Named {
        name: String,
        end: usize,
        title: bool,
        acronym: Option<String>,
    },
    None,
}

/// Who `body` is about: a pronoun, a unit named by a kind word or its head's title, or a name
/// `known` recognises (by its `key`).
pub fn subject(body: &str, known: &dyn Fn(&str) -> bool) -> Subject {
    let first = body.split(' ').next().unwrap_or_default();
    if matches!(bare(first).as_str(), "il" | "elle" | "ils" | "elles") {
        return Subject::Pronoun { end: first.len() };
    }
    let Some(start) = determiner(body).or_else(|| {
        first
            .chars()
            .next()
            .filter(|c| c.is_uppercase())
            .and(kind_at(body))
            .map(|_| 0)
    }) else {
        return Subject::None;
    };
    let phrase = &body[start..];
    // Token ends, as byte offsets into `phrase`.
    let mut ends = Vec::new();
    let mut at = 0;
    for token in phrase.split(' ').take(30) {
        at += token.len();
        ends.push(at);
        at += 1;
    }
    for &end in ends.iter().rev() {
        let words = &phrase[..end];
        if known(&key(words)) {
            let next = phrase[end..].trim_start();
            let next_token = next.split(' ').next().unwrap_or_default();
            if next.is_empty() || next.starts_with([',', ';', ':', '.']) || is_verb(next_token) {
                return Subject::Named {
                    name: capitalised(words),
                    end: start + end,
                    title: false,
                    acronym: None,
                };
            }
        }
    }
    // « Le SGMAS (Secrétariat général des ministères …) »: the name in brackets, and the
    // acronym that stands for it from then on.
    if let Some((acronym, rest)) = phrase.split_once(' ')
        && is_acronym(acronym)
        && let Some(inside) = rest.strip_prefix('(')
        && let Some(close) = inside.find(')')
        && kind_at(&inside[..close]).is_some()
    {
        return Subject::Named {
            name: capitalised(inside[..close].trim()),
            end: start + acronym.len() + 2 + close + 1,
            title: false,
            acronym: Some(acronym.to_string()),
        };
    }
    let folded = fold(phrase);
    let title = TITLES
        .iter()
        .find(|(t, _)| folded.starts_with(t) && folded[t.len()..].starts_with([' ', ',']));
    if title.is_none() && kind_at(phrase).is_none() {
        return Subject::None;
    }
    let mut depth = 0i32;
    let mut name_end = None;
    let mut previous = 0;
    for (k, &end) in ends.iter().enumerate() {
        let token = &phrase[previous..end];
        previous = end + 1;
        depth +=
            token.matches(['«', '(']).count() as i32 - token.matches(['»', ')']).count() as i32;
        if k == 0 || depth > 0 {
            continue;
        }
        if is_verb(token) {
            name_end = Some(end - token.len()).map(|e| e.saturating_sub(1));
            break;
        }
        if token.ends_with([',', ';', ':']) {
            name_end = Some(end - 1);
            break;
        }
    }
    let Some(end) = name_end else {
        return Subject::None;
    };
    let words = phrase[..end].trim_end_matches([',', ' ']);
    let name = match title {
        // Titles are ASCII once folded, and fold keeps the length of the letters they use.
        Some((t, unit)) => {
            let rest = phrase
                .char_indices()
                .nth(t.chars().count())
                .filter(|&(i, _)| i <= end)
                .map_or("", |(i, _)| &phrase[i..end]);
            format!("{unit}{}", rest.trim_end_matches([',', ' ']))
        }
        None => capitalised(words),
    };
    Subject::Named {
        name,
        end: start + end,
        title: title.is_some(),
        acronym: None,
    }
}

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
