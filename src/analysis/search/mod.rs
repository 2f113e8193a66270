//! Search every text a record shows, rank the hits (name matches first) and cut snippets with
//! the match marked. Pure: no egui, no I/O; the browse list and the benchmark use it.
//!
//! The index ([`index`]) is built once per store; the user's notes come in as data
//! ([`UserNotes`]) because they live apart from the store. Every comparison folds text with
//! [`crate::text::fold`], the one folding of the app.

mod fields;
mod index;
mod query;
mod scan;
mod snippet;

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use index::{ALSO_KNOWN_AS, Doc, Field, Kind, Tier, index};
pub use query::{Filters, Query};
pub use scan::EXTRA_MAX;
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

    fn folded(&self, id: &str) -> &[String] {
        self.folded.get(id).map_or(&[], Vec::as_slice)
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

/// The rank of `doc` for `query` and the number of its texts other than the English name that
/// hold a term (at most [`EXTRA_MAX`]), or `None` when some term is in none of its texts.
pub fn score(doc: &Doc, query: &Query, notes: &UserNotes) -> Option<(u32, u8)> {
    scan::Prepared::new(query).score(doc, notes)
}

/// Every doc that passes the filters and matches the query, ranked, then ordered by `sort`.
pub fn search(
    docs: &[Doc],
    query: &Query,
    filters: &Filters,
    notes: &UserNotes,
    sort: SortBy,
    descending: bool,
) -> Vec<Hit> {
    let candidates = 0..docs.len();
    let mut hits = collect(docs, candidates, query, filters, notes);
    order(docs, &mut hits, sort, descending);
    hits
}

fn collect(
    docs: &[Doc],
    candidates: impl Iterator<Item = usize>,
    query: &Query,
    filters: &Filters,
    notes: &UserNotes,
) -> Vec<Hit> {
    let prepared = scan::Prepared::new(query);
    candidates
        .filter_map(|i| {
            let d = docs.get(i)?;
            if !admits(d, filters) {
                return None;
            }
            let (score, extra) = prepared.score(d, notes)?;
            Some(Hit {
                doc: i,
                score,
                extra,
            })
        })
        .collect()
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
pub fn order(docs: &[Doc], hits: &mut [Hit], sort: SortBy, descending: bool) {
    let slot = sort.slot();
    hits.sort_unstable_by_key(|h| {
        let r = docs[h.doc].rank[slot];
        let r = if descending { u32::MAX - r } else { r };
        (u64::from(h.score) << 32) | u64::from(r)
    });
}

/// Remembers the last search so that typing one more letter only looks at the last hits.
#[derive(Clone, Debug, Default)]
pub struct Searcher {
    last: Option<Last>,
    /// Counts the searches actually run, so a view can tell when its hits changed.
    version: u64,
}

#[derive(Clone, Debug)]
struct Last {
    generation: u64,
    len: usize,
    notes_revision: u64,
    query: Query,
    filters: Filters,
    sort: SortBy,
    descending: bool,
    hits: Vec<Hit>,
}

impl Searcher {
    /// Changes whenever [`Searcher::search`] computed new hits.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Like [`search`], reusing the last result when nothing changed and searching only the
    /// last hits when the query narrows the last one.
    pub fn search(
        &mut self,
        docs: &[Doc],
        query: &Query,
        filters: &Filters,
        notes: &UserNotes,
        sort: SortBy,
        descending: bool,
    ) -> &[Hit] {
        let generation = docs.first().map_or(0, |d| d.generation);
        let same_docs = |l: &Last| {
            l.generation == generation
                && l.len == docs.len()
                && l.notes_revision == notes.revision
                && l.filters == *filters
        };
        let fresh = self.last.as_ref().is_some_and(|l| {
            same_docs(l) && l.query == *query && l.sort == sort && l.descending == descending
        });
        if !fresh {
            self.version += 1;
            let hits = match self.last.take() {
                Some(mut l) if same_docs(&l) && l.query == *query => {
                    order(docs, &mut l.hits, sort, descending);
                    l.hits
                }
                Some(l) if same_docs(&l) && query.narrows(&l.query) => {
                    let mut earlier: Vec<usize> = l.hits.iter().map(|h| h.doc).collect();
                    earlier.sort_unstable();
                    let mut hits = collect(docs, earlier.into_iter(), query, filters, notes);
                    order(docs, &mut hits, sort, descending);
                    hits
                }
                _ => search(docs, query, filters, notes, sort, descending),
            };
            self.last = Some(Last {
                generation,
                len: docs.len(),
                notes_revision: notes.revision,
                query: query.clone(),
                filters: filters.clone(),
                sort,
                descending,
                hits,
            });
        }
        self.last.as_ref().map_or(&[], |l| l.hits.as_slice())
    }
}

#[cfg(test)]
mod tests;
