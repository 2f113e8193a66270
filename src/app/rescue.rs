//! Unsaved store changes are never dropped silently at exit: when the app closes and the user
//! cannot be asked (a signal: logout, shutdown, Ctrl+C in the terminal) or the save fails,
//! the store in memory is written atomically to `<data folder>/rescue/store-<time>.ron`. The
//! next start finds it, says so and offers to open it; once answered, the file is moved to
//! `rescue/seen/` (kept, never deleted) so it is offered only once.

use std::path::{Path, PathBuf};

use crate::model::Store;
use crate::notes::Timestamp;

use super::AtlasApp;

/// The folder under the data folder where rescued stores go.
pub const RESCUE_FOLDER: &str = "rescue";
/// Where a rescued store goes once the user has been offered it.
pub const SEEN_FOLDER: &str = "seen";

/// The folders a rescued store may be written to, in order: `rescue/` in the data folder
/// (the notes folder), in the temporary folder, in the home folder.
pub fn rescue_dirs(notes_dirs: &[PathBuf]) -> Vec<PathBuf> {
    notes_dirs.iter().map(|d| d.join(RESCUE_FOLDER)).collect()
}

/// Writes `store` atomically as `store-<UTC time>.ron` into `dir` (created if missing);
/// returns the file written. An existing file is never replaced.
pub fn write_store_rescue(store: &Store, dir: &Path) -> Result<PathBuf, String> {
    let text = crate::store::save::to_ron(store)
        .map_err(|e| format!("the store cannot be written as RON: {e}"))?;
    let t = Timestamp::now().civil();
    let stamp = format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    );
    let path = (0..100)
        .map(|n| {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            dir.join(format!("store-{stamp}{suffix}.ron"))
        })
        .find(|p| !p.exists())
        .ok_or_else(|| format!("no free file name in {}", dir.display()))?;
    crate::io::write_atomic(&path, text.as_bytes(), crate::io::Backup::None)
        .map_err(|e| e.to_string())?;
    Ok(path)
}

/// The rescued stores in `dir` not yet offered, oldest first (their names sort by time).
pub fn pending_rescues(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("store-") && n.ends_with(".ron"))
        })
        .collect();
    found.sort();
    found
}

/// Moves an offered rescue file into `seen/` beside it; returns where it now is (the old
/// place when it cannot be moved, so the user's answer still opens it).
pub fn mark_seen(path: &Path) -> PathBuf {
    let Some(dir) = path.parent() else {
        return path.to_owned();
    };
    let seen = dir.join(SEEN_FOLDER);
    let Some(name) = path.file_name() else {
        return path.to_owned();
    };
    let target = seen.join(name);
    match std::fs::create_dir_all(&seen).and_then(|()| std::fs::rename(path, &target)) {
        Ok(()) => target,
        Err(_) => path.to_owned(),
    }
}

/// A rescued store found at start, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RescueOffer {
    /// The newest rescued store.
    pub path: PathBuf,
    /// How many others were found (all are kept in the rescue folder).
    pub others: usize,
}

impl RescueOffer {
    /// The sentence the offer shows.
    pub fn message(&self) -> String {
        let others = match self.others {
            0 => String::new(),
            1 => " (one older rescued store is in the same folder)".to_owned(),
            n => format!(" ({n} older rescued stores are in the same folder)"),
        };
        format!(
            "When the app last closed, a store had unsaved changes that could not be saved; \
             they were written to {}{others}. Open it to look at them and save them where you \
             keep the store.",
            self.path.display()
        )
    }
}

impl AtlasApp {
    /// The folders a rescued store may be written to (see [`rescue_dirs`]).
    fn store_rescue_dirs(&self) -> Vec<PathBuf> {
        rescue_dirs(&self.notes.rescue_dirs)
    }

    /// Looks for rescued stores in the data folder (at start).
    pub(crate) fn find_rescued_store(&mut self) {
        // Only the data folder: the temporary folder is shared with other programs and runs.
        let Some(folder) = self
            .notes
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        else {
            return;
        };
        let dir = folder.join(RESCUE_FOLDER);
        let mut found = pending_rescues(&dir);
        if let Some(path) = found.pop() {
            let offer = RescueOffer {
                path,
                others: found.len(),
            };
            self.status = offer.message();
            self.rescue_offer = Some(offer);
        }
    }

    /// Writes the open store to a rescue file (when it has unsaved changes that are about to
    /// be lost); tries each rescue folder in turn. Remembers what was rescued, so the exit
    /// does not write it twice.
    pub fn rescue_store(&mut self) -> Result<PathBuf, String> {
        if let Some((generation, path)) = &self.store_rescued
            && *generation == self.store_generation
        {
            return Ok(path.clone());
        }
        let mut errors = Vec::new();
        for dir in self.store_rescue_dirs() {
            match write_store_rescue(&self.loaded.store, &dir) {
                Ok(path) => {
                    self.store_rescued = Some((self.store_generation, path.clone()));
                    self.status = format!(
                        "The store's unsaved changes were written to {}; the next start offers to open it.",
                        path.display()
                    );
                    return Ok(path);
                }
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            errors.push("no folder to write a copy to".to_owned());
        }
        let e = errors.join("; ");
        self.status = format!(
            "The store's unsaved changes could not be written anywhere ({e}); they are still open here — save them with File → Save store as…"
        );
        Err(e)
    }

    /// A close the user cannot answer (a signal): the unsaved store goes to a rescue file and
    /// the window may close; when no rescue file can be written, false (ask instead).
    pub fn close_unattended(&mut self) -> bool {
        if !self.store_unsaved() {
            return true;
        }
        self.rescue_store().is_ok()
    }

    /// The user answered the offer: open the rescued store, or keep it for later.
    pub(crate) fn answer_rescue_offer(&mut self, open: bool) -> Option<PathBuf> {
        let offer = self.rescue_offer.take()?;
        let path = mark_seen(&offer.path);
        if open {
            Some(path)
        } else {
            self.status = format!(
                "The rescued store stays at {}; open it any time with File → Open store…",
                path.display()
            );
            None
        }
    }
}

/// The offer of a rescued store, as a small window: `Some(true)` to open it, `Some(false)` to
/// keep it for later.
pub fn offer_window(ctx: &egui::Context, offer: &RescueOffer) -> Option<bool> {
    let mut answer = None;
    egui::Window::new("A store was rescued")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.label(offer.message());
            ui.horizontal(|ui| {
                if ui.button("Open the rescued store").clicked() {
                    answer = Some(true);
                }
                if ui.button("Not now").clicked() {
                    answer = Some(false);
                }
            });
        });
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rescued_store_reads_back_and_is_offered_until_it_is_seen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let rescue = dir.path().join(RESCUE_FOLDER);
        let mut store = crate::store::embedded().expect("store").into_store();
        store.name = "Rescued edits".to_owned();
        let a = write_store_rescue(&store, &rescue).expect("written");
        let b = write_store_rescue(&store, &rescue).expect("a second one");
        assert_ne!(a, b, "an existing rescue file is never replaced");
        let bytes = std::fs::read(&a).expect("read");
        let back = crate::store::load_texts(&[(a.display().to_string(), bytes)]).expect("loads");
        assert_eq!(back.name, "Rescued edits");
        assert_eq!(pending_rescues(&rescue).len(), 2);
        let moved = mark_seen(&a);
        assert!(moved.is_file() && !a.exists());
        assert_eq!(pending_rescues(&rescue), vec![b]);
    }
}
