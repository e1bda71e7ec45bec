//! Writers. SVG, PNG and PDF draw from the scene only, so they show exactly the chart; DOT is
//! written from the model, for Graphviz to lay out; the tables (CSV, XLSX) from the model too.

mod coarse;
pub mod dot;
pub mod fonts;
pub mod logo;
pub mod pdf;
pub mod png;
pub mod request;
pub mod svg;
pub mod table;
pub mod xlsx;
