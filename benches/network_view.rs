//! Frame-time benchmark of the network view (being written).
fn main() {}
