//! Reading and writing notes files: RON text, version check, atomic save with a backup.
//!
//! A save goes through the app's one atomic writer ([`crate::io::atomic`]): a temporary file
//! beside the target, flushed to disk; the previous file kept as `notes.ron.bak`; one rename
//! over the target; the folder flushed. The target is replaced in one step, so a crash at any moment leaves either
//! the previous file or the new one, never a mix.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use super::error::NotesError;
use super::export::export_markdown;
use super::hash::fnv64;
use super::limits;
use super::model::{NOTES_FORMAT_VERSION, NotesFile, OLDEST_READABLE_VERSION};
use super::time::Timestamp;

/// The file name of the notes file inside the data folder.
pub const NOTES_FILE_NAME: &str = "notes.ron";

/// The notes file in the platform's data folder
/// (for example `~/.local/share/partnership-atlas/notes.ron` on Linux).
pub fn default_notes_path() -> Result<PathBuf, NotesError> {
    directories::ProjectDirs::from("org", "Partnership Atlas", "partnership-atlas")
        .map(|dirs| dirs.data_dir().join(NOTES_FILE_NAME))
        .ok_or(NotesError::NoDataDir)
}

pub use crate::io::atomic::{backup_path, with_suffix};

/// A cheap identity of a file's bytes, to notice that someone else changed the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Length in bytes.
    pub len: u64,
    /// FNV-1a hash of the bytes.
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of some bytes.
    pub fn of(bytes: &[u8]) -> Self {
        Self {
            len: bytes.len() as u64,
            hash: fnv64(bytes),
        }
    }
}

/// Parses notes RON, checking the format version first so that a file from a newer app is
/// reported as such rather than as damaged. Version-1 files (the previous release) are read
/// as they are; the result is always of the current version. Notes come back sorted by id; repeated ids are
/// an error. `path` is only used in error messages.
///
/// Bounded: a file over [`limits::MAX_FILE_BYTES`], nested deeper than
/// [`limits::RECURSION_LIMIT`], or holding a note over the limits of [`limits`] is refused
/// with [`NotesError::TooLarge`] (or a parse error for nesting) saying which limit.
pub fn parse_notes(bytes: &[u8], path: &Path) -> Result<NotesFile, NotesError> {
    if bytes.len() as u64 > limits::MAX_FILE_BYTES {
        return Err(too_large_file(path, bytes.len() as u64));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
        let (line, column) = end_position(&valid);
        parse_error(path, line, column, "the file is not UTF-8 text".to_owned())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);

    #[derive(serde::Deserialize)]
    struct VersionProbe {
        format_version: u32,
    }
    let options = ron::Options::default().with_recursion_limit(limits::RECURSION_LIMIT);
    let probe: VersionProbe = options.from_str(text).map_err(|e| ron_error(path, &e))?;
    if !(OLDEST_READABLE_VERSION..=NOTES_FORMAT_VERSION).contains(&probe.format_version) {
        return Err(NotesError::UnsupportedVersion {
            path: path.to_owned(),
            found: probe.format_version,
            supported: NOTES_FORMAT_VERSION,
        });
    }
    // A version-1 file has no ancestries and no exchange record; both default to empty,
    // and the file is written back as the current version.
    let file: NotesFile = options.from_str(text).map_err(|e| ron_error(path, &e))?;
    if let Some(what) = limits::check(&file) {
        return Err(NotesError::TooLarge {
            path: path.to_owned(),
            what,
        });
    }
    let file = file.normalised();
    if let Some(pair) = file.notes.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(NotesError::DuplicateId {
            path: path.to_owned(),
            id: pair[0].id.to_string(),
        });
    }
    Ok(file)
}

fn ron_error(path: &Path, e: &ron::error::SpannedError) -> NotesError {
    let message = match e.code {
        ron::Error::ExceededRecursionLimit => format!(
            "{}; values may nest at most {} levels deep",
            e.code,
            limits::RECURSION_LIMIT
        ),
        _ => e.code.to_string(),
    };
    parse_error(path, e.span.start.line, e.span.start.col, message)
}

fn too_large_file(path: &Path, size: u64) -> NotesError {
    NotesError::TooLarge {
        path: path.to_owned(),
        what: format!(
            "the file is {:.1} MB; a notes file may be at most {} MB",
            size as f64 / 1e6,
            limits::MAX_FILE_BYTES / (1024 * 1024)
        ),
    }
}

fn parse_error(path: &Path, line: usize, column: usize, message: String) -> NotesError {
    NotesError::Parse {
        path: path.to_owned(),
        line,
        column,
        message,
    }
}

fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |l| l.chars().count());
    (line, column)
}

/// The notes as pretty RON: sorted by id, one field per line, `\n` line ends on every
/// platform, and multi-line bodies written as they are (not as one long escaped line) so
/// diffs stay readable. The text is parsed back and compared before it is returned; if
/// unescaped strings would not survive the round trip, every string is escaped instead.
///
/// Notes over the limits of [`limits`] are refused ([`NotesError::NoteTooLarge`]), so the app
/// never writes a file it would refuse to read.
pub fn to_ron(file: &NotesFile) -> Result<String, NotesError> {
    if let Some(what) = limits::check(file) {
        return Err(NotesError::NoteTooLarge(what));
    }
    let file = file.normalised();
    for escape in [false, true] {
        let config = PrettyConfig::new()
            .new_line("\n")
            .indentor("    ")
            .escape_strings(escape);
        let text = ron::ser::to_string_pretty(&file, config)
            .map_err(|e| NotesError::Serialize(e.to_string()))?;
        let text = text + "\n";
        if ron::from_str::<NotesFile>(&text).is_ok_and(|back| back == file) {
            return Ok(text);
        }
    }
    Err(NotesError::Serialize(
        "the notes did not read back the same after writing".to_owned(),
    ))
}

/// Reads and parses a notes file; `Ok(None)` if there is no file at `path`.
pub fn read_notes(path: &Path) -> Result<Option<(NotesFile, Fingerprint)>, NotesError> {
    let Some(bytes) = read_bytes(path)? else {
        return Ok(None);
    };
    let file = parse_notes(&bytes, path)?;
    Ok(Some((file, Fingerprint::of(&bytes))))
}

/// Reads and parses a notes file that must exist (a colleague's export, a backup).
pub fn load_notes(path: &Path) -> Result<NotesFile, NotesError> {
    read_notes(path)?
        .map(|(file, _)| file)
        .ok_or_else(|| NotesError::NotFound {
            path: path.to_owned(),
        })
}

/// The bytes of a file, or `None` if it does not exist.
/// A file over [`limits::MAX_FILE_BYTES`] is refused before it is read.
pub(crate) fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, NotesError> {
    if let Ok(meta) = fs::metadata(path)
        && meta.len() > limits::MAX_FILE_BYTES
    {
        return Err(too_large_file(path, meta.len()));
    }
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(NotesError::Read {
            path: path.to_owned(),
            source,
        }),
    }
}

/// A new version of a notes file, written and flushed to a temporary file beside it but not
/// yet in place (the app's one atomic writer, [`crate::io::atomic`], with the fingerprint of
/// what will be on disk). [`PreparedWrite::commit`] puts it in place; dropping it instead
/// removes the temporary file and leaves the target untouched.
#[derive(Debug)]
pub struct PreparedWrite {
    inner: crate::io::PreparedWrite,
    fingerprint: Fingerprint,
}

/// Writes `bytes` to a temporary file beside `target` and flushes it to disk (first step of
/// an atomic save). If `target` is a symbolic link, the file it points to is the one replaced.
/// Creates missing parent folders.
pub fn prepare_write(target: &Path, bytes: &[u8]) -> Result<PreparedWrite, NotesError> {
    let inner = crate::io::prepare_write(target, bytes).map_err(from_atomic)?;
    Ok(PreparedWrite {
        inner,
        fingerprint: Fingerprint::of(bytes),
    })
}

impl PreparedWrite {
    /// The temporary file holding the new version.
    pub fn temp_path(&self) -> &Path {
        self.inner.temp_path()
    }

    /// Puts the new version in place: keeps the current file as `<target>.bak` when
    /// `keep_backup` is set, renames the temporary file over the target, and flushes the
    /// folder. Returns the fingerprint of what is now on disk.
    pub fn commit(self, keep_backup: bool) -> Result<Fingerprint, NotesError> {
        let backup = if keep_backup {
            crate::io::Backup::Keep
        } else {
            crate::io::Backup::None
        };
        self.inner.commit(backup).map_err(from_atomic)?;
        Ok(self.fingerprint)
    }
}

/// Replaces `target` with `bytes` atomically (see [`prepare_write`] and
/// [`PreparedWrite::commit`]).
pub fn write_atomic(
    target: &Path,
    bytes: &[u8],
    keep_backup: bool,
) -> Result<Fingerprint, NotesError> {
    prepare_write(target, bytes)?.commit(keep_backup)
}

fn from_atomic(e: crate::io::AtomicError) -> NotesError {
    write_error(&e.path, e.source)
}

/// Writes an emergency copy of the notes to `dir` (the system's temporary folder if `None`)
/// under a new name, for when the notes file cannot be saved and the app must close.
/// Writes RON, or, should the notes somehow not serialize, a Markdown text of the live
/// notes. Returns the path written.
pub fn save_rescue_copy(file: &NotesFile, dir: Option<&Path>) -> Result<PathBuf, NotesError> {
    let dir = dir.map_or_else(std::env::temp_dir, Path::to_owned);
    let (text, extension) = match to_ron(file) {
        Ok(text) => (text, "ron"),
        Err(_) => (export_markdown(&file.notes, None), "md"),
    };
    let stamp = Timestamp::now().millis();
    for n in 0..100 {
        let path = dir.join(format!(
            "partnership-atlas-notes-rescue-{stamp}-{}-{n}.{extension}",
            std::process::id()
        ));
        let created = OpenOptions::new().write(true).create_new(true).open(&path);
        match created {
            Ok(mut f) => {
                f.write_all(text.as_bytes())
                    .and_then(|()| f.sync_all())
                    .map_err(|source| write_error(&path, source))?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(source) => return Err(write_error(&path, source)),
        }
    }
    Err(write_error(
        &dir,
        io::Error::new(io::ErrorKind::AlreadyExists, "no free file name"),
    ))
}

/// The folder holding `path`, if it names one (a bare file name means the current folder).
pub(crate) fn parent(path: &Path) -> Option<&Path> {
    path.parent().filter(|p| !p.as_os_str().is_empty())
}

pub(crate) fn write_error(path: &Path, source: io::Error) -> NotesError {
    NotesError::Write {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::tests::note;
    use crate::notes::model::{NoteId, NoteTarget, TargetKind};

    fn sample() -> NotesFile {
        let mut a = note(
            "a",
            "Seoul \"quoted\" visit",
            "Line one\nLine two with \\ and \"#\n\n- bullet",
        );
        a.target = Some(NoteTarget::new(TargetKind::PolicyMeasure, "pm-1"));
        a.tags = vec!["ai".into(), "수소".into()];
        a.conflict_of = Some(NoteId::new("z"));
        let mut b = note(
            "b",
            "Tabs\tand\r\nCRLF",
            "\u{0}\u{7f} odd \u{2028} chars ##\"##",
        );
        b.deleted = true;
        NotesFile::new(vec![b, a])
    }

    #[test]
    fn notes_round_trip_through_ron_exactly() {
        let file = sample();
        let text = to_ron(&file).expect("serializes");
        let back = parse_notes(text.as_bytes(), Path::new("t.ron")).expect("parses");
        assert_eq!(back, file);
    }

    #[test]
    fn multi_line_bodies_are_written_on_several_lines() {
        let file = NotesFile::new(vec![note("a", "T", "first line\nsecond line")]);
        let text = to_ron(&file).expect("serializes");
        assert!(text.contains("first line\nsecond line"), "{text}");
        assert!(text.starts_with("(\n    format_version: 2,\n"), "{text}");
    }

    #[test]
    fn a_future_format_version_is_a_typed_error() {
        let text = "(format_version: 7, notes: [], shiny_new_field: true)";
        let err = parse_notes(text.as_bytes(), Path::new("n.ron"));
        assert!(
            matches!(
                err,
                Err(NotesError::UnsupportedVersion {
                    found: 7,
                    supported: 2,
                    ..
                })
            ),
            "{err:?}"
        );
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let text = "(\n    format_version: 1,\n    notes: [ oops ],\n)";
        match parse_notes(text.as_bytes(), Path::new("n.ron")) {
            Err(NotesError::Parse { line, column, .. }) => {
                assert_eq!(line, 3);
                assert!(column > 1, "column {column}");
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_field_in_a_note_is_an_error_not_a_silent_loss() {
        let text =
            "(format_version: 1, notes: [(id: \"a\", created: 1, updated: 1, mood: \"happy\")])";
        let err = parse_notes(text.as_bytes(), Path::new("n.ron"));
        assert!(matches!(err, Err(NotesError::Parse { .. })), "{err:?}");
    }

    #[test]
    fn optional_fields_may_be_left_out_by_hand() {
        let text = "(format_version: 1, notes: [(id: \"a\", created: 1, updated: 2)])";
        let file = parse_notes(text.as_bytes(), Path::new("n.ron")).expect("parses");
        assert_eq!(file.notes.len(), 1);
        assert!(file.notes[0].is_live());
    }

    #[test]
    fn repeated_ids_in_a_file_are_an_error() {
        let text = "(format_version: 1, notes: [(id: \"a\", created: 1, updated: 1), (id: \"a\", created: 1, updated: 1)])";
        let err = parse_notes(text.as_bytes(), Path::new("n.ron"));
        assert!(
            matches!(err, Err(NotesError::DuplicateId { .. })),
            "{err:?}"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_a_parse_error() {
        let err = parse_notes(b"(format_version: 1,\n \xff)", Path::new("n.ron"));
        assert!(
            matches!(err, Err(NotesError::Parse { line: 2, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}(format_version: 1, notes: [])";
        assert!(parse_notes(text.as_bytes(), Path::new("n.ron")).is_ok());
    }

    #[test]
    fn the_backup_sits_beside_the_notes_file() {
        assert_eq!(
            backup_path(Path::new("/d/notes.ron")),
            PathBuf::from("/d/notes.ron.bak")
        );
    }
}
