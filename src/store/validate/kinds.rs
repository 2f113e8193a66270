//! The kinds of record an id can name, and the first pass over a store: every id, its kind,
//! and ids used twice.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

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

/// Every id of a store's files with its kind.
pub(super) type Kinds<'f> = HashMap<&'f str, Kind>;

/// What the first pass found: every id's kind, and the ids a file uses more than once (their
/// records are told apart by their order in the file when a problem is located).
pub(super) struct Ids<'f> {
    pub(super) kinds: Kinds<'f>,
    pub(super) repeated: HashSet<(usize, &'f str)>,
}

/// Every id of the files with its kind; empty and duplicate ids are reported.
pub(super) fn collect<'f>(
    files: &'f [ParsedFile<'_>],
    locators: &[Locator<'_>],
    problems: &mut Vec<Problem>,
) -> Ids<'f> {
    let lists: Vec<Vec<(&str, Kind)>> = files.iter().map(|f| ids_of(&f.store)).collect();
    // Per id: its kind, the last file it was seen in, and how often in that file (files are
    // gone through in order, so that count is the id's occurrence number in the file).
    let mut first: HashMap<&str, (Kind, usize, usize)> =
        HashMap::with_capacity(lists.iter().map(Vec::len).sum());
    let mut repeated = HashSet::new();
    for ((fi, file), list) in files.iter().enumerate().zip(lists) {
        for (id, kind) in list {
            let (earlier, nth) = match first.entry(id) {
                Entry::Vacant(v) => {
                    v.insert((kind, fi, 1));
                    (None, 0)
                }
                Entry::Occupied(mut o) => {
                    let (k, last, count) = o.get_mut();
                    if *last != fi {
                        (*last, *count) = (fi, 0);
                    }
                    *count += 1;
                    if *count > 1 {
                        repeated.insert((fi, id));
                    }
                    (Some(*k), *count - 1)
                }
            };
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
            if let Some(first) = earlier {
                c.report(
                    None,
                    format!(
                        "duplicate id `{id}` (already used by a {}); ids must be unique in the store",
                        first.word()
                    ),
                );
            }
        }
    }
    let kinds = first
        .into_iter()
        .filter(|(id, _)| !id.trim().is_empty())
        .map(|(id, (kind, _, _))| (id, kind))
        .collect();
    Ids { kinds, repeated }
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

#[cfg(test)]
mod tests {
    use crate::store::{Problem, load_texts, save::to_ron};

    fn problems(files: &[(&str, crate::model::Store)]) -> Vec<Problem> {
        let texts: Vec<(String, Vec<u8>)> = files
            .iter()
            .map(|(n, s)| ((*n).to_owned(), to_ron(s).expect("ron").into_bytes()))
            .collect();
        load_texts(&texts).expect_err("problems")
    }

    #[test]
    fn a_repeated_id_and_the_problems_of_its_second_record_point_at_the_second_record() {
        let mut s = crate::store::built_in().expect("built-in").clone();
        let mut twin = s.places[0].clone();
        twin.lat = 95.0;
        s.places.push(twin.clone());
        let text = to_ron(&s).expect("ron");
        let p = problems(&[("t.ron", s)]);
        let needle = format!("id: {:?}", twin.id);
        let lines: Vec<usize> = text
            .match_indices(&needle)
            .map(|(at, _)| text[..at].lines().count())
            .collect();
        assert_eq!(lines.len(), 2, "the id is in the text twice");
        let dup = p
            .iter()
            .find(|p| p.message.contains("duplicate"))
            .expect("dup");
        assert_eq!(dup.line, lines[1], "{p:?}");
        let lat = p
            .iter()
            .find(|p| p.message.contains("latitude 95"))
            .expect("lat");
        assert!(lat.line > lines[1], "{p:?}");
        assert_eq!(p.len(), 2, "{p:?}");
    }

    #[test]
    fn an_id_used_in_two_files_is_reported_in_the_second() {
        let s = crate::store::built_in().expect("built-in").clone();
        let mut b = crate::model::Store {
            format_version: s.format_version,
            ..Default::default()
        };
        b.places.push(s.places[3].clone());
        let p = problems(&[("a.ron", s.clone()), ("b.ron", b)]);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].file, "b.ron");
        assert!(
            p[0].message
                .contains(&format!("duplicate id `{}`", s.places[3].id))
        );
        assert!(p[0].line > 0, "{p:?}");
    }
}
