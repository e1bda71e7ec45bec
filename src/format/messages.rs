//! The words of load errors: RON's error codes turned into sentences, in French or in
//! English, that name the field, say what was expected and what was found, and suggest the
//! nearest name for a typo. Text taken from the file is shown escaped.

use super::error::*;
use super::typos::did_you_mean;
use crate::i18n::{Lang, say, shown};
use ron::error::Error as RonError;

/// "8", "8 et 13", "8, 13 et 18"; "8, 13 and 18".
pub(super) fn join(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => say!(lang, "{} et {last}", "{} and {last}", init.join(", ")),
    }
}

/// What stands at `at`, shortened, for "trouvé « … »"; `None` at the end of the file.
pub(super) fn token_at(text: &str, at: usize) -> Option<String> {
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
pub(super) fn found(text: &str, at: usize, lang: Lang) -> String {
    match token_at(text, at) {
        Some(token) => say!(lang, ", trouvé « {token} »", ", found “{token}”"),
        None => lang
            .pick(", trouvé la fin du fichier", ", found the end of the file")
            .to_string(),
    }
}

/// The field whose value starts at `at` (`headcount: "abc"` → `headcount`).
pub(super) fn field_of_value(text: &str, at: usize) -> Option<&str> {
    key_before(text, at).map(|k| k.1)
}

/// " pour « headcount »" when the value at `at` is a field's.
pub(super) fn for_field(text: &str, at: usize, lang: Lang) -> String {
    field_of_value(text, at)
        .map(|f| say!(lang, " pour « {f} »", " for “{f}”"))
        .unwrap_or_default()
}

/// The name of a struct or enum of the file, with its article.
pub(super) fn thing(rust_name: &str, lang: Lang) -> String {
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
pub(super) fn expected_type(expected: &str, lang: Lang) -> String {
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
pub(super) fn found_value(found: &str, lang: Lang) -> String {
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

pub(super) fn list(items: &[&str]) -> String {
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

/// The message for a RON error in `lang`, and the offset it should point at.
pub(super) fn explain(code: &RonError, text: &str, at: usize, lang: Lang) -> (usize, String) {
    // RON's span may start on the blanks before the offending token.
    let at = at + (text[at..].len() - text[at..].trim_start().len());
    if let Some(number) = bad_number(text, at, lang) {
        return number;
    }
    let syntax = |what: String| {
        (
            at,
            say!(lang, "erreur de syntaxe : {what}", "syntax error: {what}"),
        )
    };
    let found = |at: usize| found(text, at, lang);
    let value = |what: &str| {
        (
            at,
            say!(
                lang,
                "valeur invalide{} : attendu {what}{}",
                "invalid value{}: expected {what}{}",
                for_field(text, at, lang),
                found(at)
            ),
        )
    };
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| say!(lang, " dans {}", " in {}", thing(o, lang)))
            .unwrap_or_default()
    };
    match code {
        // At the end of what was written, not on the blank lines after it.
        RonError::Eof => (text.trim_end().len(), eof_message(text, lang)),
        RonError::ExpectedComma => {
            // RON stops on the next token; the comma is missing right after the previous one.
            let end = text[..at].trim_end().len();
            let next = token_at(text, at)
                .map(|t| say!(lang, ", avant « {t} »", ", before “{t}”"))
                .unwrap_or_default();
            (
                end,
                say!(
                    lang,
                    "erreur de syntaxe : attendu une virgule « , » après cette valeur{next}",
                    "syntax error: expected a comma “,” after this value{next}"
                ),
            )
        }
        RonError::ExpectedArrayEnd => syntax(say!(
            lang,
            "attendu « ] » pour fermer la liste, ou une virgule « , » entre deux éléments{}",
            "expected “]” to close the list, or a comma “,” between two items{}",
            found(at)
        )),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => syntax(say!(
            lang,
            "attendu « ) » pour fermer la structure, ou une virgule « , » entre deux champs{}",
            "expected “)” to close the structure, or a comma “,” between two fields{}",
            found(at)
        )),
        RonError::ExpectedMapEnd => {
            syntax(say!(lang, "attendu « }} »{}", "expected “}}”{}", found(at)))
        }
        RonError::ExpectedMapColon => {
            let end = text[..at].trim_end().len();
            (
                end,
                say!(
                    lang,
                    "erreur de syntaxe : attendu « : » après le nom du champ{}",
                    "syntax error: expected “:” after the field's name{}",
                    found(at)
                ),
            )
        }
        RonError::ExpectedIdentifier => syntax(say!(
            lang,
            "attendu un nom de champ (par exemple « name: ») ou de valeur{}",
            "expected the name of a field (such as “name:”) or of a value{}",
            found(at)
        )),
        RonError::ExpectedStringEnd => (
            at,
            lang.pick(
                "chaîne de caractères jamais fermée (elle commence ici) : attendu un guillemet fermant « \" » ; le fichier est-il tronqué ?",
                "string never closed (it starts here): expected a closing double quote “\"”; is the file cut short?",
            )
            .to_string(),
        ),
        RonError::UnclosedBlockComment => syntax(
            lang.pick(
                "commentaire « /* » jamais fermé : attendu « */ »",
                "comment “/*” never closed: expected “*/”",
            )
            .to_string(),
        ),
        RonError::UnclosedLineComment => syntax(
            lang.pick(
                "commentaire « // » non terminé",
                "comment “//” not ended",
            )
            .to_string(),
        ),
        RonError::ExpectedAttribute => syntax(say!(
            lang,
            "attendu un attribut « #![enable(…)] »{}",
            "expected an attribute “#![enable(…)]”{}",
            found(at)
        )),
        RonError::ExpectedAttributeEnd => syntax(
            lang.pick(
                "attendu « )] » pour fermer l'attribut « #![enable(…)] »",
                "expected “)]” to close the attribute “#![enable(…)]”",
            )
            .to_string(),
        ),
        RonError::NoSuchExtension(name) => syntax(say!(
            lang,
            "extension RON inconnue « {} » : attendu « implicit_some »",
            "unknown RON extension “{}”: expected “implicit_some”",
            shown(name)
        )),
        RonError::InvalidEscape(why) => syntax(say!(
            lang,
            "séquence d'échappement invalide dans une chaîne ({}) : attendu \\\\, \\\", \\n, \\t ou \\u{{…}} ; pour écrire une barre oblique inverse, doublez-la (\\\\)",
            "invalid escape in a string ({}): expected \\\\, \\\", \\n, \\t or \\u{{…}}; to write a backslash, double it (\\\\)",
            escape_why(why, lang)
        )),
        RonError::UnexpectedChar(c) => syntax(say!(
            lang,
            "caractère inattendu « {} »",
            "unexpected character “{}”",
            shown(&c.to_string())
        )),
        RonError::TrailingCharacters => (
            at,
            say!(
                lang,
                "texte en trop après la fin de l'organigramme : attendu la fin du fichier après la dernière « ) »{}",
                "text left after the end of the chart: expected the end of the file after the last “)”{}",
                found(at)
            ),
        ),
        RonError::ExceededRecursionLimit => (
            at,
            say!(
                lang,
                "imbrication trop profonde : plus de {} niveaux de parenthèses ou de crochets (attendu : la structure d'un organigramme)",
                "nesting too deep: more than {} levels of brackets (expected: the structure of a chart)",
                super::MAX_NESTING
            ),
        ),
        RonError::Utf8Error(_) => (
            at,
            lang.pick(
                "texte invalide : pas de l'UTF-8",
                "invalid text: not UTF-8",
            )
            .to_string(),
        ),
        RonError::ExpectedString => value(lang.pick(
            "une chaîne de caractères entre guillemets (\"…\")",
            "a string between double quotes (\"…\")",
        )),
        RonError::ExpectedInteger => value(lang.pick(
            "un nombre entier (par exemple 42)",
            "a whole number (such as 42)",
        )),
        RonError::IntegerOutOfBounds => value(lang.pick(
            "un nombre entier positif d'au plus 4294967295 (sans signe moins)",
            "a whole number of at most 4294967295 (without a minus sign)",
        )),
        RonError::ExpectedFloat => value(lang.pick(
            "un nombre décimal (par exemple 120.5)",
            "a decimal number (such as 120.5)",
        )),
        RonError::ExpectedBoolean => value(lang.pick("true ou false", "true or false")),
        RonError::ExpectedOption => value(lang.pick("une valeur ou None", "a value or None")),
        RonError::ExpectedArray => value(lang.pick(
            "une liste entre crochets [ … ]",
            "a list between square brackets [ … ]",
        )),
        RonError::ExpectedStructLike if text[at..].starts_with("Other") => value(lang.pick(
            "Other(\"…\"), avec le libellé entre parenthèses",
            "Other(\"…\"), with the label between brackets",
        )),
        RonError::ExpectedStructLike => value(lang.pick(
            "« ( » ouvrant une structure",
            "“(” opening a structure",
        )),
        RonError::ExpectedUnit => value(lang.pick("« () »", "“()”")),
        RonError::ExpectedChar => value(lang.pick(
            "un caractère entre apostrophes",
            "a character between single quotes",
        )),
        RonError::ExpectedMap => value(lang.pick("« { »", "“{”")),
        RonError::ExpectedNamedStructLike(name) if *name == "FileIn" => (
            at,
            say!(
                lang,
                "ce n'est pas un organigramme : attendu « ( » au début du fichier, comme dans « ( version: {}, organisation: ( … ) ) »{}",
                "this is not a chart: expected “(” at the start of the file, as in “( version: {}, organisation: ( … ) )”{}",
                super::CURRENT_VERSION,
                found(at)
            ),
        ),
        RonError::ExpectedNamedStructLike(name)
        | RonError::ExpectedDifferentStructName { expected: name, .. } => {
            // The second: `text: …` where a list wants `(text: …)`, RON took `text` for a
            // struct's name.
            value(&say!(
                lang,
                "« ( » pour ouvrir {}",
                "“(” to open {}",
                thing(name, lang)
            ))
        }
        RonError::InvalidValueForType { expected, found } => (
            at,
            say!(
                lang,
                "valeur invalide{} : attendu {}, trouvé {}",
                "invalid value{}: expected {}, found {}",
                for_field(text, at, lang),
                expected_type(expected, lang),
                found_value(found, lang)
            ),
        ),
        RonError::ExpectedDifferentLength { expected, found } => value(&say!(
            lang,
            "{} (trouvé {})",
            "{} (found {})",
            expected_type(expected, lang),
            lang.count(*found, ("élément", "éléments"), ("item", "items"))
        )),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let of = outer
                .as_deref()
                .map(|o| say!(lang, " pour {}", " for {}", thing(o, lang)))
                .unwrap_or_default();
            let field = field_of_value(text, at)
                .map(|f| say!(lang, " (champ « {f} »)", " (field “{f}”)"))
                .unwrap_or_default();
            let hint = did_you_mean(found, expected, lang);
            (
                at,
                say!(
                    lang,
                    "valeur inconnue « {} »{of}{field} : {hint}attendu l'une de : {}",
                    "unknown value “{}”{of}{field}: {hint}expected one of: {}",
                    shown(found),
                    list(expected)
                ),
            )
        }
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let hint = did_you_mean(found, expected, lang);
            (
                at,
                say!(
                    lang,
                    "champ inconnu « {} »{} : {hint}champs attendus : {}",
                    "unknown field “{}”{}: {hint}expected fields: {}",
                    shown(found),
                    within(outer),
                    list(expected)
                ),
            )
        }
        RonError::MissingStructField { field, outer } => (
            at,
            say!(
                lang,
                "champ obligatoire manquant{} : attendu « {field}: … »",
                "required field missing{}: expected “{field}: …”",
                within(outer)
            ),
        ),
        RonError::DuplicateStructField { field, outer } => (
            at,
            say!(
                lang,
                "le champ « {field} » est écrit deux fois{} : attendu une seule valeur",
                "the field “{field}” is written twice{}: expected a single value",
                within(outer)
            ),
        ),
        RonError::ExpectedStructName(name) => value(&say!(
            lang,
            "le nom de structure « {} » avant « ( »",
            "the structure name “{}” before “(”",
            shown(name)
        )),
        RonError::ExpectedByteLiteral => value(lang.pick("un octet b'…'", "a byte b'…'")),
        RonError::ExpectedByteString => {
            value(lang.pick("une chaîne d'octets b\"…\"", "a byte string b\"…\""))
        }
        RonError::ExpectedRawValue => value(lang.pick("une valeur", "a value")),
        RonError::ExpectedRangeSyntax => value(lang.pick("« .. » ou « ..= »", "“..” or “..=”")),
        RonError::FloatUnderscore | RonError::UnderscoreAtBeginning => syntax(say!(
            lang,
            "« _ » mal placé dans un nombre{}",
            "“_” misplaced in a number{}",
            found(at)
        )),
        RonError::InvalidIntegerDigit { digit, base } => syntax(say!(
            lang,
            "chiffre « {} » invalide dans un nombre en base {base}",
            "digit “{}” not allowed in a number in base {base}",
            shown(&digit.to_string())
        )),
        RonError::InvalidIdentifier(name) | RonError::SuggestRawIdentifier(name) => {
            syntax(say!(
                lang,
                "nom invalide « {} » : attendu un nom de champ ou de valeur en lettres, chiffres et « _ »",
                "invalid name “{}”: expected the name of a field or of a value in letters, digits and “_”",
                shown(name)
            ))
        }
        RonError::Fmt => (at, lang.pick("erreur d'écriture", "writing error").to_string()),
        RonError::Message(m) | RonError::Io(m) => (
            at,
            say!(
                lang,
                "fichier illisible : {}",
                "unreadable file: {}",
                shown(m)
            ),
        ),
        other => syntax(shown(&other.to_string()).to_string()),
    }
}

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
fn bad_number(text: &str, at: usize, lang: Lang) -> Option<(usize, String)> {
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

/// RON's words for a bad escape, in `lang`.
pub(super) fn escape_why(why: &str, lang: Lang) -> String {
    let fr = match why {
        "Unknown escape character" => "caractère d'échappement inconnu",
        "Non-hex digit found" => "chiffre hexadécimal attendu",
        "Missing { in Unicode escape" => "« { » manquant après \\u",
        "No } at the end of Unicode escape" => "« } » manquant à la fin de \\u{…}",
        "Not a valid Unicode-escaped character" => "code Unicode invalide",
        other => other,
    };
    let en = match why {
        "Unknown escape character" => "unknown escape character",
        "Non-hex digit found" => "expected a hexadecimal digit",
        "Missing { in Unicode escape" => "“{” missing after \\u",
        "No } at the end of Unicode escape" => "“}” missing at the end of \\u{…}",
        "Not a valid Unicode-escaped character" => "invalid Unicode code",
        other => other,
    };
    shown(lang.pick(fr, en)).to_string()
}

/// What the end of the file left open: a list, a structure, a string or a comment.
pub(super) fn eof_message(text: &str, lang: Lang) -> String {
    let head = lang.pick(
        "fin de fichier inattendue : le fichier est incomplet (tronqué ?)",
        "unexpected end of file: the file is incomplete (cut short?)",
    );
    let Some((open, at)) = unclosed(text) else {
        return say!(
            lang,
            "{head} ; attendu la suite de l'organigramme",
            "{head}; expected the rest of the chart"
        );
    };
    let (line, column) = line_col(&text.as_bytes()[..at]);
    let what = match (open, lang) {
        ('(', Lang::Fr) => "« ) » pour fermer la parenthèse ouverte",
        ('[', Lang::Fr) => "« ] » pour fermer le crochet ouvert",
        ('{', Lang::Fr) => "« } » pour fermer l'accolade ouverte",
        ('"', Lang::Fr) => "un guillemet « \" » pour fermer la chaîne commencée",
        (_, Lang::Fr) => "« */ » pour fermer le commentaire commencé",
        ('(', Lang::En) => "“)” to close the bracket opened",
        ('[', Lang::En) => "“]” to close the square bracket opened",
        ('{', Lang::En) => "“}” to close the brace opened",
        ('"', Lang::En) => "a double quote “\"” to close the string started",
        (_, Lang::En) => "“*/” to close the comment started",
    };
    say!(
        lang,
        "{head} ; attendu {what} ligne {line}, colonne {column}",
        "{head}; expected {what} on line {line}, column {column}"
    )
}

/// The innermost delimiter, string or comment still open at the end of `text`, with its
/// offset. Bytes, not chars: every delimiter is ASCII and never part of a multibyte char.
pub(super) fn unclosed(text: &str) -> Option<(char, usize)> {
    let b = text.as_bytes();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                loop {
                    match b.get(i) {
                        None => return Some(('"', start)),
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        Some(_) => i += 1,
                    }
                }
            }
            b'r' if (i == 0 || !is_ident_char(b[i - 1] as char))
                && matches!(b.get(i + 1), Some(b'#' | b'"')) =>
            {
                let start = i;
                let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if b.get(open) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                match text[open + 1..].find(&close) {
                    Some(end) => i = open + 1 + end + close.len() - 1,
                    None => return Some(('"', start)),
                }
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match text[i + 2..].find("*/") {
                Some(end) => i += 2 + end + 1,
                None => return Some(('/', i)),
            },
            c @ (b'(' | b'[' | b'{') => stack.push((c as char, i)),
            c @ (b')' | b']' | b'}') => {
                let opener = match c {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                if stack.last().is_some_and(|&(o, _)| o == opener) {
                    stack.pop();
                }
            }
            _ => {}
        }
        i += 1;
    }
    stack.last().copied()
}
