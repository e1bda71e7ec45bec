//! The legal text from the window: the draft written to the file chosen, and the units read
//! from a pasted article added under a unit.

use super::OrgApp;
use crate::doc::{Edit, Element};
use crate::i18n::say;
use crate::legal::{DraftFormat, DraftOptions};
use crate::model::{Id, Organisation};
use crate::ui::{Dialog, Selection};
use std::collections::{HashMap, HashSet};
use std::path::Path;

impl OrgApp {
    pub fn write_draft(&mut self, path: &Path, options: &DraftOptions) {
        let lang = self.lang();
        let written = DraftFormat::from_path(path)
            .ok_or_else(|| {
                lang.pick(
                    "extension inconnue : choisissez .docx, .odt, .md ou .txt",
                    "unknown extension: choose .docx, .odt, .md or .txt",
                )
                .to_string()
            })
            .and_then(|format| {
                crate::legal::draft_bytes(self.doc.org(), options, format)
                    .map_err(|e| e.get(lang).to_string())
            })
            .and_then(|bytes| crate::format::write_export(path, &bytes).map_err(|e| e.text(lang)));
        match written {
            Ok(()) => self.set_status(
                say!(
                    lang,
                    "Projet de texte enregistré : {}",
                    "Draft legal text saved: {}",
                    path.display()
                ),
                false,
            ),
            Err(text) => {
                self.dialog = Some(Dialog::Error {
                    title: lang
                        .pick("Projet de texte non enregistré", "Draft not saved")
                        .into(),
                    text,
                })
            }
        }
    }

    /// Adds `org`'s units under unit `parent`, as one step: an id the document already has
    /// is made free, and the units that named it follow.
    pub(super) fn graft(&mut self, org: Organisation, parent: &Id, label: &str) {
        let doc = self.doc.org();
        let mut taken: HashSet<Id> = doc.index().into_keys().cloned().collect();
        let mut renamed: HashMap<Id, Id> = HashMap::new();
        for u in &org.units {
            let mut id = u.id.clone();
            let mut n = 1;
            while taken.contains(&id) {
                id = Id(format!("{}-{n}", u.id));
                n += 1;
            }
            taken.insert(id.clone());
            renamed.insert(u.id.clone(), id);
        }
        let at = doc.units.len();
        let edits = (org.units.into_iter().enumerate())
            .map(|(k, mut u)| {
                u.id = renamed[&u.id].clone();
                u.parent = Some(match &u.parent {
                    Some(p) => renamed.get(p).cloned().unwrap_or_else(|| parent.clone()),
                    None => parent.clone(),
                });
                Edit::Insert(at + k, Element::Unit(Box::new(u)))
            })
            .collect();
        self.edit(Some(Edit::Batch(edits)), label, None);
        let first = self.doc.org().units.get(at).map(|u| u.id.clone());
        self.select(first.map(Selection::Unit));
    }
}
