//! How the children of one node are arranged under it, and which arrangement to choose.
//!
//! Works in the top-down frame, in f64 so that offsets summed down deep trees stay exact
//! enough for mirror-symmetric output.

/// How a node's children are arranged under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Side by side, top-aligned, the parent centred over them.
    Row,
    /// Rows of `2 * m` children, `m` columns each side of a free corridor that carries the
    /// connector down from the parent's centre.
    Grid(usize),
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
    col_w: Vec<f64>,
    col_edge: Vec<f64>,
    row_h: Vec<f64>,
    row_top: Vec<f64>,
}

const MAX_SIDE_COLUMNS: usize = 6;
/// Readers expect a row; a grid must save a good deal of room to be worth it.
const ROW_BONUS: f64 = 0.7;
const GOOD_ASPECT: (f64, f64) = (0.5, 2.5);
const ASPECT_PENALTY: f64 = 64.0;

/// Grows with the distance from a page-like shape, measured as a ratio so that too tall and
/// too wide are punished alike.
fn shape_penalty(w: f64, h: f64) -> f64 {
    let aspect = w.max(1e-9) / h.max(1e-9);
    let off = if aspect < GOOD_ASPECT.0 {
        GOOD_ASPECT.0 / aspect - 1.0
    } else if aspect > GOOD_ASPECT.1 {
        aspect / GOOD_ASPECT.1 - 1.0
    } else {
        0.0
    };
    1.0 + ASPECT_PENALTY * off * off
}

/// Picks the arrangement of `s.kids` under a parent box of `parent` (w, h).
pub(super) fn choose(
    parent: (f64, f64),
    all_leaves: bool,
    compact: bool,
    gaps: Gaps,
    s: &mut Scratch,
) -> Arrangement {
    let n = s.kids.len();
    if !compact || n == 0 {
        return Arrangement::Row;
    }
    let mut best: Option<(f64, Arrangement)> = None;
    let mut consider = |arr: Arrangement, weight: f64, s: &mut Scratch| {
        let b = arrange(arr, parent, gaps, s, false);
        let score = b.w * b.h * shape_penalty(b.w, b.h) * weight;
        if best.is_none_or(|(s0, _)| score < s0) {
            best = Some((score, arr));
        }
    };
    // A long row of leaves is never what a reader wants, however well it fits.
    if !(all_leaves && n > 4) {
        consider(Arrangement::Row, ROW_BONUS, s);
    }
    for m in 1..=MAX_SIDE_COLUMNS.min(n.div_ceil(2)) {
        consider(Arrangement::Grid(m), 1.0, s);
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
        Arrangement::Grid(m) => grid(m.max(1), parent, gaps, s, place),
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

/// Column of the `j`-th kid. Full rows read left to right across the corridor; a partial
/// last row hugs the corridor, its left half (rounded up) on the left, so it stays balanced.
fn column(j: usize, m: usize, n: usize) -> (usize, usize) {
    let per_row = 2 * m;
    let (r, t) = (j / per_row, j % per_row);
    let last_count = n - (n - 1) / per_row * per_row;
    if r < (n - 1) / per_row || last_count == per_row {
        return (r, t);
    }
    let left = last_count.div_ceil(2);
    (r, if t < left { m - left + t } else { m + t - left })
}

fn grid(m: usize, (pw, ph): (f64, f64), gaps: Gaps, s: &mut Scratch, place: bool) -> Block {
    let n = s.kids.len();
    let rows = n.div_ceil(2 * m);
    s.col_w.clear();
    s.col_w.resize(2 * m, f64::NAN);
    s.row_h.clear();
    s.row_h.resize(rows, 0.0);
    for (j, k) in s.kids.iter().enumerate() {
        let (r, c) = column(j, m, n);
        // NaN marks a column no kid uses, so it costs no gap.
        s.col_w[c] = if s.col_w[c].is_nan() {
            k.block.w
        } else {
            s.col_w[c].max(k.block.w)
        };
        s.row_h[r] = s.row_h[r].max(k.block.h);
    }
    // Left columns store their right edge, right columns their left edge: each kid is
    // aligned towards the corridor, centred on x = 0.
    let half = gaps.sibling / 2.0;
    s.col_edge.clear();
    s.col_edge.resize(2 * m, 0.0);
    let (mut min_x, mut max_x) = (-pw / 2.0, pw / 2.0);
    let mut edge = -half;
    for c in (0..m).rev().take_while(|&c| !s.col_w[c].is_nan()) {
        s.col_edge[c] = edge;
        min_x = min_x.min(edge - s.col_w[c]);
        edge -= s.col_w[c] + gaps.sibling;
    }
    let mut edge = half;
    for c in (m..2 * m).take_while(|&c| !s.col_w[c].is_nan()) {
        s.col_edge[c] = edge;
        max_x = max_x.max(edge + s.col_w[c]);
        edge += s.col_w[c] + gaps.sibling;
    }
    let mut top = ph + gaps.level;
    s.row_top.clear();
    for h in &s.row_h {
        s.row_top.push(top);
        top += h + gaps.level;
    }
    let block = Block {
        w: max_x - min_x,
        h: top - gaps.level,
        node_x: -pw / 2.0 - min_x,
    };
    if !place {
        return block;
    }
    for (j, k) in s.kids.iter().enumerate() {
        let (r, c) = column(j, m, n);
        let x = if c < m {
            s.col_edge[c] - k.block.w
        } else {
            s.col_edge[c]
        };
        let y = s.row_top[r];
        s.slots[j] = Slot {
            x: x - min_x,
            y,
            bus: y - gaps.level / 2.0,
        };
    }
    block
}
