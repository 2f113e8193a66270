//! Importing newer indicator figures from a tidy CSV (the layout of
//! `shared/data/rd/rd_intensity.csv`: `country_code, country_name, year, indicator, value,
//! source`, optionally `unit`) into a copy of the open store.
//!
//! All or nothing: every bad row is reported with its line number, and if there is one, the
//! store is left as it was. Values from different sources never go into one series: each
//! distinct `source` text becomes (or maps to) one store source, and each (indicator,
//! economy, source) one series.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::model::{Citation, IndicatorSeries, Point, Source, Store};

/// The columns an import file must have (in any order).
pub const REQUIRED_COLUMNS: [&str; 6] = [
    "country_code",
    "country_name",
    "year",
    "indicator",
    "value",
    "source",
];

/// Years a value may be for (as in the store's own checks).
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

/// One bad row: its line in the file (1 = the header) and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowError {
    /// 1-based line number in the file.
    pub line: u64,
    /// What is wrong and what was expected.
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why an import did not happen. Nothing is imported when any of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read the file: {source} — {}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    #[error("the file is {size} bytes, more than the {MAX_IMPORT_BYTES} an indicator CSV may have — {}", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
    },
    /// The header lacks required columns.
    #[error("the header lacks {}; expected the columns {} — {}", .missing.join(", "), REQUIRED_COLUMNS.join(", "), .path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// The missing column names.
        missing: Vec<String>,
    },
    /// The file has a header but no data rows.
    #[error("the file has no data rows — {}", .path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Some rows are bad; all of them are listed.
    #[error("{}", rows_message(.errors, .path))]
    Rows {
        /// The file.
        path: PathBuf,
        /// Every bad row, by line.
        errors: Vec<RowError>,
    },
}

fn rows_message(errors: &[RowError], path: &Path) -> String {
    let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
    format!(
        "{} bad row{}, nothing imported:\n{}\n— {}",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" },
        lines.join("\n"),
        path.display()
    )
}

impl ImportError {
    /// The bad rows, when that is why the import failed.
    pub fn row_errors(&self) -> &[RowError] {
        match self {
            ImportError::Rows { errors, .. } => errors,
            _ => &[],
        }
    }
}

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

/// How the rows of one `source` text were filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceMapping {
    /// The text in the `source` column.
    pub text: String,
    /// How many rows carry it.
    pub rows: usize,
    /// Where they went.
    pub target: SourceTarget,
    /// The id of the store source they now cite (new or existing).
    pub source_id: String,
}

/// A value that the import changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueChange {
    /// The series.
    pub series_id: String,
    /// The year.
    pub year: i32,
    /// The value before.
    pub old: f64,
    /// The value after.
    pub new: f64,
}

/// A successful import: the new store and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportOutcome {
    /// The store with the imported figures.
    pub store: Store,
    /// The file's name, for messages.
    pub file_name: String,
    /// How many data rows were read.
    pub rows: usize,
    /// How each `source` text was filed, by text.
    pub sources: Vec<SourceMapping>,
    /// Ids of series the import created.
    pub new_series: Vec<String>,
    /// Ids of existing series that got new or changed values.
    pub updated_series: Vec<String>,
    /// Ids of sources the import created.
    pub new_sources: Vec<String>,
    /// Values added for years a series did not have.
    pub added_points: usize,
    /// Values that replaced a different value.
    pub changed: Vec<ValueChange>,
    /// Values that equalled the stored value.
    pub unchanged_points: usize,
}

impl ImportOutcome {
    /// One line for the status bar.
    pub fn summary(&self) -> String {
        let mut parts = vec![
            format!("{} new series", self.new_series.len()),
            format!("{} series updated", self.updated_series.len()),
            format!("{} values added", self.added_points),
            format!("{} changed", self.changed.len()),
            format!("{} unchanged", self.unchanged_points),
        ];
        if !self.new_sources.is_empty() {
            parts.push(format!("{} new sources", self.new_sources.len()));
        }
        format!(
            "Imported {} rows from {}: {}.",
            self.rows,
            self.file_name,
            parts.join(", ")
        )
    }
}

/// Imports a CSV file into a copy of `store`, filing each source text by name.
pub fn import_csv(store: &Store, path: &Path) -> Result<ImportOutcome, ImportError> {
    import_csv_with(store, path, &ImportOptions::default())
}

/// Imports a CSV file into a copy of `store` with the user's choices.
pub fn import_csv_with(
    store: &Store,
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let read = |source| ImportError::Read {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read)?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    let bytes = std::fs::read(path).map_err(read)?;
    import_bytes(store, &bytes, path, options)
}

/// One good row.
#[derive(Clone, Debug)]
struct Row {
    line: u64,
    economy: String,
    economy_name: String,
    year: i32,
    indicator: String,
    value: f64,
    source: String,
    unit: Option<String>,
}

/// Imports CSV text into a copy of `store`; `path` names the file in messages. Pure: reads
/// and writes nothing.
pub fn import_bytes(
    store: &Store,
    bytes: &[u8],
    path: &Path,
    options: &ImportOptions,
) -> Result<ImportOutcome, ImportError> {
    let rows = parse(bytes, path)?;
    apply(store, rows, path, options)
}

fn parse(bytes: &[u8], path: &Path) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|c| c.trim_start_matches('\u{feff}').trim().to_lowercase())
            .collect(),
        Err(e) => {
            return Err(ImportError::Rows {
                path: path.to_path_buf(),
                errors: vec![RowError {
                    line: 1,
                    message: format!("the header cannot be read: {e}"),
                }],
            });
        }
    };
    let missing: Vec<String> = REQUIRED_COLUMNS
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| (*c).to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::Header {
            path: path.to_path_buf(),
            missing,
        });
    }
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
    let (c_code, c_name, c_year, c_ind, c_val, c_src) = (
        col("country_code"),
        col("country_name"),
        col("year"),
        col("indicator"),
        col("value"),
        col("source"),
    );
    let c_unit = header.iter().position(|h| h == "unit");

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut last_line = 1;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(last_line + 1, |p| p.line());
                last_line = line;
                errors.push(RowError {
                    line,
                    message: match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8 text".to_owned(),
                        _ => format!("the row cannot be read: {e}"),
                    },
                });
                continue;
            }
        };
        let line = record.position().map_or(last_line + 1, |p| p.line());
        last_line = line;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != header.len() {
            errors.push(RowError {
                line,
                message: format!(
                    "expected {} fields as in the header, found {}",
                    header.len(),
                    record.len()
                ),
            });
            continue;
        }
        let get = |i: usize| record.get(i).unwrap_or("");
        let mut problems: Vec<String> = Vec::new();

        let economy = get(c_code);
        if economy.is_empty() {
            problems.push("country_code is empty".to_owned());
        } else if !(economy.len() == 3 && economy.bytes().all(|b| b.is_ascii_uppercase())) {
            problems.push(format!(
                "country_code '{economy}' is not a three-letter upper-case code (ISO 3166-1 alpha-3, or EUU, OED, WLD)"
            ));
        }
        let economy_name = get(c_name);
        if economy_name.is_empty() {
            problems.push("country_name is empty".to_owned());
        }
        let year_text = get(c_year);
        let year = match year_text.parse::<i32>() {
            Ok(y) if YEARS.contains(&y) => Some(y),
            Ok(y) => {
                problems.push(format!(
                    "year {y} is outside {}–{}",
                    YEARS.start(),
                    YEARS.end()
                ));
                None
            }
            Err(_) if year_text.is_empty() => {
                problems.push("year is empty".to_owned());
                None
            }
            Err(_) => {
                problems.push(format!("year '{year_text}' is not a whole number"));
                None
            }
        };
        let indicator = get(c_ind);
        if indicator.is_empty() {
            problems.push("indicator is empty".to_owned());
        } else if !indicator
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            problems.push(format!(
                "indicator '{indicator}' is not a code such as GERD_PCT_GDP (upper-case letters, digits, _)"
            ));
        }
        let value_text = get(c_val);
        let value = match value_text.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(v),
            Ok(_) => {
                problems.push(format!("value '{value_text}' is not a finite number"));
                None
            }
            Err(_) if value_text.is_empty() => {
                problems.push("value is empty".to_owned());
                None
            }
            Err(_) => {
                problems.push(format!("value '{value_text}' is not a number"));
                None
            }
        };
        let source = get(c_src);
        if source.is_empty() {
            problems.push("source is empty; every figure needs one".to_owned());
        }
        let unit = c_unit.map(get).filter(|u| !u.is_empty()).map(str::to_owned);

        match (problems.is_empty(), year, value) {
            (true, Some(year), Some(value)) => rows.push(Row {
                line,
                economy: economy.to_owned(),
                economy_name: economy_name.to_owned(),
                year,
                indicator: indicator.to_owned(),
                value,
                source: source.to_owned(),
                unit,
            }),
            _ => errors.extend(
                problems
                    .into_iter()
                    .map(|message| RowError { line, message }),
            ),
        }
    }
    // The same value twice (same indicator, economy, source and year) is a mistake even when
    // both agree: one of the two lines was meant to say something else.
    let mut seen: BTreeMap<(&str, &str, &str, i32), u64> = BTreeMap::new();
    for row in &rows {
        let key = (
            row.indicator.as_str(),
            row.economy.as_str(),
            row.source.as_str(),
            row.year,
        );
        match seen.get(&key) {
            Some(first) => errors.push(RowError {
                line: row.line,
                message: format!(
                    "{} for {} in {} from the same source is already on line {first}",
                    row.indicator, row.economy, row.year
                ),
            }),
            None => {
                seen.insert(key, row.line);
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
    if rows.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(rows)
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

use crate::text::ellipsize;

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

fn apply(
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
                        crate::analysis::series::indicator_short(&row.indicator),
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
    use super::*;

    const HEADER: &str = "country_code,country_name,year,indicator,value,source\n";

    fn base() -> Store {
        Store {
            format_version: 1,
            sources: vec![Source {
                id: "src-msti".to_owned(),
                title: "OECD MSTI Sep-2021".to_owned(),
                publisher: String::new(),
                date: String::new(),
                url: None,
                licence: None,
                note: None,
                ..Default::default()
            }],
            indicators: vec![IndicatorSeries {
                id: "gerd-kor-msti".to_owned(),
                name: "GERD, % of GDP — Korea (OECD MSTI)".to_owned(),
                indicator: "GERD_PCT_GDP".to_owned(),
                unit: "% of GDP".to_owned(),
                economy: "KOR".to_owned(),
                economy_name: "Korea".to_owned(),
                field: None,
                derived: false,
                derivation: None,
                caveat: None,
                points: vec![
                    Point {
                        year: 2018,
                        value: 4.52,
                        unit: None,
                    },
                    Point {
                        year: 2019,
                        value: 4.64,
                        unit: None,
                    },
                ],
                sources: vec![Citation {
                    source: "src-msti".to_owned(),
                    at: "Table SRD-1".to_owned(),
                }],
            }],
            ..Store::default()
        }
    }

    fn import(text: &str) -> Result<ImportOutcome, ImportError> {
        import_bytes(
            &base(),
            text.as_bytes(),
            Path::new("new.csv"),
            &ImportOptions::default(),
        )
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line_and_nothing_is_imported() {
        let text = format!(
            "{HEADER}KOR,Korea,2020,GERD_PCT_GDP,4.8,OECD MSTI Sep-2021\n\
             KOR,Korea,2021,GERD_PCT_GDP,abc,OECD MSTI Sep-2021\n\
             Korea,Korea,2021,GERD_PCT_GDP,4.9,OECD MSTI Sep-2021\n\
             KOR,Korea,20x1,GERD_PCT_GDP,4.9,\n\
             KOR,Korea,2022,GERD_PCT_GDP\n"
        );
        let err = import(&text).expect_err("bad rows");
        let lines: Vec<String> = err.row_errors().iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            vec![
                "line 3: value 'abc' is not a number",
                "line 4: country_code 'Korea' is not a three-letter upper-case code (ISO 3166-1 alpha-3, or EUU, OED, WLD)",
                "line 5: source is empty; every figure needs one",
                "line 5: year '20x1' is not a whole number",
                "line 6: expected 6 fields as in the header, found 4",
            ]
        );
        assert!(
            err.to_string()
                .starts_with("5 bad rows, nothing imported:\nline 3:"),
            "{err}"
        );
        assert!(err.to_string().ends_with("— new.csv"), "{err}");
    }

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

    #[test]
    fn a_repeated_row_is_an_error_naming_both_lines() {
        let text = format!(
            "{HEADER}KOR,Korea,2020,GERD_PCT_GDP,4.8,OECD MSTI Sep-2021\n\
             KOR,Korea,2020,GERD_PCT_GDP,4.9,OECD MSTI Sep-2021\n"
        );
        let err = import(&text).expect_err("duplicate");
        assert_eq!(
            err.row_errors()[0].to_string(),
            "line 3: GERD_PCT_GDP for KOR in 2020 from the same source is already on line 2"
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let err = import("country_code,country_name,year,indicator,source\nKOR,Korea,2020,X,y\n")
            .expect_err("no value column");
        assert!(matches!(&err, ImportError::Header { missing, .. } if missing == &["value"]));
    }

    #[test]
    fn a_header_without_rows_is_refused() {
        assert!(matches!(import(HEADER), Err(ImportError::Empty { .. })));
    }

    #[test]
    fn non_finite_values_and_years_out_of_range_are_refused() {
        let text = format!(
            "{HEADER}KOR,Korea,1800,GERD_PCT_GDP,1,S\nKOR,Korea,2001,GERD_PCT_GDP,NaN,S\nKOR,Korea,2002,gerd,1,S\n"
        );
        let lines: Vec<String> = import(&text)
            .expect_err("bad rows")
            .row_errors()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            vec![
                "line 2: year 1800 is outside 1900–2100",
                "line 3: value 'NaN' is not a finite number",
                "line 4: indicator 'gerd' is not a code such as GERD_PCT_GDP (upper-case letters, digits, _)",
            ]
        );
    }
}
