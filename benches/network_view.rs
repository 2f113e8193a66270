//! CPU time of one frame of the network view: the egui pass (`Context::run_ui` with the view in
//! a central panel) plus tessellation (`Context::tessellate`), no GPU.
//!
//! ```text
//! flock /tmp/cargo.lock cargo bench --bench network_view
//! ```
//!
//! Stores: the built-in default store, and a synthetic store of every GeoNames city with at
//! least 15,000 people (read from `../shared/data/cities/cities15000.csv`, about 34,000 places)
//! with 100,000 random pairs from a seeded generator. Cases per store and layout:
//! - `cold`: the first frame (builds the graph, the layout, the arcs and the map outline; on
//!   the large store it starts a worker for them, then `worker_ready` is the time until the
//!   picture is ready, `waiting_frame_max` the slowest frame meanwhile and `first_picture`
//!   the first frame that draws it);
//! - `hover`: the pointer moves over the canvas, nothing else changes (the common frame);
//! - `pan`: the canvas is dragged every frame (the picture is rebuilt every frame);
//! - `zoom`: a pinch zoom every frame (rebuilt every frame);
//! - `filter`: a programme is hidden or shown again, 20 times: `filter_ready` is the time until
//!   the picture shows it (edge and node states, the bundles and the legend built again: on a
//!   large store on a worker, while the previous picture stays), `filter_take_in` the frame
//!   that draws it, `filter_waiting_frame_max` the slowest frame meanwhile;
//! - `select`: another place is selected every frame (as from the list: the view frames it).
//!
//! Prints `BENCH <case> <median_ms> ms` (and the 90th percentile) per case.

#[path = "support/large_store.rs"]
mod large_store;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use egui::{Event, Pos2, RawInput, Rect, pos2, vec2};
use partnership_atlas::model::Store;
use partnership_atlas::ui::network::{LayoutKind, NetworkView};
use partnership_atlas::ui::{ViewCtx, theme};

use large_store::synthetic_store;

const SIZE: [f32; 2] = [1400.0, 860.0];

fn large_store() -> Option<Store> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/cities/cities15000.csv");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(synthetic_store(&text, 100_000, 0x9E37_79B9_7F4A_7C15)),
        Err(e) => {
            eprintln!("skipping the large store: {e}: {}", path.display());
            None
        }
    }
}

struct Frame {
    ctx: egui::Context,
    time: f64,
    /// (pass, tessellation) milliseconds of each frame run.
    split: Vec<(f64, f64)>,
    /// Vertices tessellated in the last frame.
    vertices: usize,
}

impl Frame {
    fn new() -> Self {
        let ctx = egui::Context::default();
        theme::install(&ctx);
        Self {
            ctx,
            time: 0.0,
            split: Vec::new(),
            vertices: 0,
        }
    }

    /// One frame with these events; returns the milliseconds of the pass plus tessellation.
    fn run(&mut self, view: &mut NetworkView, vctx: &ViewCtx<'_>, events: Vec<Event>) -> f64 {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(SIZE[0], SIZE[1]))),
            time: Some(self.time),
            events,
            ..Default::default()
        };
        let start = Instant::now();
        let mut out = self.ctx.run_ui(input, |ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let _ = view.ui(ui, vctx);
            });
        });
        let pass = start.elapsed().as_secs_f64() * 1000.0;
        let primitives = self
            .ctx
            .tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        self.split.push((pass, ms - pass));
        self.vertices = primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum();
        std::hint::black_box(primitives);
        out.textures_delta.clear();
        ms
    }
}

fn stats(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9))
}

fn report(case: &str, samples: Vec<f64>, f: &mut Frame) {
    let (median, p90) = stats(samples);
    let n = f.split.len().min(40);
    let recent = &f.split[f.split.len() - n..];
    let (pass, _) = stats(recent.iter().map(|s| s.0).collect());
    let (tess, _) = stats(recent.iter().map(|s| s.1).collect());
    println!(
        "BENCH {case} {median:.3} ms (p90 {p90:.3} ms; pass {pass:.2} + tessellation {tess:.2} ms, {} vertices)",
        f.vertices
    );
    f.split.clear();
}

fn bench_store(
    label: &str,
    store: &Store,
    layouts: &[LayoutKind],
    frames: usize,
    wants: &dyn Fn(&str) -> bool,
) {
    let noted = BTreeSet::new();
    let vctx = ViewCtx {
        store,
        selected: None,
        noted: &noted,
        hangul: false,
    };
    for &layout in layouts {
        let name = format!("{label}_{}", format!("{layout:?}").to_lowercase());
        if !["cold", "hover", "pan", "zoom", "filter", "select"]
            .iter()
            .any(|c| wants(&format!("{name}_{c}")))
        {
            continue;
        }
        let mut f = Frame::new();
        let mut view = NetworkView::default();
        view.layout = layout;
        // Warm the font atlas on an empty frame so "cold" measures the view, not font loading.
        f.run(
            &mut view,
            &ViewCtx {
                store: &Store::default(),
                ..vctx
            },
            Vec::new(),
        );
        let cold = f.run(&mut view, &vctx, Vec::new());
        println!("BENCH {name}_cold {cold:.3} ms");
        if view.is_laying_out() {
            // A large store is laid out on a worker: the cold frame above is the UI thread's
            // share (the store's copy and the progress line); then the time until the picture
            // is ready, and the UI-thread time of the first frame that draws it.
            let started = Instant::now();
            let mut waiting = vec![0.0];
            let mut first = 0.0;
            while view.is_laying_out() {
                std::thread::sleep(std::time::Duration::from_millis(5));
                let t = f.run(&mut view, &vctx, Vec::new());
                // The frame that takes the worker's result in draws the first picture.
                if view.is_laying_out() {
                    waiting.push(t);
                } else {
                    first = t;
                }
            }
            let ready = started.elapsed().as_secs_f64() * 1000.0;
            let worst = waiting.iter().copied().fold(0.0, f64::max);
            println!("BENCH {name}_worker_ready {ready:.1} ms");
            println!("BENCH {name}_waiting_frame_max {worst:.3} ms");
            println!("BENCH {name}_first_picture {first:.3} ms");
        }
        // Let the force layout settle and Areas size themselves.
        for _ in 0..400 {
            f.run(&mut view, &vctx, Vec::new());
            if view.is_at_rest() {
                break;
            }
        }
        for _ in 0..3 {
            f.run(&mut view, &vctx, Vec::new());
        }
        let centre = pos2(SIZE[0] / 2.0, SIZE[1] / 2.0);
        f.split.clear();
        let hover: Vec<f64> = (0..frames)
            .map(|k| {
                let p = centre + vec2((k % 40) as f32 * 7.0 - 140.0, (k % 13) as f32 * 5.0 - 30.0);
                f.run(&mut view, &vctx, vec![Event::PointerMoved(p)])
            })
            .collect();
        if wants(&format!("{name}_hover")) {
            report(&format!("{name}_hover"), hover, &mut f);
        }
        // Drag: press, pass the drag threshold, then measure frames that each move the map.
        let button = |pos: Pos2, pressed: bool| Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        };
        let mut p = centre;
        f.run(
            &mut view,
            &vctx,
            vec![Event::PointerMoved(p), button(p, true)],
        );
        for _ in 0..3 {
            p += vec2(4.0, 0.0);
            f.run(&mut view, &vctx, vec![Event::PointerMoved(p)]);
        }
        f.split.clear();
        let pan: Vec<f64> = (0..frames)
            .map(|k| {
                p += vec2(if (k / 20) % 2 == 0 { 3.0 } else { -3.0 }, 1.0);
                f.run(&mut view, &vctx, vec![Event::PointerMoved(p)])
            })
            .collect();
        f.run(&mut view, &vctx, vec![button(p, false)]);
        if wants(&format!("{name}_pan")) {
            report(&format!("{name}_pan"), pan, &mut f);
        }
        if wants(&format!("{name}_filter")) || wants(&format!("{name}_select")) {
            filter_and_select(&name, &mut view, &vctx, frames, &mut f, wants);
        }
        if !wants(&format!("{name}_zoom")) {
            continue;
        }
        f.split.clear();
        let zoom: Vec<f64> = (0..frames)
            .map(|k| {
                let factor = if (k / 10) % 2 == 0 { 1.04 } else { 1.0 / 1.04 };
                f.run(
                    &mut view,
                    &vctx,
                    vec![Event::PointerMoved(centre), Event::Zoom(factor)],
                )
            })
            .collect();
        report(&format!("{name}_zoom"), zoom, &mut f);
    }
}

/// The `filter` and `select` cases.
fn filter_and_select(
    name: &str,
    view: &mut NetworkView,
    vctx: &ViewCtx<'_>,
    frames: usize,
    f: &mut Frame,
    wants: &dyn Fn(&str) -> bool,
) {
    if let Some(programme) = vctx.store.programmes.first().map(|p| p.id.clone())
        && wants(&format!("{name}_filter"))
    {
        filter_case(name, view, vctx, frames, f, &programme);
    }
    if wants(&format!("{name}_select")) {
        select_case(name, view, vctx, frames, f);
    }
}

/// The `filter` case.
fn filter_case(
    name: &str,
    view: &mut NetworkView,
    vctx: &ViewCtx<'_>,
    frames: usize,
    f: &mut Frame,
    programme: &str,
) {
    let programme = programme.to_owned();
    // Each toggle: frames until the picture shows the new filter (on a large store the states
    // are built on a worker meanwhile; the frame that takes them in is `filter_take_in`).
    f.split.clear();
    let (mut filter, mut ready, mut take_in) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..frames.min(20) {
        if !view.filter.hidden_programmes.remove(&programme) {
            view.filter.hidden_programmes.insert(programme.clone());
        }
        let started = Instant::now();
        let mut t = f.run(view, vctx, Vec::new());
        while view.is_updating() {
            filter.push(t);
            std::thread::sleep(std::time::Duration::from_millis(2));
            t = f.run(view, vctx, Vec::new());
        }
        take_in.push(t);
        ready.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    view.filter.hidden_programmes.remove(&programme);
    while {
        f.run(view, vctx, Vec::new());
        view.is_updating()
    } {}
    if !filter.is_empty() {
        let worst = filter.iter().copied().fold(0.0, f64::max);
        println!("BENCH {name}_filter_waiting_frame_max {worst:.3} ms");
    }
    let (r, r90) = stats(ready);
    println!("BENCH {name}_filter_ready {r:.3} ms (p90 {r90:.3} ms)");
    report(&format!("{name}_filter_take_in"), take_in, f);
}

/// The `select` case.
fn select_case(
    name: &str,
    view: &mut NetworkView,
    vctx: &ViewCtx<'_>,
    frames: usize,
    f: &mut Frame,
) {
    // Places with partnerships, spread over the store.
    let linked: BTreeSet<&str> = vctx
        .store
        .partnerships
        .iter()
        .map(|p| p.a.as_str())
        .collect();
    let step = (linked.len() / frames.max(1)).max(1);
    let ids: Vec<&str> = linked.into_iter().step_by(step).take(frames).collect();
    f.split.clear();
    let select: Vec<f64> = ids
        .iter()
        .map(|id| {
            let ctx = ViewCtx {
                selected: Some(id),
                ..*vctx
            };
            f.run(view, &ctx, Vec::new())
        })
        .collect();
    report(&format!("{name}_select"), select, f);
}

fn main() {
    // `cargo bench` passes `--bench`; a filter word picks cases by name ("large", "world_pan").
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wants = |s: &str| {
        filter
            .as_deref()
            .is_none_or(|f| s.contains(f) || f.contains(s))
    };
    let all = [
        LayoutKind::Regions,
        LayoutKind::World,
        LayoutKind::Schematic,
        LayoutKind::Institutions,
    ];
    let store_wanted = |s: &str| {
        filter
            .as_deref()
            .is_none_or(|f| f.starts_with(s) || s.starts_with(f))
    };
    if store_wanted("default") {
        match partnership_atlas::store::embedded() {
            Ok(loaded) => {
                eprintln!("default store: {}", loaded.store.summary());
                bench_store("default", &loaded.store, &all, 200, &wants);
            }
            Err(p) => eprintln!(
                "the default store does not load ({} problems); skipped",
                p.len()
            ),
        }
    }
    if store_wanted("large") {
        let t = Instant::now();
        if let Some(store) = large_store() {
            eprintln!(
                "large store: {} places, {} partnerships (built in {:.0} ms)",
                store.places.len(),
                store.partnerships.len(),
                t.elapsed().as_secs_f64() * 1000.0
            );
            bench_store(
                "large",
                &store,
                &[
                    LayoutKind::World,
                    LayoutKind::Regions,
                    LayoutKind::Schematic,
                ],
                40,
                &wants,
            );
        }
    }
}
