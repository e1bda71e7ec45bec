//! The list beside a comparison's chart: the report of what changed, section by section,
//! each unit and body one click away from its box.

use super::Action;
use crate::diff::render::prose::{Entry, Section, Span};
use crate::i18n::Lang;
use eframe::egui::{self, Color32, RichText, text::LayoutJob};

/// What the list shows: the other version's file name and the report.
#[derive(Clone, Copy)]
pub struct List<'a> {
    pub name: &'a str,
    pub sections: &'a [Section],
    /// An update from a table, not applied yet: the list offers to apply it.
    pub pending: bool,
}

pub fn show(list: &List, lang: Lang, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    egui::Panel::left("changes")
        .default_size(320.0)
        .size_range(200.0..=560.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.add_space(4.0);
            let (title, with) = match list.pending {
                true => (
                    lang.pick("Mise à jour", "Update"),
                    lang.pick("depuis", "from"),
                ),
                false => (
                    lang.pick("Comparaison", "Comparison"),
                    lang.pick("avec", "with"),
                ),
            };
            ui.heading(title);
            ui.label(format!("{with} {}", lang.quote(list.name)));
            let count: usize = list.sections.iter().map(|s| s.entries.len()).sum();
            ui.weak(lang.count(count, ("changement", "changements"), ("change", "changes")));
            let leave = Action::EndCompare;
            if list.pending {
                ui.horizontal(|ui| {
                    if ui.button(Action::ApplyUpdate.label(lang)).clicked() {
                        out.push(Action::ApplyUpdate);
                    }
                    let cancel = format!(
                        "{} ({})",
                        lang.pick("Annuler", "Cancel"),
                        lang.pick("Échap", "Escape")
                    );
                    if ui.button(cancel).clicked() {
                        out.push(leave);
                    }
                });
            } else {
                let text = format!("{} ({})", leave.label(lang), lang.pick("Échap", "Escape"));
                if ui.button(text).clicked() {
                    out.push(leave);
                }
                let table = Action::SaveCorrespondence;
                let hint = lang.pick(
                    "Chaque ancienne unité et ce qu'elle devient (maintenue, renommée, rattachée, fusionnée, scindée, supprimée), chaque unité créée : CSV pour le tableur, Markdown ou texte",
                    "Each old unit and what it becomes (kept, renamed, moved, merged, split, removed), each unit created: CSV for spreadsheets, Markdown or text",
                );
                if ui.button(table.label(lang)).on_hover_text(hint).clicked() {
                    out.push(table);
                }
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    if count == 0 {
                        ui.label(lang.pick(
                            "Les deux versions décrivent la même structure.",
                            "Both versions describe the same structure.",
                        ));
                    }
                    for section in list.sections {
                        ui.add_space(6.0);
                        ui.strong(section.title);
                        for entry in &section.entries {
                            show_entry(entry, lang, ui, out);
                        }
                    }
                });
        });
}

fn show_entry(entry: &Entry, lang: Lang, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    if !entry.name.is_empty() {
        let title = RichText::new(format!("{} — {}", entry.name, entry.status));
        match &entry.element {
            Some(element) => {
                let link = ui
                    .link(title)
                    .on_hover_text(lang.pick("Montrer sur le schéma", "Show on the chart"));
                if link.clicked() {
                    out.push(Action::ShowChange(element.clone()));
                }
            }
            None => drop(ui.label(title)),
        }
    }
    ui.indent(ui.id().with(&entry.name), |ui| {
        for line in &entry.details {
            ui.label(layout(line, lang, ui));
        }
    });
}

/// A detail line, its removed words struck through in red, its added ones underlined in
/// green, as the text report marks them with [-…-] and {+…+}.
fn layout(line: &[Span], lang: Lang, ui: &egui::Ui) -> LayoutJob {
    let mut job = LayoutJob::default();
    let base = egui::TextFormat {
        font_id: egui::TextStyle::Body.resolve(ui.style()),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let (red, green) = (
        Color32::from_rgb(190, 40, 40),
        Color32::from_rgb(20, 130, 60),
    );
    let marked = |colour, struck: bool| {
        let line = egui::Stroke::new(1.0, colour);
        egui::TextFormat {
            color: colour,
            strikethrough: if struck { line } else { egui::Stroke::NONE },
            underline: if struck { egui::Stroke::NONE } else { line },
            ..base.clone()
        }
    };
    for span in line {
        let (text, format) = match span {
            Span::Plain(t) => (t.clone(), base.clone()),
            Span::Quote(t) => (lang.quote(t), base.clone()),
            Span::Removed(t) => (t.clone(), marked(red, true)),
            Span::Added(t) => (t.clone(), marked(green, false)),
        };
        job.append(&text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}
