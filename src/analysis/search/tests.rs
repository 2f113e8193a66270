use super::*;
use crate::model::{Status, Store};

fn store() -> Store {
    crate::store::embedded()
        .expect("the embedded store loads")
        .into_store()
}

fn ids(docs: &[Doc], hits: &[Hit]) -> Vec<String> {
    hits.iter().map(|h| docs[h.doc].id.clone()).collect()
}

fn find(docs: &Index, text: &str) -> Vec<Hit> {
    search(
        docs,
        &Query::parse(text),
        &Filters::default(),
        &UserNotes::default(),
        SortBy::Kind,
        false,
    )
}

#[test]
fn every_record_of_the_store_is_indexed_once() {
    let store = store();
    let docs = index(&store);
    let total = store.programmes.len()
        + store.partnerships.len()
        + store.cohorts.len()
        + store.agreements.len()
        + store.places.len()
        + store.organisations.len()
        + store.indicators.len()
        + store.findings.len()
        + store.policy_measures.len()
        + store.sources.len();
    assert_eq!(docs.len(), total);
    assert_eq!(find(&docs, "").len(), total);
}

#[test]
fn tbc_ranks_the_agreements_whose_status_is_tbc_before_texts_that_mention_it() {
    let store = store();
    let docs = index(&store);
    let hits = find(&docs, "TBC");
    let tbc: Vec<&str> = store
        .agreements
        .iter()
        .filter(|a| a.status == Status::Tbc)
        .map(|a| a.id.as_str())
        .collect();
    assert!(tbc.len() >= 3, "{tbc:?}");
    let best = hits[0].score;
    let first: Vec<String> = hits
        .iter()
        .take_while(|h| h.score == best)
        .map(|h| docs[h.doc].id.clone())
        .collect();
    let mut first_sorted = first.clone();
    first_sorted.sort();
    let mut tbc_sorted: Vec<String> = tbc.iter().map(|s| s.to_string()).collect();
    tbc_sorted.sort();
    assert_eq!(first_sorted, tbc_sorted);
    for h in &hits[first.len()..] {
        assert_ne!(docs[h.doc].status, Some(Status::Tbc));
    }
    let s = snippets(
        &docs[hits[0].doc],
        &Query::parse("TBC"),
        &UserNotes::default(),
        2,
    );
    assert_eq!(s[0].field, "Status");
    assert_eq!(&s[0].text[s[0].ranges[0].clone()], "TBC");
}

#[test]
fn sejong_finds_the_pair_the_place_and_the_roadmap_milestone() {
    let store = store();
    let docs = index(&store);
    let q = Query::parse("Sejong");
    let hits = find(&docs, "Sejong");
    let found = ids(&docs, &hits);
    let place = store
        .places
        .iter()
        .find(|p| p.name == "Sejong")
        .expect("Sejong");
    let pair = store
        .partnerships
        .iter()
        .find(|p| p.b == place.id)
        .expect("a pair with Sejong");
    assert!(found.contains(&place.id) && found.contains(&pair.id));
    let doc = docs.iter().find(|d| d.id == pair.id).expect("indexed");
    let s = snippets(doc, &q, &UserNotes::default(), 3);
    assert!(
        s.iter()
            .any(|s| s.field.starts_with("Milestone 2024") && s.text.contains("roadmap")),
        "{s:?}"
    );
    // Name matches rank first.
    assert_eq!(hits[0].score, 0);
}

#[test]
fn a_second_word_narrows_the_hits() {
    let docs = index(&store());
    let one = find(&docs, "Sejong");
    let two = find(&docs, "Sejong mayors");
    assert!(!two.is_empty() && two.len() < one.len());
    let one_ids = ids(&docs, &one);
    assert!(ids(&docs, &two).iter().all(|id| one_ids.contains(id)));
    let phrase = find(&docs, "\"roadmap launched\"");
    assert!(!phrase.is_empty() && phrase.len() <= two.len());
}

#[test]
fn hangul_finds_the_place_and_marks_the_hangul() {
    let docs = index(&store());
    let q = Query::parse("세종");
    let hits = find(&docs, "세종");
    let place = hits
        .iter()
        .map(|h| &docs[h.doc])
        .find(|d| d.kind == Kind::Place)
        .expect("Sejong place");
    let s = snippets(place, &q, &UserNotes::default(), 1);
    assert_eq!(s[0].field, "Hangul name");
    assert_eq!(&s[0].text[s[0].ranges[0].clone()], "세종");
}

#[test]
fn chips_filter_by_kind_status_country_programme_and_years() {
    let store = store();
    let docs = index(&store);
    let all = |filters: Filters| {
        search(
            &docs,
            &Query::default(),
            &filters,
            &UserNotes::default(),
            SortBy::Name,
            false,
        )
    };
    let tbc = all(Filters {
        statuses: [Status::Tbc].into(),
        ..Filters::default()
    });
    let expected = store
        .agreements
        .iter()
        .filter(|a| a.status == Status::Tbc)
        .count()
        + store
            .partnerships
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count()
        + store
            .programmes
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count()
        + store
            .cohorts
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count();
    assert_eq!(tbc.len(), expected);
    let places = all(Filters {
        kinds: [Kind::Place].into(),
        countries: ["DK".to_owned()].into(),
        ..Filters::default()
    });
    assert!(!places.is_empty());
    assert!(
        places
            .iter()
            .all(|h| docs[h.doc].kind == Kind::Place && docs[h.doc].countries == ["DK"])
    );
    let y = all(Filters {
        kinds: [Kind::Agreement].into(),
        year_from: Some(2021),
        year_to: Some(2021),
        ..Filters::default()
    });
    assert!(!y.is_empty());
    assert!(y.iter().all(|h| {
        docs[h.doc]
            .years
            .is_some_and(|(s, e)| s <= 2021 && e >= 2021)
    }));
    let programme = store.programmes[0].id.clone();
    let p = all(Filters {
        programmes: [programme.clone()].into(),
        ..Filters::default()
    });
    assert!(
        p.iter()
            .all(|h| docs[h.doc].programme.as_deref() == Some(programme.as_str()))
    );
}

#[test]
fn the_users_notes_are_searched_and_shown_as_their_field() {
    let store = store();
    let docs = index(&store);
    let place = &store.places[0].id;
    let mut notes = UserNotes::new(7);
    notes.add(place, "Visit", "Ask about the zeppelin hangar");
    let q = Query::parse("zeppelin");
    let hits = search(&docs, &q, &Filters::default(), &notes, SortBy::Kind, false);
    assert_eq!(ids(&docs, &hits), std::slice::from_ref(place));
    let doc = &docs[hits[0].doc];
    let s = snippets(doc, &q, &notes, 2);
    assert_eq!(s[0].field, "Your note");
    assert_eq!(&s[0].text[s[0].ranges[0].clone()], "zeppelin");
    assert!(find(&docs, "zeppelin").is_empty());
}

#[test]
fn typing_letter_by_letter_gives_the_same_hits_as_a_fresh_search() {
    let docs = index(&store());
    let mut searcher = Searcher::default();
    let notes = UserNotes::default();
    let mut typed = String::new();
    for c in "belfast ro".chars() {
        typed.push(c);
        let q = Query::parse(&typed);
        let inc = searcher
            .search(&docs, &q, &Filters::default(), &notes, SortBy::Name, false)
            .to_vec();
        let fresh = search(&docs, &q, &Filters::default(), &notes, SortBy::Name, false);
        assert_eq!(inc, fresh, "after {typed:?}");
    }
    // Deleting widens again.
    let q = Query::parse("bel");
    let inc = searcher
        .search(&docs, &q, &Filters::default(), &notes, SortBy::Name, false)
        .to_vec();
    assert_eq!(
        inc,
        search(&docs, &q, &Filters::default(), &notes, SortBy::Name, false)
    );
}

#[test]
fn highlight_marks_every_match_in_the_original_text() {
    let q = Query::parse("sej");
    assert_eq!(highlight("Belfast–Sejong, SEJONG", &q), [10..13, 18..21]);
    // A text whose folding changes its length is shown unmarked rather than marked wrongly.
    assert_eq!(
        highlight("İstanbul", &Query::parse("stan")),
        vec![std::ops::Range { start: 2, end: 6 }]
    );
    // Final sigma folds like sigma, accents fold away, and the marks still cover the letters.
    assert_eq!(
        highlight("ΟΔΟΣ", &Query::parse("οδος")),
        vec![std::ops::Range { start: 0, end: 8 }]
    );
    assert_eq!(
        highlight("Taejŏn", &Query::parse("taejon")),
        vec![std::ops::Range { start: 0, end: 7 }]
    );
    // Decomposed Hangul composes only as a whole text: shown unmarked, not marked wrongly.
    use unicode_normalization::UnicodeNormalization as _;
    let decomposed: String = "세종".nfd().collect();
    assert!(highlight(&decomposed, &Query::parse("세종")).is_empty());
}

#[test]
fn older_romanisations_find_the_place_and_say_why() {
    let store = store();
    let docs = index(&store);
    for (typed, id, alias) in [
        ("Pusan", "place-busan", "Pusan"),
        ("taejon", "place-daejeon", "Taejŏn"),
        ("Taejŏn", "place-daejeon", "Taejŏn"),
        ("kwangju", "place-gwangju", "Kwangju"),
        ("kobenhavn", "place-copenhagen", "København"),
    ] {
        let hits = find(&docs, typed);
        let first = &docs[hits
            .first()
            .unwrap_or_else(|| panic!("{typed}: no hit"))
            .doc];
        assert_eq!(first.id, id, "{typed}");
        assert_eq!(hits[0].score, 0, "{typed}: an alias counts as a name");
        let s = snippets(first, &Query::parse(typed), &UserNotes::default(), 2);
        assert_eq!(s[0].field, ALSO_KNOWN_AS, "{typed}");
        assert_eq!(s[0].text, alias, "{typed}");
        assert!(!s[0].ranges.is_empty(), "{typed}: the match is marked");
    }
}

#[test]
fn every_alias_of_the_store_cites_a_source_of_the_store_and_differs_from_the_name() {
    let store = store();
    let mut n = 0;
    let named = store
        .places
        .iter()
        .map(|p| (&p.name, &p.aliases))
        .chain(store.organisations.iter().map(|o| (&o.name, &o.aliases)));
    for (name, aliases) in named {
        for a in aliases {
            n += 1;
            assert!(
                !a.name.trim().is_empty() && a.name != *name,
                "{name}: {a:?}"
            );
            assert!(
                store.sources.iter().any(|s| s.id == a.source.source),
                "{name}: {a:?}"
            );
        }
    }
    assert!(n >= 10, "only {n} aliases");
}

#[test]
fn one_more_letter_of_an_alias_refines_like_a_fresh_search() {
    let store = store();
    let docs = index(&store);
    let notes = UserNotes::default();
    let mut searcher = Searcher::default();
    let mut typed = String::new();
    for c in "taejŏn".chars() {
        typed.push(c);
        let q = Query::parse(&typed);
        let inc = searcher
            .search(&docs, &q, &Filters::default(), &notes, SortBy::Kind, false)
            .to_vec();
        assert_eq!(inc, find(&docs, &typed), "{typed}");
    }
}

#[test]
fn the_network_search_finds_a_place_by_its_older_romanisation() {
    use crate::analysis::network::{graph::Granularity, graph::Graph, search::search as find_node};
    let g = Graph::build(&store(), Granularity::Cities);
    let hits = find_node(&g, "Pusan", 3);
    assert_eq!(
        hits.first().map(|&i| g.nodes[i].name.as_str()),
        Some("Busan")
    );
    let hits = find_node(&g, "taejon", 3);
    assert_eq!(
        hits.first().map(|&i| g.nodes[i].name.as_str()),
        Some("Daejeon")
    );
}
