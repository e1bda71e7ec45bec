//! Modal dialogs: the unsaved-changes guard, deleting a unit, exporting, importing a table,
//! a crashed session's work, a file changed on disk, and errors. A dialog closes when answered; what the answer
//! asks for is an action, applied after the frame.

use super::{
    Action, ExportDialog, ImportDialog, PanelContext, export_form, import_form, legal_form,
};
use crate::doc::ops::Children;
use crate::i18n::Lang;
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
    /// A table read, previewed before it is imported.
    Import(Box<ImportDialog>),
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
    /// The draft legal text's form, before its file is chosen.
    Draft(crate::legal::DraftOptions),
    /// An article pasted, and what it was read into.
    ReadText(Box<legal_form::ReadText>),
}

pub fn show(
    cx: &PanelContext,
    dialog: &mut Option<Dialog>,
    ctx: &egui::Context,
    out: &mut Vec<Action>,
) {
    let Some(current) = dialog.as_mut() else {
        return;
    };
    let lang = cx.lang;
    let mut answered = false;
    let modal = egui::Modal::new(egui::Id::new("dialog")).show(ctx, |ui| {
        // A table's columns side by side need the room.
        let wide = matches!(current, Dialog::Import(_) | Dialog::ReadText(_));
        ui.set_max_width(if wide { 900.0 } else { 520.0 });
        answered = match current {
            Dialog::Unsaved { then } => unsaved(lang, ui, then, out),
            Dialog::Delete { unit } => delete(cx, ui, unit, out),
            Dialog::Export(form) => {
                match export_form::show(ui, form, lang, cx.selected_unit().is_some()) {
                    Some(export_form::Choice::Export) => {
                        out.push(Action::StartExport(Box::new(form.clone())));
                        true
                    }
                    Some(export_form::Choice::Cancel) => true,
                    None => false,
                }
            }
            Dialog::Import(form) => match import_form::show(ui, form, cx.org(), lang) {
                Some(import_form::Choice::Import(org)) => {
                    out.push(Action::ImportTable(org));
                    true
                }
                Some(import_form::Choice::Update(org, columns)) => {
                    let name = form.path.file_name().unwrap_or_default();
                    let name = name.to_string_lossy().into_owned();
                    out.push(Action::UpdateFromTable(org, columns, name));
                    true
                }
                Some(import_form::Choice::Cancel) => true,
                None => false,
            },
            Dialog::Draft(options) => legal_form::draft(ui, options, lang, out),
            Dialog::ReadText(form) => {
                let under = cx.selected_unit().map(|u| {
                    let unit = &cx.org().units[u];
                    (&unit.id, unit.name.as_str())
                });
                legal_form::read_text(ui, form, under, lang, out)
            }
            Dialog::Recover { name, when } => recover(lang, ui, name, *when, out),
            Dialog::ChangedOnDisk => changed_on_disk(lang, ui, out),
            Dialog::Error { title, text } => {
                ui.heading(title.as_str());
                ui.add(egui::Label::new(egui::RichText::new(text.as_str()).monospace()).wrap());
                ui.button("OK").clicked()
            }
        };
    });
    // A recovery copy is only dismissed by its buttons: closing it by accident would let the
    // next autosave overwrite the crashed session's work. The import preview is not closed by
    // a click beside it either, which would lose the meanings chosen for its columns.
    let dismissed = match current {
        Dialog::Recover { .. } => false,
        Dialog::Import(_) | Dialog::ReadText(_) => {
            !modal.backdrop_response.clicked() && modal.should_close()
        }
        _ => modal.should_close(),
    };
    if answered || dismissed {
        *dialog = None;
    }
}

/// A button that sends `action`, labelled with the action's label; tells whether it was
/// pressed. Rows of them are joined with `|`, not `||`, so that every button is drawn.
fn button(lang: Lang, ui: &mut egui::Ui, action: Action, out: &mut Vec<Action>) -> bool {
    let pressed = ui.button(action.label(lang)).clicked();
    if pressed {
        out.push(action);
    }
    pressed
}

fn cancel(lang: Lang, ui: &mut egui::Ui) -> bool {
    ui.button(lang.pick("Annuler", "Cancel")).clicked()
}

fn unsaved(lang: Lang, ui: &mut egui::Ui, then: &Action, out: &mut Vec<Action>) -> bool {
    ui.heading(lang.pick("Modifications non enregistrées", "Unsaved changes"));
    ui.label(lang.pick(
        "Le document a des modifications qui ne sont pas enregistrées.",
        "The document has changes that are not saved.",
    ));
    ui.horizontal(|ui| {
        let then = || Box::new(then.clone());
        button(lang, ui, Action::SaveThen(then()), out)
            | button(lang, ui, Action::DontSave(then()), out)
            | cancel(lang, ui)
    })
    .inner
}

fn delete(cx: &PanelContext, ui: &mut egui::Ui, id: &Id, out: &mut Vec<Action>) -> bool {
    let lang = cx.lang;
    // Gone meanwhile (an undo): nothing to ask about.
    let Some(unit) = cx.doc.hierarchy().unit(id) else {
        return true;
    };
    let name = &cx.org().units[unit].name;
    let below = cx.doc.hierarchy().count_below(unit);
    ui.heading(format!(
        "{} {}",
        lang.pick("Supprimer", "Delete"),
        lang.quote(name)
    ));
    let choices = if below > 0 {
        ui.label(format!(
            "{} {} {}",
            lang.pick("Cette unité a", "This unit has"),
            lang.count(below, ("unité", "unités"), ("unit", "units")),
            lang.pick("en dessous.", "below it.")
        ));
        vec![
            (
                lang.pick("Supprimer avec ses sous-unités", "Delete with its subtree"),
                Children::DeleteThem,
            ),
            (
                lang.pick(
                    "Rattacher ses sous-unités au parent",
                    "Attach its units to the parent",
                ),
                Children::AttachToParent,
            ),
        ]
    } else {
        vec![(lang.pick("Supprimer", "Delete"), Children::DeleteThem)]
    };
    ui.horizontal(|ui| {
        let mut answered = false;
        for (text, children) in choices {
            if ui.button(text).clicked() {
                let unit = id.clone();
                out.push(Action::DeleteUnit { unit, children });
                answered = true;
            }
        }
        answered | cancel(lang, ui)
    })
    .inner
}

fn recover(
    lang: Lang,
    ui: &mut egui::Ui,
    name: &str,
    when: SystemTime,
    out: &mut Vec<Action>,
) -> bool {
    ui.heading(lang.pick(
        "Récupérer le travail non enregistré ?",
        "Recover unsaved work?",
    ));
    ui.label(format!(
        "{} {name} ({}).",
        lang.pick("Une copie de secours de", "A recovery copy of"),
        describe(when, lang)
    ));
    ui.horizontal(|ui| {
        button(lang, ui, Action::Recover(true), out) | button(lang, ui, Action::Recover(false), out)
    })
    .inner
}

fn changed_on_disk(lang: Lang, ui: &mut egui::Ui, out: &mut Vec<Action>) -> bool {
    ui.heading(lang.pick(
        "Le fichier a changé sur le disque",
        "The file changed on disk",
    ));
    ui.label(lang.pick(
        "Quelqu'un d'autre l'a enregistré depuis son ouverture ici. Rien n'a été écrit.",
        "Someone else saved it since it was opened here. Nothing was written.",
    ));
    ui.horizontal(|ui| {
        button(lang, ui, Action::Overwrite, out)
            | button(lang, ui, Action::Reload, out)
            | button(lang, ui, Action::SaveAs, out)
            | cancel(lang, ui)
    })
    .inner
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
