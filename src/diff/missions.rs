//! A unit's mission paragraphs before and after: those kept, moved, rewritten, added and
//! removed.

use super::{Field, FieldChange, MissionChange, Value, words};
use crate::model::{Citation, Mission};

/// Two paragraphs this alike (shared words, see `words::similarity`) are one paragraph
/// rewritten; less alike, one removed and another added.
pub(super) const REWRITTEN: f32 = 0.5;

/// Beyond this many cells the paragraphs are not aligned (only their common start and end
/// are kept): no unit has thousands of paragraphs.
const MAX_CELLS: usize = 1 << 20;

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn same(a: &Mission, b: &Mission) -> bool {
    same_text(&a.text, &b.text) && a.source == b.source
}

/// Where a change will be reported; removals and additions wait to see whether they are
/// one paragraph moved.
enum Slot {
    Removed(usize),
    Added(usize),
    Rewritten(MissionChange),
}

pub fn changes(old: &[Mission], new: &[Mission]) -> Vec<MissionChange> {
    let mut slots = Vec::new();
    // Between two kept paragraphs (and before the first, after the last), a gap on each side.
    let mut from = (0, 0);
    for (i, j) in common(old, new).into_iter().chain([(old.len(), new.len())]) {
        gap(old, new, (from.0..i, from.1..j), &mut slots);
        from = (i + 1, j + 1);
    }
    // A paragraph removed in one place and added unchanged in another was moved: reported
    // once, where it now stands.
    for k in 0..slots.len() {
        let Some(Slot::Added(j)) = slots[k] else {
            continue;
        };
        let removed = slots
            .iter()
            .position(|s| matches!(s, Some(Slot::Removed(i)) if same(&old[*i], &new[j])));
        if let Some(r) = removed {
            let Some(Slot::Removed(i)) = slots[r].take() else {
                unreachable!()
            };
            slots[k] = Some(Slot::Rewritten(MissionChange::Moved {
                from: i + 1,
                to: j + 1,
            }));
        }
    }
    slots
        .into_iter()
        .flatten()
        .map(|slot| match slot {
            Slot::Removed(i) => MissionChange::Removed {
                number: i + 1,
                text: old[i].text.clone(),
            },
            Slot::Added(j) => MissionChange::Added {
                number: j + 1,
                text: new[j].text.clone(),
            },
            Slot::Rewritten(change) => change,
        })
        .collect()
}

/// Pairs of paragraphs (old, new) kept unchanged, in order: their longest common
/// subsequence.
pub(crate) fn common(old: &[Mission], new: &[Mission]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    let prefix = old.iter().zip(new).take_while(|(a, b)| same(a, b)).count();
    let mut kept: Vec<(usize, usize)> = (0..prefix).map(|k| (k, k)).collect();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| same(a, b))
        .count();
    let (a, b) = (&old[prefix..n - suffix], &new[prefix..m - suffix]);
    if a.len().saturating_mul(b.len()) <= MAX_CELLS {
        let width = b.len() + 1;
        let mut len = vec![0u32; (a.len() + 1) * width];
        for i in (0..a.len()).rev() {
            for j in (0..b.len()).rev() {
                len[i * width + j] = if same(&a[i], &b[j]) {
                    len[(i + 1) * width + j + 1] + 1
                } else {
                    len[(i + 1) * width + j].max(len[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if same(&a[i], &b[j]) {
                kept.push((prefix + i, prefix + j));
                (i, j) = (i + 1, j + 1);
            } else if len[(i + 1) * width + j] >= len[i * width + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    kept.extend((0..suffix).map(|k| (n - suffix + k, m - suffix + k)));
    kept
}

type Range = std::ops::Range<usize>;

/// Within a gap, each old paragraph is paired, in order, with the most alike new one after
/// the last paired; the others are removed or added. Reported in the old order, each new
/// paragraph just before the one it precedes.
fn gap(
    old: &[Mission],
    new: &[Mission],
    (olds, news): (Range, Range),
    slots: &mut Vec<Option<Slot>>,
) {
    let mut next = news.start;
    for i in olds {
        let best = (next..news.end)
            .map(|j| (j, words::similarity(&old[i].text, &new[j].text)))
            .filter(|&(_, s)| s >= REWRITTEN)
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match best {
            Some((j, _)) => {
                slots.extend((next..j).map(|k| Some(Slot::Added(k))));
                slots.push(Some(Slot::Rewritten(rewritten(&old[i], &new[j], i, j))));
                next = j + 1;
            }
            None => slots.push(Some(Slot::Removed(i))),
        }
    }
    slots.extend((next..news.end).map(|k| Some(Slot::Added(k))));
}

fn rewritten(a: &Mission, b: &Mission, i: usize, j: usize) -> MissionChange {
    let words = if same_text(&a.text, &b.text) {
        Vec::new()
    } else {
        words::diff(&a.text, &b.text)
    };
    let source = (a.source != b.source).then(|| FieldChange {
        field: Field::Source,
        old: Value::Text(citation(a.source.as_ref())),
        new: Value::Text(citation(b.source.as_ref())),
    });
    MissionChange::Changed {
        from: i + 1,
        to: j + 1,
        words,
        source,
    }
}

/// « Décret n° 2013-727, art. 2 », as the inspector shows a source.
pub fn citation(c: Option<&Citation>) -> String {
    match c {
        None => String::new(),
        Some(c) if c.article.is_empty() => c.text.clone(),
        Some(c) => format!("{}, art. {}", c.text, c.article),
    }
}
