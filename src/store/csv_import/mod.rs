//! Importing newer indicator figures from a tidy CSV (the layout of
//! `shared/data/rd/rd_intensity.csv`: `country_code, country_name, year, indicator, value,
//! source`, optionally `unit`) into a copy of the open store.
//!
//! All or nothing: every bad row is reported with its line number, and if there is one, the
//! store is left as it was. Values from different sources never go into one series: each
//! distinct `source` text becomes (or maps to) one store source, and each (indicator,
//! economy, source) one series.
//!
//! Pure: it parses bytes and reads or writes no file. The caller reads the file (refusing one
//! over [`MAX_IMPORT_BYTES`]) and hands over its bytes with its path, which only names the file
//! in messages.

mod error;
mod map;
mod parse;
mod report;
#[cfg(test)]
mod test_store;

use std::path::Path;

use crate::model::Store;

pub use error::{ImportError, RowError};
pub use map::{ImportOptions, SourceTarget, known_unit, matching_source};
pub use parse::{REQUIRED_COLUMNS, YEARS};
pub use report::{ImportOutcome, SourceMapping, ValueChange};

/// The largest indicator CSV an import takes: the caller refuses a larger file before reading
/// it, with [`ImportError::TooLarge`].
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Imports CSV text into a copy of `store`; `path` names the file in messages. Pure: reads
/// and writes nothing.
pub fn import_bytes(
    store: &Store,
    bytes: &[u8],
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let rows = parse::parse(bytes, path)?;
    map::apply(store, rows, path, options)
}
