//! Modal dialogs: the unsaved-changes guard, deleting a unit, exporting, and errors.

use crate::app::{Action, Dialog, ExportDialog, OrgApp};
use crate::doc::ops::{self, Children};
use crate::export::png::Paper;
use crate::layout::Orientation;
use crate::scene::MissionsMode;
use eframe::egui;

pub fn show(app: &mut OrgApp, ctx: &egui::Context) {
    let Some(dialog) = app.dialog.take() else {
        return;
    };
    let lang = app.lang();
    let mut keep = true;
    let mut then: Option<Action> = None;
    let mut restore = false;
    let modal =
        egui::Modal::new(egui::Id::new("dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            match &dialog {
                Dialog::Unsaved { then: action } => {
                    ui.heading(lang.pick("Modifications non enregistrées", "Unsaved changes"));
                    ui.label(lang.pick(
                        "Le document a des modifications qui ne sont pas enregistrées.",
                        "The document has changes that are not saved.",
                    ));
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("Enregistrer", "Save")).clicked() {
                            crate::app::save_then(app, action.clone(), ctx);
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
                Dialog::Delete { unit } if *unit >= app.doc.org.units.len() => keep = false,
                Dialog::Delete { unit } => {
                    let name = app
                        .doc
                        .org
                        .units
                        .get(*unit)
                        .map(|u| u.name.clone())
                        .unwrap_or_default();
                    let below = app.doc.hierarchy().count_below(*unit);
                    ui.heading(format!("{} « {name} »", lang.pick("Supprimer", "Delete")));
                    let mut choice = None;
                    if below > 0 {
                        ui.label(format!(
                            "{} {below} {}",
                            lang.pick("Cette unité a", "This unit has"),
                            lang.pick("unité(s) en dessous.", "unit(s) below it.")
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
                        let edit = ops::delete_unit(&app.doc.org, app.doc.hierarchy(), *unit, children);
                        app.edit(edit, lang.pick("Supprimer l'unité", "Delete unit"), None);
                        app.select(None);
                        keep = false;
                    }
                }
                Dialog::Export(_) => {}
            Dialog::Recover(found) => {
                ui.heading(lang.pick("Récupérer le travail non enregistré ?", "Recover unsaved work?"));
                ui.label(format!(
                    "{} {} ({}).",
                    lang.pick("Une copie de secours de", "A recovery copy of"),
                    found.doc.org.name,
                    crate::app::recovery::describe(found.when)
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
                            crate::app::files::save_to(app, &path);
                        }
                        keep = false;
                    }
                    if ui.button(lang.pick("Recharger (perdre mes modifications)", "Reload (lose my changes)")).clicked() {
                        if let Some(path) = app.doc.path.clone() {
                            crate::app::files::open_path(app, &path);
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
                    ui.add(egui::Label::new(egui::RichText::new(text).monospace()).wrap());
                    if ui.button("OK").clicked() {
                        keep = false;
                    }
                }
            }
        });
    if let Dialog::Export(mut export) = dialog {
        keep = export_window(app, ctx, &mut export);
        if keep {
            app.dialog = Some(Dialog::Export(export));
        }
        return;
    }
    // A recovery copy is only dismissed by its buttons: closing it by accident would let the
    // next autosave overwrite the crashed session's work.
    if modal.should_close() && !matches!(dialog, Dialog::Recover(_)) {
        keep = false;
    }
    match dialog {
        Dialog::Recover(found) if restore => {
            app.replace_document(found.doc);
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
}

/// Returns whether the window stays open.
fn export_window(app: &mut OrgApp, ctx: &egui::Context, d: &mut ExportDialog) -> bool {
    use crate::app::files::ExportFormat;
    let lang = app.lang();
    let mut open = true;
    let mut go = false;
    egui::Window::new(lang.pick("Exporter le schéma", "Export the chart"))
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            egui::Grid::new("export").num_columns(2).show(ui, |ui| {
                ui.label(lang.pick("Format", "Format"));
                ui.horizontal(|ui| {
                    ui.radio_value(&mut d.format, ExportFormat::Png, "PNG");
                    ui.radio_value(&mut d.format, ExportFormat::Svg, "SVG");
                });
                ui.end_row();
                if d.format == ExportFormat::Png {
                    ui.label(lang.pick("Taille", "Size"));
                    egui::ComboBox::from_id_salt("paper")
                        .selected_text(paper_label(d.paper, lang))
                        .show_ui(ui, |ui| {
                            for p in [
                                None,
                                Some((Paper::A4, false)),
                                Some((Paper::A4, true)),
                                Some((Paper::A3, false)),
                                Some((Paper::A3, true)),
                            ] {
                                ui.selectable_value(&mut d.paper, p, paper_label(p, lang));
                            }
                        });
                    ui.end_row();
                    if d.paper.is_some() {
                        ui.label(lang.pick("Résolution (ppp)", "Resolution (dpi)"));
                        ui.add(egui::DragValue::new(&mut d.dpi).range(72.0..=600.0));
                    } else {
                        ui.label(lang.pick("Échelle", "Scale"));
                        ui.add(
                            egui::DragValue::new(&mut d.scale)
                                .range(0.25..=8.0)
                                .speed(0.05),
                        );
                    }
                    ui.end_row();
                }
                ui.label(lang.pick("Orientation", "Orientation"));
                ui.horizontal(|ui| {
                    ui.radio_value(
                        &mut d.orientation,
                        Orientation::TopDown,
                        lang.pick("de haut en bas", "top-down"),
                    );
                    ui.radio_value(
                        &mut d.orientation,
                        Orientation::LeftRight,
                        lang.pick("de gauche à droite", "left-right"),
                    );
                });
                ui.end_row();
                ui.label(lang.pick("Missions", "Missions"));
                egui::ComboBox::from_id_salt("export-missions")
                    .selected_text(super::chart::missions_label(d.missions, lang))
                    .show_ui(ui, |ui| {
                        for m in [MissionsMode::None, MissionsMode::First, MissionsMode::Full] {
                            ui.selectable_value(
                                &mut d.missions,
                                m,
                                super::chart::missions_label(m, lang),
                            );
                        }
                    });
                ui.end_row();
                ui.label(lang.pick("Partie", "Part"));
                ui.add_enabled(
                    app.selection.is_some(),
                    egui::Checkbox::new(
                        &mut d.only_selection,
                        lang.pick(
                            "l'unité sélectionnée et ses sous-unités",
                            "the selected unit and below",
                        ),
                    ),
                );
                ui.end_row();
                ui.label(lang.pick("Fond", "Background"));
                ui.checkbox(&mut d.transparent, lang.pick("transparent", "transparent"));
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui.button(lang.pick("Exporter…", "Export…")).clicked() {
                    go = true;
                }
                if ui.button(lang.pick("Annuler", "Cancel")).clicked() {
                    open = false;
                }
            });
        });
    if go {
        crate::app::files::export(app, d);
        open = false;
    }
    open
}

fn paper_label(p: Option<(Paper, bool)>, lang: crate::i18n::Lang) -> String {
    match p {
        None => lang.pick("échelle libre", "free scale").into(),
        Some((paper, landscape)) => {
            let name = if paper == Paper::A4 { "A4" } else { "A3" };
            format!(
                "{name} {}",
                if landscape {
                    lang.pick("paysage", "landscape")
                } else {
                    lang.pick("portrait", "portrait")
                }
            )
        }
    }
}
