//! Boxes bucketed on a coarse grid, to find those near a point, a segment or a view without
//! testing them all: used to route lines around boxes and by the canvas to find what is in
//! view. The grid is dense (one slice of box numbers per cell, all in one vector), so a
//! look-up is an index, not a hash.

use super::Rect;

/// Cells per axis at most: a box placed absurdly far away (a hostile position) makes the
/// cells coarser, not the grid larger.
const MAX_CELLS: i64 = 1024;

/// From one coordinate to another, along one axis.
type Span = (f32, f32);

pub struct Buckets {
    size: (f32, f32),
    origin: (i64, i64),
    cols: i64,
    rows: i64,
    /// Cell `c` holds `boxes[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    boxes: Vec<u32>,
}

/// The span the grid covers along one axis: that of the edges, but for the outermost 0.5 %
/// on each side. A box placed absurdly far (a hostile position) would otherwise stretch the
/// cells until every box shared one; outside the span, boxes fall in the border cells, which
/// queries clamp to the same way.
fn window(edges: impl Iterator<Item = f32>, count: usize) -> (f32, f32) {
    // A sample of a few thousand edges places the quantiles well enough for a grid, which
    // only has to be fast: every box is found wherever the window lies.
    // An odd step, to take left and right edges alike.
    let mut edges: Vec<f32> = edges.step_by(count.div_ceil(4096) | 1).collect();
    if edges.is_empty() {
        return (0.0, 0.0);
    }
    let n = edges.len();
    let k = n / 200;
    let low = *edges.select_nth_unstable_by(k, f32::total_cmp).1;
    let high = *edges.select_nth_unstable_by(n - 1 - k, f32::total_cmp).1;
    if low.is_finite() && high.is_finite() && low <= high {
        (low, high)
    } else {
        (0.0, 0.0)
    }
}

fn cell(v: f32, size: f32) -> i64 {
    (v / size).floor().clamp(-1e9, 1e9) as i64
}

impl Buckets {
    /// Buckets the boxes, numbered in order, in cells of `cell` × `cell` or coarser.
    pub fn new<'a>(rects: impl Iterator<Item = &'a Rect> + Clone, cell_size: f32) -> Self {
        let count = rects.clone().count() * 2;
        let (x0, x1) = window(rects.clone().flat_map(|r| [r.x, r.right()]), count);
        let (y0, y1) = window(rects.clone().flat_map(|r| [r.y, r.bottom()]), count);
        let size = |extent: f32| cell_size.max(extent / MAX_CELLS as f32);
        let size = (size(x1 - x0), size(y1 - y0));
        let origin = (cell(x0, size.0), cell(y0, size.1));
        let mut b = Buckets {
            size,
            origin,
            cols: (cell(x1, size.0) - origin.0 + 1).clamp(1, MAX_CELLS + 1),
            rows: (cell(y1, size.1) - origin.1 + 1).clamp(1, MAX_CELLS + 1),
            starts: Vec::new(),
            boxes: Vec::new(),
        };
        // Counted, then filled: no vector per cell.
        let mut starts = vec![0u32; (b.cols * b.rows + 1) as usize];
        for r in rects.clone() {
            for c in b.cells_of(r) {
                starts[c + 1] += 1;
            }
        }
        for c in 1..starts.len() {
            starts[c] += starts[c - 1];
        }
        let mut next = starts.clone();
        let mut boxes = vec![0u32; starts[starts.len() - 1] as usize];
        for (i, r) in rects.enumerate() {
            for c in b.cells_of(r) {
                boxes[next[c] as usize] = i as u32;
                next[c] += 1;
            }
        }
        (b.starts, b.boxes) = (starts, boxes);
        b
    }

    /// The cells, clipped to the grid, that the area from x0 to x1 and y0 to y1 touches.
    fn cells(&self, (x0, x1): Span, (y0, y1): Span) -> impl Iterator<Item = usize> + use<> {
        let col = |x| (cell(x, self.size.0) - self.origin.0).clamp(0, self.cols - 1);
        let row = |y| (cell(y, self.size.1) - self.origin.1).clamp(0, self.rows - 1);
        let (c0, c1, r0, r1) = (col(x0), col(x1), row(y0), row(y1));
        let cols = self.cols;
        (r0..=r1).flat_map(move |row| (c0..=c1).map(move |col| (row * cols + col) as usize))
    }

    fn cells_of(&self, r: &Rect) -> impl Iterator<Item = usize> + use<> {
        self.cells((r.x, r.right()), (r.y, r.bottom()))
    }

    /// The numbers of the boxes in the cells `r` touches: each box near `r` at least once,
    /// a box that spans several of those cells once per cell.
    pub fn near(&self, r: &Rect) -> impl Iterator<Item = usize> + '_ {
        self.near_span((r.x, r.right()), (r.y, r.bottom()))
    }

    /// `near`, for the area between bounds given as they are: `x + w` may round below the
    /// right bound of a segment, and then miss the box that starts there.
    pub fn near_span(&self, x: Span, y: Span) -> impl Iterator<Item = usize> + '_ {
        self.cells(x, y).flat_map(move |c| {
            self.boxes[self.starts[c] as usize..self.starts[c + 1] as usize]
                .iter()
                .map(|&i| i as usize)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_box_far_away_does_not_put_every_box_in_one_cell() {
        let mut rects: Vec<Rect> = (0..2000)
            .map(|i| Rect {
                x: (i % 50) as f32 * 200.0,
                y: (i / 50) as f32 * 100.0,
                w: 150.0,
                h: 60.0,
            })
            .collect();
        rects.push(Rect {
            x: 1e30,
            y: -1e30,
            w: 10.0,
            h: 10.0,
        });
        let buckets = Buckets::new(rects.iter(), 256.0);
        let query = Rect {
            x: 1000.0,
            y: 1000.0,
            w: 10.0,
            h: 10.0,
        };
        let near: Vec<usize> = buckets.near(&query).collect();
        assert!(near.len() < 20, "{} boxes near a small query", near.len());
        assert!(
            near.contains(&(10 * 50 + 5)),
            "the box under the query is found"
        );
        // The far box is still found where it is.
        let far = Rect {
            x: 1e30,
            y: -1e30,
            w: 1.0,
            h: 1.0,
        };
        assert!(buckets.near(&far).any(|i| i == 2000));
    }
}
