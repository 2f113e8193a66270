//! Every number in the default store can be traced: the record that holds it names a source and
//! the place in it; every source says how old its facts are; conversions that are off carry a
//! caveat; and the validator refuses a figure that breaks these rules.

use std::path::Path;

use partnership_atlas::model::{
    Citation, Figure, ItemRef, Money, Period, Qualifier, Scale, Source, Store, Strand,
};

fn seed_store() -> Store {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    match partnership_atlas::store::load_path(&seeds) {
        Ok(loaded) => loaded.into_store(),
        Err(e) => panic!("seeds/ does not load: {e:?}"),
    }
}

/// True when at least one citation names a known source and says where in it.
fn located(store: &Store, cites: &[Citation]) -> bool {
    cites
        .iter()
        .any(|c| !c.at.trim().is_empty() && store.source(&c.source).is_some())
}

/// Every record id that holds a number, with its citations.
fn numbered(store: &Store) -> Vec<(String, &[Citation])> {
    let mut out: Vec<(String, &[Citation])> = Vec::new();
    for s in &store.indicators {
        if !s.points.is_empty() {
            out.push((s.id.clone(), &s.sources));
        }
    }
    for p in &store.places {
        out.push((p.id.clone(), &p.sources));
    }
    for f in &store.findings {
        if f.rank.is_some() || !f.figures.is_empty() {
            out.push((f.id.clone(), &f.sources));
        }
    }
    for m in &store.policy_measures {
        let funded = m
            .funding
            .as_ref()
            .is_some_and(|f| f.amount.is_some() || f.converted.is_some());
        if funded || !m.figures.is_empty() {
            out.push((m.id.clone(), &m.sources));
        }
    }
    for p in &store.programmes {
        if !p.figures.is_empty() {
            out.push((p.id.clone(), &p.sources));
        }
    }
    for c in &store.cohorts {
        if !c.figures.is_empty() {
            out.push((c.id.clone(), &c.sources));
        }
    }
    out
}

/// Every stated figure of the store, with the id of its record.
fn all_figures(store: &Store) -> Vec<(String, &Figure)> {
    let mut out = Vec::new();
    let ids = store
        .programmes
        .iter()
        .map(|r| r.id.as_str())
        .chain(store.cohorts.iter().map(|r| r.id.as_str()))
        .chain(store.findings.iter().map(|r| r.id.as_str()))
        .chain(store.policy_measures.iter().map(|r| r.id.as_str()));
    for id in ids {
        if let Some(item) = store.item(id) {
            for f in item.figures() {
                out.push((id.to_owned(), f));
            }
        }
    }
    out
}

#[test]
fn every_record_with_a_number_names_a_source_and_where_in_it() {
    let store = seed_store();
    let records = numbered(&store);
    assert!(
        records.len() > 250,
        "only {} records hold numbers",
        records.len()
    );
    let unlocated: Vec<&str> = records
        .iter()
        .filter(|(_, cites)| !located(&store, cites))
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(
        unlocated.is_empty(),
        "records with numbers but no located citation: {unlocated:?}"
    );
}

#[test]
fn every_stated_figure_cites_the_place_it_is_stated() {
    let store = seed_store();
    let figures = all_figures(&store);
    assert!(figures.len() >= 70, "only {} figures", figures.len());
    for (id, f) in &figures {
        assert!(
            located(&store, &f.sources) && f.sources.iter().all(|c| !c.at.trim().is_empty()),
            "{id}: figure `{}` has no located citation",
            f.what
        );
        assert!(
            !f.as_stated.trim().is_empty(),
            "{id}: `{}` has no as_stated",
            f.what
        );
        assert!(!f.unit.trim().is_empty(), "{id}: `{}` has no unit", f.what);
    }
}

#[test]
fn the_texts_second_conversion_of_the_dna_budget_and_its_public_share_are_figures() {
    let store = seed_store();
    let Some(ItemRef::PolicyMeasure(dna)) = store.item("pol-kr-dna-integration") else {
        panic!("no DNA measure")
    };
    let second = dna
        .figures
        .iter()
        .find(|f| {
            f.converted
                .as_ref()
                .is_some_and(|m| (m.value - 28.6).abs() < 1e-9)
        })
        .expect("the €28.6 m conversion");
    assert_eq!((second.value, second.unit.as_str()), (38.5, "KRW"));
    assert!(second.caveat.is_some());
    let public = dna
        .figures
        .iter()
        .find(|f| (f.value - 31.9).abs() < 1e-9)
        .expect("the public-treasury share");
    assert_eq!(public.scale, Scale::Trillion);
    let Some(ItemRef::PolicyMeasure(g5)) = store.item("pol-kr-5g-plus-strategy") else {
        panic!("no 5G+ strategy")
    };
    let target = g5
        .figures
        .iter()
        .find(|f| (f.value - 180.0).abs() < 1e-9)
        .expect("the KRW 180 tn production target");
    assert!(target.target && target.period.end == Some(2026));
}

/// KRW per EUR implied by a stated amount and its stated conversion.
fn krw_per_eur(amount: &Money, converted: &Money) -> Option<f64> {
    (amount.currency == "KRW" && converted.currency == "EUR" && converted.value != 0.0)
        .then(|| amount.absolute() / converted.absolute())
}

#[test]
fn a_won_to_euro_conversion_far_from_any_real_rate_carries_a_caveat() {
    let store = seed_store();
    let mut checked = 0;
    let plausible = 500.0..=5000.0;
    for m in &store.policy_measures {
        if let Some(f) = &m.funding
            && let (Some(a), Some(c)) = (&f.amount, &f.converted)
            && let Some(rate) = krw_per_eur(a, c)
        {
            checked += 1;
            assert!(
                plausible.contains(&rate) || f.caveat.is_some(),
                "{}: {} KRW per EUR and no caveat",
                m.id,
                rate
            );
        }
    }
    for (id, f) in all_figures(&store) {
        let amount = Money {
            currency: f.unit.clone(),
            value: f.value,
            scale: f.scale,
        };
        if let Some(c) = &f.converted
            && let Some(rate) = krw_per_eur(&amount, c)
        {
            checked += 1;
            assert!(
                plausible.contains(&rate) || f.caveat.is_some(),
                "{id}: `{}` implies {rate} KRW per EUR and has no caveat",
                f.what
            );
        }
    }
    assert!(checked >= 10, "only {checked} conversions checked");
}

#[test]
fn every_source_says_how_old_its_facts_are() {
    let store = seed_store();
    for s in &store.sources {
        let label = s.as_of_label();
        assert!(
            s.as_of().is_some() || s.edition.is_some(),
            "{}: no date, data-taken date, not-before date or edition",
            s.id
        );
        assert_ne!(label, "date unknown", "{}", s.id);
        let is_data_file = s.note.as_deref().is_some_and(|n| n.contains("shared/data"));
        if is_data_file {
            assert!(
                s.edition.is_some() || s.retrieved.is_some(),
                "{}: a data file needs its edition or the date its data were taken",
                s.id
            );
        }
    }
    let jrc = store.source("src-eeas-jrc-kaist").expect("JRC page");
    assert_eq!(
        jrc.as_of_label(),
        "undated; written in or after February 2022"
    );
    let patents = store.source("src-ncses-10558").expect("SINV-11");
    assert!(patents.as_of_label().starts_with("data taken July 2023"));
}

#[test]
fn both_msti_editions_stay_each_with_its_edition() {
    let store = seed_store();
    let e21 = store
        .source("src-ncses-6293")
        .and_then(|s| s.edition.clone());
    let e23 = store
        .source("src-ncses-10978")
        .and_then(|s| s.edition.clone());
    assert!(e21.is_some_and(|e| e.contains("September 2021")));
    assert!(e23.is_some_and(|e| e.contains("September 2023")));
    for id in ["gerd-kor-msti2021", "gerd-kor-msti2023"] {
        assert!(store.item(id).is_some(), "{id} is kept");
    }
}

#[test]
fn statuses_the_twins_page_does_not_state_are_unknown() {
    let store = seed_store();
    for p in store
        .partnerships
        .iter()
        .filter(|p| p.programme == "prog-uk-korea-innovation-twins")
    {
        assert_eq!(
            p.status,
            partnership_atlas::model::Status::Unknown,
            "{}: the page only says roadmaps are being drafted",
            p.id
        );
    }
}

fn figure(at: &str) -> Figure {
    Figure {
        what: "Jobs".into(),
        as_stated: "1.9 million jobs".into(),
        value: 1.9,
        value_high: None,
        qualifier: Qualifier::Exact,
        unit: "jobs".into(),
        scale: Scale::Million,
        period: Period::default(),
        target: true,
        converted: None,
        caveat: None,
        sources: vec![Citation {
            source: "src-a".into(),
            at: at.into(),
        }],
    }
}

fn store_with(figures: Vec<Figure>, strands: Vec<Strand>) -> Store {
    Store {
        format_version: 1,
        sources: vec![Source {
            id: "src-a".into(),
            title: "A".into(),
            ..Source::default()
        }],
        programmes: vec![partnership_atlas::model::Programme {
            id: "prog-a".into(),
            name: "A".into(),
            figures,
            strands,
            sources: vec![Citation {
                source: "src-a".into(),
                at: "p. 1".into(),
            }],
            ..Default::default()
        }],
        ..Store::default()
    }
}

#[test]
fn a_located_figure_and_a_valid_strand_pass_the_validator() {
    let strand = Strand {
        title: "Science cooperation".into(),
        sdgs: vec![9, 17],
        named: vec!["prog-a".into()],
        sources: vec![Citation {
            source: "src-a".into(),
            at: "Section 2".into(),
        }],
        ..Strand::default()
    };
    let problems =
        partnership_atlas::store::validate(&store_with(vec![figure("p. 9")], vec![strand]), "t");
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_figure_without_a_locator_or_with_a_backwards_range_is_refused() {
    let mut backwards = figure("p. 9");
    backwards.value_high = Some(1.0);
    let mut nan = figure("p. 9");
    nan.value = f64::NAN;
    let mut no_unit = figure("p. 9");
    no_unit.unit = " ".into();
    let problems = partnership_atlas::store::validate(
        &store_with(vec![figure(""), backwards, nan, no_unit], Vec::new()),
        "t",
    );
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| text.iter().any(|t| t.contains(needle));
    assert!(has("without saying where in it"), "{text:?}");
    assert!(has("value_high ≥ value"), "{text:?}");
    assert!(has("expected a finite number"), "{text:?}");
    assert!(has("has no unit"), "{text:?}");
}

#[test]
fn a_strand_naming_an_unknown_record_or_sdg_18_is_refused() {
    let strand = Strand {
        title: "Multilateral".into(),
        sdgs: vec![18],
        named: vec!["org-nowhere".into()],
        sources: vec![Citation {
            source: "src-a".into(),
            at: "Section 4".into(),
        }],
        ..Strand::default()
    };
    let problems = partnership_atlas::store::validate(&store_with(Vec::new(), vec![strand]), "t");
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|t| t.contains("SDG 18")), "{text:?}");
    assert!(text.iter().any(|t| t.contains("org-nowhere")), "{text:?}");
}
