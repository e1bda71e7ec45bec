//! The words of load errors: RON's error codes turned into sentences, in French or in
//! English, that name the field, say what was expected and what was found, and suggest the
//! nearest name for a typo. Text taken from the file is shown escaped.

use super::typos::did_you_mean;
use crate::i18n::{Lang, say, shown};
use ron::error::Error as RonError;

mod ends;
mod numbers;
mod words;

pub(in crate::format) use ends::{eof_message, escape_why};
use numbers::bad_number;
pub(in crate::format) use words::*;

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
