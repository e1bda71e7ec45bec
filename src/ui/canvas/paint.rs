//! What the canvas paints itself rather than through egui_graphs: the far-zoom mesh, the
//! legend's sample lines and the logo.

use super::Canvas;
use crate::scene::Link;
use crate::ui::shapes::colour;
use eframe::egui::{self, Color32, Pos2, Rect, Shape, Stroke, Vec2};
use egui_graphs::MetadataFrame;

impl Canvas {
    /// Far zoom: every box in view as a flat coloured rectangle and the hierarchy as thin
    /// lines, in one mesh; text would be unreadable at this size anyway.
    pub(super) fn paint_far(&self, ui: &egui::Ui, rect: Rect, items: &[usize]) {
        let meta = Self::meta(ui);
        let to_screen = |x: f32, y: f32| rect.min + meta.pan + Vec2::new(x, y) * meta.zoom;
        let mut mesh = egui::Mesh::default();
        let mut visible = vec![false; self.scene.items.len()];
        for &i in items {
            visible[i] = true;
        }
        for c in &self.scene.connectors {
            let Some((a, b)) = c.ends else { continue };
            if !matches!(c.link, Link::Hierarchy(_)) || !(visible[a] || visible[b]) {
                continue;
            }
            for w in c.points.windows(2) {
                let (p, q) = (to_screen(w[0].0, w[0].1), to_screen(w[1].0, w[1].1));
                mesh.add_colored_rect(Rect::from_two_pos(p, q).expand(0.5), colour(c.colour));
            }
        }
        for &i in items {
            let item = &self.scene.items[i];
            if item.shape == crate::scene::Shape::None {
                continue;
            }
            let r = Rect::from_min_max(
                to_screen(item.rect.x, item.rect.y),
                to_screen(item.rect.right(), item.rect.bottom()),
            );
            mesh.add_colored_rect(r, colour(item.stroke));
            mesh.add_colored_rect(
                r.shrink((r.width().min(r.height()) * 0.12).min(1.5)),
                colour(item.fill),
            );
        }
        ui.painter_at(rect).add(Shape::mesh(mesh));
    }

    /// The legend's sample lines join no items, so they are painted here, under the graph.
    pub(super) fn paint_legend_lines(&self, ui: &egui::Ui, rect: Rect) {
        let meta = Self::meta(ui);
        let painter = ui.painter_at(rect);
        let to_screen = |(x, y): (f32, f32)| rect.min + meta.pan + Vec2::new(x, y) * meta.zoom;
        for c in self
            .scene
            .connectors
            .iter()
            .filter(|c| c.link == Link::Legend)
        {
            let points: Vec<Pos2> = c.points.iter().map(|&p| to_screen(p)).collect();
            let stroke = Stroke::new((c.width * meta.zoom).clamp(0.6, 4.0), colour(c.colour));
            match c.style.dashes() {
                None => painter.add(Shape::line(points, stroke)),
                Some((dash, gap)) => painter.add(Shape::dashed_line(
                    &points,
                    stroke,
                    dash * meta.zoom,
                    gap * meta.zoom,
                )),
            };
        }
    }

    /// The logo, from a texture made once for it.
    pub(super) fn paint_logo(&mut self, ui: &egui::Ui, rect: Rect, meta: &MetadataFrame) {
        let placed = self.scene.logo.as_ref();
        let Some(texture) = self.logo_texture.of(ui.ctx(), placed.map(|p| &p.logo)) else {
            return;
        };
        let Some(r) = placed.map(|p| p.rect) else {
            return;
        };
        let at = Rect::from_min_size(
            rect.min + meta.pan + Vec2::new(r.x, r.y) * meta.zoom,
            Vec2::new(r.w, r.h) * meta.zoom,
        );
        let whole = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        ui.painter_at(rect)
            .image(texture, at, whole, Color32::WHITE);
    }
}
