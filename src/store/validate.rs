//! Semantic checks of a parsed store, all reported together: duplicate and unknown ids,
//! coordinates, years, periods, non-finite numbers, units, missing sources.

use std::collections::{BTreeMap, BTreeSet};

use super::{Problem, locate::Locator, read::ParsedFile};
use crate::model::{Citation, Figure, Milestone, PartialDate, Period, Store, Strand};

/// Years a record may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Checks a whole store that is already in memory (for example one built by an import) and
/// returns its problems; positions are unknown, so problems name the record instead.
pub fn validate(store: &Store, name: &str) -> Vec<Problem> {
    let text = String::new();
    let file = ParsedFile {
        name: name.to_owned(),
        text,
        store: store.clone(),
    };
    validate_files(std::slice::from_ref(&file))
}

/// What kind of record an id names, for checking references.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Source,
    Place,
    Organisation,
    Programme,
    Partnership,
    Cohort,
    Agreement,
    Indicator,
    Finding,
    Policy,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Place => "place",
            Kind::Organisation => "organisation",
            Kind::Programme => "programme",
            Kind::Partnership => "partnership",
            Kind::Cohort => "cohort",
            Kind::Agreement => "agreement",
            Kind::Indicator => "indicator",
            Kind::Finding => "finding",
            Kind::Policy => "policy measure",
        }
    }
}

/// Collects problems for one record, locating each at the record or at a value inside it.
struct Checker<'a> {
    file: &'a str,
    loc: &'a Locator<'a>,
    /// Offset of the record's `id:` key, when found.
    at: Option<usize>,
    id: &'a str,
    problems: &'a mut Vec<Problem>,
}

impl Checker<'_> {
    /// Reports a problem at the first `needle` inside the record, or at the record itself.
    fn report(&mut self, needle: Option<&str>, message: String) {
        let offset = match (self.at, needle) {
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

    fn year(&mut self, key: &str, year: i32) {
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

    fn period(&mut self, period: &Period) {
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

    fn date(&mut self, date: &PartialDate) {
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

    fn finite(&mut self, key: &str, value: f64) {
        if !value.is_finite() {
            self.report(
                Some(&format!("{key}:")),
                format!("{key} is {value}; expected a finite number"),
            );
        }
    }
}

/// Checks every file of a store together (ids must be unique across files).
pub fn validate_files(files: &[ParsedFile]) -> Vec<Problem> {
    let locators: Vec<Locator<'_>> = files.iter().map(|f| Locator::new(&f.text)).collect();
    let mut problems = Vec::new();

    // First pass: every id, its kind, and duplicates.
    let mut kinds: BTreeMap<&str, Kind> = BTreeMap::new();
    let mut seen: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (fi, file) in files.iter().enumerate() {
        for (id, kind) in ids_of(&file.store) {
            let nth = seen.entry((fi, id)).or_insert(0);
            let at = locators[fi].record(id, *nth);
            *nth += 1;
            let mut c = Checker {
                file: &file.name,
                loc: &locators[fi],
                at,
                id,
                problems: &mut problems,
            };
            if id.trim().is_empty() {
                c.report(None, format!("a {} has an empty id", kind.word()));
                continue;
            }
            if let Some(first) = kinds.get(id) {
                c.report(
                    None,
                    format!(
                        "duplicate id `{id}` (already used by a {}); ids must be unique in the store",
                        first.word()
                    ),
                );
            } else {
                kinds.insert(id, kind);
            }
        }
    }

    // Second pass: each record's own checks and references.
    for (fi, file) in files.iter().enumerate() {
        let mut nth: BTreeMap<String, usize> = BTreeMap::new();
        let s = &file.store;
        let mut checker =
            |id: &str,
             nth: &mut BTreeMap<_, _>,
             f: &mut dyn FnMut(&mut Checker<'_>, &BTreeMap<&str, Kind>)| {
                let n = nth.entry(id.to_owned()).or_insert(0usize);
                let at = locators[fi].record(id, *n);
                *n += 1;
                let mut c = Checker {
                    file: &file.name,
                    loc: &locators[fi],
                    at,
                    id,
                    problems: &mut problems,
                };
                f(&mut c, &kinds);
            };
        for r in &s.sources {
            checker(&r.id, &mut nth, &mut |c, _| {
                if r.title.trim().is_empty() {
                    c.report(Some("title:"), "a source needs a title".to_owned());
                }
            });
        }
        for r in &s.places {
            checker(&r.id, &mut nth, &mut |c, k| {
                c.finite("lat", r.lat);
                c.finite("lon", r.lon);
                if r.lat.is_finite() && !(-90.0..=90.0).contains(&r.lat) {
                    c.report(
                        Some("lat:"),
                        format!("latitude {} is outside −90…90", r.lat),
                    );
                }
                if r.lon.is_finite() && !(-180.0..=180.0).contains(&r.lon) {
                    c.report(
                        Some("lon:"),
                        format!("longitude {} is outside −180…180", r.lon),
                    );
                }
                cites(c, k, &r.sources);
            });
        }
        for r in &s.organisations {
            checker(&r.id, &mut nth, &mut |c, k| {
                if let Some(p) = &r.place {
                    refers(c, k, p, &[Kind::Place]);
                }
                if let Some(p) = &r.parent {
                    refers(c, k, p, &[Kind::Organisation]);
                }
                cites(c, k, &r.sources);
            });
        }
        for r in &s.programmes {
            checker(&r.id, &mut nth, &mut |c, k| {
                for o in r.sponsors.iter().chain(&r.delivery) {
                    refers(c, k, o, &[Kind::Organisation]);
                }
                c.period(&r.period);
                strands(c, k, &r.strands);
                figures(c, k, &r.figures);
                cites(c, k, &r.sources);
            });
        }
        for r in &s.partnerships {
            checker(&r.id, &mut nth, &mut |c, k| {
                refers(c, k, &r.programme, &[Kind::Programme]);
                refers(c, k, &r.a, &[Kind::Place, Kind::Organisation]);
                refers(c, k, &r.b, &[Kind::Place, Kind::Organisation]);
                if r.a == r.b {
                    c.report(
                        Some("b:"),
                        format!("both sides are `{}`; expected two different partners", r.a),
                    );
                }
                if let Some(y) = r.since {
                    c.year("since", y);
                }
                milestones(c, k, &r.milestones);
                cites(c, k, &r.sources);
            });
        }
        for r in &s.cohorts {
            checker(&r.id, &mut nth, &mut |c, k| {
                refers(c, k, &r.programme, &[Kind::Programme]);
                for m in &r.members {
                    refers(c, k, m, &[Kind::Place, Kind::Organisation]);
                }
                c.period(&r.period);
                milestones(c, k, &r.milestones);
                figures(c, k, &r.figures);
                cites(c, k, &r.sources);
            });
        }
        for r in &s.agreements {
            checker(&r.id, &mut nth, &mut |c, k| {
                for p in &r.parties {
                    refers(c, k, p, &[Kind::Organisation, Kind::Place]);
                }
                if let Some(p) = &r.programme {
                    refers(c, k, p, &[Kind::Programme]);
                }
                if let Some(y) = r.year {
                    c.year("year", y);
                }
                if let Some(p) = &r.period {
                    c.period(p);
                }
                cites(c, k, &r.sources);
            });
        }
        for r in &s.indicators {
            checker(&r.id, &mut nth, &mut |c, k| {
                let mut years = BTreeSet::new();
                for p in &r.points {
                    c.year("year", p.year);
                    c.finite("value", p.value);
                    if !years.insert(p.year) {
                        c.report(
                            Some(&format!("year: {}", p.year)),
                            format!(
                                "year {} appears twice in the series; expected one value per year",
                                p.year
                            ),
                        );
                    }
                    if let Some(u) = &p.unit
                        && u != &r.unit
                    {
                        c.report(
                            Some(&format!("\"{u}\"")),
                            format!(
                                "the point for {} is in `{u}` but the series is in `{}`; expected the series unit",
                                p.year, r.unit
                            ),
                        );
                    }
                }
                if r.unit.trim().is_empty() {
                    c.report(Some("unit:"), "an indicator series needs a unit".to_owned());
                }
                cites(c, k, &r.sources);
            });
        }
        for r in &s.findings {
            checker(&r.id, &mut nth, &mut |c, k| {
                c.period(&r.period);
                figures(c, k, &r.figures);
                cites(c, k, &r.sources);
            });
        }
        for r in &s.policy_measures {
            checker(&r.id, &mut nth, &mut |c, k| {
                for o in &r.owners {
                    refers(c, k, o, &[Kind::Organisation]);
                }
                if let Some(p) = &r.parent {
                    refers(c, k, p, &[Kind::Policy]);
                }
                c.period(&r.period);
                if let Some(f) = &r.funding {
                    for m in f.amount.iter().chain(&f.converted) {
                        c.finite("value", m.value);
                    }
                }
                figures(c, k, &r.figures);
                cites(c, k, &r.sources);
            });
        }
    }
    problems
}

fn milestones(c: &mut Checker<'_>, kinds: &BTreeMap<&str, Kind>, list: &[Milestone]) {
    for m in list {
        c.date(&m.date);
        if let Some(p) = &m.place {
            refers(c, kinds, p, &[Kind::Place]);
        }
        cites(c, kinds, &m.sources);
    }
}

/// A stated figure: finite numbers, a range that runs upwards, a unit, the source's words, and
/// citations that say where in the source it is stated.
fn figures(c: &mut Checker<'_>, kinds: &BTreeMap<&str, Kind>, list: &[Figure]) {
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
fn strands(c: &mut Checker<'_>, kinds: &BTreeMap<&str, Kind>, list: &[Strand]) {
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

fn cites(c: &mut Checker<'_>, kinds: &BTreeMap<&str, Kind>, citations: &[Citation]) {
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

fn refers(c: &mut Checker<'_>, kinds: &BTreeMap<&str, Kind>, id: &str, allowed: &[Kind]) {
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

fn ids_of(s: &Store) -> Vec<(&str, Kind)> {
    let mut v: Vec<(&str, Kind)> = Vec::new();
    v.extend(s.sources.iter().map(|r| (r.id.as_str(), Kind::Source)));
    v.extend(s.places.iter().map(|r| (r.id.as_str(), Kind::Place)));
    v.extend(
        s.organisations
            .iter()
            .map(|r| (r.id.as_str(), Kind::Organisation)),
    );
    v.extend(
        s.programmes
            .iter()
            .map(|r| (r.id.as_str(), Kind::Programme)),
    );
    v.extend(
        s.partnerships
            .iter()
            .map(|r| (r.id.as_str(), Kind::Partnership)),
    );
    v.extend(s.cohorts.iter().map(|r| (r.id.as_str(), Kind::Cohort)));
    v.extend(
        s.agreements
            .iter()
            .map(|r| (r.id.as_str(), Kind::Agreement)),
    );
    v.extend(
        s.indicators
            .iter()
            .map(|r| (r.id.as_str(), Kind::Indicator)),
    );
    v.extend(s.findings.iter().map(|r| (r.id.as_str(), Kind::Finding)));
    v.extend(
        s.policy_measures
            .iter()
            .map(|r| (r.id.as_str(), Kind::Policy)),
    );
    v
}
