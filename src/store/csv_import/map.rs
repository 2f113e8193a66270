//! Filing checked rows into a copy of the store: each `source` text to one store source
//! (existing or new) and each (indicator, economy, source) to one series. Values from
//! different sources never go into one series.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::model::{Citation, IndicatorSeries, Point, Source, Store};
use crate::text::ellipsize;

use super::parse::Row;
use super::{ImportError, ImportOutcome, RowError, SourceMapping, ValueChange};

/// Where the rows of one `source` text go.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum SourceTarget {
    /// An existing source of the store, by id.
    Existing(String),
    /// A new source, titled with the text.
    New,
}

/// Choices the user made before importing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Where each `source` text goes; texts not listed go to the source whose id or title
    /// equals the text, or else to a new source.
    pub sources: BTreeMap<String, SourceTarget>,
}

/// The unit of an indicator code the atlas knows.
pub fn known_unit(indicator: &str) -> Option<&'static str> {
    match indicator {
        "GERD_PCT_GDP" | "BERD_PCT_GDP" => Some("% of GDP"),
        "PCT_SHARE_WORLD" => Some("% of world"),
        "PCT_APPLICATIONS" => Some("applications"),
        _ => None,
    }
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The store source whose id or title equals a `source` text (spaces and case ignored).
pub fn matching_source<'a>(store: &'a Store, text: &str) -> Option<&'a Source> {
    let t = normalise(text);
    store
        .sources
        .iter()
        .find(|s| s.id == text.trim() || normalise(&s.title) == t)
}

fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

fn all_ids(store: &Store) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    ids.extend(store.sources.iter().map(|r| r.id.clone()));
    ids.extend(store.places.iter().map(|r| r.id.clone()));
    ids.extend(store.organisations.iter().map(|r| r.id.clone()));
    ids.extend(store.programmes.iter().map(|r| r.id.clone()));
    ids.extend(store.partnerships.iter().map(|r| r.id.clone()));
    ids.extend(store.cohorts.iter().map(|r| r.id.clone()));
    ids.extend(store.agreements.iter().map(|r| r.id.clone()));
    ids.extend(store.indicators.iter().map(|r| r.id.clone()));
    ids.extend(store.findings.iter().map(|r| r.id.clone()));
    ids.extend(store.policy_measures.iter().map(|r| r.id.clone()));
    ids
}

fn unique_id(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The index of the series that (indicator, economy, source) rows belong to: one whose first
/// citation is the source, else one that cites it anywhere.
fn find_series(store: &Store, indicator: &str, economy: &str, source_id: &str) -> Option<usize> {
    let candidates =
        || {
            store.indicators.iter().enumerate().filter(|(_, s)| {
                s.indicator == indicator && s.economy == economy && s.field.is_none()
            })
        };
    candidates()
        .find(|(_, s)| s.sources.first().is_some_and(|c| c.source == source_id))
        .or_else(|| candidates().find(|(_, s)| s.sources.iter().any(|c| c.source == source_id)))
        .map(|(i, _)| i)
}

/// Files the rows into a copy of `store`: all of them, or none when one cannot be filed.
pub(super) fn apply(
    store: &Store,
    rows: Vec<Row>,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut out = store.clone();
    let mut taken = all_ids(store);
    let mut errors: Vec<RowError> = Vec::new();

    // 1. Each source text → a source id (existing or new), in order of first appearance.
    let mut mappings: Vec<SourceMapping> = Vec::new();
    for row in &rows {
        if let Some(m) = mappings.iter_mut().find(|m| m.text == row.source) {
            m.rows += 1;
            continue;
        }
        let chosen = options.sources.get(&row.source).cloned();
        let existing = match &chosen {
            Some(SourceTarget::Existing(id)) => out.sources.iter().find(|s| &s.id == id),
            Some(SourceTarget::New) => None,
            None => matching_source(&out, &row.source),
        };
        let (target, source_id) = match existing {
            Some(s) => (SourceTarget::Existing(s.id.clone()), s.id.clone()),
            None => {
                let id = unique_id(&format!("src-import-{}", slug(&row.source, 48)), &mut taken);
                (SourceTarget::New, id)
            }
        };
        mappings.push(SourceMapping {
            text: row.source.clone(),
            rows: 1,
            target,
            source_id,
        });
    }
    let mut new_sources = Vec::new();
    for m in mappings.iter().filter(|m| m.target == SourceTarget::New) {
        out.sources.push(Source {
            id: m.source_id.clone(),
            title: m.text.clone(),
            publisher: String::new(),
            date: String::new(),
            url: None,
            licence: None,
            note: Some(format!(
                "Added by a CSV import of {file_name}; the title is the file's source column, verbatim."
            )),
            ..Default::default()
        });
        new_sources.push(m.source_id.clone());
    }
    let source_of = |text: &str| -> String {
        mappings
            .iter()
            .find(|m| m.text == text)
            .map(|m| m.source_id.clone())
            .unwrap_or_default()
    };

    // 2. Rows → series.
    let mut new_series: Vec<String> = Vec::new();
    let mut updated: BTreeSet<String> = BTreeSet::new();
    let mut added_points = 0;
    let mut changed = Vec::new();
    let mut unchanged_points = 0;
    for row in &rows {
        let source_id = source_of(&row.source);
        let idx = match find_series(&out, &row.indicator, &row.economy, &source_id) {
            Some(i) => i,
            None => {
                let unit = row
                    .unit
                    .clone()
                    .or_else(|| known_unit(&row.indicator).map(str::to_owned))
                    .or_else(|| {
                        out.indicators
                            .iter()
                            .find(|s| s.indicator == row.indicator)
                            .map(|s| s.unit.clone())
                    });
                let Some(unit) = unit else {
                    errors.push(RowError {
                        line: row.line,
                        message: format!(
                            "no unit is known for indicator '{}'; add a unit column",
                            row.indicator
                        ),
                    });
                    continue;
                };
                let short = match row.indicator.as_str() {
                    "GERD_PCT_GDP" => "gerd".to_owned(),
                    "BERD_PCT_GDP" => "berd".to_owned(),
                    other => slug(other, 32),
                };
                let id = unique_id(
                    &format!(
                        "{short}-{}-{}",
                        row.economy.to_lowercase(),
                        source_id.trim_start_matches("src-")
                    ),
                    &mut taken,
                );
                let source_title = out
                    .sources
                    .iter()
                    .find(|s| s.id == source_id)
                    .map_or_else(|| row.source.clone(), |s| s.title.clone());
                let derived = row
                    .source
                    .trim_start()
                    .to_lowercase()
                    .starts_with("derived");
                out.indicators.push(IndicatorSeries {
                    id: id.clone(),
                    name: format!(
                        "{}, {unit} — {} ({})",
                        crate::analysis::charts::indicator_short(&row.indicator),
                        row.economy_name,
                        ellipsize(&source_title, 60)
                    ),
                    indicator: row.indicator.clone(),
                    unit,
                    economy: row.economy.clone(),
                    economy_name: row.economy_name.clone(),
                    field: None,
                    derived,
                    derivation: derived.then(|| row.source.clone()),
                    caveat: None,
                    points: Vec::new(),
                    sources: vec![Citation {
                        source: source_id.clone(),
                        at: format!("imported from {file_name}"),
                    }],
                });
                new_series.push(id);
                out.indicators.len() - 1
            }
        };
        let series = &mut out.indicators[idx];
        if let Some(u) = &row.unit
            && u != &series.unit
        {
            errors.push(RowError {
                line: row.line,
                message: format!(
                    "unit '{u}' differs from the unit '{}' of series {}",
                    series.unit, series.id
                ),
            });
            continue;
        }
        let is_new = new_series.contains(&series.id);
        match series.points.iter_mut().find(|p| p.year == row.year) {
            Some(p) if p.value == row.value => unchanged_points += 1,
            Some(p) => {
                changed.push(ValueChange {
                    series_id: series.id.clone(),
                    year: row.year,
                    old: p.value,
                    new: row.value,
                });
                p.value = row.value;
                updated.insert(series.id.clone());
            }
            None => {
                series.points.push(Point {
                    year: row.year,
                    value: row.value,
                    unit: None,
                });
                added_points += 1;
                if !is_new {
                    updated.insert(series.id.clone());
                }
            }
        }
    }
    if !errors.is_empty() {
        errors.sort();
        return Err(ImportError::Rows {
            path: path.to_path_buf(),
            errors,
        });
    }
    for s in &mut out.indicators {
        if new_series.contains(&s.id) || updated.contains(&s.id) {
            s.points.sort_by_key(|p| p.year);
        }
    }
    Ok(ImportOutcome {
        store: out,
        file_name,
        rows: rows.len(),
        sources: mappings,
        new_series,
        updated_series: updated.into_iter().collect(),
        new_sources,
        added_points,
        changed,
        unchanged_points,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::super::test_store::{HEADER, base, import};
    use super::super::*;

    #[test]
    fn a_known_source_updates_its_series_and_reports_changed_values() {
        let text = format!(
            "{HEADER}KOR,Korea,2019,GERD_PCT_GDP,4.63,OECD MSTI Sep-2021\n\
             KOR,Korea,2020,GERD_PCT_GDP,4.8,oecd  msti sep-2021\n\
             KOR,Korea,2018,GERD_PCT_GDP,4.52,OECD MSTI Sep-2021\n"
        );
        let out = import(&text).expect("good rows");
        assert!(out.new_series.is_empty());
        assert!(out.new_sources.is_empty());
        assert_eq!(out.updated_series, vec!["gerd-kor-msti"]);
        assert_eq!(out.added_points, 1);
        assert_eq!(out.unchanged_points, 1);
        assert_eq!(
            out.changed,
            vec![ValueChange {
                series_id: "gerd-kor-msti".to_owned(),
                year: 2019,
                old: 4.64,
                new: 4.63
            }]
        );
        let years: Vec<i32> = out.store.indicators[0]
            .points
            .iter()
            .map(|p| p.year)
            .collect();
        assert_eq!(years, vec![2018, 2019, 2020]);
        assert_eq!(
            out.summary(),
            "Imported 3 rows from new.csv: 0 new series, 1 series updated, 1 values added, 1 changed, 1 unchanged."
        );
    }

    #[test]
    fn an_unknown_source_gets_its_own_source_and_series_never_mixed_into_another() {
        let text = format!(
            "{HEADER}KOR,Korea,2019,GERD_PCT_GDP,4.627,UNESCO UIS via World Bank\n\
             KOR,Korea,2019,BERD_PCT_GDP,3.73,Derived: GERD x business share\n"
        );
        let out = import(&text).expect("good rows");
        assert_eq!(out.new_sources.len(), 2);
        assert_eq!(out.new_series.len(), 2);
        let wb = out
            .store
            .indicators
            .iter()
            .find(|s| s.id == out.new_series[0])
            .expect("new series is in the store");
        assert_eq!(wb.sources[0].source, "src-import-unesco-uis-via-world-bank");
        assert_eq!(wb.unit, "% of GDP");
        assert!(!wb.derived);
        let berd = out
            .store
            .indicators
            .iter()
            .find(|s| s.id == out.new_series[1])
            .expect("new series is in the store");
        assert!(berd.derived);
        assert_eq!(
            berd.derivation.as_deref(),
            Some("Derived: GERD x business share")
        );
        // The MSTI series is untouched.
        assert_eq!(out.store.indicators[0], base().indicators[0]);
        assert!(crate::store::validate(&out.store, "import").is_empty());
    }

    #[test]
    fn a_source_can_be_mapped_to_an_existing_one_by_choice() {
        let text = format!("{HEADER}KOR,Korea,2020,GERD_PCT_GDP,4.8,MSTI 2021 edition\n");
        let mut options = ImportOptions::default();
        options.sources.insert(
            "MSTI 2021 edition".to_owned(),
            SourceTarget::Existing("src-msti".to_owned()),
        );
        let out = import_bytes(&base(), text.as_bytes(), Path::new("x.csv"), &options)
            .expect("good rows");
        assert!(out.new_sources.is_empty());
        assert_eq!(out.updated_series, vec!["gerd-kor-msti"]);
    }
}
