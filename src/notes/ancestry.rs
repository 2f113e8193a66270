//! Versions of a note and the short history each note carries, so that a merge can tell
//! "their version grew from mine" from "we both changed it".
//!
//! A [`NoteVersion`] is the stable hash of a note's content ([`Note::content_hash`]). Each
//! note keeps the versions it grew from in [`Note::ancestry`], oldest first, at most
//! [`ANCESTRY_LIMIT`] of them. A version is recorded once per exchange, not once per
//! keystroke: the notebook adds the previous version only on the first local change after
//! the note was last sent, received or loaded (see [`super::Notebook`]).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::Note;

/// How many earlier versions a note remembers. Older ones are forgotten first; a note more
/// than this many exchanges behind another is treated as changed on both sides (a conflict
/// keeps both texts, so nothing is lost).
pub const ANCESTRY_LIMIT: usize = 32;

/// One version of a note: the hash of everything [`Note::same_content`] compares.
///
/// Written as 16 hexadecimal digits, so files stay readable and diff cleanly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NoteVersion(pub u64);

impl NoteVersion {
    /// The version of a note as it is now.
    pub fn of(note: &Note) -> Self {
        Self(note.content_hash())
    }
}

impl fmt::Display for NoteVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for NoteVersion {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for NoteVersion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        u64::from_str_radix(&text, 16)
            .ok()
            .filter(|_| !text.is_empty() && text.len() <= 16)
            .map(Self)
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "{text:?} is not a note version (16 hexadecimal digits)"
                ))
            })
    }
}

/// Whether `newer` grew from `older`: `older`'s version is in `newer`'s ancestry.
pub fn descends(newer: &Note, older: &Note) -> bool {
    newer.ancestry.contains(&NoteVersion::of(older))
}

/// Records `parent` as the most recent version `note` grew from (moving it to the end if it
/// is already there), forgetting the oldest versions beyond [`ANCESTRY_LIMIT`].
pub fn push_parent(note: &mut Note, parent: NoteVersion) {
    note.ancestry.retain(|v| *v != parent);
    note.ancestry.push(parent);
    trim(&mut note.ancestry);
}

/// Adds the versions of `other` that `note` lacks, as older than `note`'s own, so that when
/// the limit is reached `note`'s own history is the one kept.
pub fn join(note: &mut Note, other: &[NoteVersion]) {
    let missing: Vec<NoteVersion> = other
        .iter()
        .filter(|v| !note.ancestry.contains(v))
        .copied()
        .collect();
    if missing.is_empty() {
        return;
    }
    let mut all = missing;
    all.append(&mut note.ancestry);
    note.ancestry = all;
    trim(&mut note.ancestry);
}

fn trim(ancestry: &mut Vec<NoteVersion>) {
    if ancestry.len() > ANCESTRY_LIMIT {
        ancestry.drain(..ancestry.len() - ANCESTRY_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::tests::note;

    #[test]
    fn a_version_is_written_as_sixteen_hex_digits_and_read_back() {
        let v = NoteVersion(0x00ab_cdef_0123_4567);
        let text = ron::to_string(&v).expect("serializes");
        assert_eq!(text, "\"00abcdef01234567\"");
        assert_eq!(ron::from_str::<NoteVersion>(&text).ok(), Some(v));
        assert!(ron::from_str::<NoteVersion>("\"not hex\"").is_err());
        assert!(ron::from_str::<NoteVersion>("\"\"").is_err());
    }

    #[test]
    fn ancestry_forgets_the_oldest_versions_first() {
        let mut n = note("a", "A", "");
        for i in 0..(ANCESTRY_LIMIT as u64 + 5) {
            push_parent(&mut n, NoteVersion(i));
        }
        assert_eq!(n.ancestry.len(), ANCESTRY_LIMIT);
        assert_eq!(n.ancestry.first(), Some(&NoteVersion(5)));
        assert_eq!(
            n.ancestry.last(),
            Some(&NoteVersion(ANCESTRY_LIMIT as u64 + 4))
        );
    }

    #[test]
    fn joining_keeps_the_notes_own_recent_history_when_full() {
        let mut n = note("a", "A", "");
        for i in 0..ANCESTRY_LIMIT as u64 {
            push_parent(&mut n, NoteVersion(i));
        }
        join(&mut n, &[NoteVersion(1000), NoteVersion(3)]);
        assert_eq!(n.ancestry.len(), ANCESTRY_LIMIT);
        assert!(!n.ancestry.contains(&NoteVersion(1000)));
        assert_eq!(
            n.ancestry.last(),
            Some(&NoteVersion(ANCESTRY_LIMIT as u64 - 1))
        );
    }

    #[test]
    fn a_note_descends_from_the_versions_in_its_ancestry_only() {
        let old = note("a", "A", "one");
        let mut new = note("a", "A", "two");
        assert!(!descends(&new, &old));
        push_parent(&mut new, NoteVersion::of(&old));
        assert!(descends(&new, &old));
        assert!(!descends(&old, &new));
    }
}
