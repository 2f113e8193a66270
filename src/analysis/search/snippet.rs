//! The lines shown under a hit: which field matched, an excerpt, and where the match is.

use std::ops::Range;

use super::{Doc, Field, Query, Tier, UserNotes};

/// Characters of context kept before the first match of an excerpt.
const BEFORE: usize = 28;
/// Characters an excerpt keeps at most.
const WIDTH: usize = 110;

/// One matching field of a hit, cut to a short excerpt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The field's label ("Status", "Milestone 2024-04", "Your note" …).
    pub field: String,
    /// The excerpt, with "…" where it was cut.
    pub text: String,
    /// Byte ranges of the matches in `text`, sorted and disjoint.
    pub ranges: Vec<Range<usize>>,
}

/// Byte ranges in `text` where any term of the query occurs (folded as the search folds), sorted
/// and merged. Empty when the folding changes the text's length in a way that cannot be mapped
/// back; the text is then shown without marks rather than with wrong ones.
pub fn highlight(text: &str, query: &Query) -> Vec<Range<usize>> {
    // Fold char by char, remembering which original byte each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let before = folded.len();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            folded.push_str(&crate::text::fold_char(c));
        }
        origin.extend(std::iter::repeat_n(
            (i, i + c.len_utf8()),
            folded.len() - before,
        ));
    }
    if folded != crate::text::fold(text) {
        return Vec::new();
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for t in &query.terms {
        for (s, m) in folded.match_indices(t.as_str()) {
            let (Some(a), Some(b)) = (origin.get(s), origin.get(s + m.len() - 1)) else {
                continue;
            };
            ranges.push(a.0..b.1);
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// `text` cut around its first match to at most [`WIDTH`] characters, with the matches marked.
fn excerpt(text: &str, query: &Query) -> (String, Vec<Range<usize>>) {
    let ranges = highlight(text, query);
    let first = ranges.first().map_or(0, |r| r.start);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let first_char = chars.iter().position(|(b, _)| *b >= first).unwrap_or(0);
    let mut start = first_char.saturating_sub(BEFORE);
    let end = (start + WIDTH).min(chars.len());
    if end == chars.len() {
        start = end.saturating_sub(WIDTH);
    }
    let byte = |i: usize| chars.get(i).map_or(text.len(), |(b, _)| *b);
    let body = &text[byte(start)..byte(end)];
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(body);
    if end < chars.len() {
        out.push('…');
    }
    let marks = highlight(&out, query);
    (out, marks)
}

/// Up to `max` snippets for a hit: the fields (other than the English name, which the list
/// shows anyway) that hold a term, best tier first and, within a tier, the field that holds
/// the most terms. The user's notes on the record are searched too.
pub fn snippets(doc: &Doc, query: &Query, notes: &UserNotes, max: usize) -> Vec<Snippet> {
    if query.is_empty() {
        return Vec::new();
    }
    let user = notes.fields(&doc.id);
    let mut found: Vec<(Tier, usize, usize, &Field)> = Vec::new();
    for (i, f) in doc.fields.iter().enumerate().skip(1) {
        let folded = crate::text::fold(&f.text);
        let n = query
            .terms
            .iter()
            .filter(|t| folded.contains(t.as_str()))
            .count();
        if n > 0 {
            found.push((f.tier, usize::MAX - n, i, f));
        }
    }
    for (i, f) in user.iter().enumerate() {
        let folded = crate::text::fold(&f.text);
        let n = query
            .terms
            .iter()
            .filter(|t| folded.contains(t.as_str()))
            .count();
        if n > 0 {
            found.push((f.tier, usize::MAX - n, doc.fields.len() + i, f));
        }
    }
    found.sort_by_key(|(tier, n, i, _)| (*tier, *n, *i));
    found
        .into_iter()
        .take(max)
        .map(|(_, _, _, f)| {
            let (text, ranges) = excerpt(&f.text, query);
            Snippet {
                field: f.label.clone(),
                text,
                ranges,
            }
        })
        .collect()
}
