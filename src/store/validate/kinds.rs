//! The kinds of record an id can name, and the first pass over a store: every id, its kind,
//! and ids used twice.

use std::collections::BTreeMap;

use super::checker::Checker;
use super::{Locator, ParsedFile, Problem};
use crate::model::Store;

/// What kind of record an id names, for checking references.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
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
    pub(super) fn word(self) -> &'static str {
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

/// Every id of the files with its kind; empty and duplicate ids are reported.
pub(super) fn collect<'f>(
    files: &'f [ParsedFile],
    locators: &[Locator<'_>],
    problems: &mut Vec<Problem>,
) -> BTreeMap<&'f str, Kind> {
    let mut kinds: BTreeMap<&str, Kind> = BTreeMap::new();
    let mut seen: BTreeMap<(usize, &str), usize> = BTreeMap::new();
    for (fi, file) in files.iter().enumerate() {
        for (id, kind) in ids_of(&file.store) {
            let count = seen.entry((fi, id)).or_insert(0);
            let nth = *count;
            *count += 1;
            let mut c = Checker {
                file: &file.name,
                loc: &locators[fi],
                nth,
                id,
                problems,
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
    kinds
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
