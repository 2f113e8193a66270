//! Where chart figures come from: citations resolved against the store's sources, and the
//! source line printed under a chart.

use crate::model::{Citation, IndicatorSeries, Store};

use super::PlotSeries;

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
