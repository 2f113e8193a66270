//! Applying random, truncated and mangled change files (seeded, a few thousand cases) never
//! panics, and never changes the store file on disk unless the apply is valid and clean.

use partnership_atlas::model::{Citation, EditKind, EditMark, Milestone, PartialDate, Store};
use partnership_atlas::store::changes::{ChangeFile, apply};
use partnership_atlas::store::diff::{FieldPath, Step};
use partnership_atlas::store::kind::RecordKind;
use partnership_atlas::store::{self, cli, save};

/// xorshift64*: a small seeded generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A smaller valid store: the built-in store without indicators, findings and cohorts.
fn small() -> Store {
    let full = store::embedded().expect("built-in").store;
    let s = Store {
        format_version: full.format_version,
        name: full.name.clone(),
        sources: full.sources.clone(),
        places: full.places.clone(),
        organisations: full.organisations.clone(),
        programmes: full.programmes.clone(),
        partnerships: full.partnerships.clone(),
        agreements: full.agreements.clone(),
        policy_measures: full.policy_measures.clone(),
        ..Store::default()
    };
    assert_eq!(store::validate(&s, "small"), Vec::new());
    s
}

fn changed(base: &Store) -> Store {
    let mut s = base.clone();
    s.partnerships[0].milestones.push(Milestone {
        date: PartialDate {
            year: 2026,
            month: Some(11),
            day: None,
        },
        title: "Workshop".into(),
        place: None,
        sources: vec![Citation {
            source: s.sources[0].id.clone(),
            at: "p. 1".into(),
        }],
    });
    s.partnerships[1].since = Some(2020);
    let mut place = s.places[0].clone();
    place.id = "place-zz-new".into();
    s.places.push(place);
    s.partnerships.pop();
    s.edits.push(EditMark {
        record: "place-zz-new".into(),
        kind: EditKind::Added,
        on: "2026-12-01".into(),
        ..EditMark::default()
    });
    s
}

const ALPHABET: &[u8] = b"()[],:\" \n0123456789abcxyzPlaceSourceNone-_.\\";

fn mangle(rng: &mut Rng, text: &[u8], ids: &[String]) -> Vec<u8> {
    let mut b = text.to_vec();
    for _ in 0..=rng.below(3) {
        let len = b.len();
        match rng.below(6) {
            0 => b.truncate(rng.below(len + 1)),
            1 if len > 0 => {
                let i = rng.below(len);
                b[i] = ALPHABET[rng.below(ALPHABET.len())];
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let j = (i + rng.below(200)).min(len);
                b.drain(i..j);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let j = (i + rng.below(400)).min(len);
                let copy = b[i..j].to_vec();
                let at = rng.below(len);
                b.splice(at..at, copy);
            }
            4 => {
                // Swap one id for another: well-formed files that may conflict or be invalid.
                let s = String::from_utf8_lossy(&b).into_owned();
                let from = &ids[rng.below(ids.len())];
                let to = &ids[rng.below(ids.len())];
                b = s.replacen(from.as_str(), to, 1 + rng.below(2)).into_bytes();
            }
            _ => {
                let i = rng.below(len + 1);
                b.insert(i, (rng.next() & 0xff) as u8);
            }
        }
    }
    b
}

#[test]
fn mangled_change_files_never_panic_and_never_touch_the_store_unless_valid() {
    let base = small();
    let text = ChangeFile::between(&base, &changed(&base))
        .to_ron()
        .expect("ron");
    let ids: Vec<String> = base
        .places
        .iter()
        .map(|p| p.id.clone())
        .take(5)
        .chain(base.partnerships.iter().map(|p| p.id.clone()).take(5))
        .chain([
            "place-zz-new".to_owned(),
            "\"".to_owned(),
            "2026".to_owned(),
        ])
        .collect();
    let dir = tempfile::tempdir().expect("temp");
    let target = dir.path().join("store.ron");
    save::save_store(&base, &target).expect("saved");
    let original = std::fs::read(&target).expect("read");
    let changes = dir.path().join("changes.ron");
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let (mut parsed, mut clean, mut written) = (0, 0, 0);
    for case in 0..2000 {
        let bytes = if case % 10 == 9 {
            (0..rng.below(300))
                .map(|_| (rng.next() & 0xff) as u8)
                .collect()
        } else {
            mangle(&mut rng, text.as_bytes(), &ids)
        };
        // In memory: parse and apply never panic; a failed apply leaves the store as it was.
        if let Ok(file) = ChangeFile::parse("c.ron", &bytes) {
            parsed += 1;
            let outcome = apply(&base, &file);
            if !outcome.problems.is_empty() {
                assert_eq!(outcome.store, base, "case {case}");
            } else if outcome.conflicts.is_empty() {
                clean += 1;
            }
        }
        // On disk, every 8th case (the full path: read, parse, apply, validate, write).
        if case % 8 == 0 {
            std::fs::write(&changes, &bytes).expect("written");
            let code = cli::apply_to(&changes, &target);
            let now = std::fs::read(&target).expect("read");
            if code == 0 && now != original {
                written += 1;
                store::load_path(&target).expect("a written store is valid");
                std::fs::write(&target, &original).expect("restored");
            } else {
                assert_eq!(
                    now, original,
                    "case {case}: exit {code} but the store changed"
                );
            }
        }
    }
    // The cases reached every outcome, or the test proves little.
    assert!(parsed > 100, "parsed {parsed}");
    assert!(clean > 20, "clean {clean}");
    assert!(written > 5, "written {written}");
    eprintln!("{parsed} parsed, {clean} clean, {written} written");
}

#[test]
fn every_truncation_of_a_change_file_is_refused_or_applies_cleanly() {
    let base = small();
    let text = ChangeFile::between(&base, &changed(&base))
        .to_ron()
        .expect("ron");
    let mut refused = 0;
    for cut in (0..text.len()).step_by(7) {
        match ChangeFile::parse("c.ron", &text.as_bytes()[..cut]) {
            Err(p) => {
                refused += 1;
                assert!(p.iter().all(|p| p.file == "c.ron"), "{p:?}");
            }
            Ok(file) => {
                let _ = apply(&base, &file);
            }
        }
    }
    assert!(refused > text.len() / 8, "{refused}");
}

/// The leaf paths of text fields people edit (names, titles, descriptions, locators).
fn text_paths(v: &serde_json::Value, path: &mut Vec<Step>, out: &mut Vec<FieldPath>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                path.push(Step::Field(k.clone()));
                if x.is_string()
                    && ["name", "title", "description", "at", "statement", "note"]
                        .contains(&k.as_str())
                {
                    out.push(FieldPath(path.clone()));
                }
                text_paths(x, path, out);
                path.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(Step::Index(i));
                text_paths(x, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[test]
fn random_edits_travel_through_a_change_file_exactly() {
    let base = small();
    let mut rng = Rng(0x0dd_ba11_5eed);
    for round in 0..40 {
        let mut mine = base.clone();
        for _ in 0..=rng.below(6) {
            let kind = RecordKind::ALL[rng.below(RecordKind::ALL.len())];
            let records = kind.values(&mine);
            if records.is_empty() {
                continue;
            }
            let (_, mut value) = records[rng.below(records.len())].clone();
            let mut paths = Vec::new();
            text_paths(&value, &mut Vec::new(), &mut paths);
            if paths.is_empty() {
                continue;
            }
            let path = &paths[rng.below(paths.len())];
            let old = path
                .get(&value)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned();
            assert!(path.set(
                &mut value,
                Some(serde_json::Value::String(format!("{old} (edit {round})")))
            ));
            kind.put_value(&mut mine, &value).expect("still a record");
        }
        if round % 3 == 0 {
            let mut place = mine.places[rng.below(mine.places.len())].clone();
            place.id = format!("place-zz-{round}");
            mine.places.push(place);
        }
        assert_eq!(store::validate(&mine, "mine"), Vec::new());
        let file = ChangeFile::between(&base, &mine);
        let text = file.to_ron().expect("ron");
        let parsed = ChangeFile::parse("c.ron", text.as_bytes()).expect("parses");
        let outcome = apply(&base, &parsed);
        assert!(outcome.is_clean(), "round {round}: {}", outcome.report());
        assert_eq!(outcome.store, mine, "round {round}");
        let again = apply(&mine, &parsed);
        assert!(again.is_clean() && again.changed.is_empty() && again.added.is_empty());
        assert_eq!(again.store, mine);
    }
}
