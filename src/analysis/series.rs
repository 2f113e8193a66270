//! The old home of the chart series; they now live in [`crate::analysis::charts`]. These
//! re-exports keep the old paths working until every caller uses the new ones.

pub use super::charts::{
    ALL_FIELDS, BERD, BarChartData, BarGroup, BarValue, ECONOMY_ORDER, Emphasis, GERD,
    LineChartData, PCT_COUNT, PCT_SHARE, PlotSeries, RdSelection, SourceChoice, SourceRef, alpha2,
    chart_notes, economy_names, economy_rank, fields_of, format_value, gaps_of, hangul_name,
    indicator_short, patent_share_chart, primary_source, rd_chart, resolve_all, sector_bars,
    source_choices, source_line, source_line_of, split_at_gaps, years_of,
};
