//! Policy budgets as the source states them: the amount in its own currency, the source's own
//! conversion (kept even when it is wrong) and the caveat that says so.

use crate::analysis::charts::{SourceRef, resolve_all};
use crate::model::{Money, PolicyKind, PolicyMeasure, Scale, Store};

/// The currency the budgets chart draws (amounts in other currencies are listed, not drawn).
pub const CHART_CURRENCY: &str = "KRW";

/// The source line of the budgets chart: the sources of the rows it draws.
pub fn source_line(rows: &[BudgetRow]) -> String {
    let (_, charted) = bars(rows, CHART_CURRENCY);
    crate::analysis::charts::source_line_of(charted.iter().flat_map(|(r, _)| &r.sources))
}

/// One funded policy measure or strategy.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetRow {
    /// The policy record's id (what selecting the row selects).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Strategy or measure.
    pub kind: PolicyKind,
    /// ISO 3166-1 alpha-2 code of the government that runs it.
    pub country: String,
    /// The period, as printed.
    pub period: String,
    /// The title of the strategy it is part of, where it is part of one.
    pub parent: Option<String>,
    /// The id of that strategy.
    pub parent_id: Option<String>,
    /// The source's own words, verbatim.
    pub as_stated: String,
    /// The amount, where the source gives one.
    pub amount: Option<Money>,
    /// The source's own conversion, where it gives one.
    pub converted: Option<Money>,
    /// The caveat where the source's figures look inconsistent.
    pub caveat: Option<String>,
    /// Organisations responsible (ids).
    pub owners: Vec<String>,
    /// Its sources.
    pub sources: Vec<SourceRef>,
}

impl BudgetRow {
    fn new(store: &Store, m: &PolicyMeasure) -> Option<Self> {
        let funding = m.funding.as_ref()?;
        Some(Self {
            id: m.id.clone(),
            title: m.title.clone(),
            kind: m.kind,
            country: m.country.clone(),
            period: if m.period.start.is_none() && m.period.end.is_none() {
                String::new()
            } else {
                m.period.to_string()
            },
            parent: m.parent.as_ref().map(|p| store.display_name(p)),
            parent_id: m.parent.clone(),
            as_stated: funding.as_stated.clone(),
            amount: funding.amount.clone(),
            converted: funding.converted.clone(),
            caveat: funding.caveat.clone(),
            owners: m.owners.clone(),
            sources: resolve_all(store, &m.sources),
        })
    }

    /// How many units of the amount's currency one unit of the converted currency stands for,
    /// as implied by the source's own two figures (for example KRW per €). A computation on
    /// stated figures, shown so that a reader can see a conversion that is off.
    pub fn implied_rate(&self) -> Option<f64> {
        let (a, c) = (self.amount.as_ref()?, self.converted.as_ref()?);
        let (a, c) = (a.absolute(), c.absolute());
        (a.is_finite() && c.is_finite() && c != 0.0).then(|| a / c)
    }

    /// "Title (part of Parent)".
    pub fn label(&self) -> String {
        match &self.parent {
            Some(p) => format!("{} (part of {p})", self.title),
            None => self.title.clone(),
        }
    }

    /// The sources as one line.
    pub fn source_label(&self) -> String {
        self.sources
            .iter()
            .map(SourceRef::label)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Every funded policy record, each strategy followed by its parts, otherwise in store order.
pub fn rows(store: &Store) -> Vec<BudgetRow> {
    let funded: Vec<&PolicyMeasure> = store
        .policy_measures
        .iter()
        .filter(|m| m.funding.is_some())
        .collect();
    let mut ordered: Vec<&PolicyMeasure> = Vec::with_capacity(funded.len());
    fn push_with_children<'a>(
        m: &'a PolicyMeasure,
        all: &[&'a PolicyMeasure],
        out: &mut Vec<&'a PolicyMeasure>,
        depth: usize,
    ) {
        if out.iter().any(|o| o.id == m.id) || depth > 8 {
            return;
        }
        out.push(m);
        for child in all
            .iter()
            .filter(|c| c.parent.as_deref() == Some(m.id.as_str()))
        {
            push_with_children(child, all, out, depth + 1);
        }
    }
    for m in &funded {
        let parent_funded = m
            .parent
            .as_deref()
            .is_some_and(|p| funded.iter().any(|o| o.id == p));
        if !parent_funded {
            push_with_children(m, &funded, &mut ordered, 0);
        }
    }
    // Anything left (a parent cycle) keeps store order at the end.
    for m in &funded {
        if !ordered.iter().any(|o| o.id == m.id) {
            ordered.push(m);
        }
    }
    ordered
        .into_iter()
        .filter_map(|m| BudgetRow::new(store, m))
        .collect()
}

/// The scale to print amounts in: the largest scale at which the largest amount is at least 1.
pub fn display_scale(max_absolute: f64) -> Scale {
    [
        Scale::Trillion,
        Scale::Billion,
        Scale::Million,
        Scale::Thousand,
    ]
    .into_iter()
    .find(|s| max_absolute >= s.factor())
    .unwrap_or(Scale::Units)
}

/// The bars of the budget chart: rows whose stated amount is in `currency`, with the amount in
/// the returned scale. Rows in other currencies are left out (one axis, one currency).
pub fn bars<'a>(rows: &'a [BudgetRow], currency: &str) -> (Scale, Vec<(&'a BudgetRow, f64)>) {
    let charted: Vec<(&BudgetRow, f64)> = rows
        .iter()
        .filter_map(|r| {
            let a = r.amount.as_ref()?;
            (a.currency == currency && a.absolute().is_finite()).then(|| (r, a.absolute()))
        })
        .collect();
    let max = charted.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let scale = display_scale(max);
    let bars = charted
        .into_iter()
        .map(|(r, v)| (r, v / scale.factor()))
        .collect();
    (scale, bars)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Citation, Funding, Period};

    fn measure(
        id: &str,
        parent: Option<&str>,
        amount: Option<(f64, &str)>,
        converted: Option<f64>,
    ) -> PolicyMeasure {
        PolicyMeasure {
            id: id.to_owned(),
            title: id.to_owned(),
            kind: PolicyKind::Measure,
            country: "KR".to_owned(),
            period: Period {
                start: Some(2020),
                end: Some(2025),
            },
            owners: vec![],
            parent: parent.map(str::to_owned),
            funding: amount.map(|(v, cur)| Funding {
                as_stated: format!("{cur} {v} trillion"),
                amount: Some(Money {
                    currency: cur.to_owned(),
                    value: v,
                    scale: Scale::Trillion,
                }),
                converted: converted.map(|c| Money {
                    currency: "EUR".to_owned(),
                    value: c,
                    scale: Scale::Million,
                }),
                caveat: None,
            }),
            fields: vec![],
            description: String::new(),
            sources: vec![Citation {
                source: "ati".to_owned(),
                at: "Table 1".to_owned(),
            }],
            ..Default::default()
        }
    }

    fn store() -> Store {
        Store {
            policy_measures: vec![
                measure("digital", Some("new-deal"), Some((58.2, "KRW")), Some(43.2)),
                measure("ai", None, Some((3.9, "USD")), None),
                measure("unfunded", None, None, None),
                measure("new-deal", None, Some((114.1, "KRW")), Some(84.5)),
            ],
            ..Store::default()
        }
    }

    #[test]
    fn a_strategy_is_followed_by_its_parts_and_unfunded_records_are_left_out() {
        let rows = rows(&store());
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, vec!["ai", "new-deal", "digital"]);
        assert_eq!(rows[2].label(), "digital (part of new-deal)");
    }

    #[test]
    fn only_krw_amounts_are_charted_in_trillions() {
        let rows = rows(&store());
        let (scale, bars) = bars(&rows, "KRW");
        assert_eq!(scale, Scale::Trillion);
        let values: Vec<(&str, f64)> = bars.iter().map(|(r, v)| (r.id.as_str(), *v)).collect();
        assert_eq!(values, vec![("new-deal", 114.1), ("digital", 58.2)]);
    }

    #[test]
    fn the_implied_rate_shows_a_conversion_a_thousand_times_off() {
        let rows = rows(&store());
        let rate = rows[1].implied_rate().expect("both amounts are stated");
        // 114.1 trillion KRW / 84.5 million EUR ≈ 1.35 million KRW per euro.
        assert!((rate - 1_350_295.86).abs() < 1.0, "{rate}");
        assert_eq!(rows[0].implied_rate(), None);
    }
}
