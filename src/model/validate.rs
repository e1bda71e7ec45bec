//! Semantic checks: what a file can say that the syntax allows but the structure forbids.

use super::{Id, IdMap, Organisation, Target};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One finding. `id` names the element it is about, so that the file layer can point at the
/// line where that element is defined.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub severity: Severity,
    pub id: Option<Id>,
    pub message: String,
}

impl Issue {
    fn error(id: &Id, message: String) -> Self {
        Issue {
            severity: Severity::Error,
            id: Some(id.clone()),
            message,
        }
    }
    fn warning(id: Option<&Id>, message: String) -> Self {
        Issue {
            severity: Severity::Warning,
            id: id.cloned(),
            message,
        }
    }
}

/// Figures for the one-line summary of `check`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub units: usize,
    pub bodies: usize,
    pub relations: usize,
    pub depth: usize,
    pub headcount: u64,
}

/// The farthest a unit may be placed by hand from the chart's origin: a thousand metres of
/// paper at 1 unit a millimetre; beyond, coordinates lose their precision and viewers fail.
pub const MAX_COORD: f32 = 1_000_000.0;

pub fn validate(org: &Organisation) -> (Vec<Issue>, Stats) {
    let mut issues = Vec::new();
    let index = check_ids(org, &mut issues);
    let is_unit = |id: &Id| matches!(index.get(id), Some(Target::Unit(_)));
    let is_endpoint = |id: &Id| matches!(index.get(id), Some(Target::Unit(_) | Target::Entity(_)));

    for u in &org.units {
        if let Some(p) = &u.parent
            && !is_unit(p)
        {
            issues.push(Issue::error(
                &u.id,
                format!(
                    "unité « {} » : parent inconnu « {p} » (attendu : l'id d'une unité)",
                    u.id
                ),
            ));
        }
        if let Some(at) = &u.position
            && !(at.x.is_finite()
                && at.y.is_finite()
                && at.x.abs() <= MAX_COORD
                && at.y.abs() <= MAX_COORD)
        {
            issues.push(Issue::error(
                &u.id,
                format!(
                    "unité « {} » : position ({}, {}) hors du plan (attendu : deux nombres entre \
                     -1 000 000 et 1 000 000)",
                    u.id, at.x, at.y
                ),
            ));
        }
        if u.missions.is_empty() {
            issues.push(Issue::warning(
                Some(&u.id),
                format!("l'unité « {} » n'a pas de missions", u.id),
            ));
        }
    }
    for b in &org.bodies {
        if let Some(c) = &b.chair
            && !is_unit(c)
        {
            issues.push(Issue::error(
                &b.id,
                format!(
                    "instance « {} » : présidence inconnue « {c} » (attendu : l'id d'une unité)",
                    b.id
                ),
            ));
        }
        for m in b.members.iter().filter(|m| !is_endpoint(m)) {
            issues.push(Issue::error(&b.id, format!("instance « {} » : membre inconnu « {m} » (attendu : l'id d'une unité ou d'une entité extérieure)", b.id)));
        }
        if b.members.is_empty() && b.participants.is_empty() {
            issues.push(Issue::warning(
                Some(&b.id),
                format!("l'instance « {} » n'a pas de membres", b.id),
            ));
        }
    }
    for (n, r) in org.relations.iter().enumerate() {
        if r.from == r.to {
            issues.push(Issue::warning(
                Some(&r.from),
                format!(
                    "relation n° {} : « {} » est en relation avec elle-même (rien n'est tracé)",
                    n + 1,
                    r.from
                ),
            ));
        }
        for end in [&r.from, &r.to] {
            if !is_endpoint(end) {
                issues.push(Issue {
                    severity: super::Severity::Error,
                    id: Some(end.clone()),
                    message: format!("relation n° {} : extrémité inconnue « {end} » (attendu : l'id d'une unité ou d'une entité extérieure)", n + 1),
                });
            }
        }
    }

    let depth = check_hierarchy(org, &index, &mut issues);
    let roots = org.units.iter().filter(|u| u.parent.is_none()).count();
    if roots > 1 {
        issues.push(Issue::warning(
            None,
            format!("{roots} unités sans parent : le schéma a plusieurs racines"),
        ));
    }
    issues.sort_by_key(|i| std::cmp::Reverse(i.severity));
    let stats = Stats {
        units: org.units.len(),
        bodies: org.bodies.len(),
        relations: org.relations.len(),
        depth,
        headcount: org.total_headcount(),
    };
    (issues, stats)
}

fn check_ids<'a>(org: &'a Organisation, issues: &mut Vec<Issue>) -> IdMap<'a, Target> {
    let mut seen: IdMap<Target> = IdMap::default();
    let named = org
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (&u.id, &u.name, Target::Unit(i)));
    let named = named.chain(
        org.bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (&b.id, &b.name, Target::Body(i))),
    );
    let named = named.chain(
        org.entities
            .iter()
            .enumerate()
            .map(|(i, e)| (&e.id, &e.name, Target::Entity(i))),
    );
    for (id, name, target) in named {
        if id.0.trim().is_empty() {
            issues.push(Issue::error(
                id,
                format!("un élément nommé « {name} » n'a pas d'id"),
            ));
        } else if seen.insert(id, target).is_some() {
            issues.push(Issue::error(
                id,
                format!("l'id « {id} » est défini plusieurs fois"),
            ));
        }
        if name.trim().is_empty() {
            issues.push(Issue::error(
                id,
                format!("l'élément « {id} » n'a pas de nom"),
            ));
        }
    }
    seen
}

/// Reports cycles in the parent links and returns the depth of the deepest unit (1 for a
/// lone root). Linear: each unit is walked up at most once thanks to memoised depths.
fn check_hierarchy(org: &Organisation, index: &IdMap<Target>, issues: &mut Vec<Issue>) -> usize {
    let parent_of: Vec<Option<usize>> = org
        .units
        .iter()
        .map(|u| match u.parent.as_ref().and_then(|p| index.get(p)) {
            Some(Target::Unit(i)) => Some(*i),
            _ => None,
        })
        .collect();
    // 0: not yet known; usize::MAX: on the current walk; else depth.
    const ON_PATH: usize = usize::MAX;
    let mut depth = vec![0usize; org.units.len()];
    let mut path = Vec::new();
    for start in 0..org.units.len() {
        let mut at = Some(start);
        while let Some(i) = at {
            if depth[i] == ON_PATH {
                let id = &org.units[i].id;
                issues.push(Issue::error(
                    id,
                    format!("cycle dans la hiérarchie : l'unité « {id} » est sa propre ascendante"),
                ));
                break;
            }
            if depth[i] != 0 {
                break;
            }
            depth[i] = ON_PATH;
            path.push(i);
            at = parent_of[i];
        }
        let mut below = at.map_or(0, |i| if depth[i] == ON_PATH { 0 } else { depth[i] });
        for &i in path.iter().rev() {
            below += 1;
            depth[i] = below;
        }
        path.clear();
    }
    depth.into_iter().max().unwrap_or(0)
}
