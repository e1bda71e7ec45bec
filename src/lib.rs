//! Organigramme: organisation charts of French public administrations.
//!
//! Layers point one way: `model` ← `format`, `import`, `legal`, `diff`, `merge`, `layout` ←
//! `scene` ← `export` ← `present`, `cli` ← `app`/`ui`.
//! Only `app` and `ui` (behind the `gui` feature) know egui.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod diff;
pub mod doc;
pub mod export;
pub mod format;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod legal;
pub mod merge;
pub mod model;
mod par;
pub mod present;
pub mod samples;
pub mod scene;
pub mod text;
#[cfg(feature = "gui")]
pub mod ui;
