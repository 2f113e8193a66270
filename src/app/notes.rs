//! The notes of this run: the notebook in memory, the background saver, and what the user must
//! be told about the file (a failed save, a file that could not be read, a merge from disk).
//!
//! Nothing here waits on the disk except [`NotesSession::flush`] at exit.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::notes::{
    DiskState, MergeReport, Notebook, NotesError, SaveOutcome, Saver, SaverOptions, Timestamp,
    save_rescue_copy,
};

/// A callback that wakes the UI (egui's `request_repaint`), so the app sleeps while idle.
pub type Waker = Box<dyn Fn() + Send>;

/// The notes of this run and the state of their file.
pub struct NotesSession {
    /// The notes, always complete in memory.
    pub book: Notebook,
    /// Where they are saved.
    pub path: PathBuf,
    saver: Option<Saver>,
    requested: u64,
    /// The last failed save, shown until a save succeeds (the saver keeps retrying).
    pub save_error: Option<String>,
    /// Why the notes file could not be read; while set, nothing is saved over it.
    pub load_error: Option<String>,
    /// Whether the unreadable file has a backup or can be set aside.
    pub can_recover: bool,
    /// When the notes were last known to be on disk.
    pub last_saved: Option<Timestamp>,
    /// What the last merge from disk or import changed, for the status bar.
    pub last_merge: Option<String>,
    options: SaverOptions,
    /// Where [`NotesSession::flush`] writes a rescue copy when the notes file cannot be
    /// saved, tried in order (the notes folder, the temporary folder, the home folder).
    pub rescue_dirs: Vec<PathBuf>,
}

/// How the notes stand when the app is about to close ([`NotesSession::flush`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExitSave {
    /// Every note is in the notes file (or there was nothing to save).
    Saved,
    /// The notes file could not be written; a full copy of the notes is at `rescue`.
    Rescued {
        /// Why the notes file could not be written.
        error: String,
        /// The rescue copy.
        rescue: PathBuf,
    },
    /// Neither the notes file nor any rescue copy could be written: the notes are only in
    /// memory. The app should stay open (the saver keeps retrying) and show [`ExitSave::message`].
    InMemoryOnly {
        /// Why the notes file could not be written.
        error: String,
        /// Why each rescue copy could not be written.
        rescue_errors: Vec<String>,
    },
}

impl ExitSave {
    /// Whether closing now loses nothing.
    pub fn may_close(&self) -> bool {
        !matches!(self, ExitSave::InMemoryOnly { .. })
    }

    /// What the user must be told, naming where the notes are; `None` when all is saved.
    pub fn message(&self, notes_path: &Path) -> Option<String> {
        match self {
            ExitSave::Saved => None,
            ExitSave::Rescued { error, rescue } => Some(format!(
                "The notes could not be saved to {} ({error}); a full copy was written to {}.",
                notes_path.display(),
                rescue.display()
            )),
            ExitSave::InMemoryOnly {
                error,
                rescue_errors,
            } => Some(format!(
                "The notes could not be saved to {} ({error}), nor copied anywhere ({}). \
                 They are kept in memory only and saving is retried: free some disk space or \
                 make the folder writable, and keep the app open until the notes are saved.",
                notes_path.display(),
                rescue_errors.join("; ")
            )),
        }
    }
}

/// The notes folder, the temporary folder and the home folder, without repeats.
fn default_rescue_dirs(notes_path: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    let folder = notes_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf);
    let home = directories::UserDirs::new().map(|u| u.home_dir().to_path_buf());
    for d in [folder, Some(std::env::temp_dir()), home]
        .into_iter()
        .flatten()
    {
        if !dirs.contains(&d) {
            dirs.push(d);
        }
    }
    dirs
}

impl NotesSession {
    /// Opens the notes at `path` and starts the saver. A file that cannot be read is left
    /// untouched: the session starts empty, saves nothing, and says why.
    pub fn open(path: PathBuf, waker: Option<Waker>) -> Self {
        Self::open_with(path, waker, SaverOptions::default())
    }

    /// Like [`NotesSession::open`], with the saver's timing (the soak test saves without
    /// waiting for typing to pause).
    pub fn open_with(path: PathBuf, waker: Option<Waker>, options: SaverOptions) -> Self {
        let mut session = Self {
            book: Notebook::new(),
            path: path.clone(),
            saver: None,
            requested: 0,
            save_error: None,
            load_error: None,
            can_recover: false,
            last_saved: None,
            last_merge: None,
            options,
            rescue_dirs: default_rescue_dirs(&path),
        };
        match DiskState::open(&path) {
            Ok(disk) => session.start(disk, waker),
            Err(e) => session.refuse(&e),
        }
        session
    }

    /// A session that keeps notes in memory only (for tests and when no data folder exists).
    pub fn in_memory(reason: &str) -> Self {
        let mut s = Self::open(PathBuf::new(), None);
        s.load_error = Some(reason.to_owned());
        s.can_recover = false;
        s
    }

    fn start(&mut self, disk: DiskState, waker: Option<Waker>) {
        let file = disk.notes().clone();
        // Notes written while the file was unreadable are merged in, never dropped.
        let pending = self.book.to_file();
        self.book = Notebook::from_file(&file);
        if !pending.notes.is_empty() {
            self.book.merge_import(&pending);
        }
        self.requested = if pending.notes.is_empty() {
            self.book.revision()
        } else {
            0
        };
        match Saver::spawn(disk, self.options.clone(), waker) {
            Ok(saver) => {
                self.saver = Some(saver);
                self.load_error = None;
                self.can_recover = false;
            }
            Err(e) => self.refuse(&e),
        }
    }

    fn refuse(&mut self, e: &NotesError) {
        self.load_error = Some(e.to_string());
        self.can_recover = e.offers_recovery();
        self.saver = None;
    }

    /// Whether notes are being saved (false while the file is unreadable).
    pub fn is_saving(&self) -> bool {
        self.saver.is_some()
    }

    /// Whether every change is on disk.
    pub fn all_saved(&self) -> bool {
        match &self.saver {
            Some(s) => self.requested == self.book.revision() && s.all_saved(),
            None => false,
        }
    }

    /// Call once per frame: hands new edits to the saver and takes in what it reports.
    pub fn tick(&mut self) {
        let Some(saver) = &self.saver else { return };
        if self.book.revision() != self.requested {
            // A pointer per note; the saver thread copies and writes them.
            saver.request_save(self.book.snapshot());
            self.requested = self.book.revision();
        }
        let outcomes: Vec<SaveOutcome> = std::iter::from_fn(|| saver.poll()).collect();
        for outcome in outcomes {
            match outcome {
                SaveOutcome::Saved { at, merge, .. } => {
                    self.save_error = None;
                    self.last_saved = Some(at);
                    if let Some(merge) = merge {
                        let report = self.book.adopt(&merge);
                        self.note_merge("from another window or program", &report);
                        // What was adopted is already on disk.
                        self.requested = self.book.revision();
                    }
                }
                SaveOutcome::Failed {
                    error, retry_in, ..
                } => {
                    self.save_error = Some(format!(
                        "{error} — your notes are kept in memory; retrying in {} s.",
                        retry_in.as_secs().max(1)
                    ));
                }
            }
        }
    }

    /// Saves at once (Ctrl+S): also retries a failed save now.
    pub fn save_now(&mut self) {
        if let Some(saver) = &self.saver {
            saver.request_save(self.book.snapshot());
            self.requested = self.book.revision();
            saver.retry_now();
        }
    }

    /// Checks the file for changes made elsewhere (when the window regains focus).
    pub fn check_disk(&self) {
        if let Some(saver) = &self.saver {
            saver.request_check();
        }
    }

    /// Opens the backup of an unreadable notes file (the damaged file is set aside, not
    /// deleted) and merges in anything written meanwhile.
    pub fn recover_from_backup(&mut self, waker: Option<Waker>) -> Result<String, String> {
        match DiskState::recover_from_backup(&self.path) {
            Ok((disk, aside)) => {
                self.start(disk, waker);
                Ok(match aside {
                    Some(p) => format!(
                        "Opened the backup; the unreadable file was kept as {}",
                        p.display()
                    ),
                    None => "Opened the backup".to_owned(),
                })
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Starts a new notes file, keeping the unreadable one (renamed aside).
    pub fn start_fresh(&mut self, waker: Option<Waker>) -> Result<String, String> {
        match DiskState::start_fresh(&self.path) {
            Ok((disk, aside)) => {
                self.start(disk, waker);
                let kept: Vec<String> = aside.iter().map(|p| p.display().to_string()).collect();
                Ok(format!(
                    "Started a new notes file; kept the old one as {}",
                    kept.join(", ")
                ))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// Merges a colleague's exported notes file.
    pub fn import(&mut self, path: &Path) -> Result<MergeReport, String> {
        let theirs = crate::notes::load_notes(path).map_err(|e| e.to_string())?;
        Ok(self.import_file(&theirs))
    }

    /// Merges a colleague's notes file already read (see [`crate::app::reading`]).
    pub fn import_file(&mut self, theirs: &crate::notes::NotesFile) -> MergeReport {
        let report = self.book.merge_import(theirs);
        self.note_merge("from the imported file", &report);
        report
    }

    fn note_merge(&mut self, from: &str, report: &MergeReport) {
        if report.has_changes() {
            self.last_merge = Some(format!("Notes merged {from}: {}", report.summary()));
        }
    }

    /// Ids of the records that have at least one live note.
    pub fn noted_ids(&self) -> BTreeSet<String> {
        self.book
            .live()
            .filter_map(|n| n.target.as_ref().map(|t| t.id.clone()))
            .collect()
    }

    /// At exit: waits (a few seconds at most) for the last save. If the notes cannot be saved,
    /// writes a rescue copy (see [`NotesSession::rescue_dirs`]); if that fails too, the notes
    /// stay in memory, the saver keeps retrying, and [`NotesSession::save_error`] says where
    /// they are. Nothing is dropped without a message: see [`ExitSave::message`].
    pub fn flush(&mut self) -> ExitSave {
        let error = match &self.saver {
            Some(saver) => {
                saver.request_save(self.book.snapshot());
                self.requested = self.book.revision();
                match saver.flush_blocking(Duration::from_secs(5)) {
                    Ok(()) => return ExitSave::Saved,
                    Err(e) => e.to_string(),
                }
            }
            None if self.book.is_empty() => return ExitSave::Saved,
            None => self
                .load_error
                .clone()
                .unwrap_or_else(|| "the notes file is not being saved".to_owned()),
        };
        // Only now, when the notes file could not take them, are the notes copied.
        let file = self.book.to_file();
        let mut rescue_errors = Vec::new();
        for dir in &self.rescue_dirs {
            match save_rescue_copy(&file, Some(dir)) {
                Ok(rescue) => {
                    self.save_error = Some(format!(
                        "{error} — a full copy of the notes was written to {}.",
                        rescue.display()
                    ));
                    return ExitSave::Rescued { error, rescue };
                }
                Err(e) => rescue_errors.push(e.to_string()),
            }
        }
        if rescue_errors.is_empty() {
            rescue_errors.push("no folder to write a copy to".to_owned());
        }
        let outcome = ExitSave::InMemoryOnly {
            error,
            rescue_errors,
        };
        self.save_error = outcome.message(&self.path);
        outcome
    }
}

/// The child process of the kill -9 soak test (`partnership-atlas --soak-notes PATH`, a
/// hidden option): opens the notes at `path` through the app's own session and saver, then
/// adds notes titled `soak N` (N continuing from the file) one after another, each saved
/// before the next, printing `saved N` once note N is confirmed on disk. Never returns;
/// the test kills it at random moments and checks the file after each kill.
pub fn soak(path: PathBuf) -> ! {
    use std::io::Write as _;
    let options = SaverOptions {
        debounce: Duration::ZERO,
        max_delay: Duration::from_millis(1),
        backoff: vec![Duration::from_millis(10)],
    };
    let mut session = NotesSession::open_with(path, None, options);
    if let Some(e) = &session.load_error {
        eprintln!("soak: {e}");
        std::process::exit(2);
    }
    let mut n = session.book.len();
    let mut stdout = std::io::stdout();
    loop {
        n += 1;
        let draft = crate::notes::NoteDraft {
            title: format!("soak {n}"),
            body: format!("Note {n} of the soak test.\n\n{}", "text ".repeat(n % 50)),
            ..crate::notes::NoteDraft::default()
        };
        session.book.add(draft, Timestamp::now());
        // Wait for this save (the kill may land in it), then confirm it.
        loop {
            session.tick();
            if session.all_saved() {
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = writeln!(stdout, "saved {n}");
        let _ = stdout.flush();
    }
}
