use super::*;
use crate::model::{Citation, Milestone, PartialDate, Source};

fn store() -> Store {
    crate::store::embedded()
        .expect("embedded store")
        .into_store()
}

fn workshop(sources: Vec<Citation>) -> Milestone {
    Milestone {
        date: PartialDate {
            year: 2026,
            month: Some(11),
            day: None,
        },
        title: "Workshop in Sejong".into(),
        place: Some("place-sejong".into()),
        sources,
    }
}

fn minutes() -> Source {
    Source {
        id: "source-workshop-minutes".into(),
        title: "Workshop minutes".into(),
        publisher: "Sejong City".into(),
        date: "2026-11".into(),
        ..Source::default()
    }
}

#[test]
fn a_milestone_with_a_new_source_is_added_with_both_marked() {
    let before = store();
    let edit = StoreEdit::AddMilestone {
        on: "pair-belfast-sejong".into(),
        milestone: workshop(vec![Citation {
            source: "source-workshop-minutes".into(),
            at: "p. 2".into(),
        }]),
        new_source: Some(minutes()),
    };
    let (after, label) = build(&before, &edit, "Kim", "2026-12-01").expect("valid");
    assert!(label.contains("Workshop in Sejong"), "{label}");
    let pair = after
        .partnerships
        .iter()
        .find(|p| p.id == "pair-belfast-sejong")
        .expect("pair");
    assert!(
        pair.milestones
            .iter()
            .any(|m| m.title == "Workshop in Sejong")
    );
    assert!(after.source("source-workshop-minutes").is_some());
    let mark = crate::ui::edit::mark(&after, "pair-belfast-sejong").expect("marked");
    assert_eq!(mark.kind, EditKind::Changed);
    assert_eq!((mark.by.as_str(), mark.on.as_str()), ("Kim", "2026-12-01"));
    let source_mark = crate::ui::edit::mark(&after, "source-workshop-minutes").expect("marked");
    assert_eq!(source_mark.kind, EditKind::Added);
    assert!(crate::store::validate(&after, "x").is_empty());
    // The store it was built from is untouched.
    assert_eq!(before, store());
}

#[test]
fn a_fact_without_a_source_is_refused_with_words() {
    let edit = StoreEdit::AddMilestone {
        on: "pair-belfast-sejong".into(),
        milestone: workshop(Vec::new()),
        new_source: None,
    };
    let e = build(&store(), &edit, "Kim", "2026-12-01").expect_err("refused");
    assert_eq!(e, [NEEDS_SOURCE]);
}

#[test]
fn a_citation_of_an_unknown_source_is_refused_by_the_validator() {
    let edit = StoreEdit::AddMilestone {
        on: "pair-belfast-sejong".into(),
        milestone: workshop(vec![Citation {
            source: "src-nowhere".into(),
            at: String::new(),
        }]),
        new_source: None,
    };
    let e = build(&store(), &edit, "", "2026-12-01").expect_err("refused");
    assert!(e.iter().any(|p| p.contains("src-nowhere")), "{e:?}");
}

#[test]
fn deleting_a_record_others_name_is_refused_and_a_free_one_goes() {
    let s = store();
    let e = build(
        &s,
        &StoreEdit::Delete {
            id: "place-sejong".into(),
        },
        "",
        "2026-12-01",
    )
    .expect_err("Sejong is named by partnerships");
    assert!(!e.is_empty());
    let (after, label) = build(
        &s,
        &StoreEdit::Delete {
            id: "pair-belfast-sejong".into(),
        },
        "",
        "2026-12-01",
    )
    .expect("a partnership nothing names can go");
    assert!(after.item("pair-belfast-sejong").is_none());
    assert!(label.contains("Belfast – Sejong"), "{label}");
}

#[test]
fn an_added_record_stays_marked_added_when_changed_later() {
    let s = store();
    let mut pair = s.partnerships[0].clone();
    pair.id = "pair-new".into();
    pair.name = "New pair".into();
    pair.milestones.clear();
    let (s2, _) = build(
        &s,
        &StoreEdit::Add {
            record: Record::Partnership(pair.clone()),
            new_source: None,
        },
        "Kim",
        "2026-12-01",
    )
    .expect("added");
    pair.since = Some(2025);
    let (s3, _) = build(
        &s2,
        &StoreEdit::Update {
            record: Record::Partnership(pair.clone()),
            new_source: None,
        },
        "Lee",
        "2026-12-02",
    )
    .expect("changed");
    let mark = crate::ui::edit::mark(&s3, "pair-new").expect("mark");
    assert_eq!(mark.kind, EditKind::Added);
    assert_eq!(mark.by, "Lee");
    assert!(
        mark.what.contains("added") && mark.what.contains("changed"),
        "{}",
        mark.what
    );
    pair.sources.clear();
    let e = build(
        &s3,
        &StoreEdit::Update {
            record: Record::Partnership(pair),
            new_source: None,
        },
        "Lee",
        "2026-12-02",
    )
    .expect_err("no source");
    assert_eq!(e, [NEEDS_SOURCE]);
}

#[test]
fn a_programme_takes_a_milestone_shown_on_its_timeline_lane_and_in_its_details() {
    let before = store();
    let edit = StoreEdit::AddMilestone {
        on: "prog-uk-korea-innovation-twins".into(),
        milestone: workshop(vec![Citation {
            source: "source-workshop-minutes".into(),
            at: "p. 1".into(),
        }]),
        new_source: Some(minutes()),
    };
    let (after, _) = build(&before, &edit, "Kim", "2026-12-01").expect("valid");
    let programme = after
        .programmes
        .iter()
        .find(|p| p.id == "prog-uk-korea-innovation-twins")
        .expect("programme");
    assert_eq!(programme.milestones.len(), 1);
    assert!(crate::store::validate(&after, "x").is_empty());
    let facts = crate::ui::details::key_facts(
        &after,
        after.item("prog-uk-korea-innovation-twins").expect("item"),
    );
    assert!(
        facts.iter().any(|f| f.contains("Workshop in Sejong")),
        "{facts:?}"
    );
    let timeline = crate::analysis::timeline::Timeline::build(
        &after,
        &crate::analysis::network::Filter::default(),
    );
    assert!(timeline.marks.iter().any(|m| {
        m.record == "prog-uk-korea-innovation-twins" && m.title == "Workshop in Sejong"
    }));
    // A milestone with no source on a programme is refused like any other.
    let bare = StoreEdit::AddMilestone {
        on: "prog-uk-korea-innovation-twins".into(),
        milestone: workshop(Vec::new()),
        new_source: None,
    };
    assert!(build(&before, &bare, "Kim", "2026-12-01").is_err());
}

#[test]
fn changing_a_milestone_needs_its_source_and_an_existing_place_in_the_list() {
    let before = store();
    let pair = "pair-belfast-sejong";
    let count = crate::ui::edit::milestones_of(&before, pair).map_or(0, <[_]>::len);
    assert!(count > 0);
    let sourceless = StoreEdit::ReplaceMilestone {
        on: pair.into(),
        index: 0,
        milestone: Some(workshop(Vec::new())),
        new_source: None,
    };
    assert!(build(&before, &sourceless, "Kim", "2026-12-01").is_err());
    let missing = StoreEdit::ReplaceMilestone {
        on: pair.into(),
        index: count,
        milestone: None,
        new_source: None,
    };
    assert!(build(&before, &missing, "Kim", "2026-12-01").is_err());
    let remove = StoreEdit::ReplaceMilestone {
        on: pair.into(),
        index: 0,
        milestone: None,
        new_source: None,
    };
    let (after, label) = build(&before, &remove, "Kim", "2026-12-01").expect("removed");
    assert!(label.starts_with("removed milestone"), "{label}");
    assert_eq!(
        crate::ui::edit::milestones_of(&after, pair).map_or(0, <[_]>::len),
        count - 1
    );
    assert!(crate::store::validate(&after, "x").is_empty());
}
