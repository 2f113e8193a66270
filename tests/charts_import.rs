//! Importing indicator CSVs into the default store, and saving the result.

mod common;

use std::path::{Path, PathBuf};

use partnership_atlas::model::Store;
use partnership_atlas::store::csv_import::{
    ImportError, ImportOptions, ImportOutcome, SourceTarget, import_bytes,
};
use partnership_atlas::ui::{Command, FileAction};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

/// Imports a fixture CSV: the test reads the file, the import parses its bytes.
fn import(
    store: &Store,
    name: &str,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let path = fixture(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}: {}", path.display()));
    import_bytes(store, &bytes, &path, options)
}

fn default_store() -> Store {
    match partnership_atlas::store::embedded() {
        Ok(loaded) => loaded.into_store(),
        Err(problems) => panic!(
            "the default store does not load:\n{}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// The `source` texts of the shared R&D file and the default store's sources they come from
/// (see the notes of those sources).
fn shared_rd_sources() -> ImportOptions {
    let mut options = ImportOptions::default();
    for (text, id) in [
        (
            "UNESCO UIS via World Bank WDI GB.XPD.RSDV.GD.ZS (Our World in Data export, 2024)",
            "src-uis-wb-owid-rd",
        ),
        (
            "OECD MSTI Sep-2021 via NSF NCSES S&E Indicators table SRD-1 (NCSES id 6293)",
            "src-ncses-6293",
        ),
        (
            "OECD MSTI Sep-2023 via NSF NCSES S&E Indicators table SRD-1 (NCSES id 10978)",
            "src-ncses-10978",
        ),
        (
            "Derived: OECD MSTI Sep-2021 GERD%GDP x business-performed share (NCSES tables 6293 SRD-1 and 6306 RD-7)",
            "src-ncses-6306",
        ),
        (
            "Derived: OECD MSTI Sep-2023 GERD%GDP x business-performed share (NCSES tables 10978 SRD-1 and 10946 SRD-2)",
            "src-ncses-10946",
        ),
    ] {
        options
            .sources
            .insert(text.to_owned(), SourceTarget::Existing(id.to_owned()));
    }
    options
}

#[test]
fn the_shared_rd_file_with_its_sources_mapped_changes_no_value_of_the_default_store() {
    let store = default_store();
    let out =
        import(&store, "rd_intensity.csv", &shared_rd_sources()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.rows, 681);
    assert!(out.new_sources.is_empty(), "{:?}", out.new_sources);
    assert!(out.new_series.is_empty(), "{:?}", out.new_series);
    assert!(out.changed.is_empty(), "{:?}", out.changed);
    assert_eq!(out.added_points, 0);
    assert_eq!(out.unchanged_points, 681);
    assert_eq!(out.store, store);
}

#[test]
fn the_shared_rd_file_under_unknown_source_names_gets_new_sources_and_never_touches_old_series() {
    let store = default_store();
    let out = import(&store, "rd_intensity.csv", &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.new_sources.len(), 5);
    assert!(out.updated_series.is_empty(), "{:?}", out.updated_series);
    assert!(out.changed.is_empty());
    assert_eq!(out.added_points, 681);
    // Every series the store had is still there, unchanged.
    for s in &store.indicators {
        assert!(out.store.indicators.contains(s), "{} changed", s.id);
    }
    // Korea 2019 under the MSTI Sep-2021 text is 4.64, in a series of its own.
    let kor = out
        .store
        .indicators
        .iter()
        .filter(|s| out.new_series.contains(&s.id))
        .find(|s| {
            s.economy == "KOR"
                && s.indicator == "GERD_PCT_GDP"
                && s.sources[0].source.contains("msti-sep-2021")
        })
        .expect("a new Korea GERD series for the MSTI Sep-2021 text");
    assert_eq!(
        kor.points.iter().find(|p| p.year == 2019).map(|p| p.value),
        Some(4.64)
    );
    // Rows whose source says "Derived" become derived series.
    assert!(
        out.store
            .indicators
            .iter()
            .filter(|s| out.new_series.contains(&s.id) && s.indicator == "BERD_PCT_GDP")
            .all(|s| s.derived && s.derivation.is_some())
    );
    let problems = partnership_atlas::store::validate(&out.store, "after import");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_file_with_bad_rows_lists_every_one_by_line_and_imports_nothing() {
    let store = default_store();
    let err = import(&store, "bad_rows.csv", &ImportOptions::default()).expect_err("bad rows");
    let lines: Vec<String> = err.row_errors().iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "line 4: country_code 'South Korea' is not a three-letter upper-case code (ISO 3166-1 alpha-3, or EUU, OED, WLD)",
            "line 5: source is empty; every figure needs one",
            "line 6: year '2O15' is not a whole number",
            "line 7: value 'abc' is not a number",
            "line 8: expected 6 fields as in the header, found 5",
            "line 9: GERD_PCT_GDP for KOR in 2019 from the same source is already on line 2",
        ]
    );
}

#[test]
fn importing_a_missing_file_through_the_app_names_it_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = common::app_on(&dir.path().join("notes.ron"));
    let before = app.loaded.store.clone();
    let missing = fixture("no-such-file.csv");
    app.apply(Command::FileAt(FileAction::ImportCsv, missing));
    assert!(
        app.status.starts_with("Nothing imported") && app.status.contains("no-such-file.csv"),
        "{}",
        app.status
    );
    assert_eq!(app.loaded.store, before);
    assert!(!app.store_unsaved());
}

#[test]
fn an_imported_store_saves_atomically_and_loads_back_equal() {
    let store = default_store();
    let out = import(
        &store,
        "rd_intensity_kor_euu_uis.csv",
        &ImportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.rows, 52);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("updated.ron");
    partnership_atlas::store::save::save_store(&out.store, &path).expect("saved");
    let loaded = partnership_atlas::store::load_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(*loaded.store, out.store);
}
