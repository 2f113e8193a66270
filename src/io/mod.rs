//! The one way the app writes a file: [`atomic`].

pub mod atomic;

pub use atomic::{AtomicError, Backup, PreparedWrite, prepare_write, write_atomic};
