//! The column arrangement: children stacked down a spine that leaves the parent's centre, one
//! column on each side of it (or one only, on its right), each child joined to the spine by a
//! stub into the side of its box, as in Visio's vertical and side-by-side org-chart styles.
//! Each side stacks on its own, and the split point is chosen so that both end at about the
//! same height.

use super::arrange::{Block, Gaps, Scratch, Slot};

/// How many of `s.kids` (at least two) go to the left so that the taller side is as short as
/// possible. A side's height is a sum, so one pass finds the best split exactly.
pub(super) fn balance(gaps: Gaps, s: &Scratch) -> usize {
    let total: f64 = s.kids.iter().map(|k| k.block.h + gaps.sibling).sum();
    // Left height plus a gap, as the split moves right.
    let mut left = 0.0;
    let mut best = (f64::MAX, 1);
    for k in 1..s.kids.len() {
        left += s.kids[k - 1].block.h + gaps.sibling;
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

/// The column arrangement of `s.kids`, the first `left` on the left of the spine, under a
/// parent box of (pw, ph) centred over the spine. Blocks on the left end half a sibling gap
/// before the spine, blocks on the right start half a gap after it, so the spine runs free.
pub(super) fn column(
    left: usize,
    (pw, ph): (f64, f64),
    gaps: Gaps,
    s: &mut Scratch,
    place: bool,
) -> Block {
    let n = s.kids.len();
    let left = left.min(n);
    // No bus runs above the first child: the spine enters it from the side.
    let top = ph + gaps.level / 2.0;
    let half = gaps.sibling / 2.0;
    let (mut width, mut height) = ([0.0f64; 2], [0.0f64; 2]);
    for (j, k) in s.kids.iter().enumerate() {
        let side = usize::from(j >= left);
        width[side] = width[side].max(k.block.w);
        height[side] += k.block.h + gaps.sibling;
    }
    let min_x = if left > 0 {
        (-half - width[0]).min(-pw / 2.0)
    } else {
        -pw / 2.0
    };
    let max_x = if left < n {
        (half + width[1]).max(pw / 2.0)
    } else {
        pw / 2.0
    };
    if place {
        let mut y = [top; 2];
        for (j, k) in s.kids.iter().enumerate() {
            let side = usize::from(j >= left);
            let x = if side == 0 { -half - k.block.w } else { half };
            s.slots[j] = Slot {
                x: x - min_x,
                y: y[side],
                bus: y[side] + k.box_h / 2.0,
                side: true,
            };
            y[side] += k.block.h + gaps.sibling;
        }
    }
    Block {
        w: max_x - min_x,
        h: top + (height[0].max(height[1]) - gaps.sibling).max(0.0),
        node_x: -pw / 2.0 - min_x,
    }
}
