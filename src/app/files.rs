//! Every dialog and every file the app reads or writes, except the notes file itself (kept by
//! the notes runtime in [`super::notes`]). Views ask with `Command::AskPath` /
//! `Command::FileAt`; this module asks the system dialog for the path, offers a path field
//! where the dialog cannot open, and does the reading and writing — always through the one
//! atomic writer ([`crate::io`]).

use std::path::{Path, PathBuf};

use crate::io::{Backup, write_atomic};
use crate::ui::{Command, FileAction};

use super::AtlasApp;

/// The largest file the app reads for an import (CSV) — a colleague's file cannot freeze it.
pub const MAX_READ_BYTES: u64 = 64 * 1024 * 1024;

/// A path field shown where the system dialog gave no path.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    /// What the path is for.
    pub action: FileAction,
    /// The path typed so far.
    pub text: String,
}

/// The folder a dialog or a path field starts in: the documents folder, else the current one.
fn start_dir() -> PathBuf {
    directories::UserDirs::new()
        .and_then(|d| d.document_dir().map(Path::to_path_buf))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// The path a path field suggests for an action.
pub fn suggested_path(action: &FileAction) -> PathBuf {
    if *action == FileAction::SaveMyStore {
        return super::store_save::my_store_dir();
    }
    start_dir().join(action.suggested_name())
}

/// Asks the system file dialog for a path; `None` when it gives none (cancelled, or no
/// dialog can open here — no desktop portal).
fn system_dialog(action: &FileAction) -> Option<PathBuf> {
    let (name, ext) = action.filter();
    let dialog = rfd::FileDialog::new()
        .set_title(action.title())
        .set_directory(start_dir())
        .add_filter(name, &[ext]);
    if *action == FileAction::SaveMyStore {
        dialog.pick_folder()
    } else if action.writes() {
        dialog.set_file_name(action.suggested_name()).save_file()
    } else {
        dialog.pick_file()
    }
}

/// Reads a whole file, refusing one over `max` bytes with a message that says so.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    if size > max {
        return Err(format!(
            "{} is {} MB, more than the {} MB this app reads; nothing was read",
            path.display(),
            size / (1024 * 1024),
            max / (1024 * 1024)
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Whether two paths name the same file (through links), also when the second does not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

impl AtlasApp {
    /// Asks for a path for `action`: the system dialog when it can open, else a path field.
    pub(crate) fn ask_path(&mut self, action: FileAction) -> Vec<Command> {
        if self.system_dialogs
            && let Some(path) = system_dialog(&action)
        {
            return vec![Command::FileAt(action, path)];
        }
        let reason = if self.system_dialogs {
            "The system file dialog gave no file (cancelled, or it cannot open on this system)"
        } else {
            "Type the path"
        };
        self.status = format!("{reason}: {} — type a path in the field.", action.title());
        self.path_prompt = Some(PathPrompt {
            text: suggested_path(&action).display().to_string(),
            action,
        });
        Vec::new()
    }

    /// Does a file action with a path. Returns follow-up commands (a view's messages).
    pub(crate) fn file_at(&mut self, action: FileAction, path: PathBuf) -> Vec<Command> {
        match action {
            FileAction::OpenStore => return vec![Command::OpenStore(path)],
            FileAction::SaveStoreAs => self.save_store_to(path),
            FileAction::SaveMyStore => self.save_store_folder(path),
            FileAction::ExportChanges => self.export_changes(&path),
            FileAction::ApplyChanges => self.review_changes(&path),
            FileAction::ImportCsv => match read_limited(&path, MAX_READ_BYTES) {
                Ok(bytes) => {
                    self.settings.view = crate::ui::View::Charts;
                    return self.settings.charts.preview_import(
                        &self.loaded.store,
                        path,
                        bytes.into(),
                    );
                }
                Err(e) => self.status = format!("Nothing imported: {e}"),
            },
            FileAction::ExportChartPng => self.settings.charts.request_png(path),
            FileAction::ExportChartCsv => {
                match self.settings.charts.export_csv_bytes(&self.loaded.store) {
                    Ok((bytes, rows)) => {
                        self.write_file(&path, &bytes, &format!("{rows} rows of chart data as CSV"))
                    }
                    Err(e) => self.status = format!("CSV not saved: {e}"),
                }
            }
            FileAction::ExportNetworkPng { scale } => {
                let options = crate::ui::network::ExportOptions {
                    scale,
                    dark: false,
                    size: None,
                };
                let ctx = crate::ui::ViewCtx {
                    store: &self.loaded.store,
                    selected: self.selected.as_deref(),
                    noted: &self.noted,
                    hangul: self.settings.hangul,
                };
                // The offscreen frame needs the view (here); filling, encoding and writing the
                // pixels do not, and take up to a second: a worker does them.
                match self.settings.network.render_frame(&ctx, options) {
                    Ok(frame) => self.start_job("Saving the network view as PNG", move || {
                        let bytes = frame
                            .png()
                            .map_err(|e| format!("Could not save the PNG: {e}"))?;
                        super::jobs::write_status(&path, &bytes, "the network view as PNG")
                    }),
                    Err(e) => self.status = format!("Could not save the PNG: {e}"),
                }
            }
            FileAction::ExportNotes { markdown, target } => {
                self.status = match self.export_notes(&path, markdown, target.as_deref()) {
                    Ok(n) => format!("Exported {n} note(s) — {}", path.display()),
                    Err(e) => format!("Could not export notes: {e}"),
                };
            }
            FileAction::ImportNotes => self.read_notes_to_import(path),
            FileAction::Briefing { ids } => self.write_briefing(ids, path),
        }
        Vec::new()
    }

    /// Writes a trip briefing on a worker thread (drawing its map takes a moment); the status
    /// bar says when it is done. The HTML goes to `path`, a Markdown copy beside it.
    fn write_briefing(&mut self, ids: Vec<String>, path: PathBuf) {
        if self.briefing.is_some() {
            self.status = "A briefing is still being written; try again in a moment.".to_owned();
            return;
        }
        // The store and the notes are shared, not copied (the store is one pointer, the
        // notes a pointer each).
        let store = std::sync::Arc::clone(&self.loaded.store);
        let notes = self.notes.book.snapshot();
        let options = crate::briefing::BuildOptions {
            origin: self.loaded.origin.to_string(),
            written: crate::briefing::cli::today(),
        };
        let markdown = path.with_extension("md");
        let wake = self
            .egui_ctx
            .clone()
            .map(|ctx| Box::new(move || ctx.request_repaint()) as Box<dyn Fn() + Send>);
        // Everything but the pointers above runs on the worker: the map and charts are drawn
        // offscreen, encoded as PNG, and the files written there.
        let spawned =
            super::jobs::Job::spawn("briefing", "Writing the briefing", wake, move || {
                crate::briefing::cli::write_briefing(
                    &store,
                    notes.iter().filter(|n| n.is_live()),
                    &ids,
                    &options,
                    &path,
                    Some(&markdown),
                )
                .map_err(|e| format!("The briefing was not written: {e}"))
            });
        match spawned {
            Ok(job) => {
                self.status = job.progress();
                self.briefing = Some(job);
            }
            Err(e) => self.status = format!("Could not start writing the briefing: {e}"),
        }
    }

    /// Takes in a finished briefing, if one was being written, or keeps its progress line
    /// moving ("Writing the briefing… 2 s", a repaint a few times a second while it runs).
    pub(crate) fn poll_briefing(&mut self, ctx: &egui::Context) {
        use super::jobs::{PROGRESS_REPAINT, Poll};
        let Some(job) = &mut self.briefing else {
            return;
        };
        match job.poll() {
            Poll::Running => {
                self.status = job.progress();
                ctx.request_repaint_after(PROGRESS_REPAINT);
            }
            Poll::Done(Ok(line) | Err(line)) => {
                self.status = line;
                self.briefing = None;
            }
            Poll::Lost => {
                self.status = "The briefing was not written: its worker stopped.".to_owned();
                self.briefing = None;
            }
        }
    }

    /// Whether a briefing is being written.
    pub fn briefing_in_progress(&self) -> bool {
        self.briefing.is_some()
    }

    /// Writes bytes atomically and says what happened in the status bar.
    pub(crate) fn write_file(&mut self, path: &Path, bytes: &[u8], what: &str) {
        self.status = match write_atomic(path, bytes, Backup::None) {
            Ok(()) => format!("Saved {what} — {}", path.display()),
            Err(e) => format!("Not saved ({what}): {e}"),
        };
    }

    /// Saves the open store as one RON file at `path`; from then on it is the store's home.
    pub(crate) fn save_store_to(&mut self, path: PathBuf) {
        match crate::store::save::save_store(&self.loaded.store, &path) {
            Ok(()) => {
                self.status = format!("Saved the store — {}", path.display());
                self.loaded.origin = crate::store::Origin::Path(path.clone());
                self.disk_stamp = super::store_save::stamp(&path);
                self.settings.last_store = Some(path);
                self.saved_generation = self.store_generation;
            }
            Err(e) => {
                self.status = format!(
                    "The store was NOT saved; your changes are still here. {e}. Choose another place with Save store as…"
                );
            }
        }
    }

    /// Writes live notes (all, or one record's) as a notes file or Markdown, atomically.
    pub fn export_notes(
        &mut self,
        path: &Path,
        markdown: bool,
        target: Option<&str>,
    ) -> Result<usize, String> {
        if same_file(path, &self.notes.path) {
            return Err("that is the notes file itself; choose another file".to_owned());
        }
        let selected = |n: &crate::notes::Note| {
            target.is_none_or(|t| n.target.as_ref().is_some_and(|nt| nt.id == t))
        };
        let notes: Vec<&crate::notes::Note> =
            self.notes.book.live().filter(|n| selected(n)).collect();
        let count = notes.len();
        let (bytes, sent) = if markdown {
            let text =
                crate::notes::export_markdown(notes.iter().copied(), Some(&self.loaded.store));
            (text.into_bytes(), None)
        } else {
            // With the deletes of notes a colleague may have, so deletes travel too.
            let file = crate::notes::exchange_file(&self.notes.book, selected);
            let text = crate::notes::to_ron(&file).map_err(|e| e.to_string())?;
            (text.into_bytes(), Some(file))
        };
        write_atomic(path, &bytes, Backup::None).map_err(|e| e.to_string())?;
        if let Some(file) = sent {
            // What a colleague now has: their later edits of it are updates, not conflicts.
            self.notes.book.mark_sent(&file);
        }
        Ok(count)
    }

    /// Merges a colleague's notes file (read by [`AtlasApp::read_notes_to_import`]): one
    /// undoable change.
    pub(crate) fn merge_read_notes(
        &mut self,
        path: &Path,
        read: Result<crate::notes::NotesFile, String>,
    ) {
        let before = self.notes.book.clone();
        match read.map(|theirs| self.notes.import_file(&theirs)) {
            Ok(report) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into(),
                );
                self.record_notes_diff(&before, format!("merge of {name}"));
                self.status = format!("Imported {}: {}", path.display(), report.summary());
            }
            Err(e) => self.status = format!("Could not import notes: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.csv");
        std::fs::write(&path, vec![b'x'; 3 * 1024 * 1024]).expect("write");
        let e = read_limited(&path, 1024 * 1024).expect_err("too large");
        assert!(e.contains("3 MB") && e.contains("big.csv"), "{e}");
        assert_eq!(
            read_limited(&path, MAX_READ_BYTES).expect("read").len(),
            3 << 20
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_file_is_the_same_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("notes.ron");
        std::fs::write(&real, "x").expect("write");
        let link = dir.path().join("link.ron");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        assert!(same_file(&link, &real));
        assert!(!same_file(&dir.path().join("other.ron"), &real));
    }
}
