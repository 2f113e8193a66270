//! A large store is laid out on a worker thread: the view says so and keeps drawing frames
//! until the picture is ready.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use partnership_atlas::model::Store;
use partnership_atlas::ui::ViewCtx;
use partnership_atlas::ui::network::{LayoutKind, NetworkView};

/// The built-in store with its places copied (at the same spots, under new ids) until it is
/// past the size the view lays out on a worker.
fn large_store() -> Store {
    let mut store = common::default_store();
    let originals = store.places.clone();
    for i in 0..6_000 {
        let mut p = originals[i % originals.len()].clone();
        p.id = format!("place-copy-{i}");
        p.name = format!("{} {i}", p.name);
        store.places.push(p);
    }
    store
}

#[test]
fn a_large_store_shows_a_progress_line_first_and_its_map_once_the_worker_is_done() {
    let store = large_store();
    let places = store.places.len();
    let mut view = NetworkView::default();
    view.layout = LayoutKind::World;
    let mut h = common::view_harness((view, store), [1200.0, 800.0], |ui, (view, store)| {
        let noted = BTreeSet::new();
        let ctx = ViewCtx {
            store,
            selected: None,
            noted: &noted,
            hangul: false,
        };
        let _ = view.ui(ui, &ctx);
    });
    h.step();
    let line = format!("Laying out {} places…", thousands(places));
    assert!(
        h.query_by_label(&line).is_some(),
        "the first frame says what is being laid out ({line})"
    );
    assert!(h.state().0.drawn_labels().is_empty(), "no picture yet");
    let started = Instant::now();
    while h.query_by_label(&line).is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the worker did not finish"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.step();
    assert!(
        !h.state().0.drawn_labels().is_empty(),
        "once laid out, the map and its labels are drawn"
    );
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
