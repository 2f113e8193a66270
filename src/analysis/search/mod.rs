//! Search every text a record shows, rank the hits (name matches first) and cut snippets with
//! the match marked. Pure: no egui, no I/O; the browse list and the benchmark use it.
//!
//! The index ([`index`]) is built once per store; the user's notes come in as data
//! ([`UserNotes`]) because they live apart from the store. Every comparison folds text with
//! [`crate::text::fold`], the one folding of the app.

mod corpus;
mod fields;
mod index;
mod query;
mod scan;
mod searcher;
mod snippet;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use corpus::Index;
pub use index::{ALSO_KNOWN_AS, Doc, Field, Kind, Tier, index};
pub use query::{Filters, Query};
pub use scan::EXTRA_MAX;
pub use searcher::Searcher;
pub use snippet::{Snippet, highlight, snippets};

/// The user's own notes, by the id of the record they are on (folded once).
#[derive(Clone, Debug, Default)]
pub struct UserNotes {
    /// Changes whenever the notes change, so cached results are not reused.
    pub revision: u64,
    by_record: BTreeMap<String, Vec<Field>>,
    folded: BTreeMap<String, Vec<String>>,
}

impl UserNotes {
    /// No notes.
    pub fn new(revision: u64) -> Self {
        Self {
            revision,
            ..Self::default()
        }
    }

    /// Adds one note (title and body) on the record `id`.
    pub fn add(&mut self, id: &str, title: &str, body: &str) {
        let text = match (title.trim(), body.trim()) {
            ("", b) => b.to_owned(),
            (t, "") => t.to_owned(),
            (t, b) => format!("{t} — {b}"),
        };
        if text.is_empty() {
            return;
        }
        self.folded
            .entry(id.to_owned())
            .or_default()
            .push(crate::text::fold(&text));
        self.by_record
            .entry(id.to_owned())
            .or_default()
            .push(Field {
                label: "Your note".to_owned(),
                text,
                tier: Tier::UserNote,
            });
    }

    /// The notes on record `id`, as fields.
    pub fn fields(&self, id: &str) -> &[Field] {
        self.by_record.get(id).map_or(&[], Vec::as_slice)
    }

    /// The folded notes, by record id.
    fn folded_by_record(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.folded
            .iter()
            .map(|(id, n)| (id.as_str(), n.as_slice()))
    }
}

/// How hits are ordered after their rank.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    /// Kind, in list order, then name.
    #[default]
    Kind,
    Name,
    Programme,
    Year,
    Status,
}

/// One record that matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the docs.
    pub doc: usize,
    /// Lower is better: the sum over terms of the best field tier each was found in (0 when
    /// every term is in a name). Zero for every record when nothing was typed.
    pub score: u32,
    /// How many texts other than the English name hold a term (the snippets it can show),
    /// at most [`EXTRA_MAX`].
    pub extra: u8,
}

/// Does `doc` pass the chips?
pub fn admits(doc: &Doc, f: &Filters) -> bool {
    (f.kinds.is_empty() || f.kinds.contains(&doc.kind))
        && (f.programmes.is_empty()
            || doc
                .programme
                .as_ref()
                .is_some_and(|p| f.programmes.contains(p)))
        && (f.countries.is_empty() || doc.countries.iter().any(|c| f.countries.contains(c)))
        && (f.statuses.is_empty() || doc.status.is_some_and(|s| f.statuses.contains(&s)))
        && ((f.year_from.is_none() && f.year_to.is_none())
            || doc.years.is_some_and(|(s, e)| {
                f.year_from.is_none_or(|from| e >= from) && f.year_to.is_none_or(|to| s <= to)
            }))
}

/// Every doc that passes the filters and matches the query, ranked, then ordered by `sort`.
pub fn search(
    docs: &Index,
    query: &Query,
    filters: &Filters,
    notes: &UserNotes,
    sort: SortBy,
    descending: bool,
) -> Vec<Hit> {
    let found = searcher::run(docs, query, filters, notes, searcher::Base::all());
    let mut hits = found.hits();
    order(docs, &mut hits, sort, descending);
    hits
}

impl SortBy {
    /// Every sort, in the order of [`Doc`]'s precomputed ranks.
    pub const ALL: [SortBy; 5] = [
        SortBy::Kind,
        SortBy::Name,
        SortBy::Programme,
        SortBy::Year,
        SortBy::Status,
    ];

    fn slot(self) -> usize {
        self as usize
    }
}

/// The order of two docs by a column, then by name and id so the order never depends on the
/// store's file order.
fn by_column(a: &Doc, b: &Doc, sort: SortBy) -> Ordering {
    match sort {
        SortBy::Kind => a.kind.cmp(&b.kind),
        SortBy::Name => Ordering::Equal,
        SortBy::Programme => a.programme_name.cmp(&b.programme_name),
        SortBy::Year => a.year().cmp(&b.year()),
        SortBy::Status => a
            .status
            .map(|s| s.label())
            .cmp(&b.status.map(|s| s.label())),
    }
    .then_with(|| a.sort_name.cmp(&b.sort_name))
    .then_with(|| a.id.cmp(&b.id))
}

/// Gives every doc its place in each column's order, once per index, so that ordering hits
/// is a sort of plain numbers (100,000 hits in a few milliseconds, not a string comparison
/// per step).
pub(super) fn rank_docs(docs: &mut [Doc]) {
    let mut order: Vec<u32> = (0..docs.len() as u32).collect();
    for sort in SortBy::ALL {
        order.sort_by(|&x, &y| by_column(&docs[x as usize], &docs[y as usize], sort));
        for (place, &i) in order.iter().enumerate() {
            docs[i as usize].rank[sort.slot()] = place as u32;
        }
    }
}

/// Orders hits: best rank first, then by the column (ascending or descending), then by name
/// and id (reversed too when descending).
pub fn order(docs: &Index, hits: &mut [Hit], sort: SortBy, descending: bool) {
    let slot = sort.slot();
    let n = docs.len();
    let max = hits.iter().map(|h| h.score).max().unwrap_or(0) as usize;
    if hits.len() < 1024 || hits.len() * 8 < n || max > 4096 {
        hits.sort_unstable_by_key(|h| {
            let r = docs[h.doc].rank[slot];
            let r = if descending { u32::MAX - r } else { r };
            (u64::from(h.score) << 32) | u64::from(r)
        });
        return;
    }
    // Many hits: walk the docs in the column's order once and drop each hit into the bucket
    // of its rank (linear, where a sort of 100,000 keys takes milliseconds).
    let mut place = vec![u32::MAX; n];
    let mut next = vec![0_usize; max + 2];
    for (i, h) in hits.iter().enumerate() {
        if let Some(p) = place.get_mut(h.doc) {
            *p = i as u32;
        }
        next[h.score as usize + 1] += 1;
    }
    for s in 1..next.len() {
        next[s] += next[s - 1];
    }
    let mut out = hits.to_vec();
    let mut put = |d: u32| {
        if let Some(&i) = place.get(d as usize)
            && let Some(&h) = hits.get(i as usize)
            && let Some(o) = out.get_mut(next[h.score as usize])
        {
            *o = h;
            next[h.score as usize] += 1;
        }
    };
    if descending {
        docs.by_rank[slot].iter().rev().for_each(|&d| put(d));
    } else {
        docs.by_rank[slot].iter().for_each(|&d| put(d));
    }
    hits.copy_from_slice(&out);
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_engine;
