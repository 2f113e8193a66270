//! Chart data that is not a yearly series: the ATI report's findings as it states them, the
//! policy budgets as stated, the tables the charts export as CSV, and which chart shows what.

pub mod budgets;
pub mod built;
pub mod findings;
pub mod kind;
pub mod table;

pub use kind::ChartKind;
