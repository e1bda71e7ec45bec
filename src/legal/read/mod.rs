//! An article of a decree or arrêté read into a structure: units from « comprend » lists and
//! from the sentences that name them, their parents from the lists' nesting, their missions
//! from the paragraphs about them; every unit and mission with the words it came from, so
//! that the user can see what was understood before anything is added.

mod blocks;
mod clauses;
mod html;
mod phrases;
mod units;

pub use phrases::key;

use crate::i18n::Message;
use crate::model::{Citation, Mission, Organisation, fold};
use blocks::{Block, Kind, Marker};
use clauses::{ItemName, is_intro, item_name, item_text, structure};
use phrases::Subject;
use std::collections::{HashMap, HashSet};

/// Words of the text and the paragraph they are in (1 for the first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Words {
    pub text: String,
    pub paragraph: usize,
}

/// What a text was read into.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    pub organisation: Organisation,
    /// The words that named each unit of `organisation.units`, in the same order.
    pub units: Vec<Words>,
    /// The words of each unit's missions, in the order of its missions.
    pub missions: Vec<Vec<Words>>,
    /// Paragraphs that were about no unit understood.
    pub skipped: Vec<Words>,
    pub notes: Vec<Message>,
}

/// Whether a unit's name says what it does (« Mission chargée des usagers »): read from a
/// list, the name is then also its mission when the text gives it no other.
pub fn implies_mission(name: &str) -> bool {
    fold(name).contains(" charge")
}

/// A mission's words without what only lays it out: a list dash, the « ; », « , » or « . »
/// that ends a list item, spacing. Missions equal under it say the same thing, whether
/// quoted from a paragraph or from a list.
pub fn mission_words(text: &str) -> String {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || "―–—-•".contains(c));
    let text = text.trim_end_matches(|c: char| c.is_whitespace() || ".;,".contains(c));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// « Arrêté du 3 mai 2010, art. 2 » as the text « Arrêté du 3 mai 2010 » and article « 2 ».
pub fn citation(source: &str) -> Citation {
    let source = source.trim();
    let lower = source.to_lowercase();
    for marker in [", art. ", ", article ", " art. ", " article "] {
        if let Some(at) = lower.rfind(marker)
            && source.is_char_boundary(at)
            && source.is_char_boundary(at + marker.len())
        {
            return Citation {
                text: source[..at].trim().to_string(),
                article: source[at + marker.len()..].trim().to_string(),
            };
        }
    }
    Citation {
        text: source.to_string(),
        article: String::new(),
    }
}

/// A list being read: its items' marker and indent once the first is seen, the unit they
/// belong to, and whether they are units or missions.
struct Level {
    signature: Option<(Marker, usize)>,
    owner: usize,
    missions: bool,
    /// Opened by « …, qui comprend : » with no deeper indent to show it (the indent of a
    /// list pasted from a word processor is lost): it lasts while items name units of
    /// another kind than its owner.
    implied: bool,
}

#[derive(Default)]
struct Reader {
    source: Citation,
    article: String,
    reading: Reading,
    by_key: HashMap<String, usize>,
    /// Each unit's key and parent, beside the units.
    keys: Vec<String>,
    parents: Vec<Option<usize>>,
    ids: HashSet<String>,
    /// A mission a unit's name implies (« une mission chargée de … »), kept when the text
    /// gives it no other.
    implied: Vec<Option<(Mission, Words)>>,
    current: Option<usize>,
    levels: Vec<Level>,
    /// The last unit item, whether it opened a list, and of what.
    last_item: Option<(usize, bool, bool)>,
    full: bool,
}

/// Reads `text`, each mission citing `source`, or says why nothing could be read.
pub fn read(text: &str, source: &Citation) -> Result<Reading, Message> {
    let text = blocks::plain(text)?;
    let mut r = Reader {
        source: source.clone(),
        article: source.article.clone(),
        ..Default::default()
    };
    for block in blocks::blocks(&text) {
        r.block(&block);
    }
    r.finish()
}

impl Reader {
    fn block(&mut self, block: &Block) {
        if let Kind::Heading(number) = &block.kind {
            self.article = number.clone();
            self.current = None;
            self.levels.clear();
            return;
        }
        if block.marker.is_some() && !self.levels.is_empty() && self.item(block) {
            return;
        }
        self.levels.clear();
        self.last_item = None;
        if block.marker == Some(Marker::Dash) {
            // An item no list announced: a mission of the unit spoken of, if any.
            let current = self.current;
            match current {
                Some(u) if self.named_item(u, block) => {}
                Some(u) => self.mission(u, item_text(&block.body), block),
                None => self.skip(block),
            }
            return;
        }
        self.paragraph(block);
    }

    /// Places an item in the open lists; `false` when it belongs to none of them.
    fn item(&mut self, block: &Block) -> bool {
        let signature = (block.marker.unwrap_or(Marker::Dash), block.indent);
        let opened = self.last_item.filter(|&(_, opens, _)| opens);
        let kind = crate::import::kind_of_name(&item_name(&block.body).name);
        let units = &self.reading.organisation.units;
        let kind_of = |owner: usize| Some(&units[owner].kind) == kind.as_ref();
        let flat = self
            .levels
            .last()
            .is_some_and(|l| l.signature == Some(signature));
        if self.levels.last().is_some_and(|l| l.signature.is_none()) {
            if let Some(top) = self.levels.last_mut() {
                top.signature = Some(signature);
            }
        } else if let Some((owner, _, false)) = opened.filter(|&(o, ..)| flat && !kind_of(o)) {
            self.levels.push(Level {
                signature: Some(signature),
                owner,
                missions: false,
                implied: true,
            });
        } else if let Some(at) = self
            .levels
            .iter()
            .rposition(|l| l.signature == Some(signature))
        {
            self.levels.truncate(at + 1);
            // « – le département B » after the units of « – le département A, qui
            // comprend : »: back to A's list.
            while let Some(top) = self.levels.last()
                && top.implied
                && kind_of(top.owner)
            {
                self.levels.pop();
            }
        } else if let Some((owner, _, missions)) = opened {
            self.levels.push(Level {
                signature: Some(signature),
                owner,
                missions,
                implied: false,
            });
        } else if let Some(at) = self
            .levels
            .iter()
            .rposition(|l| l.signature.map(|s| s.0) == Some(signature.0))
        {
            self.levels.truncate(at + 1);
        } else {
            return false;
        }
        let Some(level) = self.levels.last() else {
            return false;
        };
        let (owner, missions) = (level.owner, level.missions);
        if missions && self.named_item(owner, block) {
            return true;
        }
        if missions {
            // A numbered part is quoted whole (« I. – Le département … »); a dash only
            // separates items.
            let text = match block.marker {
                Some(Marker::Dash) => &block.body,
                _ => &block.text,
            };
            self.mission(owner, item_text(text), block);
            self.last_item = Some((owner, block.body.trim_end().ends_with(':'), true));
            return true;
        }
        let item = item_name(&block.body);
        let Some(u) = self.unit(&item.name, Some(owner), block) else {
            return true;
        };
        self.item_mission(u, &item, &block.body, block);
        self.last_item = Some((u, item.opens, item.missions_follow));
        self.current = Some(u);
        true
    }

    /// `acronym` stands for unit `u` from now on.
    fn declare(&mut self, u: usize, acronym: &str) {
        let unit = &mut self.reading.organisation.units[u];
        if unit.acronym.is_empty() {
            unit.acronym = acronym.to_string();
        }
        self.by_key.entry(key(acronym)).or_insert(u);
    }

    /// « Délégation X : ce qu'elle fait » in a list about `owner`: a unit under it, with its
    /// mission; `false` for any other item.
    fn named_item(&mut self, owner: usize, block: &Block) -> bool {
        let Some((name, description)) = clauses::named_item(&block.body) else {
            return false;
        };
        if let Some(u) = self.unit(name, Some(owner), block) {
            self.mission(u, item_text(description), block);
        }
        true
    }

    /// A mission the item states (« …, chargé de Y »), or implies by its name.
    fn item_mission(&mut self, u: usize, item: &ItemName, words: &str, block: &Block) {
        let implied = match &item.mission {
            Some(m) => m.clone(),
            None if implies_mission(&item.name) => item_text(words),
            None => return,
        };
        if self.implied[u].is_none() {
            let words = Words {
                text: block.text.clone(),
                paragraph: block.paragraph,
            };
            let mission = Mission {
                text: implied,
                source: self.citation(),
            };
            self.implied[u] = Some((mission, words));
        }
    }

    fn paragraph(&mut self, block: &Block) {
        let body = block.body.as_str();
        let folded = fold(&body[..body.floor_char_boundary(16)]);
        if ["vu ", "le present ", "la presente ", "fait "]
            .iter()
            .any(|p| folded.starts_with(p))
        {
            return self.skip(block);
        }
        let by_key = &self.by_key;
        let (unit, rest) = match phrases::subject(body, &|k| by_key.contains_key(k)) {
            Subject::Pronoun { end } => (self.current, &body[end..]),
            Subject::Named {
                name,
                end,
                title,
                acronym,
            } => {
                let u = self.resolve(&name, title, block);
                if let (Some(u), Some(acronym)) = (u, acronym) {
                    self.declare(u, &acronym);
                }
                (u, &body[end..])
            }
            Subject::None => {
                if let Some(name) = clauses::bare_name(body) {
                    // Listed under the unit spoken of, which stays the one spoken of.
                    self.unit(&name, self.current, block);
                    return;
                }
                (self.current, "")
            }
        };
        let Some(u) = unit else {
            return self.skip(block);
        };
        self.current = Some(u);
        let rest = rest.trim_start_matches([',', ' ']);
        if let Some(object) = structure(rest) {
            let object = object.trim();
            let opener = object.ends_with(':') && object.split(' ').count() <= 5;
            if opener {
                self.levels.push(Level {
                    signature: None,
                    owner: u,
                    missions: false,
                    implied: false,
                });
            } else {
                self.elements(u, object, block, false);
            }
            return;
        }
        if is_intro(rest) {
            self.levels.push(Level {
                signature: None,
                owner: u,
                missions: true,
                implied: false,
            });
            return;
        }
        self.mission(u, block.text.clone(), block);
        // « …; il comprend le centre X, chargé de Y. »
        if let Some(at) = body.find(" comprend ") {
            self.elements(u, &body[at + " comprend ".len()..], block, true);
        }
        if body.trim_end().ends_with(':') {
            self.levels.push(Level {
                signature: None,
                owner: u,
                missions: true,
                implied: false,
            });
        }
    }

    /// The units of an inline « comprend » list, under `parent`; `strict` inside a
    /// sentence, where only a kind word (« le centre … ») says a unit is meant.
    fn elements(&mut self, parent: usize, list: &str, block: &Block, strict: bool) {
        for element in clauses::elements(list) {
            let Some(noun) = phrases::determiner(element) else {
                continue;
            };
            if strict && phrases::kind_at(&element[noun..]).is_none() {
                continue;
            }
            let item = item_name(element);
            if let Some(u) = self.unit(&item.name, Some(parent), block) {
                self.item_mission(u, &item, element, block);
            }
        }
    }
}
