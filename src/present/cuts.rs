//! Where a step too large for the screen is cut into frames: between boxes, never through
//! one, in reading order (bands from the top, each from the left), into pieces as even as
//! they can be.

use crate::scene::Rect;

/// A frame's share of a step: the extent of its boxes, and the part of the chart it shows:
/// that extent and a margin, but never past the middle of a gap it was cut at, where the
/// next frame's boxes begin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Piece {
    pub extent: Rect,
    pub clip: Rect,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Axis {
    X,
    Y,
}

fn span(r: &Rect, axis: Axis) -> (f32, f32) {
    match axis {
        Axis::X => (r.x, r.right()),
        Axis::Y => (r.y, r.bottom()),
    }
}

/// `r` with its span along `axis` set to `a`–`b`.
fn with_span(r: Rect, axis: Axis, (a, b): (f32, f32)) -> Rect {
    match axis {
        Axis::X => Rect {
            x: a,
            w: b - a,
            ..r
        },
        Axis::Y => Rect {
            y: a,
            h: b - a,
            ..r
        },
    }
}

/// The rectangle around `rects`.
pub(super) fn around<'a>(mut rects: impl Iterator<Item = &'a Rect>) -> Option<Rect> {
    let first = *rects.next()?;
    Some(rects.fold(first, |r, b| {
        let (x, y) = (r.x.min(b.x), r.y.min(b.y));
        Rect {
            x,
            y,
            w: r.right().max(b.right()) - x,
            h: r.bottom().max(b.bottom()) - y,
        }
    }))
}

fn grow(r: Rect, by: f32) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

fn meet(a: Rect, b: Rect) -> Rect {
    let (x, y) = (a.x.max(b.x), a.y.max(b.y));
    Rect {
        x,
        y,
        w: (a.right().min(b.right()) - x).max(0.0),
        h: (a.bottom().min(b.bottom()) - y).max(0.0),
    }
}

/// Cuts `boxes` into as few pieces no larger than `max` (width, height) as cuts between
/// boxes allow, in reading order. A piece too tall is cut into bands across it where no box
/// stands, as even as they can be; a piece too wide, or a band no cut across can shorten,
/// is cut the other way. Only boxes that leave no gap either way (overlapping ones) are cut
/// through.
pub(super) fn pieces(boxes: &[Rect], max: (f32, f32), margin: f32) -> Vec<Piece> {
    let mut out = Vec::new();
    let Some(all) = around(boxes.iter()) else {
        return out;
    };
    // A stack, not recursion: a chart of thousands of units may be cut many times over.
    let mut stack = vec![((0..boxes.len()).collect::<Vec<usize>>(), grow(all, margin))];
    while let Some((set, region)) = stack.pop() {
        let Some(extent) = around(set.iter().map(|&i| &boxes[i])) else {
            continue;
        };
        let long = (extent.w > max.0, extent.h > max.1);
        if !long.0 && !long.1 {
            let clip = meet(grow(extent, margin), region);
            out.push(Piece { extent, clip });
            continue;
        }
        // The long way first, as evenly as it goes; the other way, at every gap (a limit of
        // zero), unless it is long too.
        let limit = |long: bool, max: f32| if long { max } else { 0.0 };
        let ways = if long.1 {
            [(Axis::Y, max.1), (Axis::X, limit(long.0, max.0))]
        } else {
            [(Axis::X, max.0), (Axis::Y, 0.0)]
        };
        let split = ways.iter().find_map(|&(axis, max)| {
            let groups = groups(boxes, &set, axis, max);
            (groups.len() > 1).then_some((axis, groups))
        });
        let Some((axis, groups)) = split else {
            out.extend(sliced(extent, region, max, margin));
            continue;
        };
        let (start, end) = span(&region, axis);
        let mut parts = Vec::with_capacity(groups.len());
        for (k, (set, (a, b))) in groups.iter().enumerate() {
            let lo = match k {
                0 => start,
                _ => (groups[k - 1].1.1 + a) / 2.0,
            };
            let hi = groups.get(k + 1).map_or(end, |next| (b + next.1.0) / 2.0);
            parts.push((set.clone(), with_span(region, axis, (lo, hi))));
        }
        stack.extend(parts.into_iter().rev());
    }
    out
}

/// `set` in groups along `axis`, each spanning at most `max` where it can, as evenly as the
/// fewest groups allow; a group ends where no box of `set` crosses. Each with its span.
fn groups(boxes: &[Rect], set: &[usize], axis: Axis, max: f32) -> Vec<(Vec<usize>, (f32, f32))> {
    let mut order: Vec<usize> = set.to_vec();
    order.sort_by(|&a, &b| span(&boxes[a], axis).0.total_cmp(&span(&boxes[b], axis).0));
    // Runs of boxes whose spans overlap: nothing can be cut between them.
    let mut runs: Vec<(usize, (f32, f32))> = Vec::new();
    for (k, &i) in order.iter().enumerate() {
        let (a, b) = span(&boxes[i], axis);
        match runs.last_mut() {
            Some((_, last)) if a < last.1 => last.1 = last.1.max(b),
            _ => runs.push((k, (a, b))),
        }
    }
    let spans: Vec<(f32, f32)> = runs.iter().map(|r| r.1).collect();
    let fewest = greedy(&spans, max).len();
    // The shortest limit that still needs no more groups: the most even cut.
    let (mut lo, mut hi) = (0.0, max);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if greedy(&spans, mid).len() <= fewest {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut out = Vec::new();
    let mut run = 0;
    for (count, extent) in greedy(&spans, hi) {
        let first = runs[run].0;
        run += count;
        let end = runs.get(run).map_or(order.len(), |r| r.0);
        out.push((order[first..end].to_vec(), extent));
    }
    out
}

/// Consecutive spans grouped from the start, each group taking the next span while it stays
/// within `max`: how many spans each group takes, and its extent.
fn greedy(spans: &[(f32, f32)], max: f32) -> Vec<(usize, (f32, f32))> {
    let mut out: Vec<(usize, (f32, f32))> = Vec::new();
    for &(a, b) in spans {
        match out.last_mut() {
            Some((n, last)) if b <= last.0 + max => {
                *n += 1;
                last.1 = last.1.max(b);
            }
            _ => out.push((1, (a, b))),
        }
    }
    out
}

/// Boxes that overlap across `extent` both ways: pieces of `max`, in reading order, cut
/// through them.
fn sliced(extent: Rect, region: Rect, max: (f32, f32), margin: f32) -> Vec<Piece> {
    let n = |len: f32, max: f32| (len / max.max(1.0)).ceil().max(1.0) as usize;
    let (cols, rows) = (n(extent.w, max.0), n(extent.h, max.1));
    let (w, h) = (extent.w / cols as f32, extent.h / rows as f32);
    let mut out = Vec::with_capacity(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            let extent = Rect {
                x: extent.x + w * c as f32,
                y: extent.y + h * r as f32,
                w,
                h,
            };
            let clip = meet(grow(extent, margin), region);
            out.push(Piece { extent, clip });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }

    /// Five boxes 100 wide, 20 apart, in a row.
    fn row() -> Vec<Rect> {
        (0..5)
            .map(|k| rect(k as f32 * 120.0, 0.0, 100.0, 50.0))
            .collect()
    }

    fn whole_in(b: &Rect, clip: &Rect) -> bool {
        b.x >= clip.x && b.right() <= clip.right() && b.y >= clip.y && b.bottom() <= clip.bottom()
    }

    /// Every box wholly in one piece's clip, and in no other's at all.
    fn check(boxes: &[Rect], pieces: &[Piece]) {
        for b in boxes {
            let whole = pieces.iter().filter(|p| whole_in(b, &p.clip)).count();
            let touched = pieces.iter().filter(|p| b.intersects(&p.clip)).count();
            assert_eq!((whole, touched), (1, 1), "{b:?} in {pieces:?}");
        }
    }

    #[test]
    fn a_row_is_cut_between_boxes_evenly() {
        let boxes = row();
        assert_eq!(pieces(&boxes, (700.0, 100.0), 8.0).len(), 1);
        let cut = pieces(&boxes, (460.0, 100.0), 8.0);
        // Four boxes fit a screen: three and two rather than four and one.
        let mut widths: Vec<f32> = cut.iter().map(|p| p.extent.w).collect();
        widths.sort_by(f32::total_cmp);
        assert_eq!(widths, [220.0, 340.0]);
        check(&boxes, &cut);
    }

    #[test]
    fn a_tall_piece_is_cut_in_bands_from_the_top_and_each_band_from_the_left() {
        // A head over a row of five, then a second row of five.
        let mut boxes = vec![rect(240.0, -100.0, 100.0, 50.0)];
        boxes.extend(row());
        boxes.extend(row().iter().map(|r| rect(r.x, 100.0, r.w, r.h)));
        let cut = pieces(&boxes, (460.0, 160.0), 8.0);
        check(&boxes, &cut);
        // The head with the first row, cut in two; then the second row, cut in two.
        assert_eq!(cut.len(), 4, "{cut:?}");
        let top = cut[2].clip.y.min(cut[3].clip.y);
        assert!(
            cut[..2].iter().all(|p| p.clip.bottom() <= top),
            "bands from the top: {cut:?}"
        );
        let x: Vec<f32> = cut.iter().map(|p| p.extent.x).collect();
        assert!(x[0] < x[1] && x[2] < x[3], "each from the left: {x:?}");
        assert!(cut[..2].iter().any(|p| whole_in(&boxes[0], &p.clip)));
    }

    #[test]
    fn a_gap_too_narrow_for_the_margin_still_keeps_the_next_box_out() {
        let boxes = [rect(0.0, 0.0, 100.0, 100.0), rect(0.0, 102.0, 100.0, 100.0)];
        let cut = pieces(&boxes, (200.0, 150.0), 16.0);
        assert_eq!(cut.len(), 2);
        check(&boxes, &cut);
    }

    #[test]
    fn overlapping_boxes_are_cut_through() {
        let boxes = [rect(0.0, 0.0, 100.0, 100.0), rect(50.0, 50.0, 250.0, 100.0)];
        let cut = pieces(&boxes, (150.0, 200.0), 0.0);
        let xs: Vec<(f32, f32)> = cut.iter().map(|p| (p.extent.x, p.extent.w)).collect();
        assert_eq!(xs, [(0.0, 150.0), (150.0, 150.0)]);
    }
}
