//! Frame times: what the window's last frames cost, shown in Affichage → Performance so that
//! anyone can see a hitch; and, with `ORGANIGRAMME_FRAME_TIMES` set, the longest frame and
//! the 99th percentile of the session written to stderr on exit (`.ci/run` reads them).

use crate::i18n::Lang;
use eframe::egui;
use std::collections::VecDeque;

const RECENT: usize = 240;

#[derive(Default)]
pub struct FrameTimes {
    /// The last frames, in milliseconds.
    recent: VecDeque<f32>,
    /// Every frame of the session, when asked for by the environment.
    all: Option<Vec<f32>>,
    pub open: bool,
}

impl FrameTimes {
    pub fn from_env() -> Self {
        FrameTimes {
            all: std::env::var_os("ORGANIGRAMME_FRAME_TIMES").map(|_| Vec::new()),
            ..Default::default()
        }
    }

    pub fn push(&mut self, ms: f32) {
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(ms);
        if let Some(all) = &mut self.all {
            all.push(ms);
        }
    }

    /// The longest frame and the 99th percentile of `times`, in milliseconds.
    pub fn summary(times: &[f32]) -> Option<(f32, f32)> {
        let mut sorted = times.to_vec();
        sorted.sort_by(f32::total_cmp);
        let longest = *sorted.last()?;
        let p99 = sorted[(sorted.len() * 99 / 100).min(sorted.len() - 1)];
        Some((longest, p99))
    }

    /// The session's figures on stderr, if the environment asked for them.
    pub fn report(&self) {
        if let Some((longest, p99)) = self.all.as_deref().and_then(Self::summary) {
            let frames = self.all.as_ref().map_or(0, Vec::len);
            eprintln!(
                "frame times: {frames} frames, longest {longest:.1} ms, 99th percentile {p99:.1} ms"
            );
        }
    }

    /// The Performance window: the last frames as bars, their mean and the longest.
    pub fn show(&mut self, ctx: &egui::Context, lang: Lang) {
        let mut open = self.open;
        egui::Window::new(lang.pick("Performance", "Performance"))
            .open(&mut open)
            .resizable(false)
            .show(ctx, |ui| {
                let recent: Vec<f32> = self.recent.iter().copied().collect();
                let Some((longest, p99)) = Self::summary(&recent) else {
                    ui.label(lang.pick("Aucune image encore", "No frame yet"));
                    return;
                };
                let mean = recent.iter().sum::<f32>() / recent.len() as f32;
                ui.label(format!(
                    "{} {} : {} {mean:.1} ms, 99 % {p99:.1} ms, {} {longest:.1} ms",
                    recent.len(),
                    lang.pick("dernières images", "last frames"),
                    lang.pick("moyenne", "mean"),
                    lang.pick("la plus longue", "longest"),
                ));
                let (rect, _) = ui.allocate_exact_size(
                    egui::vec2(RECENT as f32 * 1.5, 60.0),
                    egui::Sense::hover(),
                );
                let painter = ui.painter_at(rect);
                // A line at one frame of a 60 Hz screen: bars above it are hitches.
                let scale = rect.height() / longest.max(20.0);
                let budget = rect.bottom() - 16.7 * scale;
                painter.hline(rect.x_range(), budget, (1.0, ui.visuals().warn_fg_color));
                for (i, ms) in recent.iter().enumerate() {
                    let x = rect.left() + i as f32 * 1.5;
                    let top = rect.bottom() - ms * scale;
                    let colour = if *ms > 16.7 {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    painter.vline(x, top..=rect.bottom(), (1.0, colour));
                }
            });
        self.open = open;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_gives_the_longest_frame_and_the_99th_percentile() {
        let times: Vec<f32> = (1..=200).map(|i| i as f32).collect();
        assert_eq!(FrameTimes::summary(&times), Some((200.0, 199.0)));
        assert_eq!(FrameTimes::summary(&[]), None);
    }
}
