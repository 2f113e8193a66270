//! The whole window at the sizes officers work at (a 13-inch laptop, a 1280 × 720 projector, a
//! full-HD screen): which side panels show, how wide they are, and what the central view keeps.

mod common;

use common::{app_harness_sized, app_on};
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::ui::View;

const SIZES: [[f32; 2]; 3] = [[1024.0, 640.0], [1280.0, 720.0], [1920.0, 1080.0]];
const LIVERPOOL: &str = "place-liverpool-city-region";

fn labelled(app: &AtlasApp) -> Vec<String> {
    app.settings
        .network
        .drawn_labels()
        .into_iter()
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn liverpool_city_region_is_labelled_in_the_real_window_with_the_list_open_at_every_size() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), size);
        h.run();
        assert!(h.state().panel_fit().list, "at {size:?} the list shows");
        let keys = labelled(h.state());
        assert!(
            keys.iter().any(|k| k == LIVERPOOL),
            "at {size:?} Liverpool City Region has no label: {keys:?}"
        );
    }
}

/// How long the last frame asked egui to wait before the next (`Duration::MAX`: until input).
fn repaint_delay(h: &egui_kittest::Harness<'_, AtlasApp>) -> std::time::Duration {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or(std::time::Duration::ZERO, |v| v.repaint_delay)
}

#[test]
fn the_network_view_with_its_legend_strip_asks_for_no_frame_once_it_is_idle() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), size);
        h.run();
        // Fold and unfold the legend: the strip changes height and the canvas is laid out
        // again; then the window must fall quiet.
        assert_eq!(h.state().settings.view, View::Network);
        for open in [false, true] {
            h.get_by_label_contains("the legend").click();
            h.run();
            assert_eq!(h.state().settings.network.legend_open, open);
        }
        for _ in 0..3 {
            h.step();
            assert_eq!(
                repaint_delay(&h),
                std::time::Duration::MAX,
                "at {size:?} an idle frame asks for another"
            );
        }
    }
}

#[test]
fn at_1024_by_640_the_note_editor_is_on_screen_after_new_note() {
    let size = [1024.0, 640.0];
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), size);
    h.run();
    // With a record selected (so the details panel takes the side), then "New note" (Ctrl+N).
    let pair = "pair-liverpool-city-region-busan".to_owned();
    h.state_mut()
        .apply(partnership_atlas::ui::Command::Select(pair));
    h.run();
    h.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::N]);
    h.run();
    assert_eq!(h.state().settings.view, View::Notes);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(size[0], size[1]));
    for label in ["Title", "Text (Markdown)"] {
        let r = h.get_by_label(label).rect();
        assert!(
            window.contains_rect(r) && r.width() >= 200.0,
            "{label} at {r:?} is not on screen"
        );
    }
    let body = h.get_by_label("Text (Markdown)").rect();
    assert!(body.height() >= 80.0, "the text field is {body:?}");
}
