//! Loading a large store, and autosaving many notes.
//!
//! - `store_load_*`: a generated store of 100,000 records (every GeoNames city with ≥ 15,000
//!   people as a place, about 34,000, plus random partnerships up to 100,000 records; see
//!   `support/large_store.rs`), written as RON the way the app saves it, then read back:
//!   the RON parse alone (`ron::from_str`), parse + validate + join (what opening the store does, `store::load_texts`),
//!   the same for the store split into files as "Save as my store" writes them (files parsed
//!   on threads of their own), and serde_json on the same records (serialised by the same
//!   serde derives) side by side; and through the store cache as the app opens a store
//!   (`store::load_texts_cached`): the first read of the files, a reopen of the same files
//!   (the checked copy read back), and the copy's write.
//! - `notes_autosave_*`: 5,000 notes; one edit, then the UI thread's share of the save
//!   request (`NotesSession::tick`: the snapshot, a pointer per note, and its hand-over), and
//!   the saver thread's copy and write of the file (request to "saved", debounce zero);
//!   `notes_autosave_snapshot_5000` times `Notebook::snapshot` alone.
//!
//! ```text
//! flock /tmp/cargo-heavy.lock cargo bench --bench store_load
//! ```
//!
//! Prints `BENCH <case> <median> <unit> (min …, max …, n …)` per case.

#[path = "support/large_store.rs"]
mod large_store;

use std::path::Path;
use std::time::{Duration, Instant};

use partnership_atlas::app::notes::NotesSession;
use partnership_atlas::model::Store;
use partnership_atlas::notes::{NoteDraft, SaverOptions, Timestamp};
use partnership_atlas::store::cache::StoreCache;

fn report(name: &str, unit: &str, mut xs: Vec<f64>) {
    xs.sort_by(f64::total_cmp);
    let (lo, mid, hi) = (xs[0], xs[xs.len() / 2], xs[xs.len() - 1]);
    println!(
        "BENCH {name} {mid:.3} {unit} (min {lo:.3}, max {hi:.3}, n {})",
        xs.len()
    );
}

fn ms<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed().as_secs_f64() * 1000.0, v)
}

fn records(s: &Store) -> usize {
    s.places.len()
        + s.organisations.len()
        + s.programmes.len()
        + s.partnerships.len()
        + s.cohorts.len()
        + s.sources.len()
}

fn store_load(runs: usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/cities/cities15000.csv");
    let Ok(csv) = std::fs::read_to_string(&path) else {
        eprintln!("skipping the store load: cannot read {}", path.display());
        return;
    };
    let places = synthetic_places(&csv);
    let store = large_store::synthetic_store(&csv, 100_000usize.saturating_sub(places), 7);
    println!("store: {} records", records(&store));
    let Ok(ron_text) = partnership_atlas::store::save::to_ron(&store) else {
        eprintln!("skipping the store load: the store does not serialise as RON");
        return;
    };
    let Ok(json) = serde_json::to_vec(&store) else {
        eprintln!("skipping the store load: the store does not serialise as JSON");
        return;
    };
    println!(
        "sizes: RON {} bytes, JSON {} bytes",
        ron_text.len(),
        json.len()
    );
    let text = ron_text.clone();
    let files = vec![("store.ron".to_owned(), ron_text.into_bytes())];
    // The same store split into files, as "Save as my store" writes it.
    let Some(folder) = split_files(&store) else {
        eprintln!("skipping the store load: the store cannot be saved as a folder");
        return;
    };
    println!("split: {} files", folder.len());
    let (mut parse, mut load, mut js, mut split) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let (t, r) = ms(|| partnership_atlas::store::load_texts(&folder));
        assert!(
            r.as_ref().is_ok_and(|s| s == &store),
            "the split store loads back the same"
        );
        split.push(t);
        let (t, r) = ms(|| ron::from_str::<Store>(&text));
        assert!(r.is_ok(), "the RON parses: {:?}", r.err());
        parse.push(t);
        let (t, r) = ms(|| partnership_atlas::store::load_texts(&files));
        assert!(r.is_ok(), "the store loads: {:?}", r.err().map(|p| p.len()));
        load.push(t);
        let (t, r) = ms(|| serde_json::from_slice::<Store>(&json));
        assert!(r.is_ok(), "the JSON parses");
        js.push(t);
    }
    // Through the store cache, as the app opens a store: the first read of these files (RON,
    // checks, and the JSON of the copy made; the copy is written on a thread of its own), then
    // a reopen of the same files (the copy read back), then the copy's write alone.
    let (mut first, mut reopen, mut keep) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let Ok(dir) = tempfile::tempdir() else {
            eprintln!("skipping the cached load: no temporary folder");
            return;
        };
        let cache = StoreCache::new(dir.path());
        let (t, r) = ms(|| partnership_atlas::store::load_texts_cached(&files, Some(&cache)));
        assert!(
            r.as_ref().is_ok_and(|s| s == &store),
            "the first read loads the store"
        );
        first.push(t);
        // Wait for the copy (made in the background) before reopening.
        let started = Instant::now();
        // (The writer's temporary file shows first; the copy is there once renamed.)
        let kept = |d: &Path| {
            std::fs::read_dir(d).is_ok_and(|mut entries| {
                entries.any(|e| {
                    e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".store.json"))
                })
            })
        };
        while !kept(dir.path()) {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the copy is written"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        let (t, r) = ms(|| partnership_atlas::store::load_texts_cached(&files, Some(&cache)));
        assert!(
            r.as_ref().is_ok_and(|s| s == &store),
            "the reopen loads the same store"
        );
        reopen.push(t);
        let key = partnership_atlas::store::cache::Key::of(&files);
        let (t, written) = ms(|| cache.put(key, &store));
        assert!(written.is_ok(), "the copy is kept: {written:?}");
        keep.push(t);
    }
    let reopen_ratio = {
        let mut v = reopen.clone();
        v.sort_by(f64::total_cmp);
        let mut j = js.clone();
        j.sort_by(f64::total_cmp);
        v[v.len() / 2] / j[j.len() / 2]
    };
    report("store_load_cached_first_read_100k", "ms", first);
    report("store_load_cached_reopen_100k", "ms", reopen);
    report("store_load_cache_copy_write_100k", "ms", keep);
    println!(
        "BENCH store_load_reopen_ratio_to_serde_json {reopen_ratio:.2} x (same files again, through the cache; target <= 2)"
    );
    let median = |xs: &[f64]| {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let ratio = median(&load) / median(&js);
    let split_ratio = median(&split) / median(&js);
    report("store_load_ron_parse_100k", "ms", parse);
    report("store_load_parse_validate_100k", "ms", load);
    report("store_load_split_folder_100k", "ms", split);
    report("store_load_serde_json_100k", "ms", js);
    println!("BENCH store_load_ratio_to_serde_json {ratio:.2} x (one file; target <= 2)");
    println!(
        "BENCH store_load_split_ratio_to_serde_json {split_ratio:.2} x (split files; target <= 2)"
    );
}

/// The store's files as `save_folder` writes them, read back into memory.
fn split_files(store: &Store) -> Option<Vec<(String, Vec<u8>)>> {
    let dir = tempfile::tempdir().ok()?;
    let paths = partnership_atlas::store::folder::save_folder(store, dir.path()).ok()?;
    paths
        .into_iter()
        .map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect()
}

/// How many places the synthetic store will hold (its cities), so the pairs fill up to 100k.
fn synthetic_places(csv: &str) -> usize {
    records(&large_store::synthetic_store(csv, 0, 7))
}

fn notes_autosave(runs: usize) {
    let Ok(dir) = tempfile::tempdir() else {
        eprintln!("skipping the notes autosave: no temporary folder");
        return;
    };
    let options = SaverOptions {
        debounce: Duration::ZERO,
        max_delay: Duration::ZERO,
        ..SaverOptions::default()
    };
    let mut session = NotesSession::open_with(dir.path().join("notes.ron"), None, options);
    let draft = |i: usize, edit: usize| NoteDraft {
        target: None,
        title: format!("Meeting note {i}"),
        body: format!(
            "Discussed the hydrogen cooperation with the Busan delegation (edit {edit}).\n\n\
             - next step: joint call in spring\n- contact: 세종 office"
        ),
        tags: vec!["hydrogen".to_owned(), "busan".to_owned()],
        author: "Bench".to_owned(),
    };
    let ids: Vec<_> = (0..5_000)
        .map(|i| session.book.add(draft(i, 0), Timestamp::now()))
        .collect();
    session.tick();
    let first = Instant::now();
    while !session.all_saved() && first.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(1));
        session.tick();
    }
    let (mut ui, mut write, mut snap) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        let id = &ids[run % ids.len()];
        if session
            .book
            .update(id, draft(run, run + 1), Timestamp::now())
            .is_err()
        {
            eprintln!("skipping the notes autosave: a note cannot be edited");
            return;
        }
        let started = Instant::now();
        let (t, ()) = ms(|| session.tick());
        ui.push(t);
        // The write runs on the saver thread; wait for it to report.
        while !session.all_saved() {
            std::thread::sleep(Duration::from_micros(200));
            session.tick();
            if started.elapsed() > Duration::from_secs(30) {
                eprintln!("skipping the notes autosave: the saver did not finish");
                return;
            }
        }
        write.push(started.elapsed().as_secs_f64() * 1000.0);
        // The snapshot alone, with the saver idle (after the save it asked for).
        let (t, snapshot) = ms(|| session.book.snapshot());
        snap.push(t);
        drop(snapshot);
    }
    report("notes_autosave_snapshot_5000", "ms", snap);
    report("notes_autosave_ui_thread_5000", "ms", ui);
    report("notes_autosave_write_on_saver_5000", "ms", write);
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    if wanted("store_load") {
        store_load(7);
    }
    if wanted("notes_autosave") {
        notes_autosave(30);
    }
}
