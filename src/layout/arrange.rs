//! How the children of one node are arranged under it, and which arrangement to choose.
//!
//! Works in the top-down frame, in f64 so that offsets summed down deep trees stay exact
//! enough for mirror-symmetric output.

use super::column;

/// How a node's children are arranged under it. Both keep siblings visibly together: one row
/// under one bus, or one spine with every child on it; never rows that read as levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side, top-aligned, the parent centred over them.
    Row,
    /// Stacked down a spine from the parent's centre, each joined by a stub: the first `left`
    /// children on its left, the others on its right (`left == 0`: one column, on the right).
    Column { left: usize },
}

/// A laid-out subtree: its bounding box and where its root box sits on the box's top edge.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Block {
    pub w: f64,
    pub h: f64,
    /// Left of the subtree's root box, from the block's left.
    pub node_x: f64,
}

/// A child as its parent sees it: its block, and its own box (its connector lands on the
/// box, not the block).
#[derive(Clone, Copy, Debug)]
pub(super) struct Kid {
    pub block: Block,
    pub box_w: f64,
    pub box_h: f64,
}

/// Where a child's block goes, relative to its parent's block top-left, with its bus (y) and
/// whether it hangs from the spine by its side.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Slot {
    pub x: f64,
    pub y: f64,
    pub bus: f64,
    pub side: bool,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Gaps {
    pub sibling: f64,
    pub level: f64,
    /// See [`super::Within::level_sides`].
    pub level_sides: bool,
}

/// Reused between nodes so that arranging allocates nothing per candidate.
#[derive(Default)]
pub(super) struct Scratch {
    pub kids: Vec<Kid>,
    pub slots: Vec<Slot>,
    /// The staff's slots, apart from the operational children's.
    pub staff: Vec<Slot>,
    /// Where each pair of a spine's level sides starts, from the first pair's top.
    pub pairs: Vec<f64>,
}

/// The most leaves a row holds in a compact chart.
const MAX_LEAF_ROW: usize = 4;

/// Aspects (width / height) that cost nothing, and how hard leaving them is punished.
#[derive(Clone, Copy)]
struct Band {
    lo: f64,
    hi: f64,
    penalty: f64,
}

/// For a subtree that is a small part of the chart: its parent lines it up in a row or
/// stacks it on a spine, where tall and narrow blocks pack best.
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
/// holding `share` of the chart's box area. A row that is no wider than `max_row` always
/// wins, unless it would line up more than four leaves in a small part of the chart: it is
/// what readers expect. Otherwise the spine, on one side or two, whichever keeps
/// the subtree nearer its band's shape for the least area.
pub(super) fn choose(
    parent: (f64, f64),
    all_leaves: bool,
    share: f64,
    max_row: f64,
    compact: bool,
    gaps: Gaps,
    s: &mut Scratch,
) -> Arrangement {
    let n = s.kids.len();
    if !compact || n < 2 {
        return Arrangement::Row;
    }
    // Many leaves stand better stacked, as printed charts do, than in a long flat row; but
    // the one group of a small chart is its main row.
    let stacked_leaves = all_leaves && n > MAX_LEAF_ROW && share < 0.5;
    if !stacked_leaves && arrange(Arrangement::Row, parent, gaps, s, false).w <= max_row {
        return Arrangement::Row;
    }
    let band = Band::for_share(share);
    let score = |arr: Arrangement, s: &mut Scratch| {
        let b = arrange(arr, parent, gaps, s, false);
        b.w * b.h * band.penalty(b.w, b.h)
    };
    let one = Arrangement::Column { left: 0 };
    let two = Arrangement::Column {
        left: column::balance(gaps, s),
    };
    if score(two, s) < score(one, s) {
        two
    } else {
        one
    }
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
        Arrangement::Column { left } => column::column(left, parent, gaps, s, place),
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
                side: false,
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
