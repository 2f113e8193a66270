//! Finding a node by English or Hangul name ("세종" finds Sejong), or by the name of an
//! organisation in it ("KAIST" finds Daejeon in the cities graph).

use super::graph::{Graph, NodeKind};

/// How well a name matches; lower is better.
fn rank(name: &str, query: &str) -> Option<u8> {
    let name = crate::text::fold(name);
    if name == query {
        Some(0)
    } else if name.starts_with(query) {
        Some(1)
    } else if name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(query))
    {
        Some(2)
    } else if name.contains(query) {
        Some(3)
    } else {
        None
    }
}

/// Nodes whose name, Hangul name or aliases match `query` (case-insensitive), best first: exact,
/// then prefix, then word prefix, then anywhere; ties go to the busier node, then the name.
/// Places and organisations come before cohort hubs. At most `limit` results.
pub fn search(graph: &Graph, query: &str, limit: usize) -> Vec<usize> {
    let query = crate::text::fold(query.trim());
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, u8, std::cmp::Reverse<u32>, &str, usize)> = graph
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let own = std::iter::once(n.name.as_str()).chain(n.name_ko.as_deref());
            let best_own = own.filter_map(|s| rank(s, &query)).min();
            // An alias match (an organisation in the city) ranks after a match of the city itself.
            let best_alias = n
                .aliases
                .iter()
                .filter_map(|s| rank(s, &query))
                .min()
                .map(|r| r + 4);
            let best = best_own.into_iter().chain(best_alias).min()?;
            let kind = u8::from(n.kind == NodeKind::CohortHub);
            Some((
                best,
                kind,
                std::cmp::Reverse(n.partnerships + n.cohorts),
                n.name.as_str(),
                i,
            ))
        })
        .collect();
    hits.sort();
    hits.into_iter().take(limit).map(|h| h.4).collect()
}

#[cfg(test)]
mod tests {
    use super::super::graph::Granularity;
    use super::super::test_store::sample_store;
    use super::*;

    fn names(g: &Graph, hits: &[usize]) -> Vec<String> {
        hits.iter().map(|&i| g.nodes[i].name.clone()).collect()
    }

    #[test]
    fn hangul_sejong_finds_sejong() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        assert_eq!(names(&g, &search(&g, "세종", 5)), ["Sejong"]);
    }

    #[test]
    fn english_search_ignores_case_and_prefers_prefixes() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        let hits = names(&g, &search(&g, "b", 10));
        assert_eq!(
            hits[..4],
            ["Busan", "Barcelona", "Belfast", "Birmingham"],
            "{hits:?}"
        );
        assert_eq!(names(&g, &search(&g, "SEOUL", 5)), ["Seoul"]);
    }

    #[test]
    fn an_organisation_name_finds_its_city() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        assert_eq!(names(&g, &search(&g, "kaist", 5)), ["Daejeon"]);
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        let g = Graph::build(&sample_store(), Granularity::Cities);
        assert!(search(&g, "  ", 5).is_empty());
        assert!(search(&g, "atlantis", 5).is_empty());
    }
}
