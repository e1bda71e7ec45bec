//! Routes the lines that are not hierarchy (relations, a body to its chair) as orthogonal
//! paths in the channels between boxes, after Wybrow, Marriott and Stuckey's orthogonal
//! connector routing: A* over the lines that run a margin away from the box edges, with a
//! cost per bend, so that no path ever passes through or under a box. A path moving along a
//! row stops only on the edges of the boxes near that row (`Lines`): on a grid of every edge,
//! a path across a large chart stopped at thousands of lines it had no use for.
//!
//! A path is searched in a window around its two ends, widened only when the window holds
//! no path; it depends on nothing but the boxes near its final window, which lets `Routes`
//! keep it while no changed box comes near that window.

mod search;

use super::Rect;
use super::buckets::Buckets;
use super::raster::Raster;
use std::collections::HashMap;

/// How far paths keep from boxes: under half the gap between sibling boxes, so that the
/// channel between them stays open.
pub const MARGIN: f32 = 8.0;
/// The spacing of the lines paths may run on.
const LATTICE: f32 = 8.0;
/// What a bend costs, in length: a path takes a detour this long to save one.
const BEND: f32 = 40.0;
/// The windows tried in turn around a path's ends; the last is the whole area.
const PADS: [f32; 2] = [300.0, 1500.0];
/// A search that expands this many nodes gives up in its window and tries the next one.
const MAX_EXPANDED: usize = 100_000;
/// How much the search trusts its estimate of what is left: above 1, it finds a path far
/// sooner, at most this many times longer than the shortest (in practice, a few percent).
const GREED: f32 = 2.0;
const CELL: f32 = 256.0;
/// Below this many lines, one thread routes them all.
const PARALLEL_FROM: usize = 16;

/// The boxes, each grown by [`MARGIN`], bucketed so that a point only tests those near it,
/// or drawn on a raster where the chart allows one; the hierarchy's connectors (rails), which
/// paths may cross but should not run along; and the area paths must stay in.
pub struct Obstacles {
    grown: Vec<Rect>,
    buckets: Buckets,
    /// The lines a path moving across may stop and turn on, by band of rows; those a path
    /// moving down may, by band of columns.
    across: Lines,
    down: Lines,
    rails: Vec<(Rect, bool)>,
    rail_buckets: Buckets,
    /// The boxes, and the horizontal and vertical rails, grown by less than a margin.
    rasters: Option<[Raster; 3]>,
    area: Rect,
}

/// The edges of the boxes, by band across one axis, each band sorted: a path moving along
/// a row may stop and turn only on the edges of the boxes within a band or two of that row.
/// Those of a box it passes through are among them, so a step from one line to the next is
/// either all inside a box or all outside; lines of boxes far from the row, which a grid of
/// every edge would make it stop on at every one, offer no turn worth taking.
struct Lines {
    origin: f32,
    band: f32,
    /// Band `b` holds `values[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    values: Vec<f32>,
}

/// The height of a band: a row sees the boxes within one to two bands of it, enough to reach
/// those across the channel between two levels.
pub const BAND: f32 = 64.0;
/// Bands per axis at most: a box placed absurdly far makes bands wider, not more.
const MAX_BANDS: f32 = 65_536.0;

impl Lines {
    /// `span`: a box's span across the bands, and its two edges along them. Bands are counted
    /// from a multiple of their width, so that the lines found do not depend on where the
    /// area starts (see `Routes`).
    fn new(
        (from, extent): (f32, f32),
        boxes: &[Rect],
        span: impl Fn(&Rect) -> ((f32, f32), [f32; 2]),
    ) -> Self {
        let band = BAND.max(extent / MAX_BANDS);
        let origin = (from / band).floor() * band;
        let count = ((from + extent - origin) / band).ceil().max(0.0) as usize + 1;
        let mut lines = Lines {
            origin,
            band,
            starts: vec![0; count + 1],
            values: Vec::new(),
        };
        let bands = |lines: &Lines, r: &Rect| {
            let ((lo, hi), _) = span(r);
            lines.index(lo)..=lines.index(hi)
        };
        // Counted, then filled in place: one vector for every band.
        for r in boxes {
            for b in bands(&lines, r) {
                lines.starts[b + 1] += 2;
            }
        }
        for b in 0..count {
            lines.starts[b + 1] += lines.starts[b];
        }
        // Sorted once, then dealt out in order: each band comes out sorted, where sorting
        // each band on its own sorts every edge as many times as it has bands.
        let mut edges: Vec<(f32, u32)> = boxes
            .iter()
            .enumerate()
            .flat_map(|(i, r)| span(r).1.map(|v| (v, i as u32)))
            .collect();
        edges.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
        let mut fill = lines.starts.clone();
        let mut values = vec![0.0; lines.starts[count] as usize];
        for (v, i) in edges {
            for b in bands(&lines, &boxes[i as usize]) {
                values[fill[b] as usize] = v;
                fill[b] += 1;
            }
        }
        // Each band's repeats left out, and the bands moved down over the room they took.
        let mut kept = 0;
        for b in 0..count {
            let (start, end) = (lines.starts[b] as usize, lines.starts[b + 1] as usize);
            let first = kept;
            for i in start..end {
                if kept == first || values[kept - 1] != values[i] {
                    values[kept] = values[i];
                    kept += 1;
                }
            }
            lines.starts[b] = first as u32;
        }
        lines.starts[count] = kept as u32;
        values.truncate(kept);
        lines.values = values;
        lines
    }

    fn index(&self, v: f32) -> usize {
        let i = ((v - self.origin) / self.band).floor();
        i.clamp(0.0, (self.starts.len() - 2) as f32) as usize
    }

    fn band(&self, b: usize) -> &[f32] {
        &self.values[self.starts[b] as usize..self.starts[b + 1] as usize]
    }

    /// The nearest line after `from` (before it, not `forward`) for a path at `at`.
    fn next(&self, at: f32, from: f32, forward: bool) -> Option<f32> {
        let b = self.index(at);
        let last = self.starts.len() - 2;
        let found = (b.saturating_sub(1)..=(b + 1).min(last)).filter_map(|b| {
            let band = self.band(b);
            if forward {
                band.get(band.partition_point(|&v| v <= from)).copied()
            } else {
                band[..band.partition_point(|&v| v < from)].last().copied()
            }
        });
        if forward {
            found.reduce(f32::min)
        } else {
            found.reduce(f32::max)
        }
    }
}

/// The search's best arrivals: per node, cost, the node before, the direction.
type Best = HashMap<u64, (f32, u64, u8), foldhash::fast::FixedState>;

/// A segment of a hierarchy connector, as a rect of no width or no height.
pub type Rail = Rect;

/// What running along a rail costs per unit of length, on top of the length.
const ALONG_RAIL: f32 = 4.0;
/// Cells of the rasters, a margin wide: boxes are drawn as they are, so a marked cell may
/// reach up to a margin from a box, never further, and every grid line stays free.
const RASTER_CELL: f32 = MARGIN;
/// Past this many cells (a raster's index of tiles alone would be 512 KB; a 50,000-unit chart
/// fits, and routes 10 % faster than through the buckets), points ask the buckets instead.
const MAX_RASTER_CELLS: usize = 1 << 28;

/// A line to route, from a box to a box.
#[derive(Clone, Copy)]
pub struct Job {
    pub from: Rect,
    pub to: Rect,
}

/// A routed line: its points, from the edge of one box to the edge of the other, and the
/// window it was found in (what it depends on).
#[derive(Clone, Debug, PartialEq)]
pub struct Routed {
    pub points: Vec<(f32, f32)>,
    pub window: Rect,
    /// Whether the area cut a window it was searched in: then the path holds in that area
    /// only; otherwise in any area that holds its window, on the same grid.
    pub cut: bool,
}

fn grow(r: &Rect, by: f32) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

/// `r` grown to the lattice lines around it.
fn on_lattice(r: &Rect) -> Rect {
    let (x0, y0) = (
        (r.x / LATTICE).floor() * LATTICE,
        (r.y / LATTICE).floor() * LATTICE,
    );
    let x1 = (r.right() / LATTICE).ceil() * LATTICE;
    let y1 = (r.bottom() / LATTICE).ceil() * LATTICE;
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
    }
}

fn clip(r: &Rect, to: &Rect) -> Rect {
    let (x0, y0) = (r.x.max(to.x), r.y.max(to.y));
    let (x1, y1) = (r.right().min(to.right()), r.bottom().min(to.bottom()));
    Rect {
        x: x0,
        y: y0,
        w: (x1 - x0).max(0.0),
        h: (y1 - y0).max(0.0),
    }
}

/// Where a path may leave or enter a box: a point a margin out from each side, off the
/// centres where the hierarchy's connectors arrive; and the direction leaving through it.
fn ports(r: &Rect) -> [((f32, f32), u8); 4] {
    let (px, py) = (r.x + r.w * 0.75, r.y + r.h * 0.75);
    [
        ((px, r.y - MARGIN), UP),
        ((px, r.bottom() + MARGIN), DOWN),
        ((r.x - MARGIN, py), LEFT),
        ((r.right() + MARGIN, py), RIGHT),
    ]
}

const UP: u8 = 0;
const DOWN: u8 = 1;
const LEFT: u8 = 2;
const RIGHT: u8 = 3;

fn opposite(d: u8) -> u8 {
    d ^ 1
}

impl Obstacles {
    /// `rects` are the boxes paths go around, `rails` the segments they should not run
    /// along; paths stay inside `area`.
    pub fn new(rects: &[Rect], rails: &[Rail], area: Rect) -> Self {
        let grown: Vec<Rect> = rects.iter().map(|r| grow(r, MARGIN)).collect();
        let rails: Vec<(Rect, bool)> = rails
            .iter()
            .map(|r| (grow(r, MARGIN - 0.5), r.h == 0.0))
            .collect();
        // The rasters on one core, the lines and buckets on the other.
        let (rasters, (across, down, buckets)) = crate::par::join(
            || rasters(rects, &rails, &area),
            || {
                // Lines run on a lattice of LATTICE units, each moved away from its box to the
                // next lattice line: still in free space (a channel between two boxes is at
                // least two margins wide, and its two lines meet at worst).
                let lattice: Vec<Rect> = grown.iter().map(on_lattice).collect();
                let across = Lines::new((area.y, area.h), &lattice, |r| {
                    ((r.y, r.bottom()), [r.x, r.right()])
                });
                let down = Lines::new((area.x, area.w), &lattice, |r| {
                    ((r.x, r.right()), [r.y, r.bottom()])
                });
                (across, down, Buckets::new(grown.iter(), CELL))
            },
        );
        Obstacles {
            buckets,
            across,
            down,
            grown,
            rail_buckets: Buckets::new(rails.iter().map(|(r, _)| r), CELL),
            rails,
            rasters,
            area,
        }
    }

    /// Whether a move through `p`, horizontal or not, runs along a rail.
    fn along_rail(&self, p: (f32, f32), horizontal: bool) -> bool {
        if let Some(rasters) = &self.rasters {
            return rasters[if horizontal { 1 } else { 2 }].get(p);
        }
        let (x, y) = p;
        self.rail_buckets.near_span((x, x), (y, y)).any(|i| {
            let (r, h) = &self.rails[i];
            *h == horizontal && x > r.x && x < r.right() && y > r.y && y < r.bottom()
        })
    }

    /// Whether a point is too near a box: strictly inside a grown box (on its edge, a path is
    /// a margin away from the box, as it should be), or, on the raster, in a cell that comes
    /// nearer a box than the margin.
    fn blocked(&self, (x, y): (f32, f32)) -> bool {
        if let Some(rasters) = &self.rasters {
            return rasters[0].get((x, y));
        }
        self.buckets.near_span((x, x), (y, y)).any(|i| {
            let r = &self.grown[i];
            x > r.x && x < r.right() && y > r.y && y < r.bottom()
        })
    }

    /// Routes every job, on all cores: each path depends on the boxes alone, so the result
    /// is the same as one after the other.
    pub fn route_all(&self, jobs: &[Job]) -> Vec<Routed> {
        crate::par::map(jobs, PARALLEL_FROM, |part| {
            part.iter().map(|j| self.route(j)).collect()
        })
    }

    fn route(&self, job: &Job) -> Routed {
        let ends = Rect {
            x: job.from.x.min(job.to.x),
            y: job.from.y.min(job.to.y),
            w: job.from.right().max(job.to.right()) - job.from.x.min(job.to.x),
            h: job.from.bottom().max(job.to.bottom()) - job.from.y.min(job.to.y),
        };
        // Window edges become lines paths stop on: on the lattice, like the boxes' lines, they
        // keep the margin the rasters assume.
        let mut cut = false;
        for pad in PADS {
            let window = on_lattice(&grow(&ends, pad));
            let clipped = clip(&window, &self.area);
            cut |= clipped != window;
            if let Some(points) = self.search(job, &clipped) {
                return Routed {
                    points,
                    window: clipped,
                    cut,
                };
            }
        }
        let points = self.search(job, &self.area);
        // None: nothing joins the two boxes inside the area (one is walled in).
        Routed {
            points: points.unwrap_or_else(|| provisional(job)),
            window: self.area,
            cut: true,
        }
    }
}

/// Whether two areas give the same answers wherever both reach: the same bands, and rasters
/// in both or neither.
pub fn same_grid(a: &Rect, b: &Rect) -> bool {
    let band = |extent: f32| BAND.max(extent / MAX_BANDS);
    let raster = |r: &Rect| Raster::fits(r, RASTER_CELL, MAX_RASTER_CELLS);
    band(a.w) == band(b.w) && band(a.h) == band(b.h) && raster(a) == raster(b)
}

/// The boxes, and the horizontal and vertical rails, each on a raster of `area`; none where
/// the area is too large for one.
fn rasters(rects: &[Rect], rails: &[(Rect, bool)], area: &Rect) -> Option<[Raster; 3]> {
    let cell = RASTER_CELL;
    let make = || Raster::new(area, cell, MAX_RASTER_CELLS);
    let (mut boxes, mut across, mut down) = (make()?, make()?, make()?);
    let near = MARGIN - cell;
    rects.iter().for_each(|r| boxes.fill(&grow(r, near)));
    for (rail, horizontal) in rails {
        // A rail has no width: drawn at least half a unit wide to mark its cells.
        let rail = grow(rail, near.max(0.5) - MARGIN + 0.5);
        if *horizontal {
            across.fill(&rail)
        } else {
            down.fill(&rail)
        }
    }
    Some([boxes, across, down])
}

/// A straight elbow from one box to the other, which says at least which boxes are tied:
/// for a line not routed yet, or that nothing can join.
pub fn provisional(job: &Job) -> Vec<(f32, f32)> {
    let (a, b) = (ports(&job.from)[1].0, ports(&job.to)[0].0);
    vec![(a.0, job.from.bottom()), a, (b.0, a.1), b, (b.0, job.to.y)]
}

impl Job {
    pub(super) fn key(&self) -> [u32; 8] {
        let (a, b) = (&self.from, &self.to);
        [a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h].map(f32::to_bits)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    /// Whether a path runs through the inside of `r`.
    pub fn crosses(points: &[(f32, f32)], r: &Rect) -> bool {
        points.windows(2).any(|s| {
            let (x0, x1) = (s[0].0.min(s[1].0), s[0].0.max(s[1].0));
            let (y0, y1) = (s[0].1.min(s[1].1), s[0].1.max(s[1].1));
            x1 > r.x && x0 < r.right() && y1 > r.y && y0 < r.bottom()
        })
    }

    #[test]
    fn a_path_goes_round_the_box_between_its_ends() {
        let (a, b) = (rect(0.0, 0.0, 100.0, 40.0), rect(300.0, 0.0, 100.0, 40.0));
        let wall = rect(150.0, -100.0, 100.0, 400.0);
        let area = rect(-500.0, -500.0, 1500.0, 1500.0);
        let routed = Obstacles::new(&[a, b, wall], &[], area).route(&Job { from: a, to: b });
        assert!(!crosses(&routed.points, &wall), "{:?}", routed.points);
        assert!(
            routed
                .points
                .windows(2)
                .all(|s| s[0].0 == s[1].0 || s[0].1 == s[1].1)
        );
        assert_eq!(routed.points[0].0.clamp(a.x, a.right()), routed.points[0].0);
    }

    #[test]
    fn the_lines_a_row_stops_on_do_not_depend_on_where_the_area_starts() {
        // Boxes at every height, so that some sit near a band's edge wherever bands start.
        let boxes: Vec<Rect> = (0..40)
            .map(|i| rect(i as f32 * 37.0, i as f32 * 23.0, 20.0, 16.0))
            .collect();
        let span = |r: &Rect| ((r.y, r.bottom()), [r.x, r.right()]);
        let all: Vec<Lines> = [-100.0, -131.0, -77.5]
            .iter()
            .map(|&from| Lines::new((from, 2000.0), &boxes, span))
            .collect();
        for y in (0..100).map(|i| i as f32 * 9.5) {
            for x in [-50.0, 100.0, 700.0] {
                for forward in [true, false] {
                    let found: Vec<_> = all.iter().map(|l| l.next(y, x, forward)).collect();
                    assert!(found.iter().all(|f| *f == found[0]), "{y} {x}: {found:?}");
                }
            }
        }
        // A row stops on the boxes near it, not on every box.
        assert_eq!(all[0].next(0.0, 0.0, true), Some(20.0));
        assert_eq!(all[0].next(0.0, 20.0, true), Some(37.0));
        assert_eq!(all[0].next(0.0, 300.0, true), None);
    }
}
