//! `organigramme merge`: what combines and what conflicts, on concurrent edits of the
//! SGMAS sample (`combine`), the real `git merge` with the driver (`git`), and random
//! independent edit sequences merged as applying both one after the other (`properties`).

mod combine;
mod git;
mod properties;

use organigramme::format;
use organigramme::merge::{Conflict, Merged, merge};
use organigramme::model::{Organisation, Unit};
use std::path::Path;

pub fn sample(file: &str) -> Organisation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_orgs")
        .join(file);
    format::load_path(&path).unwrap().organisation
}

pub fn unit<'a>(org: &'a mut Organisation, id: &str) -> &'a mut Unit {
    org.units
        .iter_mut()
        .find(|u| u.id.as_str() == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

/// The SGMAS sample merged with two copies of it, each edited by one closure.
pub fn sgmas_merge(
    ours: impl FnOnce(&mut Organisation),
    theirs: impl FnOnce(&mut Organisation),
) -> (Merged, Organisation) {
    let base = sample("sgmas.ron");
    let (mut o, mut t) = (base.clone(), base.clone());
    ours(&mut o);
    theirs(&mut t);
    (merge(&base, &o, &t), o)
}

/// Each conflict as (key, field).
pub fn keys(conflicts: &[Conflict]) -> Vec<(&str, &str)> {
    conflicts
        .iter()
        .map(|c| (c.key.as_str(), c.field.as_str()))
        .collect()
}

/// A merge that kept ours for every conflict: our structure, with the conflicts written into
/// it for the window to settle.
pub fn kept_ours(merged: &organigramme::merge::Merged, ours: &Organisation) {
    assert_eq!(merged.organisation.conflicts, merged.conflicts);
    let structure = Organisation {
        conflicts: Vec::new(),
        ..merged.organisation.clone()
    };
    assert_eq!(&structure, ours);
}
