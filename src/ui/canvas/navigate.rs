//! Zoom and pan: egui_graphs keeps them in egui's memory, and these move them for the
//! keyboard, the toolbar and the selection.

use super::{Canvas, VIEW_ID, subset::centre};
use eframe::egui::{self, Rect, Vec2};
use egui_graphs::MetadataFrame;

/// How far the chart zooms out (a 100,000-unit chart whole) and in (a box's smallest text
/// large on a projector).
const MIN_ZOOM: f32 = 0.02;
const MAX_ZOOM: f32 = 8.0;

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
        meta.zoom = (meta.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
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
        meta.zoom = (size.x / w).min(size.y / h).clamp(MIN_ZOOM, 1.5);
        meta.pan = (size - Vec2::new(w, h) * meta.zoom) / 2.0;
        meta.save(ui);
        self.fit_frames = self.fit_frames.saturating_sub(1);
    }

    /// Sets the zoom a wheel or a pinch asked for in this frame, about the pointer, within
    /// bounds. egui_graphs steps the zoom by a fixed tenth in every frame the wheel moves, and
    /// egui spreads a turn of the wheel over a dozen frames: eight turns with Ctrl took the
    /// chart to 38,000 % (seen under Xvfb), a blank view.
    pub(super) fn wheel_zoom(&mut self, ui: &mut egui::Ui, rect: Rect, before: &MetadataFrame) {
        let (asked, pointer) = ui.input(|i| (i.zoom_delta(), i.pointer.hover_pos()));
        let Some(pointer) = pointer.filter(|p| rect.contains(*p)) else {
            return;
        };
        let mut meta = Self::meta(ui);
        if asked == 1.0 || meta.zoom == before.zoom {
            return;
        }
        let at = pointer - rect.min;
        let anchor = (at - before.pan) / before.zoom;
        meta.zoom = (before.zoom * asked).clamp(MIN_ZOOM, MAX_ZOOM);
        meta.pan = at - anchor * meta.zoom;
        meta.save(ui);
        self.live_frames = 2;
    }
}
