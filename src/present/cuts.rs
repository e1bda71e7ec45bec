//! Where a step too large for the screen is cut into frames: between two boxes, into pieces
//! as even as they can be.

/// Cuts the span of `spans` into as few pieces no longer than `max` as it can, of lengths as
/// even as it can, each ending between two spans (where spans overlap, a piece may have to
/// be cut through them).
pub(super) fn cuts(spans: impl Iterator<Item = (f32, f32)>, max: f32) -> Vec<(f32, f32)> {
    let mut spans: Vec<(f32, f32)> = spans.collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let fewest = greedy(&spans, max).len();
    // The shortest limit that still needs no more pieces: the most even cut.
    let (mut lo, mut hi) = (0.0, max);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if greedy(&spans, mid).len() <= fewest {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    greedy(&spans, hi)
        .into_iter()
        .flat_map(|(a, b)| {
            let n = ((b - a) / max).ceil().max(1.0) as usize;
            let step = (b - a) / n as f32;
            (0..n).map(move |k| (a + step * k as f32, a + step * (k + 1) as f32))
        })
        .collect()
}

/// Pieces from left to right, each taking the next span while it stays within `max` (or
/// overlaps the piece: it cannot be cut between them).
fn greedy(spans: &[(f32, f32)], max: f32) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = Vec::new();
    for &(a, b) in spans {
        match out.last_mut() {
            Some(last) if b <= last.0 + max || a < last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::cuts;

    /// Five boxes 100 wide, 20 apart.
    fn boxes() -> impl Iterator<Item = (f32, f32)> {
        (0..5).map(|k| (k as f32 * 120.0, k as f32 * 120.0 + 100.0))
    }

    #[test]
    fn cuts_end_between_boxes() {
        assert_eq!(cuts(boxes(), 700.0), vec![(0.0, 580.0)]);
        let pieces = cuts(boxes(), 460.0);
        assert_eq!(pieces.len(), 2, "{pieces:?}");
        for (a, b) in pieces {
            assert!(
                boxes().any(|s| s.0 == a) && boxes().any(|s| s.1 == b),
                "{a}–{b}"
            );
        }
    }

    #[test]
    fn cuts_are_even() {
        // Four boxes fit a screen: three and two rather than four and one.
        let longest = cuts(boxes(), 460.0)
            .iter()
            .map(|(a, b)| b - a)
            .fold(0.0, f32::max);
        assert!(longest < 341.0, "{longest}");
    }

    #[test]
    fn overlapping_boxes_are_cut_through() {
        let spans = [(0.0, 100.0), (50.0, 300.0)];
        assert_eq!(
            cuts(spans.into_iter(), 150.0),
            vec![(0.0, 150.0), (150.0, 300.0)]
        );
    }
}
