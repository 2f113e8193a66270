//! Opening, reading again and replacing the store, and asking before unsaved changes go.

use std::path::PathBuf;

use super::*;
use crate::store::{LoadError, Loaded, Problem};

impl AtlasApp {
    /// Rebuilds what is derived from the store.
    pub(crate) fn rebuild(&mut self) {
        // The built-in store as shipped was indexed while the window opened.
        let shipped = matches!(self.loaded.origin, Origin::Embedded)
            && crate::store::built_in().is_ok_and(|s| *s == *self.loaded.store);
        self.rows = match ui::list::Rows::built_in().filter(|_| shipped) {
            Some(rows) => rows,
            None => ui::list::Rows::build(&self.loaded.store, self.egui_ctx.clone()),
        };
        // The store changed in place; the network view must not keep its geometry.
        self.settings.network.store_changed();
        self.settings.timeline.store_changed();
        if let Some(id) = &self.selected
            && self.loaded.store.item(id).is_none()
        {
            self.selected = None;
        }
    }

    /// A new store was opened or read again: nothing of it is unsaved, and the undo steps of
    /// the previous store no longer apply to it.
    pub(crate) fn store_replaced(&mut self) {
        self.next_generation += 1;
        self.store_generation = self.next_generation;
        self.saved_generation = self.store_generation;
        self.history.forget_store_changes();
        self.rebuild();
    }

    /// Takes in a store read from disk ([`AtlasApp::open`]); on failure keeps the current
    /// store and lists the problems.
    pub(crate) fn open_loaded(
        &mut self,
        path: PathBuf,
        result: Result<Loaded, LoadError>,
        stamp: store_save::DiskStamp,
    ) {
        match result {
            Ok(loaded) => {
                self.status = format!("Opened {}: {}", path.display(), loaded.store.summary());
                self.loaded = loaded;
                self.problems.clear();
                self.failure = None;
                self.show_problems = false;
                self.disk_stamp = stamp;
                self.settings.last_store = Some(path);
                self.store_replaced();
            }
            Err(err) => {
                let (problems, reason) = match err {
                    LoadError::Invalid(p) => {
                        let reason = format!("{} problem(s) found", p.len());
                        (p, reason)
                    }
                    LoadError::Unreadable { path, source } => (
                        vec![Problem {
                            file: path.display().to_string(),
                            line: 0,
                            column: 0,
                            message: format!("cannot be read: {source}"),
                        }],
                        format!("cannot be read: {source}"),
                    ),
                };
                if self.settings.last_store.as_ref() == Some(&path) {
                    // Do not retry a broken store at every start.
                    self.settings.last_store = None;
                }
                self.status = format!(
                    "Could not open {}: {reason}. Still showing {}.",
                    path.display(),
                    self.loaded.origin
                );
                self.problems = problems;
                self.failure = Some(Failure {
                    attempted: path.display().to_string(),
                    reason,
                });
                self.show_problems = true;
            }
        }
    }

    /// Reads the open store again from where it came from.
    pub(crate) fn reload(&mut self) {
        match self.loaded.origin.clone() {
            Origin::Path(p) => self.open(p),
            Origin::Embedded => match store::embedded() {
                Ok(l) => {
                    self.loaded = l;
                    self.problems.clear();
                    self.failure = None;
                    self.status = "Reloaded the built-in store".to_owned();
                    self.store_replaced();
                }
                Err(p) => self.problems = p,
            },
        }
    }

    /// Does `pending` now, or asks first when it would drop unsaved store changes.
    pub(crate) fn guard(&mut self, pending: Pending) {
        if self.store_unsaved() {
            self.confirm = Some(pending);
        } else {
            self.run_pending(pending);
        }
    }

    pub(crate) fn run_pending(&mut self, pending: Pending) {
        match pending {
            Pending::Reload => self.reload(),
            Pending::Open(path) => self.open(path),
            Pending::Quit => {
                self.close_confirmed = true;
                if let Some(ctx) = &self.egui_ctx {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }
}
