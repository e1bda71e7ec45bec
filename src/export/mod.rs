//! Writers that draw from the scene only.

pub mod png;
pub mod svg;
