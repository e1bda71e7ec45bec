//! The paths of the last scene, kept for the next one: the window keeps them in its `Cache`,
//! so that after an edit only the lines whose windows a changed box touches are routed
//! again, and, when asked, only as many as a frame affords, the others drawn provisionally
//! until a later build routes them.

use super::Rect;
use super::route::{self, Job, MARGIN, Obstacles, Rail, Routed};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// The paths of the last scene and the boxes they were routed around. A path depends only on
/// its job and on the boxes that touch its window, so after an edit that moved a few boxes,
/// only the lines whose windows they touch are routed again.
#[derive(Default)]
pub struct Routes {
    rects: Vec<Rect>,
    rails: Vec<Rail>,
    area: Rect,
    paths: HashMap<[u32; 8], Routed, foldhash::fast::RandomState>,
    /// How long one call may route, in the window (a frame's share); none: every line.
    pub budget: Option<Duration>,
    /// Lines the last call drew provisionally, for a later call to route.
    pub pending: usize,
    obstacles: Option<Obstacles>,
}

/// Lines routed between two looks at the clock, on all cores.
const CHUNK: usize = 16;

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

fn inside(r: &Rect, area: &Rect) -> bool {
    r.x >= area.x && r.y >= area.y && r.right() <= area.right() && r.bottom() <= area.bottom()
}

impl Routes {
    /// Drops what was kept: the chart has no line to route.
    pub fn forget(&mut self) {
        self.paths.clear();
        self.pending = 0;
        self.obstacles = None;
    }

    /// Routes every job around `rects` inside `area`, reusing the kept paths that no
    /// changed box can affect; then keeps these paths for the next call. Past the budget,
    /// the lines left are drawn straight (`pending`), and not kept.
    pub fn route_all(
        &mut self,
        rects: Vec<Rect>,
        rails: Vec<Rail>,
        area: Rect,
        jobs: &[Job],
    ) -> Vec<Routed> {
        let mut moved = moved(&self.rects, &rects);
        moved.extend(self::moved(&self.rails, &rails));
        if !moved.is_empty() || self.area != area {
            self.obstacles = None;
        }
        let reusable = moved.len().saturating_mul(jobs.len()) <= MAX_CHECKS;
        let same_grid = route::same_grid(&self.area, &area);
        // A path holds in the new area if it is the old one, or if the area did not shape it
        // and still holds its window (an edit that grew or shrank the chart elsewhere).
        let holds = |kept: &Routed| {
            self.area == area || (same_grid && !kept.cut && inside(&kept.window, &area))
        };
        let mut paths: Vec<Option<Routed>> = jobs
            .iter()
            .map(|job| {
                let kept = self
                    .paths
                    .get(&job.key())
                    .filter(|kept| reusable && holds(kept))?;
                // A box within two bands of the window adds a line that its paths may
                // stop on; a raster cell a box or rail marks may reach a margin further.
                let reach = 2.0 * route::BAND + 2.0 * MARGIN;
                let touched = moved.iter().any(|r| {
                    let w = &kept.window;
                    r.right() + reach >= w.x
                        && r.x - reach <= w.right()
                        && r.bottom() + reach >= w.y
                        && r.y - reach <= w.bottom()
                });
                (!touched).then(|| kept.clone())
            })
            .collect();
        let todo: Vec<usize> = (0..jobs.len()).filter(|&i| paths[i].is_none()).collect();
        if !todo.is_empty() {
            // Kept while the boxes stay: the frames that route what an edit left pending
            // only route. Building them counts in the budget.
            let start = Instant::now();
            let obstacles = self
                .obstacles
                .get_or_insert_with(|| Obstacles::new(&rects, &rails, area));
            let chunk = if self.budget.is_some() {
                CHUNK
            } else {
                todo.len()
            };
            for part in todo.chunks(chunk) {
                if self.budget.is_some_and(|b| start.elapsed() >= b) {
                    break;
                }
                let part_jobs: Vec<Job> = part.iter().map(|&i| jobs[i]).collect();
                for (&i, path) in part.iter().zip(obstacles.route_all(&part_jobs)) {
                    paths[i] = Some(path);
                }
            }
        }
        self.pending = paths.iter().filter(|p| p.is_none()).count();
        if self.pending == 0 {
            self.obstacles = None;
        }
        self.paths = jobs
            .iter()
            .zip(&paths)
            .filter_map(|(job, p)| Some((job.key(), p.clone()?)))
            .collect();
        let paths: Vec<Routed> = jobs
            .iter()
            .zip(paths)
            .map(|(job, p)| {
                p.unwrap_or_else(|| Routed {
                    points: route::provisional(job),
                    window: area,
                    cut: true,
                })
            })
            .collect();
        self.rects = rects;
        self.rails = rails;
        self.area = area;
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::route::tests::{crosses, rect};

    #[test]
    fn a_box_moved_into_a_kept_path_has_it_routed_again() {
        let (a, b) = (rect(0.0, 0.0, 100.0, 40.0), rect(300.0, 0.0, 100.0, 40.0));
        let area = rect(-2000.0, -2000.0, 9000.0, 9000.0);
        let job = [Job { from: a, to: b }];
        let mut routes = Routes::default();
        let far = vec![a, b, rect(5000.0, 5000.0, 10.0, 10.0)];
        let first = routes.route_all(far.clone(), vec![], area, &job);
        assert_eq!(first, Obstacles::new(&far, &[], area).route_all(&job));
        let blocker = rect(150.0, -50.0, 100.0, 150.0);
        assert!(crosses(&first[0].points, &blocker));
        let near = vec![a, b, blocker];
        let second = routes.route_all(near.clone(), vec![], area, &job);
        assert_eq!(second, Obstacles::new(&near, &[], area).route_all(&job));
        assert!(
            !crosses(&second[0].points, &blocker),
            "{:?}",
            second[0].points
        );
    }

    #[test]
    fn lines_past_the_budget_are_drawn_straight_then_routed_by_the_next_call() {
        let (a, b) = (rect(0.0, 0.0, 100.0, 40.0), rect(300.0, 0.0, 100.0, 40.0));
        let wall = rect(150.0, -100.0, 100.0, 400.0);
        let area = rect(-500.0, -500.0, 1500.0, 1500.0);
        let boxes = vec![a, b, wall];
        let job = [Job { from: a, to: b }];
        let mut routes = Routes {
            budget: Some(Duration::ZERO),
            ..Routes::default()
        };
        let first = routes.route_all(boxes.clone(), vec![], area, &job);
        assert_eq!(routes.pending, 1);
        assert_eq!(first[0].points, route::provisional(&job[0]));
        routes.budget = None;
        let second = routes.route_all(boxes.clone(), vec![], area, &job);
        assert_eq!(routes.pending, 0);
        assert_eq!(second, Obstacles::new(&boxes, &[], area).route_all(&job));
        assert!(!crosses(&second[0].points, &wall));
    }

    #[test]
    fn a_path_the_area_did_not_shape_is_kept_when_the_chart_grows_elsewhere() {
        let (a, b) = (rect(3.0, 5.0, 100.0, 40.0), rect(303.0, 5.0, 100.0, 40.0));
        let wall = rect(150.0, -100.0, 100.0, 400.0);
        let job = [Job { from: a, to: b }];
        let mut routes = Routes::default();
        let area = rect(-2003.0, -1995.0, 4500.0, 4500.0);
        routes.route_all(vec![a, b, wall], vec![], area, &job);
        // The chart grows far away: nothing is routed again, and what is kept is what a
        // fresh routing in the new area gives.
        routes.budget = Some(Duration::ZERO);
        let boxes = vec![a, b, wall, rect(6000.0, 7000.0, 100.0, 40.0)];
        let grown = rect(-2013.5, -1999.0, 8200.0, 9100.0);
        let kept = routes.route_all(boxes.clone(), vec![], grown, &job);
        assert_eq!(routes.pending, 0);
        assert_eq!(kept, Obstacles::new(&boxes, &[], grown).route_all(&job));
        // Routed in an area that cut its window, it went under the wall; in a larger area
        // it would go over: routed again.
        routes.budget = None;
        let low = rect(-200.0, -60.0, 800.0, 500.0);
        let under = routes.route_all(vec![a, b, wall], vec![], low, &job);
        assert!(under[0].points.iter().any(|p| p.1 > wall.bottom()));
        routes.budget = Some(Duration::ZERO);
        routes.route_all(vec![a, b, wall], vec![], area, &job);
        assert_eq!(routes.pending, 1);
    }
}
