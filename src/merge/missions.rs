//! A unit's mission paragraphs merged as `diff3` merges lines: paragraphs both sides kept
//! (the diff's alignment, `diff::missions::common`) are fixed points; between two, the side
//! that changed something wins, and when both did, paragraphs rewritten in place are merged
//! one by one. Anything else is a conflict, and our paragraphs stay.

use crate::diff::missions::common;
use crate::model::Mission;

/// Paragraphs changed two ways: ours and theirs, between the same two kept paragraphs.
pub(super) type Clash = (Vec<Mission>, Vec<Mission>);

pub(super) fn merge(
    base: &[Mission],
    ours: &[Mission],
    theirs: &[Mission],
) -> (Vec<Mission>, Vec<Clash>) {
    let mut to_ours = vec![None; base.len()];
    let mut to_theirs = vec![None; base.len()];
    for (b, o) in common(base, ours) {
        to_ours[b] = Some(o);
    }
    for (b, t) in common(base, theirs) {
        to_theirs[b] = Some(t);
    }
    let mut out = Vec::with_capacity(ours.len().max(theirs.len()));
    let mut clashes = Vec::new();
    let (mut b0, mut o0, mut t0) = (0, 0, 0);
    for b in 0..base.len() {
        let (Some(o), Some(t)) = (to_ours[b], to_theirs[b]) else {
            continue;
        };
        chunk(
            (&base[b0..b], &ours[o0..o], &theirs[t0..t]),
            &mut out,
            &mut clashes,
        );
        out.push(ours[o].clone());
        (b0, o0, t0) = (b + 1, o + 1, t + 1);
    }
    chunk(
        (&base[b0..], &ours[o0..], &theirs[t0..]),
        &mut out,
        &mut clashes,
    );
    (out, clashes)
}

fn chunk(
    (b, o, t): (&[Mission], &[Mission], &[Mission]),
    out: &mut Vec<Mission>,
    clashes: &mut Vec<Clash>,
) {
    if o == b || o == t {
        out.extend_from_slice(t);
    } else if t == b {
        out.extend_from_slice(o);
    } else if b.len() == o.len() && b.len() == t.len() {
        // Each paragraph rewritten in place on one side or the other.
        for k in 0..b.len() {
            match super::lists::value(Some(&b[k]), &o[k], &t[k]) {
                Ok(m) => out.push(m),
                Err(m) => {
                    clashes.push((vec![o[k].clone()], vec![t[k].clone()]));
                    out.push(m);
                }
            }
        }
    } else {
        clashes.push((o.to_vec(), t.to_vec()));
        out.extend_from_slice(o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(list: &[&str]) -> Vec<Mission> {
        list.iter()
            .map(|t| Mission {
                text: t.to_string(),
                source: None,
            })
            .collect()
    }

    #[test]
    fn paragraphs_changed_apart_combine_and_together_clash() {
        let base = texts(&["a", "b", "c"]);
        let (out, clashes) = merge(
            &base,
            &texts(&["a1", "b", "c"]),
            &texts(&["a", "b", "c", "d"]),
        );
        assert_eq!((out, clashes.len()), (texts(&["a1", "b", "c", "d"]), 0));
        // Neighbours rewritten one on each side.
        let (out, clashes) = merge(&base, &texts(&["a1", "b", "c"]), &texts(&["a", "b2", "c"]));
        assert_eq!((out, clashes.len()), (texts(&["a1", "b2", "c"]), 0));
        let (out, clashes) = merge(&base, &texts(&["a", "x", "c"]), &texts(&["a", "y", "c"]));
        assert_eq!(
            (out, clashes),
            (
                texts(&["a", "x", "c"]),
                vec![(texts(&["x"]), texts(&["y"]))]
            )
        );
        // Both added at the end, differently.
        let (out, clashes) = merge(
            &base,
            &texts(&["a", "b", "c", "x"]),
            &texts(&["a", "b", "c", "y"]),
        );
        assert_eq!((out, clashes.len()), (texts(&["a", "b", "c", "x"]), 1));
    }
}
