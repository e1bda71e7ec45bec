//! The presentation mode: the window gives itself to it, and takes back its panels after.

use super::OrgApp;
use crate::doc::Edit;
use crate::model::Step;
use crate::present::Order;
use crate::ui::action::ScriptChange;
use crate::ui::present::{Presenter, Request};
use eframe::egui;

impl OrgApp {
    /// Starts presenting, full screen, at step `from` (counted from 0).
    pub(super) fn present(&mut self, order: Order, from: usize, ctx: &egui::Context) {
        let mut presenter = Presenter::new(order, from);
        // A window the user had made full screen stays so afterwards.
        presenter.was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.presenting = Some(presenter);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        ctx.request_repaint();
    }

    /// A frame of the presentation, in place of the window's parts.
    pub(super) fn show_presentation(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let Some(presenter) = &mut self.presenting else {
            return;
        };
        match presenter.show(ui, &self.doc, lang, self.logo.loaded.as_ref()) {
            None => {}
            Some(Request::Leave) => {
                let fullscreen = presenter.was_fullscreen;
                self.presenting = None;
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Fullscreen(fullscreen));
                ui.ctx().request_repaint();
            }
            Some(Request::AddStep(step)) => {
                let mut steps = self.doc.org().presentation.clone();
                steps.push(step);
                let label = crate::ui::Action::SetScript(Vec::new(), ScriptChange::Add).label(lang);
                self.set_script(steps, ScriptChange::Add, label);
                let added = lang.pick("Étape ajoutée au script", "Step added to the script");
                self.set_status(added, false);
            }
        }
    }

    /// The script becomes `steps`, as one undo step: typing in a step's title is one step
    /// until the field loses the focus.
    pub(super) fn set_script(&mut self, steps: Vec<Step>, change: ScriptChange, label: &str) {
        let merge = (change == ScriptChange::Rename).then_some("script-title");
        self.edit(Some(Edit::SetScript(steps)), label, merge);
    }
}
