//! What the legend says: the programmes with their shown/total counts, the countries' colours,
//! what the filter leaves out and where the data come from. Gathering it walks every link, so
//! the view keeps it until the store, the filter or the layout changes.

use egui::Color32;

use crate::analysis::network::filter::{self, EdgeState};
use crate::analysis::network::{EdgeKind, Filter, Graph, NodeKind, Undated};
use crate::ui::{ViewCtx, theme};

use super::scene::programme_colour;
use super::{LayoutKind, NetworkView, Outside};

/// One programme row.
#[derive(Debug, PartialEq)]
pub(super) struct ProgrammeRow {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) colour: Color32,
    pub(super) shown: usize,
    pub(super) total: usize,
    pub(super) hidden_by_user: bool,
}

/// What the legend says (kept until the store, the filter or the layout changes: gathering it
/// walks every link).
#[derive(Debug, PartialEq)]
pub(super) struct LegendData {
    pub(super) layout: LayoutKind,
    pub(super) programmes: Vec<ProgrammeRow>,
    pub(super) countries: Vec<(String, Color32, usize)>,
    pub(super) more_countries: usize,
    pub(super) counts: filter::Counts,
    pub(super) memberships: usize,
    pub(super) year: Option<i32>,
    pub(super) undated: Undated,
    pub(super) outside: Outside,
    pub(super) unresolved: usize,
    pub(super) has_country_nodes: bool,
    pub(super) has_hubs: bool,
    pub(super) source: String,
}

/// What the legend is gathered from.
pub(super) struct LegendInput<'a> {
    pub(super) layout: LayoutKind,
    pub(super) graph: &'a Graph,
    pub(super) states: &'a [EdgeState],
    pub(super) colours: &'a [Color32],
    pub(super) filter: &'a Filter,
    pub(super) outside: Outside,
    pub(super) store_name: &'a str,
}

pub(super) fn gather(view: &NetworkView, ctx: &ViewCtx<'_>) -> Option<LegendData> {
    let (graph, _, _) = view.cache.borrow(view.layout)?;
    Some(gather_from(&LegendInput {
        layout: view.layout,
        graph,
        states: &view.cache.states.states,
        colours: view.cache.colours(view.layout.granularity()),
        filter: &view.filter,
        outside: view.outside,
        store_name: &ctx.store.name,
    }))
}

/// The legend's data (a walk over every link and node: a large store's is gathered on the
/// layout worker).
pub(super) fn gather_from(input: &LegendInput<'_>) -> LegendData {
    let LegendInput {
        layout,
        graph,
        states,
        colours,
        filter,
        outside,
        store_name,
    } = *input;
    // (shown, total) links per programme, in one walk over the links.
    let mut per_programme = vec![(0, 0); graph.programmes.len()];
    for (e, s) in graph.edges.iter().zip(states) {
        if let Some(c) = e.programme.and_then(|p| per_programme.get_mut(p as usize)) {
            c.1 += 1;
            c.0 += usize::from(*s == EdgeState::Shown);
        }
    }
    let programmes = graph
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (shown, total) = per_programme[i];
            ProgrammeRow {
                id: p.id.clone(),
                name: p.name.clone(),
                colour: programme_colour(Some(i as u32)),
                shown,
                total,
                hidden_by_user: filter.hidden_programmes.contains(&p.id),
            }
        })
        .collect();
    let mut per_country: std::collections::BTreeMap<&str, (Color32, usize)> =
        std::collections::BTreeMap::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if n.kind == NodeKind::CohortHub || n.partnerships + n.cohorts == 0 {
            continue;
        }
        let colour = colours.get(i).copied().unwrap_or(theme::NETWORK_COHORT);
        per_country
            .entry(n.country.as_str())
            .or_insert((colour, 0))
            .1 += 1;
    }
    let mut countries: Vec<(String, Color32, usize)> = per_country
        .into_iter()
        .map(|(c, (col, n))| (c.to_owned(), col, n))
        .collect();
    countries.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let more_countries = countries.len().saturating_sub(8);
    countries.truncate(8);
    let source = if store_name.is_empty() {
        "the open store".to_owned()
    } else {
        store_name.to_owned()
    };
    LegendData {
        layout,
        programmes,
        countries,
        more_countries,
        counts: filter::counts(graph, states),
        memberships: graph
            .edges
            .iter()
            .zip(states)
            .filter(|(e, s)| e.kind == EdgeKind::Cohort && **s != EdgeState::Hidden)
            .count(),
        year: filter.year,
        undated: filter.undated,
        outside,
        unresolved: graph.unresolved.len(),
        has_country_nodes: graph
            .nodes
            .iter()
            .any(|n| n.kind == NodeKind::Country && n.partnerships + n.cohorts > 0),
        has_hubs: graph.nodes.iter().any(|n| n.kind == NodeKind::CohortHub),
        source,
    }
}

/// A count with thousands separators: 100,000.
pub(super) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The summary line: what is shown out of what.
pub(super) fn counts_line(d: &LegendData) -> String {
    let total = d.counts.shown + d.counts.faded + d.counts.hidden;
    let mut s = format!(
        "{} of {} partnerships shown",
        thousands(d.counts.shown),
        thousands(total)
    );
    if d.memberships > 0 {
        s.push_str(&format!(
            ", {} cohort memberships",
            thousands(d.memberships)
        ));
    }
    s
}

pub(super) fn hidden_undated(d: &LegendData) -> usize {
    if d.undated == Undated::Hide {
        d.counts.undated
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
