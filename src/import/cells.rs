//! A cell's text as a unit's field: headcounts as spreadsheets show them, staff marks,
//! mission lists, one-line names; and what a workbook's cell notes mean for a column.

use super::{CellNote, Column};
use crate::i18n::{Message, say, shown};
use crate::model::Mission;

/// What to tell of a cell `note` in a column read as `column`, if anything. A cell merged
/// with the rows above it reads its value, which is what the sheet shows, except a
/// headcount: typed once for the rows together, counting it on each would multiply it.
pub(super) fn note_problem(note: &CellNote, column: Column) -> Option<Message> {
    Some(match note {
        CellNote::Uncalculated(formula) => {
            let formula = shown(formula).to_string();
            Message::each(|lang| {
                say!(
                    lang,
                    "formule {formula} sans valeur calculée : cellule lue vide ; ouvrez et enregistrez le classeur dans un tableur pour la calculer",
                    "formula {formula} with no calculated value: cell read as empty; open and save the workbook in a spreadsheet to calculate it"
                )
            })
        }
        CellNote::Error(error) => {
            let error = shown(error).to_string();
            Message::each(|lang| {
                say!(
                    lang,
                    "la formule de la cellule donne l'erreur {error} : cellule lue vide",
                    "the cell's formula gives the error {error}: cell read as empty"
                )
            })
        }
        CellNote::Merged(first) if column == Column::Headcount => Message::each(|lang| {
            say!(
                lang,
                "effectif d'une cellule fusionnée avec la ligne {first} : compté une seule fois, en ligne {first} ; laissé vide ici",
                "headcount of a cell merged with row {first}: counted once, on row {first}; left empty here"
            )
        }),
        CellNote::Merged(_) => return None,
    })
}

/// Names are one line, as the editor keeps them.
pub(super) fn one_line(text: &mut String) {
    if text.contains(['\n', '\r']) {
        *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

/// A headcount as typed: « 12 », « 1 200 » (French thousands), « 12,0 » or 12.0 from a
/// spreadsheet's number.
pub(super) fn headcount(text: &str) -> Result<Option<u32>, Message> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    let whole = digits
        .split_once([',', '.'])
        .filter(|(_, decimals)| decimals.chars().all(|c| c == '0'))
        .map_or(digits.as_str(), |(whole, _)| whole);
    match whole.parse::<u32>() {
        Ok(n) if whole.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => {
            let text = shown(text).to_string();
            Err(Message::each(|lang| {
                say!(
                    lang,
                    "effectif « {text} » : attendu un nombre entier positif ou nul ; laissé vide",
                    "headcount “{text}”: expected a whole number, zero or more; left empty"
                )
            }))
        }
    }
}

/// Whether a unit is a staff position: « oui » as the export writes it, or a mark.
pub(super) fn staff(text: &str) -> Result<bool, Message> {
    match super::columns::fold(text).as_str() {
        "" | "non" | "no" | "n" | "0" | "faux" | "false" => Ok(false),
        "oui" | "yes" | "o" | "y" | "x" | "1" | "vrai" | "true" => Ok(true),
        _ => {
            let text = shown(text).to_string();
            Err(Message::each(|lang| {
                say!(
                    lang,
                    "rattachement d'état-major « {text} » : attendu « oui » ou rien ; laissé à non",
                    "staff position “{text}”: expected “yes” or nothing; left as no"
                )
            }))
        }
    }
}

/// A missions cell as paragraphs: one a line when it has several lines, else split at « ; »
/// (a cell typed on one line lists its missions that way), unless the line ends as a
/// sentence does: a decree's mission is one sentence with « ; » inside it, and often at its
/// end, as items of a decree's list end.
pub(super) fn missions(text: &str) -> Vec<Mission> {
    let sentence = text.trim_end().ends_with(['.', ';', '!', '?', '…']);
    let parts: Vec<&str> = if text.contains('\n') || sentence {
        text.lines().collect()
    } else {
        text.split(';').collect()
    };
    parts
        .into_iter()
        .map(|p| p.trim().trim_start_matches(['-', '•', '–']).trim())
        .filter(|p| !p.is_empty())
        .map(|p| Mission {
            text: p.to_string(),
            source: None,
        })
        .collect()
}
