//! What a chart shows for the view's choices: which source, sector and year are in use, the
//! chart's data, its title and source line, and the table of the values it shows. Pure: the
//! view keeps the choices, this module turns them and a store into data.

use std::collections::BTreeSet;

use crate::analysis::charts::budgets::{self, BudgetRow};
use crate::analysis::charts::findings::{self, FindingSection, Topic};
use crate::analysis::charts::{self, BarChartData, LineChartData, RdSelection};
use crate::analysis::charts::{ChartKind, table};
use crate::model::Store;

/// The choices that decide what a chart shows, borrowed from the view.
#[derive(Clone, Copy, Debug)]
pub struct Choice<'a> {
    /// The chart shown.
    pub kind: ChartKind,
    /// The remembered source of the R&D chart.
    pub rd_source: Option<&'a str>,
    /// Whether BERD was asked for (drawn only where the source has it).
    pub rd_berd: bool,
    /// The remembered WIPO sector of the patent trend chart.
    pub patent_field: Option<&'a str>,
    /// The remembered source of the patent trend chart.
    pub patent_source: Option<&'a str>,
    /// The remembered year of the value table and the sector bars.
    pub year: Option<i32>,
    /// Economy codes whose series are shown.
    pub shown: &'a BTreeSet<String>,
}

/// One remembered choice if the store still offers it, else the first offered.
fn remembered_or_first(remembered: Option<&str>, offered: &[String]) -> Option<String> {
    remembered
        .filter(|r| offered.iter().any(|o| o == r))
        .map(str::to_owned)
        .or_else(|| offered.first().cloned())
}

/// The R&D source in use: the remembered one if the store still has it, else the first.
pub fn rd_source_in_use(store: &Store, remembered: Option<&str>) -> Option<String> {
    let ids: Vec<String> = charts::source_choices(store, charts::GERD, None)
        .into_iter()
        .map(|c| c.id)
        .collect();
    remembered_or_first(remembered, &ids)
}

/// The WIPO sector of the patent trend chart in use.
pub fn patent_field_in_use(store: &Store, remembered: Option<&str>) -> Option<String> {
    remembered_or_first(remembered, &charts::fields_of(store, charts::PCT_SHARE))
}

/// The source of the patent trend chart in use for a sector.
pub fn patent_source_in_use(
    store: &Store,
    remembered: Option<&str>,
    field: &str,
) -> Option<String> {
    let ids: Vec<String> = charts::source_choices(store, charts::PCT_SHARE, Some(field))
        .into_iter()
        .map(|c| c.id)
        .collect();
    remembered_or_first(remembered, &ids)
}

/// The year in use for a set of available years: the remembered one if available, else the
/// last year Korea has, else the last year.
pub fn year_in_use(remembered: Option<i32>, years: &[i32], korea_years: &[i32]) -> Option<i32> {
    remembered
        .filter(|y| years.contains(y))
        .or_else(|| korea_years.last().copied())
        .or_else(|| years.last().copied())
}

/// Whether any BERD series cites the source (so "Show BERD" can draw something).
pub fn has_berd(store: &Store, source: &str) -> bool {
    store
        .indicators
        .iter()
        .any(|s| s.indicator == charts::BERD && s.sources.iter().any(|c| c.source == source))
}

/// The years of a line chart, and those Korea has.
pub fn line_years(chart: &LineChartData) -> (Vec<i32>, Vec<i32>) {
    let all: BTreeSet<i32> = chart
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    let korea: BTreeSet<i32> = chart
        .series
        .iter()
        .filter(|s| s.economy == "KOR")
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    (all.into_iter().collect(), korea.into_iter().collect())
}

/// The data of one chart, as built for one frame.
#[derive(Clone, Debug)]
pub enum Built {
    /// A line chart over years.
    Line(LineChartData),
    /// Bars by sector for one year.
    Bars(BarChartData, i32),
    /// The report's findings, as stated.
    Findings(Vec<FindingSection>),
    /// Korea's policy budgets, as stated.
    Budgets(Vec<BudgetRow>),
}

impl Built {
    /// The data the choices ask for.
    pub fn of(store: &Store, choice: &Choice<'_>) -> Self {
        match choice.kind {
            ChartKind::RdSpending => {
                let source = rd_source_in_use(store, choice.rd_source).unwrap_or_default();
                let berd = choice.rd_berd && has_berd(store, &source);
                Built::Line(charts::rd_chart(
                    store,
                    &RdSelection {
                        source: &source,
                        berd,
                    },
                ))
            }
            ChartKind::PatentTrend => {
                let field = patent_field_in_use(store, choice.patent_field).unwrap_or_default();
                let source =
                    patent_source_in_use(store, choice.patent_source, &field).unwrap_or_default();
                Built::Line(charts::patent_share_chart(store, &source, &field))
            }
            ChartKind::PatentSectors => {
                let years = charts::years_of(store, charts::PCT_SHARE, None);
                let year = year_in_use(choice.year, &years, &[]).unwrap_or(0);
                Built::Bars(charts::sector_bars(store, year), year)
            }
            ChartKind::TechnologyFindings => {
                Built::Findings(findings::sections(store, Topic::Technology))
            }
            ChartKind::MarketFindings => Built::Findings(findings::sections(store, Topic::Markets)),
            ChartKind::PolicyBudgets => Built::Budgets(
                budgets::rows(store)
                    .into_iter()
                    .filter(|r| r.country == "KR")
                    .collect(),
            ),
        }
    }

    /// The chart's title and its source line (the sources of what is shown).
    pub fn title_and_source(&self, kind: ChartKind, shown: &BTreeSet<String>) -> (String, String) {
        match self {
            Built::Line(c) => (c.title.clone(), c.footer(|s| shown.contains(&s.economy)).0),
            Built::Bars(c, _) => (c.title.clone(), c.footer(|e| shown.contains(e)).0),
            Built::Findings(sections) => (
                kind.label().to_owned(),
                sections
                    .iter()
                    .map(|s| s.source_line.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Built::Budgets(rows) => (
                "Korea's policy budgets as stated".to_owned(),
                budgets::source_line(rows),
            ),
        }
    }

    /// The values the chart shows, as a table with a citation per source: what the Table tab
    /// shows and "Export what is shown" writes.
    pub fn table(&self, shown: &BTreeSet<String>) -> table::ExportTable {
        match self {
            Built::Line(c) => table::line_chart(c, |s| shown.contains(&s.economy)),
            Built::Bars(c, year) => table::bar_chart(c, *year, |e| shown.contains(e)),
            Built::Findings(sections) => table::findings(sections),
            Built::Budgets(rows) => table::budgets(rows),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_year_the_chart_lacks_falls_back_to_koreas_last_year() {
        assert_eq!(
            year_in_use(Some(1990), &[2018, 2019, 2020], &[2018, 2019]),
            Some(2019)
        );
        assert_eq!(
            year_in_use(Some(2018), &[2018, 2019, 2020], &[2019]),
            Some(2018)
        );
        assert_eq!(year_in_use(None, &[2018, 2020], &[]), Some(2020));
        assert_eq!(year_in_use(None, &[], &[]), None);
    }

    #[test]
    fn a_remembered_choice_the_store_lacks_falls_back_to_the_first_offered() {
        let offered = ["a".to_owned(), "b".to_owned()];
        assert_eq!(
            remembered_or_first(Some("b"), &offered).as_deref(),
            Some("b")
        );
        assert_eq!(
            remembered_or_first(Some("z"), &offered).as_deref(),
            Some("a")
        );
        assert_eq!(remembered_or_first(None, &[]), None);
    }
}
