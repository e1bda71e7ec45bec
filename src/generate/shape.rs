//! The tree before any name: how many units per level, and who hangs under whom.

use super::Rng;

/// Per level, how many units: a root, then geometric growth with a random factor per level so
/// that some levels are much wider than others. Every level has at least one unit, so the depth
/// is exactly 5 or 6 (or `n`, below that).
fn level_counts(n: usize, rng: &mut Rng) -> Vec<usize> {
    let levels = (if rng.chance(0.5) { 5 } else { 6 }).min(n);
    let total = |r: f64| (0..levels).map(|l| r.powi(l as i32)).sum::<f64>();
    let (mut lo, mut hi) = (1.0f64, n as f64 + 1.0);
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if total(mid) < n as f64 {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let weights: Vec<f64> = (1..levels)
        .map(|l| lo.powi(l as i32) * (0.6 + 0.8 * rng.unit()))
        .collect();
    let sum: f64 = weights.iter().sum();
    let extra = (n - levels) as f64;
    let mut counts: Vec<usize> = std::iter::once(1)
        .chain(weights.iter().map(|w| 1 + (extra * w / sum) as usize))
        .collect();
    let short = n - counts.iter().sum::<usize>();
    *counts.last_mut().expect("n ≥ 1 gives at least one level") += short;
    counts
}

/// Hands `children` out to `parents` in proportion to random weights: some parents get none,
/// some one or two, a few fifteen to thirty. Largest remainders keep the total exact.
fn apportion(parents: usize, children: usize, rng: &mut Rng) -> Vec<usize> {
    let mut weights: Vec<f64> = (0..parents)
        .map(|_| match rng.unit() {
            x if x < 0.12 => 0.0,
            x if x < 0.32 => 0.15,
            x if x < 0.42 => 3.0,
            _ => 0.6 + 0.8 * rng.unit(),
        })
        .collect();
    if weights.iter().all(|&w| w == 0.0) {
        weights[0] = 1.0;
    }
    let sum: f64 = weights.iter().sum();
    let quota: Vec<f64> = weights.iter().map(|w| children as f64 * w / sum).collect();
    let mut got: Vec<usize> = quota.iter().map(|q| q.floor() as usize).collect();
    let fraction = |i: usize| quota[i] - quota[i].floor();
    let mut order: Vec<usize> = (0..parents).collect();
    order.sort_by(|&a, &b| fraction(b).total_cmp(&fraction(a)));
    let left = children.saturating_sub(got.iter().sum());
    for &i in order.iter().cycle().take(left) {
        got[i] += 1;
    }
    got
}

/// For each unit in pre-order (the order of a hand-written file): its level (0 for the root)
/// and its parent's position.
pub fn shape(n: usize, rng: &mut Rng) -> Vec<(usize, Option<usize>)> {
    if n == 0 {
        return Vec::new();
    }
    let counts = level_counts(n, rng);
    // Built level by level (node numbers follow the levels), then walked depth first.
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut start = 0;
    for pair in counts.windows(2) {
        let mut next = start + pair[0];
        for (p, k) in apportion(pair[0], pair[1], rng).into_iter().enumerate() {
            kids[start + p].extend(next..next + k);
            next += k;
        }
        start += pair[0];
    }
    let mut out = Vec::with_capacity(n);
    let mut stack = vec![(0, 0, None)];
    while let Some((node, level, parent)) = stack.pop() {
        let at = out.len();
        out.push((level, parent));
        stack.extend(kids[node].iter().rev().map(|&c| (c, level + 1, Some(at))));
    }
    out
}
