//! What an import did: how each source text was filed, which series and values changed, and
//! the one-line summary the status bar shows.

use crate::model::Store;

use super::SourceTarget;

/// How the rows of one `source` text were filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMapping {
    /// The text in the `source` column.
    pub text: String,
    /// How many rows carry it.
    pub rows: usize,
    /// Where they went.
    pub target: SourceTarget,
    /// The id of the store source they now cite (new or existing).
    pub source_id: String,
}

/// A value that the import changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueChange {
    /// The series.
    pub series_id: String,
    /// The year.
    pub year: i32,
    /// The value before.
    pub old: f64,
    /// The value after.
    pub new: f64,
}

/// A successful import: the new store and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    /// The store with the imported figures.
    pub store: Store,
    /// The file's name, for messages.
    pub file_name: String,
    /// How many data rows were read.
    pub rows: usize,
    /// How each `source` text was filed, by text.
    pub sources: Vec<SourceMapping>,
    /// Ids of series the import created.
    pub new_series: Vec<String>,
    /// Ids of existing series that got new or changed values.
    pub updated_series: Vec<String>,
    /// Ids of sources the import created.
    pub new_sources: Vec<String>,
    /// Values added for years a series did not have.
    pub added_points: usize,
    /// Values that replaced a different value.
    pub changed: Vec<ValueChange>,
    /// Values that equalled the stored value.
    pub unchanged_points: usize,
}

impl ImportOutcome {
    /// One line for the status bar.
    pub fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} new series", self.new_series.len()),
            format!("{} series updated", self.updated_series.len()),
            format!("{} values added", self.added_points),
            format!("{} changed", self.changed.len()),
            format!("{} unchanged", self.unchanged_points),
        ];
        if !self.new_sources.is_empty() {
            parts.push(format!("{} new sources", self.new_sources.len()));
        }
        format!(
            "Imported {} rows from {}: {}.",
            self.rows,
            self.file_name,
            parts.join(", ")
        )
    }
}
