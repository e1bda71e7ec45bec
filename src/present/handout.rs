//! Handouts: each step of a presentation as a bitmap of the screen, as the projector shows
//! it, through the PNG export of a scene drawn in the screen's pixels.

use super::{DIM, Frame, Light, Lit, Screen, View, dim};
use crate::export::png::{self, PngError, PngOptions, Size};
use crate::scene::{Connector, Item, Logo, Owner, PlacedLogo, Rect, Rgba, Scene, Shape, TextLine};
use crate::text::{self, Style};
use std::sync::Arc;

/// The step's title, in pixels high.
pub const TITLE_PX: f32 = 40.0;
/// The card's unit name and missions, in pixels high.
pub const CARD_NAME_PX: f32 = 40.0;
pub const CARD_TEXT_PX: f32 = 30.0;

/// Where the title starts in its band, without a logo.
pub const TITLE_X: f32 = 40.0;

/// The PNG of `view` through `frame` on `screen`, written at `dpi`, with the organisation's
/// `logo` in the title band.
pub fn render(
    view: &View,
    frame: &Frame,
    screen: Screen,
    dpi: f32,
    logo: Option<&Arc<Logo>>,
) -> Result<Vec<u8>, PngError> {
    let options = PngOptions {
        size: Size::Scale(1.0),
        transparent: false,
        dpi,
    };
    png::render(&page(view, frame, screen, logo), &options)
}

/// Where the logo stands in the title `band`, in pixels: at its left end, most of its
/// height, at most a fifth of its width; the title follows it.
pub fn logo_place(logo: &Logo, band: Rect) -> Rect {
    let (w, h) = logo.fitted(band.h * 0.72, band.w * 0.2);
    Rect {
        x: band.x + 24.0,
        y: band.y + (band.h - h) / 2.0,
        w,
        h,
    }
}

/// The step's frame as the screen shows it, a scene of the screen's size: the chart's part,
/// the title band with the organisation's `logo`, and the missions card if any. A PNG or a
/// page of a PDF draws it.
pub fn page(view: &View, frame: &Frame, screen: Screen, logo: Option<&Arc<Logo>>) -> Scene {
    let mut page = on_screen(&view.scene, frame, &view.lit, screen);
    let ink = Rgba::rgb(0, 0, 0);
    // White over what lies outside the frame's part of the chart.
    let (x0, y0) = frame.to_screen((frame.clip.x, frame.clip.y));
    let (x1, y1) = frame.to_screen((frame.clip.right(), frame.clip.bottom()));
    let (w, h) = (screen.width, screen.height);
    for (x, y, cw, ch) in [
        (0.0, 0.0, w, y0),
        (0.0, y1, w, h - y1),
        (0.0, 0.0, x0, h),
        (x1, 0.0, w - x1, h),
    ] {
        if cw > 0.0 && ch > 0.0 {
            let r = Rect { x, y, w: cw, h: ch };
            page.items.push(panel(r, Vec::new()));
        }
    }
    let band = Rect {
        x: 0.0,
        y: 0.0,
        w: screen.width,
        h: screen.title_height(),
    };
    let placed = logo.map(|logo| (logo_place(logo, band), logo));
    let x = placed.map_or(TITLE_X, |(r, _)| r.right() + 24.0);
    let style = Style::bold(TITLE_PX);
    let title = text::wrap(&view.title, style, band.w - x - 40.0, 1);
    let baseline = band.h * 0.5 + TITLE_PX * 0.35;
    page.items
        .push(panel(band, lines(&title, style, x, baseline, ink)));
    page.logo = placed.map(|(rect, logo)| PlacedLogo {
        rect,
        logo: logo.clone(),
        // Drawn with the band, which holds it.
        item: page.items.len() - 1,
    });
    if let Some((name, missions)) = &view.card {
        let r = screen.card();
        let width = r.w - 64.0;
        let name_style = Style::bold(CARD_NAME_PX);
        let text_style = Style::regular(CARD_TEXT_PX);
        let mut out = Vec::new();
        let mut y = 32.0 + CARD_NAME_PX;
        for l in text::wrap(name, name_style, width, 4) {
            out.push(line(l, name_style, 32.0, y, ink));
            y += name_style.line_height();
        }
        y += CARD_TEXT_PX * 0.6;
        for m in missions {
            for l in text::wrap(&format!("• {m}"), text_style, width, 12) {
                if y > r.h - 16.0 {
                    break;
                }
                out.push(line(l, text_style, 32.0, y, ink));
                y += text_style.line_height();
            }
            y += CARD_TEXT_PX * 0.4;
        }
        let mut item = panel(r, out);
        item.fill = Rgba::rgb(246, 246, 240);
        item.stroke = ink;
        item.stroke_width = 3.0;
        page.items.push(item);
    }
    page
}

fn line(text: String, style: Style, x: f32, y: f32, colour: Rgba) -> TextLine {
    TextLine {
        x,
        y,
        text: text.into(),
        style,
        centred: false,
        colour,
    }
}

fn lines(texts: &[String], style: Style, x: f32, y: f32, colour: Rgba) -> Vec<TextLine> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            line(
                t.clone(),
                style,
                x,
                y + i as f32 * style.line_height(),
                colour,
            )
        })
        .collect()
}

/// A white box over the chart, that holds `lines`.
fn panel(rect: Rect, lines: Vec<TextLine>) -> Item {
    let white = Rgba::rgb(255, 255, 255);
    Item {
        owner: Owner::Decoration,
        shape: Shape::Rect,
        rect,
        fill: white,
        stroke: white,
        stroke_width: 0.0,
        dashed: false,
        lines: lines.into(),
        rule: None,
    }
}

/// `scene` as `view` shows it on `screen`, in the screen's pixels, with what the spotlight
/// leaves out dimmed; what is out of sight is left out.
pub fn on_screen(scene: &Scene, view: &Frame, lit: &Lit, screen: Screen) -> Scene {
    let background = scene.background.unwrap_or(Rgba::rgb(255, 255, 255));
    let paint = |c: Rgba, light: Light| match light {
        Light::Dim => dim(c, background, DIM),
        _ => c,
    };
    let seen = view.clip;
    let z = view.zoom;
    let mut page = Scene {
        width: screen.width,
        height: screen.height,
        background: Some(background),
        ..Default::default()
    };
    for (item, &on) in scene.items.iter().zip(&lit.items) {
        if on == Light::Off || !item.rect.intersects(&seen) {
            continue;
        }
        let (x, y) = view.to_screen((item.rect.x, item.rect.y));
        let lines: Arc<[TextLine]> = item
            .lines
            .iter()
            .map(|l| TextLine {
                x: l.x * z,
                y: l.y * z,
                style: Style {
                    size: l.style.size * z,
                    ..l.style
                },
                colour: paint(l.colour, on),
                ..l.clone()
            })
            .collect();
        page.items.push(Item {
            rect: Rect {
                x,
                y,
                w: item.rect.w * z,
                h: item.rect.h * z,
            },
            fill: paint(item.fill, on),
            stroke: paint(item.stroke, on),
            stroke_width: item.stroke_width * z,
            lines,
            rule: item.rule.map(|r| view.to_screen((0.0, r)).1),
            ..item.clone()
        });
    }
    for (c, &on) in scene.connectors.iter().zip(&lit.connectors) {
        if on == Light::Off {
            continue;
        }
        page.connectors.push(Connector {
            points: c.points.iter().map(|&p| view.to_screen(p)).collect(),
            colour: paint(c.colour, on),
            width: c.width * z,
            ends: None,
            ..c.clone()
        });
    }
    page
}
