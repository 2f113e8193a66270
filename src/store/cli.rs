//! The `partnership-atlas store …` commands: compare two stores, write a change file, apply a
//! colleague's change file. Output goes to stdout, problems to stderr as PATH:LINE:COLUMN.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use super::changes::{ChangeFile, apply};
use super::diff::diff;
use super::folder::{disk_state, save_folder};
use super::{LoadError, Loaded};

/// Give this instead of a path for the store compiled into the app.
pub const BUILTIN: &str = "@builtin";

/// What `partnership-atlas store` does.
#[derive(Subcommand, Debug)]
pub enum StoreAction {
    /// Print every added (+), removed (-) and changed (~) record of NEW against OLD, with each
    /// changed field as old → new. OLD and NEW are store files or folders (`@builtin`: the
    /// built-in store).
    ///
    /// Exit status: 0 when the stores hold the same records and edit marks (a different store
    /// name or description is printed but does not count); 1 when they differ; 2 when one
    /// cannot be read or is invalid (its problems as PATH:LINE:COLUMN: message).
    Diff {
        #[arg(value_name = "OLD")]
        old: String,
        #[arg(value_name = "NEW")]
        new: String,
    },
    /// Write a change file: what MINE adds to, changes in and removes from BASE (`@builtin`:
    /// the built-in store), for a colleague to apply with `store apply`.
    ///
    /// Exit status: 0 when written; 2 when a store cannot be read or is invalid, or the file
    /// cannot be written.
    Changes {
        #[arg(value_name = "BASE")]
        base: String,
        #[arg(value_name = "MINE")]
        mine: String,
        /// The change file to write (replaced atomically).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Apply a change file to the store given with --store (a file or folder): prints what was
    /// added, changed and removed, and every conflict with both values.
    ///
    /// Exit status: 0 when applied (the store is rewritten atomically, a folder in place) or
    /// nothing was left to apply; 1 when there are conflicts (the store is left untouched);
    /// 2 when the change file or the store cannot be read, the result would not be a valid
    /// store, or the store cannot be written (the store is left untouched).
    Apply {
        /// The change file.
        #[arg(value_name = "CHANGES")]
        changes: PathBuf,
    },
}

/// Runs a `store` command; `store` is the global `--store` path.
pub fn run(action: StoreAction, store: Option<&Path>) -> ExitCode {
    match action {
        StoreAction::Diff { old, new } => {
            let (Some(old), Some(new)) = (load(&old), load(&new)) else {
                return ExitCode::from(2);
            };
            let d = diff(&old.store, &new.store);
            print!("{d}");
            ExitCode::from(if d.same_records() { 0 } else { 1 })
        }
        StoreAction::Changes { base, mine, out } => {
            let (Some(base), Some(mine)) = (load(&base), load(&mine)) else {
                return ExitCode::from(2);
            };
            let file = ChangeFile::between(&base.store, &mine.store);
            let written = file.to_ron().map_err(|e| e.to_string()).and_then(|t| {
                super::save::write_atomically(&out, t.as_bytes()).map_err(|e| e.to_string())
            });
            match written {
                Ok(()) => {
                    println!(
                        "{} added, {} changed, {} removed, {} edit mark(s) → {}",
                        file.added.len(),
                        file.changed.len(),
                        file.removed.len(),
                        file.edits.len(),
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        StoreAction::Apply { changes } => match store {
            Some(path) => ExitCode::from(apply_to(&changes, path)),
            None => {
                fail("give the store to change with --store PATH (the built-in store is read-only)")
            }
        },
    }
}

fn fail(message: &str) -> ExitCode {
    ExitCode::from(failed(message))
}

fn failed(message: &str) -> u8 {
    eprintln!("partnership-atlas: {message}");
    2
}

/// Loads a store by path (or [`BUILTIN`]), printing its problems on failure.
fn load(arg: &str) -> Option<Loaded> {
    let result = if arg == BUILTIN && !Path::new(arg).exists() {
        super::embedded().map_err(LoadError::Invalid)
    } else {
        super::load_path(Path::new(arg))
    };
    match result {
        Ok(l) => Some(l),
        Err(LoadError::Invalid(problems)) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "partnership-atlas: {arg}: {} problem(s); not a valid store",
                problems.len()
            );
            None
        }
        Err(e) => {
            eprintln!("partnership-atlas: {e}");
            None
        }
    }
}

/// `store apply CHANGES --store PATH`: prints what was done and returns the exit status (0
/// applied or nothing to apply, 1 conflicts, 2 unreadable, invalid or not written). The store
/// on disk is written only when the status is 0 and something changed.
pub fn apply_to(changes: &Path, path: &Path) -> u8 {
    let before = disk_state(path);
    let Some(loaded) = load(&path.display().to_string()) else {
        return 2;
    };
    let bytes = match read_bounded(changes) {
        Ok(b) => b,
        Err(e) => return failed(&format!("cannot read {}: {e}", changes.display())),
    };
    let file = match ChangeFile::parse(&changes.display().to_string(), &bytes) {
        Ok(f) => f,
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            return failed(&format!(
                "{}: not a valid change file; the store is untouched",
                changes.display()
            ));
        }
    };
    let outcome = apply(&loaded.store, &file);
    print!("{}", outcome.report());
    if !outcome.problems.is_empty() {
        return failed("the changes would make the store invalid; the store is untouched");
    }
    if !outcome.conflicts.is_empty() {
        eprintln!(
            "partnership-atlas: {} conflict(s); the store is untouched",
            outcome.conflicts.len()
        );
        return 1;
    }
    if outcome.store == *loaded.store {
        println!("nothing to change; the store is untouched");
        return 0;
    }
    if disk_state(path) != before {
        return failed(
            "the store changed on disk while the changes were applied; it is untouched, try again",
        );
    }
    let saved = if path.is_dir() {
        save_folder(&outcome.store, path).map(|_| ())
    } else {
        super::save::save_store(&outcome.store, path)
    };
    match saved {
        Ok(()) => {
            println!("saved {}", path.display());
            0
        }
        Err(e) => failed(&format!("{e}; the store is untouched")),
    }
}

/// Reads a file, refusing one over the store size limit before reading it.
fn read_bounded(path: &Path) -> std::io::Result<Vec<u8>> {
    let size = std::fs::metadata(path)?.len();
    if size > super::MAX_FILE_BYTES {
        return Err(std::io::Error::other(format!(
            "the file has {size} bytes; a change file may have at most {}",
            super::MAX_FILE_BYTES
        )));
    }
    std::fs::read(path)
}
