//! Settings ▸ Theme changes what the window shows, in the harness as in the real window: the
//! setting is applied to the egui context every frame, not only when eframe starts the app.

mod common;

use common::{app_harness_sized, app_on};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::ui::ThemeChoice;

/// The mean brightness (0–255) of a strip of the status bar at the window's bottom left.
fn status_bar_brightness(
    h: &mut egui_kittest::Harness<'_, partnership_atlas::app::AtlasApp>,
) -> f32 {
    let img = h.render().expect("the harness renders");
    let (w, ht) = img.dimensions();
    let mut sum = 0.0;
    let mut n = 0.0;
    for y in ht.saturating_sub(16)..ht.saturating_sub(10) {
        for x in 12..(w / 20) {
            let p = img.get_pixel(x, y).0;
            sum += (f32::from(p[0]) + f32::from(p[1]) + f32::from(p[2])) / 3.0;
            n += 1.0;
        }
    }
    sum / n
}

#[test]
fn choosing_light_in_the_settings_menu_turns_the_window_light_and_dark_turns_it_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_on(&dir.path().join("notes.ron"));
    app.settings.theme = ThemeChoice::Dark;
    let mut h = app_harness_sized(app, [1280.0, 720.0]);
    h.run();
    assert!(h.ctx.global_style().visuals.dark_mode);
    let dark = status_bar_brightness(&mut h);
    for (choice, label) in [(ThemeChoice::Light, "Light"), (ThemeChoice::Dark, "Dark")] {
        h.get_by_label("Settings").click();
        h.run();
        h.get_by_label(label).click();
        h.run();
        assert_eq!(h.state().settings.theme, choice);
        let is_dark = h.ctx.global_style().visuals.dark_mode;
        assert_eq!(is_dark, choice == ThemeChoice::Dark, "after {label}");
        let brightness = status_bar_brightness(&mut h);
        if choice == ThemeChoice::Light {
            assert!(
                brightness > 180.0 && brightness > dark + 100.0,
                "light window: {brightness} (dark {dark})"
            );
        } else {
            assert!(
                (brightness - dark).abs() < 1.0,
                "dark again: {brightness} (was {dark})"
            );
        }
    }
}
