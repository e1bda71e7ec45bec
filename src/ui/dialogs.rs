//! Modal dialogs: the unsaved-changes guard, deleting a unit, exporting, and errors.

use super::{Action, ExportDialog};
use crate::app::OrgApp;
use crate::doc::ops::{self, Children};
use crate::model::Id;
use eframe::egui;
use std::time::SystemTime;

/// A modal question or report; one at a time.
pub enum Dialog {
    /// The document has unsaved changes and `then` would discard them.
    Unsaved {
        then: Action,
    },
    /// Delete this unit: with its subtree, or attaching its children to its parent?
    Delete {
        unit: Id,
    },
    Export(ExportDialog),
    /// A file could not be opened or saved; the current document is untouched.
    Error {
        title: String,
        text: String,
    },
    /// A previous session ended without saving, leaving a copy of this document written
    /// then: restore it?
    Recover {
        name: String,
        when: SystemTime,
    },
    /// Someone else saved the file since it was opened here.
    ChangedOnDisk,
}

pub fn show(app: &mut OrgApp, ctx: &egui::Context) {
    let Some(dialog) = app.dialog.take() else {
        return;
    };
    let lang = app.lang();
    let mut keep = true;
    let mut then: Option<Action> = None;
    let mut restore = false;
    let mut export = None;
    let has_selection = app.selected_unit().is_some();
    let mut dialog = dialog;
    let modal =
        egui::Modal::new(egui::Id::new("dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &mut dialog {
                Dialog::Unsaved { then: action } => {
                    ui.heading(lang.pick("Modifications non enregistrées", "Unsaved changes"));
                    ui.label(lang.pick(
                        "Le document a des modifications qui ne sont pas enregistrées.",
                        "The document has changes that are not saved.",
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Enregistrer", "Save")).clicked() {
                            crate::app::files::save(app, false, Some(action.clone()), ctx);
                            keep = false;
                        }
                        if ui
                            .button(lang.pick("Ne pas enregistrer", "Don't save"))
                            .clicked()
                        {
                            then = Some(action.clone());
                            keep = false;
                        }
                        if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
                            keep = false;
                        }
                    });
                }
                Dialog::Delete { unit: id } => 'delete: {
                    // Gone meanwhile (an undo): nothing to ask about.
                    let Some(unit) = app.doc.hierarchy().unit(id) else {
                        keep = false;
                        break 'delete;
                    };
                    let name = app.doc.org().units[unit].name.clone();
                    let below = app.doc.hierarchy().count_below(unit);
                    ui.heading(format!("{} {}", lang.pick("Supprimer", "Delete"), lang.quote(&name)));
                    let mut choice = None;
                    if below > 0 {
                        ui.label(format!(
                            "{} {} {}",
                            lang.pick("Cette unité a", "This unit has"),
                            lang.count(below, ("unité", "unités"), ("unit", "units")),
                            lang.pick("en dessous.", "below it.")
                        ));
                        ui.horizontal(|ui| {
                            if ui
                                .button(lang.pick(
                                    "Supprimer avec ses sous-unités",
                                    "Delete with its subtree",
                                ))
                                .clicked()
                            {
                                choice = Some(Children::DeleteThem);
                            }
                            if ui
                                .button(lang.pick(
                                    "Rattacher ses sous-unités au parent",
                                    "Attach its units to the parent",
                                ))
                                .clicked()
                            {
                                choice = Some(Children::AttachToParent);
                            }
                            if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
                                keep = false;
                            }
                        });
                    } else {
                        ui.horizontal(|ui| {
                            if ui.button(lang.pick("Supprimer", "Delete")).clicked() {
                                choice = Some(Children::DeleteThem);
                            }
                            if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
                                keep = false;
                            }
                        });
                    }
                    if let Some(children) = choice {
                        let edit = ops::delete_unit(app.doc.org(), app.doc.hierarchy(), unit, children);
                        app.edit(edit, lang.pick("Supprimer l'unité", "Delete unit"), None);
                        app.select(None);
                        keep = false;
                    }
                }
                Dialog::Export(form) => match super::export_form::show(ui, form, lang, has_selection) {
                    Some(super::export_form::Choice::Export) => {
                        export = Some(form.clone());
                        keep = false;
                    }
                    Some(super::export_form::Choice::Cancel) => keep = false,
                    None => {}
                },
            Dialog::Recover { name, when } => {
                ui.heading(lang.pick("Récupérer le travail non enregistré ?", "Recover unsaved work?"));
                ui.label(format!(
                    "{} {} ({}).",
                    lang.pick("Une copie de secours de", "A recovery copy of"),
                    name,
                    describe(*when, lang)
                ));
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("Restaurer", "Restore")).clicked() {
                        restore = true;
                        keep = false;
                    }
                    if ui.button(lang.pick("Ignorer", "Discard")).clicked() {
                        if let Some(r) = &mut app.recovery {
                            r.clear();
                        }
                        keep = false;
                    }
                });
            }
            Dialog::ChangedOnDisk => {
                ui.heading(lang.pick("Le fichier a changé sur le disque", "The file changed on disk"));
                ui.label(lang.pick(
                    "Quelqu'un d'autre l'a enregistré depuis son ouverture ici. Rien n'a été écrit.",
                    "Someone else saved it since it was opened here. Nothing was written.",
                ));
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("Écraser", "Overwrite")).clicked() {
                        if let Some(path) = app.doc.path.clone() {
                            app.start_save(&path, None, ui.ctx());
                        }
                        keep = false;
                    }
                    if ui.button(lang.pick("Recharger (perdre mes modifications)", "Reload (lose my changes)")).clicked() {
                        if let Some(path) = app.doc.path.clone() {
                            app.start_open(&path, ui.ctx());
                        }
                        keep = false;
                    }
                    if ui.button(lang.pick("Enregistrer sous…", "Save as…")).clicked() {
                        then = Some(Action::SaveAs);
                        keep = false;
                    }
                    if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
                        keep = false;
                    }
                });
            }
                Dialog::Error { title, text } => {
                    ui.heading(title);
                    ui.add(egui::Label::new(egui::RichText::new(text.as_str()).monospace()).wrap());
                    if ui.button("OK").clicked() {
                        keep = false;
                    }
                }
            }
        });
    // A recovery copy is only dismissed by its buttons: closing it by accident would let the
    // next autosave overwrite the crashed session's work.
    if modal.should_close() && !matches!(dialog, Dialog::Recover { .. }) {
        keep = false;
    }
    match dialog {
        Dialog::Recover { .. } if restore => {
            app.restore_recovered();
            app.set_status(
                lang.pick(
                    "Travail récupéré : enregistrez-le pour le garder",
                    "Work recovered: save it to keep it",
                ),
                false,
            );
        }
        dialog if keep && app.dialog.is_none() => app.dialog = Some(dialog),
        _ => {}
    }
    if let Some(action) = then {
        app.run_unguarded(action, ctx);
    }
    if let Some(form) = export {
        crate::app::files::export(app, &form, ctx);
    }
}

/// "14:05:09 UTC, il y a 3 min": when a recovery copy was written (UTC, as the copy's age
/// matters more than the zone).
pub fn describe(when: SystemTime, lang: crate::i18n::Lang) -> String {
    let secs = when
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let ago = SystemTime::now()
        .duration_since(when)
        .map_or(0, |d| d.as_secs());
    let time = format!(
        "{:02}:{:02}:{:02} UTC",
        (secs / 3600) % 24,
        (secs / 60) % 60,
        secs % 60
    );
    match lang {
        crate::i18n::Lang::Fr => format!("{time}, il y a {} min", ago / 60),
        crate::i18n::Lang::En => format!("{time}, {} min ago", ago / 60),
    }
}
