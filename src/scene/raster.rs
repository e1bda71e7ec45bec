//! A bitmap of the chart in cells of a few units: which cells the inside of some box touches.
//! The router asks it, point by point, where a path may not go; a look-up is a shift and a
//! mask, where asking the boxes near the point costs a walk through a bucket.
//!
//! The bits are kept in tiles of 64 × 64 cells, made when something is drawn in them: a
//! large chart's hierarchy lines touch a fraction of its area, and a raster of the whole
//! would hold tens of megabytes of zeros.

use super::Rect;

pub struct Raster {
    x0: f32,
    y0: f32,
    cell: f32,
    cols: usize,
    rows: usize,
    /// Tiles per row of tiles.
    across: usize,
    /// Row by row of tiles; each tile is 64 rows of one 64-cell word.
    tiles: Vec<Option<Box<Tile>>>,
}

type Tile = [u64; 64];

/// Where a raster of `area` starts, and its columns and rows.
fn shape(area: &Rect, cell: f32, max_cells: usize) -> Option<(f32, f32, usize, usize)> {
    if !(area.w.is_finite() && area.h.is_finite() && cell > 0.0) {
        return None;
    }
    let (x0, y0) = (
        (area.x / cell).floor() * cell,
        (area.y / cell).floor() * cell,
    );
    let cols = (((area.right() - x0) / cell).ceil() as usize).saturating_add(1);
    let rows = (((area.bottom() - y0) / cell).ceil() as usize).saturating_add(1);
    (cols.saturating_mul(rows) <= max_cells).then_some((x0, y0, cols, rows))
}

impl Raster {
    /// An empty raster of `area` in cells of `cell`, counted from a multiple of `cell` so that
    /// a point's cell does not depend on where the area starts; none when it would hold more
    /// than `max_cells` (a box placed absurdly far away), for the caller to do without.
    pub fn new(area: &Rect, cell: f32, max_cells: usize) -> Option<Raster> {
        let (x0, y0, cols, rows) = shape(area, cell, max_cells)?;
        let across = cols.div_ceil(64);
        Some(Raster {
            x0,
            y0,
            cell,
            cols,
            rows,
            across,
            tiles: std::iter::repeat_with(|| None)
                .take(across * rows.div_ceil(64))
                .collect(),
        })
    }

    /// Whether [`Raster::new`] would make a raster of `area`.
    pub fn fits(area: &Rect, cell: f32, max_cells: usize) -> bool {
        shape(area, cell, max_cells).is_some()
    }

    /// Marks every cell that meets the inside of `r` (its edges excluded): a point of a
    /// marked cell may be outside `r`, by less than a cell, but a point inside `r` is always
    /// in a marked cell.
    pub fn fill(&mut self, r: &Rect) {
        let span = |lo: f32, hi: f32, origin: f32, count: usize| {
            let a = ((lo - origin) / self.cell).floor().max(0.0) as usize;
            let b = (((hi - origin) / self.cell).ceil() as isize)
                .saturating_sub(1)
                .min(count as isize - 1);
            (a, b)
        };
        let (c0, c1) = span(r.x, r.right(), self.x0, self.cols);
        let (r0, r1) = span(r.y, r.bottom(), self.y0, self.rows);
        if r.w <= 0.0 || r.h <= 0.0 || c1 < c0 as isize || r1 < r0 as isize {
            return;
        }
        let c1 = c1 as usize;
        let (w0, w1) = (c0 / 64, c1 / 64);
        for row in r0..=r1 as usize {
            for w in w0..=w1 {
                let lo = if w == w0 { c0 % 64 } else { 0 };
                let hi = if w == w1 { c1 % 64 } else { 63 };
                let tile =
                    self.tiles[row / 64 * self.across + w].get_or_insert_with(|| Box::new([0; 64]));
                tile[row % 64] |= (u64::MAX >> (63 - hi)) & (u64::MAX << lo);
            }
        }
    }

    /// Whether the cell of `(x, y)` is marked; points outside the raster are not.
    pub fn get(&self, (x, y): (f32, f32)) -> bool {
        let (cx, cy) = ((x - self.x0) / self.cell, (y - self.y0) / self.cell);
        if !(cx >= 0.0 && cy >= 0.0) {
            return false;
        }
        let (cx, cy) = (cx as usize, cy as usize);
        if cx >= self.cols || cy >= self.rows {
            return false;
        }
        match &self.tiles[cy / 64 * self.across + cx / 64] {
            Some(tile) => tile[cy % 64] >> (cx % 64) & 1 == 1,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_inside_of_a_box_and_no_cell_a_cell_away() {
        let area = Rect {
            x: -100.0,
            y: -100.0,
            w: 1000.0,
            h: 600.0,
        };
        let mut raster = Raster::new(&area, 4.0, 1 << 20).unwrap();
        let r = Rect {
            x: 10.5,
            y: 20.0,
            w: 300.0,
            h: 40.0,
        };
        raster.fill(&r);
        for x in [10.6, 100.0, 310.4] {
            for y in [20.1, 40.0, 59.9] {
                assert!(raster.get((x, y)), "({x}, {y}) inside");
            }
        }
        for (x, y) in [
            (6.4, 40.0),
            (314.6, 40.0),
            (100.0, 15.9),
            (100.0, 64.1),
            (-500.0, 0.0),
        ] {
            assert!(!raster.get((x, y)), "({x}, {y}) a cell away");
        }
        assert!(Raster::new(&area, 4.0, 100).is_none());
    }

    #[test]
    fn a_point_is_marked_alike_wherever_the_area_starts() {
        let rail = Rect {
            x: 100.0,
            y: 203.5,
            w: 300.0,
            h: 1.0,
        };
        let rasters: Vec<Raster> = [-1000.0, -1013.5, -997.25]
            .iter()
            .map(|&x0| {
                let area = Rect {
                    x: x0,
                    y: x0,
                    w: 3000.0,
                    h: 3000.0,
                };
                let mut raster = Raster::new(&area, 8.0, 1 << 20).unwrap();
                raster.fill(&rail);
                raster
            })
            .collect();
        for y in [195.0, 199.0, 200.0, 204.0, 207.9, 208.0, 211.0] {
            let marked: Vec<bool> = rasters.iter().map(|r| r.get((150.0, y))).collect();
            assert!(marked.iter().all(|&m| m == marked[0]), "y {y}: {marked:?}");
        }
    }
}
