//! Organigramme: organisation charts of French public administrations.
//!
//! Layers point one way: `model` ← `format`, `layout` ← `scene` ← `export`, `cli` ← `app`/`ui`.
//! Only `app` and `ui` (behind the `gui` feature) know egui.

pub mod cli;
pub mod export;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod samples;
pub mod scene;
pub mod text;
