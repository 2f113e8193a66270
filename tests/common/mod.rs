//! The one kittest host every UI test uses: the whole app, or one view, over a store, with the
//! app's fonts installed before the first frame.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use partnership_atlas::app::{AtlasApp, Settings, StartOptions};
use partnership_atlas::model::Store;
use partnership_atlas::ui::theme;

/// The whole app in a harness of the given size (points).
pub fn app_harness_sized(app: AtlasApp, size: [f32; 2]) -> Harness<'static, AtlasApp> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(theme::install)
        .build_ui_state(|ui, app: &mut AtlasApp| app.show(ui), app)
}

/// The whole app in a 1400 × 900 harness.
pub fn app_harness(app: AtlasApp) -> Harness<'static, AtlasApp> {
    app_harness_sized(app, [1400.0, 900.0])
}

/// Settings of a user who has used the app before: their name is set and the first-run hint
/// was read.
pub fn returning_user() -> Settings {
    Settings {
        author: "Test Officer".to_owned(),
        author_asked: true,
        hint_seen: true,
        ..Settings::default()
    }
}

/// The app on the built-in store for a returning user, keeping its notes in `notes`.
pub fn app_on(notes: &Path) -> AtlasApp {
    let options = StartOptions {
        notes: Some(notes.to_path_buf()),
        ..StartOptions::default()
    };
    AtlasApp::new(returning_user(), &options)
}

/// A view drawn straight into the window's root `Ui` each frame (it lays out its own panels),
/// with the app's fonts and up to 24 frames to settle (the network view fits its camera over a
/// few). `draw` and `state` as for `Harness::build_ui_state`.
pub fn ui_harness<S: 'static>(
    size: impl Into<egui::Vec2>,
    draw: impl FnMut(&mut egui::Ui, &mut S) + 'static,
    state: S,
) -> Harness<'static, S> {
    Harness::builder()
        .with_size(size)
        .with_max_steps(24)
        .with_context_setup(theme::install)
        .build_ui_state(draw, state)
}

/// One view in a harness: `draw` shows it in the central panel each frame.
pub fn view_harness<S: 'static>(
    state: S,
    size: [f32; 2],
    mut draw: impl FnMut(&mut egui::Ui, &mut S) + 'static,
) -> Harness<'static, S> {
    ui_harness(
        size,
        move |ui, state: &mut S| {
            egui::CentralPanel::default().show(ui, |ui| draw(ui, state));
        },
        state,
    )
}

/// The built-in store.
pub fn default_store() -> Store {
    match partnership_atlas::store::embedded() {
        Ok(l) => l.into_store(),
        Err(p) => panic!("the built-in store does not load: {p:?}"),
    }
}

/// Runs frames until every note change is on disk (at most a few seconds).
pub fn wait_for_notes_saved(h: &mut Harness<'_, AtlasApp>) {
    let start = Instant::now();
    h.state_mut().notes.save_now();
    loop {
        h.run();
        if h.state().notes.all_saved() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the notes were not saved: {:?}",
            h.state().notes.save_error
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
