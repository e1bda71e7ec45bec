//! The central area: a small toolbar of chart options above the canvas. What the user does on
//! the canvas (a click, a double click, a right click, a drop) becomes actions.

use super::canvas::Canvas;
use super::{Action, PanelContext, Selection};
use crate::layout::Orientation;
use crate::scene::{MissionsMode, Owner};
use eframe::egui;

pub fn show(cx: &PanelContext, canvas: &mut Canvas, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    egui::CentralPanel::default().show(ui, |ui| {
        toolbar(cx, canvas.zoom(), ui, out);
        ui.separator();
        let events = canvas.show(ui);
        if let Some(owner) = events.hovered {
            super::tips::show(ui, cx.chart_org, owner, cx.lang);
        }
        let select = |owner| Action::Select(Selection::of_owner(cx.chart_org, owner));
        if let Some(owner @ Owner::Unit(_)) = events.secondary_clicked {
            out.push(select(owner));
            let at = ui.ctx().input(|i| i.pointer.interact_pos());
            ui.data_mut(|d| d.insert_temp(egui::Id::new("unit-menu"), at));
        }
        if let Some(owner @ Owner::Unit(_)) = events.double_clicked {
            out.push(select(owner));
            out.push(Action::ToggleCollapse);
        }
        context_menu(cx, ui, out);
        if let Some(owner) = events.clicked {
            out.push(select(owner));
        } else if events.clicked_empty {
            out.push(Action::Select(None));
        }
        if let Some(dropped) = events.dropped {
            out.extend(dropped_unit(cx, canvas.scene().origin, dropped));
        }
    });
}

/// A unit's box dropped: onto another unit, it goes under it; elsewhere (or onto its own
/// parent), it stays where it was dropped. Either way it is selected.
fn dropped_unit(
    cx: &PanelContext,
    origin: (f32, f32),
    (unit, from, to, target): (usize, egui::Pos2, egui::Pos2, Option<usize>),
) -> [Action; 2] {
    let units = &cx.chart_org.units;
    let id = units[unit].id.clone();
    let select = Action::Select(Some(Selection::Unit(id.clone())));
    match target.map(|t| &units[t].id) {
        Some(parent) if Some(parent) != units[unit].parent.as_ref() => {
            let parent = parent.clone();
            [Action::Reparent { unit: id, parent }, select]
        }
        // Stored positions are in the layout's coordinates, the scene's less its origin.
        _ => {
            let (ox, oy) = origin;
            let moved = Action::MoveUnit {
                unit: id,
                from: (from.x - ox, from.y - oy),
                to: (to.x - ox, to.y - oy),
            };
            [moved, select]
        }
    }
}

/// The right-click menu of a unit on the canvas.
fn context_menu(cx: &PanelContext, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let id = egui::Id::new("unit-menu");
    let Some(pos) = ui.data(|d| d.get_temp::<Option<egui::Pos2>>(id)).flatten() else {
        return;
    };
    let lang = cx.lang;
    let mut chosen = None;
    let area = egui::Area::new(id)
        .fixed_pos(pos)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::menu(ui.style()).show(ui, |ui| {
                for action in [
                    Action::AddChild,
                    Action::AddSibling,
                    Action::Duplicate,
                    Action::ToggleCollapse,
                    Action::ZoomSelection,
                    Action::Delete,
                ] {
                    if ui
                        .add(
                            egui::Button::new(action.label(lang))
                                .shortcut_text(action.shortcut_text(ui.ctx())),
                        )
                        .clicked()
                    {
                        chosen = Some(action);
                    }
                }
            });
        });
    let clicked_elsewhere = ui.input(|i| i.pointer.any_pressed() && !i.pointer.secondary_pressed())
        && !area.response.contains_pointer();
    if chosen.is_some() || clicked_elsewhere || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        ui.data_mut(|d| d.remove::<Option<egui::Pos2>>(id));
    }
    out.extend(chosen);
}

fn toolbar(cx: &PanelContext, zoom: f32, ui: &mut egui::Ui, out: &mut Vec<Action>) {
    let lang = cx.lang;
    ui.horizontal_wrapped(|ui| {
        for action in [
            Action::FitAll,
            Action::ZoomIn,
            Action::ZoomOut,
            Action::ZoomSelection,
        ] {
            let text = match action {
                Action::FitAll => lang.pick("Ajuster", "Fit"),
                Action::ZoomIn => "+",
                Action::ZoomOut => "-",
                _ => lang.pick("Sélection", "Selection"),
            };
            let tip = action.tooltip(ui.ctx(), lang);
            if ui.button(text).on_hover_text(tip).clicked() {
                out.push(action);
            }
        }
        // The chart's zoom, apart from the interface's size (Affichage → Taille).
        ui.label(format!("{:.0} %", zoom * 100.0))
            .on_hover_text(lang.pick("Zoom du graphique", "Chart zoom"));
        ui.separator();
        for action in [
            Action::AddChild,
            Action::AddSibling,
            Action::Delete,
            Action::Relayout,
        ] {
            let enabled = cx.selected_unit().is_some() || matches!(action, Action::Relayout);
            let tip = action.tooltip(ui.ctx(), lang);
            if ui
                .add_enabled(enabled, egui::Button::new(action.label(lang)))
                .on_hover_text(tip.clone())
                .on_disabled_hover_text(tip)
                .clicked()
            {
                out.push(action);
            }
        }
        ui.separator();
        ui.label(lang.pick("Missions :", "Missions:"));
        let mut missions = cx.chart.missions;
        egui::ComboBox::from_id_salt("missions")
            .selected_text(missions_label(missions, lang))
            .show_ui(ui, |ui| {
                for m in [MissionsMode::None, MissionsMode::First, MissionsMode::Full] {
                    ui.selectable_value(&mut missions, m, missions_label(m, lang));
                }
            });
        if missions != cx.chart.missions {
            out.push(Action::SetMissions(missions));
        }
        let mut left_right = cx.chart.orientation == Orientation::LeftRight;
        if ui
            .checkbox(
                &mut left_right,
                Action::SetOrientation(Orientation::LeftRight).label(lang),
            )
            .changed()
        {
            out.push(Action::SetOrientation(if left_right {
                Orientation::LeftRight
            } else {
                Orientation::TopDown
            }));
        }
        let mut compact = cx.chart.compact;
        if ui
            .checkbox(&mut compact, Action::SetCompact(true).label(lang))
            .changed()
        {
            out.push(Action::SetCompact(compact));
        }
    });
}

pub fn missions_label(m: MissionsMode, lang: crate::i18n::Lang) -> &'static str {
    match m {
        MissionsMode::None => lang.pick("aucune", "none"),
        MissionsMode::First => lang.pick("première phrase", "first sentence"),
        MissionsMode::Full => lang.pick("texte complet", "full text"),
    }
}
