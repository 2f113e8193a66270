//! What users add to a store in the app: marks on the records they added or changed, and the
//! other names (aliases) a place or organisation is known by.

use serde::{Deserialize, Serialize};

use super::{Citation, Id};

/// Another name of a place or organisation that searches should find: an older romanisation
/// ("Pusan" for Busan), a short form, a spelling found in older documents. Like every fact, it
/// says where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The other name, as people type it.
    pub name: String,
    /// Where this name is given (for romanisations: GeoNames alternate names).
    pub source: Citation,
}

/// Whether a user added a record or changed a curated one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EditKind {
    /// A record that was not in the store before.
    #[default]
    Added,
    /// A record of the store that a user changed (a field, a milestone, a citation).
    Changed,
}

/// A mark on a record that a user added or changed in the app, so the details panel and the
/// list can say so ("added by you, 2026-12-01") instead of blending it into the curated data.
/// The facts themselves carry their citations in the record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditMark {
    /// The id of the record added or changed.
    pub record: Id,
    pub kind: EditKind,
    /// Who made the change (the notes author name), empty when unknown.
    #[serde(default)]
    pub by: String,
    /// When, as an ISO date ("2026-12-01").
    pub on: String,
    /// What was changed, in words ("added milestone 2026-11 Workshop in Sejong").
    #[serde(default)]
    pub what: String,
}
