//! The `partnership-atlas notes …` commands, as plain functions the binary calls.

use std::fs;
use std::path::Path;

use super::error::NotesError;
use super::export::{export_file, export_markdown};
use super::merge::{MergeReport, merge_import};
use super::persist::{load_notes, to_ron, write_atomic};
use super::sync::DiskState;

/// `notes export [--markdown] OUT`: writes the live notes of `notes_path` to `out`, as a
/// notes file for a colleague or as a Markdown report. Returns a line for the terminal.
///
/// With a store, Markdown headings name the records notes are about; without, their ids.
pub fn export(
    notes_path: &Path,
    out: &Path,
    markdown: bool,
    store: Option<&crate::model::Store>,
) -> Result<String, NotesError> {
    if same_file(notes_path, out) {
        return Err(NotesError::ExportOverNotes {
            path: notes_path.to_owned(),
        });
    }
    let disk = DiskState::open(notes_path)?;
    let live: Vec<_> = disk.notes().notes.iter().filter(|n| n.is_live()).collect();
    let text = if markdown {
        export_markdown(live.iter().copied(), store)
    } else {
        to_ron(&export_file(live.iter().copied()))?
    };
    write_atomic(out, text.as_bytes(), false)?;
    Ok(format!(
        "Exported {} note{} to {}",
        live.len(),
        if live.len() == 1 { "" } else { "s" },
        out.display()
    ))
}

/// `notes merge FILE`: merges a colleague's notes file into the notes at `notes_path` (see
/// [`merge_import`]) and saves the result, keeping the previous file as the backup.
pub fn merge(notes_path: &Path, file: &Path) -> Result<MergeReport, NotesError> {
    let mut disk = DiskState::open(notes_path)?;
    let theirs = load_notes(file)?;
    let base = disk.notes().clone();
    let merged = merge_import(&base, &theirs);
    if merged.file != base {
        disk.save(&base, &merged.file)?;
    }
    Ok(merged.report)
}

/// Whether two paths name the same existing file (or are spelled the same).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
