//! Collecting the problems of one record, each at the record or at a value inside it, and the
//! checks that many kinds of record share (years, periods, dates, numbers, references).

use super::kinds::{Kind, Kinds};
use super::{Locator, Problem, YEARS};
use crate::model::{Citation, Milestone, PartialDate, Period};

/// Collects problems for one record, locating each at the record or at a value inside it.
pub(super) struct Checker<'a> {
    pub(super) file: &'a str,
    pub(super) loc: &'a Locator<'a>,
    /// Which occurrence of the id in the file this record is (0 for the first): its `id:` key
    /// is looked up only when a problem needs a position.
    pub(super) nth: usize,
    pub(super) id: &'a str,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    /// Reports a problem at the first `needle` inside the record, or at the record itself.
    pub(super) fn report(&mut self, needle: Option<&str>, message: String) {
        let at = self.loc.record(self.id, self.nth);
        let offset = match (at, needle) {
            (Some(at), Some(n)) => self.loc.find_after(at, n).or(Some(at)),
            (at, _) => at,
        };
        let (line, column) = offset.map_or((0, 0), |o| self.loc.line_col(o));
        let message = if self.id.is_empty() || offset.is_some() {
            message
        } else {
            format!("record `{}`: {message}", self.id)
        };
        self.problems.push(Problem {
            file: self.file.to_owned(),
            line,
            column,
            message,
        });
    }

    pub(super) fn year(&mut self, key: &str, year: i32) {
        if !YEARS.contains(&year) {
            self.report(
                Some(&year.to_string()),
                format!(
                    "{key} {year} is outside {}–{}; expected a year in that range",
                    YEARS.start(),
                    YEARS.end()
                ),
            );
        }
    }

    pub(super) fn period(&mut self, period: &Period) {
        if let Some(s) = period.start {
            self.year("start year", s);
        }
        if let Some(e) = period.end {
            self.year("end year", e);
        }
        if let (Some(s), Some(e)) = (period.start, period.end)
            && e < s
        {
            self.report(
                Some("end:"),
                format!("the period ends ({e}) before it starts ({s}); expected end ≥ start"),
            );
        }
    }

    pub(super) fn date(&mut self, date: &PartialDate) {
        self.year("year", date.year);
        if let Some(m) = date.month
            && !(1..=12).contains(&m)
        {
            self.report(Some("month:"), format!("month {m} is not 1–12"));
        }
        if let Some(d) = date.day
            && !(1..=31).contains(&d)
        {
            self.report(Some("day:"), format!("day {d} is not 1–31"));
        }
        if date.day.is_some() && date.month.is_none() {
            self.report(Some("day:"), "a day is given without a month".to_owned());
        }
    }

    pub(super) fn finite(&mut self, key: &str, value: f64) {
        if !value.is_finite() {
            self.report(
                Some(&format!("{key}:")),
                format!("{key} is {value}; expected a finite number"),
            );
        }
    }
}

pub(super) fn milestones(c: &mut Checker<'_>, kinds: &Kinds<'_>, list: &[Milestone]) {
    for m in list {
        c.date(&m.date);
        if let Some(p) = &m.place {
            refers(c, kinds, p, &[Kind::Place]);
        }
        cites(c, kinds, &m.sources);
    }
}

pub(super) fn cites(c: &mut Checker<'_>, kinds: &Kinds<'_>, citations: &[Citation]) {
    if citations.is_empty() {
        c.report(
            Some("sources:"),
            "no source is cited; every record that states a fact must name its source".to_owned(),
        );
    }
    for cit in citations {
        refers(c, kinds, &cit.source, &[Kind::Source]);
    }
}

pub(super) fn refers(c: &mut Checker<'_>, kinds: &Kinds<'_>, id: &str, allowed: &[Kind]) {
    let expected = allowed
        .iter()
        .map(|k| k.word())
        .collect::<Vec<_>>()
        .join(" or ");
    match kinds.get(id) {
        None => c.report(
            Some(&format!("\"{id}\"")),
            format!("unknown id `{id}`; expected the id of a {expected} in this store"),
        ),
        Some(kind) if !allowed.contains(kind) => c.report(
            Some(&format!("\"{id}\"")),
            format!("`{id}` is a {}; expected a {expected}", kind.word()),
        ),
        Some(_) => {}
    }
}
