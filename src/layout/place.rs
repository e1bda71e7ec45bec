//! The automatic placement: subtrees become blocks bottom-up, then blocks are given absolute
//! positions top-down. Both passes walk one pre-order array, never recursing, so a chain of a
//! hundred thousand units cannot overflow the stack, and every node is touched a bounded
//! number of times.

use super::arrange::{self, Arrangement, Block, Gaps, Kid, Scratch, Slot};
use super::staff::staff_band;

/// The input, cleaned and turned top-down: sizes are already swapped for left-right charts.
pub(super) struct Forest {
    pub sizes: Vec<(f64, f64)>,
    pub parent: Vec<Option<usize>>,
    /// Children of `i` are `kids[kid_start[i]..kid_start[i + 1]]`, in index order.
    kid_start: Vec<usize>,
    kids: Vec<usize>,
    roots: Vec<usize>,
    folded: Vec<bool>,
    staff: Vec<bool>,
    /// Visible nodes, each parent before its descendants.
    pub order: Vec<usize>,
}

impl Forest {
    /// `sizes` is already in the top-down frame. Parent links past the end are read as roots
    /// rather than trusted; nodes caught in a cycle are never reached from a root, so they
    /// simply stay hidden.
    pub fn new(
        sizes: Vec<(f64, f64)>,
        parent: &[Option<usize>],
        folded: &[bool],
        staff: &[bool],
    ) -> Forest {
        let n = sizes.len();
        let parent: Vec<Option<usize>> = (0..n)
            .map(|i| parent.get(i).copied().flatten().filter(|&p| p < n))
            .collect();
        let mut kid_start = vec![0usize; n + 1];
        for p in parent.iter().flatten() {
            kid_start[p + 1] += 1;
        }
        for i in 0..n {
            kid_start[i + 1] += kid_start[i];
        }
        let mut fill = kid_start.clone();
        let mut kids = vec![0usize; kid_start[n]];
        let mut roots = Vec::new();
        for (i, p) in parent.iter().enumerate() {
            match *p {
                Some(p) => {
                    kids[fill[p]] = i;
                    fill[p] += 1;
                }
                None => roots.push(i),
            }
        }
        let flag = |v: &[bool]| (0..n).map(|i| v.get(i).copied().unwrap_or(false)).collect();
        let (folded, staff) = (flag(folded), flag(staff));
        let mut forest = Forest {
            sizes,
            parent,
            kid_start,
            kids,
            roots,
            folded,
            staff,
            order: Vec::with_capacity(n),
        };
        forest.order = forest.pre_order();
        forest
    }

    pub fn visible_kids(&self, i: usize) -> &[usize] {
        if self.folded[i] {
            &[]
        } else {
            &self.kids[self.kid_start[i]..self.kid_start[i + 1]]
        }
    }

    /// Splits the visible tree for `parts` threads: disjoint subtrees, as ranges of `order`,
    /// none larger than an eighth of a part's share unless it is a leaf (small pieces balance
    /// well); and the nodes above them, in pre-order.
    fn subtrees(&self, parts: usize) -> (Vec<std::ops::Range<usize>>, Vec<usize>) {
        let n = self.order.len();
        let mut at = vec![0; self.sizes.len()];
        for (k, &i) in self.order.iter().enumerate() {
            at[i] = k;
        }
        let mut size = vec![1usize; self.sizes.len()];
        for &i in self.order.iter().rev() {
            size[i] += self.visible_kids(i).iter().map(|&k| size[k]).sum::<usize>();
        }
        let share = n.div_ceil(parts * 8);
        let mut subtrees = Vec::new();
        let mut above = Vec::new();
        let mut stack: Vec<usize> = self.roots.clone();
        while let Some(i) = stack.pop() {
            let kids = self.visible_kids(i);
            if size[i] > share && !kids.is_empty() {
                above.push(i);
                stack.extend_from_slice(kids);
            } else {
                subtrees.push(at[i]..at[i] + size[i]);
            }
        }
        above.sort_unstable_by_key(|&i| at[i]);
        (subtrees, above)
    }

    fn pre_order(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.sizes.len());
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(i) = stack.pop() {
            order.push(i);
            stack.extend(self.visible_kids(i).iter().rev());
        }
        order
    }
}

/// Automatic positions (top-left corners) and buses, in the top-down frame; None for hidden
/// nodes. Roots stand side by side along y = 0, starting at x = 0, in several rows when
/// there are many.
pub(super) struct Placed {
    pub pos: Vec<Option<(f64, f64)>>,
    pub bus: Vec<f64>,
    pub side: Vec<bool>,
    pub arrangement: Vec<Option<Arrangement>>,
}

/// The bottom-up pass: each node's subtree as a block, and where its children's blocks go.
struct Blocks {
    block: Vec<Block>,
    /// Box area of each visible subtree: how much of the chart it is decides how page-like
    /// its own shape must be.
    mass: Vec<f64>,
    /// Per child: its block's top-left relative to its parent's block, then (top-down pass)
    /// made absolute in place.
    origin: Vec<(f64, f64)>,
    bus: Vec<f64>,
    side: Vec<bool>,
    arrangement: Vec<Option<Arrangement>>,
}

impl Blocks {
    fn new(n: usize) -> Self {
        Blocks {
            block: vec![Block::default(); n],
            mass: vec![0.0; n],
            origin: vec![(0.0, 0.0); n],
            bus: vec![0.0; n],
            side: vec![false; n],
            arrangement: vec![None; n],
        }
    }

    /// Node `i`, once its children are done; `total` is the box area of the whole chart.
    fn node(&mut self, forest: &Forest, i: usize, total: f64, how: How, s: &mut Scratch) {
        let kids = forest.visible_kids(i);
        let (pw, ph) = forest.sizes[i];
        self.mass[i] = pw * ph + kids.iter().map(|&k| self.mass[k]).sum::<f64>();
        let kid = |k: usize| Kid {
            block: self.block[k],
            box_w: forest.sizes[k].0,
            box_h: forest.sizes[k].1,
        };
        // Staff first, in a band beside the spine; the operational children below it.
        s.kids.clear();
        s.kids
            .extend(kids.iter().filter(|&&k| forest.staff[k]).map(|&k| kid(k)));
        let staff = staff_band(ph, how.gaps, s);
        let ph = staff.as_ref().map_or(ph, |b| b.bottom);
        s.kids.clear();
        s.kids
            .extend(kids.iter().filter(|&&k| !forest.staff[k]).map(|&k| kid(k)));
        let share = if total > 0.0 {
            self.mass[i] / total
        } else {
            1.0
        };
        let all_leaves = kids.iter().all(|&k| forest.visible_kids(k).is_empty());
        let arr = arrange::choose(
            (pw, ph),
            all_leaves,
            share,
            how.max_row,
            how.compact,
            how.gaps,
            s,
        );
        let mut block = arrange::arrange(arr, (pw, ph), how.gaps, s, true);
        if !s.kids.is_empty() {
            self.arrangement[i] = Some(arr);
        }
        let mut slots = kids.iter().filter(|&&k| !forest.staff[k]).zip(&s.slots);
        if let Some(band) = staff {
            // Widen the block so the staff fit either side of the spine.
            let half = how.gaps.sibling / 2.0;
            let spine = block.node_x + pw / 2.0;
            let reach = |w: f64| if w > 0.0 { half + w } else { 0.0 };
            let shift = (reach(band.left) - spine).max(0.0);
            block.w = (block.w + shift).max(spine + shift + reach(band.right));
            block.node_x += shift;
            for (&k, slot) in kids.iter().filter(|&&k| forest.staff[k]).zip(&s.staff) {
                self.set_slot(k, slot, spine + shift);
            }
            for (&k, slot) in slots.by_ref() {
                self.set_slot(k, slot, shift);
            }
        }
        for (&k, slot) in slots {
            self.set_slot(k, slot, 0.0);
        }
        self.block[i] = block;
    }

    fn set_slot(&mut self, k: usize, slot: &Slot, dx: f64) {
        self.origin[k] = (slot.x + dx, slot.y);
        self.bus[k] = slot.bus;
        self.side[k] = slot.side;
    }

    /// Takes over from `other` what it computed for the nodes `done`.
    fn take(&mut self, other: &Blocks, done: &[usize]) {
        for &i in done {
            self.block[i] = other.block[i];
            self.mass[i] = other.mass[i];
            self.origin[i] = other.origin[i];
            self.bus[i] = other.bus[i];
            self.side[i] = other.side[i];
            self.arrangement[i] = other.arrangement[i];
        }
    }
}

/// What every node's arrangement is chosen with.
#[derive(Clone, Copy)]
struct How {
    compact: bool,
    gaps: Gaps,
    /// The widest row a parent's children may stand in.
    max_row: f64,
}

/// Rows up to this wide always fit: a small chart's children stand in one row.
const MIN_ROW_WIDTH: f64 = 2400.0;
/// Rows may be this many times the side of a square of the chart's box area wide.
const ROW_WIDTH_FACTOR: f64 = 3.0;

/// Width over height of the rows of many roots: a landscape page's (A4's is 1.41).
const ROOTS_ASPECT: f64 = 1.4;

/// Below this many visible nodes, one thread does the bottom-up pass.
const PARALLEL_FROM: usize = 2000;

/// `max_row`: the widest row of children, if not the one the chart's area allows.
pub(super) fn place(forest: &Forest, compact: bool, gaps: Gaps, max_row: Option<f64>) -> Placed {
    place_in(forest, compact, gaps, max_row, crate::par::threads())
}

/// Subtrees are independent in the bottom-up pass (a node's share of the chart is taken
/// against the whole chart's area, known beforehand), so the largest ones go to `parts`
/// threads, and their ancestors are done here afterwards. The result does not depend on
/// `parts`.
fn place_in(
    forest: &Forest,
    compact: bool,
    gaps: Gaps,
    max_row: Option<f64>,
    parts: usize,
) -> Placed {
    let n = forest.sizes.len();
    let total: f64 = forest
        .order
        .iter()
        .map(|&i| forest.sizes[i].0 * forest.sizes[i].1)
        .sum();
    let how = How {
        compact,
        gaps,
        max_row: max_row.unwrap_or((ROW_WIDTH_FACTOR * total.sqrt()).max(MIN_ROW_WIDTH)),
    };
    let mut b = Blocks::new(n);
    let mut s = Scratch::default();
    let (mut subtrees, above) = if parts > 1 && forest.order.len() >= PARALLEL_FROM {
        forest.subtrees(parts)
    } else {
        (Vec::new(), forest.order.clone())
    };
    if !subtrees.is_empty() {
        // Each part: some subtrees (ranges of the pre-order), done bottom-up on a thread.
        let mut groups: Vec<Vec<&[usize]>> = vec![Vec::new(); parts];
        let mut load = vec![0usize; parts];
        // Largest first, each to the least loaded part.
        subtrees.sort_unstable_by_key(|r| std::cmp::Reverse(r.len()));
        for range in &subtrees {
            let least = (0..parts).min_by_key(|&p| load[p]).unwrap_or(0);
            load[least] += range.len();
            groups[least].push(&forest.order[range.clone()]);
        }
        let done = crate::par::map(&groups, 2, |groups| {
            groups
                .iter()
                .map(|group| {
                    let mut own = Blocks::new(n);
                    let mut s = Scratch::default();
                    for nodes in group {
                        for &i in nodes.iter().rev() {
                            own.node(forest, i, total, how, &mut s);
                        }
                    }
                    own
                })
                .collect()
        });
        for (group, own) in groups.iter().zip(&done) {
            for nodes in group {
                b.take(own, nodes);
            }
        }
    }
    for &i in above.iter().rev() {
        b.node(forest, i, total, how, &mut s);
    }
    let Blocks {
        block,
        mut origin,
        mut bus,
        side,
        arrangement,
        ..
    } = b;

    // The roots form one more row, with no parent box over it. So many that this row would
    // be wider than a row of children may be (thousands of separate units made one row
    // 770,000 wide) wrap, in their order, into rows of a page's shape for their area. No
    // line joins roots, so their rows cannot be read as levels; they stand two level gaps
    // apart, farther than a parent from its children.
    let roots = &forest.roots;
    let row_w: f64 = roots
        .iter()
        .map(|&r| block[r].w + gaps.sibling)
        .sum::<f64>();
    let wrap = if compact && row_w - gaps.sibling > how.max_row {
        let area: f64 = roots
            .iter()
            .map(|&r| (block[r].w + gaps.sibling) * (block[r].h + 2.0 * gaps.level))
            .sum();
        let widest = roots.iter().map(|&r| block[r].w).fold(0.0, f64::max);
        (area * ROOTS_ASPECT).sqrt().max(widest)
    } else {
        f64::INFINITY
    };
    let (mut x, mut y, mut row_h) = (0.0, 0.0, 0.0f64);
    for &r in roots {
        if x > 0.0 && x + block[r].w > wrap {
            y += row_h + 2.0 * gaps.level;
            (x, row_h) = (0.0, 0.0);
        }
        origin[r] = (x, y);
        bus[r] = y - gaps.level / 2.0;
        x += block[r].w + gaps.sibling;
        row_h = row_h.max(block[r].h);
    }
    let mut pos = vec![None; n];
    for &i in &forest.order {
        if let Some(p) = forest.parent[i] {
            let (px, py) = origin[p];
            origin[i].0 += px;
            origin[i].1 += py;
            bus[i] += py;
        }
        pos[i] = Some((origin[i].0 + block[i].node_x, origin[i].1));
    }
    Placed {
        pos,
        bus,
        side,
        arrangement,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random forest of `n` nodes: each node's parent is an earlier node, or none.
    fn forest(n: usize, seed: u64) -> Forest {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let mut next = move |m: usize| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 33) as usize % m.max(1)
        };
        let sizes = (0..n)
            .map(|_| (100.0 + next(150) as f64, 40.0 + next(60) as f64))
            .collect();
        // Mostly recent parents, so the tree gets deep as well as wide.
        let parent: Vec<Option<usize>> = (0..n)
            .map(|i| match (i, next(40)) {
                (0, _) | (_, 0) => None,
                (_, 1..=30) => Some(i - 1 - next(i.min(8))),
                _ => Some(next(i)),
            })
            .collect();
        let folded: Vec<bool> = (0..n).map(|_| next(1000) == 0).collect();
        let staff: Vec<bool> = (0..n).map(|_| next(20) == 0).collect();
        Forest::new(sizes, &parent, &folded, &staff)
    }

    #[test]
    fn the_layout_does_not_depend_on_how_many_threads_make_it() {
        let gaps = Gaps {
            sibling: 24.0,
            level: 40.0,
            level_sides: false,
        };
        for (n, seed) in [(2500, 1), (4000, 2), (6000, 3)] {
            let f = forest(n, seed);
            assert!(f.order.len() >= PARALLEL_FROM, "big enough to be split");
            assert!(f.subtrees(2).0.len() >= 2, "split in several subtrees");
            let one = place_in(&f, true, gaps, None, 1);
            for parts in [2, 3, 4] {
                let many = place_in(&f, true, gaps, None, parts);
                assert_eq!(one.pos, many.pos, "{n} nodes in {parts} parts");
                assert_eq!(one.bus, many.bus);
                assert_eq!(one.side, many.side);
                assert_eq!(one.arrangement, many.arrangement);
            }
        }
    }
}
