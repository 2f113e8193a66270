//! Signals and console events close the window like its close button, so the app's normal
//! exit path ([`eframe::App::on_exit`] → [`super::notes::NotesSession::flush`]) saves pending
//! note edits first.
//!
//! Handled: SIGINT, SIGTERM and SIGHUP (logout, shutdown, a closed terminal) on Linux and
//! macOS; Ctrl+C, Ctrl+Break and closing the console window on Windows (through `ctrlc` with
//! its `termination` feature). A second signal while the first is being handled exits at once,
//! saying so, for a user who really wants the app gone.
//!
//! A signal cannot be answered, so the "unsaved store changes" question is not asked: the
//! store in memory is written to a rescue file instead ([`super::rescue`]), and the next start
//! offers to open it.

use std::sync::atomic::{AtomicUsize, Ordering};

static SIGNALS: AtomicUsize = AtomicUsize::new(0);

/// Installs the handler: the first signal asks `ctx` to close its window (and wakes it, so
/// an idle app reacts at once); a second one exits the process.
pub fn install(ctx: &egui::Context) -> Result<(), String> {
    let ctx = ctx.clone();
    ctrlc::try_set_handler(move || {
        if on_signal() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        } else {
            eprintln!(
                "partnership-atlas: a second signal; exiting now (notes saved up to the last autosave)"
            );
            std::process::exit(130);
        }
    })
    .map_err(|e| format!("cannot listen for signals ({e}); closing the terminal may lose unsaved notes"))
}

/// Counts a signal; true for the first one (close gracefully), false afterwards.
fn on_signal() -> bool {
    SIGNALS.fetch_add(1, Ordering::SeqCst) == 0
}

/// Whether a signal asked the app to close (for a message in the last frame).
pub fn requested() -> bool {
    SIGNALS.load(Ordering::SeqCst) > 0
}

/// Acts as if a signal had arrived, without one (for tests of the close path): the next close
/// request is handled as unattended. Process-wide, like a real signal.
#[doc(hidden)]
pub fn simulate_for_test() {
    on_signal();
}
