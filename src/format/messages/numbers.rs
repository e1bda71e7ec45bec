//! Numbers RON reads otherwise than they were meant: a sign, a decimal point or comma, an
//! exponent, a number too large.

use super::words::*;
use crate::i18n::{Lang, say};

/// The whole-number fields of the file, with how a message names each: the headcount, a
/// version number.
fn whole_number_field(field: &str, lang: Lang) -> Option<(&'static str, &'static str)> {
    // (« effectif négatif », « pour l'effectif »)
    Some(match (field, lang) {
        ("headcount" | "count", Lang::Fr) => ("effectif", "l'effectif"),
        ("headcount" | "count", Lang::En) => ("headcount", "the headcount"),
        ("version", Lang::Fr) => ("numéro de version", "le numéro de version"),
        ("version", Lang::En) => ("version number", "the version number"),
        _ => return None,
    })
}

/// A number written where a whole number or a decimal number is wanted, but written in a
/// way RON reads otherwise: `-5` (RON stops after the sign), `12.5` (RON reads 12 and wants
/// a comma), `1e3`, `5000000000`, `12,5` with a French decimal comma (RON reads 12, then a
/// field named 5). Named plainly, at the number's first character.
pub(super) fn bad_number(text: &str, at: usize, lang: Lang) -> Option<(usize, String)> {
    let is_number_byte =
        |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'+' | b'-' | b'_');
    let b = text.as_bytes();
    let start = at
        - b[..at]
            .iter()
            .rev()
            .take_while(|&&c| is_number_byte(c))
            .count();
    let end = at + b[at..].iter().take_while(|&&c| is_number_byte(c)).count();
    let mut number = &text[start..end];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    // `12,5`: RON stopped at the `5`, after a comma right behind whole digits.
    let mut comma = None;
    if digits(number)
        && let Some(before) = text[..start].strip_suffix(',')
    {
        let whole = before.len() - before.bytes().rev().take_while(u8::is_ascii_digit).count();
        if whole < before.len() {
            comma = Some((&text[whole..before.len()], number));
            number = &text[whole..end];
        }
    }
    let first = start - comma.map_or(0, |(whole, _)| whole.len() + 1);
    let field = field_of_value(text, first)?;
    if let Some((whole, fraction)) = comma {
        let message = match whole_number_field(field, lang) {
            Some((_, the)) => say!(
                lang,
                "nombre {number} écrit avec une virgule décimale pour {the} : attendu un entier",
                "number {number} written with a decimal comma for {the}: expected a whole number"
            ),
            None => say!(
                lang,
                "nombre {number} écrit avec une virgule : les décimales s'écrivent après un point ({whole}.{fraction})",
                "number {number} written with a decimal comma: decimals are written after a point ({whole}.{fraction})"
            ),
        };
        return Some((first, message));
    }
    let (noun, the) = whole_number_field(field, lang)?;
    let unsigned = number.strip_prefix(['-', '+']).unwrap_or(number);
    let numeric = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && unsigned.parse::<f64>().is_ok();
    if !numeric {
        return None;
    }
    let message = if number.starts_with('-') {
        say!(
            lang,
            "{noun} négatif {number} : attendu un entier positif ou nul",
            "negative {noun} {number}: expected a whole number, zero or more"
        )
    } else if unsigned.contains(['e', 'E']) {
        say!(
            lang,
            "nombre {number} écrit avec un exposant pour {the} : attendu un entier écrit en chiffres",
            "number {number} written with an exponent for {the}: expected a whole number written in digits"
        )
    } else if unsigned.contains('.') {
        say!(
            lang,
            "nombre décimal {number} pour {the} : attendu un entier",
            "decimal number {number} for {the}: expected a whole number"
        )
    } else if unsigned.parse::<u32>().is_err() {
        say!(
            lang,
            "nombre trop grand {number} pour {the} : attendu un entier d'au plus {}",
            "number too large {number} for {the}: expected a whole number of at most {}",
            u32::MAX
        )
    } else {
        // A whole number that fits: RON stopped for another reason (a missing comma).
        return None;
    };
    Some((start, message))
}
