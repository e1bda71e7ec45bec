//! Three-way merge of a list whose items have a key (an id, a reference, a relation's ends
//! and kind): items added on either side are kept, items deleted on one side and untouched
//! on the other go, and items on both sides are merged by the caller.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

/// What the caller is told of an item deleted on one side and changed on the other.
pub(super) enum Gone<'a, T> {
    /// Deleted on our side, changed on theirs: left deleted (ours is kept).
    ByUs { theirs: &'a T },
    /// Deleted on their side, changed on ours: our version kept.
    ByThem { ours: &'a T },
}

/// Items keyed by `key` and, for keys given twice in one list, by their rank among them.
fn keyed<T, K: Hash + Eq + Clone>(list: &[T], key: &impl Fn(&T) -> K) -> Vec<(K, usize)> {
    let mut seen: HashMap<K, usize> = HashMap::new();
    list.iter()
        .map(|item| {
            let k = key(item);
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            (k, *n - 1)
        })
        .collect()
}

/// The merged list: in our order, with the items only theirs added after the item they
/// follow on their side (at the start when they follow none).
pub(super) fn merge<T: Clone + PartialEq, K: Hash + Eq + Clone>(
    (base, ours, theirs): (&[T], &[T], &[T]),
    key: impl Fn(&T) -> K,
    mut both: impl FnMut(Option<&T>, &T, &T) -> T,
    mut gone: impl FnMut(Gone<'_, T>),
) -> Vec<T> {
    let (bk, ok, tk) = (keyed(base, &key), keyed(ours, &key), keyed(theirs, &key));
    let base_at: HashMap<&(K, usize), usize> = bk.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let theirs_at: HashMap<&(K, usize), usize> =
        tk.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let ours_keys: HashSet<&(K, usize)> = ok.iter().collect();
    let mut out: Vec<(Option<&(K, usize)>, T)> = Vec::with_capacity(ours.len() + 8);
    for (k, o) in ok.iter().zip(ours) {
        let b = base_at.get(k).map(|&i| &base[i]);
        match theirs_at.get(k).map(|&i| &theirs[i]) {
            // Merged field by field only when all three differ: the common case is cheap.
            Some(t) => out.push((Some(k), value(b, o, t).unwrap_or_else(|_| both(b, o, t)))),
            None => match b {
                // Added by us alone.
                None => out.push((Some(k), o.clone())),
                Some(b) if b == o => {}
                Some(_) => {
                    gone(Gone::ByThem { ours: o });
                    out.push((Some(k), o.clone()));
                }
            },
        }
    }
    let mut at: HashMap<&(K, usize), usize> = HashMap::new();
    let mut added: Vec<(usize, &(K, usize), &T)> = Vec::new();
    for (n, (k, t)) in tk.iter().zip(theirs).enumerate() {
        if ours_keys.contains(k) {
            continue;
        }
        match base_at.get(k).map(|&i| &base[i]) {
            None => added.push((n, k, t)),
            Some(b) if b == t => {}
            Some(_) => gone(Gone::ByUs { theirs: t }),
        }
    }
    if added.is_empty() {
        return out.into_iter().map(|(_, item)| item).collect();
    }
    // Each added item goes after the nearest item before it on their side that is kept.
    let mut after: HashMap<Option<usize>, Vec<&T>> = HashMap::new();
    for (pos, (k, _)) in out.iter().enumerate() {
        if let Some(k) = k {
            at.insert(k, pos);
        }
    }
    for (n, _, t) in added {
        let anchor = tk[..n].iter().rev().find_map(|k| at.get(k).copied());
        after.entry(anchor).or_default().push(t);
    }
    let mut merged = Vec::with_capacity(out.len() + after.len());
    merged.extend(after.remove(&None).into_iter().flatten().cloned());
    for (pos, (_, item)) in out.into_iter().enumerate() {
        merged.push(item);
        merged.extend(after.remove(&Some(pos)).into_iter().flatten().cloned());
    }
    merged
}

/// One value changed on either side: the side that changed it wins; changed two ways, ours
/// stays and `Err` says so.
pub(super) fn value<V: PartialEq + Clone>(base: Option<&V>, ours: &V, theirs: &V) -> Result<V, V> {
    if ours == theirs || base == Some(theirs) {
        Ok(ours.clone())
    } else if base == Some(ours) {
        Ok(theirs.clone())
    } else {
        Err(ours.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(base: &[&str], ours: &[&str], theirs: &[&str]) -> (Vec<String>, usize) {
        let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (b, o, t) = (own(base), own(ours), own(theirs));
        let mut conflicts = 0;
        // Keyed by first letter, so that "a1" → "a2" is an edit of item "a".
        let key = |s: &String| s.chars().next();
        let both = |b: Option<&String>, o: &String, t: &String| {
            value(b, o, t).unwrap_or_else(|o| {
                conflicts += 1;
                o
            })
        };
        let mut gone_count = 0;
        let out = merge((&b, &o, &t), key, both, |_| gone_count += 1);
        (out, conflicts + gone_count)
    }

    #[test]
    fn additions_deletions_and_edits_combine() {
        let (out, n) = run(
            &["a", "b", "c"],
            &["a2", "c", "d"],
            &["x", "a", "b", "c3", "e"],
        );
        assert_eq!(
            (out, n),
            (
                ["x", "a2", "c3", "e", "d"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                0
            )
        );
        // Deleted by us, edited by them: left deleted, one conflict.
        let (out, n) = run(&["a", "b"], &["a"], &["a", "b2"]);
        assert_eq!((out, n), (vec!["a".to_string()], 1));
        // Edited two ways: ours, one conflict.
        let (out, n) = run(&["a"], &["a1"], &["a2"]);
        assert_eq!((out, n), (vec!["a1".to_string()], 1));
    }
}
