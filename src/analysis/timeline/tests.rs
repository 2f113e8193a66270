//! The timeline of the built-in store and of small made-up ones.

use super::*;

fn store() -> Store {
    match crate::store::embedded() {
        Ok(loaded) => loaded.into_store(),
        Err(problems) => panic!("the default store does not load: {problems:?}"),
    }
}

fn timeline() -> Timeline {
    Timeline::build(&store(), &Filter::default())
}

fn mark<'a>(t: &'a Timeline, record: &str, title_has: &str) -> &'a Mark {
    let found = t
        .marks
        .iter()
        .find(|m| m.record == record && m.title.contains(title_has));
    let Some(m) = found else {
        panic!("no mark of {record} with {title_has:?}")
    };
    m
}

#[test]
fn the_belfast_sejong_roadmap_launch_is_a_launch_in_april_2024_in_the_innovation_twins_lane() {
    let t = timeline();
    let m = mark(&t, "pair-belfast-sejong", "roadmap");
    assert_eq!(m.kind, MarkKind::Launch);
    assert_eq!(m.date.to_string(), "2024-04");
    assert_eq!(m.precision(), Precision::Month);
    assert_eq!(Some(m.lane), t.lane_of("prog-uk-korea-innovation-twins"));
    let (a, b) = m.extent();
    assert!((a - (2024.0 + 3.0 / 12.0)).abs() < 1e-9, "{a}");
    assert!((b - (2024.0 + 4.0 / 12.0)).abs() < 1e-9, "{b}");
    assert_eq!(m.place.as_ref().map(|p| p.1.as_deref()), Some(Some("세종")));
    assert_eq!(m.parent_ko.as_deref(), Some("벨파스트 – 세종"));
    assert!(
        m.sources
            .iter()
            .any(|c| c.source == "src-cpc-innovation-twins")
    );
}

#[test]
fn items_without_a_date_are_listed_apart_and_never_placed() {
    let t = timeline();
    let undated = |id: &str| t.undated.iter().find(|u| u.record == id);
    // A pair with no start year, a programme with no period, an agreement with no year.
    for id in [
        "pair-belfast-sejong",
        "prog-uk-korea-innovation-twins",
        "agr-liverpool-city-region-busan-deal",
    ] {
        assert!(undated(id).is_some(), "{id} is listed apart");
        assert!(!t.spans.iter().any(|s| s.record == id), "{id} has no span");
    }
    assert!(
        !t.marks
            .iter()
            .any(|m| m.record == "agr-liverpool-city-region-busan-deal")
    );
    // Dated records are not listed apart.
    assert!(undated("pair-jrc-kaist-kpc4ir").is_none());
    assert!(undated("agr-dk-kr-joint-action-plan-2021").is_none());
    // An agreement under no programme gets the lane of other items.
    let Some(fta) = undated("agr-eu-kr-free-trade-agreement") else {
        panic!("the FTA has no year in the store")
    };
    assert_eq!(t.lanes[fta.lane].programme, None);
}

#[test]
fn dates_keep_the_precision_the_store_gives() {
    let t = timeline();
    let year_only = mark(&t, "pair-denmark-korea-governments", "Diplomatic relations");
    assert_eq!(year_only.precision(), Precision::Year);
    assert_eq!(year_only.extent(), (1959.0, 1960.0));
    let day = mark(&t, "pair-jrc-kaist-kpc4ir", "draft report");
    assert_eq!(day.precision(), Precision::Day);
    let (a, b) = day.extent();
    assert!(
        a > 2022.0 + 1.0 / 12.0 && b < 2022.0 + 2.0 / 12.0,
        "{a}..{b}"
    );
    // A month out of range is not trusted: the date counts as the year only.
    let odd = PartialDate {
        year: 2020,
        month: Some(13),
        day: Some(40),
    };
    assert_eq!(precision(odd), Precision::Year);
    assert_eq!(extent(odd), (2020.0, 2021.0));
}

#[test]
fn agreements_marked_tbc_in_the_source_stay_tbc_and_signed_ones_signed() {
    let t = timeline();
    let tbc = mark(&t, "agr-dk-kr-mou-tech-digitalisation-2021", "");
    assert_eq!((tbc.kind, tbc.status), (MarkKind::Agreement, Status::Tbc));
    assert_eq!(tbc.precision(), Precision::Year);
    let signed = mark(&t, "agr-dk-kr-joint-action-plan-2021", "");
    assert_eq!(signed.status, Status::Signed);
    // Its 2021–2024 period is a span as well.
    let span = t.spans.iter().find(|s| s.record == signed.record);
    assert_eq!(span.map(|s| (s.start, s.end)), Some((2021, Some(2024))));
}

#[test]
fn workshops_and_planned_events_are_told_apart_from_other_milestones() {
    let t = timeline();
    assert_eq!(
        mark(&t, "pair-jrc-kaist-kpc4ir", "in Seville").kind,
        MarkKind::Workshop
    );
    let planned = mark(&t, "cohort-world-cities-korea-2017", "concluding meeting");
    assert!(planned.planned);
    assert_eq!(planned.kind, MarkKind::Milestone);
    assert!(!mark(&t, "cohort-world-cities-korea-2017", "Launch meeting").planned);
}

#[test]
fn a_partnership_since_a_year_is_an_open_span_and_a_programme_period_a_closed_one() {
    let t = timeline();
    let Some(jrc) = t.spans.iter().find(|s| s.record == "pair-jrc-kaist-kpc4ir") else {
        panic!("no JRC–KAIST span")
    };
    assert_eq!(
        (jrc.kind, jrc.start, jrc.end),
        (SpanKind::Partnership, 2019, None)
    );
    assert_eq!(jrc.extent(), (2019.0, None));
    let Some(wc) = t
        .spans
        .iter()
        .find(|s| s.record == "prog-eu-world-cities-korea")
    else {
        panic!("no World Cities span")
    };
    assert_eq!(
        wc.extent(),
        (2017.0, Some(2019.0)),
        "2017–2018 covers both years"
    );
    assert_eq!(wc.years(), "2017–2018");
    assert_eq!(t.range().map(|r| r.0), Some(1959.0));
}

#[test]
fn the_core_range_leaves_out_an_item_decades_before_the_rest_and_nothing_else() {
    let t = timeline();
    let Some((lo, hi)) = t.core_range() else {
        panic!("the default store has dated items")
    };
    assert_eq!(
        lo, 2011.0,
        "1959 (diplomatic relations) lies 52 years before the rest"
    );
    assert_eq!(Some(hi), t.range().map(|r| r.1));
    // Evenly spread items are all kept.
    let mut even = Timeline::default();
    for year in [2000, 2005, 2010] {
        even.spans.push(Span {
            record: year.to_string(),
            lane: 0,
            kind: SpanKind::Programme,
            name: String::new(),
            name_ko: None,
            start: year,
            end: Some(year),
            status: Status::Unknown,
            sources: Vec::new(),
            outside: false,
        });
    }
    assert_eq!(even.core_range(), even.range());
    assert_eq!(Timeline::default().core_range(), None);
}

#[test]
fn the_network_filter_marks_what_it_leaves_out() {
    let s = store();
    let hide_twins = Filter {
        hidden_programmes: ["prog-uk-korea-innovation-twins".to_owned()].into(),
        ..Filter::default()
    };
    let t = Timeline::build(&s, &hide_twins);
    assert!(mark(&t, "pair-belfast-sejong", "roadmap").outside);
    assert!(!mark(&t, "pair-jrc-kaist-kpc4ir", "Seville").outside);
    let lane = t.lane_of("prog-uk-korea-innovation-twins");
    assert_eq!(lane.map(|l| t.lanes[l].outside), Some(true));

    let hide_gb = Filter {
        hidden_countries: ["GB".to_owned()].into(),
        ..Filter::default()
    };
    let t = Timeline::build(&s, &hide_gb);
    assert!(mark(&t, "pair-belfast-sejong", "roadmap").outside);
    assert!(!mark(&t, "pair-jrc-kaist-kpc4ir", "Seville").outside);
    // A cohort with members outside the UK stays.
    assert!(!mark(&t, "cohort-world-cities-korea-2017", "Launch meeting").outside);

    let hide_tbc = Filter {
        hidden_statuses: [Status::Tbc].into(),
        ..Filter::default()
    };
    let t = Timeline::build(&s, &hide_tbc);
    assert!(mark(&t, "agr-dk-kr-mou-tech-digitalisation-2021", "").outside);
    assert!(!mark(&t, "agr-dk-kr-joint-action-plan-2021", "").outside);
    assert!(
        !Timeline::build(&s, &Filter::default())
            .marks
            .iter()
            .any(|m| m.outside)
    );
}

#[test]
fn the_cursor_of_a_year_stands_after_everything_dated_in_it() {
    assert_eq!(cursor_at(2020), 2021.0);
    let t = timeline();
    let m = mark(&t, "pair-jrc-kaist-kpc4ir", "Online joint workshop");
    assert!(m.extent().1 <= cursor_at(2020));
    assert!(m.extent().0 > cursor_at(2019));
}
