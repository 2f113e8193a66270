//! Every input the fuzzers saved (`tests/fixtures/fuzz/`) is replayed through the same entry
//! points (`examples/fuzz/targets.rs`): each loads or is refused, without a panic, quickly.
//! A short fixed-seed run of the stable fuzzer's mutations runs too.

#[path = "../examples/fuzz/mutate.rs"]
mod mutate;
#[path = "../examples/fuzz/targets.rs"]
mod targets;

use std::time::{Duration, Instant};

use targets::Target;

#[test]
fn every_saved_fuzz_input_is_handled_without_a_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("the fixture folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let Some(target) = Target::of_fixture(name) else {
            continue;
        };
        let bytes = std::fs::read(&path).expect("read");
        let started = Instant::now();
        target.run(&bytes);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name} took {:?}",
            started.elapsed()
        );
        replayed += 1;
    }
    assert!(
        replayed >= 3,
        "only {replayed} fixtures found in {}",
        dir.display()
    );
}

#[test]
fn a_short_fixed_seed_fuzz_run_finds_no_panic() {
    let mut rng = mutate::Rng::new(13);
    let seeds: [(Target, &[u8]); 4] = [
        (Target::Store, include_bytes!("fixtures/good/minimal.ron")),
        (Target::Notes, targets::NOTES_BASE.as_bytes()),
        (Target::Csv, include_bytes!("fixtures/csv/bad_rows.csv")),
        (
            Target::Changes,
            include_bytes!("../fuzz/corpus/changes/seed-5.ron"),
        ),
    ];
    for (target, seed) in seeds {
        for _ in 0..300 {
            let input = mutate::mutate(&mut rng, seed, seed);
            target.run(&input);
        }
    }
}

/// The checked-in change-file seeds (`fuzz/corpus/changes`, written by
/// `cargo run --example fuzz -- --dump-seeds fuzz/corpus --target changes`) still parse and
/// apply to the store the `changes` target uses: the first five cleanly, the last two (made
/// against another base) with conflicts, so the fuzzers start from the valid paths.
#[test]
fn the_change_file_seeds_apply_cleanly_or_conflict_as_made() {
    use partnership_atlas::store::changes::{ChangeFile, apply};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/changes");
    let base = targets::changes_base();
    for i in 0..7 {
        let name = format!("seed-{i}.ron");
        let bytes = std::fs::read(dir.join(&name)).expect("a seed");
        let file = ChangeFile::parse(&name, &bytes).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        let outcome = apply(base, &file);
        assert!(
            outcome.problems.is_empty(),
            "{name}: {:?}",
            outcome.problems
        );
        if i < 5 {
            assert!(
                outcome.is_clean() && outcome.base_matches,
                "{name} is not clean"
            );
            assert!(Target::Changes.run(&bytes), "{name} was not accepted");
        } else {
            assert!(!outcome.conflicts.is_empty(), "{name} has no conflict");
            assert!(!outcome.base_matches, "{name} matches the base");
        }
    }
}

/// The hand-made hostile change file (unknown source, NaN coordinate, a removed record that is
/// not there, twice) is refused with a reason, not applied.
#[test]
fn a_hostile_change_file_is_refused_or_reported_not_applied() {
    use partnership_atlas::store::changes::{ChangeFile, apply};
    let bytes = include_bytes!("fixtures/fuzz/changes-hostile-bad-references.ron");
    let base = targets::changes_base();
    match ChangeFile::parse("hostile.ron", bytes) {
        Err(problems) => assert!(!problems.is_empty()),
        Ok(file) => {
            let outcome = apply(base, &file);
            assert!(!outcome.is_clean(), "a hostile change file applied cleanly");
            assert!(outcome.resolve(&[]).is_err());
        }
    }
    assert!(!Target::Changes.run(bytes));
}
