//! Where the app's start-up time goes: times each piece of work the first frame can do, on the
//! built-in store, and prints one `BENCH name value unit` line each (median of RUNS, default 7,
//! with min–max). Run by `scripts/startup.sh`, or alone:
//!
//! ```text
//! cargo run --release --example startup_parts      # from the project root (reads assets/map)
//! ```
//!
//! The GeoJSON parse is what the app did before the packed outlines (assets/map/*.bin).

use std::time::Instant;

use partnership_atlas::analysis::network::geo::{self, Detail};
use partnership_atlas::analysis::network::layout_map::{regions_layout, world_layout};
use partnership_atlas::analysis::network::layout_schematic::schematic_layout;
use partnership_atlas::analysis::network::{Granularity, Graph};
use partnership_atlas::ui::theme;

fn time<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) {
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    let (lo, mid, hi) = (ms[0], ms[ms.len() / 2], ms[ms.len() - 1]);
    println!("BENCH startup_{name} {mid:.2} ms (min {lo:.2}, max {hi:.2}, n {runs})");
}

fn main() {
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(7usize)
        .max(1);
    // What reading the built-in store costs (the app does it once, on its warm-up thread;
    // `store::embedded` keeps the result, so it is timed here from the texts).
    let files: Vec<(String, Vec<u8>)> = partnership_atlas::store::EMBEDDED_FILES
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec()))
        .collect();
    time("store_embedded_parse_validate", runs, || {
        partnership_atlas::store::load_texts(&files).is_ok()
    });
    let Ok(loaded) = partnership_atlas::store::embedded() else {
        eprintln!("startup_parts: the built-in store does not load");
        return;
    };
    let store = loaded.store;
    let graph = Graph::build(&store, Granularity::Cities);
    // The first view (Europe | Korea): each pane's outline clipped and filled, both details;
    // the first run is cold (the outline read and its land borders found), the rest warm.
    let (_, panes) = regions_layout(&graph);
    for (scale, detail) in [("110m", Detail::Coarse), ("50m", Detail::Fine)] {
        let cold = Instant::now();
        let n: usize = panes
            .iter()
            .map(|p| p.geometry(detail).land.indices.len())
            .sum();
        println!(
            "BENCH startup_map_{scale}_first_view_pane_meshes_cold {:.2} ms ({n} indices)",
            cold.elapsed().as_secs_f64() * 1000.0
        );
        time(&format!("map_{scale}_first_view_pane_meshes"), runs, || {
            panes
                .iter()
                .map(|p| p.geometry(detail).land.indices.len())
                .sum::<usize>()
        });
    }
    for (scale, detail) in [("110m", Detail::Coarse), ("50m", Detail::Fine)] {
        let read = |k: &str| std::fs::read_to_string(format!("assets/map/{k}-{scale}.geojson"));
        if let (Ok(land), Ok(countries)) = (read("land"), read("countries")) {
            time(&format!("map_{scale}_geojson_parse_before"), runs, || {
                geo::parse_outlines(&land, &countries).is_ok()
            });
        }
        if let Ok(bytes) = std::fs::read(format!("assets/map/outlines-{scale}.bin")) {
            time(&format!("map_{scale}_packed_read"), runs, || {
                geo::pack::unpack(&bytes).is_ok()
            });
        }
        let _ = geo::outlines(detail);
        time(&format!("map_{scale}_world_mesh"), runs, || {
            partnership_atlas::analysis::network::layout_map::world_geometry(detail)
        });
    }
    time("fonts_install_and_first_pass", runs, || {
        let ctx = egui::Context::default();
        theme::install(&ctx);
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.label("세종 Sejong 부산 Busan — 한국 과학기술");
        });
        out.textures_delta.clear();
        out.shapes.len()
    });
    time("graph_build_cities", runs, || {
        Graph::build(&store, Granularity::Cities)
    });
    time("graph_build_institutions", runs, || {
        Graph::build(&store, Granularity::Institutions)
    });
    time("layout_world", runs, || world_layout(&graph));
    time("layout_regions", runs, || regions_layout(&graph));
    time("layout_schematic", runs, || schematic_layout(&graph));
    time("search_rows", runs, || {
        partnership_atlas::ui::list::rows(&store)
    });
}
