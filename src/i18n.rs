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
}
