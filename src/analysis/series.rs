//! Chart series built from a store's indicator series: one line per series and source, split
//! at missing years, with the source, derivation and caveat of every value kept beside it.
//!
//! Nothing here draws anything; the charts view turns these into plot items. Every function is
//! deterministic: series come out in [`ECONOMY_ORDER`], then by indicator and id.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Citation, IndicatorSeries, PlaceKind, Store};

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

/// A citation resolved against the store's sources, ready to print.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SourceRef {
    /// The source id.
    pub id: String,
    /// The source's title (the id when the store has no such source).
    pub title: String,
    /// Who published it, where known.
    pub publisher: String,
    /// When it was published, where known.
    pub date: String,
    /// Where in the source (table, figure, page), where given.
    pub at: String,
}

impl SourceRef {
    /// Resolves a citation; an unknown source id is shown as the id itself.
    pub fn resolve(store: &Store, citation: &Citation) -> Self {
        let source = store.sources.iter().find(|s| s.id == citation.source);
        Self {
            id: citation.source.clone(),
            title: source.map_or_else(|| citation.source.clone(), |s| s.title.clone()),
            publisher: source.map(|s| s.publisher.clone()).unwrap_or_default(),
            date: source.map(|s| s.date.clone()).unwrap_or_default(),
            at: citation.at.clone(),
        }
    }

    /// "Title (Publisher, date), at" — the form used in source lines, tooltips and exports.
    pub fn label(&self) -> String {
        let mut out = self.title.clone();
        let meta: Vec<&str> = [self.publisher.as_str(), self.date.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty() && !self.title.contains(*s))
            .collect();
        if !meta.is_empty() {
            out.push_str(&format!(" ({})", meta.join(", ")));
        }
        if !self.at.is_empty() {
            out.push_str(&format!(", {}", self.at));
        }
        out
    }
}

/// Resolves every citation of a record.
pub fn resolve_all(store: &Store, citations: &[Citation]) -> Vec<SourceRef> {
    citations
        .iter()
        .map(|c| SourceRef::resolve(store, c))
        .collect()
}

/// The source a series is filed under: its first citation. A series is never split across
/// sources, so choosing this id selects whole series.
pub fn primary_source(series: &IndicatorSeries) -> Option<&str> {
    series.sources.first().map(|c| c.source.as_str())
}

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

/// A line chart: title, axis labels, series and the source line printed under it.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChartData {
    /// The chart's title.
    pub title: String,
    /// The label of the y axis, with its unit.
    pub y_label: String,
    /// The unit of the values.
    pub unit: String,
    /// The series, in [`ECONOMY_ORDER`], then indicator, then id.
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

/// Sorts series into their display order.
fn sort_series(series: &mut [PlotSeries]) {
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

/// "Source: Publisher (date): Title, at; Title." — every source the series cite, once, grouped
/// by publisher and date, in series order. Where all series cite a source at the same place
/// (table, figure), the place is given too; otherwise the hover and the CSV give it per value.
pub fn source_line(series: &[&PlotSeries]) -> String {
    source_line_of(series.iter().flat_map(|s| &s.sources))
}

/// The source line of any set of citations; see [`source_line`].
pub fn source_line_of<'a>(refs: impl IntoIterator<Item = &'a SourceRef>) -> String {
    let mut sources: Vec<(&SourceRef, Vec<&str>)> = Vec::new();
    for r in refs {
        match sources.iter_mut().find(|(x, _)| x.id == r.id) {
            Some((_, ats)) => {
                if !ats.contains(&r.at.as_str()) {
                    ats.push(&r.at);
                }
            }
            None => sources.push((r, vec![r.at.as_str()])),
        }
    }
    let mut groups: Vec<((&str, &str), Vec<String>)> = Vec::new();
    for (r, ats) in &sources {
        let item = match ats.as_slice() {
            [at] if !at.is_empty() => format!("{}, {at}", r.title),
            _ => r.title.clone(),
        };
        let key = (r.publisher.as_str(), r.date.as_str());
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, items)) => items.push(item),
            None => groups.push((key, vec![item])),
        }
    }
    if groups.is_empty() {
        return "Source: none recorded".to_owned();
    }
    let parts: Vec<String> = groups
        .into_iter()
        .map(|((publisher, date), items)| {
            let who = match (publisher.is_empty(), date.is_empty()) {
                (true, true) => String::new(),
                (false, true) => format!("{publisher}: "),
                (true, false) => format!("({date}): "),
                (false, false) => format!("{publisher} ({date}): "),
            };
            format!("{who}{}", items.join("; "))
        })
        .collect();
    format!("Source: {}.", parts.join(" | "))
}

/// The start of the note on missing years (bar charts leave it out).
const GAPS_NOTE: &str = "No value, line broken:";

/// Notes a reader must see, in series order: how derived values were computed (one note per
/// measure), caveats (one note per distinct text, naming the series it applies to) and the
/// missing years at which lines are broken.
pub fn chart_notes(series: &[&PlotSeries]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    let mut measures: Vec<&str> = Vec::new();
    for s in series.iter().filter(|s| s.derived) {
        if measures.contains(&s.measure()) {
            continue;
        }
        measures.push(s.measure());
        let how = s
            .derivation
            .as_deref()
            .unwrap_or("computed by the curators");
        let distinct: BTreeSet<&str> = series
            .iter()
            .filter(|o| o.derived && o.measure() == s.measure())
            .filter_map(|o| o.derivation.as_deref())
            .collect();
        let mut note = format!(
            "Derived values (drawn hollow or pale, \"derived\" in the legend), {}: {how}",
            s.measure()
        );
        if distinct.len() > 1 {
            note.push_str(&format!(
                " ({} derivations in all; hover a value for its series.)",
                distinct.len()
            ));
        }
        notes.push(note);
    }
    let mut caveats: Vec<(&str, Vec<String>)> = Vec::new();
    for s in series {
        let Some(c) = s.caveat.as_deref() else {
            continue;
        };
        let who = format!("{} {}", s.economy_name, s.measure());
        match caveats.iter_mut().find(|(t, _)| *t == c) {
            Some((_, list)) => {
                if !list.contains(&who) {
                    list.push(who);
                }
            }
            None => caveats.push((c, vec![who])),
        }
    }
    for (text, who) in caveats {
        notes.push(format!("Caveat ({}): {text}", who.join(", ")));
    }
    let gaps: Vec<String> = series
        .iter()
        .filter(|s| !s.gaps.is_empty())
        .map(|s| {
            let years: Vec<String> = s
                .gaps
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            format!("{} {} {}", s.economy_name, s.measure(), years.join(", "))
        })
        .collect();
    if !gaps.is_empty() {
        notes.push(format!("{GAPS_NOTE} {}.", gaps.join("; ")));
    }
    notes
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
    /// One group per economy, in [`ECONOMY_ORDER`].
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

/// ISO 3166-1 alpha-2 code of the economies the atlas charts (aggregates have none).
pub fn alpha2(economy: &str) -> Option<&'static str> {
    Some(match economy {
        "KOR" => "KR",
        "GBR" => "GB",
        "DNK" => "DK",
        "NLD" => "NL",
        "FIN" => "FI",
        "ESP" => "ES",
        "DEU" => "DE",
        "FRA" => "FR",
        "JPN" => "JP",
        "CHN" => "CN",
        "USA" => "US",
        "IND" => "IN",
        _ => return None,
    })
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
    use crate::model::{Point, Source};

    fn source(id: &str, title: &str) -> Source {
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

    fn series(
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

    fn store() -> Store {
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

    #[test]
    fn sources_are_offered_biggest_first() {
        let store = store();
        let choices = source_choices(&store, GERD, None);
        let ids: Vec<&str> = choices.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["msti", "wb"]);
        assert_eq!(choices[0].series, 3);
        assert_eq!(choices[0].years, Some((2015, 2019)));
    }

    #[test]
    fn values_are_printed_as_the_sources_print_them() {
        assert_eq!(format_value(4.64), "4.64");
        assert_eq!(format_value(2.1), "2.1");
        assert_eq!(format_value(4.627), "4.627");
        assert_eq!(format_value(3.0), "3");
        assert_eq!(format_value(-0.0001), "0");
    }

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
