//! The window's parts. Each draws from `OrgApp` and changes it only through its methods
//! (`run`, `edit`, `select`), so every change is an action or an edit.

pub mod canvas;
pub mod chart;
pub mod dialogs;
pub mod inspector;
pub mod menu;
pub mod outline;
pub mod registry;
pub mod shapes;
pub mod status;
pub mod summary;
