//! Where store edits are saved: "Save as my store" (a folder in the user's data folder, or one
//! the user picks), saving an opened store in place, and not overwriting a store that changed
//! on disk since it was read (the user sees what differs and chooses).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::model::Store;
use crate::store::Origin;
use crate::ui::{Command, FileAction};

use super::AtlasApp;

/// The file a store folder written by the app holds.
pub const FOLDER_FILE: &str = "store.ron";

/// The folder "Save as my store" suggests: `my-store` in the user's data folder (beside the
/// notes), else in the current folder.
pub fn my_store_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "Partnership Atlas", "partnership-atlas").map_or_else(
        || PathBuf::from("my-store"),
        |d| d.data_dir().join("my-store"),
    )
}

/// What the store's files on disk were when it was read or saved: each `.ron` file with its
/// size and modification time. A different stamp means someone else changed them.
pub type DiskStamp = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// The stamp of a store file or folder now (empty when it cannot be read).
pub fn stamp(path: &Path) -> DiskStamp {
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    files
        .into_iter()
        .filter_map(|p| {
            let m = std::fs::metadata(&p).ok()?;
            Some((p, m.len(), m.modified().ok()))
        })
        .collect()
}

/// Writes a store into a folder, atomically. A folder that already holds other `.ron` files
/// (a split store such as `seeds/`) is refused rather than left with two copies of a record.
pub fn write_folder(store: &Store, folder: &Path) -> Result<(), String> {
    std::fs::create_dir_all(folder)
        .map_err(|e| format!("cannot create the folder: {e} — {}", folder.display()))?;
    let others: Vec<String> = stamp(folder)
        .into_iter()
        .filter(|(p, _, _)| p.file_name().is_none_or(|n| n != FOLDER_FILE))
        .map(|(p, _, _)| p.display().to_string())
        .collect();
    if !others.is_empty() {
        return Err(format!(
            "the folder holds other store files ({}); choose an empty folder — {}",
            others.join(", "),
            folder.display()
        ));
    }
    crate::store::save::save_store(store, &folder.join(FOLDER_FILE)).map_err(|e| e.to_string())
}

/// Every record that differs between two stores, in words ("changed partnership Belfast –
/// Sejong"), kind by kind in the stores' order.
pub fn differences(mine: &Store, theirs: &Store) -> Vec<String> {
    let text = |s: &Store, id: &str| s.item(id).map(|i| format!("{i:?}"));
    let mut out = Vec::new();
    for i in mine.items() {
        match text(theirs, i.id()) {
            None => out.push(format!("only in yours: {} “{}”", i.kind(), i.name())),
            Some(t) if Some(t.clone()) != text(mine, i.id()) => {
                out.push(format!(
                    "changed on both sides or on disk: {} “{}”",
                    i.kind(),
                    i.name()
                ));
            }
            Some(_) => {}
        }
    }
    for i in theirs.items() {
        if mine.item(i.id()).is_none() {
            out.push(format!("only on disk: {} “{}”", i.kind(), i.name()));
        }
    }
    out
}

/// A save that would overwrite files someone else changed, waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct DiskConflict {
    /// The store's file or folder.
    pub path: PathBuf,
    /// What differs between the open store and the one on disk, in words.
    pub differences: Vec<String>,
}

impl AtlasApp {
    /// Saves the open store where it came from; the built-in store asks "Save as my store".
    pub(crate) fn save_open_store(&mut self) -> Vec<Command> {
        match self.loaded.origin.clone() {
            Origin::Path(p) if p.is_file() || p.is_dir() => {
                if !self.disk_stamp.is_empty() && stamp(&p) != self.disk_stamp {
                    let differences = match crate::store::load_path(&p) {
                        Ok(disk) => differences(&self.loaded.store, &disk.store),
                        Err(e) => vec![format!("the store on disk cannot be read now: {e}")],
                    };
                    self.status = format!(
                        "Not saved: {} changed on disk since it was opened — choose what to keep.",
                        p.display()
                    );
                    self.disk_conflict = Some(DiskConflict {
                        path: p,
                        differences,
                    });
                    return Vec::new();
                }
                if p.is_dir() {
                    self.save_store_folder(p);
                } else {
                    self.save_store_to(p);
                }
                Vec::new()
            }
            _ => vec![Command::AskPath(FileAction::SaveMyStore)],
        }
    }

    /// Writes the open store into a folder; from then on it is the store's home.
    pub(crate) fn save_store_folder(&mut self, folder: PathBuf) {
        match write_folder(&self.loaded.store, &folder) {
            Ok(()) => {
                self.status = format!("Saved your store — {}", folder.display());
                self.disk_stamp = stamp(&folder);
                self.loaded.origin = Origin::Path(folder.clone());
                self.settings.last_store = Some(folder);
                self.saved_generation = self.store_generation;
            }
            Err(e) => {
                self.status = format!(
                    "The store was NOT saved; your changes are still here. {e}. Choose another \
                     folder with File → Save as my store…"
                );
            }
        }
    }

    /// The user's answer to a disk conflict: overwrite, take the disk's store, or save
    /// elsewhere; `None` keeps it open.
    pub(crate) fn resolve_disk_conflict(&mut self, choice: crate::ui::edit::changes::DiskChoice) {
        use crate::ui::edit::changes::DiskChoice;
        let Some(conflict) = self.disk_conflict.take() else {
            return;
        };
        match choice {
            DiskChoice::KeepMine => {
                self.disk_stamp = stamp(&conflict.path);
                if conflict.path.is_dir() {
                    self.save_store_folder(conflict.path);
                } else {
                    self.save_store_to(conflict.path);
                }
            }
            DiskChoice::TakeTheirs => {
                self.saved_generation = self.store_generation;
                self.open(conflict.path);
            }
            DiskChoice::SaveElsewhere => {
                self.apply(Command::AskPath(FileAction::SaveMyStore));
            }
            DiskChoice::Cancel => self.status = "Not saved.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_store_is_written_and_reads_back_and_a_split_folder_is_refused() {
        let dir = tempfile::tempdir().expect("temp");
        let store = crate::store::embedded().expect("embedded").store;
        let mine = dir.path().join("mine");
        write_folder(&store, &mine).expect("written");
        let back = crate::store::load_path(&mine).expect("reads back");
        assert_eq!(back.store.partnerships, store.partnerships);
        let before = stamp(&mine);
        assert_eq!(before.len(), 1);
        std::fs::write(mine.join("20-extra.ron"), "(format_version: 1)").expect("write");
        assert_ne!(stamp(&mine), before);
        let e = write_folder(&store, &mine).expect_err("split folder");
        assert!(e.contains("20-extra.ron"), "{e}");
    }

    #[test]
    fn differences_name_the_records_on_each_side() {
        let store = crate::store::embedded().expect("embedded").store;
        let mut theirs = store.clone();
        theirs.partnerships[0].since = Some(2001);
        let gone = theirs.sources.pop().expect("a source");
        let d = differences(&store, &theirs);
        assert!(
            d.iter()
                .any(|l| l.starts_with("changed") && l.contains(&store.partnerships[0].name)),
            "{d:?}"
        );
        assert!(
            d.iter()
                .any(|l| l.starts_with("only in yours") && l.contains(&gone.title)),
            "{d:?}"
        );
        assert!(differences(&store, &store).is_empty());
    }
}
