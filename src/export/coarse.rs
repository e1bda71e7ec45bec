//! A bitmap of a chart drawn so small that a box is a few pixels: what cannot show detail is
//! drawn straight onto the pixels as rectangles, instead of going through an SVG document,
//! its parser and a path per line and box. Connectors are orthogonal, so every segment is a
//! rectangle; a dash pattern shorter than a few pixels becomes a solid line as dark as the
//! dashes' share of it, which is what an eye sees of it.
//!
//! Time and memory then follow the pixels and the boxes, not the SVG the boxes would make:
//! 50,000 units on a small page went from seconds in the SVG's paths to a fraction of one.

use crate::scene::{BOX_DASHES, Item, RULE_INSET, RULE_WIDTH, Rgba, Scene, Shape};
use resvg::tiny_skia::{PixmapMut, PremultipliedColorU8};

/// Below this many pixels per chart unit, lines are drawn here: a line 1.5 units wide is
/// then under 0.4 px, a dash of the densest pattern about a pixel.
const COARSE_BELOW: f32 = 0.25;
/// A box whose sides are both under this many pixels is drawn here, as its fill and border.
const TINY_PX: f32 = 3.0;
/// So is a larger one whose rounded corners are under a pixel and whose text is not drawn at
/// all: a plain rectangle then, pixel for pixel what the SVG's path would give, without it.
const ROUND_PX: f32 = 1.0;

/// Pixels per chart unit, and where the chart's corner lands.
#[derive(Clone, Copy)]
pub struct Place {
    pub scale: f32,
    pub offset: (f32, f32),
    /// Text smaller than this (in chart units) is not drawn.
    pub min_text: f32,
}

impl Place {
    /// Whether the chart is small enough for its lines to be drawn here.
    pub fn coarse(&self) -> bool {
        self.scale < COARSE_BELOW
    }

    /// Whether `item` is drawn here rather than from the SVG.
    pub fn tiny(&self, item: &Item) -> bool {
        let px = |units: f32| units * self.scale;
        let plain = || {
            px(item.shape.radius(item.rect.h)) < ROUND_PX
                && item.lines.iter().all(|l| l.style.size < self.min_text)
        };
        self.coarse()
            && item.shape != Shape::None
            && ((px(item.rect.w) < TINY_PX && px(item.rect.h) < TINY_PX) || plain())
    }

    /// Paints the chart-unit rectangle `(x, y, w, h)` in `colour`, `share` of it opaque, each
    /// pixel by the part of it the rectangle covers. Done here rather than with tiny-skia's
    /// anti-aliased rectangle, which trips a debug assertion on rectangles a pixel or two wide.
    fn fill(
        &self,
        pixmap: &mut PixmapMut,
        (x, y, w, h): (f32, f32, f32, f32),
        colour: Rgba,
        share: f32,
    ) {
        let (s, (dx, dy)) = (self.scale, self.offset);
        let (width, height) = (pixmap.width(), pixmap.height());
        let (x0, x1) = ((x * s + dx).max(0.0), ((x + w) * s + dx).min(width as f32));
        let (y0, y1) = ((y * s + dy).max(0.0), ((y + h) * s + dy).min(height as f32));
        // Also false for a NaN.
        if !(x1 > x0 && y1 > y0) {
            return;
        }
        let alpha = f32::from(colour.3) / 255.0 * share;
        let cover = |p: u32, lo: f32, hi: f32| ((p + 1) as f32).min(hi) - (p as f32).max(lo);
        let (cols, rows) = (x0 as u32..x1.ceil() as u32, y0 as u32..y1.ceil() as u32);
        let pixels = pixmap.pixels_mut();
        for py in rows {
            let cy = cover(py, y0, y1);
            let line = py as usize * width as usize;
            for px in cols.clone() {
                let a = alpha * cy * cover(px, x0, x1);
                let pixel = &mut pixels[line + px as usize];
                *pixel = over(*pixel, colour, a);
            }
        }
    }
}

/// `colour` at opacity `a` over a premultiplied pixel.
fn over(dst: PremultipliedColorU8, colour: Rgba, a: f32) -> PremultipliedColorU8 {
    let keep = 1.0 - a;
    let mix = |src: u8, dst: u8| (f32::from(src) * a + f32::from(dst) * keep).round() as u8;
    PremultipliedColorU8::from_rgba(
        mix(colour.0, dst.red()),
        mix(colour.1, dst.green()),
        mix(colour.2, dst.blue()),
        mix(255, dst.alpha()),
    )
    .unwrap_or(dst)
}

/// Every connector of `scene` (when the chart is coarse): what the SVG leaves out then.
pub fn draw_lines(pixmap: &mut PixmapMut, scene: &Scene, place: Place) {
    for c in &scene.connectors {
        // The share of a dash pattern that is ink.
        let share = c
            .style
            .dashes()
            .map_or(1.0, |(dash, gap)| dash / (dash + gap));
        let half = c.width / 2.0;
        for s in c.points.windows(2) {
            let ((x0, y0), (x1, y1)) = (s[0], s[1]);
            let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
            let rect = if y0 == y1 {
                (x0.min(x1), y0 - half, w, c.width)
            } else if x0 == x1 {
                (x0 - half, y0.min(y1), c.width, h)
            } else {
                // An arrowhead's slanted side, a pixel or two long here: its box, as faint as
                // the line is thin against it.
                let faint = (c.width / w.min(h).max(c.width)).min(1.0);
                place.fill(
                    pixmap,
                    (x0.min(x1), y0.min(y1), w, h),
                    c.colour,
                    share * faint,
                );
                continue;
            };
            place.fill(pixmap, rect, c.colour, share);
        }
    }
}

/// The boxes too small to show anything but their colours: fill, border, rule.
pub fn draw_items(pixmap: &mut PixmapMut, scene: &Scene, place: Place) {
    for item in scene.items.iter().filter(|i| place.tiny(i)) {
        let r = &item.rect;
        place.fill(pixmap, (r.x, r.y, r.w, r.h), item.fill, 1.0);
        let share = if item.dashed {
            BOX_DASHES.0 / (BOX_DASHES.0 + BOX_DASHES.1)
        } else {
            1.0
        };
        let (w, half) = (item.stroke_width, item.stroke_width / 2.0);
        for edge in [
            (r.x - half, r.y - half, r.w + w, w),
            (r.x - half, r.bottom() - half, r.w + w, w),
            (r.x - half, r.y + half, w, r.h - w),
            (r.right() - half, r.y + half, w, r.h - w),
        ] {
            place.fill(pixmap, edge, item.stroke, share);
        }
        if let Some(y) = item.rule {
            let (x0, x1) = (r.x + RULE_INSET, r.right() - RULE_INSET);
            let rule = (x0, y - RULE_WIDTH / 2.0, x1 - x0, RULE_WIDTH);
            place.fill(pixmap, rule, item.stroke, 1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::svg;
    use crate::scene::{Connector, LineStyle, Link, Owner, Rect as Box};
    use resvg::tiny_skia::{Color, Pixmap, Transform};

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
            min_text: 10.0,
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

    /// A box big enough to see, but whose text is too small to draw and whose corners are
    /// under a pixel, comes out here as the SVG's path would draw it, pixel for pixel nearly.
    #[test]
    fn a_box_with_nothing_inside_to_show_is_drawn_here_like_the_svg() {
        let mut scene = scene();
        scene.connectors.clear();
        let item = &mut scene.items[0];
        item.rect = Box {
            x: 100.0,
            y: 100.0,
            w: 150.0,
            h: 80.0,
        };
        item.rule = Some(130.0);
        let line = |size| crate::scene::TextLine {
            x: 10.0,
            y: 10.0,
            text: "Bureau".into(),
            style: crate::text::Style::regular(size),
            centred: false,
            colour: Rgba(0, 0, 0, 255),
        };
        item.lines = vec![line(4.0)].into();
        let place = Place {
            scale: 0.2,
            offset: (0.0, 0.0),
            min_text: 10.0,
        };
        assert!(place.tiny(&scene.items[0]), "a plain box is drawn here");
        let readable = Item {
            lines: vec![line(12.0)].into(),
            ..scene.items[0].clone()
        };
        assert!(
            !place.tiny(&readable),
            "a box with text to draw goes to the SVG"
        );
        let mut here = Pixmap::new(80, 60).unwrap();
        here.fill(Color::WHITE);
        draw_items(&mut here.as_mut(), &scene, place);
        let document = svg::write_for_raster(
            &scene,
            &svg::Raster {
                transparent: false,
                min_text: place.min_text,
                lines: true,
                item: &|_| true,
            },
        );
        let tree = resvg::usvg::Tree::from_str(&document, &Default::default()).unwrap();
        let mut drawn = Pixmap::new(80, 60).unwrap();
        drawn.fill(Color::WHITE);
        resvg::render(&tree, Transform::from_scale(0.2, 0.2), &mut drawn.as_mut());
        let (a, b) = (ink(&here), ink(&drawn));
        for c in 0..3 {
            let ratio = a[c] / b[c];
            assert!(
                (0.95..1.05).contains(&ratio),
                "channel {c}: {a:?} against {b:?}"
            );
        }
        // The rule across the box, under the name, darker than the fill around it.
        for p in [&here, &drawn] {
            let green = |y| p.pixel(35, y).unwrap().demultiply().green();
            assert!(green(26) < green(28), "{} against {}", green(26), green(28));
        }
    }
}
