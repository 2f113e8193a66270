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
mod seeds;
mod targets;

use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mutate::{Rng, mutate};
use seeds::{dump_seeds, seeds};
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
