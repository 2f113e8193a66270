//! The ATI report's findings by advanced-technology field, as the report states them: ranks,
//! levels and directions of change, never a number the report does not print.

use crate::analysis::charts::{
    SourceRef, economy_names, economy_rank, resolve_all, source_line_of,
};
use crate::model::{Direction, Finding, Store};

/// Which chart a finding belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// Patent shares and technological specialisation (RPA).
    Technology,
    /// Export shares, trade balance and venture capital.
    Markets,
}

impl Topic {
    /// The chart a finding's measure belongs to: patents and specialisation are technology;
    /// exports, trade and venture capital are markets; anything else (GDP growth, 5G roll-out,
    /// rankings of countries …) is not charted here.
    pub fn of(measure: &str) -> Option<Self> {
        let m = measure.to_lowercase();
        if m.contains("patent") || m.contains("rpa") {
            Some(Topic::Technology)
        } else if [
            "export",
            "trade",
            "venture capital",
            "private equity",
            "vc-backed",
            "start-up",
        ]
        .iter()
        .any(|k| m.contains(k))
        {
            Some(Topic::Markets)
        } else {
            None
        }
    }
}

/// An arrow for a stated direction of change.
pub fn arrow(change: Option<Direction>) -> &'static str {
    match change {
        Some(Direction::Up) => "↑",
        Some(Direction::Down) => "↓",
        Some(Direction::Unchanged) => "→",
        None => "",
    }
}

/// A direction in words, for exports and screen readers.
pub fn direction_word(change: Option<Direction>) -> &'static str {
    match change {
        Some(Direction::Up) => "up",
        Some(Direction::Down) => "down",
        Some(Direction::Unchanged) => "unchanged",
        None => "",
    }
}

/// One finding as a table row.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingRow {
    /// The finding's id (what selecting the row selects).
    pub id: String,
    /// The economy code.
    pub economy: String,
    /// The economy's display name (the code when the store has no series for it).
    pub economy_name: String,
    /// The technology field, where the finding is about one.
    pub field: Option<String>,
    /// The period, as printed ("2018", "2017–2018").
    pub period: String,
    /// The rank the report gives (1 = first).
    pub rank: Option<u32>,
    /// The level in the report's words.
    pub level: Option<String>,
    /// The direction of change the report states.
    pub change: Option<Direction>,
    /// The finding in the curators' words.
    pub statement: String,
    /// Its sources.
    pub sources: Vec<SourceRef>,
}

impl FindingRow {
    fn new(store: &Store, names: &std::collections::BTreeMap<String, String>, f: &Finding) -> Self {
        Self {
            id: f.id.clone(),
            economy: f.economy.clone(),
            economy_name: names
                .get(&f.economy)
                .cloned()
                .unwrap_or_else(|| f.economy.clone()),
            field: f.field.clone(),
            period: if f.period.start.is_none() && f.period.end.is_none() {
                String::new()
            } else {
                f.period.to_string()
            },
            rank: f.rank,
            level: f.level.clone(),
            change: f.change,
            statement: f.statement.clone(),
            sources: resolve_all(store, &f.sources),
        }
    }

    /// The rank as printed: "#1", or empty when the report gives none.
    pub fn rank_label(&self) -> String {
        self.rank.map(|r| format!("#{r}")).unwrap_or_default()
    }
}

/// The findings on one measure, in display order.
#[derive(Clone, Debug, PartialEq)]
pub struct FindingSection {
    /// What is measured, as stored.
    pub measure: String,
    /// The rows: by economy (Korea first), then ranked rows by rank, then by field.
    pub rows: Vec<FindingRow>,
    /// "Source: …" for the section.
    pub source_line: String,
}

/// The findings of one topic, one section per measure, sections in the order their measures
/// first appear in the store.
pub fn sections(store: &Store, topic: Topic) -> Vec<FindingSection> {
    let names = economy_names(store);
    let mut out: Vec<FindingSection> = Vec::new();
    for f in store
        .findings
        .iter()
        .filter(|f| Topic::of(&f.measure) == Some(topic))
    {
        let row = FindingRow::new(store, &names, f);
        match out.iter_mut().find(|s| s.measure == f.measure) {
            Some(section) => section.rows.push(row),
            None => out.push(FindingSection {
                measure: f.measure.clone(),
                rows: vec![row],
                source_line: String::new(),
            }),
        }
    }
    for section in &mut out {
        section.rows.sort_by(|a, b| {
            economy_rank(&a.economy)
                .cmp(&economy_rank(&b.economy))
                .then_with(|| rank_key(a.rank).cmp(&rank_key(b.rank)))
                .then_with(|| a.field.cmp(&b.field))
                .then_with(|| a.id.cmp(&b.id))
        });
        section.source_line = source_line_of(section.rows.iter().flat_map(|r| &r.sources));
    }
    out
}

fn rank_key(rank: Option<u32>) -> (bool, u32) {
    (rank.is_none(), rank.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Period};

    fn finding(
        id: &str,
        measure: &str,
        eco: &str,
        field: &str,
        rank: Option<u32>,
        change: Option<Direction>,
    ) -> Finding {
        Finding {
            id: id.to_owned(),
            measure: measure.to_owned(),
            economy: eco.to_owned(),
            field: Some(field.to_owned()),
            period: Period {
                start: Some(2017),
                end: Some(2018),
            },
            rank,
            level: None,
            change,
            statement: format!("{field} statement"),
            sources: vec![Citation {
                source: "ati".to_owned(),
                at: "Figure 1".to_owned(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn ranked_findings_come_first_in_rank_order_korea_before_eu27() {
        let measure = "Share of global transnational patent applications";
        let store = Store {
            findings: vec![
                finding(
                    "f-eu",
                    measure,
                    "EUU",
                    "Robotics",
                    None,
                    Some(Direction::Down),
                ),
                finding(
                    "f-nano",
                    measure,
                    "KOR",
                    "Nanotechnology",
                    None,
                    Some(Direction::Down),
                ),
                finding("f-photo", measure, "KOR", "Photonics", Some(3), None),
                finding("f-big", measure, "KOR", "Big Data", Some(1), None),
                finding(
                    "f-trade",
                    "Trade balance",
                    "KOR",
                    "Photonics",
                    Some(1),
                    None,
                ),
            ],
            ..Store::default()
        };
        let tech = sections(&store, Topic::Technology);
        assert_eq!(tech.len(), 1);
        let ids: Vec<&str> = tech[0].rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["f-big", "f-photo", "f-nano", "f-eu"]);
        assert_eq!(tech[0].rows[0].rank_label(), "#1");
        assert_eq!(tech[0].rows[2].rank_label(), "");
        assert_eq!(tech[0].rows[0].period, "2017–2018");
        assert_eq!(tech[0].source_line, "Source: ati, Figure 1.");
        let markets = sections(&store, Topic::Markets);
        assert_eq!(markets[0].measure, "Trade balance");
    }

    #[test]
    fn directions_have_arrows_and_words() {
        assert_eq!(arrow(Some(Direction::Up)), "↑");
        assert_eq!(direction_word(Some(Direction::Down)), "down");
        assert_eq!(arrow(None), "");
    }

    #[test]
    fn findings_go_to_the_chart_of_their_measure_and_others_to_none() {
        assert_eq!(
            Topic::of("RPA specialisation index"),
            Some(Topic::Technology)
        );
        assert_eq!(
            Topic::of("Private equity and venture capital investment"),
            Some(Topic::Markets)
        );
        assert_eq!(
            Topic::of("VC-backed start-ups founded after 2015 and funding rounds"),
            Some(Topic::Markets)
        );
        assert_eq!(
            Topic::of("Trade balance relative to total trade volume"),
            Some(Topic::Markets)
        );
        assert_eq!(Topic::of("GDP growth"), None);
    }
}
