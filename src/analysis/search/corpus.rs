//! The index of a whole store: its docs, and every folded field text of every doc in one
//! contiguous buffer (the corpus) with tables of where each doc and field starts and ends.
//!
//! One buffer instead of a string per record lets a term be searched with one SIMD pass over
//! the whole store (a rare term jumps straight from hit to hit), and keeps what a scan touches
//! together in memory: the field ends and tiers are plain arrays, not 100,000 separate
//! allocations.

use std::ops::Deref;

use super::index::{Doc, Field, Tier};
use super::{SortBy, UserNotes};

/// Separates fields in the corpus; folding never produces it from typed text.
const SEP: u8 = 0x1f;

/// The bit of byte `b` in [`Index::field_bytes`]: one bit for each letter a–z and digit, so
/// that a field holds such a byte exactly when its bit is set; every other byte shares one of
/// the remaining bits with others.
pub(super) fn byte_bit(b: u8) -> u64 {
    1 << byte_class(b)
}

/// Whether [`byte_bit`] tells exactly if a field holds `b`.
pub(super) fn byte_exact(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

fn byte_class(b: u8) -> u32 {
    match b {
        b'a'..=b'z' => u32::from(b - b'a'),
        b'0'..=b'9' => 26 + u32::from(b - b'0'),
        _ => 36 + u32::from(b) % 28,
    }
}

/// Every record's search document, and the folded text of all of them in one buffer.
#[derive(Clone, Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// Every doc's folded fields, each followed by [`SEP`], doc after doc.
    pub(super) corpus: Vec<u8>,
    /// Doc `d`'s text is `corpus[doc_start[d]..doc_start[d + 1]]` (one more entry than docs).
    pub(super) doc_start: Vec<u32>,
    /// Doc `d`'s fields are `field_start[d]..field_start[d + 1]` in the field tables.
    pub(super) field_start: Vec<u32>,
    /// Where each field's folded text ends in the corpus (exclusive; its [`SEP`] is there).
    pub(super) field_end: Vec<u32>,
    /// How much a match in each field counts.
    pub(super) field_tier: Vec<Tier>,
    /// Which bytes each field's folded text holds ([`byte_bit`]): a one-letter term is looked
    /// up here instead of in the text.
    pub(super) field_bytes: Vec<u64>,
    /// The best tier of this field and the later fields of its doc: once a term was found
    /// at least that well, the rest of the doc cannot improve its rank.
    pub(super) rest_best: Vec<Tier>,
    /// Docs in the order of each column ([`SortBy::ALL`]): `by_rank[slot][rank] = doc`.
    pub(super) by_rank: [Vec<u32>; 5],
    /// The docs sorted by record id, to find the docs the user's notes are on.
    by_id: Vec<u32>,
}

impl Deref for Index {
    type Target = [Doc];

    fn deref(&self) -> &[Doc] {
        &self.docs
    }
}

impl Index {
    /// Folds the fields of `docs` (already ranked) into one corpus.
    pub(super) fn new(docs: Vec<Doc>) -> Self {
        let fields: usize = docs.iter().map(|d| d.fields.len()).sum();
        let mut ix = Index {
            corpus: Vec::new(),
            doc_start: Vec::with_capacity(docs.len() + 1),
            field_start: Vec::with_capacity(docs.len() + 1),
            field_end: Vec::with_capacity(fields),
            field_tier: Vec::with_capacity(fields),
            field_bytes: Vec::with_capacity(fields),
            rest_best: Vec::with_capacity(fields),
            by_rank: Default::default(),
            by_id: (0..docs.len() as u32).collect(),
            docs: Vec::new(),
        };
        for doc in &docs {
            ix.doc_start.push(ix.corpus.len() as u32);
            ix.field_start.push(ix.field_end.len() as u32);
            // The first field (the name) stays first, for the snippet count; the others go
            // best tier first, so that a scan finds the match that ranks first soonest and may
            // stop at the first matches it counts.
            let mut order: Vec<&Field> = doc.fields.iter().skip(1).collect();
            order.sort_by_key(|f| f.tier);
            for f in doc.fields.first().into_iter().chain(order) {
                let folded = crate::text::fold(&f.text);
                ix.field_bytes
                    .push(folded.bytes().fold(0, |m, b| m | byte_bit(b)));
                ix.corpus.extend_from_slice(folded.as_bytes());
                ix.field_end.push(ix.corpus.len() as u32);
                ix.field_tier.push(f.tier);
                ix.corpus.push(SEP);
            }
            let first = ix.rest_best.len();
            ix.rest_best.extend_from_slice(&ix.field_tier[first..]);
            for i in (first..ix.rest_best.len().saturating_sub(1)).rev() {
                ix.rest_best[i] = ix.rest_best[i].min(ix.rest_best[i + 1]);
            }
        }
        ix.by_id
            .sort_unstable_by(|&a, &b| docs[a as usize].id.cmp(&docs[b as usize].id));
        ix.doc_start.push(ix.corpus.len() as u32);
        ix.field_start.push(ix.field_end.len() as u32);
        for sort in SortBy::ALL {
            let slot = sort as usize;
            let mut order = vec![0_u32; docs.len()];
            for (d, doc) in docs.iter().enumerate() {
                if let Some(o) = order.get_mut(doc.rank[slot] as usize) {
                    *o = d as u32;
                }
            }
            ix.by_rank[slot] = order;
        }
        ix.docs = docs;
        ix
    }

    /// The docs, in store order.
    pub fn docs(&self) -> &[Doc] {
        &self.docs
    }

    /// Where field `field` (an index into the field tables) begins in the corpus.
    pub(super) fn field_begin(&self, field: usize) -> usize {
        match field.checked_sub(1) {
            Some(before) => self.field_end[before] as usize + 1,
            None => 0,
        }
    }

    /// The doc whose text holds corpus byte `at`, looking from doc `from` on.
    pub(super) fn doc_at(&self, at: usize, from: usize) -> usize {
        let rest = self.doc_start.get(from + 1..).unwrap_or(&[]);
        from + rest.partition_point(|&s| s as usize <= at)
    }

    /// The user's notes by doc (sorted by doc), folded; notes on unknown ids are left out.
    pub(super) fn notes<'n>(&self, notes: &'n UserNotes) -> Vec<(u32, &'n [String])> {
        let mut by_doc: Vec<(u32, &[String])> = Vec::new();
        for (id, n) in notes.folded_by_record() {
            let first = self
                .by_id
                .partition_point(|&d| self.docs[d as usize].id.as_str() < id);
            for &d in &self.by_id[first..] {
                if self.docs[d as usize].id != id {
                    break;
                }
                by_doc.push((d, n));
            }
        }
        by_doc.sort_unstable_by_key(|(d, _)| *d);
        by_doc
    }
}
