//! The seeds each target's inputs are mutated from, and `--dump-seeds`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use partnership_atlas::model::Store;
use partnership_atlas::store;

use crate::change_seeds;
use crate::targets::{self, Target};

/// Valid (and a few hand-made invalid) inputs of each target, mutated by the fuzzer.
pub fn seeds(target: Target) -> Vec<Vec<u8>> {
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

/// Writes the seeds of `targets` to `dir/<target>/seed-<n>.<ext>`.
pub fn dump_seeds(dir: &Path, targets: &[Target]) -> ExitCode {
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
