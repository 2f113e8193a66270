//! Line charts over time: R&D spending (GERD, BERD) and patent shares by sector. Sources are
//! never mixed in one line: each line is one stored series.

use std::collections::BTreeSet;

use crate::model::Store;

use super::plot_series::sort_series;
use super::{
    BERD, GERD, PCT_SHARE, PlotSeries, SourceRef, chart_notes, primary_source, source_line,
};

/// A line chart: title, axis labels, series and the source line printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartData {
    /// The chart's title.
    pub title: String,
    /// The label of the y axis, with its unit.
    pub y_label: String,
    /// The unit of the values.
    pub unit: String,
    /// The series, in [`ECONOMY_ORDER`](super::ECONOMY_ORDER), then indicator, then id.
    pub series: Vec<PlotSeries>,
    /// "Source: …" — every source the series cite.
    pub source_line: String,
    /// Notes a reader must see: derived values, caveats, missing years.
    pub notes: Vec<String>,
    /// Notes about the chart as a whole (kept when series are hidden).
    pub remarks: Vec<String>,
}

impl LineChartData {
    /// The first and last year of any series.
    pub fn years(&self) -> Option<(i32, i32)> {
        let mut years = self
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0));
        let first = years.next()?;
        Some(years.fold((first, first), |(a, b), y| (a.min(y), b.max(y))))
    }

    /// Whether the chart shows more than one measure (and so must name it in the legend).
    pub fn mixes_measures(&self) -> bool {
        let set: BTreeSet<&str> = self.series.iter().map(|s| s.indicator.as_str()).collect();
        set.len() > 1
    }

    /// The source line and notes for the series a reader sees.
    pub fn footer(&self, shown: impl Fn(&PlotSeries) -> bool) -> (String, Vec<String>) {
        let visible: Vec<&PlotSeries> = self.series.iter().filter(|s| shown(s)).collect();
        let mut notes = chart_notes(&visible);
        notes.extend(self.remarks.iter().cloned());
        (source_line(&visible), notes)
    }

    /// The series with the given id.
    pub fn series(&self, id: &str) -> Option<&PlotSeries> {
        self.series.iter().find(|s| s.series_id == id)
    }

    /// The distinct economies of the chart, in order, with their names.
    pub fn economies(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for s in &self.series {
            if !out.iter().any(|(code, _)| *code == s.economy) {
                out.push((s.economy.clone(), s.economy_name.clone()));
            }
        }
        out
    }
}

/// Which series go into the R&D spending chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RdSelection<'a> {
    /// The source whose GERD series are drawn (a series' first citation).
    pub source: &'a str,
    /// Also draw BERD series that cite that source (derived or published).
    pub berd: bool,
}

/// The R&D spending chart: GERD as % of GDP from one source, one line per economy, and, where
/// asked, the BERD series that cite the same source. Sources are never mixed in one line:
/// each line is one stored series.
pub fn rd_chart(store: &Store, sel: &RdSelection<'_>) -> LineChartData {
    let mut series: Vec<PlotSeries> = store
        .indicators
        .iter()
        .filter(|s| {
            (s.indicator == GERD && primary_source(s) == Some(sel.source))
                || (sel.berd
                    && s.indicator == BERD
                    && s.sources.iter().any(|c| c.source == sel.source))
        })
        .map(|s| PlotSeries::from_series(store, s))
        .collect();
    sort_series(&mut series);
    let has_berd = series.iter().any(|s| s.indicator == BERD);
    let mut extra_notes = Vec::new();
    if sel.berd && !has_berd {
        let mut with: Vec<String> = Vec::new();
        for s in store.indicators.iter().filter(|s| s.indicator == BERD) {
            if let Some(c) = s.sources.first() {
                let title = SourceRef::resolve(store, c).title;
                if !with.contains(&title) {
                    with.push(title);
                }
            }
        }
        if !with.is_empty() {
            extra_notes.push(format!(
                "No BERD series cites this source. BERD is given by: {}.",
                with.join("; ")
            ));
        }
    }
    let title = if has_berd {
        "R&D spending: GERD and BERD as % of GDP"
    } else {
        "R&D spending: GERD as % of GDP"
    };
    let unit = series
        .first()
        .map_or_else(|| "% of GDP".to_owned(), |s| s.unit.clone());
    let all: Vec<&PlotSeries> = series.iter().collect();
    let mut notes = chart_notes(&all);
    notes.extend(extra_notes.iter().cloned());
    LineChartData {
        title: title.to_owned(),
        y_label: format!("R&D expenditure, {unit}"),
        source_line: source_line(&all),
        notes,
        remarks: extra_notes,
        unit,
        series,
    }
}

/// The patent-share chart over time: share of world PCT applications in one WIPO sector (or
/// all fields) from one source, one line per economy.
pub fn patent_share_chart(store: &Store, source: &str, field: &str) -> LineChartData {
    let mut series: Vec<PlotSeries> = store
        .indicators
        .iter()
        .filter(|s| {
            s.indicator == PCT_SHARE
                && s.field.as_deref() == Some(field)
                && primary_source(s) == Some(source)
                && s.economy != "WLD"
        })
        .map(|s| PlotSeries::from_series(store, s))
        .collect();
    sort_series(&mut series);
    let unit = series
        .first()
        .map_or_else(|| "% of world".to_owned(), |s| s.unit.clone());
    let all: Vec<&PlotSeries> = series.iter().collect();
    LineChartData {
        title: format!("Share of world PCT patent applications — {field}"),
        y_label: unit.clone(),
        source_line: source_line(&all),
        notes: chart_notes(&all),
        remarks: Vec::new(),
        unit,
        series,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_store::store;
    use super::*;

    #[test]
    fn the_rd_chart_draws_only_the_chosen_source() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: false,
            },
        );
        let ids: Vec<&str> = chart.series.iter().map(|s| s.series_id.as_str()).collect();
        assert_eq!(ids, vec!["gerd-kor", "gerd-euu", "gerd-usa"]);
        let wb = rd_chart(
            &store,
            &RdSelection {
                source: "wb",
                berd: true,
            },
        );
        let ids: Vec<&str> = wb.series.iter().map(|s| s.series_id.as_str()).collect();
        assert_eq!(ids, vec!["gerd-kor-wb"]);
        assert!(wb.source_line.contains("UNESCO UIS via World Bank"));
        assert!(!wb.source_line.contains("MSTI"));
    }

    #[test]
    fn berd_is_added_when_asked_and_marked_derived() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: true,
            },
        );
        let berd = chart
            .series("berd-kor")
            .expect("BERD series is in the chart");
        assert!(berd.derived);
        assert_eq!(
            berd.legend_label(chart.mixes_measures()),
            "Korea — BERD (derived)"
        );
        assert!(
            chart
                .notes
                .iter()
                .any(|n| n.starts_with("Derived") && n.contains("business-performed"))
        );
        let (line, notes) = chart.footer(|s| s.indicator == GERD);
        assert!(!line.contains("NCSES RD-7"), "{line}");
        assert!(notes.iter().all(|n| !n.starts_with("Derived")), "{notes:?}");
        assert!(chart.title.contains("BERD"));
        assert!(chart.source_line.contains("NCSES RD-7"));
    }

    #[test]
    fn the_korea_2019_value_is_described_with_its_source() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: false,
            },
        );
        let kor = chart.series("gerd-kor").expect("Korea is in the chart");
        let text = kor.describe(2019).expect("Korea has 2019");
        assert!(text.contains("Korea — GERD, 2019: 4.64 % of GDP"), "{text}");
        assert!(
            text.contains("Source: OECD MSTI Sep-2021, Table SRD-1"),
            "{text}"
        );
        assert_eq!(kor.describe(2015), None);
    }

    #[test]
    fn the_source_line_names_each_source_once_with_its_table() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: true,
            },
        );
        assert_eq!(
            chart.source_line,
            "Source: OECD MSTI Sep-2021, Table SRD-1; NCSES RD-7."
        );
    }

    #[test]
    fn asking_for_berd_where_the_source_has_none_says_where_it_is() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "wb",
                berd: true,
            },
        );
        let (_, notes) = chart.footer(|_| false);
        assert!(
            notes.contains(
                &"No BERD series cites this source. BERD is given by: OECD MSTI Sep-2021."
                    .to_owned()
            ),
            "{notes:?}"
        );
    }

    #[test]
    fn gaps_are_listed_in_the_notes() {
        let store = store();
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: false,
            },
        );
        let euu = chart.series("gerd-euu").expect("EU27 is in the chart");
        assert_eq!(euu.runs.len(), 3);
        assert_eq!(euu.gaps, vec![(2016, 2016), (2018, 2018)]);
        assert!(
            chart
                .notes
                .iter()
                .any(|n| n.contains("EU27 GERD 2016, 2018")),
            "{:?}",
            chart.notes
        );
    }

    #[test]
    fn one_caveat_shared_by_several_series_is_one_note_naming_them() {
        let mut store = store();
        for s in &mut store.indicators {
            s.caveat = Some("Recovered from an unlabelled table.".to_owned());
        }
        let chart = rd_chart(
            &store,
            &RdSelection {
                source: "msti",
                berd: false,
            },
        );
        let caveats: Vec<&String> = chart
            .notes
            .iter()
            .filter(|n| n.starts_with("Caveat"))
            .collect();
        assert_eq!(
            caveats,
            vec![
                "Caveat (Korea GERD, EU27 GERD, United States GERD): Recovered from an unlabelled table."
            ]
        );
    }
}
