//! Pure functions over the model: graph, layouts, filters, chart series. No egui, no I/O.
pub mod charts;
pub mod countries;
pub mod network;
pub mod search;
pub mod timeline;
