//! The central area: a small toolbar of chart options above the canvas.

use super::Action;
use crate::app::OrgApp;
use crate::layout::Orientation;
use crate::scene::{MissionsMode, Owner};
use eframe::egui;

pub fn show(app: &mut OrgApp, ui: &mut egui::Ui) {
    egui::CentralPanel::default().show(ui, |ui| {
        toolbar(app, ui);
        ui.separator();
        let events = app.canvas.show(ui);
        if let Some(owner) = events.hovered {
            super::tips::show(ui, app.doc.org(), owner, app.lang());
        }
        if let Some(Owner::Unit(u)) = events.secondary_clicked {
            app.select_unit(u);
            let at = ui.ctx().input(|i| i.pointer.interact_pos());
            ui.data_mut(|d| d.insert_temp(egui::Id::new("unit-menu"), at));
        }
        if let Some(Owner::Unit(u)) = events.double_clicked {
            app.select_unit(u);
            app.run(Action::ToggleCollapse, ui);
        }
        context_menu(app, ui);
        app.apply_canvas_events(events);
    });
}

/// The right-click menu of a unit on the canvas.
fn context_menu(app: &mut OrgApp, ui: &mut egui::Ui) {
    let id = egui::Id::new("unit-menu");
    let Some(pos) = ui.data(|d| d.get_temp::<Option<egui::Pos2>>(id)).flatten() else {
        return;
    };
    let lang = app.lang();
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
    if let Some(action) = chosen {
        app.run(action, ui);
    }
}

fn toolbar(app: &mut OrgApp, ui: &mut egui::Ui) {
    let lang = app.lang();
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
                app.run(action, ui);
            }
        }
        // The chart's zoom, apart from the interface's size (Affichage → Taille).
        ui.label(format!("{:.0} %", app.canvas.zoom() * 100.0))
            .on_hover_text(lang.pick("Zoom du graphique", "Chart zoom"));
        ui.separator();
        for action in [
            Action::AddChild,
            Action::AddSibling,
            Action::Delete,
            Action::Relayout,
        ] {
            let enabled = app.selected_unit().is_some() || matches!(action, Action::Relayout);
            let tip = action.tooltip(ui.ctx(), lang);
            if ui
                .add_enabled(enabled, egui::Button::new(action.label(lang)))
                .on_hover_text(tip.clone())
                .on_disabled_hover_text(tip)
                .clicked()
            {
                app.run(action, ui);
            }
        }
        ui.separator();
        ui.label(lang.pick("Missions :", "Missions:"));
        let mut missions = app.chart.missions;
        egui::ComboBox::from_id_salt("missions")
            .selected_text(missions_label(missions, lang))
            .show_ui(ui, |ui| {
                for m in [MissionsMode::None, MissionsMode::First, MissionsMode::Full] {
                    ui.selectable_value(&mut missions, m, missions_label(m, lang));
                }
            });
        let mut left_right = app.chart.orientation == Orientation::LeftRight;
        let mut compact = app.chart.compact;
        ui.checkbox(
            &mut left_right,
            lang.pick("De gauche à droite", "Left to right"),
        );
        ui.checkbox(&mut compact, lang.pick("Compact", "Compact"));
        let orientation = if left_right {
            Orientation::LeftRight
        } else {
            Orientation::TopDown
        };
        if missions != app.chart.missions
            || orientation != app.chart.orientation
            || compact != app.chart.compact
        {
            app.chart.missions = missions;
            app.chart.orientation = orientation;
            app.chart.compact = compact;
            app.invalidate_scene();
            app.canvas.request_fit();
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
