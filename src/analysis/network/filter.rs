//! Which edges the current filter shows, fades or hides.
//!
//! Programme, country, theme and status filters *fade* what they leave out (the context stays
//! visible; the view can be told to hide it instead). The year filter shows the network as it
//! stood in a year, so what had not started by then is *hidden*.

use std::collections::BTreeSet;

use super::graph::{Edge, EdgeKind, Graph};
use crate::model::Status;

/// What to do with a partnership whose start year the sources do not give, when a year is set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Undated {
    /// Keep it on the map (it exists; we just do not know since when). The default.
    #[default]
    Show,
    /// Hide it, so only partnerships known to have started by the year remain.
    Hide,
}

/// The filter a user set. Empty sets mean "no restriction", so new programmes, countries and
/// statuses show by default.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Programme ids left out.
    pub hidden_programmes: BTreeSet<String>,
    /// Country codes left out: an edge touching one is outside the filter.
    pub hidden_countries: BTreeSet<String>,
    /// Themes to keep; empty keeps every edge. An edge is kept if it has one of them.
    pub themes: BTreeSet<String>,
    /// Statuses left out.
    pub hidden_statuses: BTreeSet<Status>,
    /// Show the network as it stood in this year; `None` shows everything.
    pub year: Option<i32>,
    /// What to do with undated partnerships when a year is set.
    pub undated: Undated,
}

/// How an edge is drawn under a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeState {
    /// Inside the filter: drawn in full, interactive.
    Shown,
    /// Outside the filter (or, for a cohort, over by the year): drawn faded, not interactive.
    Faded,
    /// Not drawn: it had not started by the chosen year.
    Hidden,
}

impl Filter {
    /// True when any restriction is set.
    pub fn is_active(&self) -> bool {
        *self
            != Filter {
                undated: self.undated,
                ..Filter::default()
            }
    }

    /// How an edge of `graph` is drawn.
    pub fn edge_state(&self, graph: &Graph, edge: &Edge) -> EdgeState {
        if let Some(year) = self.year {
            match edge.since {
                Some(since) if since > year => return EdgeState::Hidden,
                None if self.undated == Undated::Hide && edge.kind == EdgeKind::Pair => {
                    return EdgeState::Hidden;
                }
                _ => {}
            }
        }
        if matches!(edge.kind, EdgeKind::BasedIn | EdgeKind::PartOf) {
            // Structure follows its organisation: faded only by a country filter.
            return if self.touches_hidden_country(graph, edge) {
                EdgeState::Faded
            } else {
                EdgeState::Shown
            };
        }
        let programme_out = edge
            .programme
            .and_then(|p| graph.programmes.get(p as usize))
            .is_some_and(|p| self.hidden_programmes.contains(&p.id));
        let theme_out = !self.themes.is_empty()
            && !edge.themes.iter().any(|&t| {
                graph
                    .themes
                    .get(t as usize)
                    .is_some_and(|t| self.themes.contains(t))
            });
        let status_out = self.hidden_statuses.contains(&edge.status);
        let ended = self
            .year
            .zip(edge.until)
            .is_some_and(|(year, until)| until < year);
        if programme_out
            || theme_out
            || status_out
            || ended
            || self.touches_hidden_country(graph, edge)
        {
            EdgeState::Faded
        } else {
            EdgeState::Shown
        }
    }

    fn touches_hidden_country(&self, graph: &Graph, edge: &Edge) -> bool {
        if self.hidden_countries.is_empty() {
            return false;
        }
        [edge.from, edge.to].iter().any(|&n| {
            graph
                .nodes
                .get(n as usize)
                .is_some_and(|n| self.hidden_countries.contains(&n.country))
        })
    }

    /// The state of every edge, in edge order.
    pub fn edge_states(&self, graph: &Graph) -> Vec<EdgeState> {
        graph
            .edges
            .iter()
            .map(|e| self.edge_state(graph, e))
            .collect()
    }
}

/// The range of start years in a graph's partnerships and cohorts, for the year slider.
pub fn year_range(graph: &Graph) -> Option<(i32, i32)> {
    let years = graph
        .edges
        .iter()
        .flat_map(|e| [e.since, e.until])
        .flatten();
    let (lo, hi) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    (lo <= hi).then_some((lo, hi))
}

/// Counts for the legend: how many partnerships are shown, faded and hidden, and how many
/// shown ones are undated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Partnerships drawn in full.
    pub shown: usize,
    /// Partnerships drawn faded.
    pub faded: usize,
    /// Partnerships not drawn (not started by the chosen year).
    pub hidden: usize,
    /// Partnerships with no start year that are drawn (shown or faded).
    pub undated_drawn: usize,
    /// Partnerships with no start year in all.
    pub undated: usize,
}

/// Counts the partnerships (not cohort memberships) by state.
pub fn counts(graph: &Graph, states: &[EdgeState]) -> Counts {
    let mut c = Counts::default();
    for (e, s) in graph.edges.iter().zip(states) {
        if e.kind != EdgeKind::Pair {
            continue;
        }
        match s {
            EdgeState::Shown => c.shown += 1,
            EdgeState::Faded => c.faded += 1,
            EdgeState::Hidden => c.hidden += 1,
        }
        if e.since.is_none() {
            c.undated += 1;
            if *s != EdgeState::Hidden {
                c.undated_drawn += 1;
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::super::graph::Granularity;
    use super::super::test_store::sample_store;
    use super::*;

    fn graph() -> Graph {
        Graph::build(&sample_store(), Granularity::Cities)
    }

    fn state_of(g: &Graph, f: &Filter, record: &str) -> EdgeState {
        let Some(e) = g.edges.iter().find(|e| e.record == record) else {
            panic!("no {record}")
        };
        f.edge_state(g, e)
    }

    #[test]
    fn no_filter_shows_every_edge() {
        let g = graph();
        assert!(
            Filter::default()
                .edge_states(&g)
                .iter()
                .all(|s| *s == EdgeState::Shown)
        );
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn hiding_a_programme_fades_its_edges_and_keeps_the_others() {
        let g = graph();
        let f = Filter {
            hidden_programmes: ["prog-innovation-twins".to_owned()].into(),
            ..Filter::default()
        };
        assert!(f.is_active());
        assert_eq!(state_of(&g, &f, "pship-belfast-sejong"), EdgeState::Faded);
        assert_eq!(state_of(&g, &f, "pship-jrc-kaist"), EdgeState::Shown);
        assert_eq!(state_of(&g, &f, "cohort-world-cities"), EdgeState::Shown);
    }

    #[test]
    fn the_year_hides_what_had_not_started_and_keeps_undated_by_default() {
        let g = graph();
        let f = Filter {
            year: Some(2020),
            ..Filter::default()
        };
        assert_eq!(
            state_of(&g, &f, "pship-belfast-sejong"),
            EdgeState::Hidden,
            "since 2021"
        );
        assert_eq!(
            state_of(&g, &f, "pship-jrc-kaist"),
            EdgeState::Shown,
            "since 2019"
        );
        assert_eq!(
            state_of(&g, &f, "pship-liverpool-busan"),
            EdgeState::Shown,
            "undated"
        );
        let strict = Filter {
            undated: Undated::Hide,
            ..f
        };
        assert_eq!(
            state_of(&g, &strict, "pship-liverpool-busan"),
            EdgeState::Hidden
        );
        let c = counts(&g, &strict.edge_states(&g));
        assert_eq!(
            (c.shown, c.hidden, c.undated, c.undated_drawn),
            (1, 5, 1, 0)
        );
    }

    #[test]
    fn a_cohort_that_ended_before_the_year_is_faded_and_one_not_yet_begun_is_hidden() {
        let g = graph();
        let later = Filter {
            year: Some(2022),
            ..Filter::default()
        };
        assert_eq!(
            state_of(&g, &later, "cohort-world-cities"),
            EdgeState::Faded
        );
        let earlier = Filter {
            year: Some(2016),
            ..Filter::default()
        };
        assert_eq!(
            state_of(&g, &earlier, "cohort-world-cities"),
            EdgeState::Hidden
        );
        let during = Filter {
            year: Some(2017),
            ..Filter::default()
        };
        assert_eq!(
            state_of(&g, &during, "cohort-world-cities"),
            EdgeState::Shown
        );
    }

    #[test]
    fn country_theme_and_status_filters_fade_what_they_leave_out() {
        let g = graph();
        let f = Filter {
            hidden_countries: ["GB".to_owned()].into(),
            ..Filter::default()
        };
        assert_eq!(state_of(&g, &f, "pship-glasgow-daegu"), EdgeState::Faded);
        assert_eq!(state_of(&g, &f, "pship-jrc-kaist"), EdgeState::Shown);
        let f = Filter {
            themes: ["green transition".to_owned()].into(),
            ..Filter::default()
        };
        assert_eq!(state_of(&g, &f, "pship-dk-kr-green"), EdgeState::Shown);
        assert_eq!(state_of(&g, &f, "pship-glasgow-daegu"), EdgeState::Faded);
        let f = Filter {
            hidden_statuses: [Status::Completed].into(),
            ..Filter::default()
        };
        assert_eq!(state_of(&g, &f, "cohort-world-cities"), EdgeState::Faded);
        assert_eq!(state_of(&g, &f, "pship-glasgow-daegu"), EdgeState::Shown);
    }

    #[test]
    fn the_year_range_spans_the_earliest_and_latest_years() {
        assert_eq!(year_range(&graph()), Some((2017, 2021)));
    }
}
