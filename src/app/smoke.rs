//! `--smoke`: open the window, draw every view once, print how long start-up took, and close.

use std::time::Instant;

use super::AtlasApp;
use crate::ui::View;

/// Progress of a `--smoke` run: which view is drawn next.
pub(super) struct Smoke {
    pub(super) started: Instant,
    pub(super) frame: usize,
    pub(super) first_frame_ms: Option<u128>,
    /// Milliseconds from the start of `main` to: the app's creation, the end of its creation,
    /// and the start of the first frame's UI pass (printed as `startup stages:`).
    pub(super) stages: [u128; 3],
}

impl AtlasApp {
    /// After each frame of a smoke run: print the first frame's time, show the next view, or close.
    pub(super) fn smoke_step(&mut self, ctx: &egui::Context) {
        let Some(smoke) = &mut self.smoke else { return };
        if smoke.first_frame_ms.is_none() {
            let ms = smoke.started.elapsed().as_millis();
            smoke.first_frame_ms = Some(ms);
            println!("first frame: {ms} ms");
            let [created, ready, pass] = smoke.stages;
            println!(
                "startup stages: window and renderer {created} ms, app state {} ms, \
                 until the first pass {} ms, first pass {} ms",
                ready.saturating_sub(created),
                pass.saturating_sub(ready),
                ms.saturating_sub(pass)
            );
        }
        smoke.frame += 1;
        if smoke.frame == View::ALL.len() + 1 {
            println!("smoke: drew {} views", View::ALL.len());
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else if smoke.frame <= View::ALL.len() {
            ctx.request_repaint();
        }
    }
}
