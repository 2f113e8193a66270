//! A large store's search index is built on a worker thread: the browse list says "Indexing N
//! records…" until it is ready, the window keeps working meanwhile (the search box takes what
//! is typed), and then the list shows the rows, already narrowed by what was typed.

mod common;

use std::time::{Duration, Instant};

use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::model::Store;
use partnership_atlas::ui::list::{Rows, WORKER_THRESHOLD, thousands};

/// The built-in store with its places copied (under new ids and names) until it is past the
/// size the list indexes on a worker.
fn large_store() -> Store {
    let mut store = common::default_store();
    let originals = store.places.clone();
    let mut i = 0;
    while store.items().count() <= WORKER_THRESHOLD + 500 {
        let mut p = originals[i % originals.len()].clone();
        p.id = format!("place-copy-{i}");
        p.name = format!("{} copy {i}", p.name);
        p.name_ko = None;
        p.aliases.clear();
        store.places.push(p);
        i += 1;
    }
    store
}

#[test]
fn a_large_store_is_indexed_on_a_worker_and_a_small_one_at_once() {
    let store = std::sync::Arc::new(large_store());
    let records = store.items().count();
    let mut rows = Rows::build(&store, None);
    assert!(rows.is_building(), "{records} records go to a worker");
    assert_eq!(
        rows.progress(),
        Some(format!("Indexing {} records…", thousands(records)))
    );
    let index = rows.wait().expect("the worker hands back an index");
    assert_eq!(index.len(), records);
    assert!(index.iter().any(|d| d.id == "place-copy-0"));
    assert_eq!(rows.progress(), None);

    let small = std::sync::Arc::new(common::default_store());
    let rows = Rows::build(&small, None);
    assert!(!rows.is_building(), "the built-in store is indexed at once");
    assert_eq!(rows.index().map(|i| i.len()), Some(small.items().count()));
}

#[test]
fn the_list_shows_the_progress_first_keeps_the_search_box_working_and_then_the_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = large_store();
    let records = store.items().count();
    let path = dir.path().join("large.ron");
    partnership_atlas::store::save::save_store(&store, &path).expect("saved");
    let mut h = common::app_harness_sized(
        common::app_on(&dir.path().join("notes.ron")),
        [1600.0, 1000.0],
    );
    h.run();
    h.state_mut().open(path);
    let line = format!("Indexing {} records…", thousands(records));
    let started = Instant::now();
    // Reading the file is on a worker too: wait until the list starts indexing.
    while h.query_by_label(&line).is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the list never said it was indexing: {}",
            h.state().status
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
    assert!(
        h.query_by_label(&format!("{records} records")).is_none()
            && h.query_by_label_contains(" copy ").is_none(),
        "no count and no rows yet"
    );
    // The window keeps working: the search box takes a search while the index is built.
    let field = h.get_by_label("Search");
    field.focus();
    field.type_text("\"copy 12");
    h.step();
    assert_eq!(h.state().settings.list.search, "\"copy 12");
    while h.query_by_label(&line).is_some() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the index was never ready"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
    assert!(!h.state().rows.is_building());
    // The phrase "copy 12" is in the names of copies 12, 120–129, 1200–1299 … only.
    let copies = store
        .places
        .iter()
        .filter(|p| p.id.starts_with("place-copy-"))
        .count();
    let want = (0..copies)
        .filter(|i| format!("copy {i}").starts_with("copy 12"))
        .count();
    assert!(want > 100, "{want}");
    let count = h.get_by_label_contains(" records");
    let text = count.accesskit_node().value().unwrap_or_default();
    assert_eq!(text, format!("{want} of {records} records"));
}
