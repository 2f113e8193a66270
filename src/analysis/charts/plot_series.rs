//! One stored indicator series in plot form: its values split at missing years, with the
//! source, derivation and caveat of every value kept beside it, and the order series are shown
//! in.

use crate::model::{IndicatorSeries, Store};

use super::{
    BERD, Emphasis, GERD, SourceRef, economy_rank, format_value, indicator_short, resolve_all,
};

/// Splits yearly values into runs of consecutive years, so that no line is drawn across a
/// missing year. Values are sorted by year first; a repeated year keeps its first value.
pub fn split_at_gaps(points: &[(i32, f64)]) -> Vec<Vec<(i32, f64)>> {
    let mut sorted: Vec<(i32, f64)> = points.to_vec();
    sorted.sort_by_key(|p| p.0);
    sorted.dedup_by_key(|p| p.0);
    let mut runs: Vec<Vec<(i32, f64)>> = Vec::new();
    for p in sorted {
        match runs.last_mut() {
            Some(run) if run.last().is_some_and(|last| last.0 + 1 == p.0) => run.push(p),
            _ => runs.push(vec![p]),
        }
    }
    runs
}

/// The missing years inside a series' span, as inclusive (first, last) ranges.
pub fn gaps_of(runs: &[Vec<(i32, f64)>]) -> Vec<(i32, i32)> {
    runs.windows(2)
        .filter_map(|w| {
            let end = w[0].last()?.0;
            let start = w[1].first()?.0;
            (start > end + 1).then_some((end + 1, start - 1))
        })
        .collect()
}

/// One series ready to plot: its values split at gaps, with everything a tooltip or an
/// export must say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlotSeries {
    /// The id of the [`IndicatorSeries`] (what selecting it selects).
    pub series_id: String,
    /// The indicator code.
    pub indicator: String,
    /// The economy code.
    pub economy: String,
    /// The economy's display name.
    pub economy_name: String,
    /// The technology field or sector, if any.
    pub field: Option<String>,
    /// The unit of every value.
    pub unit: String,
    /// True when the values were computed by the curators rather than published.
    pub derived: bool,
    /// How derived values were computed.
    pub derivation: Option<String>,
    /// A caveat a reader must see next to the figures.
    pub caveat: Option<String>,
    /// All values, sorted by year.
    pub points: Vec<(i32, f64)>,
    /// Runs of consecutive years; draw one line per run.
    pub runs: Vec<Vec<(i32, f64)>>,
    /// Missing years inside the span, as inclusive ranges.
    pub gaps: Vec<(i32, i32)>,
    /// The series' sources.
    pub sources: Vec<SourceRef>,
    /// Korea, Europe or other.
    pub emphasis: Emphasis,
}

impl PlotSeries {
    /// Builds the plot form of a stored series.
    pub fn from_series(store: &Store, s: &IndicatorSeries) -> Self {
        let points: Vec<(i32, f64)> = s
            .points
            .iter()
            .filter(|p| p.value.is_finite())
            .map(|p| (p.year, p.value))
            .collect();
        let runs = split_at_gaps(&points);
        let gaps = gaps_of(&runs);
        let points = runs.iter().flatten().copied().collect();
        Self {
            series_id: s.id.clone(),
            indicator: s.indicator.clone(),
            economy: s.economy.clone(),
            economy_name: s.economy_name.clone(),
            field: s.field.clone(),
            unit: s.unit.clone(),
            derived: s.derived,
            derivation: s.derivation.clone(),
            caveat: s.caveat.clone(),
            points,
            runs,
            gaps,
            sources: resolve_all(store, &s.sources),
            emphasis: Emphasis::of(&s.economy),
        }
    }

    /// The value for a year, if the series has one.
    pub fn value_at(&self, year: i32) -> Option<f64> {
        self.points.iter().find(|p| p.0 == year).map(|p| p.1)
    }

    /// The short name of the indicator: "GERD", "BERD", "PCT share" or the code.
    pub fn measure(&self) -> &str {
        indicator_short(&self.indicator)
    }

    /// The legend text: economy, plus the measure where the chart mixes measures, plus
    /// "derived" where the values are the curators' own.
    pub fn legend_label(&self, with_measure: bool) -> String {
        let mut out = self.economy_name.clone();
        if with_measure {
            out.push_str(&format!(" — {}", self.measure()));
        }
        if self.derived {
            out.push_str(" (derived)");
        }
        out
    }

    /// The sources as one line: "Title (Publisher, date), at; …".
    pub fn source_label(&self) -> String {
        self.sources
            .iter()
            .map(SourceRef::label)
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Everything a reader needs about one value: economy, year, value, unit, source and,
    /// where they apply, the derivation and caveat.
    pub fn describe(&self, year: i32) -> Option<String> {
        let value = self.value_at(year)?;
        let mut out = format!(
            "{} — {}, {year}: {} {}",
            self.economy_name,
            self.measure(),
            format_value(value),
            self.unit
        );
        if let Some(field) = &self.field {
            out.push_str(&format!(" ({field})"));
        }
        out.push_str(&format!("\nSource: {}", self.source_label()));
        if self.derived {
            let how = self
                .derivation
                .as_deref()
                .unwrap_or("computed by the curators");
            out.push_str(&format!("\nDerived: {how}"));
        }
        if let Some(c) = &self.caveat {
            out.push_str(&format!("\nCaveat: {c}"));
        }
        Some(out)
    }
}

/// Sorts series into their display order.
pub(super) fn sort_series(series: &mut [PlotSeries]) {
    series.sort_by(|a, b| {
        economy_rank(&a.economy)
            .cmp(&economy_rank(&b.economy))
            .then_with(|| indicator_rank(&a.indicator).cmp(&indicator_rank(&b.indicator)))
            .then_with(|| a.series_id.cmp(&b.series_id))
    });
}

fn indicator_rank(indicator: &str) -> (u8, &str) {
    match indicator {
        GERD => (0, indicator),
        BERD => (1, indicator),
        _ => (2, indicator),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_years_breaks_where_a_year_is_missing() {
        let runs = split_at_gaps(&[(2019, 3.0), (2015, 1.0), (2016, 2.0), (2020, 4.0)]);
        assert_eq!(
            runs,
            vec![
                vec![(2015, 1.0), (2016, 2.0)],
                vec![(2019, 3.0), (2020, 4.0)]
            ]
        );
        assert_eq!(gaps_of(&runs), vec![(2017, 2018)]);
    }

    #[test]
    fn isolated_years_become_single_point_runs() {
        let runs = split_at_gaps(&[(1990, 1.0), (2000, 2.0), (2010, 3.0)]);
        assert_eq!(runs.len(), 3);
        assert!(runs.iter().all(|r| r.len() == 1));
        assert_eq!(gaps_of(&runs), vec![(1991, 1999), (2001, 2009)]);
    }
}
