//! Zoom and pan: egui_graphs keeps them in egui's memory, and these move them for the
//! keyboard, the toolbar and the selection.

use super::{Canvas, VIEW_ID, subset::centre};
use eframe::egui::{self, Vec2};
use egui_graphs::MetadataFrame;

impl Canvas {
    /// Zoom and pan, from egui's memory where egui_graphs keeps them.
    pub(super) fn meta(ui: &egui::Ui) -> MetadataFrame {
        MetadataFrame::new(Some(VIEW_ID.into())).load(ui)
    }

    /// Centres a scene rectangle in the view, zooming in if the chart is too small to read.
    pub fn focus(&mut self, ui: &mut egui::Ui, rect: crate::scene::Rect) {
        let mut meta = Self::meta(ui);
        if !self.last_rect.is_positive() {
            return;
        }
        meta.zoom = meta.zoom.clamp(0.9, 2.0);
        meta.pan = self.last_rect.size() / 2.0 - centre(&rect).to_vec2() * meta.zoom;
        meta.save(ui);
        self.live_frames = 2;
    }

    /// Multiplies the zoom around the view's centre.
    pub fn zoom_by(&mut self, ui: &mut egui::Ui, factor: f32) {
        let mut meta = Self::meta(ui);
        let mid = self.last_rect.size() / 2.0;
        let anchor = (mid - meta.pan) / meta.zoom;
        meta.zoom = (meta.zoom * factor).clamp(0.02, 8.0);
        meta.pan = mid - anchor * meta.zoom;
        meta.save(ui);
        self.live_frames = 2;
    }

    pub fn pan_by(&mut self, ui: &mut egui::Ui, delta: Vec2) {
        let mut meta = Self::meta(ui);
        meta.pan += delta;
        meta.save(ui);
        self.live_frames = 2;
    }

    pub(super) fn fit(&mut self, ui: &mut egui::Ui, size: Vec2) {
        let mut meta = Self::meta(ui);
        let (w, h) = (self.scene.width.max(1.0), self.scene.height.max(1.0));
        meta.zoom = (size.x / w).min(size.y / h).clamp(0.02, 1.5);
        meta.pan = (size - Vec2::new(w, h) * meta.zoom) / 2.0;
        meta.save(ui);
        self.fit_frames = self.fit_frames.saturating_sub(1);
    }
}
