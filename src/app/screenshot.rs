//! `organigramme --screenshot OUT.png`: the first settled frame of the window written to a
//! PNG, then the window closes (CI's look at the real window).

use super::{OrgApp, files};
use eframe::egui;
use std::path::PathBuf;

impl OrgApp {
    pub fn take_screenshot(&mut self, path: PathBuf) {
        self.screenshot = Some((path, 12));
    }

    pub(super) fn handle_screenshot(&mut self, ctx: &egui::Context) {
        // The first settled frame is the one of the file, once read.
        if self.opening() {
            ctx.request_repaint();
            return;
        }
        let Some((path, frames)) = self.screenshot.as_mut() else {
            return;
        };
        let image = ctx.input(|i| {
            i.raw.events.iter().find_map(|e| match e {
                egui::Event::Screenshot { image, .. } => Some(image.clone()),
                _ => None,
            })
        });
        if let Some(image) = image {
            let result = files::write_screenshot(path, &image);
            if let Err(e) = result {
                eprintln!("{e}");
            }
            self.allow_close = true;
            self.screenshot = None;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if *frames == 0 {
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(Default::default()));
            *frames = u32::MAX;
        } else if *frames != u32::MAX {
            *frames -= 1;
        }
        ctx.request_repaint();
    }
}
