//! Reading what a colleague sent, off the UI thread: a store being opened and a notes file
//! being imported are read and parsed on a worker thread (a 64 MB file, 100,000 notes or
//! deep nesting take a moment, and the window must keep drawing); the status bar says
//! "Reading …" meanwhile, and [`AtlasApp::poll_reading`] takes the result in, once per
//! frame, like [`AtlasApp::poll_briefing`](super::AtlasApp) does for briefings.
//!
//! Without a window (tests, `--smoke`) files are read at once on the calling thread, so a
//! command's effect is there when it returns; [`AtlasApp::read_in_background`] switches.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::notes::NotesFile;
use crate::store::{LoadError, Loaded};

use super::AtlasApp;

/// What a worker read.
pub enum ReadDone {
    /// A store to open.
    /// The files' state is taken before they are read, so a change made meanwhile is noticed.
    Store(
        PathBuf,
        Box<Result<Loaded, LoadError>>,
        super::store_save::DiskStamp,
    ),
    /// A colleague's notes file to merge.
    Notes(PathBuf, Result<NotesFile, String>),
}

/// A file being read on a worker thread.
pub struct Reading {
    /// What is being read, for the status bar ("the store team.ron").
    pub what: String,
    rx: Receiver<ReadDone>,
}

impl AtlasApp {
    /// Whether a store or notes file is being read.
    pub fn reading_in_progress(&self) -> bool {
        self.reading.is_some()
    }

    /// Reads with `read` on a worker (or here, without a window) and hands the result to
    /// [`AtlasApp::finish_reading`].
    fn read_with(&mut self, what: String, read: impl FnOnce() -> ReadDone + Send + 'static) {
        if let Some(r) = &self.reading {
            self.status = format!("Still reading {}; try again when it is open.", r.what);
            return;
        }
        if !self.read_in_background {
            let done = read();
            self.finish_reading(done);
            return;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let waker = self.egui_ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("reading".to_owned())
            .spawn(move || {
                let _ = tx.send(read());
                if let Some(ctx) = waker {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(_) => {
                self.status = format!("Reading {}…", what);
                self.reading = Some(Reading { what, rx });
            }
            Err(e) => self.status = format!("Could not start reading {what}: {e}"),
        }
    }

    /// Opens a store from disk (read off the UI thread); see [`AtlasApp::open_loaded`].
    pub fn open(&mut self, path: PathBuf) {
        let what = format!("the store {}", path.display());
        let cache = self.store_cache.clone();
        self.read_with(what, move || {
            let stamp = super::store_save::stamp(&path);
            let result = crate::store::load_path_cached(&path, cache.as_ref());
            ReadDone::Store(path, Box::new(result), stamp)
        });
    }

    /// Reads a colleague's notes file (off the UI thread), then merges it.
    pub(crate) fn read_notes_to_import(&mut self, path: PathBuf) {
        let what = format!("the notes file {}", path.display());
        self.read_with(what, move || {
            let result = crate::notes::load_notes(&path).map_err(|e| e.to_string());
            ReadDone::Notes(path, result)
        });
    }

    /// Takes in a finished read, if one was going on (call once per frame).
    pub(crate) fn poll_reading(&mut self) {
        let Some(reading) = &self.reading else { return };
        match reading.rx.try_recv() {
            Ok(done) => {
                self.reading = None;
                self.finish_reading(done);
            }
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.status = format!(
                    "Could not read {}: the reading stopped; nothing was changed.",
                    reading.what
                );
                self.reading = None;
            }
        }
    }

    fn finish_reading(&mut self, done: ReadDone) {
        match done {
            ReadDone::Store(path, result, stamp) => {
                if result.is_ok() && self.store_unsaved() {
                    // The open store was changed while the other was being read: ask first.
                    self.confirm = Some(super::Pending::Open(path));
                } else {
                    self.open_loaded(path, *result, stamp);
                }
            }
            ReadDone::Notes(path, result) => self.merge_read_notes(&path, result),
        }
    }
}
