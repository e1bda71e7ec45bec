//! Work shared out over the cores: parts of a slice on threads of their own, the results in
//! order. What is computed this way (boxes, paths, subtrees) is a pure function of each item,
//! so the result is the same as one item after the other.

use std::sync::OnceLock;

pub fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
}

/// `f` on parts of `items`, concatenated; with fewer than `min` items, or one core, `f` takes
/// them all here.
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = threads();
    if threads < 2 || items.len() < min.max(2) {
        return f(items);
    }
    let mut parts = items.chunks(items.len().div_ceil(threads));
    let first = parts.next().unwrap_or_default();
    std::thread::scope(|scope| {
        let others: Vec<_> = parts
            .map(|part| {
                // A thread that cannot be started leaves its part to this one.
                std::thread::Builder::new()
                    .spawn_scoped(scope, || f(part))
                    .map_err(|_| part)
            })
            .collect();
        let mut out = f(first);
        for other in others {
            out.extend(match other {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(part) => f(part),
            });
        }
        out
    })
}

/// `a` and `b` side by side: `a` on a thread of its own where there are two cores.
pub fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (A, B) {
    if threads() < 2 {
        let a = a();
        return (a, b());
    }
    // Taken by the thread, or, if it cannot be started, by this one.
    let a = std::sync::Mutex::new(Some(a));
    let take = || a.lock().ok()?.take();
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new().spawn_scoped(scope, || take().map(|a| a()));
        let b = b();
        let done = match thread {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => None,
        };
        let a = done.or_else(|| take().map(|a| a())).expect("run once");
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_come_in_order_whatever_the_size() {
        for n in [0, 1, 2, 3, 10, 1001] {
            let items: Vec<usize> = (0..n).collect();
            let doubled = super::map(&items, 2, |part| part.iter().map(|i| i * 2).collect());
            assert_eq!(doubled, (0..n).map(|i| i * 2).collect::<Vec<_>>());
        }
    }

    #[test]
    fn join_gives_both_results() {
        let items = [1, 2, 3];
        assert_eq!(super::join(|| items.len(), || items[0]), (3, 1));
    }
}
