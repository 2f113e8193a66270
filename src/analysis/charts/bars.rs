//! The grouped bar chart of patent shares by WIPO sector for one year.

use crate::model::Store;

use super::notes::GAPS_NOTE;
use super::plot_series::sort_series;
use super::{
    ALL_FIELDS, Emphasis, PCT_SHARE, PlotSeries, chart_notes, fields_of, primary_source,
    source_choices, source_line,
};

/// One bar of a grouped bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct BarValue {
    /// The id of the series the value comes from.
    pub series_id: String,
    /// The value.
    pub value: f64,
    /// True when the value was computed by the curators.
    pub derived: bool,
    /// Everything a tooltip says about it (economy, sector, year, value, source).
    pub description: String,
}

/// The bars of one economy, one per category (a missing value is `None`).
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    /// The economy code.
    pub economy: String,
    /// The economy's display name.
    pub economy_name: String,
    /// Korea, Europe or other.
    pub emphasis: Emphasis,
    /// One entry per category of the chart.
    pub bars: Vec<Option<BarValue>>,
}

/// A grouped bar chart: categories on the x axis, one bar per economy in each.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChartData {
    /// The chart's title.
    pub title: String,
    /// The label of the y axis, with its unit.
    pub y_label: String,
    /// The unit of the values.
    pub unit: String,
    /// The categories (WIPO sectors), in display order.
    pub categories: Vec<String>,
    /// One group per economy, in [`ECONOMY_ORDER`](super::ECONOMY_ORDER).
    pub groups: Vec<BarGroup>,
    /// "Source: …".
    pub source_line: String,
    /// Notes a reader must see.
    pub notes: Vec<String>,
    /// The series the bars come from.
    pub series: Vec<PlotSeries>,
    /// Notes on sectors that have more than one source.
    pub source_notes: Vec<String>,
    /// The year of the bars.
    pub year: i32,
}

impl BarChartData {
    /// The source line and notes for the economies a reader sees.
    pub fn footer(&self, shown: impl Fn(&str) -> bool) -> (String, Vec<String>) {
        let visible: Vec<&PlotSeries> = self.series.iter().filter(|s| shown(&s.economy)).collect();
        let mut notes = chart_notes(&visible);
        // Gaps in the time series do not matter here; missing bars are marked in the chart.
        notes.retain(|n| !n.starts_with(GAPS_NOTE));
        notes.extend(self.source_notes.iter().cloned());
        let missing: Vec<String> = self
            .groups
            .iter()
            .filter(|g| shown(&g.economy))
            .flat_map(|g| {
                g.bars
                    .iter()
                    .zip(&self.categories)
                    .filter(|(b, _)| b.is_none())
                    .map(move |(_, c)| format!("{} {c}", g.economy_name))
            })
            .collect();
        if !missing.is_empty() {
            notes.push(format!(
                "No value for {} (marked n/a): {}.",
                self.year,
                missing.join("; ")
            ));
        }
        (source_line(&visible), notes)
    }
}

/// The patent-share bar chart for one year: share of world PCT applications by WIPO sector,
/// one bar per economy. "All fields" is left out (it is not a sector). Each sector is drawn
/// from the source that covers it best (NCSES publishes one table per sector); where a sector
/// has several sources, the notes say which one is shown.
pub fn sector_bars(store: &Store, year: i32) -> BarChartData {
    let categories: Vec<String> = fields_of(store, PCT_SHARE)
        .into_iter()
        .filter(|f| f != ALL_FIELDS)
        .collect();
    let mut notes_extra: Vec<String> = Vec::new();
    let mut series: Vec<PlotSeries> = Vec::new();
    for field in &categories {
        let choices = source_choices(store, PCT_SHARE, Some(field));
        let Some(best) = choices.first() else {
            continue;
        };
        if choices.len() > 1 {
            notes_extra.push(format!(
                "{field}: {} sources in the store; shown: {}.",
                choices.len(),
                best.title
            ));
        }
        series.extend(
            store
                .indicators
                .iter()
                .filter(|s| {
                    s.indicator == PCT_SHARE
                        && s.field.as_deref() == Some(field.as_str())
                        && primary_source(s) == Some(best.id.as_str())
                        && s.economy != "WLD"
                })
                .map(|s| PlotSeries::from_series(store, s)),
        );
    }
    sort_series(&mut series);
    let mut groups: Vec<BarGroup> = Vec::new();
    for s in &series {
        let idx = match groups.iter().position(|g| g.economy == s.economy) {
            Some(i) => i,
            None => {
                groups.push(BarGroup {
                    economy: s.economy.clone(),
                    economy_name: s.economy_name.clone(),
                    emphasis: s.emphasis,
                    bars: vec![None; categories.len()],
                });
                groups.len() - 1
            }
        };
        let Some(cat) = categories
            .iter()
            .position(|c| Some(c.as_str()) == s.field.as_deref())
        else {
            continue;
        };
        if let (Some(value), Some(description)) = (s.value_at(year), s.describe(year))
            && groups[idx].bars[cat].is_none()
        {
            groups[idx].bars[cat] = Some(BarValue {
                series_id: s.series_id.clone(),
                value,
                derived: s.derived,
                description,
            });
        }
    }
    let unit = series
        .first()
        .map_or_else(|| "% of world".to_owned(), |s| s.unit.clone());
    let mut chart = BarChartData {
        title: format!("Share of world PCT patent applications by WIPO sector, {year}"),
        y_label: unit.clone(),
        source_line: String::new(),
        notes: Vec::new(),
        unit,
        categories,
        groups,
        series,
        source_notes: notes_extra,
        year,
    };
    let (source_line, notes) = chart.footer(|_| true);
    chart.source_line = source_line;
    chart.notes = notes;
    chart
}

#[cfg(test)]
mod tests {
    use super::super::test_store::{series, store};
    use super::*;

    #[test]
    fn sector_bars_mark_missing_values() {
        let mut store = store();
        let mut chem = series(
            "pct-kor-chem",
            PCT_SHARE,
            "KOR",
            "Korea",
            "ncses",
            &[(2020, 5.5)],
        );
        chem.field = Some("Chemistry".to_owned());
        let mut inst = series(
            "pct-euu-inst",
            PCT_SHARE,
            "EUU",
            "EU27",
            "ncses2",
            &[(2020, 30.0)],
        );
        inst.field = Some("Instruments".to_owned());
        let mut all = series(
            "pct-kor-all",
            PCT_SHARE,
            "KOR",
            "Korea",
            "ncses",
            &[(2020, 8.0)],
        );
        all.field = Some(ALL_FIELDS.to_owned());
        store.indicators.extend([chem, inst, all]);
        let bars = sector_bars(&store, 2020);
        assert_eq!(bars.categories, vec!["Chemistry", "Instruments"]);
        assert_eq!(bars.groups[0].economy, "KOR");
        assert_eq!(bars.groups[0].bars[0].as_ref().map(|b| b.value), Some(5.5));
        assert!(bars.groups[0].bars[1].is_none());
        assert!(
            bars.notes.iter().any(|n| n.contains("Korea Instruments")),
            "{:?}",
            bars.notes
        );
    }
}
