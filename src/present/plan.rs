//! The steps of a presentation: the file's script, or steps made from the structure's shape,
//! each small enough to hold its names at `MIN_NAME_PX` on the screen.

use super::{Order, Screen, Step, chart, frame};
use crate::i18n::Lang;
use crate::model::{Hierarchy, Organisation};
use crate::scene;
use std::collections::VecDeque;

/// The steps to show `org` in, on `screen`.
pub fn plan(
    org: &Organisation,
    tree: &Hierarchy,
    order: Order,
    screen: Screen,
    lang: Lang,
) -> Vec<Step> {
    let fits = |step: &Step| {
        let built = scene::build_with(
            org,
            tree,
            &chart(step, screen, lang),
            &mut scene::Cache::default(),
        );
        frame::fits(&built, screen)
    };
    match order {
        Order::Script if !org.presentation.is_empty() => org.presentation.clone(),
        Order::Script | Order::Levels => levels(org, tree, fits),
        Order::Branches => branches(org, tree, fits),
    }
}

fn step(org: &Organisation, unit: Option<usize>, depth: Option<usize>) -> Step {
    Step {
        unit: unit.map(|u| org.units[u].id.clone()),
        depth,
        ..Default::default()
    }
}

/// The levels below `u` (0: none), each unit counted once however the tree loops.
fn height(tree: &Hierarchy, u: usize) -> usize {
    levels_below(tree, u).len()
}

/// The units below `u`, level by level: children first.
fn levels_below(tree: &Hierarchy, u: usize) -> Vec<Vec<usize>> {
    let mut seen = vec![false; tree.len()];
    seen[u] = true;
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut level = vec![u];
    loop {
        let next: Vec<usize> = level
            .iter()
            .flat_map(|&p| tree.children(p))
            .copied()
            .filter(|&c| !std::mem::replace(&mut seen[c], true))
            .collect();
        if next.is_empty() {
            return out;
        }
        out.push(next.clone());
        level = next;
    }
}

/// The whole structure one level more at each step while it fits on the screen; then, from
/// the last level shown, each unit with children and one level more below it at each step,
/// in the order of the levels.
fn levels(org: &Organisation, tree: &Hierarchy, fits: impl Fn(&Step) -> bool) -> Vec<Step> {
    let total = 1 + tree
        .roots()
        .iter()
        .map(|&r| height(tree, r))
        .max()
        .unwrap_or(0);
    let mut steps = vec![step(org, None, Some(1))];
    let mut last: Vec<usize> = tree.roots().to_vec();
    for depth in 2..=total {
        let whole = step(org, None, Some(depth));
        if !fits(&whole) {
            break;
        }
        steps.push(whole);
        last = last
            .iter()
            .flat_map(|&p| tree.children(p))
            .copied()
            .collect();
    }
    if steps.len() == total {
        return steps;
    }
    let mut queue: VecDeque<usize> = last
        .into_iter()
        .filter(|&u| !tree.children(u).is_empty())
        .collect();
    let mut done = vec![false; tree.len()];
    while let Some(u) = queue.pop_front() {
        if std::mem::replace(&mut done[u], true) {
            continue;
        }
        let below = levels_below(tree, u);
        let mut depth = 2;
        steps.push(step(org, Some(u), Some(depth)));
        while depth <= below.len() && fits(&step(org, Some(u), Some(depth + 1))) {
            depth += 1;
            steps.push(step(org, Some(u), Some(depth)));
        }
        let deepest = &below[depth - 2];
        queue.extend(deepest.iter().filter(|&&c| !tree.children(c).is_empty()));
    }
    steps
}

/// The head units alone, then each with its children, then each branch below them: whole
/// when it fits, else its first level and then each of its own branches.
fn branches(org: &Organisation, tree: &Hierarchy, fits: impl Fn(&Step) -> bool) -> Vec<Step> {
    let mut steps = vec![step(org, None, Some(1))];
    let mut done = vec![false; tree.len()];
    for &root in tree.roots() {
        done[root] = true;
        if tree.children(root).is_empty() {
            continue;
        }
        steps.push(step(org, Some(root), Some(2)));
        let mut stack: Vec<usize> = tree.children(root).iter().rev().copied().collect();
        while let Some(u) = stack.pop() {
            if std::mem::replace(&mut done[u], true) || tree.children(u).is_empty() {
                continue;
            }
            let whole = step(org, Some(u), None);
            if fits(&whole) {
                steps.push(whole);
                continue;
            }
            steps.push(step(org, Some(u), Some(2)));
            stack.extend(tree.children(u).iter().rev());
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Unit};

    /// A head with `n` children, each with two children.
    fn org(n: usize) -> Organisation {
        let mut units = vec![Unit {
            id: Id::new("h"),
            name: "Tête".into(),
            ..Default::default()
        }];
        for i in 0..n {
            let id = format!("c{i}");
            units.push(Unit {
                id: Id::new(&id),
                name: format!("Enfant {i}"),
                parent: Some(Id::new("h")),
                ..Default::default()
            });
            for j in 0..2 {
                units.push(Unit {
                    id: Id::new(format!("{id}-{j}")),
                    name: format!("Petit-enfant {i} {j}"),
                    parent: Some(Id::new(&id)),
                    ..Default::default()
                });
            }
        }
        Organisation {
            units,
            ..Default::default()
        }
    }

    #[test]
    fn levels_show_the_whole_while_it_fits() {
        let o = org(3);
        let steps = levels(&o, &Hierarchy::of(&o), |_| true);
        let depths: Vec<_> = steps.iter().map(|s| (s.unit.clone(), s.depth)).collect();
        assert_eq!(
            depths,
            vec![(None, Some(1)), (None, Some(2)), (None, Some(3))]
        );
    }

    #[test]
    fn levels_go_branch_by_branch_once_the_whole_does_not_fit() {
        let o = org(3);
        // Only steps of one branch fit.
        let steps = levels(&o, &Hierarchy::of(&o), |s| s.unit.is_some());
        let shown: Vec<_> = steps
            .iter()
            .map(|s| (s.unit.as_ref().map(|i| i.0.clone()), s.depth))
            .collect();
        assert_eq!(
            shown,
            vec![
                (None, Some(1)),
                (Some("h".into()), Some(2)),
                (Some("h".into()), Some(3)),
            ]
        );
        let steps = levels(&o, &Hierarchy::of(&o), |_| false);
        let units: Vec<_> = steps.iter().map(|s| s.unit.clone()).collect();
        assert_eq!(units.len(), 5, "{units:?}");
        assert_eq!(units[1], Some(Id::new("h")));
        assert_eq!(units[2], Some(Id::new("c0")));
    }

    #[test]
    fn branches_take_each_child_in_turn() {
        let o = org(2);
        let steps = branches(&o, &Hierarchy::of(&o), |_| true);
        let units: Vec<_> = steps.iter().map(|s| (s.unit.clone(), s.depth)).collect();
        assert_eq!(
            units,
            vec![
                (None, Some(1)),
                (Some(Id::new("h")), Some(2)),
                (Some(Id::new("c0")), None),
                (Some(Id::new("c1")), None),
            ]
        );
    }
}
