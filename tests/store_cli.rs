//! `partnership-atlas store diff|changes|apply` through the real binary: exit codes, output,
//! and that a store is left byte-for-byte untouched unless the apply is clean.

use std::path::Path;
use std::process::{Command, Output};

use partnership_atlas::model::{Citation, Milestone, PartialDate, Store};
use partnership_atlas::store::{self, folder, save};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_partnership-atlas"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn base() -> Store {
    store::embedded().expect("built-in").into_store()
}

fn with_milestone(title: &str) -> Store {
    let mut s = base();
    let p = s
        .partnerships
        .iter_mut()
        .find(|p| p.id == "pair-belfast-sejong")
        .expect("pair");
    p.milestones.push(Milestone {
        date: PartialDate {
            year: 2026,
            month: Some(11),
            day: None,
        },
        title: title.to_owned(),
        place: None,
        sources: vec![Citation {
            source: "src-cpc-innovation-twins".into(),
            at: "p. 2".into(),
        }],
    });
    s
}

fn with_title(title: &str) -> Store {
    let mut s = base();
    let p = s
        .partnerships
        .iter_mut()
        .find(|p| p.id == "pair-belfast-sejong")
        .expect("pair");
    p.milestones[0].title = title.to_owned();
    s
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

#[test]
fn diff_exits_0_for_the_same_records_1_when_they_differ_2_when_unreadable() {
    let dir = tempfile::tempdir().expect("temp");
    let same = dir.path().join("same");
    folder::save_folder(&base(), &same).expect("saved");
    let o = run(&["store", "diff", "@builtin", p(&same)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert_eq!(out(&o), "no differences\n");

    let changed = dir.path().join("changed.ron");
    save::save_store(&with_milestone("Workshop in Sejong"), &changed).expect("saved");
    let o = run(&["store", "diff", p(&same), p(&changed)]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    assert!(text.starts_with("~ Partnership pair-belfast-sejong — Belfast – Sejong\n    milestones:\n      + [1] (title: \"Workshop in Sejong\", date: (day: None, month: 11, year: 2026)"), "{text}");
    assert!(text.contains("Workshop in Sejong"), "{text}");
    assert!(text.ends_with("0 added, 0 removed, 1 changed\n"), "{text}");
    // The output is stable: the same again.
    assert_eq!(out(&run(&["store", "diff", p(&same), p(&changed)])), text);

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(format_version: 1,\n places: [ (id: \"x\" ) ],\n)").expect("written");
    let o = run(&["store", "diff", p(&bad), p(&same)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!("{}:2:", bad.display())),
        "{}",
        err(&o)
    );
    let o = run(&[
        "store",
        "diff",
        p(&dir.path().join("missing.ron")),
        p(&same),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("cannot read"), "{}", err(&o));
}

#[test]
fn changes_then_apply_brings_a_colleague_store_to_mine() {
    let dir = tempfile::tempdir().expect("temp");
    let mine = dir.path().join("mine.ron");
    save::save_store(&with_milestone("Workshop in Sejong"), &mine).expect("saved");
    let changes = dir.path().join("changes.ron");
    let o = run(&[
        "store",
        "changes",
        "@builtin",
        p(&mine),
        "--out",
        p(&changes),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(
        out(&o).starts_with("0 added, 1 changed, 0 removed"),
        "{}",
        out(&o)
    );

    // A colleague's folder store, with a change of their own elsewhere.
    let theirs = dir.path().join("theirs");
    let mut colleague = base();
    colleague.places[0].population = Some(1);
    folder::save_folder(&colleague, &theirs).expect("saved");
    let o = run(&["store", "apply", p(&changes), "--store", p(&theirs)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(
        out(&o).contains("changed Partnership pair-belfast-sejong milestones\n"),
        "{}",
        out(&o)
    );
    assert!(
        out(&o).contains("1 changed, 0 removed, 0 identical, 0 conflict(s)"),
        "{}",
        out(&o)
    );
    let after = store::load_path(&theirs).expect("loads").store;
    assert_eq!(
        after.places[0].population,
        Some(1),
        "their own change is kept"
    );
    assert_eq!(
        after.partnerships,
        with_milestone("Workshop in Sejong").partnerships
    );

    // Applying again: nothing to change, nothing written.
    let state = folder::disk_state(&theirs);
    let o = run(&["store", "apply", p(&changes), "--store", p(&theirs)]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).contains("1 identical"), "{}", out(&o));
    assert_eq!(folder::disk_state(&theirs), state);
}

#[test]
fn apply_with_conflicts_exits_1_and_leaves_the_store_untouched() {
    let dir = tempfile::tempdir().expect("temp");
    let mine = dir.path().join("mine.ron");
    save::save_store(&with_title("Roadmap (mine)"), &mine).expect("saved");
    let changes = dir.path().join("changes.ron");
    assert_eq!(
        run(&[
            "store",
            "changes",
            "@builtin",
            p(&mine),
            "--out",
            p(&changes)
        ])
        .status
        .code(),
        Some(0)
    );
    let theirs = dir.path().join("theirs.ron");
    save::save_store(&with_title("Roadmap (theirs)"), &theirs).expect("saved");
    let before = std::fs::read(&theirs).expect("read");
    let o = run(&["store", "apply", p(&changes), "--store", p(&theirs)]);
    assert_eq!(o.status.code(), Some(1), "{}{}", out(&o), err(&o));
    assert!(out(&o).contains("conflict Partnership pair-belfast-sejong milestones[0].title: base \"Belfast–Sejong roadmap launched"), "{}", out(&o));
    assert!(
        out(&o).contains(", mine \"Roadmap (theirs)\", theirs \"Roadmap (mine)\"\n"),
        "{}",
        out(&o)
    );
    assert!(err(&o).contains("the store is untouched"), "{}", err(&o));
    assert_eq!(std::fs::read(&theirs).expect("read"), before);
}

#[test]
fn apply_refuses_a_bad_change_file_or_a_missing_store_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp");
    let target = dir.path().join("store.ron");
    save::save_store(&base(), &target).expect("saved");
    let before = std::fs::read(&target).expect("read");
    let bad = dir.path().join("bad-changes.ron");
    std::fs::write(&bad, "(format_version: 1,\n  added: [Place((id: 5))],\n)").expect("written");
    let o = run(&["store", "apply", p(&bad), "--store", p(&target)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(&format!("{}:2:", bad.display())),
        "{}",
        err(&o)
    );
    assert_eq!(std::fs::read(&target).expect("read"), before);
    let o = run(&["store", "apply", p(&bad)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("--store PATH"), "{}", err(&o));
}

#[test]
fn milestones_both_sides_appended_are_merged_mine_first() {
    let dir = tempfile::tempdir().expect("temp");
    let mine = dir.path().join("mine.ron");
    save::save_store(&with_milestone("Workshop in Sejong"), &mine).expect("saved");
    let changes = dir.path().join("changes.ron");
    assert_eq!(
        run(&[
            "store",
            "changes",
            "@builtin",
            p(&mine),
            "--out",
            p(&changes)
        ])
        .status
        .code(),
        Some(0)
    );
    let theirs = dir.path().join("theirs.ron");
    save::save_store(&with_milestone("Seminar in Belfast"), &theirs).expect("saved");
    let o = run(&["store", "apply", p(&changes), "--store", p(&theirs)]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    let after = store::load_path(&theirs).expect("loads").store;
    let pair = after
        .partnerships
        .iter()
        .find(|p| p.id == "pair-belfast-sejong")
        .expect("pair");
    let titles: Vec<&str> = pair
        .milestones
        .iter()
        .skip(1)
        .map(|m| m.title.as_str())
        .collect();
    assert_eq!(titles, ["Seminar in Belfast", "Workshop in Sejong"]);
}
