//! The codes charts are keyed by: indicator codes and their short names, the order and
//! emphasis of economies, their ISO and Hangul names, and how a value is printed.

use std::collections::BTreeMap;

use crate::analysis::countries::alpha2;
use crate::model::{PlaceKind, Store};

/// Indicator code of gross domestic expenditure on R&D as % of GDP.
pub const GERD: &str = "GERD_PCT_GDP";
/// Indicator code of business enterprise expenditure on R&D as % of GDP.
pub const BERD: &str = "BERD_PCT_GDP";
/// Indicator code of the share of world PCT applications.
pub const PCT_SHARE: &str = "PCT_SHARE_WORLD";
/// Indicator code of PCT application counts.
pub const PCT_COUNT: &str = "PCT_APPLICATIONS";
/// The field name of patent series that cover every technology sector.
pub const ALL_FIELDS: &str = "All fields";

/// The order economies are listed in: Korea, the EU27, the European partners, the other large
/// R&D economies, the OECD total. Economies not named here follow in code order.
pub const ECONOMY_ORDER: [&str; 15] = [
    "KOR", "EUU", "GBR", "DNK", "NLD", "FIN", "ESP", "DEU", "FRA", "JPN", "CHN", "USA", "OED",
    "IND", "WLD",
];

/// Which of the two highlighted sides a series belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Emphasis {
    /// Korea: drawn thicker, in the Korea colour.
    Korea,
    /// The EU27: drawn thicker, in the Europe colour.
    Europe,
    /// Any other economy: drawn thin, in a categorical colour.
    Other,
}

impl Emphasis {
    /// The emphasis of an economy code.
    pub fn of(economy: &str) -> Self {
        match economy {
            "KOR" => Emphasis::Korea,
            "EUU" => Emphasis::Europe,
            _ => Emphasis::Other,
        }
    }
}

/// Sort key of an economy code: its place in [`ECONOMY_ORDER`], unknown codes after.
pub fn economy_rank(economy: &str) -> (usize, String) {
    let at = ECONOMY_ORDER
        .iter()
        .position(|e| *e == economy)
        .unwrap_or(ECONOMY_ORDER.len());
    (at, economy.to_owned())
}

/// The short name of an indicator code.
pub fn indicator_short(indicator: &str) -> &str {
    match indicator {
        GERD => "GERD",
        BERD => "BERD",
        PCT_SHARE => "PCT share",
        PCT_COUNT => "PCT applications",
        other => other,
    }
}

/// A value as the sources print it: up to three decimals, trailing zeros dropped
/// (4.64 stays 4.64, 2.1 stays 2.1, 1.0 becomes 1).
pub fn format_value(value: f64) -> String {
    let s = format!("{value:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// The Hangul name of an economy, where the store has a country place with one.
pub fn hangul_name<'a>(store: &'a Store, economy: &str) -> Option<&'a str> {
    let a2 = alpha2(economy)?;
    store
        .places
        .iter()
        .find(|p| p.kind == PlaceKind::Country && p.country == a2)
        .and_then(|p| p.name_ko.as_deref())
}

/// Display names of economy codes, taken from the store's indicator series (first series
/// wins), for records such as findings that carry only the code.
pub fn economy_names(store: &Store) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for s in &store.indicators {
        out.entry(s.economy.clone())
            .or_insert_with(|| s.economy_name.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_printed_as_the_sources_print_them() {
        assert_eq!(format_value(4.64), "4.64");
        assert_eq!(format_value(2.1), "2.1");
        assert_eq!(format_value(4.627), "4.627");
        assert_eq!(format_value(3.0), "3");
        assert_eq!(format_value(-0.0001), "0");
    }
}
