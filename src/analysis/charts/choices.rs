//! What a reader can choose for a chart: the sources, fields and years the store's indicator
//! series offer.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Store;

use super::{ALL_FIELDS, primary_source};

/// One source the user can pick for a chart, with how much it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceChoice {
    /// The source id.
    pub id: String,
    /// The source's title.
    pub title: String,
    /// How many series are filed under it.
    pub series: usize,
    /// How many values those series hold.
    pub points: usize,
    /// The first and last year it covers.
    pub years: Option<(i32, i32)>,
}

impl SourceChoice {
    /// The text of the choice in a selector: title, years and number of series.
    pub fn label(&self) -> String {
        match self.years {
            Some((a, b)) => format!("{} — {a}–{b}, {} series", self.title, self.series),
            None => format!("{} — {} series", self.title, self.series),
        }
    }
}

/// The sources that series of `indicator` (in `field`, when given) are filed under, the one
/// covering most values first, ties by id.
pub fn source_choices(store: &Store, indicator: &str, field: Option<&str>) -> Vec<SourceChoice> {
    let mut by_id: BTreeMap<&str, SourceChoice> = BTreeMap::new();
    for s in store.indicators.iter().filter(|s| s.indicator == indicator) {
        if field.is_some_and(|f| s.field.as_deref() != Some(f)) {
            continue;
        }
        let Some(id) = primary_source(s) else {
            continue;
        };
        let choice = by_id.entry(id).or_insert_with(|| SourceChoice {
            id: id.to_owned(),
            title: store
                .sources
                .iter()
                .find(|src| src.id == id)
                .map_or_else(|| id.to_owned(), |src| src.title.clone()),
            series: 0,
            points: 0,
            years: None,
        });
        choice.series += 1;
        choice.points += s.points.len();
        for p in &s.points {
            choice.years = Some(match choice.years {
                None => (p.year, p.year),
                Some((a, b)) => (a.min(p.year), b.max(p.year)),
            });
        }
    }
    let mut out: Vec<SourceChoice> = by_id.into_values().collect();
    out.sort_by(|a, b| b.points.cmp(&a.points).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The distinct fields of the series of an indicator: [`ALL_FIELDS`] first, then by name.
pub fn fields_of(store: &Store, indicator: &str) -> Vec<String> {
    let set: BTreeSet<&str> = store
        .indicators
        .iter()
        .filter(|s| s.indicator == indicator)
        .filter_map(|s| s.field.as_deref())
        .collect();
    let mut out: Vec<String> = set.into_iter().map(str::to_owned).collect();
    out.sort_by_key(|f| (f != ALL_FIELDS, f.clone()));
    out
}

/// The years with at least one value of `indicator` (from `source`, when given), ascending.
pub fn years_of(store: &Store, indicator: &str, source: Option<&str>) -> Vec<i32> {
    let set: BTreeSet<i32> = store
        .indicators
        .iter()
        .filter(|s| s.indicator == indicator)
        .filter(|s| source.is_none() || primary_source(s) == source)
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_store::store;
    use super::*;
    use crate::analysis::charts::GERD;

    #[test]
    fn sources_are_offered_biggest_first() {
        let store = store();
        let choices = source_choices(&store, GERD, None);
        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["msti", "wb"]);
        assert_eq!(choices[0].series, 3);
        assert_eq!(choices[0].years, Some((2015, 2019)));
    }
}
