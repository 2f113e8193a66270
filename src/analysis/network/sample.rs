//! A small store for tests, the demo binary and the benchmark: the four programmes the curators
//! read, with the pairs their pages name. It is not the curated default store (see `seeds/`);
//! where a page gives no start year, none is written (the Liverpool–Busan deal).

use crate::model::{
    Citation, Cohort, FORMAT_VERSION, OrgKind, Organisation, Partnership, Period, Place, PlaceKind,
    Programme, Source, Status, Store,
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

#[allow(clippy::too_many_arguments)]
fn place(
    id: &str,
    name: &str,
    ko: Option<&str>,
    kind: PlaceKind,
    country: &str,
    lat: f64,
    lon: f64,
    population: u64,
) -> Place {
    Place {
        id: id.into(),
        name: name.into(),
        name_ko: ko.map(Into::into),
        kind,
        country: country.into(),
        region: None,
        lat,
        lon,
        population: Some(population),
        geonames_id: None,
        sources: cite("src-geonames", "cities15000"),
    }
}

fn org(
    id: &str,
    name: &str,
    short: Option<&str>,
    kind: OrgKind,
    country: &str,
    place: Option<&str>,
    source: &str,
) -> Organisation {
    Organisation {
        id: id.into(),
        name: name.into(),
        name_ko: None,
        short_name: short.map(Into::into),
        kind,
        country: country.into(),
        place: place.map(Into::into),
        parent: None,
        description: String::new(),
        sources: cite(source, ""),
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

/// The sample store: UK–Korea Innovation Twins pairs, the EU World Cities cohort in Korea, the
/// JRC–KAIST cooperation and one Denmark–Korea Joint Action Plan line.
pub fn sample_store() -> Store {
    let twins = "src-cpc-twins";
    let wc = "src-eeas-world-cities";
    let jrc = "src-eeas-highlights";
    let dk = "src-dk-kr-jap";
    let mut jrc_kaist = pair(
        "pship-jrc-kaist",
        "JRC – KAIST KPC4IR",
        "prog-jrc-kaist",
        "org-jrc",
        "org-kpc4ir",
        Some(2019),
        &["smart specialisation", "industrial transition"],
        jrc,
    );
    jrc_kaist.sources = cite(jrc, "first joint workshop, Seville, July 2019");
    let mut kpc4ir = org(
        "org-kpc4ir",
        "KAIST Policy Centre for the Fourth Industrial Revolution",
        Some("KPC4IR"),
        OrgKind::ResearchInstitute,
        "KR",
        Some("place-daejeon"),
        jrc,
    );
    kpc4ir.parent = Some("org-kaist".into());
    Store {
        format_version: FORMAT_VERSION,
        name: "Sample network".into(),
        description: "A small store for tests and the demo; not the curated default store.".into(),
        sources: vec![
            source(
                twins,
                "UK – Republic of Korea Innovation Twins Programme",
                "Connected Places Catapult",
                "2024",
            ),
            source(
                wc,
                "EU's World Cities Project pairs Seoul, Suwon, Gwangju and Busan with 4 top European cities",
                "EEAS",
                "2017-03-17",
            ),
            source(jrc, "Highlights cooperation EU-Korea", "EEAS", ""),
            source(
                dk,
                "Joint Action Plan for the Strategic Partnership and the Green Growth Alliance 2021-2024",
                "Governments of Denmark and the Republic of Korea",
                "2021-04",
            ),
            source("src-geonames", "GeoNames cities15000", "GeoNames", ""),
        ],
        places: vec![
            place(
                "place-barcelona",
                "Barcelona",
                Some("바르셀로나"),
                PlaceKind::City,
                "ES",
                41.38879,
                2.15899,
                1_686_208,
            ),
            place(
                "place-belfast",
                "Belfast",
                Some("벨파스트"),
                PlaceKind::City,
                "GB",
                54.59682,
                -5.92541,
                348_005,
            ),
            place(
                "place-birmingham",
                "Birmingham",
                Some("버밍엄"),
                PlaceKind::City,
                "GB",
                52.48142,
                -1.89983,
                1_157_603,
            ),
            place(
                "place-busan",
                "Busan",
                Some("부산"),
                PlaceKind::City,
                "KR",
                35.10168,
                129.03004,
                3_285_147,
            ),
            place(
                "place-daegu",
                "Daegu",
                Some("대구"),
                PlaceKind::City,
                "KR",
                35.87028,
                128.59111,
                2_365_523,
            ),
            place(
                "place-daejeon",
                "Daejeon",
                Some("대전"),
                PlaceKind::City,
                "KR",
                36.34913,
                127.38493,
                1_441_203,
            ),
            place(
                "place-eindhoven",
                "Eindhoven",
                Some("에인트호번"),
                PlaceKind::City,
                "NL",
                51.44083,
                5.47778,
                235_691,
            ),
            place(
                "place-glasgow",
                "Glasgow",
                Some("글래스고"),
                PlaceKind::City,
                "GB",
                55.86515,
                -4.25763,
                626_410,
            ),
            place(
                "place-gwangju",
                "Gwangju",
                Some("광주"),
                PlaceKind::City,
                "KR",
                35.15472,
                126.91556,
                1_401_235,
            ),
            place(
                "place-liverpool-city-region",
                "Liverpool City Region",
                Some("리버풀"),
                PlaceKind::CityRegion,
                "GB",
                53.41058,
                -2.97794,
                496_770,
            ),
            place(
                "place-sejong",
                "Sejong",
                Some("세종"),
                PlaceKind::City,
                "KR",
                36.59245,
                127.29223,
                394_630,
            ),
            place(
                "place-seoul",
                "Seoul",
                Some("서울"),
                PlaceKind::City,
                "KR",
                37.566,
                126.9784,
                10_349_312,
            ),
            place(
                "place-seville",
                "Seville",
                Some("세비야"),
                PlaceKind::City,
                "ES",
                37.38283,
                -5.97317,
                686_741,
            ),
            place(
                "place-suwon",
                "Suwon",
                Some("수원"),
                PlaceKind::City,
                "KR",
                37.29111,
                127.00889,
                1_234_582,
            ),
            place(
                "place-tampere",
                "Tampere",
                Some("탐페레"),
                PlaceKind::City,
                "FI",
                61.49911,
                23.78712,
                260_646,
            ),
            place(
                "place-ulsan",
                "Ulsan",
                Some("울산"),
                PlaceKind::City,
                "KR",
                35.53722,
                129.31667,
                1_098_421,
            ),
        ],
        organisations: vec![
            org(
                "org-dk-ministry",
                "Danish Ministry of Higher Education and Science",
                None,
                OrgKind::Ministry,
                "DK",
                None,
                dk,
            ),
            org(
                "org-jrc",
                "Joint Research Centre",
                Some("JRC"),
                OrgKind::International,
                "EU",
                Some("place-seville"),
                jrc,
            ),
            org(
                "org-kaist",
                "Korea Advanced Institute of Science and Technology",
                Some("KAIST"),
                OrgKind::University,
                "KR",
                Some("place-daejeon"),
                jrc,
            ),
            kpc4ir,
            org(
                "org-kr-msit",
                "Ministry of Science and ICT",
                Some("MSIT"),
                OrgKind::Ministry,
                "KR",
                Some("place-sejong"),
                dk,
            ),
            org(
                "org-scottish-cities-alliance",
                "Scottish Cities Alliance",
                None,
                OrgKind::Cluster,
                "GB",
                None,
                wc,
            ),
        ],
        programmes: vec![
            programme(
                "prog-dk-kr-jap",
                "Denmark–Korea Joint Action Plan 2021–2024",
                "Denmark–Korea Joint Action Plan",
                Period {
                    start: Some(2021),
                    end: Some(2024),
                },
                Status::Active,
                dk,
            ),
            programme(
                "prog-innovation-twins",
                "UK – Republic of Korea Innovation Twins Programme",
                "UK–Korea Innovation Twins",
                Period::default(),
                Status::Active,
                twins,
            ),
            programme(
                "prog-jrc-kaist",
                "EU JRC – KAIST cooperation",
                "EU JRC–KAIST cooperation",
                Period {
                    start: Some(2019),
                    end: None,
                },
                Status::Active,
                jrc,
            ),
            programme(
                "prog-world-cities",
                "EU World Cities project (Korea)",
                "EU World Cities",
                Period {
                    start: Some(2017),
                    end: Some(2018),
                },
                Status::Completed,
                wc,
            ),
        ],
        partnerships: vec![
            pair(
                "pship-belfast-sejong",
                "Belfast – Sejong",
                "prog-innovation-twins",
                "place-belfast",
                "place-sejong",
                Some(2021),
                &["smart cities", "innovation"],
                twins,
            ),
            pair(
                "pship-liverpool-busan",
                "Liverpool City Region – Busan",
                "prog-innovation-twins",
                "place-liverpool-city-region",
                "place-busan",
                None,
                &["innovation"],
                twins,
            ),
            pair(
                "pship-birmingham-ulsan",
                "Birmingham – Ulsan",
                "prog-innovation-twins",
                "place-birmingham",
                "place-ulsan",
                Some(2021),
                &["innovation"],
                twins,
            ),
            pair(
                "pship-glasgow-daegu",
                "Glasgow – Daegu",
                "prog-innovation-twins",
                "place-glasgow",
                "place-daegu",
                Some(2021),
                &["innovation"],
                twins,
            ),
            jrc_kaist,
            pair(
                "pship-dk-kr-green",
                "Denmark – Korea green transition",
                "prog-dk-kr-jap",
                "org-dk-ministry",
                "org-kr-msit",
                Some(2021),
                &["green transition"],
                dk,
            ),
        ],
        cohorts: vec![Cohort {
            id: "cohort-world-cities".into(),
            name: "EU World Cities in Korea".into(),
            programme: "prog-world-cities".into(),
            members: [
                "place-seoul",
                "place-suwon",
                "place-gwangju",
                "place-busan",
                "place-eindhoven",
                "org-scottish-cities-alliance",
                "place-tampere",
                "place-barcelona",
            ]
            .map(String::from)
            .to_vec(),
            themes: vec![
                "smart city".into(),
                "urban regeneration".into(),
                "climate change".into(),
            ],
            period: Period {
                start: Some(2017),
                end: Some(2018),
            },
            status: Status::Completed,
            description: String::new(),
            milestones: Vec::new(),
            sources: cite(wc, ""),
            ..Default::default()
        }],
        ..Store::default()
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

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "geonameid,name,ascii_name,country_code,admin1_code,latitude,longitude,population\n\
        1,Alpha,Alpha,GB,ENG,51.5,-0.1,100000\n\
        2,Beta,Beta,KR,11,37.5,127.0,200000\n\
        3,Gamma,Gamma,FI,06,61.5,23.8,x\n\
        4,Broken,Broken,DK,17,not-a-number,12.5,1\n";

    #[test]
    fn the_synthetic_store_is_the_same_on_every_run_and_skips_bad_rows() {
        let a = synthetic_store(CSV, 50, 7);
        let b = synthetic_store(CSV, 50, 7);
        assert_eq!(a, b);
        assert_eq!(
            a.places.len(),
            3,
            "the row with a broken latitude is skipped"
        );
        assert_eq!(a.partnerships.len(), 50);
        assert!(
            a.partnerships.iter().all(|p| p.a != p.b),
            "no city is paired with itself"
        );
        assert_ne!(
            synthetic_store(CSV, 50, 8).partnerships,
            a.partnerships,
            "the seed matters"
        );
    }
}
