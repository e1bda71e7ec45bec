//! Routes the lines that are not hierarchy (relations, a body to its chair) as orthogonal
//! three-segment paths, choosing among a few candidates the one that crosses fewest boxes.

use super::Rect;

const CELL: f32 = 256.0;
/// Cells per axis at most: a box placed absurdly far away (a hostile position) makes the
/// cells coarser, not the grid larger.
const MAX_CELLS: i64 = 1024;
/// A segment that spans more cells than this is not walked (see `crossings`).
const MAX_WALK: i64 = 4096;

/// The cells of the grid: their size, and the span of cell numbers they cover.
#[derive(Clone, Copy)]
struct Grid {
    size: (f32, f32),
    origin: (i64, i64),
    cols: i64,
    rows: i64,
}

impl Grid {
    fn cell(v: f32, size: f32) -> i64 {
        (v / size).floor().clamp(-1e9, 1e9) as i64
    }

    /// The cell numbers, clipped to the grid, that an axis-aligned rectangle touches.
    fn span(&self, x0: f32, y0: f32, x1: f32, y1: f32) -> (i64, i64, i64, i64) {
        let col = |x| (Self::cell(x, self.size.0) - self.origin.0).clamp(0, self.cols - 1);
        let row = |y| (Self::cell(y, self.size.1) - self.origin.1).clamp(0, self.rows - 1);
        (col(x0), col(x1), row(y0), row(y1))
    }

    fn index(&self, col: i64, row: i64) -> usize {
        (row * self.cols + col) as usize
    }
}

/// The boxes already placed, bucketed on a coarse grid so that a segment only tests the boxes
/// near it. The grid is dense (one slice of box numbers per cell, all in one vector): a
/// look-up is an index, not a hash.
pub struct Obstacles {
    rects: Vec<Rect>,
    grid: Grid,
    /// Cell `c` holds `boxes[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    boxes: Vec<u32>,
    /// `marks[i] == stamp`: box `i` was already counted for the path being scored.
    marks: Vec<u32>,
    stamp: u32,
}

impl Obstacles {
    pub fn new(rects: Vec<Rect>) -> Self {
        let (mut x0, mut y0, mut x1, mut y1) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
        for r in &rects {
            (x0, y0) = (x0.min(r.x), y0.min(r.y));
            (x1, y1) = (x1.max(r.right()), y1.max(r.bottom()));
        }
        let size = |extent: f32| CELL.max(extent / MAX_CELLS as f32);
        let size = (size(x1 - x0), size(y1 - y0));
        let origin = (Grid::cell(x0, size.0), Grid::cell(y0, size.1));
        let grid = Grid {
            size,
            origin,
            cols: (Grid::cell(x1, size.0) - origin.0 + 1).clamp(1, MAX_CELLS + 1),
            rows: (Grid::cell(y1, size.1) - origin.1 + 1).clamp(1, MAX_CELLS + 1),
        };
        let cells_of = |r: &Rect| {
            let (c0, c1, r0, r1) = grid.span(r.x, r.y, r.right(), r.bottom());
            (r0..=r1).flat_map(move |row| (c0..=c1).map(move |col| grid.index(col, row)))
        };
        // Counted, then filled: no vector per cell.
        let mut starts = vec![0u32; (grid.cols * grid.rows + 1) as usize];
        for r in &rects {
            for c in cells_of(r) {
                starts[c + 1] += 1;
            }
        }
        for c in 1..starts.len() {
            starts[c] += starts[c - 1];
        }
        let mut next = starts.clone();
        let mut boxes = vec![0u32; starts[starts.len() - 1] as usize];
        for (i, r) in rects.iter().enumerate() {
            for c in cells_of(r) {
                boxes[next[c] as usize] = i as u32;
                next[c] += 1;
            }
        }
        Obstacles {
            marks: vec![0; rects.len()],
            rects,
            grid,
            starts,
            boxes,
            stamp: 0,
        }
    }

    /// How many boxes, other than the two ends, an axis-aligned segment runs through.
    fn crossings(&mut self, a: (f32, f32), b: (f32, f32), ends: (&Rect, &Rect)) -> usize {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        // A very long segment would visit many cells: cap the walk, the count is only a
        // score.
        let (c0, c1, r0, r1) = self.grid.span(x0, y0, x1, y1);
        if (c1 - c0 + 1) * (r1 - r0 + 1) > MAX_WALK {
            return 0;
        }
        let mut n = 0;
        for row in r0..=r1 {
            for col in c0..=c1 {
                let c = self.grid.index(col, row);
                for &i in &self.boxes[self.starts[c] as usize..self.starts[c + 1] as usize] {
                    let r = &self.rects[i as usize];
                    if self.marks[i as usize] == self.stamp || r == ends.0 || r == ends.1 {
                        continue;
                    }
                    if x1 > r.x && x0 < r.x + r.w && y1 > r.y && y0 < r.y + r.h {
                        self.marks[i as usize] = self.stamp;
                        n += 1;
                    }
                }
            }
        }
        n
    }

    /// An orthogonal path from box `a` to box `b`. `lane` shifts parallel paths apart.
    pub fn route(&mut self, a: &Rect, b: &Rect, lane: f32, gap: f32) -> Vec<(f32, f32)> {
        let mut candidates: Vec<Vec<(f32, f32)>> = Vec::with_capacity(12);
        // Leave right of the centre: the centre of a box's bottom is where its own hierarchy
        // trunk starts.
        let (acx, bcx) = (a.x + a.w * 0.7 + lane, b.x + b.w / 2.0 + lane);
        let (acy, bcy) = (a.y + a.h / 2.0 + lane, b.y + b.h / 2.0 + lane);
        // Vertical, horizontal, vertical: leave through the top or bottom.
        for y in [a.y + a.h + gap, a.y - gap, b.y - gap, b.y + b.h + gap] {
            let y = y + lane;
            let ay = if y > a.y + a.h / 2.0 { a.y + a.h } else { a.y };
            let by = if y > b.y + b.h / 2.0 { b.y + b.h } else { b.y };
            candidates.push(vec![(acx, ay), (acx, y), (bcx, y), (bcx, by)]);
        }
        // Horizontal, vertical, horizontal: leave through a side.
        for x in [a.x + a.w + gap, a.x - gap, b.x - gap, b.x + b.w + gap] {
            let x = x + lane;
            let ax = if x > a.x + a.w / 2.0 { a.x + a.w } else { a.x };
            let bx = if x > b.x + b.w / 2.0 { b.x + b.w } else { b.x };
            candidates.push(vec![(ax, acy), (x, acy), (x, bcy), (bx, bcy)]);
        }
        // Shortest first: crossings dominate the score, so the first candidate that crosses
        // nothing wins, and counting stops as soon as a path is no better than the best.
        let length = |p: &Vec<(f32, f32)>| -> f32 {
            p.windows(2)
                .map(|s| (s[0].0 - s[1].0).abs() + (s[0].1 - s[1].1).abs())
                .sum()
        };
        candidates.sort_by(|x, y| length(x).total_cmp(&length(y)));
        let mut best: Option<(usize, usize)> = None;
        for (i, path) in candidates.iter().enumerate() {
            self.stamp += 1;
            let cap = best.map_or(usize::MAX, |b| b.1);
            let mut crossings = 0;
            for s in path.windows(2) {
                crossings += self.crossings(s[0], s[1], (a, b));
                if crossings >= cap {
                    break;
                }
            }
            if crossings < cap {
                best = Some((i, crossings));
            }
            if crossings == 0 {
                break;
            }
        }
        best.map(|(i, _)| candidates.swap_remove(i))
            .unwrap_or_default()
    }
}
