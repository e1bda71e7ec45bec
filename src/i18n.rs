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
