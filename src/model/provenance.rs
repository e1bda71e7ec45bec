//! Where missions come from: a file that cites legal texts should say, for each mission,
//! which text and article it is taken from. One warning names the units whose missions do
//! not, rather than one line per paragraph.

use super::validate::{Field, Issue, Place};
use super::{Citation, LegalText, Organisation, fold};
use crate::i18n::{Message, say, shown};

/// Units named in the warning; the others are counted.
const NAMED: usize = 10;

pub fn unsourced(org: &Organisation) -> Option<Issue> {
    if org.legal_texts.is_empty() {
        return None;
    }
    let units: Vec<(usize, usize)> = (org.units.iter().enumerate())
        .map(|(i, u)| (i, u.missions.iter().filter(|m| m.source.is_none()).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    let &(first, _) = units.first()?;
    let missions: usize = units.iter().map(|&(_, n)| n).sum();
    let more = units.len().saturating_sub(NAMED);
    let message = Message::each(|lang| {
        let named: Vec<String> = (units.iter().take(NAMED))
            .map(|&(i, n)| {
                format!(
                    "{} ({n})",
                    lang.quote(&shown(org.units[i].id.as_str()).to_string())
                )
            })
            .collect();
        let count = lang.count(missions, ("mission", "missions"), ("mission", "missions"));
        let more = match more {
            0 => String::new(),
            n => say!(lang, " et {n} autres unités", " and {n} more units"),
        };
        say!(
            lang,
            "{count} sans source alors que le fichier cite des textes : {}{more}",
            "{count} without a source while the file cites legal texts: {}{more}",
            named.join(", ")
        )
    });
    Some(Issue::warning(Some(Place::unit(first, Field::Id)), message))
}

/// Whether a mission's source names this legal text: its reference within the citation's
/// text, or the citation's within its reference (« Décret n° 2013-727 » cites « Décret
/// n° 2013-727 du 12 août 2013 »), letters compared without case or accents.
pub fn cites(citation: &Citation, text: &LegalText) -> bool {
    let (a, b) = (fold(&citation.text), fold(&text.reference));
    !a.trim().is_empty() && !b.trim().is_empty() && (a.contains(&b) || b.contains(&a))
}

/// The legal text a citation names, if the file has it.
pub fn cited<'a>(org: &'a Organisation, citation: &Citation) -> Option<&'a LegalText> {
    org.legal_texts.iter().find(|t| cites(citation, t))
}
