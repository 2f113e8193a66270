//! The entry points the fuzzers feed, shared by the stable fuzzer (`examples/fuzz`), the
//! cargo-fuzz targets (`fuzz/fuzz_targets/*`) and the regression test that replays every
//! saved input (`tests/reliability_fuzz.rs`).
//!
//! Each function panics when the app would misbehave on `bytes`: a panic inside the code under
//! test, or a broken promise checked here (a store that loads must save and load again the
//! same; a notes file that parses must write and read back equal; a merge never drops a note;
//! an import that succeeds yields a store without problems; applying a change file never
//! changes the store it is applied to, and a clean apply or a resolve yields a valid store).

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use partnership_atlas::model::Store;
use partnership_atlas::notes::{NotesFile, merge_import, merge3, parse_notes, to_ron};
use partnership_atlas::store;
use partnership_atlas::store::changes::{
    ChangeFile, Choice, apply_with_fingerprint, store_fingerprint,
};
use partnership_atlas::store::csv_import::{ImportOptions, import_bytes};

/// The fuzz targets, by the name given on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The store loader and validator.
    Store,
    /// The notes parser, writer and merges.
    Notes,
    /// The indicator CSV import.
    Csv,
    /// The store change-file parse, apply and conflict resolve.
    Changes,
}

impl Target {
    /// Every target, in the order `--target all` runs them.
    pub const ALL: [Target; 4] = [Target::Store, Target::Notes, Target::Csv, Target::Changes];

    /// The name used on the command line and in fixture file names.
    pub fn name(self) -> &'static str {
        match self {
            Target::Store => "store",
            Target::Notes => "notes",
            Target::Csv => "csv",
            Target::Changes => "changes",
        }
    }

    /// The target named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The file extension of its inputs.
    pub fn extension(self) -> &'static str {
        match self {
            Target::Store | Target::Notes | Target::Changes => "ron",
            Target::Csv => "csv",
        }
    }

    /// Runs the target on one input (panics on a bug); true when the input was accepted.
    pub fn run(self, bytes: &[u8]) -> bool {
        match self {
            Target::Store => fuzz_store(bytes),
            Target::Notes => fuzz_notes(bytes),
            Target::Csv => fuzz_csv(bytes),
            Target::Changes => fuzz_changes(bytes),
        }
    }

    /// The target of a saved fixture, from its file name (`store-…`, `notes-…`, `csv-…`,
    /// `changes-…`).
    pub fn of_fixture(file_name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|t| file_name.starts_with(&format!("{}-", t.name())))
    }
}

/// Store: parse and validate as the app does; a store that loads must write and load again,
/// and write the same text the second time.
pub fn fuzz_store(bytes: &[u8]) -> bool {
    let files = [("fuzz.ron".to_owned(), bytes.to_vec())];
    let Ok(loaded) = store::load_texts(&files) else {
        return false;
    };
    let text = store::save::to_ron(&loaded).expect("a store that loads can be written");
    let again = store::load_texts(&[("again.ron".to_owned(), text.clone().into_bytes())])
        .unwrap_or_else(|p| panic!("a saved store does not load again: {:?}", p.first()));
    let text2 = store::save::to_ron(&again).expect("written twice");
    assert!(text == text2, "saving a store twice gives different text");
    true
}

/// A small valid notes file every input is merged with.
pub const NOTES_BASE: &str = r#"(
    format_version: 1,
    notes: [
        (
            id: "n-base-1",
            target: Some((kind: Partnership, id: "uk-kr-twins-birmingham-daegu")),
            title: "Visit",
            body: "We met.\n\n- item",
            tags: ["visit"],
            author: "Kim",
            created: 1700000000000,
            updated: 1700000001000,
        ),
        (
            id: "n-base-2",
            title: "General",
            body: "Loose thought",
            author: "Lee",
            created: 1700000000000,
            updated: 1700000000000,
            deleted: true,
        ),
    ],
)
"#;

fn notes_base() -> &'static NotesFile {
    static BASE: OnceLock<NotesFile> = OnceLock::new();
    BASE.get_or_init(|| {
        parse_notes(NOTES_BASE.as_bytes(), Path::new("base.ron")).expect("the base notes parse")
    })
}

fn ids(file: &NotesFile) -> BTreeSet<&str> {
    file.notes.iter().map(|n| n.id.as_str()).collect()
}

/// Notes: parse; a file that parses writes and reads back equal, and merging it with another
/// file (with or without a common base) keeps every note of both.
pub fn fuzz_notes(bytes: &[u8]) -> bool {
    let Ok(file) = parse_notes(bytes, Path::new("fuzz.ron")) else {
        return false;
    };
    let text = to_ron(&file).expect("notes that parse can be written");
    let back = parse_notes(text.as_bytes(), Path::new("back.ron"))
        .unwrap_or_else(|e| panic!("written notes do not parse again: {e}"));
    assert!(back == file, "notes do not read back the same");
    let base = notes_base();
    for merged in [
        merge_import(base, &file).file,
        merge_import(&file, base).file,
        merge3(base, &file, base).file,
        merge3(base, base, &file).file,
    ] {
        let kept = ids(&merged);
        for id in ids(base).union(&ids(&file)) {
            assert!(kept.contains(id), "a merge dropped note {id}");
        }
    }
    true
}

/// A small store the CSV inputs are imported into (the places and sources of the built-in
/// store, and its first indicator series).
fn csv_store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let full = store::embedded().expect("the built-in store loads").store;
        let mut small = Store {
            format_version: full.format_version,
            name: full.name.clone(),
            sources: full.sources.clone(),
            places: full.places.clone(),
            ..Store::default()
        };
        small.indicators = full.indicators.iter().take(2).cloned().collect();
        small
    })
}

/// CSV: import into a small store; an import that succeeds yields a store without problems.
pub fn fuzz_csv(bytes: &[u8]) -> bool {
    let base = csv_store();
    let Ok(outcome) = import_bytes(
        base,
        bytes,
        Path::new("fuzz.csv"),
        &ImportOptions::default(),
    ) else {
        return false;
    };
    let problems = store::validate(&outcome.store, "imported");
    assert!(
        problems.is_empty(),
        "an import produced an invalid store: {}",
        problems[0]
    );
    true
}

/// The store every change file is applied to: the built-in store's sources, places,
/// organisations, programmes, agreements and policy measures and its first six partnerships (the whole store makes an
/// apply, which writes and hashes the store to compare fingerprints, about ten times slower),
/// and a copy of it to check that applying never changes it.
fn changes_stores() -> &'static (Store, Store) {
    static STORE: OnceLock<(Store, Store)> = OnceLock::new();
    STORE.get_or_init(|| {
        let full = store::embedded().expect("the built-in store loads").store;
        let small = Store {
            format_version: full.format_version,
            name: full.name.clone(),
            sources: full.sources.clone(),
            places: full.places.clone(),
            organisations: full.organisations.clone(),
            programmes: full.programmes.clone(),
            partnerships: full.partnerships.iter().take(6).cloned().collect(),
            agreements: full.agreements.clone(),
            policy_measures: full.policy_measures.clone(),
            ..Store::default()
        };
        let problems = store::validate(&small, "changes base");
        assert!(
            problems.is_empty(),
            "the changes base is not valid: {problems:?}"
        );
        (small.clone(), small)
    })
}

/// The store the `changes` target applies change files to (its seeds are made from it).
pub fn changes_base() -> &'static Store {
    &changes_stores().0
}

/// FNV-1a of the input: picks the conflict choices, so a saved input replays the same way.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Changes: parse a change file and apply it to [`changes_base`]. Applying never changes the
/// store it is given; an apply with problems leaves the store as it was; a clean apply yields
/// a valid store; with conflicts, resolving with choices taken from the input's hash yields a
/// valid store or says why not, and a wrong number of choices is refused.
pub fn fuzz_changes(bytes: &[u8]) -> bool {
    let Ok(file) = ChangeFile::parse("fuzz.ron", bytes) else {
        return false;
    };
    let (store, pristine) = changes_stores();
    // The base's fingerprint is taken once (it costs writing the whole store as RON).
    static FINGERPRINT: OnceLock<String> = OnceLock::new();
    let fingerprint = FINGERPRINT.get_or_init(|| store_fingerprint(store));
    let outcome = apply_with_fingerprint(store, fingerprint, &file);
    assert!(
        store == pristine,
        "applying a change file changed the store"
    );
    if !outcome.problems.is_empty() {
        assert!(
            outcome.store == *store,
            "an apply with problems changed the resulting store"
        );
        assert!(outcome.resolve(&[]).is_err(), "an invalid apply resolved");
        return false;
    }
    if outcome.conflicts.is_empty() {
        let problems = store::validate(&outcome.store, "applied");
        assert!(
            problems.is_empty(),
            "a clean apply produced an invalid store: {}",
            problems[0]
        );
        return true;
    }
    let mut bits = fnv1a(bytes);
    let choices: Vec<Choice> = outcome
        .conflicts
        .iter()
        .map(|_| {
            bits = bits.rotate_left(1);
            if bits & 1 == 0 {
                Choice::Mine
            } else {
                Choice::Theirs
            }
        })
        .collect();
    assert!(
        outcome.resolve(&choices[1..]).is_err(),
        "a resolve with a choice missing was accepted"
    );
    let resolved = outcome.resolve(&choices);
    assert!(store == pristine, "resolving conflicts changed the store");
    if let Ok(result) = resolved {
        let problems = store::validate(&result, "resolved");
        assert!(
            problems.is_empty(),
            "a resolve produced an invalid store: {}",
            problems[0]
        );
        return true;
    }
    false
}
