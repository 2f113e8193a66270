//! Running a query over the index, and [`Searcher`], which keeps recent results so that a
//! keystroke costs only what it changes: one more letter looks only at the last hits (and only
//! for the term that changed), a backspace to a query seen a moment ago takes its result
//! back, and a term searched over the whole store is kept for the next queries that hold it.

use std::sync::Arc;

use memchr::memmem::Finder;

use super::corpus::Index;
use super::scan::{Cands, TermHit, scan, scan_hinted};
use super::{Filters, Hit, Query, SortBy, UserNotes, admits, order};

/// The docs a query matched (sorted) and, per query term, what it found in each of them.
#[derive(Clone, Debug, Default)]
pub(super) struct Found {
    docs: Vec<u32>,
    cols: Vec<Vec<TermHit>>,
}

impl Found {
    /// The hits, in doc order: rank = the sum of each term's best tier.
    pub fn hits(&self) -> Vec<Hit> {
        (0..self.docs.len())
            .map(|i| {
                let (mut score, mut mask, mut user) = (0_u32, 0_u64, 0_u64);
                for col in &self.cols {
                    let h = col[i];
                    score += h.tier as u32;
                    mask |= h.mask;
                    user |= h.user;
                }
                Hit {
                    doc: self.docs[i] as usize,
                    score,
                    extra: TermHit::extra(mask, user),
                }
            })
            .collect()
    }
}

/// Where a query is run from: every doc the filters admit, or docs known to hold some terms.
pub(super) struct Base<'a> {
    /// `None`: every doc the filters admit; else these docs (which the filters admit).
    docs: Option<&'a [u32]>,
    /// Per query term, what it found in each of `docs`, where that is known already.
    known: Vec<Option<&'a [TermHit]>>,
    /// Per query term, what a term it contains found in each of `docs`, where known.
    hint: Vec<Option<&'a [TermHit]>>,
}

impl Base<'_> {
    pub fn all() -> Self {
        Base {
            docs: None,
            known: Vec::new(),
            hint: Vec::new(),
        }
    }
}

/// Every doc of `base` that matches every term of `query`, with what each term found.
pub(super) fn run(
    ix: &Index,
    query: &Query,
    filters: &Filters,
    notes: &UserNotes,
    base: Base<'_>,
) -> Found {
    let notes = ix.notes(notes);
    let mut cur: Option<Vec<u32>> = base.docs.map(<[u32]>::to_vec);
    if cur.is_none() && !filters.is_empty() {
        cur = Some(
            (0..ix.len() as u32)
                .filter(|&d| admits(&ix[d as usize], filters))
                .collect(),
        );
    }
    // The place of each current doc in the docs started from (`None`: the same places).
    let mut at: Option<Vec<u32>> = None;
    let mut fresh: Vec<(usize, Vec<TermHit>)> = Vec::new();
    for (t, term) in query.terms.iter().enumerate() {
        if base.known.get(t).is_some_and(Option::is_some) {
            continue;
        }
        let finder = Finder::new(term.as_bytes());
        let hint = base.hint.get(t).copied().flatten();
        let found = match (&cur, hint) {
            // Over most of the store one pass through the corpus, which skips the records
            // without the term in one go, beats looking into every record's fields.
            (Some(c), Some(h)) if c.len() * 5 < ix.len() * 3 => {
                let place = |k: usize| {
                    at.as_ref()
                        .map_or(Some(k), |a| a.get(k).map(|&p| p as usize))
                };
                scan_hinted(ix, &finder, c, |k| h.get(place(k)?), &notes)
            }
            _ => scan(
                ix,
                &finder,
                cur.as_deref().map_or(Cands::All, Cands::Some),
                &notes,
            ),
        };
        let pick = |v: &[u32]| found.iter().map(|(k, _)| v[*k as usize]).collect();
        let places: Vec<u32> = found.iter().map(|(k, _)| *k).collect();
        at = Some(match &at {
            Some(a) => pick(a),
            None => places.clone(),
        });
        cur = Some(match &cur {
            Some(c) => pick(c),
            None => places,
        });
        for (_, col) in &mut fresh {
            *col = found.iter().map(|(k, _)| col[*k as usize]).collect();
        }
        fresh.push((t, found.iter().map(|(_, h)| *h).collect()));
    }
    let docs = cur.unwrap_or_else(|| (0..ix.len() as u32).collect());
    let mut cols = Vec::with_capacity(query.terms.len());
    for t in 0..query.terms.len() {
        let col = match fresh.iter_mut().find(|(i, _)| *i == t) {
            Some((_, col)) => std::mem::take(col),
            None => {
                let known = base.known.get(t).copied().flatten().unwrap_or(&[]);
                match &at {
                    Some(a) => a
                        .iter()
                        .filter_map(|&p| known.get(p as usize))
                        .copied()
                        .collect(),
                    None => known.to_vec(),
                }
            }
        };
        cols.push(col);
    }
    Found { docs, cols }
}

/// Whole-store results of single terms kept.
const TERMS: usize = 8;
/// Recent results kept, at most: as many as the last few dozen keystrokes, while together
/// they hold at most [`RECENT_DOCS`] times as many hits as the index has docs.
const RECENT: usize = 40;
const RECENT_DOCS: usize = 4;

/// What a result depends on besides the query.
#[derive(Clone, Debug, PartialEq)]
struct Key {
    generation: u64,
    len: usize,
    notes_revision: u64,
    filters: Filters,
}

#[derive(Clone, Debug)]
struct Last {
    key: Key,
    query: Query,
    found: Arc<Found>,
    sort: SortBy,
    descending: bool,
    hits: Arc<Vec<Hit>>,
}

/// One term's result over every doc the filters admit.
#[derive(Clone, Debug)]
struct TermResult {
    key: Key,
    term: String,
    found: Arc<Found>,
}

/// Remembers recent searches so that typing one more letter only looks at the last hits.
#[derive(Clone, Debug, Default)]
pub struct Searcher {
    /// The newest last.
    recent: Vec<Last>,
    terms: Vec<TermResult>,
    /// Counts the searches actually run, so a view can tell when its hits changed.
    version: u64,
}

impl Searcher {
    /// Changes whenever [`Searcher::search`] returns other hits than the last call.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Like [`super::search`] (the same hits in the same order), reusing recent results.
    pub fn search(
        &mut self,
        docs: &Index,
        query: &Query,
        filters: &Filters,
        notes: &UserNotes,
        sort: SortBy,
        descending: bool,
    ) -> &[Hit] {
        let key = Key {
            generation: docs.first().map_or(0, |d| d.generation),
            len: docs.len(),
            notes_revision: notes.revision,
            filters: filters.clone(),
        };
        self.recent.retain(|l| l.key == key);
        self.terms.retain(|t| t.key == key);
        let newest = self.recent.len().checked_sub(1);
        if let Some(i) = self.recent.iter().rposition(|l| l.query == *query) {
            let mut l = self.recent.remove(i);
            if l.sort != sort || l.descending != descending {
                order(
                    docs,
                    Arc::make_mut(&mut l.hits).as_mut_slice(),
                    sort,
                    descending,
                );
                l.sort = sort;
                l.descending = descending;
                self.version += 1;
            } else if Some(i) != newest {
                self.version += 1;
            }
            self.recent.push(l);
        } else {
            self.version += 1;
            let found = self.find(docs, query, filters, notes, &key);
            let mut hits = found.hits();
            order(docs, &mut hits, sort, descending);
            let budget = RECENT_DOCS * docs.len().max(1_000);
            let mut held: usize = found.docs.len();
            let mut keep = 0;
            for l in self.recent.iter().rev() {
                held += l.found.docs.len();
                if held > budget || keep + 1 >= RECENT {
                    break;
                }
                keep += 1;
            }
            self.recent.drain(..self.recent.len() - keep);
            self.recent.push(Last {
                key,
                query: query.clone(),
                found,
                sort,
                descending,
                hits: Arc::new(hits),
            });
        }
        self.recent.last().map_or(&[], |l| l.hits.as_slice())
    }

    /// Like [`Searcher::search`], handing out the hits themselves (shared, not copied).
    pub fn search_shared(
        &mut self,
        docs: &Index,
        query: &Query,
        filters: &Filters,
        notes: &UserNotes,
        sort: SortBy,
        descending: bool,
    ) -> Arc<Vec<Hit>> {
        self.search(docs, query, filters, notes, sort, descending);
        self.recent
            .last()
            .map_or_else(Default::default, |l| l.hits.clone())
    }

    /// Runs `query` from the smallest recent result it narrows, or from a kept whole-store
    /// result of one of its terms, or from every doc (keeping its first term's result).
    fn find(
        &mut self,
        ix: &Index,
        query: &Query,
        filters: &Filters,
        notes: &UserNotes,
        key: &Key,
    ) -> Arc<Found> {
        // The newest of the smallest: it shares the most terms with this query.
        let earlier = (self.recent.iter().rev())
            .filter(|l| query.narrows(&l.query))
            .min_by_key(|l| l.found.docs.len());
        if let Some(l) = earlier {
            let col = |p: usize| l.found.cols.get(p).map(Vec::as_slice);
            let known = query
                .terms
                .iter()
                .map(|t| col(l.query.terms.iter().position(|o| o == t)?))
                .collect();
            // A term typed further: only the fields holding its start can hold it.
            let hint = query
                .terms
                .iter()
                .map(|t| {
                    let (p, _) = (l.query.terms.iter().enumerate())
                        .filter(|(_, o)| t.contains(o.as_str()))
                        .max_by_key(|(_, o)| o.len())?;
                    col(p)
                })
                .collect();
            let base = Base {
                docs: Some(&l.found.docs),
                known,
                hint,
            };
            return Arc::new(run(ix, query, filters, notes, base));
        }
        let kept = self
            .terms
            .iter()
            .filter(|t| query.terms.contains(&t.term))
            .min_by_key(|t| t.found.docs.len())
            .cloned();
        let kept = match kept {
            Some(k) => k,
            None => {
                let Some(first) = query.terms.first() else {
                    return Arc::new(run(ix, query, filters, notes, Base::all()));
                };
                let one = Query {
                    terms: vec![first.clone()],
                };
                let found = Arc::new(run(ix, &one, filters, notes, Base::all()));
                if self.terms.len() >= TERMS {
                    self.terms.remove(0);
                }
                let kept = TermResult {
                    key: key.clone(),
                    term: first.clone(),
                    found,
                };
                self.terms.push(kept.clone());
                if query.terms.len() == 1 {
                    return kept.found;
                }
                kept
            }
        };
        let known = query
            .terms
            .iter()
            .map(|t| {
                (*t == kept.term)
                    .then(|| kept.found.cols.first().map(Vec::as_slice))
                    .flatten()
            })
            .collect();
        let base = Base {
            docs: Some(&kept.found.docs),
            known,
            hint: Vec::new(),
        };
        Arc::new(run(ix, query, filters, notes, base))
    }
}
