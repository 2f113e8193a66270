//! The one way the app writes a file: [`atomic`].

pub mod atomic;
mod same;

pub use atomic::{AtomicError, Backup, PreparedWrite, prepare_write, write_atomic};
pub use same::same_file;
