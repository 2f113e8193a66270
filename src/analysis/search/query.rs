//! What the officer typed, as terms that must all match, and the filters chosen as chips.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::Kind;
use crate::model::Status;

/// A parsed search: every term must occur somewhere in the record (each in any field).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Folded terms: single words, or whole phrases where the text was quoted.
    pub terms: Vec<String>,
}

impl Query {
    /// Parses the search box: words separated by spaces, and `"a quoted phrase"` as one term.
    /// An unclosed quote takes the rest of the text as the phrase (the officer is still typing).
    /// Every term is folded with [`crate::text::fold`], the one folding of the app.
    pub fn parse(text: &str) -> Self {
        let folded = crate::text::fold(text);
        let mut terms = Vec::new();
        for (i, part) in folded.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
                if !phrase.is_empty() {
                    terms.push(phrase);
                }
            } else {
                terms.extend(part.split_whitespace().map(str::to_owned));
            }
        }
        // Repeated terms add nothing; longer terms first make misses fail sooner.
        terms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        terms.dedup();
        Self { terms }
    }

    /// True when nothing was typed: every record matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// True when every record matching `self` also matches `earlier` (each earlier term is
    /// part of some term of `self`), so a search may start from the earlier hits.
    pub fn narrows(&self, earlier: &Query) -> bool {
        earlier
            .terms
            .iter()
            .all(|old| self.terms.iter().any(|new| new.contains(old.as_str())))
    }
}

/// The filters offered as chips. An empty set admits everything.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Kinds of record.
    pub kinds: BTreeSet<Kind>,
    /// Programme ids (a record belongs to a programme, or is one).
    pub programmes: BTreeSet<String>,
    /// ISO 3166-1 alpha-2 country codes ("EU" for EU bodies and the EU27).
    pub countries: BTreeSet<String>,
    /// Statuses; records without a status never pass a status filter.
    pub statuses: BTreeSet<Status>,
    /// First year of the range, inclusive.
    pub year_from: Option<i32>,
    /// Last year of the range, inclusive.
    pub year_to: Option<i32>,
}

impl Filters {
    /// True when no chip is chosen.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_a_quoted_phrase_is_one_term() {
        let q = Query::parse(r#"Sejong "Innovation  TWINS" roadmap"#);
        assert_eq!(q.terms, ["innovation twins", "roadmap", "sejong"]);
    }

    #[test]
    fn an_unclosed_quote_takes_the_rest_as_a_phrase() {
        assert_eq!(Query::parse(r#"x "belfast se"#).terms, ["belfast se", "x"]);
        assert!(Query::parse(r#"  "" "#).is_empty());
    }

    #[test]
    fn typing_more_narrows_and_deleting_does_not() {
        let sej = Query::parse("sej");
        let sejong = Query::parse("sejong belfast");
        assert!(sejong.narrows(&sej));
        assert!(!sej.narrows(&sejong));
        assert!(Query::parse(r#""belfast s"#).narrows(&Query::parse(r#""bel"#)));
    }
}
