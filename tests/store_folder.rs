//! Folder save: the built-in store saved as split files loads back equal, keeps a folder's
//! layout, writes nothing for an invalid store, and the disk state notices outside changes.

use partnership_atlas::store::{self, diff::diff, folder};

fn embedded() -> partnership_atlas::model::Store {
    store::embedded()
        .expect("the built-in store is valid")
        .into_store()
}

#[test]
fn the_built_in_store_saved_as_a_folder_loads_back_equal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = embedded();
    let paths = folder::save_folder(&original, dir.path()).expect("saved");
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    assert!(names.contains(&"10-places.ron".to_owned()), "{names:?}");
    assert!(names.contains(&"50-indicators.ron".to_owned()), "{names:?}");
    let loaded = store::load_path(dir.path())
        .expect("loads back")
        .into_store();
    assert!(
        diff(&original, &loaded).is_empty(),
        "{}",
        diff(&original, &loaded)
    );
    assert_eq!(loaded, original);
}

#[test]
fn saving_into_the_seeds_layout_keeps_its_files_and_changes_only_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for e in std::fs::read_dir(&seeds).expect("seeds") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copied");
    }
    let mut store = store::load_path(dir.path())
        .expect("seeds load")
        .into_store();
    folder::save_folder(&store, dir.path()).expect("first save");
    let after_first: Vec<(String, Vec<u8>)> = read_all(dir.path());
    assert!(
        after_first
            .iter()
            .any(|(n, _)| n == "51-indicators-patents.ron")
    );
    assert!(!after_first.iter().any(|(n, _)| n == "50-indicators.ron"));
    // Written in the seeds' own style: the places file comes back byte for byte.
    let places = std::fs::read(seeds.join("10-places.ron")).expect("seeds places");
    assert!(
        after_first
            .iter()
            .any(|(n, b)| n == "10-places.ron" && *b == places)
    );
    let state = folder::disk_state(dir.path());
    store.places[0].name.push_str(" (edited)");
    folder::save_folder(&store, dir.path()).expect("second save");
    let after_second = read_all(dir.path());
    let changed: Vec<&String> = after_first
        .iter()
        .zip(&after_second)
        .filter(|(a, b)| a != b)
        .map(|(a, _)| &a.0)
        .collect();
    assert_eq!(changed, ["10-places.ron"]);
    assert_ne!(folder::disk_state(dir.path()), state);
    let loaded = store::load_path(dir.path()).expect("loads").into_store();
    assert_eq!(loaded, store);
}

#[test]
fn an_invalid_store_is_not_saved_and_the_folder_is_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = embedded();
    folder::save_folder(&store, dir.path()).expect("saved");
    let before = folder::disk_state(dir.path());
    store.places[0].lat = 123.0;
    let err = folder::save_folder(&store, dir.path()).expect_err("refused");
    assert!(err.to_string().contains("latitude"), "{err}");
    assert_eq!(folder::disk_state(dir.path()), before);
}

fn read_all(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    files.sort();
    files
}
