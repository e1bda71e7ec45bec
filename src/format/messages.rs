//! The words of load errors: RON's error codes turned into French sentences that name the
//! field, say what was expected and what was found, and suggest the nearest name for a typo.

use super::error::*;
use super::typos::did_you_mean;
use ron::error::Error as RonError;

/// "8", "8 et 13", "8, 13 et 18".
pub(super) fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
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
    Some(if token.chars().count() > MAX {
        let short: String = token.chars().take(MAX).collect();
        format!("{short}…")
    } else {
        token
    })
}

/// ", trouvé « … »" or ", trouvé la fin du fichier".
pub(super) fn found(text: &str, at: usize) -> String {
    match token_at(text, at) {
        Some(token) => format!(", trouvé « {token} »"),
        None => ", trouvé la fin du fichier".to_string(),
    }
}

/// The field whose value starts at `at` (`headcount: "abc"` → `headcount`).
pub(super) fn field_of_value(text: &str, at: usize) -> Option<&str> {
    key_before(text, at).map(|k| k.1)
}

/// " pour « headcount »" when the value at `at` is a field's.
pub(super) fn for_field(text: &str, at: usize) -> String {
    field_of_value(text, at)
        .map(|f| format!(" pour « {f} »"))
        .unwrap_or_default()
}

/// The French name of a struct or enum of the file, with its article.
pub(super) fn thing(rust_name: &str) -> String {
    match rust_name {
        "FileIn" | "VersionProbe" => "le fichier",
        "Organisation" => "l'organisation",
        "Headcount" => "l'effectif",
        "LegalText" => "un texte juridique",
        "BudgetProgramme" => "un programme budgétaire",
        "Head" => "le responsable (head)",
        "Citation" => "une source",
        "Mission" => "une mission",
        "Position" => "une position",
        "Unit" => "une unité",
        "Body" => "une instance",
        "Relation" => "une relation",
        "Entity" => "une entité extérieure",
        "UnitKind" => "le type d'unité",
        "BodyKind" => "le type d'instance",
        "RelationKind" => "le type de relation",
        "EntityKind" => "le type d'entité",
        other => return format!("« {other} »"),
    }
    .to_string()
}

/// Serde's description of an expected type ("u32", "a string", "struct Unit"), in French.
pub(super) fn expected_fr(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "un nombre entier positif".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier".into(),
        "f32" | "f64" => "un nombre décimal".into(),
        "a string" | "a borrowed string" => "une chaîne de caractères entre guillemets".into(),
        "a boolean" => "true ou false".into(),
        "a sequence" => "une liste [ … ]".into(),
        "option" => "une valeur ou None".into(),
        _ => match expected
            .strip_prefix("struct ")
            .or_else(|| expected.strip_prefix("enum "))
        {
            Some(name) => thing(name),
            None => format!("« {expected} »"),
        },
    }
}

/// RON's description of a value found ("the string \"abc\""), in French.
pub(super) fn found_fr(found: &str) -> String {
    let prefixes = [
        ("the string ", "la chaîne "),
        ("the unsigned integer ", "le nombre "),
        ("the signed integer ", "le nombre "),
        ("the floating point number ", "le nombre "),
        ("the boolean ", ""),
        ("the UTF-8 character ", "le caractère "),
    ];
    for (en, fr) in prefixes {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{fr}{}", rest.trim_matches('`'));
        }
    }
    match found {
        "a sequence" => "une liste".into(),
        "a map" => "une table { … }".into(),
        "a unit value" => "()".into(),
        "an optional value" => "une valeur optionnelle".into(),
        "an enum" | "a unit variant" | "a newtype variant" | "a tuple variant"
        | "a struct variant" => "une variante".into(),
        other => other.to_string(),
    }
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

/// The message for a RON error, and the offset it should point at.
pub(super) fn explain(code: &RonError, text: &str, at: usize) -> (usize, String) {
    // RON's span may start on the blanks before the offending token.
    let at = at + (text[at..].len() - text[at..].trim_start().len());
    let syntax = |what: String| (at, format!("erreur de syntaxe : {what}"));
    let value = |what: &str| {
        (
            at,
            format!(
                "valeur invalide{} : attendu {what}{}",
                for_field(text, at),
                found(text, at)
            ),
        )
    };
    match code {
        // At the end of what was written, not on the blank lines after it.
        RonError::Eof => (text.trim_end().len(), eof_message(text)),
        RonError::ExpectedComma => {
            // RON stops on the next token; the comma is missing right after the previous one.
            let end = text[..at].trim_end().len();
            let next = token_at(text, at)
                .map(|t| format!(", avant « {t} »"))
                .unwrap_or_default();
            (
                end,
                format!("erreur de syntaxe : attendu une virgule « , » après cette valeur{next}"),
            )
        }
        RonError::ExpectedArrayEnd => syntax(format!(
            "attendu « ] » pour fermer la liste, ou une virgule « , » entre deux éléments{}",
            found(text, at)
        )),
        RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => syntax(format!(
            "attendu « ) » pour fermer la structure, ou une virgule « , » entre deux champs{}",
            found(text, at)
        )),
        RonError::ExpectedMapEnd => syntax(format!("attendu « }} »{}", found(text, at))),
        RonError::ExpectedMapColon => {
            let end = text[..at].trim_end().len();
            (
                end,
                format!(
                    "erreur de syntaxe : attendu « : » après le nom du champ{}",
                    found(text, at)
                ),
            )
        }
        RonError::ExpectedIdentifier => syntax(format!(
            "attendu un nom de champ (par exemple « name: ») ou de valeur{}",
            found(text, at)
        )),
        RonError::ExpectedStringEnd => (
            at,
            "chaîne de caractères jamais fermée (elle commence ici) : attendu un guillemet fermant « \" » ; le fichier est-il tronqué ?".to_string(),
        ),
        RonError::UnclosedBlockComment => syntax(
            "commentaire « /* » jamais fermé : attendu « */ »".to_string(),
        ),
        RonError::UnclosedLineComment => syntax("commentaire « // » non terminé".to_string()),
        RonError::ExpectedAttribute => syntax(format!(
            "attendu un attribut « #![enable(…)] »{}",
            found(text, at)
        )),
        RonError::ExpectedAttributeEnd => {
            syntax("attendu « )] » pour fermer l'attribut « #![enable(…)] »".to_string())
        }
        RonError::NoSuchExtension(name) => syntax(format!(
            "extension RON inconnue « {name} » : attendu « implicit_some »"
        )),
        RonError::InvalidEscape(why) => syntax(format!(
            "séquence d'échappement invalide dans une chaîne ({}) : attendu \\\\, \\\", \\n, \\t ou \\u{{…}} ; pour écrire une barre oblique inverse, doublez-la (\\\\)",
            escape_fr(why)
        )),
        RonError::UnexpectedChar(c) => syntax(format!("caractère inattendu « {c} »")),
        RonError::TrailingCharacters => (
            at,
            format!(
                "texte en trop après la fin de l'organigramme : attendu la fin du fichier après la dernière « ) »{}",
                found(text, at)
            ),
        ),
        RonError::ExceededRecursionLimit => (
            at,
            format!(
                "imbrication trop profonde : plus de {} niveaux de parenthèses ou de crochets (attendu : la structure d'un organigramme)",
                super::MAX_NESTING
            ),
        ),
        RonError::Utf8Error(_) => (at, "texte invalide : pas de l'UTF-8".to_string()),
        RonError::ExpectedString => value("une chaîne de caractères entre guillemets (\"…\")"),
        RonError::ExpectedInteger => value("un nombre entier (par exemple 42)"),
        RonError::IntegerOutOfBounds => {
            value("un nombre entier positif d'au plus 4294967295 (sans signe moins)")
        }
        RonError::ExpectedFloat => value("un nombre décimal (par exemple 120.5)"),
        RonError::ExpectedBoolean => value("true ou false"),
        RonError::ExpectedOption => value("une valeur ou None"),
        RonError::ExpectedArray => value("une liste entre crochets [ … ]"),
        RonError::ExpectedStructLike if text[at..].starts_with("Other") => {
            value("Other(\"…\"), avec le libellé entre parenthèses")
        }
        RonError::ExpectedStructLike => value("« ( » ouvrant une structure"),
        RonError::ExpectedUnit => value("« () »"),
        RonError::ExpectedChar => value("un caractère entre apostrophes"),
        RonError::ExpectedMap => value("« { »"),
        RonError::ExpectedNamedStructLike(name) if *name == "FileIn" => (
            at,
            format!(
                "ce n'est pas un organigramme : attendu « ( » au début du fichier, comme dans « ( version: {}, organisation: ( … ) ) »{}",
                super::CURRENT_VERSION,
                found(text, at)
            ),
        ),
        RonError::ExpectedNamedStructLike(name) => {
            value(&format!("« ( » pour ouvrir {}", thing(name)))
        }
        RonError::InvalidValueForType { expected, found } => (
            at,
            format!(
                "valeur invalide{} : attendu {}, trouvé {}",
                for_field(text, at),
                expected_fr(expected),
                found_fr(found)
            ),
        ),
        RonError::ExpectedDifferentLength { expected, found } => value(&format!(
            "{} (trouvé {found} élément(s))",
            expected_fr(expected)
        )),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let of = outer
                .as_deref()
                .map(|o| format!(" pour {}", thing(o)))
                .unwrap_or_default();
            let field = field_of_value(text, at)
                .map(|f| format!(" (champ « {f} »)"))
                .unwrap_or_default();
            let hint = did_you_mean(found, expected);
            (
                at,
                format!(
                    "valeur inconnue « {found} »{of}{field} : {hint}attendu l'une de : {}",
                    list(expected)
                ),
            )
        }
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let within = outer
                .as_deref()
                .map(|o| format!(" dans {}", thing(o)))
                .unwrap_or_default();
            let hint = did_you_mean(found, expected);
            (
                at,
                format!(
                    "champ inconnu « {found} »{within} : {hint}champs attendus : {}",
                    list(expected)
                ),
            )
        }
        RonError::MissingStructField { field, outer } => {
            let within = outer
                .as_deref()
                .map(|o| format!(" dans {}", thing(o)))
                .unwrap_or_default();
            (
                at,
                format!("champ obligatoire manquant{within} : attendu « {field}: … »"),
            )
        }
        RonError::DuplicateStructField { field, outer } => {
            let within = outer
                .as_deref()
                .map(|o| format!(" dans {}", thing(o)))
                .unwrap_or_default();
            (
                at,
                format!("le champ « {field} » est écrit deux fois{within} : attendu une seule valeur"),
            )
        }
        // `text: …` where a list wants `(text: …)`: RON took `text` for a struct's name.
        RonError::ExpectedDifferentStructName { expected, .. } => {
            value(&format!("« ( » pour ouvrir {}", thing(expected)))
        }
        RonError::ExpectedStructName(name) => {
            value(&format!("le nom de structure « {name} » avant « ( »"))
        }
        RonError::ExpectedByteLiteral => value("un octet b'…'"),
        RonError::ExpectedByteString => value("une chaîne d'octets b\"…\""),
        RonError::ExpectedRawValue => value("une valeur"),
        RonError::ExpectedRangeSyntax => value("« .. » ou « ..= »"),
        RonError::FloatUnderscore | RonError::UnderscoreAtBeginning => syntax(format!(
            "« _ » mal placé dans un nombre{}",
            found(text, at)
        )),
        RonError::InvalidIntegerDigit { digit, base } => syntax(format!(
            "chiffre « {digit} » invalide dans un nombre en base {base}"
        )),
        RonError::InvalidIdentifier(name) | RonError::SuggestRawIdentifier(name) => syntax(
            format!("nom invalide « {name} » : attendu un nom de champ ou de valeur en lettres, chiffres et « _ »"),
        ),
        RonError::Fmt => (at, "erreur d'écriture".to_string()),
        RonError::Message(m) | RonError::Io(m) => (at, format!("fichier illisible : {m}")),
        other => syntax(other.to_string()),
    }
}

pub(super) fn escape_fr(why: &str) -> &str {
    match why {
        "Unknown escape character" => "caractère d'échappement inconnu",
        "Non-hex digit found" => "chiffre hexadécimal attendu",
        "Missing { in Unicode escape" => "« { » manquant après \\u",
        "No } at the end of Unicode escape" => "« } » manquant à la fin de \\u{…}",
        "Not a valid Unicode-escaped character" => "code Unicode invalide",
        other => other,
    }
}

/// What the end of the file left open: a list, a structure, a string or a comment.
pub(super) fn eof_message(text: &str) -> String {
    let head = "fin de fichier inattendue : le fichier est incomplet (tronqué ?)";
    let Some((open, at)) = unclosed(text) else {
        return format!("{head} ; attendu la suite de l'organigramme");
    };
    let (line, column) = line_col(&text.as_bytes()[..at]);
    let what = match open {
        '(' => "« ) » pour fermer la parenthèse ouverte",
        '[' => "« ] » pour fermer le crochet ouvert",
        '{' => "« } » pour fermer l'accolade ouverte",
        '"' => "un guillemet « \" » pour fermer la chaîne commencée",
        _ => "« */ » pour fermer le commentaire commencé",
    };
    format!("{head} ; attendu {what} ligne {line}, colonne {column}")
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
