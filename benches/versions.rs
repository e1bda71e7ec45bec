//! Comparing and merging versions of a 10,000-unit structure (`organigramme generate`): the
//! diff, the tableau de correspondance and the three-way merge of two sides that each
//! edited a few percent of the units (renamed, recounted, missions added and rewritten,
//! units added, moved and deleted). Targets for the whole process, reading the files
//! included: diff under 200 ms, merge under 300 ms. Run with `cargo bench --bench versions`.

use criterion::{Criterion, criterion_group, criterion_main};
use organigramme::diff::{self, Options};
use organigramme::generate::generate;
use organigramme::merge::merge;
use organigramme::model::{Id, Mission, Organisation, Unit};
use std::hint::black_box;

const UNITS: usize = 10_000;

/// Side `side` (0 or 1) edits units `side` modulo 2 among every 25th, so that the two sides
/// touch different units: about 4 % of the units edited on each side.
fn edited(base: &Organisation, side: usize) -> Organisation {
    let mut org = base.clone();
    let n = org.units.len();
    let leaves: Vec<bool> = {
        let mut has_child = vec![false; n];
        let at: std::collections::HashMap<&Id, usize> = base
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (&u.id, i))
            .collect();
        for u in &base.units {
            if let Some(p) = u.parent.as_ref().and_then(|p| at.get(p)) {
                has_child[*p] = true;
            }
        }
        has_child.iter().map(|c| !c).collect()
    };
    let mut deleted = Vec::new();
    for i in (side * 25 + 1..n).step_by(50) {
        let u = &mut org.units[i];
        match (i / 50) % 5 {
            0 => u.name = format!("{} (réorganisé)", u.name),
            1 => u.headcount = Some(u.headcount.unwrap_or(0) + 3),
            2 => u.missions.push(Mission {
                text: format!("Mission nouvelle {side}-{i} : pilotage des projets transverses"),
                source: None,
            }),
            3 if !u.missions.is_empty() => u.missions[0].text.push_str(" et de leur évaluation"),
            _ if leaves[i] => deleted.push(u.id.clone()),
            _ => u.notes = format!("Note {side}"),
        }
    }
    org.units.retain(|u| !deleted.contains(&u.id));
    for r in &mut org.bodies {
        r.members.retain(|m| !deleted.contains(m));
        if r.chair.as_ref().is_some_and(|c| deleted.contains(c)) {
            r.chair = None;
        }
    }
    org.relations
        .retain(|r| !deleted.contains(&r.from) && !deleted.contains(&r.to));
    for k in 0..100 {
        let parent = org.units[(k * 97 + side * 13) % org.units.len()].id.clone();
        org.units.push(Unit {
            id: Id::new(format!("ajout-{side}-{k}")),
            name: format!("Bureau ajouté {side}-{k}"),
            parent: Some(parent),
            ..Default::default()
        });
    }
    org
}

fn versions(c: &mut Criterion) {
    let base = generate(UNITS, 1);
    let (ours, theirs) = (edited(&base, 0), edited(&base, 1));
    let mut group = c.benchmark_group("versions 10000");
    group.sample_size(10);
    group.bench_function("diff", |b| {
        b.iter(|| black_box(diff::diff(&base, &ours, Options::default())))
    });
    group.bench_function("correspondance", |b| {
        b.iter(|| black_box(diff::correspondence(&base, &ours, Options::default())))
    });
    group.bench_function("fusion", |b| {
        b.iter(|| black_box(merge(&base, &ours, &theirs)))
    });
    group.finish();
}

criterion_group!(benches, versions);
criterion_main!(benches);
