//! The grid arrangement: rows of children across a corridor that carries the trunk, each row
//! aligned on both sides so that every bus runs in the gap above its row.

use super::arrange::{Block, Gaps, Scratch, Slot};

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

/// The grid arrangement of `s.kids`, rows of `2 * m`, under a parent box of (pw, ph) centred
/// over the corridor.
pub(super) fn grid(
    m: usize,
    (pw, ph): (f64, f64),
    gaps: Gaps,
    s: &mut Scratch,
    place: bool,
) -> Block {
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
