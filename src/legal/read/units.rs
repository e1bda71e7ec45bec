//! The units and missions a reading builds: found again under any spelling of their name,
//! placed under a parent without closing a cycle, within what a file may hold.

use super::{Block, Reader, Reading, Words, key};
use crate::format::{MAX_STRING_BYTES, MAX_UNITS};
use crate::i18n::Message;
use crate::model::{Citation, Id, LegalText, Mission, Unit, UnitKind};

impl Reader {
    /// The unit a subject names: one already read under that name, the current one when the
    /// subject is a shorter form of its name or its head's title, else a new one.
    pub(super) fn resolve(&mut self, name: &str, title: bool, block: &Block) -> Option<usize> {
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
    pub(super) fn unit(
        &mut self,
        name: &str,
        parent: Option<usize>,
        block: &Block,
    ) -> Option<usize> {
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

    pub(super) fn mission(&mut self, u: usize, text: String, block: &Block) {
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
        let source = self.citation();
        let unit = &mut self.reading.organisation.units[u];
        unit.missions.push(Mission {
            text: cut(text).to_string(),
            source,
        });
        self.reading.missions[u].push(Words {
            text: block.text.clone(),
            paragraph: block.paragraph,
        });
    }

    pub(super) fn skip(&mut self, block: &Block) {
        self.reading.skipped.push(Words {
            text: block.text.clone(),
            paragraph: block.paragraph,
        });
    }

    /// What a mission read now cites: the source given, at the article being read; nothing
    /// when neither is known.
    pub(super) fn citation(&self) -> Option<Citation> {
        let known = !self.source.text.is_empty() || !self.article.is_empty();
        known.then(|| Citation {
            text: self.source.text.clone(),
            article: self.article.clone(),
        })
    }

    pub(super) fn finish(mut self) -> Result<Reading, Message> {
        for (u, implied) in self.implied.into_iter().enumerate() {
            if let Some((mission, words)) = implied
                && self.reading.organisation.units[u].missions.is_empty()
            {
                self.reading.organisation.units[u].missions.push(mission);
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
