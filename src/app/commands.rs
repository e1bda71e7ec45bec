//! What actions do: the one place where menus, shortcuts, dialogs and the canvas change the
//! application, with the unsaved-changes guard in front of what would discard work.

use super::{OrgApp, files};
use crate::doc::{Document, ops};
use crate::scene::{self, Owner};
use crate::ui::{self, Selection, canvas::Canvas};
use crate::ui::{Action, Dialog, ExportDialog};
use eframe::egui;

impl OrgApp {
    /// Runs `action` now, or first asks what to do with unsaved changes it would discard.
    pub fn guarded(&mut self, action: Action, ctx: &egui::Context) {
        let discards = matches!(
            action,
            Action::New | Action::Open | Action::OpenPath(_) | Action::OpenSample(_) | Action::Quit
        );
        if discards && self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then: action });
        } else {
            self.run_unguarded(action, ctx);
        }
    }

    pub fn run(&mut self, action: Action, ui: &mut egui::Ui) {
        match action {
            Action::FitAll => self.canvas.request_fit(),
            Action::ZoomIn => self.canvas.zoom_by(ui, 1.25),
            Action::ZoomOut => self.canvas.zoom_by(ui, 0.8),
            Action::ZoomSelection => {
                if let Some(i) = self.selected_item() {
                    let rect = self.scene.items[i].rect;
                    self.canvas.focus(ui, rect);
                }
            }
            other => {
                let ctx = ui.ctx().clone();
                self.guarded(other, &ctx);
            }
        }
    }

    /// Runs an action without the unsaved-changes guard (the user already answered it).
    pub fn run_unguarded(&mut self, action: Action, ctx: &egui::Context) {
        let lang = self.lang();
        match action {
            Action::New => self.replace_document(Document::new(
                crate::model::Organisation {
                    name: lang
                        .pick("Nouvelle organisation", "New organisation")
                        .into(),
                    ..Default::default()
                },
                None,
            )),
            Action::Open => files::open_dialog(self, ctx),
            Action::OpenPath(path) => self.start_open(&path, ctx),
            Action::OpenSample(i) => files::open_sample(self, i),
            Action::Save => files::save(self, false, None, ctx),
            Action::SaveAs => files::save(self, true, None, ctx),
            Action::Export => self.dialog = Some(Dialog::Export(ExportDialog::new(&self.chart))),
            Action::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Undo => {
                let label = self.doc.undo_label().map(str::to_string);
                if self.doc.undo() {
                    self.set_status(
                        format!(
                            "{} : {}",
                            lang.pick("Annulé", "Undone"),
                            label.unwrap_or_default()
                        ),
                        false,
                    );
                }
            }
            Action::Redo => {
                let label = self.doc.redo_label().map(str::to_string);
                if self.doc.redo() {
                    self.set_status(
                        format!(
                            "{} : {}",
                            lang.pick("Rétabli", "Redone"),
                            label.unwrap_or_default()
                        ),
                        false,
                    );
                }
            }
            // A sibling of nothing would be a second root, placed out of sight.
            Action::AddSibling if self.selected_unit().is_none() => {}
            Action::AddChild | Action::AddSibling => {
                let selected = self.selected_unit();
                let parent = match action {
                    Action::AddChild => selected,
                    _ => selected.and_then(|s| self.doc.hierarchy().parent(s)),
                };
                let (edit, at) = ops::add_unit(
                    self.doc.org(),
                    self.doc.hierarchy(),
                    parent,
                    lang.pick("Nouvelle unité", "New unit"),
                );
                self.edit(edit, lang.pick("Ajouter une unité", "Add a unit"), None);
                self.select_unit(at);
                self.focus_name = true;
            }
            Action::Delete => {
                if let Some(Selection::Unit(unit)) = self.selection.clone() {
                    self.dialog = Some(Dialog::Delete { unit });
                }
            }
            Action::Duplicate => {
                if let Some(unit) = self.selected_unit() {
                    let (edit, at) =
                        ops::duplicate_unit(self.doc.org(), unit, lang.pick("(copie)", "(copy)"));
                    self.edit(edit, lang.pick("Dupliquer l'unité", "Duplicate unit"), None);
                    self.select_unit(at);
                }
            }
            Action::ToggleCollapse => {
                if let Some(unit) = self.selected_unit() {
                    let edit = ops::toggle_fold(self.doc.org(), unit);
                    self.edit(edit, lang.pick("Replier / déplier", "Fold / unfold"), None);
                }
            }
            Action::Relayout => match ops::reset_positions(self.doc.org()) {
                Some(edit) => self.edit(edit, lang.pick("Réorganiser", "Re-layout"), None),
                None => self.set_status(
                    lang.pick(
                        "Aucune position manuelle à réinitialiser",
                        "No manual position to reset",
                    ),
                    false,
                ),
            },
            Action::ToggleTheme => {
                self.settings.dark = !self.settings.dark;
                ctx.set_theme(if self.settings.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            Action::SetChooser(kind) => self.settings.file_chooser = kind,
            // The next scene takes it up (`refresh_scene`), as it follows the selection.
            Action::SetRelations(view) => self.settings.relations = view,
            Action::SetLang(l) => {
                self.settings.lang = l;
                self.invalidate_scene();
            }
            // The view's actions need the Ui: `run` handles them before this point.
            Action::FitAll | Action::ZoomIn | Action::ZoomOut | Action::ZoomSelection => {}
        }
    }

    /// Shows another document; the history starts afresh.
    pub fn replace_document(&mut self, doc: Document) {
        self.chart.missions = scene::MissionsMode::default_for(doc.org().units.len());
        self.chart.root = None;
        self.doc = doc;
        // Nothing of the last document's chart is worth keeping, least of all lines it had
        // still to route.
        self.scene_cache = scene::Cache::with_route_budget(super::ROUTE_BUDGET);
        self.selection = None;
        // A dialog about the previous document (a deletion) must not act on this one.
        self.dialog = None;
        self.scene_revision = None;
        self.outline_rows = None;
        self.search_results = None;
        self.canvas = Canvas::default();
    }

    /// What the canvas reports, turned into selections and edits.
    pub fn apply_canvas_events(&mut self, events: ui::canvas::CanvasEvents) {
        let lang = self.lang();
        if let Some(Owner::Unit(u)) = events.clicked {
            self.select_unit(u);
        } else if events.clicked_empty {
            self.select(None);
        }
        if let Some((unit, from, to, target)) = events.dropped {
            match target {
                Some(parent)
                    if Some(&self.doc.org().units[parent].id)
                        != self.doc.org().units[unit].parent.as_ref() =>
                {
                    match ops::reparent(self.doc.org(), self.doc.hierarchy(), unit, parent) {
                        Ok(edit) => {
                            let label = lang.pick("Rattacher l'unité", "Reparent unit");
                            self.edit(edit, label, None);
                            let units = &self.doc.org().units;
                            let text = format!(
                                "{} → {}",
                                lang.quote(&units[unit].name),
                                lang.quote(&units[parent].name)
                            );
                            self.set_status(text, false);
                        }
                        Err(e) => {
                            self.set_status(e.message(lang), true);
                            self.invalidate_scene();
                        }
                    }
                }
                _ => {
                    let (ox, oy) = self.scene.origin;
                    let edit = ops::move_unit(
                        self.doc.org(),
                        self.doc.hierarchy(),
                        unit,
                        (from.x - ox, from.y - oy),
                        (to.x - ox, to.y - oy),
                    );
                    self.edit(edit, lang.pick("Déplacer l'unité", "Move unit"), None);
                }
            }
            self.select_unit(unit);
        }
    }
}
