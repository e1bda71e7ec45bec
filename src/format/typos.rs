//! The name a typo most likely meant, for load errors that suggest one ("vouliez-vous dire
//! « acronym » ?", "did you mean “acronym”?").

use crate::i18n::{Lang, say};

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j] + 1).min(row[j + 1] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// "vouliez-vous dire « x » ? " for the nearest candidate, or nothing.
pub(super) fn did_you_mean(found: &str, candidates: &[&str], lang: Lang) -> String {
    closest(found, candidates)
        .map(|c| say!(lang, "vouliez-vous dire « {c} » ? ", "did you mean “{c}”? "))
        .unwrap_or_default()
}

/// The candidate a typo most likely meant, if one is close enough: a few letters off
/// (`acronyme`), cut short or lengthened (`sour`, `text_`), or sharing a long start
/// (`Directorate`). Short garbage (`_`, `x`) suggests nothing.
pub(super) fn closest<'a>(found: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let found = found.to_lowercase();
    let n = found.chars().count();
    candidates
        .iter()
        .filter_map(|&c| {
            let lower = c.to_lowercase();
            let distance = levenshtein(&found, &lower);
            let common = found
                .chars()
                .zip(lower.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let shorter = n.min(lower.chars().count());
            let near =
                distance <= (n / 3).max(1) || (common == shorter && shorter >= 3) || common >= 5;
            near.then_some((distance, c))
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}
