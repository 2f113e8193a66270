//! Every fixture store in `tests/fixtures/`: the good ones load, the bad ones give clear,
//! located problems and never panic.

use std::path::{Path, PathBuf};

use partnership_atlas::store::{self, LoadError, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn problems(name: &str) -> Vec<Problem> {
    match store::load_path(&fixture(name)) {
        Err(LoadError::Invalid(p)) => p,
        Err(e) => panic!("{name}: expected problems, got {e}"),
        Ok(_) => panic!("{name}: expected problems, but it loaded"),
    }
}

fn has(problems: &[Problem], needle: &str) -> bool {
    problems.iter().any(|p| p.message.contains(needle))
}

#[test]
fn the_minimal_store_loads_with_its_pair_and_hangul_names() {
    let loaded = store::load_path(&fixture("good/minimal.ron")).expect("loads");
    assert_eq!(loaded.store.partnerships.len(), 1);
    assert_eq!(loaded.store.places[1].name_ko.as_deref(), Some("세종"));
    assert_eq!(loaded.store.name, "Minimal test store");
}

#[test]
fn a_split_store_joins_its_files_in_name_order() {
    let loaded = store::load_path(&fixture("good/split")).expect("loads");
    assert_eq!(loaded.store.name, "Split store");
    assert_eq!(loaded.store.sources.len(), 1);
    assert_eq!(loaded.store.places.len(), 1);
}

#[test]
fn an_empty_file_says_a_store_was_expected() {
    let p = problems("bad/empty.ron");
    assert!(has(&p, "empty"), "{p:?}");
}

#[test]
fn binary_garbage_is_reported_not_panicked_on() {
    let p = problems("bad/binary.ron");
    assert_eq!(p.len(), 1);
    assert!(p[0].file.ends_with("binary.ron"));
}

#[test]
fn latin1_text_is_reported_as_not_utf8_at_its_line_and_column() {
    let p = problems("bad/latin1.ron");
    assert!(has(&p, "UTF-8"));
    assert_eq!((p[0].line, p[0].column), (2, 13));
}

#[test]
fn a_syntax_error_names_file_line_column_and_what_was_expected() {
    let p = problems("bad/syntax.ron");
    assert_eq!(p.len(), 1);
    let text = p[0].to_string();
    assert!(text.contains("syntax.ron:4:"), "{text}");
    assert!(p[0].message.to_lowercase().contains("expected"), "{text}");
}

#[test]
fn an_unclosed_file_says_it_ends_too_early() {
    let p = problems("bad/unclosed.ron");
    assert!(p[0].line >= 3, "{:?}", p[0]);
}

#[test]
fn a_future_format_version_is_named() {
    let p = problems("bad/future_version.ron");
    assert!(has(&p, "unknown format version 2"), "{p:?}");
    assert_eq!(p[0].line, 1);
}

#[test]
fn an_unknown_field_is_named() {
    let p = problems("bad/unknown_field.ron");
    assert!(has(&p, "colour"), "{p:?}");
    assert_eq!(p[0].line, 3);
}

#[test]
fn every_semantic_problem_is_reported_together_with_its_line() {
    let p = problems("bad/semantic.ron");
    for needle in [
        "latitude 91.5",
        "duplicate id `place-dup`",
        "lat is NaN",
        "ends (2021) before it starts (2024)",
        "1850 is outside",
        "unknown id `place-ghost`",
        "unknown id `src-missing`",
        "value is inf",
        "is in `USD bn` but the series is in `% of GDP`",
    ] {
        assert!(has(&p, needle), "missing {needle:?} in {p:#?}");
    }
    // Each problem points at the line of its record or value.
    let dup = p
        .iter()
        .find(|p| p.message.contains("duplicate"))
        .expect("dup");
    assert_eq!(dup.line, 11);
    let ghost = p
        .iter()
        .find(|p| p.message.contains("place-ghost"))
        .expect("ghost");
    assert_eq!(ghost.line, 19);
    let unit = p
        .iter()
        .find(|p| p.message.contains("USD bn"))
        .expect("unit");
    assert_eq!(unit.line, 32);
}

#[test]
fn a_missing_path_is_unreadable_not_invalid() {
    let err = store::load_path(&fixture("no/such/store.ron")).expect_err("missing");
    assert!(matches!(err, LoadError::Unreadable { .. }));
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse 100 MB file: cheap to make, larger than the limit.
    file.set_len(100 * 1024 * 1024).expect("set_len");
    let err = store::load_path(&path).expect_err("too large");
    let LoadError::Invalid(p) = err else {
        panic!("expected a problem")
    };
    assert!(p[0].message.contains("at most"), "{p:?}");
}

#[test]
fn random_bytes_never_panic_the_loader() {
    // A small deterministic generator: the loader must answer every input with Ok or problems.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let seed = std::fs::read(fixture("good/minimal.ron")).expect("fixture");
    for round in 0..300 {
        let mut bytes = seed.clone();
        for _ in 0..(1 + round % 7) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let i = (x as usize) % bytes.len();
            bytes[i] = (x >> 32) as u8;
        }
        let _ = store::load_texts(&[("fuzz.ron".to_owned(), bytes)]);
    }
}

#[test]
fn the_embedded_default_store_is_valid() {
    match store::embedded() {
        Ok(loaded) => assert!(!loaded.store.name.is_empty() || loaded.store.sources.is_empty()),
        Err(p) => panic!(
            "the default store has problems:\n{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}
