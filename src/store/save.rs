//! Saving a store, and any other file the app writes, atomically: the bytes go to a temporary
//! file in the same folder, are flushed to disk, and replace the target in one rename. A crash
//! or a full disk leaves either the old file or the new one, never half of either.

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
    /// The store is not valid, so it is not saved (see [`crate::store::Problem`]).
    #[error("the store is not valid: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<crate::store::Problem>),
    /// A folder store cannot be saved in this folder, in words.
    #[error("cannot save the folder store: {0}")]
    Folder(String),
}

/// The store as pretty RON, in [`FORMAT_VERSION`], records in their current order.
pub fn to_ron(store: &Store) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
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

/// Writes bytes to `path` atomically, through the app's one writer ([`crate::io::atomic`]).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    crate::io::write_atomic(path, bytes, crate::io::Backup::None).map_err(|e| SaveError::Write {
        path: e.path,
        source: e.source,
    })
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
        assert_eq!(*loaded.store, store());
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
    fn saving_into_a_missing_folder_creates_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("store.ron");
        save_store(&store(), &path).expect("the folder is created");
        assert!(path.is_file());
    }

    #[test]
    fn saving_where_a_file_blocks_the_folder_fails_and_names_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("blocker");
        std::fs::write(&blocker, "not a folder").expect("blocker");
        let err = save_store(&store(), &blocker.join("store.ron")).expect_err("cannot save");
        assert!(err.to_string().contains("blocker"), "{err}");
    }
}
