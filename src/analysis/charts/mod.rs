//! Chart data that is not a yearly series: the ATI report's findings as it states them, the
//! policy budgets as stated, and the tables the charts export as CSV.

pub mod budgets;
pub mod compare;
pub mod findings;
pub mod table;
