//! The presentation mode: the window gives itself to it, and takes back its panels after.

use super::OrgApp;
use crate::doc::Edit;
use crate::model::Step;
use crate::present::Order;
use crate::ui::action::ScriptChange;
use crate::ui::present::{Presenter, Request};
use eframe::egui;

impl OrgApp {
    /// Starts presenting, full screen.
    pub(super) fn present(&mut self, order: Order, ctx: &egui::Context) {
        self.presenting = Some(Presenter::new(order));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        ctx.request_repaint();
    }

    /// A frame of the presentation, in place of the window's parts.
    pub(super) fn show_presentation(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang();
        let Some(presenter) = &mut self.presenting else {
            return;
        };
        match presenter.show(ui, &self.doc, lang) {
            None => {}
            Some(Request::Leave) => {
                self.presenting = None;
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                ui.ctx().request_repaint();
            }
            Some(Request::AddStep(step)) => {
                let mut steps = self.doc.org().presentation.clone();
                steps.push(step);
                let label = crate::ui::Action::SetScript(Vec::new(), ScriptChange::Add).label(lang);
                self.set_script(steps, label);
            }
        }
    }

    /// The script becomes `steps`, as one undo step.
    pub(super) fn set_script(&mut self, steps: Vec<Step>, label: &str) {
        self.edit(Some(Edit::SetScript(steps)), label, None);
    }
}
