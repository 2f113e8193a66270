//! A fuzzer on stable Rust: feeds mutated inputs, in process, to the store loader and
//! validator, the notes parser and merges, the indicator CSV import, and the store change-file
//! parse, apply and resolve.
//!
//! ```sh
//! cargo run --release --example fuzz -- --iterations 200000 [--seed S] [--target store|notes|csv|changes|all]
//! ```
//!
//! Each input runs under `catch_unwind` and a time bound (`--time-limit-ms`, 2,000 by default).
//! A panic, a broken promise (see `targets.rs`) or a timeout writes the input to
//! `tests/fixtures/fuzz/` (`--out`) and fails the run; `tests/reliability_fuzz.rs` replays
//! every input saved there. The run ends with one line: `N inputs, P panics, T timeouts`.
//! `--dump-seeds DIR` writes the seeds of the chosen targets to `DIR` and exits (the
//! cargo-fuzz corpus in `fuzz/corpus/` was made so).

mod change_seeds;
mod mutate;
mod targets;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mutate::{Rng, mutate};
use partnership_atlas::model::Store;
use partnership_atlas::store;
use targets::Target;

struct Args {
    iterations: u64,
    seed: u64,
    targets: Vec<Target>,
    time_limit: Duration,
    out: PathBuf,
    dump_seeds: Option<PathBuf>,
}

const USAGE: &str = "usage: fuzz --iterations N [--seed S] [--target store|notes|csv|changes|all] \
                     [--time-limit-ms MS] [--out DIR] [--dump-seeds DIR]";

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        iterations: 200_000,
        seed: 1,
        targets: Target::ALL.to_vec(),
        time_limit: Duration::from_millis(2_000),
        out: Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz"),
        dump_seeds: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value; {USAGE}"));
        let number = |v: String| {
            v.replace('_', "")
                .parse::<u64>()
                .map_err(|e| format!("{v}: {e}"))
        };
        match flag.as_str() {
            "--iterations" | "-n" => args.iterations = number(value()?)?,
            "--seed" => args.seed = number(value()?)?,
            "--time-limit-ms" => args.time_limit = Duration::from_millis(number(value()?)?),
            "--out" => args.out = PathBuf::from(value()?),
            "--dump-seeds" => args.dump_seeds = Some(PathBuf::from(value()?)),
            "--target" => {
                let v = value()?;
                args.targets = match v.as_str() {
                    "all" => Target::ALL.to_vec(),
                    name => vec![
                        Target::from_name(name).ok_or(format!("unknown target {name}; {USAGE}"))?,
                    ],
                };
            }
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}; {USAGE}")),
        }
    }
    Ok(args)
}

/// Valid (and a few hand-made invalid) inputs of each target, mutated by the fuzzer.
fn seeds(target: Target) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    match target {
        Target::Store => {
            // Small slices of the built-in store (whole seed files are slow to parse a
            // million times): every kind of record, in the store's own format.
            if let Ok(full) = store::embedded() {
                let full = full.store;
                for i in 0..24 {
                    let slice = |n: usize| i * 2..(i * 2 + 2).min(n.max(i * 2));
                    let mut small = Store {
                        format_version: full.format_version,
                        name: full.name.clone(),
                        description: full.description.clone(),
                        ..Store::default()
                    };
                    small.sources = full
                        .sources
                        .get(slice(full.sources.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.places = full
                        .places
                        .get(slice(full.places.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.organisations = full
                        .organisations
                        .get(slice(full.organisations.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.programmes = full
                        .programmes
                        .get(slice(full.programmes.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.partnerships = full
                        .partnerships
                        .get(slice(full.partnerships.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.cohorts = full
                        .cohorts
                        .get(slice(full.cohorts.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.agreements = full
                        .agreements
                        .get(slice(full.agreements.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.indicators = full.indicators.get(i..i + 1).unwrap_or_default().to_vec();
                    for s in &mut small.indicators {
                        s.points.truncate(6);
                    }
                    small.findings = full
                        .findings
                        .get(slice(full.findings.len()))
                        .unwrap_or_default()
                        .to_vec();
                    small.policy_measures = full
                        .policy_measures
                        .get(slice(full.policy_measures.len()))
                        .unwrap_or_default()
                        .to_vec();
                    if let Ok(text) = store::save::to_ron(&small) {
                        seeds.push(text.into_bytes());
                    }
                }
            }
            for dir in [
                "tests/fixtures/good",
                "tests/fixtures/good/split",
                "tests/fixtures/bad",
            ] {
                seeds.extend(read_dir_files(&root.join(dir), "ron"));
            }
            if let Ok(b) = std::fs::read(root.join("seeds/52-indicators-ati.ron")) {
                seeds.push(b);
            }
        }
        Target::Notes => {
            seeds.push(targets::NOTES_BASE.as_bytes().to_vec());
            seeds.push(b"(format_version: 1, notes: [])".to_vec());
            seeds.push(
                r##"(format_version: 1, notes: [(id: "a", created: 1, updated: 2), (id: "b", title: "T", body: "x \"# y\n\n| a | b |\n|---|---|", tags: ["ai", "수소"], author: "", created: -5, updated: 9223372036854775807, conflict_of: Some("a"))])"##
                    .as_bytes()
                    .to_vec(),
            );
            seeds.push(
                "\u{feff}(\n    format_version: 1,\n    notes: [\n        (\n            id: \"n-1\",\n            target: Some((kind: Programme, id: \"horizon\")),\n            title: \"Tabs\\tand\\r\\nCRLF\",\n            body: r#\"Raw \"quoted\" body\n## heading\"#,\n            created: 1700000000000,\n            updated: 1700000000000,\n            deleted: false,\n        ),\n    ],\n)\n"
                    .as_bytes()
                    .to_vec(),
            );
            seeds.extend(read_dir_files(&root.join("tests/fixtures/notes"), "ron"));
        }
        Target::Changes => seeds.extend(change_seeds::seeds()),
        Target::Csv => {
            for path in read_dir_paths(&root.join("tests/fixtures/csv"), "csv") {
                if let Ok(b) = std::fs::read(&path) {
                    // The first lines are enough; whole files are slow to import a million times.
                    let end = b
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c == b'\n')
                        .nth(40)
                        .map_or(b.len(), |(i, _)| i + 1);
                    seeds.push(b[..end].to_vec());
                }
            }
            seeds.push(
                b"economy,year,indicator,value,source\nKOR,2020,GERD_PCT_GDP,4.8,\"OECD, MSTI\"\n"
                    .to_vec(),
            );
            seeds.push(
                b"country_code;year;indicator;value;source\r\nKOR;2020;GERD_PCT_GDP;NaN;x\r\n"
                    .to_vec(),
            );
        }
    }
    seeds.retain(|s| !s.is_empty());
    if seeds.is_empty() {
        seeds.push(b"()".to_vec());
    }
    seeds
}

fn read_dir_paths(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
}

fn read_dir_files(dir: &Path, ext: &str) -> Vec<Vec<u8>> {
    read_dir_paths(dir, ext)
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

/// What the watchdog needs to save the input that hangs.
struct Current {
    /// Millis since `epoch` when the current input started; 0 between inputs.
    started: AtomicU64,
    input: Mutex<(Target, u64, Vec<u8>)>,
}

fn save_input(
    out: &Path,
    target: Target,
    seed: u64,
    index: u64,
    kind: &str,
    bytes: &[u8],
) -> PathBuf {
    let path = out.join(format!(
        "{}-{kind}-seed{seed}-{index}.{}",
        target.name(),
        target.extension()
    ));
    if let Err(e) = std::fs::create_dir_all(out).and_then(|()| std::fs::write(&path, bytes)) {
        eprintln!("fuzz: could not save the input ({e}): {}", path.display());
    }
    path
}

/// Writes the seeds of `targets` to `dir/<target>/seed-<n>.<ext>`.
fn dump_seeds(dir: &Path, targets: &[Target]) -> ExitCode {
    for &t in targets {
        let sub = dir.join(t.name());
        for (i, seed) in seeds(t).iter().enumerate() {
            let path = sub.join(format!("seed-{i}.{}", t.extension()));
            if let Err(e) = std::fs::create_dir_all(&sub).and_then(|()| std::fs::write(&path, seed))
            {
                eprintln!("fuzz: could not write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.dump_seeds {
        return dump_seeds(dir, &args.targets);
    }
    // Panics are counted and saved, not printed one by one.
    let last_panic: Arc<Mutex<String>> = Arc::default();
    {
        let last_panic = Arc::clone(&last_panic);
        panic::set_hook(Box::new(move |info| {
            if let Ok(mut p) = last_panic.lock() {
                *p = info.to_string();
            }
        }));
    }
    let epoch = Instant::now();
    let current = Arc::new(Current {
        started: AtomicU64::new(0),
        input: Mutex::new((Target::Store, 0, Vec::new())),
    });
    let done = Arc::new(AtomicBool::new(false));
    // The watchdog: an input that runs past the bound cannot be stopped in process, so it is
    // saved and the run fails at once.
    {
        let current = Arc::clone(&current);
        let done = Arc::clone(&done);
        let out = args.out.clone();
        let limit = args.time_limit;
        let seed = args.seed;
        std::thread::spawn(move || {
            while !done.load(Ordering::SeqCst) {
                std::thread::sleep(Duration::from_millis(50));
                let started = current.started.load(Ordering::SeqCst);
                if started == 0 {
                    continue;
                }
                let now = epoch.elapsed().as_millis() as u64;
                if now.saturating_sub(started) > limit.as_millis() as u64 * 2 {
                    let Ok(input) = current.input.lock() else {
                        continue;
                    };
                    let (target, index, bytes) = &*input;
                    let path = save_input(&out, *target, seed, *index, "timeout", bytes);
                    eprintln!(
                        "fuzz: input {index} of {} is still running after {} ms; saved to {}",
                        target.name(),
                        now - started,
                        path.display()
                    );
                    println!("{index} inputs, 0 panics, 1 timeouts");
                    std::process::exit(1);
                }
            }
        });
    }

    let mut rng = Rng::new(args.seed);
    let corpora: Vec<(Target, Vec<Vec<u8>>)> =
        args.targets.iter().map(|&t| (t, seeds(t))).collect();
    let (mut panics, mut timeouts) = (0u64, 0u64);
    let mut slowest = (Duration::ZERO, Target::Store);
    let mut accepted = [0u64; Target::ALL.len()];
    let mut tried = [0u64; Target::ALL.len()];
    let started = Instant::now();
    let mut last_report = Instant::now();
    for index in 0..args.iterations {
        let (target, corpus) = &corpora[(index % corpora.len() as u64) as usize];
        let target = *target;
        let base = rng.pick(corpus);
        let other = rng.pick(corpus);
        // One input in a hundred is a seed as it is, so the valid paths run too.
        let input = if rng.one_in(100) {
            base.clone()
        } else {
            mutate(&mut rng, base, other)
        };
        if let Ok(mut slot) = current.input.lock() {
            slot.0 = target;
            slot.1 = index;
            slot.2.clear();
            slot.2.extend_from_slice(&input);
        }
        let t0 = Instant::now();
        current
            .started
            .store(epoch.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
        let result = panic::catch_unwind(AssertUnwindSafe(|| target.run(&input)));
        current.started.store(0, Ordering::SeqCst);
        let took = t0.elapsed();
        if took > slowest.0 {
            slowest = (took, target);
        }
        let slot = Target::ALL.iter().position(|t| *t == target).unwrap_or(0);
        tried[slot] += 1;
        if result.as_ref().is_ok_and(|ok| *ok) {
            accepted[slot] += 1;
        }
        if result.is_err() {
            panics += 1;
            let path = save_input(&args.out, target, args.seed, index, "panic", &input);
            let message = last_panic.lock().map(|p| p.clone()).unwrap_or_default();
            eprintln!(
                "fuzz: {} panicked on input {index} ({message}); saved to {}",
                target.name(),
                path.display()
            );
        } else if took > args.time_limit {
            timeouts += 1;
            let path = save_input(&args.out, target, args.seed, index, "timeout", &input);
            eprintln!(
                "fuzz: {} took {} ms on input {index}; saved to {}",
                target.name(),
                took.as_millis(),
                path.display()
            );
        }
        if last_report.elapsed() > Duration::from_secs(10) {
            last_report = Instant::now();
            let secs = started.elapsed().as_secs_f64();
            eprintln!(
                "fuzz: {index} inputs in {secs:.0} s ({:.0}/s)",
                index as f64 / secs
            );
        }
    }
    done.store(true, Ordering::SeqCst);
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "fuzz: seed {}, targets {}, {:.1} s, {:.0} inputs/s, slowest input {} ms ({})",
        args.seed,
        args.targets
            .iter()
            .map(|t| t.name())
            .collect::<Vec<_>>()
            .join(","),
        secs,
        args.iterations as f64 / secs.max(1e-9),
        slowest.0.as_millis(),
        slowest.1.name()
    );
    for (i, t) in Target::ALL.iter().enumerate() {
        if tried[i] > 0 {
            eprintln!(
                "fuzz: {}: {} inputs, {} accepted as valid",
                t.name(),
                tried[i],
                accepted[i]
            );
        }
    }
    println!(
        "{} inputs, {panics} panics, {timeouts} timeouts",
        args.iterations
    );
    if panics + timeouts > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
