//! An article of a decree or arrêté read into a structure: units from « comprend » lists and
//! from the sentences that name them, their parents from the lists' nesting, their missions
//! from the paragraphs about them; every unit and mission with the words it came from, so
//! that the user can see what was understood before anything is added.

mod blocks;
mod html;
mod phrases;

pub use phrases::key;

use crate::format::{MAX_STRING_BYTES, MAX_UNITS};
use crate::i18n::Message;
use crate::model::{Citation, Id, LegalText, Mission, Organisation, Unit, UnitKind, fold};
use blocks::{Block, Kind, Marker};
use phrases::{ItemName, Subject, item_name};
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
    implied: Vec<Option<(String, Words)>>,
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
        if self.levels.last().is_some_and(|l| l.signature.is_none()) {
            if let Some(top) = self.levels.last_mut() {
                top.signature = Some(signature);
            }
        } else if let Some(at) = self
            .levels
            .iter()
            .rposition(|l| l.signature == Some(signature))
        {
            self.levels.truncate(at + 1);
        } else if let Some((owner, _, missions)) = opened {
            self.levels.push(Level {
                signature: Some(signature),
                owner,
                missions,
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
        let Some((name, description)) = phrases::named_item(&block.body) else {
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
            self.implied[u] = Some((implied, words));
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
                if let Some(name) = phrases::bare_name(body) {
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
            });
        }
    }

    /// The units of an inline « comprend » list, under `parent`; `strict` inside a
    /// sentence, where only a kind word (« le centre … ») says a unit is meant.
    fn elements(&mut self, parent: usize, list: &str, block: &Block, strict: bool) {
        for element in phrases::elements(list) {
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

    /// The unit a subject names: one already read under that name, the current one when the
    /// subject is a shorter form of its name or its head's title, else a new one.
    fn resolve(&mut self, name: &str, title: bool, block: &Block) -> Option<usize> {
        let k = key(name);
        if let Some(&u) = self.by_key.get(&k) {
            return Some(u);
        }
        let units = &self.reading.organisation.units;
        let keys = &self.keys;
        let shorter = |u: usize| {
            keys[u]
                .strip_prefix(&k)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        };
        if let Some(c) = self.current
            && shorter(c)
        {
            return Some(c);
        }
        if title {
            let kind = crate::import::kind_of_name(name);
            let same = |u: &usize| Some(&units[*u].kind) == kind.as_ref();
            if let Some(u) = self
                .current
                .filter(same)
                .or_else(|| (0..units.len()).rev().find(same))
            {
                return Some(u);
            }
        }
        // A unique unit whose name this shortens; not looked for among thousands, where a
        // hostile paste would make each paragraph scan them all.
        if units.len() <= 2000 {
            let mut matches = (0..units.len()).filter(|&u| shorter(u));
            if let (Some(u), None) = (matches.next(), matches.next()) {
                return Some(u);
            }
        }
        self.unit(name, None, block)
    }

    /// The unit named `name`, read before or new, placed under `parent` when it has none.
    fn unit(&mut self, name: &str, parent: Option<usize>, block: &Block) -> Option<usize> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return None;
        }
        let k = key(&name);
        let u = match self.by_key.get(&k) {
            Some(&u) => u,
            None => {
                if self.reading.organisation.units.len() >= MAX_UNITS {
                    if !self.full {
                        self.full = true;
                        self.reading.notes.push(Message::new(
                            format!("plus de {MAX_UNITS} unités : la suite du texte est ignorée"),
                            format!(
                                "more than {MAX_UNITS} units: the rest of the text is left out"
                            ),
                        ));
                    }
                    return None;
                }
                let id = self.fresh_id(&k);
                let kind = crate::import::kind_of_name(&name).unwrap_or_else(|| {
                    let first = name.split([' ', '\'', '’']).next().unwrap_or_default();
                    UnitKind::Other(crate::legal::french::capitalised(first))
                });
                let org = &mut self.reading.organisation;
                org.units.push(Unit {
                    id,
                    name: cut(&name).to_string(),
                    kind,
                    ..Default::default()
                });
                self.reading.units.push(Words {
                    text: block.text.clone(),
                    paragraph: block.paragraph,
                });
                self.reading.missions.push(Vec::new());
                self.implied.push(None);
                self.keys.push(k.clone());
                self.parents.push(None);
                self.by_key.insert(k, org.units.len() - 1);
                org.units.len() - 1
            }
        };
        if let Some(p) = parent
            && self.reading.organisation.units[u].parent.is_none()
            && !self.is_below(p, u)
        {
            let id = self.reading.organisation.units[p].id.clone();
            self.reading.organisation.units[u].parent = Some(id);
            self.parents[u] = Some(p);
        }
        Some(u)
    }

    /// Whether `unit` is `ancestor` or below it: a parent there would close a cycle.
    fn is_below(&self, unit: usize, ancestor: usize) -> bool {
        let mut at = Some(unit);
        for _ in 0..=self.parents.len() {
            match at {
                Some(u) if u == ancestor => return true,
                Some(u) => at = self.parents[u],
                None => return false,
            }
        }
        true
    }

    fn fresh_id(&mut self, key: &str) -> Id {
        let stem: Vec<&str> = key.split(' ').take(4).collect();
        let stem = match stem.join("-") {
            s if s.is_empty() => "unite".to_string(),
            s => s,
        };
        let id = (1..)
            .map(|n| {
                if n == 1 {
                    stem.clone()
                } else {
                    format!("{stem}-{n}")
                }
            })
            .find(|id| !self.ids.contains(id))
            .unwrap_or_default();
        self.ids.insert(id.clone());
        Id(id)
    }

    fn mission(&mut self, u: usize, text: String, block: &Block) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if text.len() > MAX_STRING_BYTES {
            self.reading.notes.push(Message::new(
                format!(
                    "paragraphe {} : plus de {} Ko, coupé",
                    block.paragraph,
                    MAX_STRING_BYTES / 1024
                ),
                format!(
                    "paragraph {}: over {} KB, cut",
                    block.paragraph,
                    MAX_STRING_BYTES / 1024
                ),
            ));
        }
        let source = Citation {
            text: self.source.text.clone(),
            article: self.article.clone(),
        };
        let unit = &mut self.reading.organisation.units[u];
        unit.missions.push(Mission {
            text: cut(text).to_string(),
            source: Some(source),
        });
        self.reading.missions[u].push(Words {
            text: block.text.clone(),
            paragraph: block.paragraph,
        });
    }

    fn skip(&mut self, block: &Block) {
        self.reading.skipped.push(Words {
            text: block.text.clone(),
            paragraph: block.paragraph,
        });
    }

    fn finish(mut self) -> Result<Reading, Message> {
        for (u, implied) in self.implied.into_iter().enumerate() {
            if let Some((text, words)) = implied
                && self.reading.organisation.units[u].missions.is_empty()
            {
                let source = Citation {
                    text: self.source.text.clone(),
                    article: self.article.clone(),
                };
                self.reading.organisation.units[u].missions.push(Mission {
                    text,
                    source: Some(source),
                });
                self.reading.missions[u].push(words);
            }
        }
        let org = &mut self.reading.organisation;
        if org.units.is_empty() {
            return Err(Message::new(
                "aucune unité reconnue : le texte doit nommer des unités (« Le bureau … est chargé de », « La direction comprend : – … »)",
                "no unit recognised: the text must name units (« Le bureau … est chargé de », « La direction comprend : – … »)",
            ));
        }
        let roots: Vec<&Unit> = org.units.iter().filter(|u| u.parent.is_none()).collect();
        org.name = match roots.as_slice() {
            [root] => root.name.clone(),
            _ if !self.source.text.is_empty() => self.source.text.clone(),
            _ => "Structure lue dans un texte".to_string(),
        };
        if !self.source.text.is_empty() {
            org.legal_texts.push(LegalText {
                reference: self.source.text.clone(),
                article: self.source.article.clone(),
                ..Default::default()
            });
            org.sources.push(self.source.text.clone());
        }
        Ok(self.reading)
    }
}

/// `text` within the longest string a file may hold.
fn cut(text: &str) -> &str {
    &text[..text.floor_char_boundary(MAX_STRING_BYTES)]
}

/// A list item's words without the « ; » or « , » that only separate it from the next.
fn item_text(body: &str) -> String {
    body.trim()
        .trim_end_matches([';', ','])
        .trim_end()
        .to_string()
}

/// What « comprend » (or « se compose de », « regroupe ») introduces, when `rest` starts
/// with it.
fn structure(rest: &str) -> Option<&str> {
    let folded = fold(&rest[..rest.floor_char_boundary(40)]);
    const VERBS: &[&str] = &[
        "comprend",
        "comprennent",
        "se compose de",
        "se composent de",
        "est compose de",
        "est composee de",
        "sont composes de",
        "regroupe",
        "regroupent",
        "est constitue de",
        "est constituee de",
        "est organise en",
        "est organisee en",
    ];
    let verb = VERBS.iter().find(|v| {
        folded.starts_with(*v) && folded[v.len()..].starts_with([' ', ':', ',', '\u{a0}'])
    })?;
    // `fold` keeps one character for one: the verb's length in characters finds its end.
    let end = rest
        .char_indices()
        .nth(verb.chars().count())
        .map_or(rest.len(), |(i, _)| i);
    Some(rest[end..].trim_start_matches([',', ' ']))
}

/// « est chargé de : », « exerce les missions suivantes : »: the missions follow as a list.
fn is_intro(rest: &str) -> bool {
    let Some(words) = rest.trim().strip_suffix(':') else {
        return false;
    };
    let words = fold(words.trim());
    let words = words.replace("notamment ", "");
    [
        "est charge de",
        "est chargee de",
        "sont charges de",
        "sont chargees de",
        "exerce les missions suivantes",
        "exercent les missions suivantes",
        "a pour missions",
        "a pour mission",
        "a pour missions de",
        "a pour mission de",
        "assure les missions suivantes",
        "a les attributions suivantes",
        "a pour attributions",
    ]
    .contains(&words.as_str())
}
