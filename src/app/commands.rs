//! What actions do: the one place where menus, shortcuts, dialogs and the window's parts
//! change the application, once the frame's parts are drawn, with the unsaved-changes guard in
//! front of what would discard work. What changes the document is in `edits.rs`.

use super::{OrgApp, files};
use crate::doc::Document;
use crate::scene;
use crate::ui::canvas::Canvas;
use crate::ui::{Action, Dialog, ExportDialog};
use eframe::egui;

impl OrgApp {
    /// Applies a frame's actions, in the order they were sent.
    pub(super) fn apply(&mut self, actions: Vec<Action>, ui: &mut egui::Ui) {
        if actions.is_empty() {
            return;
        }
        for action in actions {
            self.run(action, ui);
        }
        // The parts were drawn before the actions: the next frame shows what they changed.
        ui.ctx().request_repaint();
    }

    /// Runs `action` now, or first asks what to do with unsaved changes it would discard.
    pub fn guarded(&mut self, action: Action, ctx: &egui::Context) {
        let discards = matches!(
            action,
            Action::New
                | Action::Open
                | Action::OpenPath(_)
                | Action::OpenSample(_)
                | Action::ImportTable(_)
                | Action::Quit
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
            Action::ShowChange(element) => self.show_change(&element, ui),
            Action::ZoomSelection => {
                if let Some(i) = self.selected_item() {
                    let rect = self.scene().items[i].rect;
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
        let label = action.label(lang);
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
            Action::Import => files::import_dialog(self, ctx),
            Action::Compare => files::compare_dialog(self, ctx),
            Action::ChooseLogo => self.choose_logo(ctx),
            Action::EndCompare => self.end_compare(),
            Action::DraftText => self.dialog = Some(Dialog::Draft(Default::default())),
            Action::SaveDraft(options) => files::draft_dialog(self, options, ctx),
            Action::ReadText => self.dialog = Some(Dialog::ReadText(Default::default())),
            Action::Graft(org, parent) => self.graft(*org, &parent, label),
            Action::UpdateFromTable(org, columns, name) => {
                self.preview_update(&org, &columns, name)
            }
            Action::ApplyUpdate => self.apply_update(label),
            Action::SaveCorrespondence => files::correspondence_dialog(self, ctx),
            Action::SettleConflict(conflict, theirs) => self.settle(&conflict, theirs, label),
            Action::ImportTable(org) => {
                let units = lang.count(org.units.len(), ("unité", "unités"), ("unit", "units"));
                self.replace_document(Document::new(*org, None));
                let imported = lang.pick("Importé", "Imported");
                self.set_status(
                    format!("{imported}{}{units}", lang.pick(" : ", ": ")),
                    false,
                );
            }
            Action::Save => files::save(self, false, None, ctx),
            Action::SaveAs => files::save(self, true, None, ctx),
            Action::SaveThen(then) => files::save(self, false, Some(*then), ctx),
            Action::DontSave(then) => self.run_unguarded(*then, ctx),
            Action::Overwrite => {
                if let Some(path) = self.doc.path.clone() {
                    self.start_save(&path, None, ctx);
                }
            }
            Action::Reload => {
                if let Some(path) = self.doc.path.clone() {
                    self.start_open(&path, ctx);
                }
            }
            Action::Recover(restore) => self.answer_recovery(restore),
            Action::Export => self.dialog = Some(Dialog::Export(ExportDialog::new(&self.chart))),
            Action::StartExport(form) => files::export(self, &form, ctx),
            Action::CancelExport => self.cancel_export(),
            Action::CancelOpen => self.cancel_open(),
            Action::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Action::Undo | Action::Redo => self.step_history(action == Action::Undo),
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
                // Its text was written in the other language.
                self.status = None;
                self.invalidate_scene();
            }
            Action::SetMissions(missions) => self.relayout(|c| c.missions = missions),
            Action::SetOrientation(orientation) => self.relayout(|c| c.orientation = orientation),
            Action::SetCompact(compact) => self.relayout(|c| c.compact = compact),
            Action::ShowFrameTimes(open) => self.frames.open = open,
            Action::Select(selection) => self.select(selection),
            Action::AddChild => self.add_unit(false),
            Action::AddSibling => self.add_unit(true),
            Action::Delete => self.ask_delete(),
            Action::Duplicate => self.duplicate(),
            Action::ToggleCollapse => self.toggle_fold(label),
            Action::Relayout => self.reset_positions(label),
            Action::SetUnit(unit, field) => self.set_unit(*unit, field, label),
            Action::SetBody(body, field) => self.set_body(*body, field, label),
            Action::SetEntity(entity, field) => self.set_entity(*entity, field, label),
            Action::SetHeader(header, typing) | Action::SetTexts(header, typing) => {
                self.set_header(*header, typing.as_deref(), label)
            }
            Action::Seal => self.doc.seal(),
            Action::CancelTyping(key) => drop(self.doc.cancel_typing(&key)),
            Action::Reparent { unit, parent } => self.reparent(&unit, &parent, label),
            Action::MoveUnit { unit, from, to } => self.move_unit(&unit, from, to, label),
            Action::DeleteUnit { unit, children } => self.delete_unit(&unit, children, label),
            Action::AddBody => self.add_body(label),
            Action::RemoveBody(id) => self.remove_body(&id, label),
            Action::AddEntity => self.add_entity(label),
            Action::RemoveEntity(id) => self.remove_entity(&id, label),
            Action::AddRelation(relation) => self.add_relation(*relation, label),
            Action::RemoveRelation(relation) => self.remove_relation(&relation, label),
            Action::Present(order) => self.present(order, 0, ctx),
            Action::PresentFrom(step) => self.present(crate::present::Order::Script, step, ctx),
            Action::ShowScript(open) => self.script_open = open,
            Action::SetScript(steps, change) => self.set_script(steps, change, label),
            // The view's actions need the Ui: `run` handles them before this point.
            Action::FitAll
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomSelection
            | Action::ShowChange(_) => {}
        }
    }

    /// Undoes or redoes a step, and says which in the status bar.
    fn step_history(&mut self, back: bool) {
        let lang = self.lang();
        let (label, done) = if back {
            (self.doc.undo_label(), lang.pick("Annulé : ", "Undone: "))
        } else {
            (self.doc.redo_label(), lang.pick("Rétabli : ", "Redone: "))
        };
        let text = format!("{done}{}", label.unwrap_or_default());
        let moved = if back {
            self.doc.undo()
        } else {
            self.doc.redo()
        };
        if moved {
            self.set_status(text, false);
        }
    }

    /// Changes how the chart is laid out, and fits the new one in the view.
    fn relayout(&mut self, change: impl FnOnce(&mut scene::ChartOptions)) {
        change(&mut self.chart);
        self.invalidate_scene();
        self.canvas.request_fit();
    }

    /// Restores what a crashed session left, or forgets it.
    fn answer_recovery(&mut self, restore: bool) {
        let Some(doc) = self.recovered.take() else {
            return;
        };
        if restore {
            self.replace_document(doc);
            let lang = self.lang();
            self.set_status(
                lang.pick(
                    "Travail récupéré : enregistrez-le pour le garder",
                    "Work recovered: save it to keep it",
                ),
                false,
            );
        } else if let Some(r) = &mut self.recovery {
            r.clear();
        }
    }

    /// Shows another document; the history starts afresh.
    pub fn replace_document(&mut self, doc: Document) {
        self.end_compare();
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
        self.canvas = Canvas::default();
    }
}
