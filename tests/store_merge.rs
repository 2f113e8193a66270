//! Diff and three-way apply of stores, on the built-in store: every field kind (strings,
//! options, numbers, lists, nested milestones and citations, enums), added, removed and
//! changed records, conflicts and their resolution, identical stores.

use partnership_atlas::model::{
    Citation, EditKind, EditMark, Milestone, PartialDate, Status, Store,
};
use partnership_atlas::store::changes::{ChangeFile, Choice, apply};
use partnership_atlas::store::diff::{RecordChange, diff};
use partnership_atlas::store::kind::RecordKind;
use partnership_atlas::store::{self, embedded};

fn base() -> Store {
    embedded().expect("built-in store").into_store()
}

const PAIR: &str = "pair-belfast-sejong";

fn pair(s: &mut Store) -> &mut partnership_atlas::model::Partnership {
    s.partnerships
        .iter_mut()
        .find(|p| p.id == PAIR)
        .expect("the Belfast–Sejong pair")
}

fn milestone(title: &str) -> Milestone {
    Milestone {
        date: PartialDate {
            year: 2026,
            month: Some(11),
            day: None,
        },
        title: title.to_owned(),
        place: Some("place-sejong".to_owned()),
        sources: vec![Citation {
            source: "src-cpc-innovation-twins".into(),
            at: "p. 2".into(),
        }],
    }
}

/// The changed fields of one record, as `path: old → new` lines.
fn fields(old: &Store, new: &Store, id: &str) -> Vec<String> {
    let d = diff(old, new);
    let r = d
        .records
        .iter()
        .find(|r| r.id == id)
        .expect("the record differs");
    match &r.change {
        RecordChange::Changed(f) => f
            .iter()
            .map(|f| format!("{}: {:?} → {:?}", f.field(), f.old, f.new))
            .collect(),
        other => panic!("expected a change, got {other:?}"),
    }
}

#[test]
fn identical_stores_have_no_differences() {
    let d = diff(&base(), &base());
    assert!(d.is_empty() && d.same_records());
    assert_eq!(d.to_string(), "no differences\n");
    assert!(ChangeFile::between(&base(), &base()).is_empty());
}

#[test]
fn every_kind_of_field_is_reported_with_its_path() {
    let old = base();
    let mut new = old.clone();
    let p = pair(&mut new);
    p.name.push_str(" (renamed)"); // string
    p.since = Some(2021); // option None → Some
    p.status = Status::Active; // enum
    p.themes.push("hydrogen".into()); // list grows
    p.milestones[0].title = "Roadmap launched".into(); // nested string
    p.milestones[0].date.month = Some(5); // nested number
    p.sources[0].at = "p. 3".into(); // citation
    let f = fields(&old, &new, PAIR);
    let has = |prefix: &str| f.iter().any(|l| l.starts_with(prefix));
    for path in [
        "name:",
        "since: Some(Null)",
        "status: Some(String(\"Unknown\"))",
        "themes:",
        "milestones[0].title:",
        "milestones[0].date.month: Some(Number(4)) → Some(Number(5))",
        "sources[0].at:",
    ] {
        assert!(has(path), "{path} missing from {f:#?}");
    }
    assert_eq!(f.len(), 7, "{f:#?}");
    let text = diff(&old, &new).to_string();
    assert!(
        text.contains("~ Partnership pair-belfast-sejong — Belfast – Sejong (renamed)\n"),
        "{text}"
    );
    assert!(text.contains("    since: None → 2021\n"), "{text}");
    assert!(text.ends_with("0 added, 0 removed, 1 changed\n"), "{text}");
}

#[test]
fn added_and_removed_records_are_listed_by_kind_then_id() {
    let old = base();
    let mut new = old.clone();
    let mut place = new.places[0].clone();
    place.id = "place-zz-new".into();
    new.places.push(place);
    let gone = new.agreements.remove(0).id;
    new.edits.push(EditMark {
        record: "place-zz-new".into(),
        kind: EditKind::Added,
        on: "2026-12-01".into(),
        ..EditMark::default()
    });
    let d = diff(&old, &new);
    let lines: Vec<(RecordKind, &str)> =
        d.records.iter().map(|r| (r.kind, r.id.as_str())).collect();
    assert_eq!(
        lines,
        [
            (RecordKind::Place, "place-zz-new"),
            (RecordKind::Agreement, gone.as_str())
        ]
    );
    let text = d.to_string();
    assert!(text.contains("+ Place place-zz-new"), "{text}");
    assert!(text.contains(&format!("- Agreement {gone}")), "{text}");
    assert!(
        text.contains("+ edit mark: Added place-zz-new on 2026-12-01"),
        "{text}"
    );
    assert!(!d.same_records());
}

#[test]
fn a_change_file_round_trips_and_applies_to_the_base_exactly() {
    let old = base();
    let mut mine = old.clone();
    pair(&mut mine)
        .milestones
        .push(milestone("Workshop in Sejong"));
    mine.agreements.remove(1);
    let mut place = mine.places[0].clone();
    place.id = "place-zz-new".into();
    mine.places.push(place);
    let file = ChangeFile::between(&old, &mine);
    assert_eq!(
        (file.added.len(), file.changed.len(), file.removed.len()),
        (1, 1, 1)
    );
    assert_eq!(file.changed[0].fields, ["milestones"]);
    let text = file.to_ron().expect("ron");
    let parsed = ChangeFile::parse("c.ron", text.as_bytes()).expect("parses back");
    assert_eq!(parsed, file);
    let outcome = apply(&old, &parsed);
    assert!(outcome.is_clean(), "{}", outcome.report());
    assert!(outcome.base_matches);
    assert!(
        diff(&outcome.store, &mine).is_empty(),
        "{}",
        diff(&outcome.store, &mine)
    );
    // Applying again changes nothing: everything is identical now.
    let again = apply(&outcome.store, &parsed);
    assert!(again.is_clean() && again.added.is_empty() && again.changed.is_empty());
    assert_eq!(again.identical, 3);
    assert_eq!(again.store, outcome.store);
}

#[test]
fn fields_only_they_changed_are_taken_and_fields_we_agree_on_are_identical() {
    let old = base();
    let mut theirs = old.clone();
    pair(&mut theirs).since = Some(2020);
    pair(&mut theirs).description = "Both changed alike".into();
    let mut mine = old.clone();
    pair(&mut mine).status = Status::Active;
    pair(&mut mine).description = "Both changed alike".into();
    let outcome = apply(&mine, &ChangeFile::between(&old, &theirs));
    assert!(outcome.is_clean(), "{}", outcome.report());
    assert!(!outcome.base_matches);
    assert_eq!(outcome.identical, 1);
    assert_eq!(outcome.changed.len(), 1);
    assert_eq!(outcome.changed[0].field, "since");
    let merged = pair(&mut outcome.store.clone()).clone();
    assert_eq!((merged.since, merged.status), (Some(2020), Status::Active));
}

#[test]
fn a_field_both_changed_differently_is_a_conflict_resolved_either_way() {
    let old = base();
    let mut theirs = old.clone();
    pair(&mut theirs).milestones[0].title = "Theirs".into();
    pair(&mut theirs).since = Some(2020);
    let mut mine = old.clone();
    pair(&mut mine).milestones[0].title = "Mine".into();
    let outcome = apply(&mine, &ChangeFile::between(&old, &theirs));
    assert_eq!(outcome.conflicts.len(), 1, "{}", outcome.report());
    let c = &outcome.conflicts[0];
    assert_eq!(
        (c.kind, c.id.as_str(), c.field.as_str()),
        (RecordKind::Partnership, PAIR, "milestones[0].title")
    );
    assert_eq!(c.mine.as_ref().and_then(|v| v.as_str()), Some("Mine"));
    assert_eq!(c.theirs.as_ref().and_then(|v| v.as_str()), Some("Theirs"));
    assert!(
        outcome
            .report()
            .contains("conflict Partnership pair-belfast-sejong milestones[0].title")
    );
    // The non-conflicting change is in the outcome's store already.
    assert_eq!(pair(&mut outcome.store.clone()).since, Some(2020));
    let kept = outcome.resolve(&[Choice::Mine]).expect("valid");
    assert_eq!(pair(&mut kept.clone()).milestones[0].title, "Mine");
    let taken = outcome.resolve(&[Choice::Theirs]).expect("valid");
    assert_eq!(pair(&mut taken.clone()).milestones[0].title, "Theirs");
    assert_eq!(pair(&mut taken.clone()).since, Some(2020));
    assert!(outcome.resolve(&[]).is_err(), "a missing choice is refused");
}

#[test]
fn added_records_that_exist_and_removed_records_i_changed_are_conflicts() {
    let old = base();
    let mut theirs = old.clone();
    let mut place = theirs.places[0].clone();
    place.id = "place-zz-new".into();
    theirs.places.push(place.clone());
    let removed = theirs.agreements.remove(0);
    let mut mine = old.clone();
    place.name = "Another name".into();
    mine.places.push(place);
    mine.agreements[0].title.push_str(" (edited)");
    let outcome = apply(&mine, &ChangeFile::between(&old, &theirs));
    let fields: Vec<(&str, bool)> = outcome
        .conflicts
        .iter()
        .map(|c| (c.id.as_str(), c.theirs.is_none()))
        .collect();
    assert_eq!(
        fields,
        [("place-zz-new", false), (removed.id.as_str(), true)]
    );
    let theirs_all = outcome
        .resolve(&[Choice::Theirs, Choice::Theirs])
        .expect("valid");
    assert!(theirs_all.agreements.iter().all(|a| a.id != removed.id));
    assert_eq!(
        theirs_all
            .places
            .iter()
            .find(|p| p.id == "place-zz-new")
            .map(|p| p.name.as_str()),
        Some(old.places[0].name.as_str())
    );
    let mine_all = outcome
        .resolve(&[Choice::Mine, Choice::Mine])
        .expect("valid");
    assert_eq!(mine_all, mine);
}

#[test]
fn a_change_that_would_make_the_store_invalid_applies_nothing() {
    let old = base();
    let mut theirs = old.clone();
    pair(&mut theirs).since = Some(2020);
    let mut place = theirs.places[0].clone();
    place.id = "place-zz-new".into();
    place.sources[0].source = "src-nowhere".into();
    theirs.places.push(place);
    let outcome = apply(&old, &ChangeFile::between(&old, &theirs));
    assert!(!outcome.problems.is_empty());
    assert!(
        outcome
            .problems
            .iter()
            .any(|p| p.message.contains("src-nowhere")),
        "{:?}",
        outcome.problems
    );
    assert_eq!(outcome.store, old, "nothing applied");
    assert!(outcome.resolve(&[]).is_err());
}

#[test]
fn a_change_file_with_a_record_twice_or_bad_syntax_is_refused_with_its_line() {
    let old = base();
    let mut theirs = old.clone();
    pair(&mut theirs).since = Some(2020);
    let mut file = ChangeFile::between(&old, &theirs);
    file.removed.push(file.changed[0].before.clone());
    let text = file.to_ron().expect("ron");
    let problems = ChangeFile::parse("c.ron", text.as_bytes()).expect_err("refused");
    assert!(problems[0].message.contains("named twice"), "{problems:?}");
    assert!(problems[0].line > 1, "{problems:?}");
    let problems = ChangeFile::parse("c.ron", b"(format_version: 1,\n added: [Nope(())])")
        .expect_err("refused");
    assert_eq!(problems[0].line, 2, "{problems:?}");
    assert!(
        ChangeFile::parse("c.ron", b"(format_version: 9)").expect_err("refused")[0]
            .message
            .contains("version 9")
    );
    let _ = store::MAX_FILE_BYTES;
}

#[test]
fn appends_on_both_sides_merge_and_a_removal_against_an_append_is_a_conflict() {
    let old = base();
    let mut theirs = old.clone();
    pair(&mut theirs).milestones.push(milestone("Theirs"));
    let mut mine = old.clone();
    pair(&mut mine).milestones.push(milestone("Mine"));
    let outcome = apply(&mine, &ChangeFile::between(&old, &theirs));
    assert!(outcome.is_clean(), "{}", outcome.report());
    let titles: Vec<String> = pair(&mut outcome.store.clone())
        .milestones
        .iter()
        .map(|m| m.title.clone())
        .collect();
    assert_eq!(titles[1..], ["Mine".to_owned(), "Theirs".to_owned()]);

    let mut theirs = old.clone();
    pair(&mut theirs).milestones.clear();
    let outcome = apply(&mine, &ChangeFile::between(&old, &theirs));
    assert_eq!(outcome.conflicts.len(), 1, "{}", outcome.report());
    let shown = outcome.conflicts[0].to_string();
    assert!(
        shown.starts_with("Partnership pair-belfast-sejong milestones: both changed the list"),
        "{shown}"
    );
    assert!(
        shown.contains("\n    mine: + [1] (title: \"Mine\""),
        "{shown}"
    );
    assert!(
        shown.contains("\n    theirs: - [0] (title: \"Belfast–Sejong roadmap"),
        "{shown}"
    );
}
