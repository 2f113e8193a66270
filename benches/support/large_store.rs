//! A large synthetic store for the benchmark, the network demo and load tests: every city of a
//! GeoNames `cities15000` extract as a place, and random pairs from a seeded generator. It is
//! not data, and it is not part of the shipped library; benches and examples include it with
//! `#[path = "…/support/large_store.rs"] mod large_store;`.

use partnership_atlas::model::{
    Citation, FORMAT_VERSION, Partnership, Period, Place, PlaceKind, Programme, Source, Status,
    Store,
};

fn cite(source: &str, at: &str) -> Vec<Citation> {
    vec![Citation {
        source: source.to_owned(),
        at: at.to_owned(),
    }]
}

fn source(id: &str, title: &str, publisher: &str, date: &str) -> Source {
    Source {
        id: id.into(),
        title: title.into(),
        publisher: publisher.into(),
        date: date.into(),
        url: None,
        licence: None,
        note: None,
        ..Default::default()
    }
}

fn programme(
    id: &str,
    name: &str,
    short: &str,
    period: Period,
    status: Status,
    source: &str,
) -> Programme {
    Programme {
        id: id.into(),
        name: name.into(),
        name_ko: None,
        short_name: Some(short.into()),
        sponsors: Vec::new(),
        delivery: Vec::new(),
        period,
        status,
        themes: Vec::new(),
        description: String::new(),
        sources: cite(source, ""),
        ..Default::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn pair(
    id: &str,
    name: &str,
    programme: &str,
    a: &str,
    b: &str,
    since: Option<i32>,
    themes: &[&str],
    source: &str,
) -> Partnership {
    Partnership {
        id: id.into(),
        name: name.into(),
        programme: programme.into(),
        a: a.into(),
        b: b.into(),
        themes: themes.iter().map(|t| (*t).to_owned()).collect(),
        since,
        status: Status::Active,
        description: String::new(),
        milestones: Vec::new(),
        sources: cite(source, ""),
    }
}

/// A small, seeded xorshift64* generator: the same "random" pairs on every run, no crate needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A large synthetic store for benchmarks and load tests: every city of a GeoNames
/// `cities15000` extract (CSV text with `geonameid,name,ascii_name,country_code,admin1_code,
/// latitude,longitude,population`) as a place, six programmes, and `pairs` random pairs between
/// cities from a seeded generator (so every run builds the same store). Rows that do not parse
/// are skipped.
pub fn synthetic_store(cities_csv: &str, pairs: usize, seed: u64) -> Store {
    let mut reader = csv::Reader::from_reader(cities_csv.as_bytes());
    let mut places = Vec::new();
    for record in reader.records() {
        let Ok(r) = record else { continue };
        let (Some(id), Some(name), Some(country), Some(lat), Some(lon)) =
            (r.get(0), r.get(1), r.get(3), r.get(5), r.get(6))
        else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            continue;
        };
        places.push(Place {
            id: format!("place-{id}"),
            name: name.to_owned(),
            name_ko: None,
            kind: PlaceKind::City,
            country: country.to_owned(),
            region: None,
            lat,
            lon,
            population: r.get(7).and_then(|p| p.parse().ok()),
            geonames_id: id.parse().ok(),
            aliases: Vec::new(),
            sources: cite("src-geonames", "cities15000"),
        });
    }
    let programmes: Vec<Programme> = (0..6)
        .map(|i| {
            let id = format!("prog-{i}");
            let name = format!("Synthetic programme {i}");
            programme(
                &id,
                &name,
                &name,
                Period::default(),
                Status::Active,
                "src-geonames",
            )
        })
        .collect();
    let themes = [
        "smart city",
        "energy",
        "health",
        "AI",
        "mobility",
        "water",
        "space",
        "materials",
    ];
    let mut rng = Rng(seed | 1);
    let n = places.len();
    let partnerships = if n < 2 {
        Vec::new()
    } else {
        (0..pairs)
            .map(|k| {
                let a = rng.below(n);
                let mut b = rng.below(n);
                if b == a {
                    b = (b + 1) % n;
                }
                let mut p = pair(
                    &format!("pair-{k:06}"),
                    "",
                    &format!("prog-{}", rng.below(6)),
                    &places[a].id,
                    &places[b].id,
                    (rng.below(10) != 0).then(|| 1995 + rng.below(30) as i32),
                    &[themes[rng.below(themes.len())]],
                    "src-geonames",
                );
                p.status = [Status::Active, Status::Completed, Status::Planned][rng.below(3)];
                p
            })
            .collect()
    };
    Store {
        format_version: FORMAT_VERSION,
        name: format!("Synthetic: {n} cities, {pairs} random pairs"),
        description: "Generated for benchmarks; not data.".into(),
        sources: vec![source(
            "src-geonames",
            "GeoNames cities15000",
            "GeoNames",
            "",
        )],
        places,
        programmes,
        partnerships,
        ..Store::default()
    }
}
