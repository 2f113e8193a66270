//! The old home of the CSV indicator import, which now lives with the store in
//! [`crate::store::csv_import`] and reads no file. These re-exports, and the two functions
//! that read the file and hand its bytes over, keep the old callers working until the app's
//! file actions do the reading; then this module goes.

use std::path::Path;

pub use crate::store::csv_import::{
    ImportError, ImportOptions, ImportOutcome, MAX_IMPORT_BYTES, REQUIRED_COLUMNS, RowError,
    SourceMapping, SourceTarget, ValueChange, YEARS, import_bytes, known_unit, matching_source,
};

use crate::model::Store;

/// Imports a CSV file into a copy of `store`, filing each source text by name.
pub fn import_csv(store: &Store, path: &Path) -> Result<ImportOutcome, ImportError> {
    import_csv_with(store, path, &ImportOptions::default())
}

/// Reads a CSV file (refusing one over [`MAX_IMPORT_BYTES`]) and imports it into a copy of
/// `store` with the user's choices.
pub fn import_csv_with(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let read = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let bytes = std::fs::read(path).map_err(read)?;
    import_bytes(store, &bytes, path, options)
}
