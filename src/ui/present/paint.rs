//! Painting a step: a scene through a frame, at an opacity, with what the spotlight leaves
//! out dimmed; the title band, the missions card and the pointer's spotlight dot.

use crate::present::{DIM, Frame, Light, Lit, Screen, dim, handout};
use crate::scene::{Logo, Rgba, Scene, Shape as ItemShape};
use crate::ui::shapes::{bold_family, colour};
use eframe::egui::{
    self, Color32, CornerRadius, FontFamily, FontId, Painter, Pos2, Rect, Shape, Stroke, StrokeKind,
};

/// The window's points for the frame's pixels.
#[derive(Clone, Copy)]
pub struct Px {
    pub origin: Pos2,
    pub per_point: f32,
}

impl Px {
    pub fn pos(&self, (x, y): (f32, f32)) -> Pos2 {
        self.origin + egui::vec2(x, y) / self.per_point
    }

    pub fn len(&self, px: f32) -> f32 {
        px / self.per_point
    }
}

/// `scene` as `view` shows it, in `opacity` (0 to 1).
pub fn scene(painter: &Painter, px: &Px, scene: &Scene, view: &Frame, lit: &Lit, opacity: f32) {
    let background = scene.background.unwrap_or(Rgba::rgb(255, 255, 255));
    let tint = |c: Rgba, light: Light| {
        let c = match light {
            Light::Dim => dim(c, background, DIM),
            _ => c,
        };
        colour(c).gamma_multiply(opacity)
    };
    let seen = view.clip;
    let z = view.zoom;
    let (a, b) = (
        px.pos(view.to_screen((seen.x, seen.y))),
        px.pos(view.to_screen((seen.right(), seen.bottom()))),
    );
    let area = Rect::from_min_max(
        px.pos((view.area.x, view.area.y)),
        px.pos((view.area.right(), view.area.bottom())),
    );
    let painter = &painter.with_clip_rect(Rect::from_min_max(a, b).intersect(area));
    for (c, &on) in scene.connectors.iter().zip(&lit.connectors) {
        if on == Light::Off {
            continue;
        }
        let points: Vec<Pos2> = c
            .points
            .iter()
            .map(|&p| px.pos(view.to_screen(p)))
            .collect();
        let stroke = Stroke::new(px.len((c.width * z).max(1.5)), tint(c.colour, on));
        match c.style.dashes() {
            None => painter.add(Shape::line(points, stroke)),
            Some((dash, gap)) => painter.add(Shape::dashed_line(
                &points,
                stroke,
                px.len(dash * z),
                px.len(gap * z),
            )),
        };
    }
    for (item, &on) in scene.items.iter().zip(&lit.items) {
        if on == Light::Off || !item.rect.intersects(&seen) {
            continue;
        }
        let r = Rect::from_min_max(
            px.pos(view.to_screen((item.rect.x, item.rect.y))),
            px.pos(view.to_screen((item.rect.right(), item.rect.bottom()))),
        );
        if item.shape != ItemShape::None {
            let radius = if item.shape == ItemShape::Pill {
                r.height() / 2.0
            } else {
                px.len(4.0 * z)
            };
            let corners = CornerRadius::same(radius.min(255.0) as u8);
            painter.rect_filled(r, corners, tint(item.fill, on));
            // Borders a little heavier than on the desk: a projector's beam thins lines.
            let width = px.len((item.stroke_width * z * 1.3).max(1.5));
            painter.rect_stroke(
                r,
                corners,
                Stroke::new(width, tint(item.stroke, on)),
                StrokeKind::Inside,
            );
        }
        if let Some(y) = item.rule {
            let a = px.pos(view.to_screen((item.rect.x + 6.0, y)));
            let b = px.pos(view.to_screen((item.rect.right() - 6.0, y)));
            painter.line_segment([a, b], Stroke::new(px.len(z), tint(item.stroke, on)));
        }
        for line in item.lines.iter() {
            let size = px.len(line.style.size * z);
            let top = px.pos(view.to_screen((
                item.rect.x + line.x,
                item.rect.y + line.y - line.style.size * crate::text::ASCENT,
            )));
            let family = if line.style.bold {
                bold_family()
            } else {
                FontFamily::Proportional
            };
            let galley = painter.layout_no_wrap(
                line.text.to_string(),
                FontId::new(size, family),
                tint(line.colour, on),
            );
            let x = if line.centred {
                top.x - galley.size().x / 2.0
            } else {
                top.x
            };
            painter.galley(Pos2::new(x, top.y), galley, Color32::BLACK);
        }
    }
}

/// Text wrapped to `width` points, from `top`; returns where the next line would start.
pub fn text(
    painter: &Painter,
    text: String,
    font: FontId,
    at: Pos2,
    width: f32,
    colour: Color32,
) -> f32 {
    let galley = painter.layout(text, font, colour, width);
    let h = galley.size().y;
    painter.galley(at, galley, colour);
    at.y + h
}

/// The card of a unit's missions, filling `r`.
pub fn card(painter: &Painter, px: &Px, r: Rect, (name, missions): &(String, Vec<String>)) {
    painter.rect_filled(r, 0, Color32::from_rgb(246, 246, 240));
    painter.rect_stroke(
        r,
        0,
        Stroke::new(px.len(3.0), Color32::BLACK),
        StrokeKind::Inside,
    );
    let pad = px.len(32.0);
    let width = r.width() - 2.0 * pad;
    let name_font = FontId::new(px.len(crate::present::handout::CARD_NAME_PX), bold_family());
    let body = FontId::proportional(px.len(crate::present::handout::CARD_TEXT_PX));
    let clip = painter.with_clip_rect(r.shrink(px.len(8.0)));
    let mut y = text(
        &clip,
        name.clone(),
        name_font,
        r.min + egui::vec2(pad, pad),
        width,
        Color32::BLACK,
    );
    y += px.len(16.0);
    for m in missions {
        y = text(
            &clip,
            format!("• {m}"),
            body.clone(),
            Pos2::new(r.min.x + pad, y),
            width,
            Color32::BLACK,
        );
        y += px.len(10.0);
    }
}

/// A laser pointer's dot where the pointer is.
pub fn pointer(painter: &Painter, px: &Px, at: Pos2) {
    painter.circle_filled(
        at,
        px.len(22.0),
        Color32::from_rgba_unmultiplied(255, 0, 0, 60),
    );
    painter.circle_filled(at, px.len(10.0), Color32::from_rgb(230, 0, 0));
}

/// What the band across the top says.
pub struct Band<'a> {
    pub title: &'a str,
    /// Where the presentation is, and the number being typed, if any.
    pub count: &'a str,
    pub typed: &'a str,
    /// The organisation's logo and its texture.
    pub logo: Option<(egui::TextureId, &'a Logo)>,
}

/// The band across the top: the logo, the step's title on one line, and where the
/// presentation is, placed as the handouts place them.
pub fn title_band(painter: &Painter, px: &Px, rect: Rect, screen: Screen, what: &Band) {
    let Band {
        title,
        count,
        typed,
        logo,
    } = what;
    let band = Rect::from_min_size(
        rect.min,
        egui::vec2(rect.width(), px.len(screen.title_height())),
    );
    painter.rect_filled(band, 0, Color32::WHITE);
    painter.line_segment(
        [band.left_bottom(), band.right_bottom()],
        Stroke::new(px.len(2.0), Color32::from_gray(60)),
    );
    let mut x = handout::TITLE_X;
    if let Some((texture, logo)) = logo {
        let in_pixels = crate::scene::Rect {
            x: 0.0,
            y: 0.0,
            w: screen.width,
            h: screen.title_height(),
        };
        let r = handout::logo_place(logo, in_pixels);
        let at = Rect::from_min_max(px.pos((r.x, r.y)), px.pos((r.right(), r.bottom())));
        let whole = Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0));
        painter.image(*texture, at, whole, Color32::WHITE);
        x = r.right() + 24.0;
    }
    let font = FontId::new(px.len(handout::TITLE_PX), bold_family());
    let mut job = egui::text::LayoutJob::simple_singleline(title.to_string(), font, Color32::BLACK);
    job.wrap = egui::text::TextWrapping::truncate_at_width(band.width() - px.len(x + 280.0));
    let galley = painter.layout_job(job);
    let y = band.center().y - galley.size().y / 2.0;
    painter.galley(
        egui::pos2(band.min.x + px.len(x), y),
        galley,
        Color32::BLACK,
    );
    let count = if typed.is_empty() {
        count.to_string()
    } else {
        format!("{typed} ⏎   {count}")
    };
    painter.text(
        band.right_center() - egui::vec2(px.len(32.0), 0.0),
        egui::Align2::RIGHT_CENTER,
        count,
        FontId::proportional(px.len(28.0)),
        Color32::from_gray(50),
    );
}
