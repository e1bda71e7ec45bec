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

impl Obstacles {
    /// A* over the grid of the lines of `window`: the grown edges of the boxes in it, its
    /// own edges and the lines of the ports.
    pub(super) fn search(&self, job: &Job, window: &Rect) -> Option<Vec<(f32, f32)>> {
        let inside = |v: f32, lo: f32, hi: f32| v >= lo && v <= hi;
        // The edges of the boxes that meet the window, in order: the lines of its grid.
        let meets = |i: u32| {
            let r = &self.grown[i as usize];
            r.right() >= window.x
                && r.x <= window.right()
                && r.bottom() >= window.y
                && r.y <= window.bottom()
        };
        let lines = |edges: &[(f32, u32)], lo: f32, hi: f32| -> Vec<f32> {
            let start = edges.partition_point(|e| e.0 < lo);
            let end = edges.partition_point(|e| e.0 <= hi);
            let mut v = vec![lo, hi];
            v.extend(edges[start..end].iter().filter(|e| meets(e.1)).map(|e| e.0));
            v
        };
        let mut xs = lines(&self.xs, window.x, window.right());
        let mut ys = lines(&self.ys, window.y, window.bottom());
        let (from, to) = (ports(&job.from), ports(&job.to));
        for ((x, y), _) in from.iter().chain(&to) {
            if inside(*x, window.x, window.right()) && inside(*y, window.y, window.bottom()) {
                xs.push(*x);
                ys.push(*y);
            }
        }
        // Nearly in order already: a few values to place.
        for v in [&mut xs, &mut ys] {
            v.sort_unstable_by(f32::total_cmp);
            v.dedup();
        }
        let at = |v: &[f32], c: f32| v.binary_search_by(|p| p.total_cmp(&c)).ok();
        let node = |(x, y): (f32, f32)| Some((at(&xs, x)?, at(&ys, y)?));
        let goals: Vec<((usize, usize), u8)> = to
            .iter()
            .filter(|(p, _)| !self.blocked(*p))
            .filter_map(|&(p, d)| Some((node(p)?, opposite(d))))
            .collect();
        // Length and the bends still needed, to the nearest goal; overestimated by GREED, so
        // that the search heads for the target instead of flooding every detour as long.
        let h = |i: usize, j: usize, d: u8| {
            goals
                .iter()
                .map(|&((gi, gj), _)| {
                    let (dx, dy) = (xs[gi] - xs[i], ys[gj] - ys[j]);
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
        // A node's state is its place alone, with the direction of its best arrival: four
        // times fewer states than one per direction, for paths that may rarely bend once more.
        let key = |i: usize, j: usize| ((i as u64) << 32) | j as u64;
        let unkey = |k: u64| ((k >> 32) as usize, (k & 0xffff_ffff) as usize);
        // Per node: best cost so far, the node it came from, the direction it came in.
        let mut best: Best = HashMap::default();
        // (f, h, key, done): on equal f, nearer the target first, which walks one of the many
        // equally good paths instead of all of them.
        let mut open: BinaryHeap<Reverse<(u32, u32, u64, bool)>> = BinaryHeap::new();
        if goals.is_empty() {
            return None;
        }
        for &(p, d) in &from {
            let Some((i, j)) = node(p).filter(|_| !self.blocked(p)) else {
                continue;
            };
            let k = key(i, j);
            if best.contains_key(&k) {
                continue;
            }
            best.insert(k, (MARGIN, u64::MAX, d));
            let est = h(i, j, d);
            open.push(Reverse(((MARGIN + est).to_bits(), est.to_bits(), k, false)));
        }
        let mut expanded = 0;
        while let Some(Reverse((f, _, k, done))) = open.pop() {
            if done {
                return Some(self.path(job, k, &best, &xs, &ys, unkey));
            }
            let (i, j) = unkey(k);
            let (g, _, d) = best[&k];
            if (g + h(i, j, d)).to_bits() < f {
                continue; // a stale entry
            }
            expanded += 1;
            if expanded > MAX_EXPANDED {
                return None;
            }
            for &(gn, gd) in &goals {
                if gn == (i, j) {
                    let total = g + MARGIN + if d == gd { 0.0 } else { BEND };
                    open.push(Reverse((total.to_bits(), 0, k, true)));
                }
            }
            for nd in [UP, DOWN, LEFT, RIGHT] {
                if nd == opposite(d) {
                    continue;
                }
                let (ni, nj) = match nd {
                    UP if j > 0 => (i, j - 1),
                    DOWN if j + 1 < ys.len() => (i, j + 1),
                    LEFT if i > 0 => (i - 1, j),
                    RIGHT if i + 1 < xs.len() => (i + 1, j),
                    _ => continue,
                };
                let (a, b) = ((xs[i], ys[j]), (xs[ni], ys[nj]));
                let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                if self.blocked(b) || self.blocked(mid) {
                    continue;
                }
                let mut length = (b.0 - a.0).abs() + (b.1 - a.1).abs();
                if self.along_rail(mid, a.1 == b.1) {
                    length *= 1.0 + ALONG_RAIL;
                }
                let ng = g + length + if nd == d { 0.0 } else { BEND };
                let nk = key(ni, nj);
                if best.get(&nk).is_some_and(|&(old, _, _)| old <= ng) {
                    continue;
                }
                best.insert(nk, (ng, k, nd));
                let est = h(ni, nj, nd);
                open.push(Reverse(((ng + est).to_bits(), est.to_bits(), nk, false)));
            }
        }
        None
    }

    /// The points of the path ending at state `last`: from the edge of the first box, through
    /// the grid, into the edge of the second, with the points where it goes straight on left
    /// out.
    #[allow(clippy::too_many_arguments)]
    fn path(
        &self,
        job: &Job,
        last: u64,
        best: &Best,
        xs: &[f32],
        ys: &[f32],
        unkey: impl Fn(u64) -> (usize, usize),
    ) -> Vec<(f32, f32)> {
        let mut grid = Vec::new();
        let mut k = last;
        while k != u64::MAX {
            let (i, j) = unkey(k);
            grid.push((xs[i], ys[j]));
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
