//! Finding one typed term in the docs: one prebuilt SIMD searcher per term; over many docs one
//! forward pass through the whole corpus (a rare term jumps from hit to hit, skipping every doc
//! without it), over a few docs a scan of each. Within a doc the scan jumps to the next field
//! after each match and stops as soon as neither the rank nor the snippet count can change.

use memchr::memmem::Finder;

use super::Tier;
use super::corpus::{Index, byte_bit, byte_exact};

/// Texts other than the English name counted per hit, at most: the list shows two snippets and
/// sizes rows by this count, so counting further buys nothing (and a scan stops sooner).
pub const EXTRA_MAX: u8 = 2;

/// What one term found in one doc.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct TermHit {
    /// The best tier of the fields holding the term.
    pub tier: Tier,
    /// Which fields hold it (bit i for field i; fields past 63 share bit 63): complete, or
    /// with at least [`EXTRA_MAX`] fields other than the name.
    pub mask: u64,
    /// Which of the user's notes on the record hold it.
    pub user: u64,
    /// How many of the doc's fields (from the first) were looked at: `mask` is exact for
    /// them (at most 255).
    pub upto: u8,
}

impl TermHit {
    /// How many texts other than the English name these hits hold, at most [`EXTRA_MAX`].
    pub fn extra(mask: u64, user: u64) -> u8 {
        ((mask & !1).count_ones() + user.count_ones()).min(u32::from(EXTRA_MAX)) as u8
    }
}

/// The docs a term is looked for in.
#[derive(Clone, Copy)]
pub(super) enum Cands<'a> {
    /// Every doc.
    All,
    /// These docs (sorted, no repeats).
    Some(&'a [u32]),
}

/// The user's notes by doc, sorted by doc.
pub(super) type Notes<'n> = [(u32, &'n [String])];

fn notes_of<'n>(notes: &Notes<'n>, doc: u32) -> &'n [String] {
    if notes.is_empty() {
        return &[];
    }
    match notes.binary_search_by_key(&doc, |(d, _)| *d) {
        Ok(i) => notes[i].1,
        Err(_) => &[],
    }
}

/// From this many candidates on, a pass through the corpus is split over two threads.
const PARALLEL_CANDIDATES: usize = 50_000;

/// Whether the machine has a second core for half of a large pass (asked once: on Linux the
/// answer reads the cgroup files).
fn several_cores() -> bool {
    static SEVERAL: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *SEVERAL.get_or_init(|| std::thread::available_parallelism().is_ok_and(|p| p.get() >= 2))
}

/// The pass through the corpus for candidates `from..to` (places in `doc_of`, or docs).
fn pass(
    ix: &Index,
    f: &Finder<'_>,
    doc_of: Option<&[u32]>,
    from: usize,
    to: usize,
    notes: &Notes<'_>,
) -> Vec<(u32, TermHit)> {
    let mut out = Vec::new();
    let cand = |k: usize| doc_of.map_or(k, |l| l[k] as usize);
    if from >= to {
        return out;
    }
    let end = ix.doc_start[cand(to - 1) + 1] as usize;
    let mut k = from;
    while k < to {
        let d = cand(k);
        let pos = ix.doc_start[d] as usize;
        let Some(off) = f.find(&ix.corpus[pos..end]) else {
            break;
        };
        let at = pos + off;
        let found = ix.doc_at(at, d);
        // The candidates before the doc of the match do not hold the term.
        k += match doc_of {
            None => found - d,
            Some(l) => l[k..to].partition_point(|&c| (c as usize) < found),
        };
        if k < to && cand(k) == found {
            let user = notes_of(notes, found as u32);
            if let Some(h) = in_doc(ix, f, found, Some(at), user) {
                out.push((k as u32, h));
            }
            k += 1;
        }
    }
    out
}

/// Looks for one term in the candidates: for each doc holding it, its place in the candidates
/// (the doc itself for [`Cands::All`]) and what it found there, in candidate order.
pub(super) fn scan(
    ix: &Index,
    f: &Finder<'_>,
    cands: Cands<'_>,
    notes: &Notes<'_>,
) -> Vec<(u32, TermHit)> {
    if let &[b] = f.needle()
        && byte_exact(b)
    {
        return scan_byte(ix, f, byte_bit(b), cands, notes);
    }
    let n = ix.len();
    let mut out = Vec::new();
    match cands {
        Cands::Some(list) if list.len() * 4 < n => {
            // Few candidates: scan each on its own.
            for (k, &d) in list.iter().enumerate() {
                if let Some(h) = in_doc(ix, f, d as usize, None, notes_of(notes, d)) {
                    out.push((k as u32, h));
                }
            }
            return out;
        }
        _ => {}
    }
    // Many candidates: one pass through the corpus, from each candidate to the next match;
    // over a very large set, two halves on two threads (the hits stay in candidate order).
    let (len, doc_of) = match cands {
        Cands::All => (n, None),
        Cands::Some(list) => (list.len(), Some(list)),
    };
    if len == 0 {
        return out;
    }
    out = if len >= PARALLEL_CANDIDATES && several_cores() {
        let mid = len / 2;
        let (mut first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| pass(ix, f, doc_of, mid, len, notes));
            (pass(ix, f, doc_of, 0, mid, notes), second.join())
        });
        // The pass does not panic; should the thread fail anyway, scan its half here.
        first.extend(second.unwrap_or_else(|_| pass(ix, f, doc_of, mid, len, notes)));
        first
    } else {
        pass(ix, f, doc_of, 0, len, notes)
    };
    // A term may be only in the user's notes on a record.
    let mut extra = false;
    for &(d, user) in notes {
        let k = match doc_of {
            None => d as usize,
            Some(l) => match l.binary_search(&d) {
                Ok(k) => k,
                Err(_) => continue,
            },
        };
        if k >= len || out.binary_search_by_key(&(k as u32), |(k, _)| *k).is_ok() {
            continue;
        }
        if let Some(h) = in_doc(ix, f, d as usize, None, user) {
            out.push((k as u32, h));
            extra = true;
        }
    }
    if extra {
        out.sort_unstable_by_key(|(k, _)| *k);
    }
    out
}

/// Looks for a one-letter term (`bit` of [`Index::field_bytes`]) in the candidates, from the
/// fields' byte sets alone: no text is read.
fn scan_byte(
    ix: &Index,
    f: &Finder<'_>,
    bit: u64,
    cands: Cands<'_>,
    notes: &Notes<'_>,
) -> Vec<(u32, TermHit)> {
    let one = |d: usize| {
        let mut acc = Acc::new(ix, f, d, notes_of(notes, d as u32));
        let mut upto = acc.fields.end;
        for field in acc.fields.clone() {
            if ix.field_bytes[field] & bit != 0 && acc.found(ix, field) {
                upto = field + 1;
                break;
            }
        }
        acc.finish(upto)
    };
    match cands {
        Cands::All => (0..ix.len())
            .filter_map(|d| Some((d as u32, one(d)?)))
            .collect(),
        Cands::Some(list) => (list.iter().enumerate())
            .filter_map(|(k, &d)| Some((k as u32, one(d as usize)?)))
            .collect(),
    }
}

/// What one term has found in one doc so far.
struct Acc {
    fields: std::ops::Range<usize>,
    /// Where the doc's text ends in the corpus.
    hay_end: usize,
    best: Option<Tier>,
    mask: u64,
    user: u64,
}

impl Acc {
    /// Starts on doc `d`, with the user's notes `user` on it looked through.
    fn new(ix: &Index, f: &Finder<'_>, d: usize, user: &[String]) -> Self {
        let mut acc = Acc {
            fields: ix.field_start[d] as usize..ix.field_start[d + 1] as usize,
            hay_end: ix.doc_start[d + 1] as usize,
            best: None,
            mask: 0,
            user: 0,
        };
        for (i, n) in user.iter().enumerate() {
            if f.find(n.as_bytes()).is_some() {
                acc.best = Some(Tier::UserNote.min(acc.best.unwrap_or(Tier::Source)));
                acc.user |= 1 << i.min(63);
            }
        }
        acc
    }

    /// Field `field` (an index into the index's field tables) holds the term; true when
    /// neither the rank nor the snippet count can change any more.
    fn found(&mut self, ix: &Index, field: usize) -> bool {
        let tier = ix.field_tier[field];
        let b = self.best.map_or(tier, |b| b.min(tier));
        self.best = Some(b);
        self.mask |= 1 << (field - self.fields.start).min(63);
        let counted = (self.mask & !1).count_ones() + self.user.count_ones();
        counted >= u32::from(EXTRA_MAX)
            && (field + 1 >= self.fields.end || b <= ix.rest_best[field + 1])
    }

    /// Scans the doc from its field `from` on, starting with the match at corpus byte
    /// `first` when one is known.
    fn scan(
        mut self,
        ix: &Index,
        f: &Finder<'_>,
        from: usize,
        first: Option<usize>,
    ) -> Option<TermHit> {
        let mut field = from;
        let hay_end = self.hay_end;
        let mut pos = ix.field_begin(field);
        let mut next = first;
        let mut upto = self.fields.end;
        loop {
            let at = match next.take() {
                Some(at) => at,
                None if pos >= hay_end => break,
                None => match f.find(&ix.corpus[pos..hay_end]) {
                    Some(off) => pos + off,
                    None => break,
                },
            };
            while field < self.fields.end && ix.field_end[field] as usize <= at {
                field += 1;
            }
            if field >= self.fields.end {
                break;
            }
            if self.found(ix, field) {
                upto = field + 1;
                break;
            }
            // The rest of this field can tell nothing new: go on from the next field.
            pos = ix.field_end[field] as usize + 1;
            field += 1;
        }
        self.finish(upto)
    }

    fn finish(self, upto: usize) -> Option<TermHit> {
        let upto = (upto - self.fields.start).min(usize::from(u8::MAX)) as u8;
        self.best.map(|tier| TermHit {
            tier,
            mask: self.mask,
            user: self.user,
            upto,
        })
    }
}

/// What the term finds in doc `d` (and in the user's notes `user` on it), starting from the
/// match at corpus byte `first` when one is known; `None` when it is in none of its texts.
fn in_doc(
    ix: &Index,
    f: &Finder<'_>,
    d: usize,
    first: Option<usize>,
    user: &[String],
) -> Option<TermHit> {
    let acc = Acc::new(ix, f, d, user);
    let from = acc.fields.start;
    acc.scan(ix, f, from, first)
}

/// Like [`in_doc`], for a term that contains a term whose hits `hint` in the doc are known:
/// only the fields that hold the shorter term can hold this one.
fn in_doc_hinted(
    ix: &Index,
    f: &Finder<'_>,
    d: usize,
    hint: &TermHit,
    user: &[String],
) -> Option<TermHit> {
    let fields = ix.field_start[d] as usize..ix.field_start[d + 1] as usize;
    // Fields past 63 share a bit, so only the first 63 are known one by one.
    let known = usize::from(hint.upto).min(63).min(fields.len());
    let mut bits = hint.mask & ((1_u64 << known) - 1);
    if bits.count_ones() >= 3 {
        // The shorter term is in many fields: one pass over the whole text takes fewer
        // searches (it jumps from match to match) than one search per field.
        return in_doc(ix, f, d, None, user);
    }
    let mut acc = Acc::new(ix, f, d, user);
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let field = fields.start + i;
        let text = &ix.corpus[ix.field_begin(field)..ix.field_end[field] as usize];
        if f.find(text).is_some() && acc.found(ix, field) {
            return acc.finish(field + 1);
        }
    }
    if fields.start + known >= fields.end {
        return acc.finish(fields.end);
    }
    acc.scan(ix, f, fields.start + known, None)
}

/// Looks for a term in the docs `list`, given what a term it contains found in each
/// (`hint(k)` for `list[k]`): for each doc holding it, its place in `list` and what it found.
pub(super) fn scan_hinted<'h>(
    ix: &Index,
    f: &Finder<'_>,
    list: &[u32],
    hint: impl Fn(usize) -> Option<&'h TermHit>,
    notes: &Notes<'_>,
) -> Vec<(u32, TermHit)> {
    let mut out = Vec::with_capacity(list.len());
    for (k, &d) in list.iter().enumerate() {
        let user = notes_of(notes, d);
        let found = match hint(k) {
            Some(h) => in_doc_hinted(ix, f, d as usize, h, user),
            None => in_doc(ix, f, d as usize, None, user),
        };
        if let Some(h) = found {
            out.push((k as u32, h));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two threads each take a half of the candidates: the halves' hits, one after the other,
    /// are the hits of one pass over all of them, wherever the cut falls.
    #[test]
    fn a_pass_cut_in_two_finds_what_one_pass_finds() {
        let store = crate::store::embedded().expect("embedded").store;
        let ix = crate::analysis::search::index(&store);
        let every: Vec<u32> = (0..ix.len() as u32).collect();
        let odd: Vec<u32> = every.iter().copied().filter(|d| d % 2 == 1).collect();
        for term in ["in", "se", "korea", "tbc", "2019"] {
            let f = Finder::new(term.as_bytes());
            for doc_of in [None, Some(odd.as_slice())] {
                let len = doc_of.map_or(ix.len(), <[u32]>::len);
                let whole = pass(&ix, &f, doc_of, 0, len, &[]);
                assert!(!whole.is_empty() || term == "tbc", "{term} is in the store");
                for mid in [0, 1, len / 3, len / 2, len - 1, len] {
                    let mut cut = pass(&ix, &f, doc_of, 0, mid, &[]);
                    cut.extend(pass(&ix, &f, doc_of, mid, len, &[]));
                    assert_eq!(cut, whole, "{term} cut at {mid}");
                }
            }
        }
    }
}
