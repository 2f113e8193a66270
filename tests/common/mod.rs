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

/// The app on the built-in store, keeping its notes in `notes`.
pub fn app_on(notes: &Path) -> AtlasApp {
    let options = StartOptions {
        notes: Some(notes.to_path_buf()),
        ..StartOptions::default()
    };
    AtlasApp::new(Settings::default(), &options)
}

/// One view in a harness: `draw` shows it in the central panel each frame.
pub fn view_harness<S: 'static>(
    state: S,
    size: [f32; 2],
    mut draw: impl FnMut(&mut egui::Ui, &mut S) + 'static,
) -> Harness<'static, S> {
    Harness::builder()
        .with_size(size)
        .with_context_setup(theme::install)
        .build_ui_state(
            move |ui, state: &mut S| {
                egui::CentralPanel::default().show(ui, |ui| draw(ui, state));
            },
            state,
        )
}

/// The built-in store.
pub fn default_store() -> Store {
    match partnership_atlas::store::embedded() {
        Ok(l) => l.store,
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
