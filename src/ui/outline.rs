//! The outline: the hierarchy as an indented list (drag a row onto another to reparent), and
//! a search over names, acronyms, heads and mission text.

use super::shapes::colour;
use super::{Action, PanelContext, Selection};
use crate::model::{Hierarchy, Id, Organisation, fold};
use eframe::egui;
use std::rc::Rc;

/// The search field's id: its typing is not the document's, so Ctrl+Z there stays its own.
pub const SEARCH_FIELD: &str = "outline-search";

/// Units whose name, acronym, head or missions contain every word of `query`.
pub fn search(org: &Organisation, query: &str) -> Vec<usize> {
    let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return Vec::new();
    }
    (0..org.units.len())
        .filter(|&i| {
            let u = &org.units[i];
            let mut hay = format!("{} {} {} {}", u.name, u.acronym, u.head.title, u.head.name);
            for m in &u.missions {
                hay.push(' ');
                hay.push_str(&m.text);
            }
            let hay = fold(&hay);
            words.iter().all(|w| hay.contains(w.as_str()))
        })
        .collect()
}

/// A row of the outline: the unit, its depth, whether it has children.
type Row = (usize, usize, bool);

/// The rows of the tree in display order, with their depth; folded units hide their subtree.
fn rows(org: &Organisation, tree: &Hierarchy) -> Vec<Row> {
    let mut out = Vec::with_capacity(org.units.len());
    let mut stack: Vec<(usize, usize)> = tree.roots().iter().rev().map(|&r| (r, 0)).collect();
    while let Some((i, depth)) = stack.pop() {
        let children = tree.children(i);
        out.push((i, depth, !children.is_empty()));
        if !org.units[i].collapsed {
            stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
        }
    }
    out
}

/// The outline's own state: the search typed, and what it computed for a revision of a
/// document (the rows, the search's results), so that frames do not walk every unit again.
#[derive(Default)]
pub struct Outline {
    pub search: String,
    rows: Option<(Revision, Rc<Vec<Row>>)>,
    results: Option<(Query, Rc<Vec<usize>>)>,
}

/// A document (its id in the process) at a revision.
type Revision = (u64, u64);
/// A search typed, over a document at a revision.
type Query = (String, Revision);

impl Outline {
    pub fn show(&mut self, cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        if let Some(list) = &cx.changes {
            // The comparison's list takes the tree's place while it lasts.
            return super::changes::show(list, cx.lang, ui, out);
        }
        let lang = cx.lang;
        if !cx.org().conflicts.is_empty() {
            conflicts(cx, ui, out);
        }
        egui::Panel::left("outline")
            .default_size(280.0)
            .size_range(180.0..=480.0)
            .resizable(true)
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.add(
                    egui::TextEdit::singleline(&mut self.search)
                        .id(egui::Id::new(SEARCH_FIELD))
                        .hint_text(lang.pick(
                            "🔎 Rechercher une unité, une mission…",
                            "🔎 Search units, missions…",
                        ))
                        .desired_width(ui.available_width()),
                );
                ui.separator();
                if self.search.trim().is_empty() {
                    self.tree(cx, ui, out);
                } else {
                    self.results(cx, ui, out);
                }
            });
    }

    fn results(&mut self, cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let lang = cx.lang;
        // Searching folds every unit's text: done once per query and revision, not per frame.
        let key = (self.search.clone(), (cx.doc.id(), cx.doc.revision));
        let found = match &self.results {
            Some((k, found)) if *k == key => found.clone(),
            _ => {
                let found = Rc::new(search(cx.org(), &self.search));
                self.results = Some((key, found.clone()));
                found
            }
        };
        ui.weak(lang.count(
            found.len(),
            ("résultat", "résultats"),
            ("result", "results"),
        ));
        let mut chosen = None;
        let selected = cx.selected_unit();
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(
            ui,
            22.0,
            found.len(),
            |ui, range| {
                for &i in &found[range] {
                    let u = &cx.org().units[i];
                    let label = if u.acronym.is_empty() {
                        u.name.clone()
                    } else {
                        format!("{} ({})", u.name, u.acronym)
                    };
                    if ui
                        .add(egui::Button::selectable(selected == Some(i), label).truncate())
                        .clicked()
                    {
                        chosen = Some(i);
                    }
                }
            },
        );
        if let Some(i) = chosen {
            out.push(select_unit(cx, i));
            out.push(Action::ZoomSelection);
        }
    }

    fn tree(&mut self, cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        // The rows change only with the document: a walk of 10,000 units each frame is not
        // free.
        let revision = (cx.doc.id(), cx.doc.revision);
        let rows = match &self.rows {
            Some((r, rows)) if *r == revision => rows.clone(),
            _ => {
                let rows = Rc::new(rows(cx.org(), cx.doc.hierarchy()));
                self.rows = Some((revision, rows.clone()));
                rows
            }
        };
        let mut chosen = None;
        let mut toggled = None;
        let mut dropped: Option<(Id, usize)> = None;
        let selected = cx.selected_unit();
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(
            ui,
            22.0,
            rows.len(),
            |ui, range| {
                for &(i, depth, has_children) in &rows[range] {
                    let u = &cx.org().units[i];
                    ui.horizontal(|ui| {
                        ui.add_space(depth as f32 * 14.0);
                        if has_children {
                            let arrow = if u.collapsed { "+" } else { "-" };
                            if ui.small_button(arrow).clicked() {
                                toggled = Some(i);
                            }
                        } else {
                            ui.add_space(18.0);
                        }
                        let (_, stroke) = cx.chart.theme.unit_colours(&u.kind);
                        let (rect, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                        ui.painter().rect_filled(rect, 2.0, colour(stroke));
                        let row = ui.add(
                            egui::Button::selectable(selected == Some(i), &u.name)
                                .truncate()
                                .sense(egui::Sense::click_and_drag()),
                        );
                        // The unit's id: the list may change before the drop.
                        row.dnd_set_drag_payload(u.id.clone());
                        if row.clicked() {
                            chosen = Some(i);
                        }
                        if let Some(source) = row.dnd_release_payload::<Id>()
                            && *source != u.id
                        {
                            dropped = Some(((*source).clone(), i));
                        }
                    });
                }
            },
        );
        if let Some(i) = toggled {
            out.push(select_unit(cx, i));
            out.push(Action::ToggleCollapse);
        }
        if let Some(i) = chosen {
            out.push(select_unit(cx, i));
            out.push(Action::ZoomSelection);
        }
        if let Some((unit, parent)) = dropped {
            let parent = cx.org().units[parent].id.clone();
            out.push(Action::Reparent { unit, parent });
        }
    }
}

fn select_unit(cx: &PanelContext, i: usize) -> Action {
    Action::Select(Some(Selection::Unit(cx.org().units[i].id.clone())))
}

/// The conflicts a merge left in the file, above the tree: each said in full, with its two
/// answers, and the element it is about one click away.
fn conflicts(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    let list = &cx.org().conflicts;
    egui::Panel::left("conflicts")
        .default_size(300.0)
        .resizable(true)
        .show(ui, |ui| {
            ui.heading(lang.count(
                list.len(),
                ("conflit de fusion", "conflits de fusion"),
                ("merge conflict", "merge conflicts"),
            ));
            ui.weak(lang.pick(
                "La structure garde notre version de chacun ; choisissez.",
                "The structure keeps our side of each; choose.",
            ));
            egui::ScrollArea::vertical().show(ui, |ui| {
                for c in list {
                    ui.separator();
                    ui.label(c.text(lang));
                    ui.horizontal(|ui| {
                        let boxed = || Box::new(c.clone());
                        if ui
                            .button(Action::SettleConflict(boxed(), false).label(lang))
                            .clicked()
                        {
                            out.push(Action::SettleConflict(boxed(), false));
                        }
                        let theirs = crate::merge::can_take_theirs(c);
                        let take = ui.add_enabled(
                            theirs,
                            egui::Button::new(Action::SettleConflict(boxed(), true).label(lang)),
                        );
                        if take.clicked() {
                            out.push(Action::SettleConflict(boxed(), true));
                        }
                        let unit = (c.element == crate::model::ConflictElement::Unit)
                            .then(|| cx.org().unit(&crate::model::Id::new(c.key.as_str())))
                            .flatten();
                        if let Some(u) = unit
                            && ui.link(lang.pick("Voir", "Show")).clicked()
                        {
                            out.push(Action::Select(Some(Selection::Unit(u.id.clone()))));
                            out.push(Action::ZoomSelection);
                        }
                    });
                }
            });
        });
}
