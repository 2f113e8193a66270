//! The engine's shortcuts (one corpus, kept results, hints, byte sets, bucket ordering)
//! against the plain reading of a search.

use super::*;
use crate::model::{Status, Store};

fn store() -> Store {
    crate::store::embedded()
        .expect("the embedded store loads")
        .into_store()
}

/// The plain meaning of a search, written out without any of the engine's shortcuts: each
/// term's best tier over every field that holds it, the fields and notes holding some term.
fn reference(docs: &Index, q: &Query, f: &Filters, notes: &UserNotes, sort: SortBy) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if !admits(d, f) {
            continue;
        }
        let folded: Vec<String> = d
            .fields
            .iter()
            .map(|x| crate::text::fold(&x.text))
            .collect();
        let user: Vec<String> = notes
            .fields(&d.id)
            .iter()
            .map(|x| crate::text::fold(&x.text))
            .collect();
        let mut score = 0;
        let mut all = true;
        for t in &q.terms {
            let best = folded
                .iter()
                .zip(&d.fields)
                .filter(|(x, _)| x.contains(t.as_str()))
                .map(|(_, x)| x.tier)
                .chain(
                    user.iter()
                        .filter(|u| u.contains(t.as_str()))
                        .map(|_| Tier::UserNote),
                )
                .min();
            match best {
                Some(b) => score += b as u32,
                None => all = false,
            }
        }
        if !all {
            continue;
        }
        let any = |x: &String| q.terms.iter().any(|t| x.contains(t.as_str()));
        let extra = folded.iter().skip(1).filter(|x| any(x)).count()
            + user.iter().filter(|x| any(x)).count();
        hits.push(Hit {
            doc: i,
            score,
            extra: extra.min(EXTRA_MAX as usize) as u8,
        });
    }
    hits.sort_by_key(|h| (h.score, docs[h.doc].rank[sort as usize]));
    hits
}

#[test]
fn the_engine_finds_exactly_what_the_plain_reading_of_every_query_finds() {
    let store = store();
    let docs = index(&store);
    let mut notes = UserNotes::new(3);
    notes.add(
        &store.places[0].id,
        "Harbour",
        "Ask about the roadmap and the zeppelin",
    );
    notes.add(&store.places[0].id, "Second", "belfast again");
    notes.add(&store.agreements[0].id, "", "TBC until the minister signs");
    let queries = [
        "",
        "TBC",
        "sejong",
        "se",
        "e",
        "a b c d",
        "belfast roadmap",
        "\"roadmap launched\"",
        "세종",
        "zeppelin",
        "zeppelin roadmap",
        "tbc minister",
        "busan",
        "taejon",
        "x y",
        "korea",
        "university",
        "signed 20",
        "p.",
        "—",
    ];
    let tbc = Filters {
        statuses: [Status::Tbc, Status::Signed].into(),
        ..Filters::default()
    };
    for f in [Filters::default(), tbc] {
        for sort in [SortBy::Kind, SortBy::Name, SortBy::Year] {
            let mut searcher = Searcher::default();
            for text in queries {
                let q = Query::parse(text);
                let want = reference(&docs, &q, &f, &notes, sort);
                assert_eq!(search(&docs, &q, &f, &notes, sort, false), want, "{text:?}");
                let got = searcher.search(&docs, &q, &f, &notes, sort, false).to_vec();
                assert_eq!(got, want, "searcher, {text:?}");
            }
            // Typing letter by letter and deleting again, with results kept along the way.
            let mut searcher = Searcher::default();
            let typed = "innovation se roadmap b";
            let mut steps: Vec<String> = (1..=typed.len()).map(|n| typed[..n].to_owned()).collect();
            steps.extend((0..typed.len()).rev().map(|n| typed[..n].to_owned()));
            for text in steps {
                let q = Query::parse(&text);
                let want = reference(&docs, &q, &f, &notes, sort);
                let got = searcher.search(&docs, &q, &f, &notes, sort, false).to_vec();
                assert_eq!(got, want, "typing, {text:?}");
            }
        }
    }
}

#[test]
fn ordering_many_hits_by_buckets_matches_a_sort() {
    // Enough records for the bucket walk (it takes over from the sort past 1,024 hits).
    let mut store = store();
    let places = store.places.clone();
    for i in 0..1_500 {
        let mut p = places[i % places.len()].clone();
        p.id = format!("copy-{i}");
        p.name = format!("{} {}", p.name, i % 37);
        store.places.push(p);
    }
    let docs = index(&store);
    assert!(docs.len() > 1_500);
    let mut hits: Vec<Hit> = (0..docs.len())
        .map(|d| Hit {
            doc: d,
            score: (d * 7 % 5) as u32,
            extra: 0,
        })
        .collect();
    for sort in SortBy::ALL {
        for descending in [false, true] {
            let mut want = hits.clone();
            want.sort_by_key(|h| {
                let r = docs[h.doc].rank[sort as usize];
                (h.score, if descending { u32::MAX - r } else { r })
            });
            order(&docs, &mut hits, sort, descending);
            assert_eq!(hits, want, "{sort:?} {descending}");
        }
    }
}
