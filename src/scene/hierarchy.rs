//! The hierarchy's part of the scene: which units are drawn, and the connector from each to
//! its parent.

use super::{ChartOptions, Rect};
use crate::layout::Orientation;
use crate::model::{Hierarchy, Organisation};

/// Which units are drawn: a subtree, a depth limit, and nothing below a folded unit.
pub(super) fn visible_units(
    org: &Organisation,
    tree: &Hierarchy,
    options: &ChartOptions,
) -> (Vec<bool>, Vec<Option<usize>>, Vec<usize>) {
    let n = org.units.len();
    let roots: Vec<usize> = match options.root.as_ref().and_then(|r| tree.unit(r)) {
        Some(r) => vec![r],
        None => tree.roots().to_vec(),
    };
    let mut shown = vec![false; n];
    let mut hidden_below = vec![0usize; n];
    let max_depth = options.depth.unwrap_or(usize::MAX).max(1);
    let mut stack: Vec<(usize, usize)> = roots.iter().map(|&r| (r, 1)).collect();
    while let Some((i, depth)) = stack.pop() {
        if shown[i] {
            continue;
        }
        shown[i] = true;
        if org.units[i].collapsed || depth >= max_depth {
            hidden_below[i] = tree.count_below(i);
            continue;
        }
        stack.extend(tree.children(i).iter().rev().map(|&c| (c, depth + 1)));
    }
    let visible_parent = (0..n)
        .map(|i| tree.parent(i).filter(|&p| shown[i] && shown[p]))
        .collect();
    (shown, visible_parent, hidden_below)
}

/// The connector from a parent to a child through the bus the layout chose: down the
/// parent's centre, along the bus, and into the child's top; or, for a child on the parent's
/// spine (`side`), straight into the child's side nearer the spine.
pub(super) fn elbow(
    p: &Rect,
    c: &Rect,
    (bus, side): (f32, bool),
    orientation: Orientation,
) -> Vec<(f32, f32)> {
    match (orientation, side) {
        (Orientation::TopDown, false) => {
            let (px, cx) = (p.x + p.w / 2.0, c.x + c.w / 2.0);
            vec![(px, p.bottom()), (px, bus), (cx, bus), (cx, c.y)]
        }
        (Orientation::TopDown, true) => {
            let px = p.x + p.w / 2.0;
            let near = if c.x >= px { c.x } else { c.right() };
            vec![(px, p.bottom()), (px, bus), (near, bus)]
        }
        (Orientation::LeftRight, false) => {
            let (py, cy) = (p.y + p.h / 2.0, c.y + c.h / 2.0);
            vec![(p.right(), py), (bus, py), (bus, cy), (c.x, cy)]
        }
        (Orientation::LeftRight, true) => {
            let py = p.y + p.h / 2.0;
            let near = if c.y >= py { c.y } else { c.bottom() };
            vec![(p.right(), py), (bus, py), (bus, near)]
        }
    }
}
