//! Dashed lines cut to the view: a relation across a large chart is thousands of dashes, of
//! which a zoomed-in view shows a few, and egui draws each dash as a shape of its own.

use eframe::egui::{Pos2, Rect, Shape, Stroke};

/// The dashes of a polyline, only where it crosses `view`: a relation across a large chart
/// is thousands of dashes, of which a zoomed-in view shows a few. Dashes keep their place
/// along the whole line, so they do not crawl as the view pans.
pub fn visible_dashes(
    points: &[Pos2],
    view: Rect,
    stroke: Stroke,
    dash: f32,
    gap: f32,
) -> Vec<Shape> {
    // Distances along the line in f64: a line far from the origin, or long at a high zoom,
    // would otherwise stop advancing by a dash's length.
    let (dash, period) = (f64::from(dash), f64::from(dash + gap));
    let mut out = Vec::new();
    if !(period > 0.0 && dash > 0.0) {
        return out;
    }
    let mut along = 0.0f64;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        let len = f64::from((b - a).length());
        if let Some((t0, t1)) = clip(a, b, view).filter(|_| len > 0.0) {
            let at = |s: f64| a + (b - a) * (s / len) as f32;
            // Distances from this segment's start; the pattern started `phase` before it.
            let (s0, s1) = (f64::from(t0) * len, f64::from(t1) * len);
            let phase = along.rem_euclid(period);
            let first = ((s0 + phase) / period).floor();
            // The view bounds the count; the cap only guards against absurd input.
            let count = (((s1 - s0) / period).ceil() + 1.0).min(100_000.0);
            for k in 0..count as u32 {
                let start = (first + f64::from(k)) * period - phase;
                if start >= s1 {
                    break;
                }
                let (from, to) = (start.max(s0), (start + dash).min(s1));
                if to > from {
                    out.push(Shape::line_segment([at(from), at(to)], stroke));
                }
            }
        }
        along += len;
    }
    out
}

/// The part of segment `a`–`b` inside `r`, as fractions of the segment (Liang–Barsky).
fn clip(a: Pos2, b: Pos2, r: Rect) -> Option<(f32, f32)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else if p < 0.0 {
            t0 = t0.max(q / p);
        } else {
            t1 = t1.min(q / p);
        }
    }
    (t0 < t1).then_some((t0, t1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::Color32;

    fn spans(shapes: &[Shape]) -> Vec<(f32, f32)> {
        shapes
            .iter()
            .map(|s| match s {
                Shape::LineSegment { points, .. } => (points[0].x, points[1].x),
                other => panic!("not a segment: {other:?}"),
            })
            .collect()
    }

    #[test]
    fn dashes_are_cut_to_the_view_where_the_whole_line_has_them() {
        let line = [
            Pos2::new(0.0, 5.0),
            Pos2::new(500.0, 5.0),
            Pos2::new(500.0, 900.0),
        ];
        let stroke = Stroke::new(1.0, Color32::BLACK);
        let everywhere = Rect::from_min_max(Pos2::new(-1e4, -1e4), Pos2::new(1e4, 1e4));
        let all = spans(&visible_dashes(&line, everywhere, stroke, 7.0, 4.0)[..46]);
        let view = Rect::from_min_max(Pos2::new(100.0, 0.0), Pos2::new(200.0, 10.0));
        let seen = spans(&visible_dashes(&line, view, stroke, 7.0, 4.0));
        let expected: Vec<(f32, f32)> = all
            .iter()
            .map(|&(a, b)| (a.max(100.0), b.min(200.0)))
            .filter(|(a, b)| b > a)
            .collect();
        assert_eq!(seen.len(), expected.len());
        for (s, e) in seen.iter().zip(&expected) {
            assert!(
                (s.0 - e.0).abs() < 1e-3 && (s.1 - e.1).abs() < 1e-3,
                "{s:?} {e:?}"
            );
        }
        // The vertical leg is out of view: nothing of it is drawn.
        assert!(seen.iter().all(|&(a, b)| a >= 100.0 && b <= 200.0));
    }

    #[test]
    fn a_line_far_from_the_origin_is_dashed_in_bounded_time() {
        // Past 1e8, f32 steps are coarser than a dash: a dash loop in f32 would never end.
        let line = [Pos2::new(0.0, 5.0), Pos2::new(3e8, 5.0)];
        let view = Rect::from_min_max(Pos2::new(2e8, 0.0), Pos2::new(2e8 + 450.0, 10.0));
        let stroke = Stroke::new(1.0, Color32::BLACK);
        let dashes = visible_dashes(&line, view, stroke, 1.8, 2.7);
        assert!((90..=102).contains(&dashes.len()), "{}", dashes.len());
    }
}
