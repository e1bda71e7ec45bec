//! The search for one path: A* over the grid of lines of a window, with a cost per bend and
//! for running along a hierarchy line, overestimating what is left so that it heads for the
//! target instead of flooding every detour as long.

use super::{
    ALONG_RAIL, BEND, Best, DOWN, GREED, Job, LEFT, MARGIN, MAX_EXPANDED, Obstacles, RIGHT, UP,
    opposite, ports,
};
use crate::scene::Rect;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// A node of the search: a point, as its two coordinates' bits.
fn key((x, y): (f32, f32)) -> u64 {
    (u64::from(x.to_bits()) << 32) | u64::from(y.to_bits())
}

fn unkey(k: u64) -> (f32, f32) {
    (f32::from_bits((k >> 32) as u32), f32::from_bits(k as u32))
}

impl Obstacles {
    /// A* inside `window`, stepping from line to line: the edges of the boxes near the path
    /// (see `Lines`), the window's own edges and the lines of the ports.
    pub(super) fn search(&self, job: &Job, window: &Rect) -> Option<Vec<(f32, f32)>> {
        let inside = |(x, y): (f32, f32)| {
            x >= window.x && x <= window.right() && y >= window.y && y <= window.bottom()
        };
        let (from, to) = (ports(&job.from), ports(&job.to));
        // Lines on every row or column: the ports', so that a path can line up with them.
        let mut port_xs = Vec::with_capacity(8);
        let mut port_ys = Vec::with_capacity(8);
        for &(p, _) in from.iter().chain(&to).filter(|(p, _)| inside(*p)) {
            port_xs.push(p.0);
            port_ys.push(p.1);
        }
        // The next stop from `p` in direction `d`: the nearest line, or the window's edge.
        let step = |(x, y): (f32, f32), d: u8| -> Option<(f32, f32)> {
            let forward = d == DOWN || d == RIGHT;
            let (along, at, lines, extra, (lo, hi)) = if d >= LEFT {
                (x, y, &self.across, &port_xs, (window.x, window.right()))
            } else {
                (y, x, &self.down, &port_ys, (window.y, window.bottom()))
            };
            let mut next = if forward { hi } else { lo };
            if (forward && along >= hi) || (!forward && along <= lo) {
                return None;
            }
            let nearer = |a: f32, b: f32| if forward { a.min(b) } else { a.max(b) };
            if let Some(v) = lines.next(at, along, forward) {
                next = nearer(next, v);
            }
            for &v in extra.iter() {
                if (forward && v > along) || (!forward && v < along) {
                    next = nearer(next, v);
                }
            }
            Some(if d >= LEFT { (next, y) } else { (x, next) })
        };
        let goals: Vec<((f32, f32), u8)> = to
            .iter()
            .filter(|&&(p, _)| inside(p) && !self.blocked(p))
            .map(|&(p, d)| (p, opposite(d)))
            .collect();
        // Length and the bends still needed, to the nearest goal; overestimated by GREED, so
        // that the search heads for the target instead of flooding every detour as long.
        let h = |(x, y): (f32, f32), d: u8| {
            goals
                .iter()
                .map(|&((gx, gy), _)| {
                    let (dx, dy) = (gx - x, gy - y);
                    let away = match d {
                        UP => dy > 0.0,
                        DOWN => dy < 0.0,
                        LEFT => dx > 0.0,
                        _ => dx < 0.0,
                    };
                    let across = if d >= LEFT { dy != 0.0 } else { dx != 0.0 };
                    let bends = if away {
                        2.0
                    } else {
                        f32::from(u8::from(across))
                    };
                    dx.abs() + dy.abs() + bends * BEND
                })
                .fold(f32::MAX, f32::min)
                * GREED
        };
        if goals.is_empty() {
            return None;
        }
        // A node's state is its place alone, with the direction of its best arrival: four
        // times fewer states than one per direction, for paths that may rarely bend once more.
        // Per node: best cost so far, the node it came from, the direction it came in.
        let mut best: Best = HashMap::default();
        // (f, h, key, done): on equal f, nearer the target first, which walks one of the many
        // equally good paths instead of all of them.
        let mut open: BinaryHeap<Reverse<(u32, u32, u64, bool)>> = BinaryHeap::new();
        for &(p, d) in &from {
            if !inside(p) || self.blocked(p) {
                continue;
            }
            let k = key(p);
            if best.contains_key(&k) {
                continue;
            }
            best.insert(k, (MARGIN, u64::MAX, d));
            let est = h(p, d);
            open.push(Reverse(((MARGIN + est).to_bits(), est.to_bits(), k, false)));
        }
        let mut expanded = 0;
        while let Some(Reverse((f, _, k, done))) = open.pop() {
            if done {
                return Some(self.path(job, k, &best));
            }
            let a = unkey(k);
            let (g, _, d) = best[&k];
            if (g + h(a, d)).to_bits() < f {
                continue; // a stale entry
            }
            expanded += 1;
            if expanded > MAX_EXPANDED {
                return None;
            }
            for &(goal, gd) in &goals {
                if goal == a {
                    let total = g + MARGIN + if d == gd { 0.0 } else { BEND };
                    open.push(Reverse((total.to_bits(), 0, k, true)));
                }
            }
            for nd in [UP, DOWN, LEFT, RIGHT] {
                if nd == opposite(d) {
                    continue;
                }
                let Some(b) = step(a, nd) else {
                    continue;
                };
                let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                if self.blocked(b) || self.blocked(mid) {
                    continue;
                }
                let mut length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
                if self.along_rail(mid, a.1 == b.1) {
                    length *= 1.0 + ALONG_RAIL;
                }
                let ng = g + length + if nd == d { 0.0 } else { BEND };
                let nk = key(b);
                if best.get(&nk).is_some_and(|&(old, _, _)| old <= ng) {
                    continue;
                }
                best.insert(nk, (ng, k, nd));
                let est = h(b, nd);
                open.push(Reverse(((ng + est).to_bits(), est.to_bits(), nk, false)));
            }
        }
        None
    }

    /// The points of the path ending at node `last`: from the edge of the first box, through
    /// the grid, into the edge of the second, with the points where it goes straight on left
    /// out.
    fn path(&self, job: &Job, last: u64, best: &Best) -> Vec<(f32, f32)> {
        let mut grid = Vec::new();
        let mut k = last;
        while k != u64::MAX {
            grid.push(unkey(k));
            k = best[&k].1;
        }
        grid.reverse();
        let onto =
            |p: (f32, f32), r: &Rect| (p.0.clamp(r.x, r.right()), p.1.clamp(r.y, r.bottom()));
        let mut points = Vec::with_capacity(grid.len() + 2);
        points.push(onto(grid[0], &job.from));
        points.extend_from_slice(&grid);
        points.push(onto(grid[grid.len() - 1], &job.to));
        straighten(points)
    }
}

/// Leaves out the points where a path goes straight on.
fn straighten(points: Vec<(f32, f32)>) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::with_capacity(points.len());
    for p in points {
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            if (a.0 == b.0 && b.0 == p.0) || (a.1 == b.1 && b.1 == p.1) {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}
