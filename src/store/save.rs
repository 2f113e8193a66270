//! Saving a store, and any other file the app writes, atomically: the bytes go to a temporary
//! file in the same folder, are flushed to disk, and replace the target in one rename. A crash
//! or a full disk leaves either the old file or the new one, never half of either.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{FORMAT_VERSION, Store};

/// Why a file could not be saved. The target is unchanged when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The store could not be turned into RON (a value RON cannot express).
    #[error("cannot write the store as RON: {0}")]
    Serialize(#[from] ron::Error),
    /// The file could not be written.
    #[error("cannot write the file: {source} — {}", .path.display())]
    Write {
        /// The file (or its temporary sibling) that failed.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// The store as pretty RON, in [`FORMAT_VERSION`], records in their current order.
pub fn to_ron(store: &Store) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ".to_owned())
        .struct_names(false);
    let text = if store.format_version == FORMAT_VERSION {
        ron::ser::to_string_pretty(store, config)?
    } else {
        let mut copy = store.clone();
        copy.format_version = FORMAT_VERSION;
        ron::ser::to_string_pretty(&copy, config)?
    };
    Ok(format!("{text}\n"))
}

/// Saves a store as one pretty RON file, atomically.
pub fn save_store(store: &Store, path: &Path) -> Result<(), SaveError> {
    let text = to_ron(store)?;
    write_atomically(path, text.as_bytes())
}

/// Writes bytes to `path` atomically: temporary file in the same folder, write, sync, rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let fail = |p: &Path| {
        let p = p.to_path_buf();
        move |source| SaveError::Write { path: p, source }
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let (tmp_path, mut file) = create_temp(&folder, &name).map_err(fail(path))?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.flush())
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(fail(&tmp_path)(e));
    }
    if let Err(e) = std::fs::rename(&tmp_path, path) {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(fail(path)(e));
    }
    // Make the rename itself durable where the platform allows opening a folder.
    if let Ok(dir) = std::fs::File::open(&folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Creates a new, unique temporary file next to the target.
fn create_temp(folder: &Path, name: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let pid = std::process::id();
    let mut last_err = None;
    for n in 0..100u32 {
        let candidate = folder.join(format!(".{name}.{pid}.{n}.tmp"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(f) => return Ok((candidate, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last_err.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, IndicatorSeries, Point, Source};

    fn store() -> Store {
        Store {
            format_version: FORMAT_VERSION,
            name: "Test store 한국".to_owned(),
            sources: vec![Source {
                id: "src-a".to_owned(),
                title: "A source".to_owned(),
                publisher: "P".to_owned(),
                date: "2021".to_owned(),
                url: None,
                licence: None,
                note: None,
                ..Default::default()
            }],
            indicators: vec![IndicatorSeries {
                id: "gerd-kor".to_owned(),
                name: "GERD — Korea".to_owned(),
                indicator: "GERD_PCT_GDP".to_owned(),
                unit: "% of GDP".to_owned(),
                economy: "KOR".to_owned(),
                economy_name: "Korea".to_owned(),
                field: None,
                derived: false,
                derivation: None,
                caveat: None,
                points: vec![Point {
                    year: 2019,
                    value: 4.64,
                    unit: None,
                }],
                sources: vec![Citation {
                    source: "src-a".to_owned(),
                    at: "Table 1".to_owned(),
                }],
            }],
            ..Store::default()
        }
    }

    #[test]
    fn a_saved_store_loads_back_equal() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.ron");
        save_store(&store(), &path).expect("saved");
        let loaded = crate::store::load_path(&path).expect("loads");
        assert_eq!(loaded.store, store());
        let text = std::fs::read_to_string(&path).expect("readable");
        assert!(text.contains("format_version: 1"), "{text}");
        assert!(text.contains("\n    "), "pretty-printed: {text}");
    }

    #[test]
    fn saving_replaces_the_old_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("store.ron");
        std::fs::write(&path, "old").expect("old file");
        save_store(&store(), &path).expect("saved");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("listable")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["store.ron"]);
        assert_ne!(std::fs::read_to_string(&path).expect("readable"), "old");
    }

    #[test]
    fn a_store_of_an_older_version_is_saved_as_the_current_version() {
        let mut old = store();
        old.format_version = 0;
        let text = to_ron(&old).expect("serialises");
        assert!(text.contains(&format!("format_version: {FORMAT_VERSION}")));
    }

    #[test]
    fn saving_into_a_missing_folder_fails_and_names_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("store.ron");
        let err = save_store(&store(), &path).expect_err("no folder");
        assert!(err.to_string().contains("store.ron"), "{err}");
        assert!(!path.exists());
    }
}
