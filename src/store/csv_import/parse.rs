//! Reading the CSV text into checked rows: the header's columns, each row's fields, and
//! repeated rows. Every problem is collected, by line.

use std::collections::BTreeMap;
use std::path::Path;

use super::{ImportError, RowError};

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

/// One good row.
#[derive(Clone, Debug)]
pub(super) struct Row {
    pub(super) line: u64,
    pub(super) economy: String,
    pub(super) economy_name: String,
    pub(super) year: i32,
    pub(super) indicator: String,
    pub(super) value: f64,
    pub(super) source: String,
    pub(super) unit: Option<String>,
}

/// The good rows of a CSV text, or every problem of its header or rows.
pub(super) fn parse(bytes: &[u8], path: &Path) -> Result<Vec<Row>, ImportError> {
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

#[cfg(test)]
mod tests {
    use super::super::test_store::{HEADER, import};
    use super::super::*;

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
