//! `organigramme diff`: each kind of change found on edited copies of the samples
//! (`changes`), units whose id changed matched by name, acronym and parent, and not with
//! --no-guess (`matching`), the comparison chart (`chart`), the report's four forms and the
//! exit codes of the real binary (`command`), the tableau de correspondance
//! (`correspondence`).

mod changes;
mod chart;
mod command;
mod correspondence;
mod matching;

use organigramme::diff::{self, Changes, Options};
use organigramme::format;
use organigramme::model::{Organisation, Unit};
use std::path::Path;

pub fn sample(file: &str) -> Organisation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_orgs")
        .join(file);
    format::load_path(&path).unwrap().organisation
}

/// The changes from the SGMAS sample to a copy edited by `edit`.
pub fn sgmas_after(edit: impl FnOnce(&mut Organisation)) -> Changes {
    let old = sample("sgmas.ron");
    let mut new = old.clone();
    edit(&mut new);
    diff::diff(&old, &new, Options::default())
}

pub fn unit<'a>(org: &'a mut Organisation, id: &str) -> &'a mut Unit {
    org.units.iter_mut().find(|u| u.id.as_str() == id).unwrap()
}
