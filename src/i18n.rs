//! The two languages of the interface. French is the default: the users are French
//! administrations. Strings are written in pairs where they are used (`lang.pick("Fichier",
//! "File")`), which keeps each label next to the code that shows it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// `n` and the noun agreeing with it: « 0 instance », « 1 instance », « 2 instances »
    /// (French takes the singular below 2), "0 units", "1 unit", "2 units". Each noun is given
    /// as (singular, plural).
    pub fn count(self, n: usize, fr: (&str, &str), en: (&str, &str)) -> String {
        let noun = match self {
            Lang::Fr if n < 2 => fr.0,
            Lang::Fr => fr.1,
            Lang::En if n == 1 => en.0,
            Lang::En => en.1,
        };
        format!("{n} {noun}")
    }

    /// A name quoted as each language does: « SGMAS » in French, “SGMAS” in English.
    pub fn quote(self, text: &str) -> String {
        match self {
            Lang::Fr => format!("« {text} »"),
            Lang::En => format!("“{text}”"),
        }
    }
}

/// `format!` in the language asked, the French and the English side by side where the
/// message is made: `say!(lang, "{n} unités", "{n} units")`. Only the chosen one is built.
macro_rules! say {
    ($lang:expr, $fr:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Fr => format!($fr $(, $arg)*),
            $crate::i18n::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use say;

/// A message in both languages, for what is found far from where it is shown: a file's
/// errors are found on a reading thread or by the command line, and shown in whichever
/// language the window or the command line speaks when they are read (the window's may
/// change meanwhile). `Display` says it in French, the default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    fr: String,
    en: String,
}

impl Message {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The message `say` makes in each language.
    pub fn each(say: impl Fn(Lang) -> String) -> Self {
        Message {
            fr: say(Lang::Fr),
            en: say(Lang::En),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.fr, &self.en)
    }

    /// Adds `more` at the end, in each language.
    pub fn push(&mut self, more: &Message) {
        self.fr.push_str(&more.fr);
        self.en.push_str(&more.en);
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.fr)
    }
}

/// Text from a file (an id, a name, a token), made safe to print: control characters and
/// the marks that reorder text (U+202E and its kin) are written as escapes (`\u{1b}`), so
/// that a hostile id can neither drive the terminal nor disguise the rest of the message.
pub fn shown(text: &str) -> Shown<'_> {
    Shown(text)
}

pub struct Shown<'a>(&'a str);

/// Characters that change how text is laid out in the terminal rather than showing.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(hidden) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_shown_escaped() {
        let id = "a\u{1b}[2Jb\nc\td\u{202e}é\u{0}";
        assert_eq!(
            shown(id).to_string(),
            "a\\u{1b}[2Jb\\nc\\td\\u{202e}é\\u{0}"
        );
        assert_eq!(
            shown("Secrétariat général").to_string(),
            "Secrétariat général"
        );
    }

    #[test]
    fn a_message_is_said_in_either_language() {
        let n = 3;
        let mut m = Message::each(|lang| say!(lang, "{n} unités", "{n} units"));
        m.push(&Message::new(" !", "!"));
        assert_eq!(
            (m.get(Lang::Fr), m.get(Lang::En)),
            ("3 unités !", "3 units!")
        );
        assert_eq!(m.to_string(), "3 unités !");
    }
}
