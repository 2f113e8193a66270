//! A small store of indicator series for the chart tests.

use crate::model::{Citation, IndicatorSeries, Point, Source, Store};

use super::{BERD, GERD};

pub(super) fn source(id: &str, title: &str) -> Source {
    Source {
        id: id.to_owned(),
        title: title.to_owned(),
        publisher: String::new(),
        date: String::new(),
        url: None,
        licence: None,
        note: None,
        ..Default::default()
    }
}

pub(super) fn series(
    id: &str,
    ind: &str,
    eco: &str,
    name: &str,
    src: &str,
    pts: &[(i32, f64)],
) -> IndicatorSeries {
    IndicatorSeries {
        id: id.to_owned(),
        name: format!("{ind} {eco}"),
        indicator: ind.to_owned(),
        unit: "% of GDP".to_owned(),
        economy: eco.to_owned(),
        economy_name: name.to_owned(),
        field: None,
        derived: false,
        derivation: None,
        caveat: None,
        points: pts
            .iter()
            .map(|&(year, value)| Point {
                year,
                value,
                unit: None,
            })
            .collect(),
        sources: vec![Citation {
            source: src.to_owned(),
            at: "Table SRD-1".to_owned(),
        }],
    }
}

pub(super) fn store() -> Store {
    let mut berd = series("berd-kor", BERD, "KOR", "Korea", "msti", &[(2019, 3.73)]);
    berd.derived = true;
    berd.derivation = Some("GERD × business-performed share".to_owned());
    berd.sources.push(Citation {
        source: "rd7".to_owned(),
        at: String::new(),
    });
    Store {
        format_version: 1,
        sources: vec![
            source("msti", "OECD MSTI Sep-2021"),
            source("wb", "UNESCO UIS via World Bank"),
            source("rd7", "NCSES RD-7"),
        ],
        indicators: vec![
            series(
                "gerd-usa",
                GERD,
                "USA",
                "United States",
                "msti",
                &[(2018, 2.9), (2019, 3.1)],
            ),
            series("gerd-kor-wb", GERD, "KOR", "Korea", "wb", &[(2019, 4.627)]),
            series(
                "gerd-kor",
                GERD,
                "KOR",
                "Korea",
                "msti",
                &[(2016, 3.99), (2017, 4.29), (2019, 4.64), (2018, 4.52)],
            ),
            series(
                "gerd-euu",
                GERD,
                "EUU",
                "EU27",
                "msti",
                &[(2015, 2.0), (2017, 2.1), (2019, 2.12)],
            ),
            berd,
        ],
        ..Store::default()
    }
}
