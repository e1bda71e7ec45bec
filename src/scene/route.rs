//! Routes the lines that are not hierarchy (relations, a body to its chair) as orthogonal
//! three-segment paths, choosing among a few candidates the one that crosses fewest boxes.

use super::Rect;
use super::buckets::Buckets;
use std::collections::HashMap;

const CELL: f32 = 256.0;

/// The boxes already placed, bucketed so that a segment only tests the boxes near it.
pub struct Obstacles<'a> {
    rects: &'a [Rect],
    buckets: Buckets,
}

/// One routing thread's scratch: `marks[i] == stamp` when box `i` was already counted for
/// the path being scored.
struct Marks {
    marks: Vec<u32>,
    stamp: u32,
}

/// A line to route: from a box, to a box, in a lane.
#[derive(Clone, Copy)]
pub struct Job {
    pub from: Rect,
    pub to: Rect,
    pub lane: f32,
}

/// Below this many lines, one thread routes them all.
const PARALLEL_FROM: usize = 64;

impl<'a> Obstacles<'a> {
    pub fn new(rects: &'a [Rect]) -> Self {
        Obstacles {
            buckets: Buckets::new(rects.iter(), CELL),
            rects,
        }
    }

    /// Routes every job, `gap` away from the boxes, on all cores: each path depends on the
    /// boxes alone, so the result is the same as one after the other.
    pub fn route_all(&self, jobs: &[Job], gap: f32) -> Vec<Vec<(f32, f32)>> {
        crate::par::map(jobs, PARALLEL_FROM, |part| {
            let mut marks = Marks {
                marks: vec![0; self.rects.len()],
                stamp: 0,
            };
            part.iter()
                .map(|j| self.route(&mut marks, j, gap))
                .collect()
        })
    }

    /// How many boxes, other than the two ends, an axis-aligned segment runs through; the
    /// count stops at `enough`.
    fn crossings(
        &self,
        marks: &mut Marks,
        (a, b): ((f32, f32), (f32, f32)),
        ends: (&Rect, &Rect),
        enough: usize,
    ) -> usize {
        let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
        let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
        // The grid has at most 1,025 cells a side, so even a segment across the whole chart
        // visits few cells; and the count does not depend on the grid, which lets `Routes`
        // reuse a path when the boxes near it stay.
        let mut n = 0;
        for i in self.buckets.near_span((x0, x1), (y0, y1)) {
            let r = &self.rects[i];
            if marks.marks[i] == marks.stamp || r == ends.0 || r == ends.1 {
                continue;
            }
            if x1 > r.x && x0 < r.x + r.w && y1 > r.y && y0 < r.y + r.h {
                marks.marks[i] = marks.stamp;
                n += 1;
                if n >= enough {
                    break;
                }
            }
        }
        n
    }

    /// The path of `job`, `gap` away from the boxes: of its candidates (see
    /// `Job::candidates`), the one that crosses fewest boxes, the shortest on a tie.
    fn route(&self, marks: &mut Marks, job: &Job, gap: f32) -> Vec<(f32, f32)> {
        let mut candidates = job.candidates(gap);
        // Shortest first: crossings dominate the score, so the first candidate that crosses
        // nothing wins, and counting stops as soon as a path is no better than the best.
        let length = |p: &Path| -> f32 {
            p.windows(2)
                .map(|s| (s[0].0 - s[1].0).abs() + (s[0].1 - s[1].1).abs())
                .sum()
        };
        candidates.sort_by(|x, y| length(x).total_cmp(&length(y)));
        let mut best: Option<(usize, usize)> = None;
        for (i, path) in candidates.iter().enumerate() {
            marks.stamp += 1;
            let cap = best.map_or(usize::MAX, |b| b.1);
            let mut crossings = 0;
            for s in path.windows(2) {
                let ends = (&job.from, &job.to);
                crossings += self.crossings(marks, (s[0], s[1]), ends, cap - crossings);
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
        best.map(|(i, _)| candidates[i].to_vec())
            .unwrap_or_default()
    }
}

/// Three segments from one box to another.
type Path = [(f32, f32); 4];

impl Job {
    /// The orthogonal paths the router chooses among, `gap` away from the two boxes; `lane`
    /// shifts parallel paths apart.
    fn candidates(&self, gap: f32) -> [Path; 8] {
        let (a, b, lane) = (&self.from, &self.to, self.lane);
        // Leave right of the centre: the centre of a box's bottom is where its own hierarchy
        // trunk starts.
        let (acx, bcx) = (a.x + a.w * 0.7 + lane, b.x + b.w / 2.0 + lane);
        let (acy, bcy) = (a.y + a.h / 2.0 + lane, b.y + b.h / 2.0 + lane);
        let mut out = [[(0.0, 0.0); 4]; 8];
        // Vertical, horizontal, vertical: leave through the top or bottom.
        for (k, y) in [a.y + a.h + gap, a.y - gap, b.y - gap, b.y + b.h + gap]
            .into_iter()
            .enumerate()
        {
            let y = y + lane;
            let ay = if y > a.y + a.h / 2.0 { a.y + a.h } else { a.y };
            let by = if y > b.y + b.h / 2.0 { b.y + b.h } else { b.y };
            out[k] = [(acx, ay), (acx, y), (bcx, y), (bcx, by)];
        }
        // Horizontal, vertical, horizontal: leave through a side.
        for (k, x) in [a.x + a.w + gap, a.x - gap, b.x - gap, b.x + b.w + gap]
            .into_iter()
            .enumerate()
        {
            let x = x + lane;
            let ax = if x > a.x + a.w / 2.0 { a.x + a.w } else { a.x };
            let bx = if x > b.x + b.w / 2.0 { b.x + b.w } else { b.x };
            out[4 + k] = [(ax, acy), (x, acy), (x, bcy), (bx, bcy)];
        }
        out
    }

    /// Whether a box at `r` can count in the choice among `candidates`: whether it touches
    /// one of their segments (edges included, so it errs towards yes).
    fn touched_by(candidates: &[Path; 8], r: &Rect) -> bool {
        candidates.iter().flat_map(|p| p.windows(2)).any(|s| {
            let (x0, x1) = (s[0].0.min(s[1].0), s[0].0.max(s[1].0));
            let (y0, y1) = (s[0].1.min(s[1].1), s[0].1.max(s[1].1));
            x1 >= r.x && x0 <= r.right() && y1 >= r.y && y0 <= r.bottom()
        })
    }

    fn key(&self) -> [u32; 9] {
        let (a, b) = (&self.from, &self.to);
        [a.x, a.y, a.w, a.h, b.x, b.y, b.w, b.h, self.lane].map(f32::to_bits)
    }
}

/// The paths of the last scene and the boxes they were routed around. A path depends only on
/// its job and on the boxes its candidates cross, so after an edit that moved a few boxes,
/// only the lines whose candidates they touch are routed again.
#[derive(Default)]
pub struct Routes {
    rects: Vec<Rect>,
    gap: f32,
    paths: HashMap<[u32; 9], Vec<(f32, f32)>, foldhash::fast::RandomState>,
}

/// Checking every kept path against every moved box costs more than routing past this.
const MAX_CHECKS: usize = 1 << 22;

/// The boxes that are in one list and not the other, as many times as their counts differ:
/// a path depends on the boxes it meets, not on their places in the list.
fn moved(old: &[Rect], new: &[Rect]) -> Vec<Rect> {
    if old.len() == new.len() {
        let moved: Vec<Rect> = old
            .iter()
            .zip(new)
            .filter(|(a, b)| a != b)
            .flat_map(|(a, b)| [*a, *b])
            .collect();
        if moved.len() <= 1024 {
            return moved;
        }
    }
    // A box added or removed shifts the places of those after it: count instead.
    let key = |r: &Rect| [r.x, r.y, r.w, r.h].map(f32::to_bits);
    let mut count: HashMap<[u32; 4], i64, foldhash::fast::RandomState> = HashMap::default();
    for r in old {
        *count.entry(key(r)).or_default() += 1;
    }
    for r in new {
        *count.entry(key(r)).or_default() -= 1;
    }
    count
        .into_iter()
        .filter(|(_, n)| *n != 0)
        .flat_map(|(k, n)| {
            let [x, y, w, h] = k.map(f32::from_bits);
            std::iter::repeat_n(Rect { x, y, w, h }, n.unsigned_abs() as usize)
        })
        .collect()
}

impl Routes {
    /// Routes every job around `rects`, `gap` away from them, reusing the kept paths that
    /// no changed box can affect; then keeps these paths for the next call.
    pub fn route_all(&mut self, rects: Vec<Rect>, jobs: &[Job], gap: f32) -> Vec<Vec<(f32, f32)>> {
        // Nothing kept, nothing to compare.
        let moved = if self.paths.is_empty() {
            Vec::new()
        } else {
            moved(&self.rects, &rects)
        };
        let reusable = self.gap == gap && moved.len().saturating_mul(jobs.len()) <= MAX_CHECKS;
        let mut paths: Vec<Option<Vec<(f32, f32)>>> = jobs
            .iter()
            .map(|job| {
                let kept = self.paths.get(&job.key()).filter(|_| reusable)?;
                if moved.is_empty() {
                    return Some(kept.clone());
                }
                let candidates = job.candidates(gap);
                // The candidates' bounds first: most moved boxes are nowhere near.
                let points = candidates.iter().flatten();
                let (x0, x1) = points.clone().fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                    (lo.min(p.0), hi.max(p.0))
                });
                let (y0, y1) = points.fold((f32::MAX, f32::MIN), |(lo, hi), p| {
                    (lo.min(p.1), hi.max(p.1))
                });
                let touched = moved
                    .iter()
                    .filter(|r| x1 >= r.x && x0 <= r.right() && y1 >= r.y && y0 <= r.bottom())
                    .any(|r| Job::touched_by(&candidates, r));
                (!touched).then(|| kept.clone())
            })
            .collect();
        let todo: Vec<usize> = (0..jobs.len()).filter(|&i| paths[i].is_none()).collect();
        if !todo.is_empty() {
            let todo_jobs: Vec<Job> = todo.iter().map(|&i| jobs[i]).collect();
            let routed = Obstacles::new(&rects).route_all(&todo_jobs, gap);
            for (i, path) in todo.into_iter().zip(routed) {
                paths[i] = Some(path);
            }
        }
        let paths: Vec<Vec<(f32, f32)>> =
            paths.into_iter().map(Option::unwrap_or_default).collect();
        self.paths = jobs
            .iter()
            .map(Job::key)
            .zip(paths.iter().cloned())
            .collect();
        self.rects = rects;
        self.gap = gap;
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    #[test]
    fn a_box_moved_beside_a_kept_path_has_it_routed_again() {
        let (a, b) = (rect(0.0, 0.0, 100.0, 40.0), rect(300.0, 0.0, 100.0, 40.0));
        // Between the two boxes: the path goes round, below them.
        let blocker = rect(150.0, -5.0, 100.0, 50.0);
        let job = [Job {
            from: a,
            to: b,
            lane: 0.0,
        }];
        let mut routes = Routes::default();
        let far = vec![a, b, blocker, rect(5000.0, 5000.0, 10.0, 10.0)];
        let first = routes.route_all(far.clone(), &job, 14.0);
        assert_eq!(first, Obstacles::new(&far).route_all(&job, 14.0));
        assert!(first[0].iter().all(|p| p.1 >= 40.0), "below: {first:?}");
        // The far box moves onto that path, outside the bounds of the two boxes.
        let near = vec![a, b, blocker, rect(150.0, 50.0, 100.0, 10.0)];
        let second = routes.route_all(near.clone(), &job, 14.0);
        assert_ne!(first, second, "the moved box is in the way");
        assert_eq!(second, Obstacles::new(&near).route_all(&job, 14.0));
    }
}
