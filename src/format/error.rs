//! Load errors that name the file, the line and the column, and say what was expected.
//!
//! RON's own messages are English and speak of Rust types (`Expected opening `(` for struct
//! `FileIn``); they are translated here into French that names the field, what was expected
//! and what was found, and syntax errors are pointed at the place a user has to edit.

use crate::model::Issue;
use ron::error::Error as RonError;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// 1-based; `None` when the problem concerns the whole file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub problems: Vec<Problem>,
}

impl LoadError {
    pub(super) fn whole_file(path: &Path, message: String) -> Self {
        Self::in_text(&path.display().to_string(), None, message)
    }

    pub(super) fn in_text(file: &str, at: Option<(usize, usize)>, message: String) -> Self {
        let problem = Problem {
            line: at.map(|a| a.0),
            column: at.map(|a| a.1),
            message,
        };
        LoadError {
            file: file.to_string(),
            problems: vec![problem],
        }
    }

    pub(super) fn at_offset(file: &str, bytes: &[u8], offset: usize, message: String) -> Self {
        Self::in_text(file, Some(line_col(&bytes[..offset])), message)
    }

    /// A parse error of `text`, translated, and placed where the user has to edit.
    pub(super) fn syntax(file: &str, text: &str, e: &ron::error::SpannedError) -> Self {
        let start = offset_of(text, e.span.start.line, e.span.start.col);
        let (at, message) = explain(&e.code, text, start);
        Self::in_text(file, Some(line_col(&text.as_bytes()[..at])), message)
    }

    /// Points each semantic error at the line where the element it names is defined (or, for
    /// an id defined nowhere, where it is referred to). One pass over the text, whatever the
    /// number of errors.
    pub(super) fn semantic(file: &str, text: &str, errors: Vec<Issue>) -> Self {
        let keys = KeyIndex::new(text);
        let lines = LineIndex::new(text);
        let problems = errors
            .into_iter()
            .map(|issue| {
                let mut message = issue.message;
                let mut at = None;
                if let Some(id) = &issue.id {
                    let defined = keys.definitions(id.as_str());
                    if defined.len() > 1 {
                        let numbers: Vec<String> = defined
                            .iter()
                            .map(|&o| lines.line_col(o).0.to_string())
                            .collect();
                        message.push_str(&format!(" (définitions : lignes {})", join_fr(&numbers)));
                    }
                    // An id defined nowhere (a relation's unknown end) is shown where it is used.
                    at = defined
                        .first()
                        .copied()
                        .or_else(|| keys.first_use(id.as_str()))
                        .map(|o| lines.line_col(o));
                }
                Problem {
                    line: at.map(|a| a.0),
                    column: at.map(|a| a.1),
                    message,
                }
            })
            .collect();
        LoadError {
            file: file.to_string(),
            problems,
        }
    }

    /// The first problem's position, for a dialog that shows one place.
    pub fn first_position(&self) -> Option<(usize, usize)> {
        self.problems
            .first()
            .and_then(|p| Some((p.line?, p.column?)))
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match (p.line, p.column) {
                (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, p.message)?,
                _ => write!(f, "{}: {}", self.file, p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// 1-based line and column (in characters) of the end of `before`.
pub(super) fn line_col(before: &[u8]) -> (usize, usize) {
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[start..]).chars().count();
    (line, column)
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[start..];
    let end = rest.find('\n').unwrap_or(rest.len());
    start
        + rest[..end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(end, |(i, _)| i)
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Where ids are written: `id: "sg"` defines, `parent:`, `chair:`, `from:` and `to:` refer
/// (also `id:"sg"` and `id : "sg"`). Offsets are those of the key.
struct KeyIndex<'a> {
    definitions: HashMap<&'a str, Vec<usize>>,
    first_use: HashMap<&'a str, usize>,
}

impl<'a> KeyIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut index = KeyIndex {
            definitions: HashMap::new(),
            first_use: HashMap::new(),
        };
        for (colon, _) in text.match_indices(':') {
            let after = &text[colon + 1..];
            let Some(value) = after.trim_start().strip_prefix('"') else {
                continue;
            };
            let Some(end) = value.find('"') else {
                continue;
            };
            let Some((key_at, key)) = key_before(text, colon + 1) else {
                continue;
            };
            let value = &value[..end];
            match key {
                "id" => index.definitions.entry(value).or_default().push(key_at),
                "parent" | "chair" | "from" | "to" => {
                    index.first_use.entry(value).or_insert(key_at);
                }
                _ => {}
            }
        }
        index
    }

    fn definitions(&self, id: &str) -> &[usize] {
        self.definitions.get(id).map_or(&[], Vec::as_slice)
    }

    fn first_use(&self, id: &str) -> Option<usize> {
        self.first_use.get(id).copied()
    }
}

/// Line and column of many offsets of one text, without counting lines again each time.
struct LineIndex<'a> {
    text: &'a str,
    newlines: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let newlines = text.match_indices('\n').map(|(i, _)| i).collect();
        LineIndex { text, newlines }
    }

    fn line_col(&self, offset: usize) -> (usize, usize) {
        let before = self.newlines.partition_point(|&n| n < offset);
        let start = if before == 0 {
            0
        } else {
            self.newlines[before - 1] + 1
        };
        (before + 1, 1 + self.text[start..offset].chars().count())
    }
}

/// The `key:` written just before `at`, with its offset.
fn key_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text[..at].trim_end().strip_suffix(':')?.trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()?
        .0;
    Some((start, &before[start..]))
}

/// Offset of the first `key:` in the text.
pub(super) fn find_key(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key).map(|(at, _)| at).find(|&at| {
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident_char(c));
        before_ok && text[at + key.len()..].trim_start().starts_with(':')
    })
}

/// "8", "8 et 13", "8, 13 et 18".
fn join_fr(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} et {last}", init.join(", ")),
    }
}

/// What stands at `at`, shortened, for "trouvé « … »"; `None` at the end of the file.
fn token_at(text: &str, at: usize) -> Option<String> {
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
fn found(text: &str, at: usize) -> String {
    match token_at(text, at) {
        Some(token) => format!(", trouvé « {token} »"),
        None => ", trouvé la fin du fichier".to_string(),
    }
}

/// The field whose value starts at `at` (`headcount: "abc"` → `headcount`).
fn field_of_value(text: &str, at: usize) -> Option<&str> {
    key_before(text, at).map(|k| k.1)
}

/// " pour « headcount »" when the value at `at` is a field's.
fn for_field(text: &str, at: usize) -> String {
    field_of_value(text, at)
        .map(|f| format!(" pour « {f} »"))
        .unwrap_or_default()
}

/// The French name of a struct or enum of the file, with its article.
fn thing(rust_name: &str) -> String {
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
fn expected_fr(expected: &str) -> String {
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
fn found_fr(found: &str) -> String {
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

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The candidate a typo most likely meant, if one is close enough: a few letters off
/// (`acronyme`), cut short or lengthened (`sour`, `text_`), or sharing a long start
/// (`Directorate`). Short garbage (`_`, `x`) suggests nothing.
fn closest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    let n = found.chars().count();
    candidates
        .iter()
        .filter_map(|&c| {
            let lower = c.to_lowercase();
            let distance = levenshtein(&found, &lower);
            let common = found
                .chars()
                .zip(lower.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let shorter = n.min(lower.chars().count());
            let near =
                distance <= (n / 3).max(1) || (common == shorter && shorter >= 3) || common >= 5;
            near.then_some((distance, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn list(items: &[&str]) -> String {
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
fn explain(code: &RonError, text: &str, at: usize) -> (usize, String) {
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
            let hint = closest(found, expected)
                .map(|c| format!("vouliez-vous dire « {c} » ? "))
                .unwrap_or_default();
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
            let hint = closest(found, expected)
                .map(|c| format!("vouliez-vous dire « {c} » ? "))
                .unwrap_or_default();
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

fn escape_fr(why: &str) -> &str {
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
fn eof_message(text: &str) -> String {
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
fn unclosed(text: &str) -> Option<(char, usize)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_positions_agree() {
        let text = "ab\nçé x\n";
        let at = offset_of(text, 2, 4);
        assert_eq!(&text[at..at + 1], "x");
        assert_eq!(line_col(&text.as_bytes()[..at]), (2, 4));
        assert_eq!(offset_of(text, 9, 1), text.len());
        let lines = LineIndex::new(text);
        for at in [0, 1, 3, at, text.len()] {
            assert_eq!(lines.line_col(at), line_col(&text.as_bytes()[..at]));
        }
    }

    #[test]
    fn ids_are_found_where_defined_and_used() {
        let text = "(id: \"a\", parent:\"b\")\n(id : \"a\", name: \"id: \\\"b\\\"\")";
        let keys = KeyIndex::new(text);
        assert_eq!(keys.definitions("a"), [1, 23]);
        assert_eq!(keys.definitions("b"), [] as [usize; 0]);
        assert_eq!(keys.first_use("b"), Some(10));
    }

    #[test]
    fn unclosed_finds_the_innermost_opener() {
        assert_eq!(unclosed("( [ (a: \"(\") "), Some(('[', 2)));
        assert_eq!(unclosed("(a: r#\"\")\"#"), Some(('(', 0)));
        assert_eq!(unclosed("(a: \"abc"), Some(('"', 4)));
        assert_eq!(unclosed("()"), None);
    }

    #[test]
    fn typos_find_their_field() {
        assert_eq!(
            closest("acronyme", &["id", "name", "acronym"]),
            Some("acronym")
        );
        assert_eq!(closest("zzz", &["id", "name", "acronym"]), None);
        assert_eq!(closest("_", &["id", "name", "acronym"]), None);
        assert_eq!(closest("sour", &["text", "source"]), Some("source"));
        assert_eq!(
            closest("Directorate", &["Delegation", "Direction", "Service"]),
            Some("Direction")
        );
    }
}
