//! [`DiskState`]: what this process last read from or wrote to the notes file, so that a save
//! notices changes made by anyone else and merges them instead of overwriting them.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use super::error::NotesError;
use super::merge::{self, MergeReport};
use super::model::NotesFile;
use super::persist::{
    Fingerprint, backup_path, parent, parse_notes, read_bytes, read_notes, to_ron, with_suffix,
    write_atomic, write_error,
};
use super::time::Timestamp;

/// How long a save waits for another program that holds the notes lock.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// The notes file as this process last saw it.
///
/// Only a `DiskState` saves the notes file, and one can only be had by reading the file
/// successfully (or by an explicit recovery), so a damaged or newer-format file is never
/// overwritten by accident.
#[derive(Clone, Debug)]
pub struct DiskState {
    path: PathBuf,
    base: NotesFile,
    fingerprint: Option<Fingerprint>,
}

/// What [`DiskState::save`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveReport {
    /// Whether the file was written (false when it already held exactly these notes).
    pub wrote: bool,
    /// What was merged in from the file on disk (changes made by another program or by an
    /// earlier save the caller had not yet adopted). Empty when nothing was merged.
    pub merged_in: MergeReport,
    /// The notes now on disk, when they differ from the notes the caller asked to save.
    pub merged: Option<NotesFile>,
}

impl DiskState {
    /// Reads the notes file at `path`.
    ///
    /// A missing file gives an empty notebook (first run), unless its backup exists: then
    /// [`NotesError::MissingWithBackup`] lets the app ask whether to restore it
    /// ([`DiskState::recover_from_backup`]) or [`DiskState::start_fresh`].
    pub fn open(path: &Path) -> Result<Self, NotesError> {
        match read_notes(path)? {
            Some((base, fingerprint)) => Ok(Self {
                path: path.to_owned(),
                base,
                fingerprint: Some(fingerprint),
            }),
            None => {
                let backup = backup_path(path);
                if backup.exists() {
                    return Err(NotesError::MissingWithBackup {
                        path: path.to_owned(),
                        backup,
                    });
                }
                Ok(Self::empty(path))
            }
        }
    }

    /// Restores the notes file from its backup (`notes.ron.bak`). The unusable file, if any,
    /// is not deleted but renamed to `notes.ron.damaged-<time>`, whose path is returned.
    pub fn recover_from_backup(path: &Path) -> Result<(Self, Option<PathBuf>), NotesError> {
        let backup = backup_path(path);
        let bytes = read_bytes(&backup)?.ok_or_else(|| NotesError::NotFound {
            path: backup.clone(),
        })?;
        let base = parse_notes(&bytes, &backup)?;
        let _lock = lock(path)?;
        let set_aside = set_aside(path, "damaged")?;
        // The backup's own bytes, so the restored file is exactly the backup.
        let fingerprint = write_atomic(path, &bytes, false)?;
        let state = Self {
            path: path.to_owned(),
            base,
            fingerprint: Some(fingerprint),
        };
        Ok((state, set_aside))
    }

    /// Starts with no notes, after renaming any notes file and backup at `path` to
    /// `….set-aside-<time>` (nothing is deleted). Returns the renamed files.
    pub fn start_fresh(path: &Path) -> Result<(Self, Vec<PathBuf>), NotesError> {
        let _lock = lock(path)?;
        let mut moved = Vec::new();
        moved.extend(set_aside(path, "set-aside")?);
        moved.extend(set_aside(&backup_path(path), "set-aside")?);
        Ok((Self::empty(path), moved))
    }

    fn empty(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
            base: NotesFile::default(),
            fingerprint: None,
        }
    }

    /// The notes file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The notes as last read or written.
    pub fn notes(&self) -> &NotesFile {
        &self.base
    }

    /// The fingerprint of the file as last read or written (`None`: there was no file).
    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.fingerprint
    }

    /// Whether the file on disk differs from what this process last read or wrote.
    pub fn changed_on_disk(&self) -> Result<bool, NotesError> {
        let now = read_bytes(&self.path)?.map(|b| Fingerprint::of(&b));
        Ok(now.is_some() && now != self.fingerprint)
    }

    /// Saves `mine`, which the caller edited starting from `edited_from` (for a one-off
    /// edit, [`DiskState::notes`]; for the background saver, the previous snapshot).
    ///
    /// Under a lock file (`notes.ron.lock`, for other instances of the app), it merges the
    /// caller's changes with anything saved since `edited_from`, then, if the file on disk
    /// changed since it was last read or written, three-way merges with it using the last
    /// read version as base. A file that vanished is recreated (never taken as "delete
    /// everything"); a file that is now damaged is left untouched and the save fails.
    pub fn save(
        &mut self,
        edited_from: &NotesFile,
        mine: &NotesFile,
    ) -> Result<SaveReport, NotesError> {
        let requested = mine.normalised();
        let mut merged_in = MergeReport::default();
        let mut result = if edited_from.normalised() == self.base {
            requested.clone()
        } else {
            let m = merge::merge3(edited_from, &requested, &self.base);
            merged_in.extend(m.report);
            m.file
        };

        let _lock = lock(&self.path)?;
        let on_disk = read_bytes(&self.path)?;
        let disk_fingerprint = on_disk.as_deref().map(Fingerprint::of);
        if let Some(bytes) = &on_disk
            && disk_fingerprint != self.fingerprint
        {
            let theirs = parse_notes(bytes, &self.path)?;
            let m = merge::merge3(&self.base, &result, &theirs);
            merged_in.extend(m.report);
            result = m.file;
        }

        let text = to_ron(&result)?;
        let new_fingerprint = Fingerprint::of(text.as_bytes());
        let wrote = disk_fingerprint != Some(new_fingerprint);
        if wrote {
            write_atomic(&self.path, text.as_bytes(), true)?;
        }
        self.fingerprint = Some(new_fingerprint);
        let merged = (result != requested).then(|| result.clone());
        self.base = result;
        Ok(SaveReport {
            wrote,
            merged_in,
            merged,
        })
    }
}

/// Holds the advisory lock on `<path>.lock` until dropped. Waits up to [`LOCK_WAIT`] for
/// another instance; file systems without locking are used unlocked.
fn lock(path: &Path) -> Result<File, NotesError> {
    if let Some(dir) = parent(path) {
        fs::create_dir_all(dir).map_err(|source| write_error(dir, source))?;
    }
    let lock_path = with_suffix(path, ".lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .map_err(|source| write_error(&lock_path, source))?;
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                thread::sleep(Duration::from_millis(25));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(NotesError::Locked {
                    path: path.to_owned(),
                });
            }
            // Locking is a courtesy between instances; without it the fingerprint check
            // still catches nearly every concurrent change.
            Err(fs::TryLockError::Error(_)) => return Ok(file),
        }
    }
}

/// Renames `path` (if it exists) to `<path>.<label>-<time>` and returns the new name.
fn set_aside(path: &Path, label: &str) -> Result<Option<PathBuf>, NotesError> {
    if fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let stamp = Timestamp::now().civil();
    let stem = format!(
        ".{label}-{:04}{:02}{:02}-{:02}{:02}{:02}",
        stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second
    );
    let mut target = with_suffix(path, &stem);
    let mut n = 2;
    while fs::symlink_metadata(&target).is_ok() {
        target = with_suffix(path, &format!("{stem}-{n}"));
        n += 1;
    }
    fs::rename(path, &target).map_err(|source| write_error(path, source))?;
    Ok(Some(target))
}
