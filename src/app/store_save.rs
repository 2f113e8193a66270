//! Where store edits are saved: "Save as my store" (a folder in the user's data folder, or one
//! the user picks), saving an opened store in place, and not overwriting a store that changed
//! on disk since it was read (the user sees what differs and chooses).

use std::path::{Path, PathBuf};

use crate::model::Store;
use crate::store::Origin;
use crate::store::folder::{DiskState, disk_state, save_folder};
use crate::ui::{Command, FileAction};

use super::AtlasApp;

/// The folder "Save as my store" suggests: `my-store` in the user's data folder (beside the
/// notes), else in the current folder.
pub fn my_store_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "Partnership Atlas", "partnership-atlas").map_or_else(
        || PathBuf::from("my-store"),
        |d| d.data_dir().join("my-store"),
    )
}

/// What the store's files on disk held when it was read or saved (see
/// [`crate::store::folder::disk_state`]); a different state means someone else changed them.
pub type DiskStamp = Option<DiskState>;

/// The state of a store file or folder now.
pub fn stamp(path: &Path) -> DiskStamp {
    Some(disk_state(path))
}

/// Writes a store into a folder of split files like `seeds/`, atomically, keeping the layout
/// of a folder that already holds a store.
pub fn write_folder(store: &Store, folder: &Path) -> Result<(), String> {
    save_folder(store, folder)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// What differs between the store on disk and mine, one line per record and per field
/// (`+` only in mine, `-` only on disk, `~` changed: disk → mine).
pub fn differences(mine: &Store, disk: &Store) -> Vec<String> {
    let d = crate::store::diff::diff(disk, mine);
    if d.is_empty() {
        return Vec::new();
    }
    d.to_string().lines().map(str::to_owned).collect()
}

pub use crate::ui::edit::changes::DiskConflict;

impl AtlasApp {
    /// Saves the open store where it came from; the built-in store asks "Save as my store".
    pub(crate) fn save_open_store(&mut self) -> Vec<Command> {
        match self.loaded.origin.clone() {
            Origin::Path(p) if p.is_file() || p.is_dir() => {
                if self.disk_stamp.is_some() && stamp(&p) != self.disk_stamp {
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
    fn a_folder_store_is_written_reads_back_and_a_change_on_disk_is_noticed() {
        let dir = tempfile::tempdir().expect("temp");
        let store = crate::store::embedded().expect("embedded").into_store();
        let mine = dir.path().join("mine");
        write_folder(&store, &mine).expect("written");
        let back = crate::store::load_path(&mine).expect("reads back");
        assert_eq!(*back.store, store);
        let before = stamp(&mine);
        assert_eq!(stamp(&mine), before, "nothing changed");
        let mut theirs = store.clone();
        theirs.partnerships[0].since = Some(2001);
        write_folder(&theirs, &mine).expect("someone else saves");
        assert_ne!(stamp(&mine), before);
    }

    #[test]
    fn differences_name_the_records_on_each_side() {
        let store = crate::store::embedded().expect("embedded").into_store();
        let mut disk = store.clone();
        disk.partnerships[0].since = Some(2001);
        let d = differences(&store, &disk);
        let id = &store.partnerships[0].id;
        assert!(
            d.iter()
                .any(|l| l.starts_with('~') && l.contains(id.as_str())),
            "{d:?}"
        );
        assert!(d.iter().any(|l| l.contains("since")), "{d:?}");
        assert!(differences(&store, &store).is_empty());
    }
}
