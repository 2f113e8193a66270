//! Checks of stated figures and programme strands.

use super::checker::{Checker, cites, refers};
use super::kinds::{Kind, Kinds};
use crate::model::{Figure, Strand};

/// A stated figure: finite numbers, a range that runs upwards, a unit, the source's words, and
/// citations that say where in the source it is stated.
pub(super) fn figures(c: &mut Checker<'_>, kinds: &Kinds<'_>, list: &[Figure]) {
    for f in list {
        c.finite("value", f.value);
        if let Some(h) = f.value_high {
            c.finite("value_high", h);
            if h.is_finite() && f.value.is_finite() && h < f.value {
                c.report(
                    Some("value_high:"),
                    format!(
                        "the range ends ({h}) below where it starts ({}); expected value_high ≥ value",
                        f.value
                    ),
                );
            }
        }
        if let Some(m) = &f.converted {
            c.finite("value", m.value);
        }
        if f.unit.trim().is_empty() {
            c.report(
                Some("unit:"),
                format!(
                    "the figure `{}` has no unit; expected a currency code or a unit in words",
                    f.what
                ),
            );
        }
        if f.as_stated.trim().is_empty() {
            c.report(
                Some("as_stated:"),
                format!(
                    "the figure `{}` has no `as_stated`; expected the source's own words",
                    f.what
                ),
            );
        }
        c.period(&f.period);
        if f.sources.iter().any(|s| s.at.trim().is_empty()) {
            c.report(
                Some("sources:"),
                format!(
                    "the figure `{}` cites a source without saying where in it; expected `at:` (section, table, page)",
                    f.what
                ),
            );
        }
        cites(c, kinds, &f.sources);
    }
}

/// A programme strand: a title, SDG numbers 1–17, references to records that exist, citations.
pub(super) fn strands(c: &mut Checker<'_>, kinds: &Kinds<'_>, list: &[Strand]) {
    for s in list {
        if s.title.trim().is_empty() {
            c.report(Some("title:"), "a strand needs a title".to_owned());
        }
        for g in &s.sdgs {
            if !(1..=17).contains(g) {
                c.report(
                    Some("sdgs:"),
                    format!("SDG {g} does not exist; expected a goal number 1–17"),
                );
            }
        }
        for id in &s.named {
            refers(
                c,
                kinds,
                id,
                &[
                    Kind::Organisation,
                    Kind::Policy,
                    Kind::Agreement,
                    Kind::Programme,
                    Kind::Place,
                ],
            );
        }
        cites(c, kinds, &s.sources);
    }
}
