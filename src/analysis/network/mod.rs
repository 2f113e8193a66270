//! The partnership network: a graph of who is paired with whom, its layouts (world map, two
//! regions, schematic, force) and filters, and the world outline they are drawn on.
//!
//! Pure functions and plain data: no egui, no I/O (the map outline is embedded in the binary).

pub mod bundles;
pub mod filter;
pub mod geo;
pub mod graph;
pub mod labels;
pub mod layout;
pub mod layout_force;
pub mod layout_map;
pub mod layout_schematic;
pub mod projection;
pub mod search;
#[cfg(test)]
pub(crate) mod test_store;

pub use filter::{EdgeState, Filter, Undated};
pub use graph::{Edge, EdgeKind, Granularity, Graph, NameStyle, Node, NodeKind, Side};
pub use layout::{Decoration, LabelSide, Layout, WRect};
