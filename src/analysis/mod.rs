//! Pure functions over the model: graph, layouts, filters, chart series. No egui, no I/O.
pub mod charts;
pub mod import;
pub mod network;
pub mod search;
pub mod series;
pub mod timeline;
