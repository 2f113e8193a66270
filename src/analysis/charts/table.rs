//! The plotted data of a chart as a table, and that table as CSV bytes. Every row names its
//! source, and the CSV ends with a citation line per source, so a figure pasted from the CSV
//! into a briefing still says where it comes from.

use crate::analysis::charts::budgets::BudgetRow;
use crate::analysis::charts::findings::{FindingSection, direction_word};
use crate::analysis::charts::{BarChartData, LineChartData, PlotSeries, SourceRef, format_value};

/// A table: a header and rows of the same length.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportTable {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows, each as long as `columns`.
    pub rows: Vec<Vec<String>>,
    /// One full citation per source of the rows ("Source (id): title, publisher, date, at"),
    /// in the order the rows first cite them.
    pub citations: Vec<String>,
}

impl ExportTable {
    fn new(columns: &[&str]) -> Self {
        Self {
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: Vec::new(),
            citations: Vec::new(),
        }
    }

    /// Adds the citations of sources not cited yet: the source itself, without the table or
    /// column a row was read from (each row's `source` cell says that).
    fn cite<'a>(&mut self, sources: impl IntoIterator<Item = &'a SourceRef>) {
        for s in sources {
            let whole = SourceRef {
                at: String::new(),
                ..s.clone()
            };
            let line = format!("Source ({}): {}", s.id, whole.label());
            if !self.citations.contains(&line) {
                self.citations.push(line);
            }
        }
    }

    /// The table as CSV (RFC 4180 quoting, `\n` line ends, UTF-8): the header, the rows, then
    /// one single-cell line per citation. Cells that a spreadsheet would run as a formula are
    /// defused ([`defuse_cell`]).
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        let defused = |cells: &[String]| -> Vec<String> {
            cells.iter().map(|c| defuse_cell(c).into_owned()).collect()
        };
        w.write_record(defused(&self.columns))?;
        for row in &self.rows {
            w.write_record(defused(row))?;
        }
        for c in &self.citations {
            w.write_record([defuse_cell(c).as_ref()])?;
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
}

/// A cell as a spreadsheet should read it: text that begins with `=`, `+`, `-`, `@`, a tab or
/// a carriage return and is not a number gets a leading `'` (the OWASP rule), so a store name
/// like `=HYPERLINK(…)` is shown, not run, by Excel or LibreOffice. Numbers (`-1.5`, `+3`,
/// `1e-3`) stay numbers.
pub fn defuse_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A decimal number as written in a table: sign, digits, point, exponent; not `inf` or `NaN`.
fn is_plain_number(cell: &str) -> bool {
    cell.bytes().any(|b| b.is_ascii_digit())
        && cell
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && cell.parse::<f64>().is_ok()
}

const LINE_COLUMNS: [&str; 14] = [
    "chart",
    "series_id",
    "economy",
    "economy_name",
    "indicator",
    "field",
    "unit",
    "year",
    "value",
    "derived",
    "derivation",
    "caveat",
    "source",
    "source_ids",
];

fn series_rows(
    chart: &str,
    s: &PlotSeries,
    years: impl Iterator<Item = (i32, f64)>,
) -> Vec<Vec<String>> {
    let source = s.source_label();
    let ids = s
        .sources
        .iter()
        .map(|r| r.id.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    years
        .map(|(year, value)| {
            vec![
                chart.to_owned(),
                s.series_id.clone(),
                s.economy.clone(),
                s.economy_name.clone(),
                s.indicator.clone(),
                s.field.clone().unwrap_or_default(),
                s.unit.clone(),
                year.to_string(),
                format_value(value),
                s.derived.to_string(),
                s.derivation.clone().unwrap_or_default(),
                s.caveat.clone().unwrap_or_default(),
                source.clone(),
                ids.clone(),
            ]
        })
        .collect()
}

/// The values of the shown series of a line chart, one row per value.
pub fn line_chart(chart: &LineChartData, shown: impl Fn(&PlotSeries) -> bool) -> ExportTable {
    let mut t = ExportTable::new(&LINE_COLUMNS);
    for s in chart.series.iter().filter(|s| shown(s)) {
        t.rows
            .extend(series_rows(&chart.title, s, s.points.iter().copied()));
        t.cite(&s.sources);
    }
    t
}

/// The bars of the shown economies of a bar chart, one row per bar.
pub fn bar_chart(chart: &BarChartData, year: i32, shown: impl Fn(&str) -> bool) -> ExportTable {
    let mut t = ExportTable::new(&[
        "chart",
        "series_id",
        "economy",
        "economy_name",
        "category",
        "unit",
        "year",
        "value",
        "derived",
        "description",
    ]);
    for g in chart.groups.iter().filter(|g| shown(&g.economy)) {
        for (bar, category) in g.bars.iter().zip(&chart.categories) {
            let Some(b) = bar else { continue };
            if let Some(s) = chart.series.iter().find(|s| s.series_id == b.series_id) {
                t.cite(&s.sources);
            }
            t.rows.push(vec![
                chart.title.clone(),
                b.series_id.clone(),
                g.economy.clone(),
                g.economy_name.clone(),
                category.clone(),
                chart.unit.clone(),
                year.to_string(),
                format_value(b.value),
                b.derived.to_string(),
                b.description.replace('\n', " | "),
            ]);
        }
    }
    t
}

/// The findings of the shown sections, as stated, one row per finding.
pub fn findings(sections: &[FindingSection]) -> ExportTable {
    let mut t = ExportTable::new(&[
        "finding_id",
        "measure",
        "economy",
        "economy_name",
        "field",
        "period",
        "rank",
        "level",
        "change",
        "statement",
        "source",
    ]);
    for s in sections {
        for r in &s.rows {
            t.cite(&r.sources);
            t.rows.push(vec![
                r.id.clone(),
                s.measure.clone(),
                r.economy.clone(),
                r.economy_name.clone(),
                r.field.clone().unwrap_or_default(),
                r.period.clone(),
                r.rank.map(|x| x.to_string()).unwrap_or_default(),
                r.level.clone().unwrap_or_default(),
                direction_word(r.change).to_owned(),
                r.statement.clone(),
                r.sources
                    .iter()
                    .map(|x| x.label())
                    .collect::<Vec<_>>()
                    .join("; "),
            ]);
        }
    }
    t
}

/// Funded policy records as stated, one row each.
pub fn budgets(rows: &[BudgetRow]) -> ExportTable {
    let mut t = ExportTable::new(&[
        "policy_id",
        "title",
        "part_of",
        "period",
        "funding_as_stated",
        "amount",
        "currency",
        "amount_units",
        "source_conversion",
        "caveat",
        "source",
    ]);
    for r in rows {
        t.cite(&r.sources);
        t.rows.push(vec![
            r.id.clone(),
            r.title.clone(),
            r.parent.clone().unwrap_or_default(),
            r.period.clone(),
            r.as_stated.clone(),
            r.amount
                .as_ref()
                .map(|m| format_value(m.value))
                .unwrap_or_default(),
            r.amount
                .as_ref()
                .map(|m| m.currency.clone())
                .unwrap_or_default(),
            r.amount
                .as_ref()
                .map(|m| m.scale.label().to_owned())
                .unwrap_or_default(),
            r.converted
                .as_ref()
                .map(|m| m.to_string())
                .unwrap_or_default(),
            r.caveat.clone().unwrap_or_default(),
            r.source_label(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::charts::{Emphasis, SourceRef};

    fn kor() -> PlotSeries {
        PlotSeries {
            series_id: "gerd-kor".to_owned(),
            indicator: "GERD_PCT_GDP".to_owned(),
            economy: "KOR".to_owned(),
            economy_name: "Korea".to_owned(),
            field: None,
            unit: "% of GDP".to_owned(),
            derived: false,
            derivation: None,
            caveat: None,
            points: vec![(2018, 4.52), (2019, 4.64)],
            runs: vec![vec![(2018, 4.52), (2019, 4.64)]],
            gaps: vec![],
            sources: vec![SourceRef {
                id: "msti".to_owned(),
                title: "OECD MSTI, \"Sep-2021\"".to_owned(),
                publisher: String::new(),
                date: String::new(),
                at: "Table SRD-1".to_owned(),
            }],
            emphasis: Emphasis::Korea,
        }
    }

    #[test]
    fn every_csv_row_names_its_source_and_quotes_commas() {
        let chart = LineChartData {
            title: "R&D spending".to_owned(),
            y_label: String::new(),
            unit: "% of GDP".to_owned(),
            series: vec![kor()],
            source_line: String::new(),
            notes: vec![],
            remarks: vec![],
        };
        let bytes = line_chart(&chart, |_| true)
            .to_csv()
            .expect("in-memory CSV");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "header, two rows, one citation:\n{text}");
        assert!(lines[0].starts_with("chart,series_id,economy"));
        assert_eq!(
            lines[2],
            "R&D spending,gerd-kor,KOR,Korea,GERD_PCT_GDP,,% of GDP,2019,4.64,false,,,\"OECD MSTI, \"\"Sep-2021\"\", Table SRD-1\",msti"
        );
    }

    #[test]
    fn hidden_series_are_not_exported() {
        let chart = LineChartData {
            title: "t".to_owned(),
            y_label: String::new(),
            unit: String::new(),
            series: vec![kor()],
            source_line: String::new(),
            notes: vec![],
            remarks: vec![],
        };
        assert!(line_chart(&chart, |s| s.economy != "KOR").rows.is_empty());
    }

    #[test]
    fn the_csv_ends_with_one_citation_line_per_source() {
        let chart = LineChartData {
            title: "t".to_owned(),
            y_label: String::new(),
            unit: String::new(),
            series: vec![
                kor(),
                PlotSeries {
                    series_id: "gerd-euu".to_owned(),
                    economy: "EUU".to_owned(),
                    ..kor()
                },
            ],
            source_line: String::new(),
            notes: vec![],
            remarks: vec![],
        };
        let table = line_chart(&chart, |_| true);
        assert_eq!(table.rows.len(), 4);
        assert_eq!(
            table.citations,
            vec!["Source (msti): OECD MSTI, \"Sep-2021\"".to_owned()]
        );
        let text = String::from_utf8(table.to_csv().expect("csv")).expect("UTF-8");
        assert_eq!(
            text.lines().last(),
            Some("\"Source (msti): OECD MSTI, \"\"Sep-2021\"\"\"")
        );
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_gets_a_leading_quote_and_numbers_stay_numbers() {
        assert_eq!(defuse_cell("=1+1"), "'=1+1");
        assert_eq!(defuse_cell("+cmd"), "'+cmd");
        assert_eq!(defuse_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse_cell("-x"), "'-x");
        assert_eq!(defuse_cell("\tx"), "'\tx");
        assert_eq!(defuse_cell("\rx"), "'\rx");
        assert_eq!(defuse_cell("-4.5"), "-4.5");
        assert_eq!(defuse_cell("+3"), "+3");
        assert_eq!(defuse_cell("Korea = 4.64"), "Korea = 4.64");
        let table = ExportTable {
            columns: vec!["economy_name".to_owned(), "value".to_owned()],
            rows: vec![vec!["=1+1".to_owned(), "-4.5".to_owned()]],
            citations: vec![],
        };
        let text = String::from_utf8(table.to_csv().expect("csv")).expect("UTF-8");
        assert_eq!(text, "economy_name,value\n'=1+1,-4.5\n");
    }
}
