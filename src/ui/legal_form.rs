//! The legal text's two dialogs. « Exporter le projet de texte… » chooses the draft's form
//! before its file is chosen. « Importer un texte… » takes an article pasted from Légifrance
//! or a decree, and shows what was understood, each unit with the words it came from, before
//! anything is added: as a new document, or under the selected unit.

use super::Action;
use crate::i18n::{Lang, Message, say};
use crate::legal::{DraftOptions, Form, Reading};
use crate::model::Hierarchy;
use eframe::egui;

/// Returns whether the dialog is done with (answered or cancelled).
pub fn draft(
    ui: &mut egui::Ui,
    options: &mut DraftOptions,
    lang: Lang,
    out: &mut Vec<Action>,
) -> bool {
    ui.heading(lang.pick("Projet de texte", "Draft legal text"));
    ui.label(lang.pick(
        "Le texte qui fixe la structure : visas, article 1er (ce que comprend l'unité de tête), un article par unité avec ses missions, les instances. DOCX, ODT, Markdown ou texte selon l'extension choisie.",
        "The text that sets up the structure: citations, article 1 (what the head unit comprises), one article per unit with its missions, the bodies. DOCX, ODT, Markdown or text by the extension chosen.",
    ));
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut options.form,
            Form::Decret,
            lang.pick("Décret", "Decree"),
        );
        ui.radio_value(
            &mut options.form,
            Form::Arrete,
            lang.pick("Arrêté", "Order (arrêté)"),
        );
    });
    ui.checkbox(
        &mut options.articles_per_unit,
        lang.pick(
            "Un article « comprend » par unité ayant des sous-unités",
            "One « comprend » article per unit with sub-units",
        ),
    );
    ui.horizontal(|ui| {
        let save = ui
            .button(lang.pick("Enregistrer sous…", "Save as…"))
            .clicked();
        if save {
            out.push(Action::SaveDraft(*options));
        }
        save | ui.button(lang.pick("Annuler", "Cancel")).clicked()
    })
    .inner
}

/// The text pasted, its source, and what it was read into (again whenever either changes).
#[derive(Default)]
pub struct ReadText {
    pub text: String,
    pub source: String,
    read: Option<Result<Reading, Message>>,
}

impl ReadText {
    fn reread(&mut self) {
        self.read = (!self.text.trim().is_empty()).then(|| {
            let source = crate::legal::read::citation(&self.source);
            crate::legal::read(&self.text, &source)
        });
    }
}

/// `under`: the selected unit's name, which the units read may go under.
pub fn read_text(
    ui: &mut egui::Ui,
    form: &mut ReadText,
    under: Option<(&crate::model::Id, &str)>,
    lang: Lang,
    out: &mut Vec<Action>,
) -> bool {
    ui.heading(lang.pick("Importer un texte", "Import a legal text"));
    ui.label(lang.pick(
        "Collez un article (« Le secrétariat général comprend : – … ; – … ») et, pour chaque unité, les paragraphes de ses missions.",
        "Paste an article (« Le secrétariat général comprend : – … ; – … ») and, for each unit, the paragraphs of its missions.",
    ));
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.label(lang.pick("Source :", "Source:"));
        let hint = lang.pick("Arrêté du …, art. 2", "Arrêté du …, art. 2");
        let field = egui::TextEdit::singleline(&mut form.source).hint_text(hint);
        changed |= ui.add(field.desired_width(f32::INFINITY)).changed();
    });
    egui::ScrollArea::vertical()
        .id_salt("pasted")
        .max_height(200.0)
        .show(ui, |ui| {
            let field = egui::TextEdit::multiline(&mut form.text)
                .desired_rows(8)
                .desired_width(f32::INFINITY)
                .hint_text(lang.pick("Texte de l'article…", "The article's text…"));
            changed |= ui.add(field).changed();
        });
    if changed {
        form.reread();
    }
    ui.separator();
    let org = match &form.read {
        None => None,
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e.get(lang));
            None
        }
        Some(Ok(reading)) => {
            understood(ui, reading, lang);
            (!reading.organisation.units.is_empty()).then_some(&reading.organisation)
        }
    };
    ui.horizontal(|ui| {
        let open = ui.add_enabled(
            org.is_some(),
            egui::Button::new(lang.pick("Ouvrir comme nouveau document", "Open as a new document")),
        );
        if open.clicked()
            && let Some(org) = org
        {
            out.push(Action::ImportTable(Box::new(org.clone())));
            return true;
        }
        if let Some((id, name)) = under {
            let text = say!(lang, "Ajouter sous {}", "Add under {}", lang.quote(name));
            if ui
                .add_enabled(org.is_some(), egui::Button::new(text))
                .clicked()
                && let Some(org) = org
            {
                out.push(Action::Graft(Box::new(org.clone()), id.clone()));
                return true;
            }
        }
        ui.button(lang.pick("Annuler", "Cancel")).clicked()
    })
    .inner
}

/// What was understood: the units as a tree, each with its kind, its number of missions and,
/// on hover, the words it came from; then what was not understood.
fn understood(ui: &mut egui::Ui, reading: &Reading, lang: Lang) {
    let org = &reading.organisation;
    let missions: usize = org.units.iter().map(|u| u.missions.len()).sum();
    ui.label(say!(
        lang,
        "Compris : {}, {}",
        "Understood: {}, {}",
        lang.count(org.units.len(), ("unité", "unités"), ("unit", "units")),
        lang.count(missions, ("mission", "missions"), ("mission", "missions"))
    ));
    let tree = Hierarchy::of(org);
    egui::ScrollArea::vertical()
        .id_salt("understood")
        .max_height(260.0)
        .show(ui, |ui| {
            // Depth first, each unit under its parent.
            let mut stack: Vec<(usize, usize)> =
                tree.roots().iter().rev().map(|&r| (r, 0)).collect();
            while let Some((i, depth)) = stack.pop() {
                stack.extend(tree.children(i).iter().rev().map(|&c| (c, depth + 1)));
                let u = &org.units[i];
                let indent = 16.0 * depth as f32;
                let line = format!(
                    "{} · {} — {}",
                    u.kind.label(lang),
                    u.name,
                    lang.count(
                        u.missions.len(),
                        ("mission", "missions"),
                        ("mission", "missions")
                    )
                );
                ui.horizontal(|ui| {
                    ui.add_space(indent);
                    let words = reading.units.get(i).map_or("", |w| w.text.as_str());
                    ui.label(line).on_hover_text(say!(
                        lang,
                        "D'après : « {} »",
                        "From: « {} »",
                        words
                    ));
                });
            }
        });
    if !reading.skipped.is_empty() {
        ui.weak(lang.count(
            reading.skipped.len(),
            ("paragraphe non compris", "paragraphes non compris"),
            ("paragraph not understood", "paragraphs not understood"),
        ))
        .on_hover_text(
            (reading.skipped.iter())
                .map(|w| format!("§{} {}", w.paragraph, w.text))
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
    for note in &reading.notes {
        ui.weak(note.get(lang));
    }
}
