//! Which part of a step's chart the screen shows, and how large: all of its units when they
//! fit with their names at `MIN_NAME_PX`, else several frames, each cut between boxes.

use super::MIN_NAME_PX;
use super::cuts::{self, pieces};
use super::{Light, Lit};
use crate::scene::{Item, NAME_SIZE, Owner, Rect, Scene};

/// The screen, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Screen {
    pub width: f32,
    pub height: f32,
}

/// Names at most this high: a lone box filling a wall says less than one beside its title.
const MAX_NAME_PX: f32 = 56.0;
/// Around the units framed, in chart units.
const MARGIN: f32 = 16.0;

impl Screen {
    pub const PROJECTOR: Screen = Screen {
        width: 1920.0,
        height: 1080.0,
    };

    /// The band across the top that holds the step's title, in pixels.
    pub fn title_height(self) -> f32 {
        (self.height * 0.09).max(40.0)
    }

    /// The missions card's part of the screen, on the right, in pixels.
    pub fn card(self) -> Rect {
        let w = self.width * 0.36;
        let top = self.title_height();
        Rect {
            x: self.width - w,
            y: top,
            w,
            h: self.height - top,
        }
    }

    /// The widest row of boxes, in chart units, that the chart's area shows whole with names
    /// at `MIN_NAME_PX`.
    pub fn widest_row(self, card: bool) -> f32 {
        self.chart_area(card).w * NAME_SIZE / MIN_NAME_PX - 2.0 * MARGIN
    }

    /// Where the chart is drawn, in pixels: below the title, left of the card if there is one.
    pub fn chart_area(self, card: bool) -> Rect {
        let top = self.title_height();
        let right = if card { self.card().x } else { self.width };
        Rect {
            x: 0.0,
            y: top,
            w: right,
            h: self.height - top,
        }
    }
}

/// A view of a scene on the screen: the scene point at the centre of `area` and the pixels a
/// chart unit takes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub area: Rect,
    pub centre: (f32, f32),
    pub zoom: f32,
    /// The part of the scene shown, in scene units: the visible part, or less when a step
    /// takes several frames (what the next frame shows is not cut at this one's edge).
    pub clip: Rect,
}

impl Frame {
    pub fn to_screen(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (
            self.area.x + self.area.w / 2.0 + (x - self.centre.0) * self.zoom,
            self.area.y + self.area.h / 2.0 + (y - self.centre.1) * self.zoom,
        )
    }

    pub fn to_scene(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (
            self.centre.0 + (x - self.area.x - self.area.w / 2.0) / self.zoom,
            self.centre.1 + (y - self.area.y - self.area.h / 2.0) / self.zoom,
        )
    }

    /// The part of the scene in view.
    pub fn visible(&self) -> Rect {
        let (w, h) = (self.area.w / self.zoom, self.area.h / self.zoom);
        Rect {
            x: self.centre.0 - w / 2.0,
            y: self.centre.1 - h / 2.0,
            w,
            h,
        }
    }

    /// Part way (`t` from 0 to 1) from `self` to `to`, the zoom changing at an even pace.
    pub fn towards(&self, to: &Frame, t: f32) -> Frame {
        let mix = |a: f32, b: f32| a + (b - a) * t;
        Frame {
            area: Rect {
                x: mix(self.area.x, to.area.x),
                y: mix(self.area.y, to.area.y),
                w: mix(self.area.w, to.area.w),
                h: mix(self.area.h, to.area.h),
            },
            centre: (
                mix(self.centre.0, to.centre.0),
                mix(self.centre.1, to.centre.1),
            ),
            zoom: (self.zoom.ln() + (to.zoom.ln() - self.zoom.ln()) * t).exp(),
            clip: Rect {
                x: mix(self.clip.x, to.clip.x),
                y: mix(self.clip.y, to.clip.y),
                w: mix(self.clip.w, to.clip.w),
                h: mix(self.clip.h, to.clip.h),
            },
        }
    }

    /// The same view of a scene moved by `by`.
    pub fn moved(&self, by: (f32, f32)) -> Frame {
        Frame {
            centre: (self.centre.0 + by.0, self.centre.1 + by.1),
            clip: Rect {
                x: self.clip.x + by.0,
                y: self.clip.y + by.1,
                ..self.clip
            },
            ..*self
        }
    }

    /// A frame of all that is visible.
    fn whole(area: Rect, centre: (f32, f32), zoom: f32) -> Frame {
        let mut f = Frame {
            area,
            centre,
            zoom,
            clip: Rect::default(),
        };
        f.clip = f.visible();
        f
    }
}

/// The smallest name among `boxes`, in chart units.
fn smallest_name<'a>(boxes: impl Iterator<Item = &'a Item>) -> f32 {
    let smallest = boxes
        .flat_map(|i| i.lines.iter())
        .filter(|l| l.style.bold)
        .map(|l| l.style.size)
        .fold(f32::INFINITY, f32::min);
    if smallest.is_finite() {
        smallest
    } else {
        NAME_SIZE
    }
}

/// The rectangle around `boxes`.
fn around<'a>(boxes: impl Iterator<Item = &'a Item>) -> Option<Rect> {
    cuts::around(boxes.map(|i| &i.rect))
}

/// The boxes a step frames; with `narrow`, only those in full light (the spotlit subtree
/// without the unit above it).
fn unit_boxes<'a>(
    scene: &'a Scene,
    lit: &'a Lit,
    narrow: bool,
) -> impl Iterator<Item = &'a Item> + Clone {
    scene
        .items
        .iter()
        .enumerate()
        .filter(move |(k, _)| lit.framed[*k] && (!narrow || lit.items[*k] == Light::On))
        .map(|(_, i)| i)
}

/// The zoom that shows all of `content` in `area`, and the one that keeps names legible.
fn zooms(content: Rect, name: f32, area: Rect) -> (f32, f32) {
    let fit = (area.w / (content.w + 2.0 * MARGIN)).min(area.h / (content.h + 2.0 * MARGIN));
    (fit, MIN_NAME_PX / name)
}

/// Whether every unit of `scene` fits on `screen` with its name legible.
pub fn fits(scene: &Scene, screen: Screen) -> bool {
    let boxes = scene
        .items
        .iter()
        .filter(|i| matches!(i.owner, Owner::Unit(_)));
    holds(boxes, screen.chart_area(false))
}

/// Whether `boxes` fit in `area` with their names legible.
fn holds<'a>(boxes: impl Iterator<Item = &'a Item> + Clone, area: Rect) -> bool {
    around(boxes.clone()).is_none_or(|content| {
        let (fit, legible) = zooms(content, smallest_name(boxes), area);
        fit >= legible
    })
}

/// How `scene` is shown on `screen`: the units `lit` frames, as large as they fit up to a
/// ceiling; or, when that would make names too small, in several frames, one after the
/// other in reading order, each cut between boxes (see `cuts`), all at one size: as large
/// as the fullest of them allows.
pub fn frames(scene: &Scene, screen: Screen, card: bool, lit: &Lit) -> Vec<Frame> {
    let area = screen.chart_area(card);
    // A window shrunk to nothing (minimised) has no room for a chart: cutting it into pieces
    // that small would make thousands of them.
    if area.w < 1.0 || area.h < 1.0 {
        let centre = (scene.width / 2.0, scene.height / 2.0);
        return vec![Frame::whole(area, centre, 1.0)];
    }
    let mut boxes = unit_boxes(scene, lit, false);
    if !holds(boxes.clone(), area) {
        // Without its context, a spotlit subtree may fit.
        boxes = unit_boxes(scene, lit, true);
    }
    let Some(content) = around(boxes.clone()) else {
        return vec![Frame::whole(
            area,
            (scene.width / 2.0, scene.height / 2.0),
            1.0,
        )];
    };
    let name = smallest_name(boxes.clone());
    let largest = MAX_NAME_PX / name;
    let (fit, legible) = zooms(content, name, area);
    if fit >= legible {
        let centre = (content.x + content.w / 2.0, content.y + content.h / 2.0);
        return vec![Frame::whole(area, centre, fit.min(largest))];
    }
    let max = (
        area.w / legible - 2.0 * MARGIN,
        area.h / legible - 2.0 * MARGIN,
    );
    let rects: Vec<Rect> = boxes.map(|i| i.rect).collect();
    let pieces = pieces(&rects, max, MARGIN);
    let zoom = pieces
        .iter()
        .map(|p| zooms(p.extent, name, area).0)
        .fold(largest, f32::min)
        .max(legible);
    pieces
        .iter()
        .map(|p| Frame {
            area,
            centre: (p.extent.x + p.extent.w / 2.0, p.extent.y + p.extent.h / 2.0),
            zoom,
            clip: p.clip,
        })
        .collect()
}
