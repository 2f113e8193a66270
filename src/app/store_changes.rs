//! Sharing store edits: export what the open store changes in the built-in one as a change
//! file, and apply a colleague's change file after the user has seen and picked its conflicts.

use std::path::Path;

use crate::store::changes::{ChangeFile, apply};
use crate::ui::edit::review::{Review, ReviewAnswer};

use super::AtlasApp;
use super::files::{MAX_READ_BYTES, read_limited};

impl AtlasApp {
    /// Writes the open store's changes against the built-in store as a change file.
    pub(crate) fn export_changes(&mut self, path: &Path) {
        let file = ChangeFile::between(
            crate::ui::edit::changes::embedded_base(),
            &self.loaded.store,
        );
        if file.is_empty() {
            self.status =
                "Nothing exported: the open store holds exactly the built-in records.".to_owned();
            return;
        }
        match file.to_ron() {
            Ok(text) => {
                let what = format!(
                    "your changes ({} added, {} changed, {} removed)",
                    file.added.len(),
                    file.changed.len(),
                    file.removed.len()
                );
                self.write_file(path, text.as_bytes(), &what);
            }
            Err(e) => self.status = format!("Changes not exported: {e}"),
        }
    }

    /// Reads a colleague's change file and opens the review (nothing changes yet).
    pub(crate) fn review_changes(&mut self, path: &Path) {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let bytes = match read_limited(path, MAX_READ_BYTES) {
            Ok(b) => b,
            Err(e) => {
                self.status = format!("Nothing applied: {e}");
                return;
            }
        };
        let file = match ChangeFile::parse(&path.display().to_string(), &bytes) {
            Ok(f) => f,
            Err(problems) => {
                let first: Vec<String> = problems.iter().take(3).map(ToString::to_string).collect();
                self.status = format!(
                    "Nothing applied: {} problem(s) in the change file: {}",
                    problems.len(),
                    first.join("; ")
                );
                return;
            }
        };
        let outcome = apply(&self.loaded.store, &file);
        if !outcome.problems.is_empty() {
            let first: Vec<String> = outcome
                .problems
                .iter()
                .take(3)
                .map(ToString::to_string)
                .collect();
            self.status = format!(
                "Nothing applied: the store would not be valid with these changes: {}",
                first.join("; ")
            );
            return;
        }
        self.review = Some(Review::new(name, outcome));
    }

    /// The user's answer to the review: one undoable apply, or nothing.
    pub(crate) fn finish_review(&mut self, answer: ReviewAnswer) {
        let Some(review) = self.review.take() else {
            return;
        };
        if answer == ReviewAnswer::Cancel {
            self.status = format!("Nothing applied from {}.", review.name);
            return;
        }
        match review.outcome.resolve(&review.choices) {
            Ok(store) if store == *self.loaded.store => {
                self.status = format!("{}: every change was already in your store.", review.name);
            }
            Ok(store) => {
                let label = format!("apply changes from {}", review.name);
                self.replace_store(store, label.clone());
                self.status = format!(
                    "{label} — {} added, {} changed, {} removed. Ctrl+Z undoes it.",
                    review.outcome.added.len(),
                    review.outcome.changed.len(),
                    review.outcome.removed.len()
                );
            }
            Err(problems) => {
                let first: Vec<String> = problems.iter().take(3).map(ToString::to_string).collect();
                self.status = format!("Nothing applied: {}", first.join("; "));
            }
        }
    }
}
