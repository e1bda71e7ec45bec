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
