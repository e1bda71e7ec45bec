//! The actions that change the document: each finds what it names by id, builds its edit with
//! `doc::ops` and applies it as one undo step (typing in one field merging into one step).

use super::OrgApp;
use crate::doc::Edit;
use crate::doc::ops::{self, Children};
use crate::model::{Body, Entity, Id, Relation, Unit};
use crate::ui::action::Field;
use crate::ui::{Dialog, Selection};

impl OrgApp {
    /// Applies an edit as one undo step (joining the typing under `merge` if it is still
    /// open); None, or a refusal, means what it named is gone, and the status bar says so.
    pub fn edit(&mut self, edit: Option<Edit>, label: &str, merge: Option<&str>) {
        if edit.is_none_or(|edit| self.doc.apply(edit, label, merge).is_err()) {
            let lang = self.lang();
            self.set_status(
                lang.pick(
                    "Modification impossible : l'élément n'existe plus",
                    "Cannot change it: the item no longer exists",
                ),
                true,
            );
        }
    }

    /// A unit under the selected one, or beside it (`sibling`), selected and named next.
    pub(super) fn add_unit(&mut self, sibling: bool) {
        let lang = self.lang();
        let selected = self.selected_unit();
        let parent = match (sibling, selected) {
            (false, _) => selected,
            // A sibling of nothing would be a second root, placed out of sight.
            (true, None) => return,
            (true, Some(s)) => self.doc.hierarchy().parent(s),
        };
        let name = lang.pick("Nouvelle unité", "New unit");
        let (edit, at) = ops::add_unit(self.doc.org(), self.doc.hierarchy(), parent, name);
        self.edit(
            Some(edit),
            lang.pick("Ajouter une unité", "Add a unit"),
            None,
        );
        self.select_unit(at);
        self.focus_name = true;
    }

    /// Suppr: a unit asks what becomes of its subtree; a body or an entity goes at once, as
    /// the button of its form does (one undo brings it back).
    pub(super) fn ask_delete(&mut self) {
        let lang = self.lang();
        match self.selection.clone() {
            Some(Selection::Unit(unit)) if self.selected().is_some() => {
                self.dialog = Some(Dialog::Delete { unit });
            }
            Some(Selection::Body(id)) => {
                self.remove_body(&id, lang.pick("Supprimer l'instance", "Delete body"))
            }
            Some(Selection::Entity(id)) => self.remove_entity(
                &id,
                lang.pick(
                    "Supprimer l'entité et ses relations",
                    "Delete entity and its relations",
                ),
            ),
            _ => {}
        }
    }

    pub(super) fn duplicate(&mut self) {
        let Some(unit) = self.selected_unit() else {
            return;
        };
        let lang = self.lang();
        let (edit, at) = ops::duplicate_unit(self.doc.org(), unit, lang.pick("(copie)", "(copy)"));
        let label = lang.pick("Dupliquer l'unité", "Duplicate unit");
        self.edit(Some(edit), label, None);
        self.select_unit(at);
    }

    pub(super) fn toggle_fold(&mut self, label: &str) {
        if let Some(unit) = self.selected_unit() {
            let edit = ops::toggle_fold(self.doc.org(), unit);
            self.edit(Some(edit), label, None);
        }
    }

    pub(super) fn reset_positions(&mut self, label: &str) {
        match ops::reset_positions(self.doc.org()) {
            Some(edit) => self.edit(Some(edit), label, None),
            None => {
                let lang = self.lang();
                self.set_status(
                    lang.pick(
                        "Aucune position manuelle à réinitialiser",
                        "No manual position to reset",
                    ),
                    false,
                );
            }
        }
    }

    pub(super) fn set_unit(&mut self, unit: Unit, field: Field, label: &str) {
        let key = field.typing_key(&unit.id);
        let edit = ops::set_unit(self.doc.hierarchy(), unit);
        self.edit(edit, label, Some(&key));
    }

    pub(super) fn set_body(&mut self, body: Body, field: Field, label: &str) {
        let key = field.typing_key(&body.id);
        let edit = ops::set_body(self.doc.org(), body);
        self.edit(edit, label, Some(&key));
    }

    pub(super) fn set_entity(&mut self, entity: Entity, field: Field, label: &str) {
        let key = field.typing_key(&entity.id);
        let edit = ops::set_entity(self.doc.org(), entity);
        self.edit(edit, label, Some(&key));
    }

    pub(super) fn set_header(
        &mut self,
        header: crate::doc::Header,
        typing: Option<&str>,
        label: &str,
    ) {
        self.edit(Some(Edit::SetHeader(Box::new(header))), label, typing);
    }

    /// Puts `unit` under `parent`, and says so; a cycle is refused, and the chart drawn again
    /// (a box dragged onto its own descendant goes back).
    pub(super) fn reparent(&mut self, unit: &Id, parent: &Id, label: &str) {
        let lang = self.lang();
        let tree = self.doc.hierarchy();
        let (Some(u), Some(p)) = (tree.unit(unit), tree.unit(parent)) else {
            return self.edit(None, label, None);
        };
        match ops::reparent(self.doc.org(), tree, u, p) {
            Ok(edit) => {
                self.edit(Some(edit), label, None);
                let units = &self.doc.org().units;
                let text = format!(
                    "{} → {}",
                    lang.quote(&units[u].name),
                    lang.quote(&units[p].name)
                );
                self.set_status(text, false);
            }
            Err(e) => {
                self.set_status(e.message(lang), true);
                self.invalidate_scene();
            }
        }
    }

    pub(super) fn move_unit(&mut self, unit: &Id, from: (f32, f32), to: (f32, f32), label: &str) {
        let tree = self.doc.hierarchy();
        let edit = tree
            .unit(unit)
            .map(|u| ops::move_unit(self.doc.org(), tree, u, from, to));
        self.edit(edit, label, None);
    }

    pub(super) fn delete_unit(&mut self, unit: &Id, children: Children, label: &str) {
        let tree = self.doc.hierarchy();
        let edit = tree
            .unit(unit)
            .map(|u| ops::delete_unit(self.doc.org(), tree, u, children));
        self.edit(edit, label, None);
        self.select(None);
    }

    /// A new body, selected so that the inspector shows it.
    pub(super) fn add_body(&mut self, label: &str) {
        let name = self.lang().pick("Nouvelle instance", "New body");
        let (edit, id) = ops::add_body(self.doc.org(), name);
        self.edit(Some(edit), label, None);
        self.select(Some(Selection::Body(id)));
    }

    pub(super) fn remove_body(&mut self, id: &Id, label: &str) {
        let edit = ops::remove_body(self.doc.org(), id);
        self.edit(edit, label, None);
        self.deselect(id);
    }

    /// A new outside entity, selected so that the inspector shows it.
    pub(super) fn add_entity(&mut self, label: &str) {
        let name = self.lang().pick("Nouvelle entité", "New entity");
        let (edit, id) = ops::add_entity(self.doc.org(), name);
        self.edit(Some(edit), label, None);
        self.select(Some(Selection::Entity(id)));
    }

    pub(super) fn remove_entity(&mut self, id: &Id, label: &str) {
        let edit = ops::remove_entity(self.doc.org(), id);
        self.edit(edit, label, None);
        self.deselect(id);
    }

    pub(super) fn add_relation(&mut self, relation: Relation, label: &str) {
        let edit = ops::add_relation(self.doc.org(), relation);
        self.edit(Some(edit), label, None);
    }

    pub(super) fn remove_relation(&mut self, relation: &Relation, label: &str) {
        let edit = ops::remove_relation(self.doc.org(), relation);
        self.edit(edit, label, None);
    }

    /// Clears the selection if it names what was just removed.
    fn deselect(&mut self, removed: &Id) {
        if matches!(&self.selection, Some(Selection::Body(id) | Selection::Entity(id)) if id == removed)
        {
            self.select(None);
        }
    }
}
