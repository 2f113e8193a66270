//! The one atomic writer, used by the store save, the notes and every export.
//!
//! The bytes go to a temporary file in the target's folder, are flushed to disk, and replace
//! the target in one rename; the folder is flushed after it. A crash, a full disk or a
//! read-only folder leaves either the old file or the new one, never half of either. A target
//! that is a symbolic link is written through to the file it points to, so a notes file linked
//! into a synced folder stays there.

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Why a file could not be written. The target is unchanged when this is returned.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the file: {source} — {}", .path.display())]
pub struct AtomicError {
    /// The file (or its temporary sibling or folder) that failed.
    pub path: PathBuf,
    /// The operating system's reason.
    #[source]
    pub source: io::Error,
}

/// Whether to keep the current file as `<target>.bak` before replacing it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// Keep the previous version as `<target>.bak`.
    Keep,
    /// Replace without a backup.
    None,
}

/// A new version of a file, written and flushed to a temporary file beside it but not yet in
/// place. [`PreparedWrite::commit`] puts it in place; dropping it instead removes the temporary
/// file and leaves the target untouched.
#[derive(Debug)]
pub struct PreparedWrite {
    temp: tempfile::NamedTempFile,
    target: PathBuf,
}

/// Writes `bytes` to a temporary file beside `target` (the real file behind any symbolic
/// links) and flushes it to disk: the first step of an atomic save. Creates missing folders.
pub fn prepare_write(target: &Path, bytes: &[u8]) -> Result<PreparedWrite, AtomicError> {
    let target = resolve_link(target)?;
    let dir = folder(&target).to_owned();
    fs::create_dir_all(&dir).map_err(|source| err(&dir, source))?;
    let name = target
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(|source| err(&dir, source))?;
    keep_permissions(&target, temp.as_file());
    let written = temp
        .write_all(bytes)
        .and_then(|()| temp.flush())
        .and_then(|()| temp.as_file().sync_all());
    if let Err(source) = written {
        // Dropping `temp` removes whatever part of the temporary file was written.
        return Err(err(temp.path(), source));
    }
    Ok(PreparedWrite { temp, target })
}

impl PreparedWrite {
    /// The temporary file holding the new version.
    pub fn temp_path(&self) -> &Path {
        self.temp.path()
    }

    /// The file this write will replace (symbolic links resolved).
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Puts the new version in place, keeping the current file as `<target>.bak` when asked,
    /// then flushes the folder.
    pub fn commit(self, backup: Backup) -> Result<(), AtomicError> {
        if backup == Backup::Keep && self.target.is_file() {
            keep_backup(&self.target)?;
        }
        let target = self.target;
        self.temp
            .persist(&target)
            .map_err(|e| err(&target, e.error))?;
        sync_dir(folder(&target));
        Ok(())
    }
}

/// Replaces `target` with `bytes` atomically (see [`prepare_write`] and
/// [`PreparedWrite::commit`]).
pub fn write_atomic(target: &Path, bytes: &[u8], backup: Backup) -> Result<(), AtomicError> {
    prepare_write(target, bytes)?.commit(backup)
}

/// The backup beside a file: `<file>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// `path` with `suffix` appended to its file name.
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies the current file to `<target>.bak` through a temporary name, so an existing backup
/// is replaced in one step. A hard link where the file system allows (instant, no extra
/// space), a flushed copy otherwise.
fn keep_backup(target: &Path) -> Result<(), AtomicError> {
    let bak = backup_path(target);
    let temp = with_suffix(&bak, &format!(".tmp-{}", std::process::id()));
    let _ = fs::remove_file(&temp);
    if fs::hard_link(target, &temp).is_err() {
        fs::copy(target, &temp)
            .and_then(|_| File::open(&temp)?.sync_all())
            .map_err(|source| err(&temp, source))?;
    }
    fs::rename(&temp, &bak).map_err(|source| {
        let _ = fs::remove_file(&temp);
        err(&bak, source)
    })
}

/// Gives the new version the permissions of the file it replaces, or, for a new file, the
/// usual ones (read and write for the owner, read for others) instead of the temporary file's
/// private ones. Best effort: a file system without permissions keeps its own.
fn keep_permissions(target: &Path, temp: &File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = fs::metadata(target).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        let _ = temp.set_permissions(fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (target, temp);
}

/// The folder holding `path` (a bare file name means the current folder).
fn folder(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The real file behind a chain of symbolic links (which may not exist yet), or `path`.
fn resolve_link(path: &Path) -> Result<PathBuf, AtomicError> {
    let mut current = path.to_owned();
    // The same limit as Linux's, against link loops.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current).map_err(|source| err(&current, source))?;
                current = if target.is_relative() {
                    folder(&current).join(target)
                } else {
                    target
                };
            }
            _ => return Ok(current),
        }
    }
    Err(err(
        path,
        io::Error::other("too many levels of symbolic links"),
    ))
}

/// Flushes a folder's entries (the rename) to disk where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

fn err(path: &Path, source: io::Error) -> AtomicError {
    AtomicError {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_and_keeps_a_backup_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"one\n", Backup::Keep).expect("first write");
        write_atomic(&path, b"two\n", Backup::Keep).expect("second write");
        assert_eq!(fs::read(&path).expect("read"), b"two\n");
        assert_eq!(fs::read(backup_path(&path)).expect("backup"), b"one\n");
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "no temporary file is left behind: {names:?}"
        );
    }

    #[test]
    fn a_prepared_write_that_is_dropped_leaves_the_target_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"old", Backup::None).expect("write");
        let prepared = prepare_write(&path, b"new").expect("prepare");
        let temp = prepared.temp_path().to_owned();
        assert!(temp.exists());
        drop(prepared);
        assert!(!temp.exists());
        assert_eq!(fs::read(&path).expect("read"), b"old");
    }

    #[test]
    fn a_write_into_a_path_that_cannot_be_a_folder_fails_and_names_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("blocker");
        fs::write(&blocker, "a file, not a folder").expect("blocker");
        let e = write_atomic(&blocker.join("x.png"), b"png", Backup::None).expect_err("fails");
        assert!(e.to_string().contains("blocker"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("briefing.html");
        write_atomic(&path, b"one", Backup::None).expect("write");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomic(&path, b"two", Backup::None).expect("write");
        assert_eq!(mode(&path), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_target_is_written_through_to_its_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let real = dir.path().join("real.ron");
        let link = dir.path().join("link.ron");
        fs::write(&real, "old").expect("real");
        std::os::unix::fs::symlink(&real, &link).expect("link");
        write_atomic(&link, b"new", Backup::None).expect("write");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).expect("read"), b"new");
    }
}
