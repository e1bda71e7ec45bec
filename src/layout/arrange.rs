//! How the children of one node are arranged under it, and which arrangement to choose.
//!
//! Works in the top-down frame, in f64 so that offsets summed down deep trees stay exact
//! enough for mirror-symmetric output.

use super::{grid, split};

/// How a node's children are arranged under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side, top-aligned, the parent centred over them.
    Row,
    /// Rows of `2 * m` children, `m` columns each side of a free corridor that carries the
    /// connector down from the parent's centre.
    Grid(usize),
    /// The first `left` children down the left of the corridor, the others down its right;
    /// each side in up to `columns` columns, filled column by column (left to right) with its
    /// rows aligned, and stacked on its own: a side does not wait for the other's rows.
    Split { columns: usize, left: usize },
}

/// A laid-out subtree: its bounding box and where its root box sits on the box's top edge.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Block {
    pub w: f64,
    pub h: f64,
    /// Left of the subtree's root box, from the block's left.
    pub node_x: f64,
}

/// A child as its parent sees it: its block, and its own box width (its connector lands on
/// the box's centre, not the block's).
#[derive(Clone, Copy, Debug)]
pub(super) struct Kid {
    pub block: Block,
    pub box_w: f64,
}

/// Where a child's block goes, relative to its parent's block top-left, with its bus (y).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Slot {
    pub x: f64,
    pub y: f64,
    pub bus: f64,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Gaps {
    pub sibling: f64,
    pub level: f64,
}

/// Reused between nodes so that arranging allocates nothing per candidate.
#[derive(Default)]
pub(super) struct Scratch {
    pub kids: Vec<Kid>,
    pub slots: Vec<Slot>,
    pub col_w: Vec<f64>,
    pub col_edge: Vec<f64>,
    pub row_h: Vec<f64>,
    pub row_top: Vec<f64>,
}

const MAX_SIDE_COLUMNS: usize = 6;
/// Weight of a row's score against the others'. Below 1 it would buy readers the row they
/// expect at the price of room: 0.7 costs about 15% of the fill of large charts.
const ROW_WEIGHT: f64 = 1.0;

/// Aspects (width / height) that cost nothing, and how hard leaving them is punished.
#[derive(Clone, Copy)]
struct Band {
    lo: f64,
    hi: f64,
    penalty: f64,
}

/// For a subtree that is a small part of the chart. Its parent stacks it in a split's column
/// or lines it up in a row, where tall and narrow blocks pack best: measured on generated
/// charts, this loose, tall-leaning band fills best.
const PART: Band = Band {
    lo: 0.2,
    hi: 1.25,
    penalty: 8.0,
};
/// For the whole chart, which must keep a page's shape.
const PAGE: Band = Band {
    lo: 0.7,
    hi: 2.5,
    penalty: 64.0,
};

impl Band {
    /// The band for a subtree holding `share` of the chart's box area: it slides from
    /// [`PART`] to [`PAGE`] as the share grows, since a subtree holding most of the chart has
    /// too few ancestors left to fix its shape.
    fn for_share(share: f64) -> Band {
        let f = share.clamp(0.0, 1.0);
        let mix = |part: f64, page: f64| part.powf(1.0 - f) * page.powf(f);
        Band {
            lo: mix(PART.lo, PAGE.lo),
            hi: mix(PART.hi, PAGE.hi),
            penalty: mix(PART.penalty, PAGE.penalty),
        }
    }

    /// Grows with the distance from the band, measured as a ratio so that too tall and too
    /// wide are punished alike.
    fn penalty(&self, w: f64, h: f64) -> f64 {
        let aspect = w.max(1e-9) / h.max(1e-9);
        let off = if aspect < self.lo {
            self.lo / aspect - 1.0
        } else if aspect > self.hi {
            aspect / self.hi - 1.0
        } else {
            0.0
        };
        1.0 + self.penalty * off * off
    }
}

/// Picks the arrangement of `s.kids` under a parent box of `parent` (w, h), for a subtree
/// holding `share` of the chart's box area.
pub(super) fn choose(
    parent: (f64, f64),
    all_leaves: bool,
    share: f64,
    compact: bool,
    gaps: Gaps,
    s: &mut Scratch,
) -> Arrangement {
    let n = s.kids.len();
    if !compact || n == 0 {
        return Arrangement::Row;
    }
    let band = Band::for_share(share);
    let mut best: Option<(f64, Arrangement)> = None;
    let mut consider = |arr: Arrangement, weight: f64, s: &mut Scratch| {
        let b = arrange(arr, parent, gaps, s, false);
        let score = b.w * b.h * band.penalty(b.w, b.h) * weight;
        if best.is_none_or(|(s0, _)| score < s0) {
            best = Some((score, arr));
        }
    };
    // A long row of leaves is never what a reader wants, however well it fits.
    if !(all_leaves && n > 4) {
        consider(Arrangement::Row, ROW_WEIGHT, s);
    }
    for m in 1..=MAX_SIDE_COLUMNS.min(n.div_ceil(2)) {
        consider(Arrangement::Grid(m), 1.0, s);
    }
    // A single child has no second side: it hangs straight under its parent in a row.
    if n >= 2 {
        for columns in 1..=MAX_SIDE_COLUMNS.min(n.div_ceil(2)) {
            let left = split::balance(columns, gaps, s);
            consider(Arrangement::Split { columns, left }, 1.0, s);
        }
    }
    best.map_or(Arrangement::Row, |(_, a)| a)
}

/// Measures `arr` for `s.kids`; with `place`, also writes each kid's slot into `s.slots`.
pub(super) fn arrange(
    arr: Arrangement,
    parent: (f64, f64),
    gaps: Gaps,
    s: &mut Scratch,
    place: bool,
) -> Block {
    if place {
        s.slots.clear();
        s.slots.resize(s.kids.len(), Slot::default());
    }
    if s.kids.is_empty() {
        return Block {
            w: parent.0,
            h: parent.1,
            node_x: 0.0,
        };
    }
    match arr {
        Arrangement::Row => row(parent, gaps, s, place),
        Arrangement::Grid(m) => grid::grid(m.max(1), parent, gaps, s, place),
        Arrangement::Split { columns, left } => {
            split::split(columns.max(1), left, parent, gaps, s, place)
        }
    }
}

fn row((pw, ph): (f64, f64), gaps: Gaps, s: &mut Scratch, place: bool) -> Block {
    let top = ph + gaps.level;
    let mut x = 0.0;
    let mut max_h: f64 = 0.0;
    for (i, k) in s.kids.iter().enumerate() {
        if place {
            s.slots[i] = Slot {
                x,
                y: top,
                bus: top - gaps.level / 2.0,
            };
        }
        x += k.block.w + gaps.sibling;
        max_h = max_h.max(k.block.h);
    }
    let row_w = x - gaps.sibling;
    let (first, last) = (s.kids[0], s.kids[s.kids.len() - 1]);
    let centre = if pw > row_w {
        row_w / 2.0
    } else {
        let first_c = first.block.node_x + first.box_w / 2.0;
        let last_c = row_w - last.block.w + last.block.node_x + last.box_w / 2.0;
        (first_c + last_c) / 2.0
    };
    let parent_left = centre - pw / 2.0;
    let min_x = parent_left.min(0.0);
    let max_x = (parent_left + pw).max(row_w);
    if place {
        for slot in &mut s.slots {
            slot.x -= min_x;
        }
    }
    Block {
        w: max_x - min_x,
        h: top + max_h,
        node_x: parent_left - min_x,
    }
}
