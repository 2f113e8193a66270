//! Briefings of the built-in store.

use super::*;

fn options() -> BuildOptions {
    BuildOptions {
        origin: "built-in default store".into(),
        written: "2026-12-01".into(),
    }
}

fn store() -> Store {
    match crate::store::embedded() {
        Ok(l) => l.into_store(),
        Err(p) => panic!("the embedded store is invalid: {p:?}"),
    }
}

#[test]
fn an_unknown_id_is_named_in_the_error() {
    let store = store();
    let ids = vec!["pair-belfast-sejong".to_owned(), "no-such-id".to_owned()];
    let err = build(&store, [], &ids, &options()).err();
    assert_eq!(
        err,
        Some(UnknownId {
            id: "no-such-id".into()
        })
    );
}

#[test]
fn a_pair_briefing_has_both_sides_the_roadmap_and_korea_s_figures() {
    let store = store();
    let b = match build(&store, [], &["pair-belfast-sejong".to_owned()], &options()) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    let item = &b.items[0];
    let side = |label: &str| {
        item.facts
            .iter()
            .find(|f| f.label == label)
            .map(|f| f.value.clone())
    };
    let Some(Value::Words(korean)) = side("Korean side") else {
        panic!("no Korean side")
    };
    assert_eq!(korean[0].ko.as_deref(), Some("세종"));
    assert!(
        matches!(side("Since"), Some(Value::Gap(_))),
        "since is a gap"
    );
    assert!(item.events.iter().any(|e| e.what.contains("roadmap")
        && e.date.map(|d| (d.year, d.month)) == Some((2024, Some(4)))));
    let economies: Vec<&str> = b.figures.gerd.iter().map(|g| g.economy.as_str()).collect();
    assert_eq!(economies, ["KOR", "GBR"]);
    assert!(b.figures.gerd.iter().all(|g| g.latest.is_some()));
    assert!(
        b.sources
            .iter()
            .any(|s| s.publisher == "Connected Places Catapult")
    );
    // Every cite points at a numbered source.
    for f in &item.facts {
        for c in &f.cites {
            assert!(c.n >= 1 && c.n <= b.sources.len());
        }
    }
    let places: Vec<&str> = b.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(places, ["place-belfast", "place-sejong"]);
}

#[test]
fn a_place_briefing_lists_its_pair_and_cohort() {
    let store = store();
    let b = match build(&store, [], &["place-busan".to_owned()], &options()) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    let busan = &b.places[0];
    assert!(
        busan
            .partnerships
            .iter()
            .any(|p| p.id == "pair-liverpool-city-region-busan")
    );
    assert!(
        busan
            .cohorts
            .iter()
            .any(|c| c.id == "cohort-world-cities-korea-2017")
    );
    assert!(
        b.items[0]
            .events
            .iter()
            .any(|e| e.kind == "Agreement" && e.what.contains("Liverpool"))
    );
    // Korea first, then the partners of its pair and cohort.
    let economies: Vec<&str> = b.figures.gerd.iter().map(|g| g.economy.as_str()).collect();
    assert_eq!(economies.first(), Some(&"KOR"));
    assert!(
        economies.contains(&"GBR") && economies.contains(&"NLD"),
        "{economies:?}"
    );
}

#[test]
fn thousands_are_grouped() {
    assert_eq!(group_thousands(3_285_147), "3,285,147");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(group_thousands(1000), "1,000");
}
