//! The whole window at the sizes officers work at (a 13-inch laptop, a 1280 × 720 projector, a
//! full-HD screen): which side panels show, how wide they are, and what the central view keeps.

mod common;

use common::{app_harness_sized, app_on};
use partnership_atlas::app::AtlasApp;

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
