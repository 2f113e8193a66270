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
    let seeds: [(Target, &[u8]); 3] = [
        (Target::Store, include_bytes!("fixtures/good/minimal.ron")),
        (Target::Notes, targets::NOTES_BASE.as_bytes()),
        (Target::Csv, include_bytes!("fixtures/csv/bad_rows.csv")),
    ];
    for (target, seed) in seeds {
        for _ in 0..300 {
            let input = mutate::mutate(&mut rng, seed, seed);
            target.run(&input);
        }
    }
}
