//! The organisation's logo as the chart carries it: read once (see `export::logo`), then
//! placed at the head of the title block, where every drawing of the scene finds it.

use super::Rect;
use std::path::PathBuf;
use std::sync::Arc;

/// A logo read from its file.
#[derive(Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file it was read from, for messages.
    pub path: PathBuf,
    /// The file as read, and its media type: an SVG export embeds it as it is, so that a
    /// vector logo stays vector.
    pub source: Arc<[u8]>,
    pub media_type: &'static str,
    /// The picture in straight-alpha RGBA rows: what the canvas, the PNG and the PDF draw.
    pub width: u32,
    pub height: u32,
    pub rgba: Arc<[u8]>,
}

impl std::fmt::Debug for Logo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Logo({}, {} × {})",
            self.path.display(),
            self.width,
            self.height
        )
    }
}

impl Logo {
    /// Its size `height` high, or narrower than `max_width` when so high it would be wider,
    /// keeping its shape.
    pub fn fitted(&self, height: f32, max_width: f32) -> (f32, f32) {
        let aspect = self.width.max(1) as f32 / self.height.max(1) as f32;
        match height * aspect {
            w if w > max_width => (max_width, max_width / aspect),
            w => (w, height),
        }
    }
}

/// A logo where the scene draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLogo {
    pub rect: Rect,
    pub logo: Arc<Logo>,
    /// The empty item that keeps its place: a drawing of some items only (a page of
    /// several) draws the logo with it.
    pub item: usize,
}

/// A logo stands as high as the title's lines, within these bounds, and at most this wide:
/// a crest is square, a « bloc-marque » with the ministry's name under Marianne is broad.
const MIN_HEIGHT: f32 = 48.0;
const MAX_HEIGHT: f32 = 72.0;
const MAX_WIDTH: f32 = 240.0;
/// Between the logo and the title's text.
pub const GAP: f32 = 16.0;

/// Where `logo` goes with its top-left corner at (x, y), beside a title `text_height` high,
/// its place kept by item `item`.
pub fn place(logo: &Arc<Logo>, (x, y): (f32, f32), text_height: f32, item: usize) -> PlacedLogo {
    let (w, h) = logo.fitted(text_height.clamp(MIN_HEIGHT, MAX_HEIGHT), MAX_WIDTH);
    PlacedLogo {
        rect: Rect { x, y, w, h },
        logo: logo.clone(),
        item,
    }
}
