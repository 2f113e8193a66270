//! The second pass over a store: each record's own checks (coordinates, years, periods,
//! units, finite numbers) and its references to other records and to sources.

use std::collections::{BTreeSet, HashMap};

use super::checker::{Checker, cites, milestones, refers};
use super::edits::aliases;
use super::figures::{figures, strands};
use super::kinds::{Ids, Kind, Kinds};
use super::{Locator, ParsedFile, Problem};

/// Checks every record of the files against the ids of the whole store.
pub(super) fn check(
    files: &[ParsedFile<'_>],
    locators: &[Locator<'_>],
    ids: &Ids<'_>,
    problems: &mut Vec<Problem>,
) {
    let kinds = &ids.kinds;
    // Second pass: each record's own checks and references.
    for (fi, file) in files.iter().enumerate() {
        // Occurrence numbers are counted only for ids the file uses more than once (any other
        // record is the first and only one with its id).
        let mut nth: HashMap<String, usize> = HashMap::new();
        let s = &file.store;
        let mut checker =
            |id: &str, nth: &mut HashMap<_, _>, f: &mut dyn FnMut(&mut Checker<'_>, &Kinds<'_>)| {
                let n = if ids.repeated.contains(&(fi, id)) {
                    let count = nth.entry(id.to_owned()).or_insert(0usize);
                    *count += 1;
                    *count - 1
                } else {
                    0
                };
                let mut c = Checker {
                    file: &file.name,
                    loc: &locators[fi],
                    nth: n,
                    id,
                    problems: &mut *problems,
                };
                f(&mut c, kinds);
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
                let names = [Some(r.name.as_str()), r.name_ko.as_deref()];
                aliases(
                    c,
                    k,
                    &names.into_iter().flatten().collect::<Vec<_>>(),
                    &r.aliases,
                );
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
                let names = [Some(r.name.as_str()), r.name_ko.as_deref()];
                aliases(
                    c,
                    k,
                    &names.into_iter().flatten().collect::<Vec<_>>(),
                    &r.aliases,
                );
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
                milestones(c, k, &r.milestones);
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
}
