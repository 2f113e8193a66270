//! Why an import did not happen, down to every bad row and its line.

use std::path::{Path, PathBuf};

use super::{MAX_IMPORT_BYTES, REQUIRED_COLUMNS};

/// One bad row: its line in the file (1 = the header) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowError {
    /// 1-based line number in the file.
    pub line: u64,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why an import did not happen. Nothing is imported when any of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read the file: {source} — {}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {size} bytes, more than the {MAX_IMPORT_BYTES} an indicator CSV may have — {}", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The header lacks required columns.
    #[error("the header lacks {}; expected the columns {} — {}", .missing.join(", "), REQUIRED_COLUMNS.join(", "), .path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// The missing column names.
        missing: Vec<String>,
    },
    /// The file has a header but no data rows.
    #[error("the file has no data rows — {}", .path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Some rows are bad; all of them are listed.
    #[error("{}", rows_message(.errors, .path))]
    Rows {
        /// The file.
        path: PathBuf,
        /// Every bad row, by line.
        errors: Vec<RowError>,
    },
}

fn rows_message(errors: &[RowError], path: &Path) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!(
        "{} bad row{}, nothing imported:\n{}\n— {}",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" },
        lines.join("\n"),
        path.display()
    )
}

impl ImportError {
    /// The bad rows, when that is why the import failed.
    pub fn row_errors(&self) -> &[RowError] {
        match self {
            ImportError::Rows { errors, .. } => errors,
            _ => &[],
        }
    }
}
