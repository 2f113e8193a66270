//! Work that would freeze the window (rasterising an export, encoding a PNG, writing a file)
//! runs on a worker thread as a [`Job`]; the App polls it once per frame and shows its result
//! in the status bar. While a job runs the window repaints a few times a second (so a progress
//! indicator moves); once it is done nothing repaints.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// How often a window with a running job repaints (for its progress indicator).
pub const PROGRESS_REPAINT: Duration = Duration::from_millis(100);

/// One piece of work on its own thread, and what it is called while it runs.
pub struct Job<T> {
    rx: Receiver<T>,
    /// What is being done, for the status bar ("Saving the network view as PNG").
    pub what: String,
    /// When it started.
    pub started: Instant,
}

/// What a [`Job::poll`] found.
#[derive(Debug, PartialEq)]
pub enum Poll<T> {
    /// Still running.
    Running,
    /// Finished with this result.
    Done(T),
    /// The worker stopped without a result (it panicked).
    Lost,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a thread named `name`; `wake` is called when the result is ready (pass
    /// egui's `request_repaint`, so the frame that takes it in comes at once). Fails only when
    /// the system cannot start a thread.
    pub fn spawn(
        name: &str,
        what: impl Into<String>,
        wake: Option<Box<dyn Fn() + Send>>,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // The receiver may be gone (the App closed); nothing to tell then.
                let _ = tx.send(work());
                if let Some(wake) = wake {
                    wake();
                }
            })?;
        Ok(Self {
            rx,
            what: what.into(),
            started: Instant::now(),
        })
    }

    /// Takes the result if it is ready; never waits.
    pub fn poll(&mut self) -> Poll<T> {
        match self.rx.try_recv() {
            Ok(v) => Poll::Done(v),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits for the result (tests, and a window closing with a job still running).
    pub fn wait(self) -> Option<T> {
        self.rx.recv().ok()
    }

    /// The status-bar line while it runs: "Saving the network view as PNG… 3 s".
    pub fn progress(&self) -> String {
        let s = self.started.elapsed().as_secs();
        if s == 0 {
            format!("{}…", self.what)
        } else {
            format!("{}… {s} s", self.what)
        }
    }
}

/// A job whose result is the status-bar line: what was done, or why it failed.
pub type StatusJob = Job<Result<String, String>>;

/// Writes `bytes` atomically to `path` (on the calling thread: a worker's) and returns the
/// status-bar line, as [`super::AtlasApp::write_file`] does.
pub fn write_status(path: &std::path::Path, bytes: &[u8], what: &str) -> Result<String, String> {
    crate::io::write_atomic(path, bytes, crate::io::Backup::None)
        .map(|()| format!("Saved {what} — {}", path.display()))
        .map_err(|e| format!("Not saved ({what}): {e}"))
}

impl super::AtlasApp {
    /// Runs `work` on a worker thread; the status bar shows `what…` until it is done, then
    /// its result. One such job at a time: a second waits for the user to try again.
    pub(crate) fn start_job(
        &mut self,
        what: &str,
        work: impl FnOnce() -> Result<String, String> + Send + 'static,
    ) {
        if let Some(job) = &self.job {
            self.status = format!("{} is still running; try again in a moment.", job.what);
            return;
        }
        let wake = self
            .egui_ctx
            .clone()
            .map(|ctx| Box::new(move || ctx.request_repaint()) as Box<dyn Fn() + Send>);
        match Job::spawn("export", what, wake, work) {
            Ok(job) => {
                self.status = job.progress();
                self.job = Some(job);
            }
            Err(e) => self.status = format!("Could not start: {what}: {e}"),
        }
    }

    /// Crops, encodes and writes a chart PNG on a worker; the status bar shows "Saving the
    /// chart as PNG… N s", then where it was saved or why not (nothing is written then).
    pub(crate) fn save_chart_png(&mut self, png: crate::ui::charts::export::ChartPng) {
        self.start_job("Saving the chart as PNG", move || {
            let bytes = png.encode().map_err(|e| {
                format!("PNG not saved ({}): {e} — {}", png.what, png.path.display())
            })?;
            write_status(&png.path, &bytes, &png.what)
        });
    }

    /// Takes in a finished job's result, or keeps its progress line moving (a repaint a few
    /// times a second while it runs; none once it is done).
    pub(crate) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &mut self.job else { return };
        match job.poll() {
            Poll::Running => {
                self.status = job.progress();
                ctx.request_repaint_after(PROGRESS_REPAINT);
            }
            Poll::Done(Ok(line) | Err(line)) => {
                self.status = line;
                self.job = None;
            }
            Poll::Lost => {
                self.status = format!("{} failed: its worker stopped.", job.what);
                self.job = None;
            }
        }
    }

    /// Whether an export or write is running on a worker thread.
    pub fn job_in_progress(&self) -> bool {
        self.job.is_some()
    }

    /// Waits for a running job and takes in its result (tests; closing the window).
    pub fn finish_job(&mut self) {
        if let Some(job) = self.job.take() {
            self.status = match job.wait() {
                Some(Ok(line) | Err(line)) => line,
                None => "The export failed: its worker stopped.".to_owned(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn a_job_runs_off_the_calling_thread_and_hands_back_its_result_once() {
        let caller = std::thread::current().id();
        let woken = Arc::new(AtomicUsize::new(0));
        let w = woken.clone();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let mut job = Job::spawn(
            "test-job",
            "Counting",
            Some(Box::new(move || {
                w.fetch_add(1, Ordering::SeqCst);
            })),
            move || {
                let _ = go_rx.recv();
                std::thread::current().id() != caller
            },
        )
        .expect("a thread starts");
        // The work waits for the go signal, so the job must still be running here.
        assert_eq!(job.poll(), Poll::Running);
        assert!(job.progress().starts_with("Counting…"));
        go_tx.send(()).expect("the worker listens");
        let started = Instant::now();
        let result = loop {
            match job.poll() {
                Poll::Done(v) => break v,
                Poll::Running if started.elapsed() < Duration::from_secs(10) => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                other => panic!("job did not finish: {other:?}"),
            }
        };
        assert!(result, "the work ran on another thread");
        // Woken after the result was sent; give the worker a moment to make the call.
        let t = Instant::now();
        while woken.load(Ordering::SeqCst) == 0 && t.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(woken.load(Ordering::SeqCst), 1);
        assert_eq!(job.poll(), Poll::Lost, "the result is handed back once");
    }

    #[test]
    fn a_worker_that_panics_is_reported_as_lost_not_as_running_forever() {
        let job = Job::<u8>::spawn("test-panic", "Failing", None, || panic!("boom"));
        let mut job = job.expect("a thread starts");
        let started = Instant::now();
        loop {
            match job.poll() {
                Poll::Lost => break,
                Poll::Running if started.elapsed() < Duration::from_secs(10) => {
                    std::thread::sleep(Duration::from_millis(1));
                }
                other => panic!("expected Lost, got {other:?}"),
            }
        }
    }
}
