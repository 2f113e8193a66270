//! Every source of the same figure side by side for one year (GERD 2019 for Korea: the ATI
//! report, OECD MSTI, UIS …), and the year a chart should open on.

use std::collections::{BTreeMap, BTreeSet};

use crate::analysis::charts::{self, SourceRef};
use crate::model::Store;

/// One source of the figure, as a column of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareSource {
    /// The source id (a series' first citation).
    pub id: String,
    /// A short name for the column head ("OECD MSTI Sep-2021", "UNESCO UIS").
    pub short: String,
    /// The full citation, for the hover.
    pub citation: String,
}

/// One economy of the comparison: its value from each source, `None` where a source has none.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// Economy code (`KOR`, `EUU` …).
    pub economy: String,
    /// Its display name.
    pub economy_name: String,
    /// One cell per source of [`Comparison::sources`]: the value and the series id.
    pub cells: Vec<Option<(f64, String)>>,
}

/// The figure `indicator` for `year` from every source that gives it for the economies asked.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub indicator: String,
    pub unit: String,
    pub year: i32,
    /// Sources with a value in `year` for at least one economy.
    pub sources: Vec<CompareSource>,
    /// Sources of the figure with no value in `year` for these economies.
    pub without: Vec<CompareSource>,
    pub rows: Vec<CompareRow>,
}

/// A short name for a source, from a series name's last bracket: "GERD … (OECD MSTI Sep-2021
/// via NCSES)" gives "OECD MSTI Sep-2021"; "(as stated in the EC ATI report on South Korea,
/// 2021)" gives "EC ATI report on South Korea, 2021". Falls back to the source title.
pub fn short_source_name(series_name: &str, title: &str) -> String {
    let inner = series_name
        .rfind('(')
        .and_then(|i| series_name[i + 1..].strip_suffix(')'))
        .map(str::trim);
    let Some(mut s) = inner.filter(|s| !s.is_empty()) else {
        return title.to_owned();
    };
    if let Some(rest) = s.strip_prefix("as stated in the ") {
        s = rest;
    }
    if let Some(i) = s.find(" via ") {
        s = &s[..i];
    }
    s.to_owned()
}

/// The comparison of every source of `indicator` (in `field`, when given) for `economies` in
/// `year`. Sources come in a fixed order: those with the most values for these economies first,
/// ties by id; economies in the app's economy order.
pub fn compare(
    store: &Store,
    indicator: &str,
    field: Option<&str>,
    economies: &BTreeSet<String>,
    year: i32,
) -> Comparison {
    let series: Vec<_> = store
        .indicators
        .iter()
        .filter(|s| {
            s.indicator == indicator
                && s.field.as_deref() == field
                && economies.contains(&s.economy)
                && !s.points.is_empty()
        })
        .collect();
    // Source id → (points, short name, citation).
    let mut by_source: BTreeMap<&str, (usize, CompareSource)> = BTreeMap::new();
    for s in &series {
        let Some(c) = s.sources.first() else {
            continue;
        };
        let r = SourceRef::resolve(store, c);
        let entry = by_source.entry(c.source.as_str()).or_insert_with(|| {
            (
                0,
                CompareSource {
                    id: c.source.clone(),
                    short: short_source_name(&s.name, &r.title),
                    citation: r.label(),
                },
            )
        });
        entry.0 += s.points.len();
    }
    let mut sources: Vec<(usize, CompareSource)> = by_source.into_values().collect();
    sources.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.id.cmp(&b.1.id)));
    let value = |economy: &str, source: &str| {
        series
            .iter()
            .filter(|s| s.economy == economy && charts::primary_source(s) == Some(source))
            .find_map(|s| {
                s.points
                    .iter()
                    .find(|p| p.year == year)
                    .map(|p| (p.value, s.id.clone()))
            })
    };
    let (with, without): (Vec<_>, Vec<_>) = sources
        .into_iter()
        .map(|(_, s)| s)
        .partition(|s| economies.iter().any(|e| value(e, &s.id).is_some()));
    let mut names: BTreeMap<&str, &str> = BTreeMap::new();
    for s in &series {
        names.insert(&s.economy, &s.economy_name);
    }
    let mut order: Vec<&str> = names.keys().copied().collect();
    order.sort_by_key(|e| charts::economy_rank(e));
    let rows = order
        .into_iter()
        .map(|e| CompareRow {
            economy: e.to_owned(),
            economy_name: names.get(e).map_or(e, |n| n).to_owned(),
            cells: with.iter().map(|s| value(e, &s.id)).collect(),
        })
        .collect();
    Comparison {
        indicator: indicator.to_owned(),
        unit: series.first().map(|s| s.unit.clone()).unwrap_or_default(),
        year,
        sources: with,
        without,
        rows,
    }
}

/// The years any source gives `indicator` (in `field`) for one of `economies`, ascending.
pub fn years(
    store: &Store,
    indicator: &str,
    field: Option<&str>,
    economies: &BTreeSet<String>,
) -> Vec<i32> {
    let set: BTreeSet<i32> = store
        .indicators
        .iter()
        .filter(|s| {
            s.indicator == indicator
                && s.field.as_deref() == field
                && economies.contains(&s.economy)
        })
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    set.into_iter().collect()
}

/// The year a chart opens on: the latest year in which every shown source has a value for
/// every highlighted economy it covers at all. When no year has them all, the latest of the
/// years that have the most. `points` are (economy, source, year) of what the chart shows.
pub fn opening_year<'a>(
    points: impl IntoIterator<Item = (&'a str, &'a str, i32)>,
    highlighted: &BTreeSet<String>,
) -> Option<i32> {
    let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut by_year: BTreeMap<i32, BTreeSet<(&str, &str)>> = BTreeMap::new();
    for (economy, source, year) in points {
        if highlighted.contains(economy) {
            pairs.insert((economy, source));
            by_year.entry(year).or_default().insert((economy, source));
        }
    }
    by_year
        .iter()
        .max_by_key(|(year, have)| (have.len(), **year))
        .map(|(year, _)| *year)
        .filter(|_| !pairs.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        crate::store::embedded()
            .expect("the embedded store loads")
            .into_store()
    }

    fn korea_eu() -> BTreeSet<String> {
        ["KOR", "EUU"].into_iter().map(str::to_owned).collect()
    }

    #[test]
    fn gerd_2019_shows_every_source_for_korea_side_by_side() {
        let c = compare(&store(), charts::GERD, None, &korea_eu(), 2019);
        let korea = c.rows.iter().find(|r| r.economy == "KOR").expect("Korea");
        let values: Vec<(String, f64)> = c
            .sources
            .iter()
            .zip(&korea.cells)
            .filter_map(|(s, v)| v.as_ref().map(|(v, _)| (s.short.clone(), *v)))
            .collect();
        assert!(values.len() >= 3, "{values:?}");
        let find = |needle: &str| {
            values
                .iter()
                .find(|(s, _)| s.contains(needle))
                .map(|(_, v)| *v)
                .unwrap_or_else(|| panic!("no {needle} in {values:?}"))
        };
        assert!((find("ATI") - 4.64).abs() < 1e-9);
        assert!((find("OECD MSTI") - 4.64).abs() < 0.005);
        assert!((find("UIS") - 4.627).abs() < 0.0005);
        assert!(c.rows.iter().any(|r| r.economy == "EUU"));
        assert!(c.sources.iter().all(|s| !s.citation.is_empty()));
    }

    #[test]
    fn short_names_drop_the_intermediary_and_the_stated_in() {
        assert_eq!(
            short_source_name("GERD — Korea (OECD MSTI Sep-2021 via NCSES)", "t"),
            "OECD MSTI Sep-2021"
        );
        assert_eq!(
            short_source_name("GERD (as stated in the EC ATI report, 2021)", "t"),
            "EC ATI report, 2021"
        );
        assert_eq!(short_source_name("GERD", "Title"), "Title");
    }

    #[test]
    fn the_opening_year_is_the_latest_every_source_has() {
        let h = korea_eu();
        let pts = [
            ("KOR", "a", 2018),
            ("KOR", "a", 2019),
            ("KOR", "a", 2020),
            ("EUU", "a", 2019),
            ("KOR", "b", 2019),
            ("KOR", "b", 2021),
            ("USA", "b", 2022),
        ];
        assert_eq!(opening_year(pts, &h), Some(2019));
        assert_eq!(opening_year([("USA", "a", 2020)], &h), None);
    }
}
