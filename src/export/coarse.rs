//! A bitmap of a chart drawn so small that a box is a few pixels: what cannot show detail is
//! drawn straight onto the pixels as rectangles, instead of going through an SVG document,
//! its parser and a path per line and box. Connectors are orthogonal, so every segment is a
//! rectangle; a dash pattern shorter than a few pixels becomes a solid line as dark as the
//! dashes' share of it, which is what an eye sees of it.
//!
//! Time and memory then follow the pixels and the boxes, not the SVG the boxes would make:
//! 50,000 units on a small page went from seconds in the SVG's paths to a fraction of one.

use crate::scene::{Item, LineStyle, Rgba, Scene, Shape};
use resvg::tiny_skia::{Color, Paint, PathBuilder, PixmapMut, Rect, Stroke, Transform};

/// Below this many pixels per chart unit, lines are drawn here: a line 1.5 units wide is
/// then under 0.4 px, a dash of the densest pattern about a pixel.
const COARSE_BELOW: f32 = 0.25;
/// A box whose sides are both under this many pixels is drawn here, as its fill and border.
const TINY_PX: f32 = 3.0;

/// Pixels per chart unit, and where the chart's corner lands.
#[derive(Clone, Copy)]
pub struct Place {
    pub scale: f32,
    pub offset: (f32, f32),
}

impl Place {
    /// Whether the chart is small enough for its lines to be drawn here.
    pub fn coarse(&self) -> bool {
        self.scale < COARSE_BELOW
    }

    /// Whether `item` is drawn here rather than from the SVG.
    pub fn tiny(&self, item: &Item) -> bool {
        self.coarse()
            && item.shape != Shape::None
            && item.rect.w * self.scale < TINY_PX
            && item.rect.h * self.scale < TINY_PX
    }

    fn fill(&self, pixmap: &mut PixmapMut, (x, y, w, h): (f32, f32, f32, f32), paint: &Paint) {
        let (s, (dx, dy)) = (self.scale, self.offset);
        if let Some(r) = Rect::from_xywh(x * s + dx, y * s + dy, w * s, h * s) {
            pixmap.fill_rect(r, paint, Transform::identity(), None);
        }
    }
}

fn paint(c: Rgba, share: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    let alpha = (f32::from(c.3) * share).round().clamp(0.0, 255.0) as u8;
    paint.set_color(Color::from_rgba8(c.0, c.1, c.2, alpha));
    paint.anti_alias = true;
    paint
}

/// Every connector of `scene` (when the chart is coarse): what the SVG leaves out then.
pub fn draw_lines(pixmap: &mut PixmapMut, scene: &Scene, place: Place) {
    for c in &scene.connectors {
        // The share of a dash pattern that is ink: "7 4" and "2 3", as in the SVG.
        let share = match c.style {
            LineStyle::Solid => 1.0,
            LineStyle::Dashed => 7.0 / 11.0,
            LineStyle::Dotted => 2.0 / 5.0,
        };
        let paint = paint(c.colour, share);
        let half = c.width / 2.0;
        for s in c.points.windows(2) {
            let ((x0, y0), (x1, y1)) = (s[0], s[1]);
            if y0 == y1 {
                place.fill(
                    pixmap,
                    (x0.min(x1), y0 - half, (x1 - x0).abs(), c.width),
                    &paint,
                );
            } else if x0 == x1 {
                place.fill(
                    pixmap,
                    (x0 - half, y0.min(y1), c.width, (y1 - y0).abs()),
                    &paint,
                );
            } else {
                // An arrowhead's slanted sides: few, and drawn as a path.
                let mut path = PathBuilder::new();
                let (sc, (dx, dy)) = (place.scale, place.offset);
                path.move_to(x0 * sc + dx, y0 * sc + dy);
                path.line_to(x1 * sc + dx, y1 * sc + dy);
                if let Some(path) = path.finish() {
                    let stroke = Stroke {
                        width: c.width * sc,
                        ..Stroke::default()
                    };
                    pixmap.stroke_path(&path, &paint, &stroke, Transform::identity(), None);
                }
            }
        }
    }
}

/// The boxes too small to show anything but their colours: fill, then border.
pub fn draw_items(pixmap: &mut PixmapMut, scene: &Scene, place: Place) {
    for item in scene.items.iter().filter(|i| place.tiny(i)) {
        let r = &item.rect;
        place.fill(pixmap, (r.x, r.y, r.w, r.h), &paint(item.fill, 1.0));
        let share = if item.dashed { 6.0 / 9.0 } else { 1.0 };
        let stroke = paint(item.stroke, share);
        let (w, half) = (item.stroke_width, item.stroke_width / 2.0);
        for edge in [
            (r.x - half, r.y - half, r.w + w, w),
            (r.x - half, r.bottom() - half, r.w + w, w),
            (r.x - half, r.y + half, w, r.h - w),
            (r.right() - half, r.y + half, w, r.h - w),
        ] {
            place.fill(pixmap, edge, &stroke);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg;
    use crate::scene::{Connector, Link, Owner, Rect as Box};
    use resvg::tiny_skia::Pixmap;

    fn scene() -> Scene {
        let line = |points, colour, style| Connector {
            link: Link::Legend,
            ends: None,
            points,
            colour,
            width: 1.5,
            style,
        };
        Scene {
            width: 400.0,
            height: 300.0,
            background: Some(Rgba(255, 255, 255, 255)),
            connectors: vec![
                line(
                    vec![(20.0, 50.0), (380.0, 50.0), (380.0, 150.0)],
                    Rgba(190, 40, 50, 255),
                    LineStyle::Solid,
                ),
                line(
                    vec![(200.0, 20.0), (200.0, 280.0)],
                    Rgba(60, 90, 200, 255),
                    LineStyle::Dotted,
                ),
            ],
            items: vec![Item {
                owner: Owner::Decoration,
                shape: Shape::Rect,
                rect: Box {
                    x: 300.0,
                    y: 200.0,
                    w: 12.0,
                    h: 10.0,
                },
                fill: Rgba(70, 140, 40, 255),
                stroke: Rgba(20, 20, 20, 255),
                stroke_width: 1.5,
                dashed: false,
                lines: Vec::new().into(),
                rule: None,
            }],
            ..Default::default()
        }
    }

    /// What each channel absorbs over the whole image: 255 less its value, summed.
    fn ink(pixmap: &Pixmap) -> [f64; 3] {
        let mut ink = [0.0; 3];
        for px in pixmap.pixels() {
            let c = px.demultiply();
            for (i, v) in [c.red(), c.green(), c.blue()].into_iter().enumerate() {
                ink[i] += f64::from(255 - v);
            }
        }
        ink
    }

    #[test]
    fn lines_and_small_boxes_drawn_here_carry_the_ink_and_colours_the_svg_gives() {
        let scene = scene();
        let place = Place {
            scale: 0.2,
            offset: (0.0, 0.0),
        };
        assert!(place.coarse() && place.tiny(&scene.items[0]));
        let white = |p: &mut Pixmap| p.fill(Color::WHITE);
        let mut here = Pixmap::new(80, 60).unwrap();
        white(&mut here);
        draw_lines(&mut here.as_mut(), &scene, place);
        draw_items(&mut here.as_mut(), &scene, place);
        let document = svg::write_for_raster(
            &scene,
            &svg::Raster {
                transparent: true,
                min_text: 0.0,
                lines: true,
                item: &|_| true,
            },
        );
        let tree = resvg::usvg::Tree::from_str(&document, &Default::default()).unwrap();
        let mut drawn = Pixmap::new(80, 60).unwrap();
        white(&mut drawn);
        resvg::render(&tree, Transform::from_scale(0.2, 0.2), &mut drawn.as_mut());
        let (a, b) = (ink(&here), ink(&drawn));
        for c in 0..3 {
            let ratio = a[c] / b[c];
            assert!(
                (0.6..1.6).contains(&ratio),
                "channel {c}: {a:?} against {b:?}"
            );
        }
        // The red line and the green box: each where the SVG puts it, in its colour.
        let at = |p: &Pixmap, x, y| p.pixel(x, y).unwrap().demultiply();
        for p in [&here, &drawn] {
            let red = at(p, 40, 10);
            assert!(red.red() > red.green() && red.red() > red.blue(), "{red:?}");
            let green = at(p, 61, 41);
            assert!(
                green.green() > green.red() && green.green() > green.blue(),
                "{green:?}"
            );
        }
    }
}
