//! The store cache (`store::cache`): a large store read once is reopened from its checked copy,
//! and only ever when the files are byte for byte the ones that were read and checked.

#[path = "../benches/support/large_store.rs"]
mod large_store;

use std::path::Path;
use std::time::{Duration, Instant};

use partnership_atlas::model::Store;
use partnership_atlas::store::cache::{self, Key, StoreCache};
use partnership_atlas::store::{self, LoadError};

const CSV: &str = "geonameid,name,ascii_name,country_code,admin1_code,latitude,longitude,population\n\
    1,Alpha,Alpha,GB,ENG,51.5,-0.1,100000\n\
    2,Beta,Beta,KR,11,37.5,127.0,200000\n\
    3,Gamma,Gamma,DK,17,55.7,12.6,300000\n";

/// A valid store whose RON is over the cache's threshold, written as one file in `dir`.
fn large_store_file(dir: &Path) -> (std::path::PathBuf, Store) {
    let store = large_store::synthetic_store(CSV, 4_000, 7);
    let text = store::save::to_ron(&store).expect("serialises");
    assert!(
        text.len() >= cache::MIN_BYTES,
        "the test store is large enough to be kept ({} bytes)",
        text.len()
    );
    let path = dir.join("large.ron");
    std::fs::write(&path, text).expect("written");
    (path, store)
}

/// The copies in the cache folder, once the background write has made `n` of them.
fn wait_for_copies(dir: &Path, n: usize) -> Vec<std::path::PathBuf> {
    let started = Instant::now();
    loop {
        let copies: Vec<_> = std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.to_string_lossy().ends_with(".store.json"))
                    .collect()
            })
            .unwrap_or_default();
        if copies.len() >= n || started.elapsed() > Duration::from_secs(30) {
            return copies;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_large_store_is_reopened_from_its_copy_and_read_again_when_a_byte_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache_dir = dir.path().join("cache");
    let cache = StoreCache::new(&cache_dir);
    let (path, store) = large_store_file(dir.path());

    // First read: from the RON, the same as without a cache; a copy is kept.
    let first = store::load_path_cached(&path, Some(&cache)).expect("loads");
    assert_eq!(*first.store, store);
    assert_eq!(first.store, store::load_path(&path).expect("loads").store);
    let copies = wait_for_copies(&cache_dir, 1);
    assert_eq!(copies.len(), 1, "one copy kept");

    // Prove the reopen takes the copy: mark the copy, and the reopen shows the mark.
    let mut marked = store.clone();
    marked.name = "read from the cache".to_owned();
    let key = Key::of(&[(
        path.display().to_string(),
        std::fs::read(&path).expect("read"),
    )]);
    cache.put(key, &marked).expect("kept");
    assert_eq!(
        wait_for_copies(&cache_dir, 1).len(),
        1,
        "the same copy replaced"
    );
    let again = store::load_path_cached(&path, Some(&cache)).expect("loads");
    assert_eq!(again.store.name, "read from the cache");

    // One byte changed in the file (a population): read from the file again, a new copy.
    let text = std::fs::read_to_string(&path).expect("read");
    let changed = text.replacen("population: Some(100000)", "population: Some(100001)", 1);
    assert_ne!(changed, text, "the test changes a figure");
    std::fs::write(&path, &changed).expect("written");
    let fresh = store::load_path_cached(&path, Some(&cache)).expect("loads");
    assert_ne!(fresh.store.name, "read from the cache");
    assert_eq!(fresh.store, store::load_path(&path).expect("loads").store);
    assert_eq!(
        wait_for_copies(&cache_dir, 2).len(),
        2,
        "a copy for the new bytes"
    );
}

#[test]
fn an_invalid_store_is_never_kept_and_still_names_its_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cache_dir = dir.path().join("cache");
    let cache = StoreCache::new(&cache_dir);
    let (path, _) = large_store_file(dir.path());
    // A partnership that points at no place.
    let text = std::fs::read_to_string(&path).expect("read");
    let broken = text.replacen("a: \"", "a: \"nowhere-", 1);
    assert_ne!(broken, text);
    std::fs::write(&path, broken).expect("written");
    for _ in 0..2 {
        match store::load_path_cached(&path, Some(&cache)) {
            Err(LoadError::Invalid(problems)) => {
                assert!(problems.iter().any(|p| p.line > 0), "{problems:?}");
            }
            other => panic!(
                "expected problems, got {:?}",
                other.map(|l| l.store.name.clone())
            ),
        }
    }
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        wait_for_copies(&cache_dir, 0).is_empty(),
        "no copy of an invalid store"
    );
}

#[test]
fn a_small_store_is_not_kept_and_a_cache_that_cannot_be_written_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The cache "folder" is a file: nothing can be written there.
    let blocked = dir.path().join("blocked");
    std::fs::write(&blocked, b"a file").expect("written");
    let cache = StoreCache::new(blocked.join("stores"));
    let (path, store) = large_store_file(dir.path());
    for _ in 0..2 {
        let loaded = store::load_path_cached(&path, Some(&cache)).expect("loads");
        assert_eq!(*loaded.store, store);
    }
    // The built-in store is small: read from its files, no copy.
    let cache_dir = dir.path().join("cache");
    let cache = StoreCache::new(&cache_dir);
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let loaded = store::load_path_cached(&seeds, Some(&cache)).expect("loads");
    assert_eq!(&*loaded.store, store::built_in().expect("built-in"));
    std::thread::sleep(Duration::from_millis(200));
    assert!(!cache_dir.exists(), "no copy of a small store");
}
