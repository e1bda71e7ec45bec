//! The automatic placement: subtrees become blocks bottom-up, then blocks are given absolute
//! positions top-down. Both passes walk one pre-order array, never recursing, so a chain of a
//! hundred thousand units cannot overflow the stack, and every node is touched a bounded
//! number of times.

use super::arrange::{self, Arrangement, Block, Gaps, Kid, Scratch};

/// The input, cleaned and turned top-down: sizes are already swapped for left-right charts.
pub(super) struct Forest {
    pub sizes: Vec<(f64, f64)>,
    pub parent: Vec<Option<usize>>,
    /// Children of `i` are `kids[kid_start[i]..kid_start[i + 1]]`, in index order.
    kid_start: Vec<usize>,
    kids: Vec<usize>,
    roots: Vec<usize>,
    folded: Vec<bool>,
    /// Visible nodes, each parent before its descendants.
    pub order: Vec<usize>,
}

impl Forest {
    /// `sizes` is already in the top-down frame. Parent links past the end are read as roots
    /// rather than trusted; nodes caught in a cycle are never reached from a root, so they
    /// simply stay hidden.
    pub fn new(sizes: Vec<(f64, f64)>, parent: &[Option<usize>], folded: &[bool]) -> Forest {
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
        let folded = (0..n)
            .map(|i| folded.get(i).copied().unwrap_or(false))
            .collect();
        let mut forest = Forest {
            sizes,
            parent,
            kid_start,
            kids,
            roots,
            folded,
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
/// nodes. Roots stand side by side along y = 0, starting at x = 0.
pub(super) struct Placed {
    pub pos: Vec<Option<(f64, f64)>>,
    pub bus: Vec<f64>,
    pub arrangement: Vec<Option<Arrangement>>,
}

pub(super) fn place(forest: &Forest, compact: bool, gaps: Gaps) -> Placed {
    let n = forest.sizes.len();
    let mut block = vec![Block::default(); n];
    // Per child: its block's top-left relative to its parent's block, then (top-down pass)
    // made absolute in place.
    let mut origin = vec![(0.0f64, 0.0f64); n];
    let mut bus = vec![0.0f64; n];
    let mut arrangement = vec![None; n];
    let mut s = Scratch::default();
    // Box area of each visible subtree: how much of the chart it is decides how page-like
    // its own shape must be.
    let area = |i: usize| forest.sizes[i].0 * forest.sizes[i].1;
    let total: f64 = forest.order.iter().map(|&i| area(i)).sum();
    let mut mass = vec![0.0f64; n];

    for &i in forest.order.iter().rev() {
        let kids = forest.visible_kids(i);
        let size = forest.sizes[i];
        mass[i] = area(i) + kids.iter().map(|&k| mass[k]).sum::<f64>();
        if kids.is_empty() {
            block[i] = Block {
                w: size.0,
                h: size.1,
                node_x: 0.0,
            };
            continue;
        }
        s.kids.clear();
        s.kids.extend(kids.iter().map(|&k| Kid {
            block: block[k],
            box_w: forest.sizes[k].0,
        }));
        let all_leaves = kids.iter().all(|&k| forest.visible_kids(k).is_empty());
        let share = if total > 0.0 { mass[i] / total } else { 1.0 };
        let arr = arrange::choose(size, all_leaves, share, compact, gaps, &mut s);
        block[i] = arrange::arrange(arr, size, gaps, &mut s, true);
        arrangement[i] = Some(arr);
        for (&k, slot) in kids.iter().zip(&s.slots) {
            origin[k] = (slot.x, slot.y);
            bus[k] = slot.bus;
        }
    }

    // The roots form one more row, with no parent box over it.
    let mut x = 0.0;
    for &r in &forest.roots {
        origin[r] = (x, 0.0);
        bus[r] = -gaps.level / 2.0;
        x += block[r].w + gaps.sibling;
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
        arrangement,
    }
}
