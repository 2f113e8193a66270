//! The note types as saved: [`Note`], [`NoteTarget`], [`NotesFile`].

use std::collections::BTreeMap;
use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use super::ancestry::NoteVersion;
use super::hash::Fnv64;
use super::query::fold_for_search;
use super::time::Timestamp;
use crate::model::ItemRef;

/// The notes file format version this build writes.
///
/// Version 2 added each note's [`Note::ancestry`] and the file's [`NotesFile::exchanged`];
/// version-1 files (which have neither) are still read.
pub const NOTES_FORMAT_VERSION: u32 = 2;

/// The oldest notes file format version this build reads.
pub const OLDEST_READABLE_VERSION: u32 = 1;

/// The suffix added to the title of the copy a merge keeps when both sides changed a note.
pub const CONFLICT_SUFFIX: &str = " (conflict)";

/// A note's id: stable for the life of the note and unique across machines.
///
/// New ids start with the creation time in hexadecimal (so sorting by id roughly follows
/// creation), then a per-process counter and 48 random bits.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(String);

impl NoteId {
    /// An id with the given text (for ids read from elsewhere and for tests).
    pub fn new(id: impl Into<String>) -> Self {
        Self(id.into())
    }

    /// A fresh id that no other note has, on this or any other machine, in practice.
    pub fn generate(now: Timestamp) -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let count = COUNTER.fetch_add(1, Ordering::Relaxed);
        // `RandomState` is seeded from the operating system's random source.
        let mut noise = RandomState::new().build_hasher();
        noise.write_u32(std::process::id());
        noise.write_u64(count);
        noise.write_i64(now.millis());
        let noise = noise.finish() & 0xffff_ffff_ffff;
        Self(format!(
            "n{:011x}-{count:x}-{noise:012x}",
            now.millis().max(0)
        ))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kinds of store record a note can be attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TargetKind {
    /// A funding or cooperation programme.
    Programme,
    /// A partnership between organisations.
    Partnership,
    /// A cohort of participants.
    Cohort,
    /// A place (city, region, campus).
    Place,
    /// An organisation.
    Organisation,
    /// An agreement (MoU, treaty, contract).
    Agreement,
    /// An indicator series.
    Indicator,
    /// A finding.
    Finding,
    /// A policy measure.
    PolicyMeasure,
}

impl TargetKind {
    /// Every kind, in the order used for grouping and filters.
    pub const ALL: [Self; 9] = [
        Self::Programme,
        Self::Partnership,
        Self::Cohort,
        Self::Place,
        Self::Organisation,
        Self::Agreement,
        Self::Indicator,
        Self::Finding,
        Self::PolicyMeasure,
    ];

    /// The kind in words, as [`ItemRef::kind`] spells it ("Policy measure").
    pub fn label(self) -> &'static str {
        match self {
            Self::Programme => "Programme",
            Self::Partnership => "Partnership",
            Self::Cohort => "Cohort",
            Self::Place => "Place",
            Self::Organisation => "Organisation",
            Self::Agreement => "Agreement",
            Self::Indicator => "Indicator",
            Self::Finding => "Finding",
            Self::PolicyMeasure => "Policy measure",
        }
    }

    /// The kind of a store record, or `None` for records notes cannot target (sources).
    pub fn of_item(item: &ItemRef<'_>) -> Option<Self> {
        Some(match item {
            ItemRef::Programme(_) => Self::Programme,
            ItemRef::Partnership(_) => Self::Partnership,
            ItemRef::Cohort(_) => Self::Cohort,
            ItemRef::Place(_) => Self::Place,
            ItemRef::Organisation(_) => Self::Organisation,
            ItemRef::Agreement(_) => Self::Agreement,
            ItemRef::Indicator(_) => Self::Indicator,
            ItemRef::Finding(_) => Self::Finding,
            ItemRef::PolicyMeasure(_) => Self::PolicyMeasure,
            ItemRef::Source(_) => return None,
        })
    }
}

/// The store record a note is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteTarget {
    /// What kind of record.
    pub kind: TargetKind,
    /// The record's id in the store.
    pub id: String,
}

impl NoteTarget {
    /// A target of the given kind and record id.
    pub fn new(kind: TargetKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }

    /// The target for a store record, or `None` for records notes cannot target (sources).
    pub fn from_item(item: &ItemRef<'_>) -> Option<Self> {
        TargetKind::of_item(item).map(|kind| Self::new(kind, item.id()))
    }
}

/// One note as saved.
///
/// Notes are never removed: deleting sets `deleted` (a tombstone), so that deletes travel
/// through merges and can be undone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id, unique across the notes file.
    pub id: NoteId,
    /// The record the note is about; `None` for a general note.
    #[serde(default)]
    pub target: Option<NoteTarget>,
    /// One-line title.
    #[serde(default)]
    pub title: String,
    /// Markdown text.
    #[serde(default)]
    pub body: String,
    /// Normalised tags, sorted and without duplicates (see [`normalise_tags`]).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Who wrote the note.
    #[serde(default)]
    pub author: String,
    /// When the note was created.
    pub created: Timestamp,
    /// When the note was last changed (edit, delete or undelete).
    pub updated: Timestamp,
    /// A tombstone: the note is in the trash.
    #[serde(default)]
    pub deleted: bool,
    /// Set on the copy a merge keeps when both sides changed the note with this id.
    #[serde(default)]
    pub conflict_of: Option<NoteId>,
    /// The versions this note grew from, oldest first and bounded (see
    /// [`super::ancestry`]); empty in version-1 files. Not part of the note's content.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestry: Vec<NoteVersion>,
}

impl Note {
    /// Whether the note is not in the trash.
    pub fn is_live(&self) -> bool {
        !self.deleted
    }

    /// The title, or "Untitled note" when it is empty.
    pub fn display_title(&self) -> &str {
        if self.title.trim().is_empty() {
            "Untitled note"
        } else {
            &self.title
        }
    }

    /// The editable fields of the note.
    pub fn draft(&self) -> NoteDraft {
        NoteDraft {
            target: self.target.clone(),
            title: self.title.clone(),
            body: self.body.clone(),
            tags: self.tags.clone(),
            author: self.author.clone(),
        }
    }

    /// This version of the note (the hash of its content), as ancestries record it.
    pub fn version(&self) -> NoteVersion {
        NoteVersion::of(self)
    }

    /// Whether two notes say the same thing: every field except `id`, `updated` and
    /// `ancestry` is equal.
    ///
    /// Used to detect changes: touching a note without changing it is not a change.
    pub fn same_content(&self, other: &Self) -> bool {
        self.target == other.target
            && self.title == other.title
            && self.body == other.body
            && self.tags == other.tags
            && self.author == other.author
            && self.created == other.created
            && self.deleted == other.deleted
            && self.conflict_of == other.conflict_of
    }

    /// A hash of what [`Note::same_content`] compares, stable across runs and platforms, for
    /// cheap change detection (for example, to know whether an open editor is stale).
    pub fn content_hash(&self) -> u64 {
        let mut h = Fnv64::new();
        match &self.target {
            Some(t) => h.u64(1).str(t.kind.label()).str(&t.id),
            None => h.u64(0),
        };
        h.str(&self.title)
            .str(&self.body)
            .u64(self.tags.len() as u64);
        for tag in &self.tags {
            h.str(tag);
        }
        h.str(&self.author)
            .u64(self.created.millis() as u64)
            .u64(u64::from(self.deleted));
        match &self.conflict_of {
            Some(id) => h.u64(1).str(id.as_str()),
            None => h.u64(0),
        };
        h.finish()
    }
}

/// The fields a person edits; the notebook fills in id, times and flags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteDraft {
    /// The record the note is about; `None` for a general note.
    pub target: Option<NoteTarget>,
    /// One-line title.
    pub title: String,
    /// Markdown text.
    pub body: String,
    /// Tags as typed; they are normalised when the draft is applied.
    pub tags: Vec<String>,
    /// Who is writing.
    pub author: String,
}

/// One tag in its saved form: trimmed, without a leading `#`, inner whitespace collapsed to
/// single spaces, lower case, Hangul composed ("  #Green  Hydrogen " → "green hydrogen").
pub fn normalise_tag(tag: &str) -> String {
    let tag = tag.trim().trim_start_matches('#');
    fold_for_search(&tag.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Tags in their saved form: normalised, empty ones dropped, sorted, without duplicates.
pub fn normalise_tags<S: AsRef<str>>(tags: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut out: Vec<String> = tags
        .into_iter()
        .map(|t| normalise_tag(t.as_ref()))
        .filter(|t| !t.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A whole notes file: a format version, the notes sorted by id, and what was last
/// exchanged with other files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotesFile {
    /// See [`NOTES_FORMAT_VERSION`].
    pub format_version: u32,
    /// Every note, including tombstones, sorted by id.
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Per note, the version last received from or sent to another notes file (a
    /// colleague's export, or an export for one). Saved with the notes, so in the same
    /// atomic write; left out of exports (it describes this notebook's exchanges only).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exchanged: BTreeMap<NoteId, NoteVersion>,
}

impl Default for NotesFile {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl NotesFile {
    /// A file of the current format version holding `notes`, sorted by id.
    pub fn new(mut notes: Vec<Note>) -> Self {
        notes.sort_by(|a, b| a.id.cmp(&b.id));
        Self {
            format_version: NOTES_FORMAT_VERSION,
            notes,
            exchanged: BTreeMap::new(),
        }
    }

    /// The same notes and exchange record of the current format version, sorted by id (for
    /// saving and comparing).
    pub fn normalised(&self) -> Self {
        Self {
            exchanged: self.exchanged.clone(),
            ..Self::new(self.notes.clone())
        }
    }

    /// The number of notes that are not in the trash.
    pub fn live_count(&self) -> usize {
        self.notes.iter().filter(|n| n.is_live()).count()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A note with fixed times, for tests across the module.
    pub(crate) fn note(id: &str, title: &str, body: &str) -> Note {
        Note {
            id: NoteId::new(id),
            target: None,
            title: title.to_owned(),
            body: body.to_owned(),
            tags: Vec::new(),
            author: "Tester".to_owned(),
            created: Timestamp(1_000),
            updated: Timestamp(1_000),
            deleted: false,
            conflict_of: None,
            ancestry: Vec::new(),
        }
    }

    #[test]
    fn generated_ids_are_unique_even_within_one_millisecond() {
        let now = Timestamp(1_795_356_300_000);
        let ids: std::collections::BTreeSet<_> = (0..1000).map(|_| NoteId::generate(now)).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn generated_ids_sort_by_creation_time() {
        let early = NoteId::generate(Timestamp(1_000_000));
        let late = NoteId::generate(Timestamp(2_000_000_000_000));
        assert!(early < late, "{early} should sort before {late}");
    }

    #[test]
    fn tags_are_trimmed_lowercased_sorted_and_deduplicated() {
        // The last tag is "수소" as conjoining jamo, as some macOS apps type it.
        let decomposed = "\u{1109}\u{116E}\u{1109}\u{1169}";
        let tags = normalise_tags([
            "  #Green  Hydrogen ",
            "AI",
            "ai",
            "",
            "  ",
            "수소",
            decomposed,
        ]);
        assert_eq!(tags, vec!["ai", "green hydrogen", "수소"]);
    }

    #[test]
    fn same_content_ignores_the_updated_time_but_not_the_body() {
        let a = note("a", "Title", "Body");
        let mut b = a.clone();
        b.updated = Timestamp(9_999);
        assert!(a.same_content(&b));
        assert_eq!(a.content_hash(), b.content_hash());
        b.body.push('!');
        assert!(!a.same_content(&b));
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn a_tombstone_has_a_different_content_hash_from_the_live_note() {
        let a = note("a", "Title", "Body");
        let mut b = a.clone();
        b.deleted = true;
        assert_ne!(a.content_hash(), b.content_hash());
    }

    #[test]
    fn notes_files_sort_their_notes_by_id() {
        let file = NotesFile::new(vec![note("b", "", ""), note("a", "", "")]);
        let ids: Vec<_> = file.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(file.format_version, NOTES_FORMAT_VERSION);
    }

    #[test]
    fn policy_measures_are_labelled_like_the_store_labels_them() {
        assert_eq!(TargetKind::PolicyMeasure.label(), "Policy measure");
        assert_eq!(TargetKind::ALL.len(), 9);
    }
}
