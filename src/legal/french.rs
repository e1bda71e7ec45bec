//! The bits of French grammar and typography a legal text needs: the article before a
//! unit's name (« le département », « la division », « l'observatoire »), its agreement
//! (« chargée »), and the non-breaking spaces of the Imprimerie nationale's rules.

use crate::model::fold;

/// Non-breaking space, before « : » and inside « ».
pub const NBSP: char = '\u{a0}';
/// Narrow non-breaking space, before « ; ! ? ».
pub const NNBSP: char = '\u{202f}';

/// Nouns whose gender the word's ending does not tell.
const FEMININE: &[&str] = &[
    "cellule",
    "division",
    "mission",
    "section",
    "agence",
    "cour",
    "plateforme",
    "ecole",
    "maison",
    "equipe",
    "structure",
    "loi",
    "ordonnance",
    "circulaire",
    "instruction",
    "decision",
    "reunion",
    "instance",
    "conference",
    "commission",
];
const MASCULINE: &[&str] = &["service", "pole", "centre", "comite", "groupe", "cabinet"];
/// Singular nouns ending in s or x.
const SINGULAR_S: &[&str] = &["corps", "bureaux", "cours"];

/// How a noun phrase agrees: its gender and number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub feminine: bool,
    pub plural: bool,
}

impl Agreement {
    /// « chargé », « chargée », « chargés », « chargées ».
    pub fn charged(self) -> &'static str {
        match (self.feminine, self.plural) {
            (false, false) => "chargé",
            (true, false) => "chargée",
            (false, true) => "chargés",
            (true, true) => "chargées",
        }
    }

    /// « est » or « sont ».
    pub fn is(self) -> &'static str {
        if self.plural { "sont" } else { "est" }
    }
}

fn first_word(name: &str) -> &str {
    name.split(|c: char| c.is_whitespace() || matches!(c, '\'' | '’' | '«' | ','))
        .next()
        .unwrap_or_default()
}

/// An acronym keeps its capitals after an article: « le SGMAS », not « le sGMAS ».
pub(crate) fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && word.chars().all(|c| !c.is_lowercase())
}

pub fn agreement(name: &str) -> Agreement {
    let first = first_word(name);
    let word = fold(first);
    let word = word.as_str();
    // An acronym's final S is a letter of it (« SGMAS »), not a plural.
    let plural = !is_acronym(first)
        && !SINGULAR_S.contains(&word)
        && (word.ends_with('s') || word.ends_with('x'));
    let stem = word.trim_end_matches(['s', 'x']);
    let feminine = if MASCULINE.contains(&stem) {
        false
    } else {
        FEMININE.contains(&stem)
            || [
                "tion", "sion", "ure", "ite", "ence", "ance", "ie", "elle", "ee", "ette",
            ]
            .iter()
            .any(|end| stem.ends_with(end))
    };
    Agreement { feminine, plural }
}

/// The determiners a name may already start with (« une mission chargée de … »).
pub const DETERMINERS: &[&str] = &["le ", "la ", "les ", "l'", "l’", "un ", "une ", "des "];

/// A name with a capital first letter: « Département des … ».
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lowered(text: &str) -> String {
    if is_acronym(first_word(text)) {
        return text.to_string();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The name with its definite article, as a sentence's subject or a list item says it:
/// « le département des ressources humaines », « l'observatoire … ». A name that already
/// starts with a determiner keeps it.
pub fn definite(name: &str) -> String {
    let name = name.trim();
    let folded = fold(name);
    if DETERMINERS.iter().any(|d| folded.starts_with(&fold(d))) {
        return lowered(name);
    }
    let Agreement { feminine, plural } = agreement(name);
    let elided = folded.chars().next().is_some_and(|c| "aeiouyh".contains(c));
    let article = match (plural, elided, feminine) {
        (true, _, _) => "les ",
        (false, true, _) => "l'",
        (false, false, true) => "la ",
        (false, false, false) => "le ",
    };
    format!("{article}{}", lowered(name))
}

/// « du département », « de la division », « de l'observatoire », « des missions ».
pub fn of(name: &str) -> String {
    let the = definite(name);
    for (from, to) in [("le ", "du "), ("les ", "des "), ("des ", "de ")] {
        if let Some(rest) = the.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    for elided in ["un ", "une "] {
        if the.starts_with(elided) {
            return format!("d'{the}");
        }
    }
    format!("de {the}")
}

/// « 1er », « 2 », … as French numbers articles.
pub fn ordinal(n: usize) -> String {
    if n == 1 { "1er".into() } else { n.to_string() }
}

/// The text with French spacing: a non-breaking space before « : » and inside « », a narrow
/// one before « ; ! ? », replacing the ordinary space typed there or added where none was.
/// A colon inside a word or a number (« 10:30 », « https:// ») is left alone.
pub fn typeset(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    // Right after « : the spaces typed there give way to the one non-breaking space.
    let mut opened = false;
    for (i, &c) in chars.iter().enumerate() {
        if opened && c.is_whitespace() {
            continue;
        }
        opened = c == '«';
        let next = chars.get(i + 1).copied();
        let after_space = next.is_none_or(|n| n.is_whitespace() || n == '»' || n == ')');
        let space = match c {
            ':' if after_space => Some(NBSP),
            ';' | '!' | '?' if after_space => Some(NNBSP),
            '»' => Some(NBSP),
            _ => None,
        };
        if let Some(space) = space {
            while out.ends_with([' ', NBSP, NNBSP]) {
                out.pop();
            }
            if !out.is_empty() && !out.ends_with(['«', '(', '\n']) {
                out.push(space);
            }
        }
        out.push(c);
        if c == '«' {
            out.push(NBSP);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_take_the_article_of_their_gender_and_number() {
        assert_eq!(
            definite("Département des ressources humaines"),
            "le département des ressources humaines"
        );
        assert_eq!(definite("Division réseaux"), "la division réseaux");
        assert_eq!(
            definite("Observatoire de l'Egalité"),
            "l'observatoire de l'Egalité"
        );
        assert_eq!(definite("SGMAS"), "le SGMAS");
        assert_eq!(definite("Comités techniques"), "les comités techniques");
        assert_eq!(
            definite("une mission de l'administration"),
            "une mission de l'administration"
        );
        assert_eq!(definite("Le Bureau des Temps"), "le Bureau des Temps");
        assert_eq!(of("Secrétariat général"), "du secrétariat général");
        assert_eq!(
            of("Sous-direction des achats"),
            "de la sous-direction des achats"
        );
        assert_eq!(agreement("Délégation générale").charged(), "chargée");
        assert_eq!(agreement("Pôle achats").charged(), "chargé");
    }

    #[test]
    fn punctuation_takes_non_breaking_spaces() {
        assert_eq!(typeset("comprend : a ; b"), "comprend\u{a0}: a\u{202f}; b");
        assert_eq!(typeset("comprend: a;"), "comprend\u{a0}: a\u{202f};");
        assert_eq!(typeset("« stratégie »"), "«\u{a0}stratégie\u{a0}»");
        assert_eq!(typeset("«stratégie»"), "«\u{a0}stratégie\u{a0}»");
        // As pasted from Légifrance, with its own non-breaking spaces.
        assert_eq!(typeset("«\u{a0}x\u{a0}»\u{a0}:"), "«\u{a0}x\u{a0}»\u{a0}:");
        assert_eq!(typeset("à 10:30, https://x.fr"), "à 10:30, https://x.fr");
        assert_eq!(ordinal(1), "1er");
    }
}
