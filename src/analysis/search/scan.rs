//! Matching one record against the typed terms: one forward scan of its folded haystack per
//! term, with a searcher built once per query (not once per field and record), jumping to the
//! next field after each match and stopping as soon as the rank can no longer improve.

use memchr::memmem::Finder;

use super::index::Doc;
use super::{Query, Tier, UserNotes};

/// Texts other than the English name counted per hit, at most: the list shows two snippets and
/// sizes rows by this count, so counting further buys nothing.
pub const EXTRA_MAX: u8 = 3;

/// A query ready to scan with: one prebuilt searcher per term.
pub struct Prepared<'q> {
    finders: Vec<Finder<'q>>,
}

impl<'q> Prepared<'q> {
    pub fn new(query: &'q Query) -> Self {
        Self {
            finders: query
                .terms
                .iter()
                .map(|t| Finder::new(t.as_bytes()))
                .collect(),
        }
    }

    /// The rank of `doc` (the sum over terms of the best tier each term is found in) and how
    /// many of its texts other than the English name hold a term (at most [`EXTRA_MAX`]), or
    /// `None` when some term is in none of its texts.
    pub fn score(&self, doc: &Doc, notes: &UserNotes) -> Option<(u32, u8)> {
        if self.finders.is_empty() {
            return Some((0, 0));
        }
        let hay = doc.haystack.as_bytes();
        let user = notes.folded(&doc.id);
        let enough = |mask: u64, user_hits: u32| {
            (mask & !1).count_ones() + user_hits >= u32::from(EXTRA_MAX)
        };
        // Which fields hold some term (bit i for field i; fields past 63 share bit 63).
        let mut mask = 0_u64;
        let mut user_mask = 0_u64;
        let mut total = 0_u32;
        for f in &self.finders {
            let mut best = None::<Tier>;
            for (i, n) in user.iter().enumerate() {
                if f.find(n.as_bytes()).is_some() {
                    best = Some(Tier::UserNote.min(best.unwrap_or(Tier::Source)));
                    user_mask |= 1 << i.min(63);
                }
            }
            let mut pos = 0;
            let mut field = 0;
            while pos < hay.len() {
                let Some(off) = f.find(&hay[pos..]) else {
                    break;
                };
                let at = pos + off;
                while doc.spans.get(field).is_some_and(|s| s.1 as usize <= at) {
                    field += 1;
                }
                let Some(&(_, end)) = doc.spans.get(field) else {
                    break;
                };
                let tier = doc.fields[field].tier;
                best = Some(best.map_or(tier, |b| b.min(tier)));
                mask |= 1 << field.min(63);
                if best == Some(Tier::Name) && enough(mask, user_mask.count_ones()) {
                    break;
                }
                // The rest of this field can tell nothing new: go on from the next field.
                pos = end as usize + 1;
                field += 1;
            }
            total += best? as u32;
        }
        let extra = (mask & !1).count_ones() + user_mask.count_ones();
        Some((total, extra.min(u32::from(EXTRA_MAX)) as u8))
    }
}
