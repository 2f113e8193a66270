//! Search over a generated store of 100,000 records: building the index, one fresh search per
//! query, typing letter by letter (the per-keystroke cost the officer feels, target < 16 ms),
//! deleting letter by letter, the snippets of the first hits, and one frame of the browse list
//! (egui pass + tessellation, no GPU) after a keystroke.
//!
//! ```text
//! flock /tmp/cargo-heavy.lock cargo bench --bench search
//! ```
//!
//! Prints `BENCH <case> <median> ms (p90 …, max …)` per case.

use std::collections::BTreeSet;
use std::time::Instant;

use egui::{Pos2, RawInput, Rect, vec2};
use partnership_atlas::analysis::search::{
    self, Filters, Index, Query, Searcher, SortBy, UserNotes, index, snippets,
};
use partnership_atlas::model::*;
use partnership_atlas::ui::list::{self, ListState};
use partnership_atlas::ui::{ViewCtx, theme};

/// A small, seeded generator (xorshift64*), so every run times the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SYLLABLES: &[&str] = &[
    "bel", "fast", "se", "jong", "ul", "san", "bir", "ming", "ham", "gwang", "ju", "aar", "hus",
    "bu", "dae", "jeon", "liver", "pool", "inch", "eon", "cha", "ang", "won", "kol", "ding", "ode",
    "vej", "le", "ton", "mar", "sk", "gu", "po", "hang",
];
const HANGUL: &[&str] = &[
    "세", "종", "부", "산", "울", "광", "주", "대", "전", "인", "천", "원",
];
const WORDS: &[&str] = &[
    "innovation",
    "research",
    "hydrogen",
    "battery",
    "semiconductor",
    "smart",
    "city",
    "mobility",
    "green",
    "growth",
    "twins",
    "roadmap",
    "cooperation",
    "university",
    "cluster",
    "energy",
    "offshore",
    "wind",
    "digital",
    "health",
    "data",
    "quantum",
    "startup",
    "exchange",
    "policy",
    "mayor",
    "launched",
    "signed",
    "memorandum",
    "joint",
    "action",
    "plan",
    "ministry",
    "port",
    "shipping",
    "culture",
    "students",
    "venture",
    "capital",
    "climate",
    "water",
    "food",
];
const COUNTRIES: &[&str] = &["KR", "GB", "DK", "EU", "DE", "FR", "NL", "SE", "FI", "ES"];

fn name(r: &mut Rng) -> String {
    let n = 2 + r.below(2);
    let mut s: String = (0..n).map(|_| r.pick(SYLLABLES)).collect();
    if let Some(c) = s.get_mut(0..1) {
        c.make_ascii_uppercase();
    }
    s
}

fn text(r: &mut Rng, words: usize) -> String {
    (0..words)
        .map(|_| r.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn cite(r: &mut Rng) -> Vec<Citation> {
    vec![Citation {
        source: format!("src-{}", r.below(20)),
        at: format!("p. {}", r.below(200)),
    }]
}

/// 100,000 records: 20 sources, 20 programmes, 20,000 places, 20,000 organisations, 30,000
/// partnerships with a milestone each, 20,000 agreements, 5,000 indicator series of 10 values
/// and 4,960 findings.
fn generated_store() -> Store {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let mut s = Store {
        format_version: FORMAT_VERSION,
        ..Store::default()
    };
    for i in 0..20 {
        s.sources.push(Source {
            id: format!("src-{i}"),
            title: format!("Report on {} in {}", text(&mut r, 3), name(&mut r)),
            publisher: format!("{} Institute", name(&mut r)),
            date: format!("20{:02}", 10 + i % 12),
            url: None,
            licence: None,
            note: Some(text(&mut r, 30)),
            ..Default::default()
        });
    }
    for i in 0..20 {
        s.programmes.push(Programme {
            id: format!("prog-{i}"),
            name: format!("{} {} Programme", name(&mut r), text(&mut r, 2)),
            name_ko: None,
            short_name: Some(format!("P{i}")),
            sponsors: Vec::new(),
            delivery: Vec::new(),
            period: Period {
                start: Some(2010 + (i % 12)),
                end: None,
            },
            status: Status::Active,
            themes: vec![text(&mut r, 1), text(&mut r, 1)],
            description: text(&mut r, 60),
            sources: cite(&mut r),
            ..Default::default()
        });
    }
    for i in 0..20_000 {
        let country = r.pick(COUNTRIES);
        let ko = (country == "KR").then(|| (0..2).map(|_| r.pick(HANGUL)).collect::<String>());
        s.places.push(Place {
            id: format!("place-{i}"),
            name: name(&mut r),
            name_ko: ko,
            kind: PlaceKind::City,
            country: country.to_owned(),
            region: Some(format!("{}-do", name(&mut r))),
            lat: 0.0,
            lon: 0.0,
            population: None,
            geonames_id: None,
            aliases: Vec::new(),
            sources: cite(&mut r),
        });
    }
    for i in 0..20_000 {
        s.organisations.push(Organisation {
            id: format!("org-{i}"),
            name: format!("{} {} University", name(&mut r), text(&mut r, 1)),
            name_ko: None,
            short_name: Some(format!("U{i}")),
            kind: OrgKind::University,
            country: r.pick(COUNTRIES).to_owned(),
            place: Some(format!("place-{}", r.below(20_000))),
            parent: None,
            description: text(&mut r, 25),
            aliases: Vec::new(),
            sources: cite(&mut r),
        });
    }
    let statuses = [
        Status::Active,
        Status::Planned,
        Status::Completed,
        Status::Unknown,
    ];
    for i in 0..30_000 {
        let a = format!("place-{}", r.below(20_000));
        let b = format!("place-{}", r.below(20_000));
        s.partnerships.push(Partnership {
            id: format!("pair-{i}"),
            name: format!("{} – {}", name(&mut r), name(&mut r)),
            programme: format!("prog-{}", r.below(20)),
            a,
            b: b.clone(),
            themes: vec![text(&mut r, 1), text(&mut r, 2)],
            since: Some(2000 + r.below(25) as i32),
            status: statuses[r.below(4) as usize],
            description: text(&mut r, 30),
            milestones: vec![Milestone {
                date: PartialDate {
                    year: 2015 + r.below(10) as i32,
                    month: Some(1 + r.below(12) as u8),
                    day: None,
                },
                title: text(&mut r, 10),
                place: Some(b),
                sources: cite(&mut r),
            }],
            sources: cite(&mut r),
        });
    }
    let astatus = [Status::Signed, Status::Signed, Status::Tbc, Status::Planned];
    for i in 0..20_000 {
        s.agreements.push(Agreement {
            id: format!("agr-{i}"),
            title: format!(
                "MoU on {} between {} and {}",
                text(&mut r, 2),
                name(&mut r),
                name(&mut r)
            ),
            kind: AgreementKind::Mou,
            parties: vec![
                format!("org-{}", r.below(20_000)),
                format!("org-{}", r.below(20_000)),
            ],
            year: Some(2010 + r.below(15) as i32),
            period: None,
            status: astatus[r.below(4) as usize],
            programme: Some(format!("prog-{}", r.below(20))),
            area: Some(text(&mut r, 2)),
            note: Some(text(&mut r, 8)),
            sources: cite(&mut r),
        });
    }
    for i in 0..5_000 {
        s.indicators.push(IndicatorSeries {
            id: format!("ind-{i}"),
            name: format!("GERD, % of GDP — {} (source {})", name(&mut r), i % 20),
            indicator: "GERD_PCT_GDP".into(),
            unit: "% of GDP".into(),
            economy: "KOR".into(),
            economy_name: name(&mut r),
            field: None,
            derived: false,
            derivation: None,
            caveat: (i % 5 == 0).then(|| text(&mut r, 12)),
            points: (0..10)
                .map(|y| Point {
                    year: 2010 + y,
                    value: 1.0 + r.below(400) as f64 / 100.0,
                    unit: None,
                })
                .collect(),
            sources: cite(&mut r),
        });
    }
    for i in 0..4_960 {
        s.findings.push(Finding {
            id: format!("fin-{i}"),
            measure: text(&mut r, 3),
            economy: "KOR".into(),
            field: Some(text(&mut r, 1)),
            period: Period {
                start: Some(2018),
                end: Some(2019),
            },
            rank: Some(1 + r.below(10) as u32),
            level: Some(text(&mut r, 2)),
            change: None,
            statement: text(&mut r, 15),
            sources: cite(&mut r),
            ..Default::default()
        });
    }
    s
}

fn stats(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.9), at(1.0))
}

fn report(case: &str, samples: Vec<f64>, extra: &str) {
    let (median, p90, max) = stats(samples);
    println!("BENCH {case} {median:.3} ms (p90 {p90:.3} ms, max {max:.3} ms{extra})");
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wants = |s: &str| filter.as_deref().is_none_or(|f| s.contains(f));
    let store = std::sync::Arc::new(generated_store());
    eprintln!("generated store: {}", store.summary());
    let mut docs = Index::default();
    let mut samples = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        docs = index(&store);
        samples.push(ms(t));
    }
    report(
        "search_index_build_100k",
        samples,
        &format!(", {} docs", docs.len()),
    );
    if wants("list_rows_worker_100k") {
        // What opening a large store costs the UI thread now: handing the shared store to the
        // worker (the index itself is built there), and how long until the rows are ready.
        let mut ui = Vec::new();
        let mut ready = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            let mut rows = list::Rows::build(&store, None);
            ui.push(ms(t));
            std::hint::black_box(rows.wait().map(|i| i.len()));
            ready.push(ms(t));
        }
        report(
            "list_rows_worker_ui_thread_100k",
            ui,
            ", Rows::build returns",
        );
        report(
            "list_rows_worker_ready_100k",
            ready,
            ", until the index is ready",
        );
    }
    let notes = UserNotes::default();
    let none = Filters::default();

    let queries = [
        ("tbc", "TBC"),
        ("sejong", "sejong"),
        ("two_words", "belfast roadmap"),
        ("phrase", "\"innovation twins\""),
        ("hangul", "세종"),
        ("no_hit", "zzzz"),
        ("empty", ""),
    ];
    for (label, q) in queries {
        let case = format!("search_fresh_{label}_100k");
        if !wants(&case) {
            continue;
        }
        let query = Query::parse(q);
        let mut samples = Vec::new();
        let mut hits = 0;
        for _ in 0..15 {
            let t = Instant::now();
            let h = search::search(&docs, &query, &none, &notes, SortBy::Kind, false);
            samples.push(ms(t));
            hits = h.len();
            std::hint::black_box(h);
        }
        report(&case, samples, &format!(", {hits} hits"));
    }

    let typed = "innovation twins belfast";
    if wants("search_keystroke_typing_100k") {
        let mut samples = Vec::new();
        for _ in 0..5 {
            let mut searcher = Searcher::default();
            let mut text = String::new();
            for c in typed.chars() {
                text.push(c);
                let t = Instant::now();
                let q = Query::parse(&text);
                let n = searcher
                    .search(&docs, &q, &none, &notes, SortBy::Kind, false)
                    .len();
                samples.push(ms(t));
                if std::env::var_os("BENCH_STEPS").is_some() {
                    eprintln!("  {text:?}: {:.2} ms, {n} hits", samples[samples.len() - 1]);
                }
                std::hint::black_box(n);
            }
        }
        report(
            "search_keystroke_typing_100k",
            samples,
            &format!(", \"{typed}\" letter by letter"),
        );
    }
    if wants("search_keystroke_deleting_100k") {
        let mut samples = Vec::new();
        for _ in 0..3 {
            let mut searcher = Searcher::default();
            let mut text = typed.to_owned();
            while text.pop().is_some() {
                let t = Instant::now();
                let q = Query::parse(&text);
                let n = searcher
                    .search(&docs, &q, &none, &notes, SortBy::Kind, false)
                    .len();
                samples.push(ms(t));
                if std::env::var_os("BENCH_STEPS").is_some() {
                    eprintln!("  {text:?}: {:.2} ms, {n} hits", samples[samples.len() - 1]);
                }
                std::hint::black_box(n);
            }
        }
        report(
            "search_keystroke_deleting_100k",
            samples,
            ", backspace to empty with a fresh searcher (nothing typed before)",
        );
    }
    if wants("search_keystroke_deleting_after_typing_100k") {
        let mut samples = Vec::new();
        for _ in 0..3 {
            let mut searcher = Searcher::default();
            let mut text = String::new();
            for c in typed.chars() {
                text.push(c);
                let q = Query::parse(&text);
                std::hint::black_box(
                    searcher
                        .search(&docs, &q, &none, &notes, SortBy::Kind, false)
                        .len(),
                );
            }
            while text.pop().is_some() {
                let t = Instant::now();
                let q = Query::parse(&text);
                let n = searcher
                    .search(&docs, &q, &none, &notes, SortBy::Kind, false)
                    .len();
                samples.push(ms(t));
                std::hint::black_box(n);
            }
        }
        report(
            "search_keystroke_deleting_after_typing_100k",
            samples,
            ", typed letter by letter first, then backspace to empty",
        );
    }
    if wants("search_chip_status_100k") {
        let tbc = Filters {
            statuses: [Status::Tbc].into(),
            ..Filters::default()
        };
        let mut samples = Vec::new();
        let mut n = 0;
        for _ in 0..15 {
            let t = Instant::now();
            n = search::search(&docs, &Query::default(), &tbc, &notes, SortBy::Year, false).len();
            samples.push(ms(t));
        }
        report("search_chip_status_100k", samples, &format!(", {n} hits"));
    }
    if wants("search_snippets_first_50") {
        let q = Query::parse("sejong");
        let hits = search::search(&docs, &q, &none, &notes, SortBy::Kind, false);
        let mut samples = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            for h in hits.iter().take(50) {
                std::hint::black_box(snippets(&docs[h.doc], &q, &notes, 2));
            }
            samples.push(ms(t));
        }
        report("search_snippets_first_50", samples, "");
    }
    if wants("list_frame_keystroke_100k") {
        list_frames(&store, docs, typed);
    }
}

/// One egui frame of the browse list (pass + tessellation) per typed letter.
fn list_frames(store: &Store, docs: Index, typed: &str) {
    let mut rows = list::Rows::from(docs);
    let ctx = egui::Context::default();
    theme::install(&ctx);
    let noted = BTreeSet::new();
    let vctx = ViewCtx {
        store,
        selected: None,
        noted: &noted,
        hangul: false,
    };
    let mut state = ListState::default();
    let mut time = 0.0;
    let mut frame = |state: &mut ListState| {
        time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1400.0, 860.0))),
            time: Some(time),
            ..Default::default()
        };
        let t = Instant::now();
        let mut out = ctx.run_ui(input, |ui| {
            let _ = list::show(ui, &vctx, &mut rows, state, 600.0);
        });
        let p = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        // No renderer here to take the font atlas updates.
        out.textures_delta.clear();
        std::hint::black_box(p);
        ms(t)
    };
    // Warm up: fonts, and the first full search.
    for _ in 0..3 {
        frame(&mut state);
    }
    let mut samples = Vec::new();
    for _ in 0..3 {
        state.search.clear();
        frame(&mut state);
        for c in typed.chars() {
            state.search.push(c);
            samples.push(frame(&mut state));
        }
    }
    let idle: Vec<f64> = (0..20).map(|_| frame(&mut state)).collect();
    report(
        "list_frame_keystroke_100k",
        samples,
        ", one frame per typed letter",
    );
    report("list_frame_idle_100k", idle, ", same search, nothing typed");
}
