//! Places the boxes of a tree of units: a non-layered tidy tree (each child hangs a fixed
//! gap below its own parent, whatever the height of its cousins) following the conventions of
//! printed organigrammes: a parent's children stand on one row when the row fits, otherwise
//! they are stacked in one column, or two, hanging from a spine under the parent; staff units
//! (adjoint, cabinet) sit beside the spine between the parent and its operational children.
//! Siblings never spread over rows that would read as levels.
//!
//! Knows nothing of units or text: it takes sizes and parent links, gives positions.

/// Width and height of a box, in chart units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f32,
    pub h: f32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    TopDown,
    LeftRight,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub orientation: Orientation,
    /// Stack children down a spine instead of one row too long for the chart's page.
    pub compact: bool,
    /// Space between sibling boxes.
    pub sibling_gap: f32,
    /// Space between a parent's bottom and its children's top (holds the elbow connector).
    pub level_gap: f32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            orientation: Orientation::TopDown,
            compact: true,
            sibling_gap: 24.0,
            level_gap: 40.0,
        }
    }
}

/// The input: node `i` has size `sizes[i]` and parent `parent[i]`; children keep the order of
/// their indices. Several roots are laid out side by side (in rows, when very many). The
/// caller guarantees no cycles.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub sizes: Vec<Size>,
    pub parent: Vec<Option<usize>>,
    /// Nodes whose subtree is hidden (collapsed): their descendants get no position.
    pub folded: Vec<bool>,
    /// Top-left corners chosen by the user; the node's subtree moves with it.
    pub pinned: Vec<Option<(f32, f32)>>,
    /// Staff of its parent: drawn beside the parent's spine, above its operational children.
    pub staff: Vec<bool>,
}

/// The output. `pos[i]` is the top-left corner of box `i` (None for nodes hidden under a
/// folded ancestor). `bus[i]` is the coordinate (y in top-down, x in left-right) of the
/// horizontal (vertical) segment of the connector that reaches node `i` from its parent.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub pos: Vec<Option<(f32, f32)>>,
    /// For a node in a row: half a level gap above its top, unless pins moved things; the
    /// connector comes down the parent's centre to this bus, along it, and down into the
    /// child. For a node `side`-joined: its mid-line. For a root (which has no connector)
    /// half a level gap above its top too, and 0 for hidden nodes.
    pub bus: Vec<f32>,
    /// Nodes stacked down their parent's spine (a column, or staff): the connector comes down
    /// the parent's centre to `bus` and enters the box by its side nearer the spine.
    pub side: Vec<bool>,
    /// Bounding box of all placed boxes: (min_x, min_y, max_x, max_y).
    pub bounds: (f32, f32, f32, f32),
}

mod arrange;
mod column;
mod place;
mod staff;

pub use arrange::Arrangement;

use arrange::Gaps;
use place::Forest;

/// Lays `tree` out. Without pins, the boxes fill a bounding box whose top-left is (0, 0).
pub fn layout(tree: &Tree, options: &Options) -> Layout {
    layout_with_arrangements(tree, options).0
}

/// How a chart seen through a window of fixed size (a presentation's screen) is laid out.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Within {
    /// Children whose row would be wider are stacked down a spine, whatever the chart's area
    /// (a page's chart lets its rows grow with its area instead).
    pub max_row: f32,
    /// The two sides of a spine keep their children level, pair by pair, so that a stack
    /// too tall for the window can be cut across between any two pairs; otherwise each side
    /// stacks on its own, as short as it can.
    pub level_sides: bool,
}

/// [`layout`] for a chart seen through a window: see [`Within`].
pub fn layout_within(tree: &Tree, options: &Options, within: Within) -> Layout {
    lay(tree, options, Some(within)).0
}

/// [`layout`], also telling how each node's visible children were arranged (None for nodes
/// without visible children and for hidden nodes).
pub fn layout_with_arrangements(
    tree: &Tree,
    options: &Options,
) -> (Layout, Vec<Option<Arrangement>>) {
    lay(tree, options, None)
}

fn lay(
    tree: &Tree,
    options: &Options,
    within: Option<Within>,
) -> (Layout, Vec<Option<Arrangement>>) {
    let left_right = options.orientation == Orientation::LeftRight;
    // Everything below works top-down; a left-right chart is the transposed top-down chart.
    let flip = |(a, b): (f64, f64)| if left_right { (b, a) } else { (a, b) };
    let sizes: Vec<(f64, f64)> = tree
        .sizes
        .iter()
        .map(|s| flip((clean(s.w), clean(s.h))))
        .collect();
    let gaps = Gaps {
        sibling: clean(options.sibling_gap),
        level: clean(options.level_gap),
        level_sides: within.is_some_and(|w| w.level_sides),
    };
    let forest = Forest::new(sizes, &tree.parent, &tree.folded, &tree.staff);
    let mut placed = place::place(
        &forest,
        options.compact,
        gaps,
        within.map(|w| clean(w.max_row)),
    );
    apply_pins(&forest, tree, gaps, flip, &mut placed);

    let mut bounds: Option<(f64, f64, f64, f64)> = None;
    for (i, p) in placed.pos.iter().enumerate() {
        let Some((x, y)) = *p else { continue };
        let (w, h) = forest.sizes[i];
        bounds = Some(match bounds {
            None => (x, y, x + w, y + h),
            Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x + w), y1.max(y + h)),
        });
    }
    let (x0, y0, x1, y1) = bounds.unwrap_or_default();
    let ((x0, y0), (x1, y1)) = (flip((x0, y0)), flip((x1, y1)));
    let layout = Layout {
        pos: placed.pos.iter().map(|p| p.map(|p| out(flip(p)))).collect(),
        bus: placed.bus.iter().map(|&b| b as f32).collect(),
        side: placed.side,
        bounds: (x0 as f32, y0 as f32, x1 as f32, y1 as f32),
    };
    (layout, placed.arrangement)
}

/// Negative, infinite or NaN lengths would poison every sum they enter; they count as zero.
fn clean(v: f32) -> f64 {
    if v.is_finite() && v > 0.0 {
        f64::from(v)
    } else {
        0.0
    }
}

fn out((x, y): (f64, f64)) -> (f32, f32) {
    (x as f32, y as f32)
}

/// Moves pinned nodes, top-down, each dragging its subtree along; a pinned descendant then
/// overrides the move it inherited. Only the buses of pinned nodes are recomputed: everywhere
/// else parent and child moved together, so their elbow just moved with them.
fn apply_pins(
    forest: &Forest,
    tree: &Tree,
    gaps: Gaps,
    flip: impl Fn((f64, f64)) -> (f64, f64),
    placed: &mut place::Placed,
) {
    let pin = |i: usize| {
        let (x, y) = tree.pinned.get(i).copied().flatten()?;
        (x.is_finite() && y.is_finite()).then(|| flip((f64::from(x), f64::from(y))))
    };
    if !forest.order.iter().any(|&i| pin(i).is_some()) {
        return;
    }
    let mut delta = vec![(0.0f64, 0.0f64); forest.sizes.len()];
    for &i in &forest.order {
        let Some((x, y)) = placed.pos[i] else {
            continue;
        };
        let parent = forest.parent[i];
        let Some(target) = pin(i) else {
            let d = parent.map_or((0.0, 0.0), |p| delta[p]);
            delta[i] = d;
            placed.pos[i] = Some((x + d.0, y + d.1));
            placed.bus[i] += d.1;
            continue;
        };
        delta[i] = (target.0 - x, target.1 - y);
        // Set, not shifted: the user must find the box exactly where they dropped it. Off
        // its parent's spine, it is reached from above like a box in a row.
        placed.pos[i] = Some(target);
        placed.side[i] = false;
        placed.bus[i] =
            match parent.and_then(|p| placed.pos[p].map(|(_, py)| py + forest.sizes[p].1)) {
                Some(bottom) if bottom < target.1 => (bottom + target.1) / 2.0,
                Some(bottom) => bottom + gaps.level / 2.0,
                None => target.1 - gaps.level / 2.0,
            };
    }
}
