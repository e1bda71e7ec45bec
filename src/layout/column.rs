//! The column arrangement: children stacked down a spine that leaves the parent's centre, one
//! column on each side of it (or one only, on its right), each child joined to the spine by a
//! stub into the side of its box, as in Visio's vertical and side-by-side org-chart styles.
//! Each side stacks on its own (or, with `Gaps::level_sides`, level with the other, pair by
//! pair), and the split point is chosen so that both end at about the same height.

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
    if gaps.level_sides {
        // The j-th child of each side starts where the taller of the pair before ended.
        let pairs = left.max(n - left);
        s.pairs.clear();
        s.pairs.resize(pairs + 1, 0.0);
        for (j, k) in s.kids.iter().enumerate() {
            let pair = if j < left { j } else { j - left };
            s.pairs[pair + 1] = s.pairs[pair + 1].max(k.block.h + gaps.sibling);
        }
        for p in 0..pairs {
            s.pairs[p + 1] += s.pairs[p];
        }
        height = [s.pairs[pairs]; 2];
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
            if gaps.level_sides {
                y[side] = top + s.pairs[if j < left { j } else { j - left }];
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::arrange::Kid;

    #[test]
    fn level_sides_start_each_pair_together() {
        let kid = |h: f64| Kid {
            block: Block {
                w: 100.0,
                h,
                node_x: 0.0,
            },
            box_w: 100.0,
            box_h: h,
        };
        let mut s = Scratch {
            kids: [80.0, 40.0, 40.0, 80.0, 40.0, 40.0].map(kid).to_vec(),
            slots: vec![Slot::default(); 6],
            ..Default::default()
        };
        let gaps = |level_sides| Gaps {
            sibling: 20.0,
            level: 40.0,
            level_sides,
        };
        let free = column(3, (100.0, 50.0), gaps(false), &mut s, true);
        let ys = |s: &Scratch| s.slots.iter().map(|t| t.y).collect::<Vec<_>>();
        assert_eq!(ys(&s), [70.0, 170.0, 230.0, 70.0, 170.0, 230.0]);
        s.kids.swap(3, 4);
        column(3, (100.0, 50.0), gaps(false), &mut s, true);
        assert_eq!(
            ys(&s),
            [70.0, 170.0, 230.0, 70.0, 130.0, 230.0],
            "each side on its own"
        );
        let level = column(3, (100.0, 50.0), gaps(true), &mut s, true);
        assert_eq!(
            ys(&s),
            [70.0, 170.0, 270.0, 70.0, 170.0, 270.0],
            "pair by pair"
        );
        assert_eq!((free.h, level.h), (270.0, 310.0));
    }
}
