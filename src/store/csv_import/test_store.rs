//! The store and CSV header the import tests start from.

use std::path::Path;

use crate::model::{Citation, IndicatorSeries, Point, Source, Store};

use super::{ImportError, ImportOptions, ImportOutcome, import_bytes};

pub(super) const HEADER: &str = "country_code,country_name,year,indicator,value,source\n";

pub(super) fn base() -> Store {
    Store {
        format_version: 1,
        sources: vec![Source {
            id: "src-msti".to_owned(),
            title: "OECD MSTI Sep-2021".to_owned(),
            publisher: String::new(),
            date: String::new(),
            url: None,
            licence: None,
            note: None,
            ..Default::default()
        }],
        indicators: vec![IndicatorSeries {
            id: "gerd-kor-msti".to_owned(),
            name: "GERD, % of GDP — Korea (OECD MSTI)".to_owned(),
            indicator: "GERD_PCT_GDP".to_owned(),
            unit: "% of GDP".to_owned(),
            economy: "KOR".to_owned(),
            economy_name: "Korea".to_owned(),
            field: None,
            derived: false,
            derivation: None,
            caveat: None,
            points: vec![
                Point {
                    year: 2018,
                    value: 4.52,
                    unit: None,
                },
                Point {
                    year: 2019,
                    value: 4.64,
                    unit: None,
                },
            ],
            sources: vec![Citation {
                source: "src-msti".to_owned(),
                at: "Table SRD-1".to_owned(),
            }],
        }],
        ..Store::default()
    }
}

pub(super) fn import(text: &str) -> Result<ImportOutcome, ImportError> {
    import_bytes(
        &base(),
        text.as_bytes(),
        Path::new("new.csv"),
        &ImportOptions::default(),
    )
}
