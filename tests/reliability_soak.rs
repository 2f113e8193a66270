//! kill -9 soak of the app's own autosave path: a child process saves notes in a loop through
//! `NotesSession` and its background saver (`partnership-atlas --soak-notes PATH`) and is
//! killed at random moments. After every kill the file parses and holds exactly the notes of
//! one save: `soak 1` … `soak M`, with M never below what was confirmed saved before.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use partnership_atlas::notes::parse_notes;

const KILLS: usize = 20;

/// The notes on disk: the numbers of the `soak N` titles, which must be 1..=M.
fn notes_on_disk(path: &Path) -> usize {
    let Ok(bytes) = std::fs::read(path) else {
        return 0;
    };
    let file = parse_notes(&bytes, path)
        .unwrap_or_else(|e| panic!("the notes file does not parse after a kill: {e}"));
    let mut numbers: Vec<usize> = file
        .notes
        .iter()
        .map(|n| {
            n.title
                .strip_prefix("soak ")
                .and_then(|k| k.parse().ok())
                .unwrap_or_else(|| panic!("an unexpected note: {:?}", n.title))
        })
        .collect();
    numbers.sort_unstable();
    let m = numbers.len();
    assert!(
        numbers.iter().copied().eq(1..=m),
        "the file mixes saves: {numbers:?}"
    );
    m
}

#[test]
fn twenty_kills_during_autosave_never_damage_or_lose_the_notes_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.ron");
    let mut on_disk = 0;
    let mut confirmed_total = 0;
    // A fixed pseudo-random schedule of kill delays, 15..135 ms, so a failure can be rerun.
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let started = Instant::now();
    for round in 0..KILLS {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let delay = Duration::from_millis(15 + x % 120);
        let mut child = Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
            .arg("--soak-notes")
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the child");
        let confirmed = Arc::new(AtomicUsize::new(0));
        let reader = {
            let confirmed = Arc::clone(&confirmed);
            let stdout = child.stdout.take().expect("stdout");
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                    if let Some(n) = line.strip_prefix("saved ").and_then(|n| n.parse().ok()) {
                        confirmed.fetch_max(n, Ordering::SeqCst);
                    }
                }
            })
        };
        // Let the child get going (it may be slow to start on a busy machine), then kill.
        let wait_start = Instant::now();
        while confirmed.load(Ordering::SeqCst) <= on_disk
            && wait_start.elapsed() < Duration::from_secs(15)
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        if confirmed.load(Ordering::SeqCst) <= on_disk {
            let _ = child.kill();
            let _ = child.wait();
            panic!("round {round}: the child confirmed no save in 15 s");
        }
        std::thread::sleep(delay);
        child.kill().expect("kill -9");
        let _ = child.wait();
        let _ = reader.join();
        let confirmed = confirmed.load(Ordering::SeqCst);
        let now = notes_on_disk(&path);
        assert!(
            now >= confirmed,
            "round {round}: {confirmed} notes were confirmed saved but the file holds {now}"
        );
        assert!(
            now >= on_disk,
            "round {round}: the file lost notes ({on_disk} → {now})"
        );
        confirmed_total += confirmed.saturating_sub(on_disk);
        on_disk = now;
    }
    assert!(
        on_disk > KILLS,
        "the child saved {on_disk} notes in {KILLS} rounds"
    );
    assert!(confirmed_total > 0);
    eprintln!(
        "soak: {KILLS} kills, {on_disk} notes on disk, {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
