//! A large store is laid out on a worker thread: the view says so and keeps drawing frames
//! until the picture is ready. A filter change on it is built on a worker too, the previous
//! picture staying until it is ready.

mod common;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable};
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

/// The legend's summary line ("· 12 of 40 partnerships shown").
fn counts_line(h: &egui_kittest::Harness<'_, (NetworkView, Store)>) -> String {
    let node = h
        .query_all_by_label_contains("partnerships shown")
        .next()
        .expect("the legend's summary line");
    let a = node.accesskit_node();
    a.label().or_else(|| a.value()).unwrap_or_default()
}

#[test]
fn a_filter_change_on_a_large_store_is_built_on_a_worker_and_then_shown() {
    let store = large_store();
    // The programme with the most partnerships: hiding it changes the count shown.
    let mut by_programme = std::collections::BTreeMap::<&str, usize>::new();
    for p in &store.partnerships {
        *by_programme.entry(p.programme.as_str()).or_default() += 1;
    }
    let Some((programme, _)) = by_programme.iter().max_by_key(|(_, n)| **n) else {
        panic!("the store has partnerships")
    };
    let programme = programme.to_string();
    let mut view = NetworkView::default();
    view.layout = LayoutKind::World;
    let mut h = map_harness(view, store);
    let before = counts_line(&h);
    let labels = h.state().0.drawn_labels();
    assert!(!labels.is_empty());

    assert_eq!(h.state().0.filter_workers(), 0);
    h.state_mut().0.filter.hidden_programmes.insert(programme);
    h.step();
    assert_eq!(
        h.state().0.filter_workers(),
        1,
        "a large store's filter change is built on a worker"
    );
    let started = Instant::now();
    while h.state().0.is_updating() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the filter worker did not finish"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    h.step();
    let after = counts_line(&h);
    assert_ne!(
        after, before,
        "the legend counts the hidden programme's links out"
    );

    // A fresh view with the filter set from the start (its first picture's states built with
    // the layout) says the same.
    let (view, store) = h.state();
    let mut fresh = NetworkView::default();
    fresh.layout = LayoutKind::World;
    fresh.filter = view.filter.clone();
    let mut h2 = map_harness(fresh, store.clone());
    assert_eq!(counts_line(&h2), after);
    h2.step();
}

/// A harness showing `view` of `store`, stepped until the worker's picture is drawn.
fn map_harness(
    view: NetworkView,
    store: Store,
) -> egui_kittest::Harness<'static, (NetworkView, Store)> {
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
    let started = Instant::now();
    while {
        h.step();
        h.state().0.is_laying_out()
    } {
        assert!(started.elapsed() < Duration::from_secs(60), "no picture");
        std::thread::sleep(Duration::from_millis(20));
    }
    h.step();
    h
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
