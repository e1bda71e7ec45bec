//! Fichier → Comparer avec…: the document drawn against another version of it, as
//! `organigramme diff OLD NEW -o` draws it (removed units as ghosts where they stood, each unit
//! coloured by what became of it), the changes listed beside it, each one click away from its
//! box. The document stays editable in its panels, and every edit compares again; the canvas
//! is read-only meanwhile, since a ghost has nothing to drag. Escape leaves.
//!
//! An update from a table (the import preview's « Mettre à jour le document… ») is shown the
//! same way before it is applied: the document is then the old version, the update the new.

use super::OrgApp;
use crate::diff::chart::{Comparison, Mark};
use crate::diff::render::prose::{self, Element, Section};
use crate::diff::{self, Options};
use crate::doc::{Edit, Element as Change};
use crate::i18n::{Lang, say};
use crate::import::Column;
use crate::model::{Id, Organisation};
use crate::scene::Owner;
use crate::ui::Dialog;
use eframe::egui;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub struct Comparing {
    /// The other version: older than the document, or, while `pending`, what an update would
    /// make of it.
    other: Organisation,
    pub pending: bool,
    /// The document's revision when the comparison began: an update was made from that one.
    since: u64,
    /// The other version's file name.
    pub name: String,
    /// The document's revision and the language the rest was made for.
    made_for: Option<(u64, Lang)>,
    pub compared: Comparison,
    /// What the chart colours, by unit of `compared.org`.
    pub marks: Arc<[Option<Mark>]>,
    /// The report, as the side list shows it.
    pub sections: Vec<Section>,
    /// Units of `compared.org` by id.
    units: HashMap<Id, usize>,
}

impl Comparing {
    fn new(other: Organisation, pending: bool, name: String) -> Self {
        Comparing {
            other,
            pending,
            since: 0,
            name,
            made_for: None,
            compared: Comparison {
                org: Organisation::default(),
                marks: Vec::new(),
                ghosts: HashMap::new(),
            },
            marks: Arc::new([]),
            sections: Vec::new(),
            units: HashMap::new(),
        }
    }

    /// Compares again if the document or the language changed since the last time.
    pub fn update(&mut self, doc: &Organisation, revision: u64, lang: Lang) {
        if self.made_for == Some((revision, lang)) {
            return;
        }
        self.made_for = Some((revision, lang));
        let (old, new) = match self.pending {
            true => (doc, &self.other),
            false => (&self.other, doc),
        };
        let changes = diff::diff(old, new, Options::default());
        self.sections = prose::sections(&changes, lang);
        self.compared = diff::chart::comparison(old, new, Options::default());
        self.marks = self.compared.marks.clone().into();
        self.units = (self.compared.org.units.iter().enumerate())
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
    }

    /// The unit of the comparison chart that is unit `id` of the document.
    pub fn unit(&self, id: &Id) -> Option<usize> {
        self.units.get(id).copied()
    }

    /// Where an element of the list is on the comparison chart: a removed unit at its ghost,
    /// a body at its box; nowhere for a removed body.
    pub fn owner(&self, element: &Element) -> Option<Owner> {
        match element {
            Element::Unit { new: Some(id), .. } => self.unit(id).map(Owner::Unit),
            Element::Unit { old: Some(id), .. } => {
                self.compared.ghosts.get(id).copied().map(Owner::Unit)
            }
            Element::Unit { .. } => None,
            Element::Body(id) => (self.compared.org.bodies.iter())
                .position(|b| &b.id == id)
                .map(Owner::Body),
        }
    }

    pub fn count(&self) -> usize {
        self.sections.iter().map(|s| s.entries.len()).sum()
    }
}

impl OrgApp {
    /// Reads `path` and shows the document against it. Read here rather than on a thread:
    /// the other version is most often the same structure a few changes away, read in a
    /// fraction of a second.
    pub fn start_compare(&mut self, path: &Path) {
        let lang = self.lang();
        let loaded = match crate::format::load_path(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: lang.pick("Comparaison impossible", "Cannot compare").into(),
                    text: e.text(lang),
                });
                return;
            }
        };
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.begin_compare(Comparing::new(loaded.organisation, false, name));
    }

    /// Shows what updating the document with the rows of table `name` would change:
    /// `imported` was built from them over the document, their columns meaning `columns`.
    pub fn preview_update(&mut self, imported: &Organisation, columns: &[Column], name: String) {
        let lang = self.lang();
        match crate::import::update(self.doc.org(), imported, columns) {
            Ok(updated) => self.begin_compare(Comparing::new(updated, true, name)),
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: lang.pick("Mise à jour impossible", "Cannot update").into(),
                    text: e.get(lang).into(),
                })
            }
        }
    }

    /// Applies the update shown, as one step of the history, and leaves the comparison.
    pub fn apply_update(&mut self, label: &str) {
        let Some(c) = self.comparing.as_ref().filter(|c| c.pending) else {
            return;
        };
        if c.since != self.doc.revision {
            // The update was made from the document as it was: applied now, it would undo
            // what was edited since.
            let lang = self.lang();
            let text = lang.pick(
                "Le document a changé depuis l'aperçu : annulez la mise à jour (Échap) et importez de nouveau le tableau",
                "The document changed since the preview: cancel the update (Escape) and import the table again",
            );
            self.set_status(text, true);
            return;
        }
        let units = &self.doc.org().units;
        // An update changes units in place and adds new ones after them (see
        // `import::update`).
        let edits: Vec<Edit> = (c.other.units.iter().enumerate())
            .filter(|&(i, u)| units.get(i) != Some(u))
            .map(|(i, u)| {
                let unit = Change::Unit(Box::new(u.clone()));
                if i < units.len() {
                    Edit::Set(i, unit)
                } else {
                    Edit::Insert(i, unit)
                }
            })
            .collect();
        self.end_compare();
        self.edit(Some(Edit::Batch(edits)), label, None);
    }

    /// The tableau de correspondance from the other version to the document, in the form
    /// the file's extension asks (CSV for spreadsheets by default).
    pub fn write_correspondence(&mut self, path: &Path) {
        let lang = self.lang();
        let Some(c) = &self.comparing else {
            return;
        };
        let table = diff::correspondence(&c.other, self.doc.org(), Options::default());
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let format = match extension.as_deref() {
            Some("md") => diff::render::Format::Markdown,
            Some("txt") => diff::render::Format::Text,
            _ => diff::render::Format::Csv,
        };
        let name = self
            .doc
            .path
            .as_ref()
            .map_or_else(|| self.doc.org().name.clone(), |p| p.display().to_string());
        let text = diff::render::table::render(&table, format, lang, &c.name, &name);
        match crate::format::write_export(path, text.as_bytes()) {
            Ok(()) => self.set_status(
                say!(
                    lang,
                    "Tableau de correspondance enregistré : {}",
                    "Correspondence table saved: {}",
                    path.display()
                ),
                false,
            ),
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: lang
                        .pick("Tableau non enregistré", "Table not saved")
                        .into(),
                    text: e.text(lang),
                })
            }
        }
    }

    fn begin_compare(&mut self, mut comparing: Comparing) {
        let lang = self.lang();
        comparing.since = self.doc.revision;
        comparing.update(self.doc.org(), self.doc.revision, lang);
        let status = match comparing.count() {
            n if comparing.pending => say!(
                lang,
                "Mise à jour depuis {} : {} (Appliquer, ou Échap pour annuler)",
                "Update from {}: {} (Apply, or Escape to cancel)",
                lang.quote(&comparing.name),
                lang.count(n, ("changement", "changements"), ("change", "changes"))
            ),
            0 => say!(
                lang,
                "Aucune différence avec {} (Échap pour quitter la comparaison)",
                "No difference from {} (Escape leaves the comparison)",
                lang.quote(&comparing.name)
            ),
            n => say!(
                lang,
                "Comparaison avec {} : {} (Échap pour quitter)",
                "Compared with {}: {} (Escape to leave)",
                lang.quote(&comparing.name),
                lang.count(n, ("changement", "changements"), ("change", "changes"))
            ),
        };
        self.set_status(status, false);
        self.comparing = Some(comparing);
        self.canvas.read_only = true;
        self.canvas.request_fit();
        self.invalidate_scene();
    }

    pub fn end_compare(&mut self) {
        if self.comparing.take().is_some() {
            self.canvas.read_only = false;
            self.canvas.request_fit();
            self.invalidate_scene();
            self.status = None;
        }
    }

    /// Frames an element of the list on the chart and marks it; selects it in the document
    /// too when it is still there, for the inspector to show.
    pub(super) fn show_change(&mut self, element: &Element, ui: &mut egui::Ui) {
        let Some(owner) = self.comparing.as_ref().and_then(|c| c.owner(element)) else {
            return;
        };
        let in_doc = match element {
            Element::Unit { new: Some(id), .. } => Some(crate::ui::Selection::Unit(id.clone())),
            Element::Body(id) => Some(crate::ui::Selection::Body(id.clone())),
            Element::Unit { .. } => None,
        };
        self.selection = in_doc;
        let item = match owner {
            Owner::Unit(u) => self.scene.unit_item.get(u).copied().flatten(),
            other => self.scene.items.iter().position(|i| i.owner == other),
        };
        if let Some(item) = item {
            let rect = self.scene.items[item].rect;
            self.canvas.select(Some(item));
            self.canvas.focus(ui, rect);
        }
    }
}
