//! Word-level differences of two texts: the longest common subsequence of their words, so
//! that a report marks the words that changed and keeps the others as they were.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A run of words, joined by single spaces.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Same(String),
    Removed(String),
    Added(String),
}

/// Beyond this many cells (old words × new words, once the common start and end are set
/// aside) the table would take megabytes: the middle is then shown as replaced whole. Two
/// rewritten paragraphs of 1,000 words each stay under it.
const MAX_CELLS: usize = 1 << 20;

/// The words of `new` against those of `old`: unchanged runs, and between them what was
/// removed, then what was added. Whitespace is not a word: a re-wrapped text is unchanged.
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out = Runs::default();
    for w in &a[..prefix] {
        out.same(w);
    }
    if mid_a.len().saturating_mul(mid_b.len()) > MAX_CELLS {
        mid_a.iter().for_each(|w| out.removed.push(w));
        mid_b.iter().for_each(|w| out.added.push(w));
    } else {
        lcs(mid_a, mid_b, &mut out);
    }
    for w in &a[a.len() - suffix..] {
        out.same(w);
    }
    out.finish()
}

/// Walks the table of common-subsequence lengths of the suffixes of `a` and `b` forward.
fn lcs<'a>(a: &[&'a str], b: &[&'a str], out: &mut Runs<'a>) {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // len[i * width + j]: the longest common subsequence of a[i..] and b[j..].
    let mut len = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i * width + j] = if a[i] == b[j] {
                len[(i + 1) * width + j + 1] + 1
            } else {
                len[(i + 1) * width + j].max(len[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.same(a[i]);
            (i, j) = (i + 1, j + 1);
        } else if j == m || (i < n && len[(i + 1) * width + j] >= len[i * width + j + 1]) {
            out.removed.push(a[i]);
            i += 1;
        } else {
            out.added.push(b[j]);
            j += 1;
        }
    }
}

/// Segments built word by word: removed and added words wait until the next unchanged word,
/// so that each change reads as « what was there, then what replaced it ».
#[derive(Default)]
struct Runs<'a> {
    segments: Vec<Segment>,
    same: Vec<&'a str>,
    removed: Vec<&'a str>,
    added: Vec<&'a str>,
}

impl<'a> Runs<'a> {
    fn same(&mut self, word: &'a str) {
        self.flush_changes();
        self.same.push(word);
    }

    fn flush_changes(&mut self) {
        if self.removed.is_empty() && self.added.is_empty() {
            return;
        }
        if !self.same.is_empty() {
            self.segments.push(Segment::Same(self.same.join(" ")));
            self.same.clear();
        }
        if !self.removed.is_empty() {
            self.segments.push(Segment::Removed(self.removed.join(" ")));
            self.removed.clear();
        }
        if !self.added.is_empty() {
            self.segments.push(Segment::Added(self.added.join(" ")));
            self.added.clear();
        }
    }

    fn finish(mut self) -> Vec<Segment> {
        self.flush_changes();
        if !self.same.is_empty() {
            self.segments.push(Segment::Same(self.same.join(" ")));
        }
        self.segments
    }
}

/// How alike two texts are, from 0 (no word in common) to 1 (the same words): the share of
/// distinct words they have in common (Dice's coefficient).
pub fn similarity(a: &str, b: &str) -> f32 {
    let words = |t: &str| -> HashSet<String> {
        t.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * a.intersection(&b).count() as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::*;

    fn s(t: &str) -> String {
        t.to_string()
    }

    #[test]
    fn only_the_changed_words_are_marked() {
        let d = diff(
            "Le bureau gère les achats de l'administration centrale.",
            "Le bureau pilote les achats de toute l'administration centrale.",
        );
        assert_eq!(
            d,
            vec![
                Same(s("Le bureau")),
                Removed(s("gère")),
                Added(s("pilote")),
                Same(s("les achats de")),
                Added(s("toute")),
                Same(s("l'administration centrale.")),
            ]
        );
    }

    #[test]
    fn equal_texts_are_one_run_and_empty_ones_none() {
        assert_eq!(diff("a  b\nc", "a b c"), vec![Same(s("a b c"))]);
        assert_eq!(diff("", ""), vec![]);
        assert_eq!(diff("", "neuf"), vec![Added(s("neuf"))]);
    }

    #[test]
    fn a_text_too_long_for_the_table_is_replaced_in_the_middle() {
        // Words in common here and there, which the table would keep.
        let words = |side: &str| -> Vec<String> {
            let word = |i| {
                if i % 100 == 50 {
                    "commun".into()
                } else {
                    format!("{side}{i}")
                }
            };
            (0..1100).map(word).collect()
        };
        let (old, new) = (words("a"), words("b"));
        let d = diff(
            &format!("début {} fin", old.join(" ")),
            &format!("début {} fin", new.join(" ")),
        );
        assert_eq!(d.len(), 4);
        assert_eq!(d[0], Same(s("début")));
        assert!(matches!(&d[1], Removed(t) if t.starts_with("a0 a1")));
        assert!(matches!(&d[2], Added(t) if t.ends_with("b1099")));
        assert_eq!(d[3], Same(s("fin")));
    }

    #[test]
    fn similarity_counts_shared_words() {
        assert_eq!(similarity("Gérer les achats", "gérer les achats."), 1.0);
        assert_eq!(similarity("un deux", "trois quatre"), 0.0);
        assert!((similarity("a b c d", "a b x y") - 0.5).abs() < 1e-6);
    }
}
