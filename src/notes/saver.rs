//! [`Saver`]: saves notes on a background thread so the UI never waits on the disk.
//!
//! The UI sends snapshots ([`NotesSnapshot`], which share the notes rather than copy them);
//! the worker keeps only the latest, turns it into the file's notes on its own thread, waits briefly for typing to
//! pause, saves atomically with the merge check of [`DiskState::save`], and reports each
//! result through [`Saver::poll`]. A failed save keeps the snapshot and is retried with
//! growing pauses (1 s, 2 s, 5 s, 10 s, 20 s, then every 30 s) until it succeeds, so nothing
//! is lost once the disk is writable again.

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::error::NotesError;
use super::merge::MergeReport;
use super::model::NotesFile;
use super::snapshot::NotesSnapshot;
use super::sync::DiskState;
use super::time::Timestamp;

/// Tuning of a [`Saver`]. The defaults suit the app; tests shorten them.
#[derive(Clone, Debug)]
pub struct SaverOptions {
    /// How long to wait after a request for further requests before saving.
    pub debounce: Duration,
    /// The longest a request waits while requests keep coming.
    pub max_delay: Duration,
    /// Pauses before each retry after a failure; the last one repeats.
    pub backoff: Vec<Duration>,
}

impl Default for SaverOptions {
    fn default() -> Self {
        Self {
            debounce: Duration::from_millis(300),
            max_delay: Duration::from_secs(2),
            backoff: [1, 2, 5, 10, 20, 30]
                .into_iter()
                .map(Duration::from_secs)
                .collect(),
        }
    }
}

/// The result of one save attempt, reported by [`Saver::poll`].
#[derive(Clone, Debug)]
pub enum SaveOutcome {
    /// The notes are on disk.
    Saved {
        /// When the save finished.
        at: Timestamp,
        /// Whether the file was written (false if it already held these notes).
        wrote: bool,
        /// Set when the file on disk had changes the snapshot lacked: pass it to
        /// [`super::Notebook::adopt`].
        merge: Option<ExternalMerge>,
    },
    /// The save failed; the snapshot is kept and will be retried.
    Failed {
        /// What went wrong and what to do, for the user.
        error: String,
        /// Consecutive failures so far.
        attempt: u32,
        /// When the next attempt will be made (sooner after [`Saver::retry_now`]).
        retry_in: Duration,
    },
}

/// Changes found on disk during a save, for the UI to take in with
/// [`super::Notebook::adopt`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalMerge {
    /// The snapshot the save was asked for.
    pub snapshot: NotesFile,
    /// What was actually saved: the snapshot merged with the changes on disk.
    pub merged: NotesFile,
    /// What the merge added, updated and found in conflict.
    pub report: MergeReport,
}

/// Why [`Saver::flush_blocking`] could not confirm that everything is saved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FlushError {
    /// The last save failed; the notes are only in memory.
    #[error("the notes could not be saved: {0}")]
    Failed(String),
    /// The save did not finish in time (a slow or hung disk).
    #[error("saving the notes did not finish in time")]
    TimedOut,
    /// The background saver is not running.
    #[error("the background saver has stopped")]
    Stopped,
}

enum Request {
    Save(NotesSnapshot, u64),
    Check,
    RetryNow,
    Flush(Sender<Result<(), String>>),
    Stop,
}

/// A background saver for one notes file. See the module documentation of
/// [`crate::notes`] for how an app uses it each frame and on exit.
pub struct Saver {
    requests: Sender<Request>,
    outcomes: Receiver<SaveOutcome>,
    requested: AtomicU64,
    saved: Arc<AtomicU64>,
    path: PathBuf,
}

impl Saver {
    /// Starts the worker thread. `disk` is the notes file as loaded; `repaint` is called after
    /// each outcome is ready (pass egui's `ctx.request_repaint()`), so the app can sleep
    /// while idle instead of polling on a timer.
    pub fn spawn(
        disk: DiskState,
        options: SaverOptions,
        repaint: Option<Box<dyn Fn() + Send>>,
    ) -> Result<Self, NotesError> {
        let (requests, inbox) = mpsc::channel();
        let (outbox, outcomes) = mpsc::channel();
        let saved = Arc::new(AtomicU64::new(0));
        let path = disk.path().to_owned();
        let worker = Worker {
            last_snapshot: disk.notes().clone(),
            disk,
            options,
            outbox,
            repaint,
            saved: Arc::clone(&saved),
            pending: None,
            failures: 0,
        };
        thread::Builder::new()
            .name("notes-saver".to_owned())
            .spawn(move || worker.run(&inbox))
            .map_err(NotesError::SaverThread)?;
        Ok(Self {
            requests,
            outcomes,
            requested: AtomicU64::new(0),
            saved,
            path,
        })
    }

    /// The notes file this saver writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Asks for `snapshot` to be saved soon. Returns at once; only the latest snapshot
    /// matters, so calling this on every change is fine. Pass [`super::Notebook::snapshot`]
    /// (a pointer per note) rather than a [`NotesFile`] (which copies every note).
    pub fn request_save(&self, snapshot: impl Into<NotesSnapshot>) {
        let seq = self.requested.fetch_add(1, Ordering::SeqCst) + 1;
        // If the worker is gone, `all_saved` stays false and `flush_blocking` reports it.
        let _ = self.requests.send(Request::Save(snapshot.into(), seq));
    }

    /// Asks the worker to look for changes made to the file by another program (for example
    /// when the window gains focus); they arrive as a [`SaveOutcome::Saved`] with a merge.
    pub fn request_check(&self) {
        let _ = self.requests.send(Request::Check);
    }

    /// Retries a failed save now instead of after the current pause.
    pub fn retry_now(&self) {
        let _ = self.requests.send(Request::RetryNow);
    }

    /// The next outcome, if one is ready. Call every frame in a `while let` loop: outcomes
    /// with merges must all be adopted, in order.
    pub fn poll(&self) -> Option<SaveOutcome> {
        self.outcomes.try_recv().ok()
    }

    /// Whether every requested snapshot has been saved (for a "saved" indicator and to
    /// decide whether closing the window is safe).
    pub fn all_saved(&self) -> bool {
        self.saved.load(Ordering::SeqCst) >= self.requested.load(Ordering::SeqCst)
    }

    /// Saves the latest snapshot now and waits, at most `timeout`, for the result. Call on
    /// exit after a last [`Saver::request_save`].
    pub fn flush_blocking(&self, timeout: Duration) -> Result<(), FlushError> {
        let (reply, answer) = mpsc::channel();
        self.requests
            .send(Request::Flush(reply))
            .map_err(|_| FlushError::Stopped)?;
        match answer.recv_timeout(timeout) {
            Ok(Ok(())) if self.all_saved() => Ok(()),
            Ok(Ok(())) => Err(FlushError::Stopped),
            Ok(Err(error)) => Err(FlushError::Failed(error)),
            Err(RecvTimeoutError::Timeout) => Err(FlushError::TimedOut),
            Err(RecvTimeoutError::Disconnected) => Err(FlushError::Stopped),
        }
    }
}

impl Drop for Saver {
    /// Tells the worker to make a last attempt at any pending save and stop. Does not wait:
    /// call [`Saver::flush_blocking`] first to know the result.
    fn drop(&mut self) {
        let _ = self.requests.send(Request::Stop);
    }
}

struct Pending {
    snapshot: NotesSnapshot,
    seq: u64,
    first_requested: Instant,
    due: Instant,
}

struct Worker {
    disk: DiskState,
    /// The snapshot the file on disk was last saved from (what the UI's next snapshot is
    /// an edit of, unless it has adopted a merge since).
    last_snapshot: NotesFile,
    options: SaverOptions,
    outbox: Sender<SaveOutcome>,
    repaint: Option<Box<dyn Fn() + Send>>,
    saved: Arc<AtomicU64>,
    pending: Option<Pending>,
    failures: u32,
}

impl Worker {
    fn run(mut self, inbox: &Receiver<Request>) {
        loop {
            let request = match &self.pending {
                None => inbox.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(p) => inbox.recv_timeout(p.due.saturating_duration_since(Instant::now())),
            };
            match request {
                Ok(Request::Save(snapshot, seq)) => self.queue(snapshot, seq),
                Ok(Request::Check) => {
                    if self.pending.is_none() {
                        let seq = self.saved.load(Ordering::SeqCst);
                        self.queue(self.last_snapshot.clone().into(), seq);
                        if let Some(p) = &mut self.pending {
                            p.due = Instant::now();
                        }
                    }
                }
                Ok(Request::RetryNow) => {
                    if let Some(p) = &mut self.pending {
                        p.due = Instant::now();
                    }
                }
                Ok(Request::Flush(reply)) => {
                    let result = if self.pending.is_some() {
                        self.attempt()
                    } else {
                        Ok(())
                    };
                    let _ = reply.send(result);
                }
                Err(RecvTimeoutError::Timeout) => {
                    let _ = self.attempt();
                }
                Ok(Request::Stop) | Err(RecvTimeoutError::Disconnected) => {
                    if self.pending.is_some() {
                        let _ = self.attempt();
                    }
                    return;
                }
            }
        }
    }

    /// Keeps the latest snapshot; while saves succeed, waits for a pause in the requests
    /// (at most `max_delay`); after a failure, keeps the retry time.
    fn queue(&mut self, snapshot: NotesSnapshot, seq: u64) {
        let now = Instant::now();
        let first_requested = self.pending.as_ref().map_or(now, |p| p.first_requested);
        let due = match &self.pending {
            Some(p) if self.failures > 0 => p.due,
            _ => (now + self.options.debounce).min(first_requested + self.options.max_delay),
        };
        self.pending = Some(Pending {
            snapshot,
            seq,
            first_requested,
            due,
        });
    }

    /// Saves the pending snapshot and reports the outcome.
    fn attempt(&mut self) -> Result<(), String> {
        let Some(pending) = self.pending.take() else {
            return Ok(());
        };
        let disk = &mut self.disk;
        let last = &self.last_snapshot;
        // The copy of every note happens here, on the saver thread.
        let snapshot = pending.snapshot.to_file();
        let result = panic::catch_unwind(AssertUnwindSafe(|| disk.save(last, &snapshot)));
        let result = match result {
            Ok(Ok(report)) => Ok(report),
            Ok(Err(e)) => Err(e.to_string()),
            Err(_) => Err("the background saver hit an internal error".to_owned()),
        };
        match result {
            Ok(report) => {
                self.failures = 0;
                let merge = report.merged.map(|merged| ExternalMerge {
                    snapshot: snapshot.clone(),
                    merged,
                    report: report.merged_in,
                });
                // Let go of the shared notes and the old copy before saying "saved", so this
                // clean-up does not run beside the UI thread's next snapshot.
                drop(std::mem::replace(&mut self.last_snapshot, snapshot));
                let seq = pending.seq;
                drop(pending);
                self.saved.fetch_max(seq, Ordering::SeqCst);
                self.report(SaveOutcome::Saved {
                    at: Timestamp::now(),
                    wrote: report.wrote,
                    merge,
                });
                Ok(())
            }
            Err(error) => {
                self.failures += 1;
                let step =
                    (self.failures as usize - 1).min(self.options.backoff.len().saturating_sub(1));
                let retry_in = self
                    .options
                    .backoff
                    .get(step)
                    .copied()
                    .unwrap_or(Duration::from_secs(30));
                self.pending = Some(Pending {
                    due: Instant::now() + retry_in,
                    ..pending
                });
                self.report(SaveOutcome::Failed {
                    error: error.clone(),
                    attempt: self.failures,
                    retry_in,
                });
                Err(error)
            }
        }
    }

    fn report(&self, outcome: SaveOutcome) {
        let _ = self.outbox.send(outcome);
        if let Some(repaint) = &self.repaint {
            // A panicking callback must not stop the saver.
            let _ = panic::catch_unwind(AssertUnwindSafe(repaint));
        }
    }
}
