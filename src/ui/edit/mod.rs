//! Editing the store in the app: the one command for every store edit ([`StoreEdit`]), the
//! forms that build it ([`form`]), and the pickers that choose a referenced record by name in
//! English or Hangul ([`picker`]). The App applies the edit (`src/app/store_edit.rs`): it runs
//! the store's validator and refuses an edit that would make the store invalid.

pub mod changes;
pub mod cite;
pub mod cities;
pub mod form;
pub mod header;
pub mod picker;
mod records;
pub mod review;

pub use header::{details_header, new_menu};
pub use records::Draft;

use crate::model::{Agreement, Id, Milestone, Organisation, Partnership, Place, Source, Store};

pub use form::{Form, FormRequest};

/// What a form says, at the sources field, when a fact has no source.
pub const NEEDS_SOURCE: &str = "Every fact needs a source: pick a source of the store or add a \
                                new one below, then save again.";

/// A whole record of a kind the app edits.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Partnership(Partnership),
    Place(Place),
    Organisation(Organisation),
    Agreement(Agreement),
    Source(Source),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Partnership(r) => &r.id,
            Record::Place(r) => &r.id,
            Record::Organisation(r) => &r.id,
            Record::Agreement(r) => &r.id,
            Record::Source(r) => &r.id,
        }
    }

    /// The record's display name.
    pub fn name(&self) -> &str {
        match self {
            Record::Partnership(r) => &r.name,
            Record::Place(r) => &r.name,
            Record::Organisation(r) => &r.name,
            Record::Agreement(r) => &r.title,
            Record::Source(r) => &r.title,
        }
    }

    /// The kind in words, lower case ("partnership").
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Partnership(_) => "partnership",
            Record::Place(_) => "place",
            Record::Organisation(_) => "organisation",
            Record::Agreement(_) => "agreement",
            Record::Source(_) => "source",
        }
    }

    /// How many citations the record has (a source is itself the citation: counts as one).
    pub fn citation_count(&self) -> usize {
        match self {
            Record::Partnership(r) => r.sources.len(),
            Record::Place(r) => r.sources.len(),
            Record::Organisation(r) => r.sources.len(),
            Record::Agreement(r) => r.sources.len(),
            Record::Source(_) => 1,
        }
    }
}

/// One change to the store, asked for by a form; applied by the App in one place, as one undo
/// step. A new source typed into the form (instead of one picked from the store) travels with
/// the change, so the record and its source are added together or not at all.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreEdit {
    /// Add a new record.
    Add {
        /// The record (its id is new).
        record: Record,
        /// A source added with it, which the record cites.
        new_source: Option<Source>,
    },
    /// Replace a record with the same id.
    Update {
        /// The changed record.
        record: Record,
        /// A source added with it.
        new_source: Option<Source>,
    },
    /// Remove a record (refused while another record refers to it).
    Delete {
        /// Its id.
        id: Id,
    },
    /// Add a milestone to a programme, partnership or cohort.
    AddMilestone {
        /// The partnership or cohort.
        on: Id,
        /// The milestone.
        milestone: Milestone,
        /// A source added with it.
        new_source: Option<Source>,
    },
    /// Change (`Some`) or remove (`None`) the milestone at `index` of a record's milestones.
    ReplaceMilestone {
        /// The programme, partnership or cohort.
        on: Id,
        /// Its place in the record's list of milestones.
        index: usize,
        /// The milestone as changed, or `None` to remove it.
        milestone: Option<Milestone>,
        /// A source added with it.
        new_source: Option<Source>,
    },
}

/// The milestones of a programme, partnership or cohort.
pub fn milestones_of<'s>(store: &'s Store, id: &str) -> Option<&'s [Milestone]> {
    if let Some(p) = store.programmes.iter().find(|p| p.id == id) {
        return Some(&p.milestones);
    }
    if let Some(p) = store.partnerships.iter().find(|p| p.id == id) {
        return Some(&p.milestones);
    }
    store
        .cohorts
        .iter()
        .find(|c| c.id == id)
        .map(|c| c.milestones.as_slice())
}

impl StoreEdit {
    /// The id of the record the edit is about.
    pub fn record_id(&self) -> &str {
        match self {
            StoreEdit::Add { record, .. } | StoreEdit::Update { record, .. } => record.id(),
            StoreEdit::Delete { id } => id,
            StoreEdit::AddMilestone { on, .. } | StoreEdit::ReplaceMilestone { on, .. } => on,
        }
    }
}

/// A new id for a record of `prefix` kind named `name`: lower-case ASCII words joined by `-`
/// (`place-gwangju`), with `-2`, `-3` … added until no record of `store` has it.
pub fn new_id(store: &Store, prefix: &str, name: &str) -> Id {
    let mut base = String::new();
    for c in crate::text::fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
        if base.len() >= 48 {
            break;
        }
    }
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}-{base}")
    };
    if store.item(&base).is_none() {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| store.item(id).is_none())
        .unwrap_or(base)
}

/// The mark on a record that a user added or changed, if any.
pub fn mark<'a>(store: &'a Store, id: &str) -> Option<&'a crate::model::EditMark> {
    store.edits.iter().find(|m| m.record == id)
}

/// The words of a mark: "added by Kim, 2026-12-01" or "changed by you, …".
pub fn mark_words(mark: &crate::model::EditMark) -> String {
    let verb = match mark.kind {
        crate::model::EditKind::Added => "added",
        crate::model::EditKind::Changed => "changed",
    };
    let by = if mark.by.trim().is_empty() {
        "a user (name not set)"
    } else {
        mark.by.trim()
    };
    format!("{verb} by {by}, {}", mark.on)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_id_is_a_slug_of_the_name_and_unique_in_the_store() {
        let mut store = Store::default();
        assert_eq!(new_id(&store, "place", "Gwangju (광주)"), "place-gwangju");
        store.sources.push(Source {
            id: "place-gwangju".into(),
            ..Source::default()
        });
        assert_eq!(new_id(&store, "place", "Gwangju"), "place-gwangju-2");
        assert_eq!(new_id(&store, "source", "세종"), "source");
    }
}
