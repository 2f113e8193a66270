//! The `partnership-atlas notes …` commands, as plain functions the binary calls.

use std::fs;
use std::path::Path;

use super::book::Notebook;
use super::error::NotesError;
use super::export::{exchange_file, export_markdown};
use super::merge::{MergeReport, merge_import};
use super::persist::{load_notes, to_ron, write_atomic};
use super::sync::DiskState;

/// How many lines of detail `notes merge` prints after its summary without `--verbose`.
pub const MERGE_DETAIL_LINES: usize = 20;

/// `notes export [--markdown] OUT`: writes the live notes of `notes_path` to `out`, as a
/// notes file for a colleague (with the deletes of notes already shared, see
/// [`exchange_file`]) or as a Markdown report. Returns a line for the terminal.
///
/// With a store, Markdown headings name the records notes are about; without, their ids.
/// A notes file export is an exchange: the notes file records the exported versions (see
/// [`Notebook::mark_sent`]), so a colleague's later edits of them merge without conflict.
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
    let mut disk = DiskState::open(notes_path)?;
    let base = disk.notes().clone();
    let live: Vec<_> = base.notes.iter().filter(|n| n.is_live()).collect();
    let count = live.len();
    if markdown {
        let text = export_markdown(live.iter().copied(), store);
        write_atomic(out, text.as_bytes(), false)?;
    } else {
        let mut book = Notebook::from_file(&base);
        // Deletes travel: tombstones of notes others already have go too.
        let file = exchange_file(&book, |_| true);
        write_atomic(out, to_ron(&file)?.as_bytes(), false)?;
        if book.mark_sent(&file) > 0 && book.to_file() != base {
            disk.save(&base, &book.to_file())?;
        }
    }
    Ok(format!(
        "Exported {count} note{} to {}",
        if count == 1 { "" } else { "s" },
        out.display()
    ))
}

/// `notes merge FILE`: merges a colleague's notes file into the notes at `notes_path` (see
/// [`merge_import`]) and saves the result, keeping the previous file as the backup. Print
/// the report with [`merge_text`].
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

/// What `notes merge` prints: the counts on the first line, then one line per added,
/// updated and conflicting note, at most [`MERGE_DETAIL_LINES`] of them unless `verbose`.
pub fn merge_text(report: &MergeReport, verbose: bool) -> String {
    report.render((!verbose).then_some(MERGE_DETAIL_LINES))
}

/// Whether two paths name the same existing file (or are spelled the same).
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
