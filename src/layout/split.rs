//! The split arrangement: children down both sides of the corridor that carries the trunk,
//! each side stacked on its own. A grid aligns its rows across the corridor, so one tall
//! subtree leaves a hole beside it on the other side; here each side only waits for itself,
//! and the split point is chosen so that both sides end at about the same height.
//!
//! Within a side, columns keep their rows aligned: the bus to an outer column runs at its
//! row's top minus half a level gap, which then falls in the gap above every inner box.

use std::ops::Range;

use super::arrange::{Block, Gaps, Scratch, Slot};

/// Rows and used columns of a side of `count` children in at most `m` columns, filled
/// column by column: as few rows as `m` columns allow.
fn shape(count: usize, m: usize) -> (usize, usize) {
    let rows = count.div_ceil(m);
    (rows, count.div_ceil(rows.max(1)))
}

/// Height of the side made of `range`, children only (the level gap above them excluded).
fn side_height(range: Range<usize>, m: usize, gaps: Gaps, s: &mut Scratch) -> f64 {
    let (rows, _) = shape(range.len(), m);
    if rows == 0 {
        return 0.0;
    }
    s.row_h.clear();
    s.row_h.resize(rows, 0.0);
    for (j, k) in s.kids[range].iter().enumerate() {
        s.row_h[j % rows] = s.row_h[j % rows].max(k.block.h);
    }
    s.row_h.iter().sum::<f64>() + gaps.level * (rows - 1) as f64
}

/// How many of `s.kids` (at least two) go to the left so that the taller side is as short as
/// possible.
pub(super) fn balance(m: usize, gaps: Gaps, s: &mut Scratch) -> usize {
    if m == 1 {
        return balance_columns(gaps, s);
    }
    // The left side only grows and the right only shrinks as the split moves right (up to
    // the odd regrouping of rows), so a bisection finds where they cross in O(n log n), which
    // a star of fifty thousand children can afford. The best split seen on the way is kept,
    // the crossing and the split just before it being seen last.
    let n = s.kids.len();
    let mut best = (f64::MAX, 1);
    let mut try_split = |k: usize, s: &mut Scratch| {
        let (l, r) = (side_height(0..k, m, gaps, s), side_height(k..n, m, gaps, s));
        if l.max(r) < best.0 || (l.max(r) == best.0 && k < best.1) {
            best = (l.max(r), k);
        }
        l >= r
    };
    let (mut lo, mut hi) = (1, n - 1);
    // Whether `lo - 1` and `hi` were tried: the bounds only ever move onto tried splits.
    let (mut lo_moved, mut hi_moved) = (false, false);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if try_split(mid, s) {
            (hi, hi_moved) = (mid, true);
        } else {
            (lo, lo_moved) = (mid + 1, true);
        }
    }
    if !hi_moved {
        try_split(lo, s);
    }
    if !lo_moved && lo > 1 {
        try_split(lo - 1, s);
    }
    best.1
}

/// [`balance`] with one column a side: a side's height is then a sum, so one pass finds the
/// best split exactly, in linear time.
fn balance_columns(gaps: Gaps, s: &Scratch) -> usize {
    let total: f64 = s.kids.iter().map(|k| k.block.h + gaps.level).sum();
    // Left height plus a level gap, as the split moves right.
    let mut left = 0.0;
    let mut best = (f64::MAX, 1);
    for k in 1..s.kids.len() {
        left += s.kids[k - 1].block.h + gaps.level;
        let taller = left.max(total - left);
        if taller < best.0 {
            best = (taller, k);
        }
        if left >= total - left {
            break;
        }
    }
    best.1
}

/// Lays out one side, its first row at `top`; returns its width and height. Slots get x
/// relative to the corridor's centre: left blocks end at the corridor, right blocks start
/// there, so every bus leaves the trunk straight towards its own child.
fn side(
    range: Range<usize>,
    m: usize,
    left: bool,
    top: f64,
    gaps: Gaps,
    s: &mut Scratch,
    place: bool,
) -> (f64, f64) {
    let (rows, cols) = shape(range.len(), m);
    if rows == 0 {
        return (0.0, 0.0);
    }
    s.col_w.clear();
    s.col_w.resize(cols, 0.0);
    s.row_h.clear();
    s.row_h.resize(rows, 0.0);
    let start = range.start;
    for (j, k) in s.kids[range.clone()].iter().enumerate() {
        s.col_w[j / rows] = s.col_w[j / rows].max(k.block.w);
        s.row_h[j % rows] = s.row_h[j % rows].max(k.block.h);
    }
    let width = s.col_w.iter().sum::<f64>() + gaps.sibling * (cols - 1) as f64;
    let height = s.row_h.iter().sum::<f64>() + gaps.level * (rows - 1) as f64;
    if !place {
        return (width, height);
    }
    // From here on each column keeps the x of its edge nearer the corridor, each row its top.
    let half = gaps.sibling / 2.0;
    let mut edge = if left { -half } else { half };
    for i in 0..cols {
        let q = if left { cols - 1 - i } else { i };
        let w = s.col_w[q];
        s.col_w[q] = edge;
        edge += if left {
            -(w + gaps.sibling)
        } else {
            w + gaps.sibling
        };
    }
    let mut y = top;
    for h in &mut s.row_h {
        let row_top = y;
        y += *h + gaps.level;
        *h = row_top;
    }
    for j in 0..range.len() {
        let w = s.kids[start + j].block.w;
        let edge = s.col_w[j / rows];
        let y = s.row_h[j % rows];
        s.slots[start + j] = Slot {
            x: if left { edge - w } else { edge },
            y,
            bus: y - gaps.level / 2.0,
        };
    }
    (width, height)
}

/// The split arrangement of `s.kids`, the first `left` on the left, in up to `m` columns a
/// side, under a parent box of (pw, ph) centred over the corridor.
pub(super) fn split(
    m: usize,
    left: usize,
    (pw, ph): (f64, f64),
    gaps: Gaps,
    s: &mut Scratch,
    place: bool,
) -> Block {
    let n = s.kids.len();
    let left = left.min(n);
    let top = ph + gaps.level;
    let half = gaps.sibling / 2.0;
    let (lw, lh) = side(0..left, m, true, top, gaps, s, place);
    let (rw, rh) = side(left..n, m, false, top, gaps, s, place);
    let min_x = if left > 0 {
        (-half - lw).min(-pw / 2.0)
    } else {
        -pw / 2.0
    };
    let max_x = if left < n {
        (half + rw).max(pw / 2.0)
    } else {
        pw / 2.0
    };
    if place {
        for slot in &mut s.slots {
            slot.x -= min_x;
        }
    }
    Block {
        w: max_x - min_x,
        h: top + lh.max(rh),
        node_x: -pw / 2.0 - min_x,
    }
}
