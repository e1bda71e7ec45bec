//! The preview of a table to import (Fichier → Importer un tableau…): its columns, each
//! with the meaning recognised from its header and a list to change it, its first rows, and
//! what the import would have to work around, at its row and column. The structure is built
//! again whenever a meaning changes, so what the dialog says is what « Importer » opens.

use crate::i18n::{Lang, Message, say};
use crate::import::{self, Column, Imported, Table};
use crate::model::Organisation;
use eframe::egui;
use std::path::PathBuf;

/// Rows shown under the headers; the rest are counted.
const PREVIEW_ROWS: usize = 6;
/// Room for every meaning in the list, without a scroll bar (egui's lists stop at 200).
const LIST_HEIGHT: f32 = 400.0;
/// Longer cells are cut in the preview, so that one long missions cell keeps the grid narrow.
const PREVIEW_CHARS: usize = 32;

pub struct ImportDialog {
    pub path: PathBuf,
    pub table: Table,
    pub columns: Vec<Column>,
    /// Import the rows that can be placed even when some cannot.
    pub keep_going: bool,
    built: Result<Imported, Message>,
}

pub enum Choice {
    Import(Box<Organisation>),
    /// Update the document with the table's rows (built over it), whose columns mean these.
    Update(Box<Organisation>, Vec<Column>),
    Cancel,
}

impl ImportDialog {
    pub fn new(path: PathBuf, table: Table) -> Self {
        let columns = import::guess_columns(&table.headers);
        let mut dialog = ImportDialog {
            path,
            table,
            columns,
            keep_going: false,
            built: Err(Message::default()),
        };
        dialog.rebuild();
        dialog
    }

    fn rebuild(&mut self) {
        let stem = self.path.file_stem().unwrap_or_default().to_string_lossy();
        self.built = import::build(&self.table, &self.columns, &stem);
    }
}

/// `existing`: the document open, which the table may update instead.
pub fn show(
    ui: &mut egui::Ui,
    form: &mut ImportDialog,
    existing: &Organisation,
    lang: Lang,
) -> Option<Choice> {
    ui.heading(lang.pick("Importer un tableau", "Import a table"));
    let name = form.path.file_name().unwrap_or_default().to_string_lossy();
    let rows = lang.count(
        form.table.records.len(),
        ("ligne", "lignes"),
        ("row", "rows"),
    );
    match &form.table.sheet {
        Some(sheet) if form.table.sheets.len() > 1 => {
            if let Some(chosen) = sheet_list(ui, form, sheet.clone(), &name, &rows, lang) {
                // Read again from the file: a workbook's other sheet is another table.
                match import::read_path(&form.path, Some(&chosen)) {
                    Ok(table) => *form = ImportDialog::new(form.path.clone(), table),
                    Err(e) => form.built = Err(e),
                }
            }
        }
        Some(sheet) => drop(ui.label(say!(
            lang,
            "{name}, feuille « {sheet} » : {rows}",
            "{name}, sheet “{sheet}”: {rows}"
        ))),
        None => drop(ui.label(format!("{name}{}{rows}", lang.pick(" : ", ": ")))),
    };
    if columns(ui, form, lang) {
        form.rebuild();
    }
    ui.separator();
    let can_import = match &form.built {
        Err(e) => {
            ui.colored_label(ui.visuals().error_fg_color, e.get(lang));
            false
        }
        Ok(built) => problems(ui, built, &mut form.keep_going, lang),
    };
    ui.horizontal(|ui| {
        let import = ui.add_enabled(
            can_import,
            egui::Button::new(lang.pick("Importer", "Import")),
        );
        if import.clicked()
            && let Ok(built) = &form.built
        {
            return Some(Choice::Import(Box::new(built.organisation.clone())));
        }
        let codes = form.columns.contains(&Column::Code);
        let update = ui
            .add_enabled(
                codes && form.built.is_ok(),
                egui::Button::new(lang.pick("Mettre à jour le document…", "Update the document…")),
            )
            .on_hover_text(lang.pick(
                "Les unités dont le code est l'identifiant prennent les valeurs du tableau et gardent le reste (missions, instances, positions) ; les nouveaux codes deviennent des unités. Les changements sont montrés avant d'être appliqués.",
                "Units whose id is a code take the table's values and keep the rest (missions, bodies, positions); new codes become units. The changes are shown before they are applied.",
            ))
            .on_disabled_hover_text(lang.pick(
                "Il faut une colonne « Code » : c'est par leur code que les lignes retrouvent les unités",
                "A “Code” column is needed: rows find their units by code",
            ));
        if update.clicked() {
            // Built again over the document: a row may name one of its units as parent.
            let over = import::build_over(&form.table, &form.columns, existing);
            match over {
                Ok(built) if built.problems.is_empty() || form.keep_going => {
                    let columns = form.columns.clone();
                    return Some(Choice::Update(Box::new(built.organisation), columns));
                }
                // Its own problems, shown for the user to fix or accept.
                other => form.built = other,
            }
        }
        ui.button(lang.pick("Annuler", "Cancel"))
            .clicked()
            .then_some(Choice::Cancel)
    })
    .inner
}

/// A workbook's sheets, the one read chosen; returns another one chosen.
fn sheet_list(
    ui: &mut egui::Ui,
    form: &ImportDialog,
    mut sheet: String,
    name: &str,
    rows: &str,
    lang: Lang,
) -> Option<String> {
    let before = sheet.clone();
    ui.horizontal(|ui| {
        ui.label(format!("{name}{}", lang.pick(", feuille", ", sheet")));
        egui::ComboBox::from_id_salt("import-sheet")
            .selected_text(sheet.as_str())
            .show_ui(ui, |ui| {
                for s in &form.table.sheets {
                    ui.selectable_value(&mut sheet, s.clone(), s.as_str());
                }
            });
        ui.label(format!("{}{rows}", lang.pick(" : ", ": ")));
    });
    (sheet != before).then_some(sheet)
}

/// The grid of columns: header, meaning, first rows. Tells whether a meaning changed.
fn columns(ui: &mut egui::Ui, form: &mut ImportDialog, lang: Lang) -> bool {
    let mut changed = false;
    egui::ScrollArea::horizontal()
        .id_salt("columns")
        .show(ui, |ui| {
            egui::Grid::new("import-columns")
                .striped(true)
                .show(ui, |ui| {
                    for (i, header) in form.table.headers.iter().enumerate() {
                        ui.strong(format!("{} · {header}", form.table.letter(i)));
                    }
                    ui.end_row();
                    for (i, column) in form.columns.iter_mut().enumerate() {
                        egui::ComboBox::from_id_salt(("import-column", i))
                            .selected_text(column.label(lang))
                            .height(LIST_HEIGHT)
                            .show_ui(ui, |ui| {
                                for meaning in Column::ALL {
                                    changed |= ui
                                        .selectable_value(column, meaning, meaning.label(lang))
                                        .changed();
                                }
                            });
                    }
                    ui.end_row();
                    for record in form.table.records.iter().take(PREVIEW_ROWS) {
                        for i in 0..form.table.headers.len() {
                            let cell = record.cells.get(i).map_or("", String::as_str);
                            let mut shown: String = cell.chars().take(PREVIEW_CHARS).collect();
                            if shown.len() < cell.len() {
                                shown.push('…');
                            }
                            ui.label(shown.replace('\n', " ⏎ "));
                        }
                        ui.end_row();
                    }
                });
        });
    changed
}

/// What the import would work around, and the box that accepts it. Tells whether
/// « Importer » may be pressed.
fn problems(ui: &mut egui::Ui, built: &Imported, keep_going: &mut bool, lang: Lang) -> bool {
    let units = built.organisation.units.len();
    let units = lang.count(units, ("unité", "unités"), ("unit", "units"));
    if built.problems.is_empty() {
        ui.label(say!(lang, "{units} à importer.", "{units} to import."));
        return true;
    }
    let count = built.problems.len();
    let count = lang.count(count, ("problème", "problèmes"), ("problem", "problems"));
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!("{count}{}", lang.pick(" :", ":")),
    );
    egui::ScrollArea::vertical()
        .id_salt("problems")
        .max_height(140.0)
        .show(ui, |ui| {
            for p in &built.problems {
                ui.label(p.text(lang));
            }
        });
    ui.checkbox(
        keep_going,
        say!(
            lang,
            "Importer quand même les {units} qui peuvent être placées",
            "Import anyway the {units} that can be placed"
        ),
    );
    *keep_going
}
