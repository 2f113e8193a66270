//! Semantic checks of a parsed store, all reported together: duplicate and unknown ids,
//! coordinates, years, periods, non-finite numbers, units, missing sources.

mod checker;
mod edits;
mod figures;
mod kinds;
mod records;

use super::{Problem, locate::Locator, read::ParsedFile};
use crate::model::Store;

/// Years a record may name.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// Checks a whole store that is already in memory (for example one built by an import) and
/// returns its problems; positions are unknown, so problems name the record instead.
pub fn validate(store: &Store, name: &str) -> Vec<Problem> {
    let file = ParsedFile {
        name: name.to_owned(),
        text: "",
        store: store.clone(),
    };
    validate_files(std::slice::from_ref(&file))
}

/// Checks every file of a store together (ids must be unique across files).
pub fn validate_files(files: &[ParsedFile<'_>]) -> Vec<Problem> {
    let locators: Vec<Locator<'_>> = files.iter().map(|f| Locator::new(f.text)).collect();
    let mut problems = Vec::new();
    let ids = kinds::collect(files, &locators, &mut problems);
    records::check(files, &locators, &ids, &mut problems);
    edits::marks(files, &ids.kinds, &mut problems);
    problems
}
