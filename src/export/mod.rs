//! Writers. SVG, PNG and PDF draw from the scene only, so they show exactly the chart; DOT is
//! written from the model, for Graphviz to lay out.

mod coarse;
pub mod dot;
pub mod fonts;
pub mod pdf;
pub mod png;
pub mod request;
pub mod svg;
