//! The pieces messages are made of: lists, the token found in the file, the names of things
//! and types as a reader knows them.

use super::super::error::*;
use crate::i18n::{Lang, say, shown};

/// "8", "8 et 13", "8, 13 et 18"; "8, 13 and 18".
pub(in crate::format) fn join(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => say!(lang, "{} et {last}", "{} and {last}", init.join(", ")),
    }
}

/// What stands at `at`, shortened, for "trouvé « … »"; `None` at the end of the file.
pub(in crate::format) fn token_at(text: &str, at: usize) -> Option<String> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let token: String = if first == '"' {
        let line = rest.lines().next().unwrap_or(rest);
        match line[1..].find('"') {
            Some(end) => line[..end + 2].to_string(),
            None => line.to_string(),
        }
    } else if is_ident_char(first) || first == '-' || first == '.' {
        rest.chars()
            .take_while(|&c| is_ident_char(c) || c == '-' || c == '.' || c == '+')
            .collect()
    } else {
        first.to_string()
    };
    const MAX: usize = 40;
    let token = if token.chars().count() > MAX {
        let short: String = token.chars().take(MAX).collect();
        format!("{short}…")
    } else {
        token
    };
    Some(shown(&token).to_string())
}

/// ", trouvé « … »" or ", trouvé la fin du fichier".
pub(in crate::format) fn found(text: &str, at: usize, lang: Lang) -> String {
    match token_at(text, at) {
        Some(token) => say!(lang, ", trouvé « {token} »", ", found “{token}”"),
        None => lang
            .pick(", trouvé la fin du fichier", ", found the end of the file")
            .to_string(),
    }
}

/// The field whose value starts at `at` (`headcount: "abc"` → `headcount`).
pub(in crate::format) fn field_of_value(text: &str, at: usize) -> Option<&str> {
    key_before(text, at).map(|k| k.1)
}

/// " pour « headcount »" when the value at `at` is a field's.
pub(in crate::format) fn for_field(text: &str, at: usize, lang: Lang) -> String {
    field_of_value(text, at)
        .map(|f| say!(lang, " pour « {f} »", " for “{f}”"))
        .unwrap_or_default()
}

/// The name of a struct or enum of the file, with its article.
pub(in crate::format) fn thing(rust_name: &str, lang: Lang) -> String {
    let (fr, en) = match rust_name {
        "FileIn" | "VersionProbe" => ("le fichier", "the file"),
        "Organisation" => ("l'organisation", "the organisation"),
        "Headcount" => ("l'effectif", "the headcount"),
        "LegalText" => ("un texte juridique", "a legal text"),
        "BudgetProgramme" => ("un programme budgétaire", "a budget programme"),
        "Head" => ("le responsable (head)", "the head"),
        "Citation" => ("une source", "a source"),
        "Mission" => ("une mission", "a mission"),
        "Position" => ("une position", "a position"),
        "Unit" => ("une unité", "a unit"),
        "Body" => ("une instance", "a body"),
        "Relation" => ("une relation", "a relation"),
        "Entity" => ("une entité extérieure", "an outside entity"),
        "UnitKind" => ("le type d'unité", "the kind of unit"),
        "BodyKind" => ("le type d'instance", "the kind of body"),
        "RelationKind" => ("le type de relation", "the kind of relation"),
        "EntityKind" => ("le type d'entité", "the kind of entity"),
        other => {
            let other = shown(other);
            return say!(lang, "« {other} »", "“{other}”");
        }
    };
    lang.pick(fr, en).to_string()
}

/// Serde's description of an expected type ("u32", "a string", "struct Unit"), in words.
pub(in crate::format) fn expected_type(expected: &str, lang: Lang) -> String {
    let (fr, en) = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => {
            ("un nombre entier positif", "a whole number, zero or more")
        }
        "i8" | "i16" | "i32" | "i64" | "isize" => ("un nombre entier", "a whole number"),
        "f32" | "f64" => ("un nombre décimal", "a decimal number"),
        "a string" | "a borrowed string" => (
            "une chaîne de caractères entre guillemets",
            "a string between double quotes",
        ),
        "a boolean" => ("true ou false", "true or false"),
        "a sequence" => ("une liste [ … ]", "a list [ … ]"),
        "option" => ("une valeur ou None", "a value or None"),
        _ => {
            return match expected
                .strip_prefix("struct ")
                .or_else(|| expected.strip_prefix("enum "))
            {
                Some(name) => thing(name, lang),
                None => {
                    let expected = shown(expected);
                    say!(lang, "« {expected} »", "“{expected}”")
                }
            };
        }
    };
    lang.pick(fr, en).to_string()
}

/// RON's description of a value found ("the string \"abc\""), in words.
pub(in crate::format) fn found_value(found: &str, lang: Lang) -> String {
    let prefixes = [
        ("the string ", "la chaîne ", "the string "),
        ("the unsigned integer ", "le nombre ", "the number "),
        ("the signed integer ", "le nombre ", "the number "),
        ("the floating point number ", "le nombre ", "the number "),
        ("the boolean ", "", ""),
        ("the UTF-8 character ", "le caractère ", "the character "),
    ];
    for (ron, fr, en) in prefixes {
        if let Some(rest) = found.strip_prefix(ron) {
            return format!("{}{}", lang.pick(fr, en), shown(rest.trim_matches('`')));
        }
    }
    let (fr, en) = match found {
        "a sequence" => ("une liste", "a list"),
        "a map" => ("une table { … }", "a map { … }"),
        "a unit value" => ("()", "()"),
        "an optional value" => ("une valeur optionnelle", "an optional value"),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => ("une variante", "a variant"),
        other => return shown(other).to_string(),
    };
    lang.pick(fr, en).to_string()
}

pub(in crate::format) fn list(items: &[&str]) -> String {
    let items: Vec<String> = items
        .iter()
        .map(|i| {
            if *i == "Other" {
                "Other(\"…\")".to_string()
            } else {
                (*i).to_string()
            }
        })
        .collect();
    items.join(", ")
}
