//! Chart data, built from the store and drawn by the charts view: yearly series split at
//! missing years (line and bar charts), the ATI report's findings as it states them, the policy
//! budgets as stated, and the tables the charts export as CSV. Every figure keeps its source.
//!
//! Nothing here draws anything. Every function is deterministic: series come out in
//! [`ECONOMY_ORDER`], then by indicator and id.

mod bars;
mod choices;
mod codes;
mod line;
mod notes;
mod plot_series;
mod sources;
#[cfg(test)]
mod test_store;

pub mod budgets;
pub mod built;
pub mod compare;
pub mod findings;
pub mod kind;
pub mod table;

pub use bars::{BarChartData, BarGroup, BarValue, sector_bars};
pub use choices::{SourceChoice, fields_of, source_choices, years_of};
pub use codes::{
    ALL_FIELDS, BERD, ECONOMY_ORDER, Emphasis, GERD, PCT_COUNT, PCT_SHARE, economy_names,
    economy_rank, format_value, hangul_name, indicator_short,
};
pub use kind::ChartKind;
pub use line::{LineChartData, RdSelection, patent_share_chart, rd_chart};
pub use notes::chart_notes;
pub use plot_series::{PlotSeries, gaps_of, split_at_gaps};
pub use sources::{SourceRef, primary_source, resolve_all, source_line, source_line_of};
