//! Finding one typed term in the docs: one prebuilt SIMD searcher per term; over many docs one
//! forward pass through the whole corpus (a rare term jumps from hit to hit, skipping every doc
//! without it), over a few docs a scan of each. Within a doc the scan jumps to the next field
//! after each match and stops as soon as neither the rank nor the snippet count can change.

use memchr::memmem::Finder;

use super::Tier;
use super::corpus::Index;

/// Texts other than the English name counted per hit, at most: the list shows two snippets and
/// sizes rows by this count, so counting further buys nothing.
pub const EXTRA_MAX: u8 = 3;

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

/// Looks for one term in the candidates: for each doc holding it, its place in the candidates
/// (the doc itself for [`Cands::All`]) and what it found there, in candidate order.
pub(super) fn scan(ix: &Index, f: &Finder<'_>, cands: Cands<'_>, notes: &Notes<'_>) -> Vec<(u32, TermHit)> {
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
    // Many candidates: one pass through the corpus, from each candidate to the next match.
    let (len, doc_of) = match cands {
        Cands::All => (n, None),
        Cands::Some(list) => (list.len(), Some(list)),
    };
    let cand = |k: usize| doc_of.map_or(k, |l| l[k] as usize);
    if len == 0 {
        return out;
    }
    let end = ix.doc_start[cand(len - 1) + 1] as usize;
    let mut k = 0;
    while k < len {
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
            Some(l) => l[k..].partition_point(|&c| (c as usize) < found),
        };
        if k < len && cand(k) == found {
            let user = notes_of(notes, found as u32);
            if let Some(h) = in_doc(ix, f, found, Some(at), user) {
                out.push((k as u32, h));
            }
            k += 1;
        }
    }
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

/// What the term finds in doc `d` (and in the user's notes `user` on it), starting from the
/// match at corpus byte `first` when one is known; `None` when it is in none of its texts.
fn in_doc(ix: &Index, f: &Finder<'_>, d: usize, first: Option<usize>, user: &[String]) -> Option<TermHit> {
    let mut best = None::<Tier>;
    let mut user_mask = 0_u64;
    for (i, n) in user.iter().enumerate() {
        if f.find(n.as_bytes()).is_some() {
            best = Some(Tier::UserNote.min(best.unwrap_or(Tier::Source)));
            user_mask |= 1 << i.min(63);
        }
    }
    let fields = ix.field_start[d] as usize..ix.field_start[d + 1] as usize;
    let hay_end = ix.doc_start[d + 1] as usize;
    let mut field = fields.start;
    let mut pos = ix.doc_start[d] as usize;
    let mut mask = 0_u64;
    let mut next = first;
    loop {
        let at = match next.take() {
            Some(at) => at,
            None if pos >= hay_end => break,
            None => match f.find(&ix.corpus[pos..hay_end]) {
                Some(off) => pos + off,
                None => break,
            },
        };
        while field < fields.end && ix.field_end[field] as usize <= at {
            field += 1;
        }
        if field >= fields.end {
            break;
        }
        let tier = ix.field_tier[field];
        let b = best.map_or(tier, |b| b.min(tier));
        best = Some(b);
        mask |= 1 << (field - fields.start).min(63);
        let counted = (mask & !1).count_ones() + user_mask.count_ones();
        if counted >= u32::from(EXTRA_MAX)
            && (field + 1 >= fields.end || b <= ix.rest_best[field + 1])
        {
            // Neither the rank nor the snippet count can change any more.
            break;
        }
        // The rest of this field can tell nothing new: go on from the next field.
        pos = ix.field_end[field] as usize + 1;
        field += 1;
    }
    best.map(|tier| TermHit {
        tier,
        mask,
        user: user_mask,
    })
}
