//! Finding notes: full-text search (Hangul-aware), tag and kind filters, sort orders.

use std::cmp::Ordering;

use super::model::{Note, NoteTarget, TargetKind, normalise_tag};

/// Which notes a query looks at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NoteScope {
    /// Notes that are not deleted.
    #[default]
    Live,
    /// Deleted notes only (the trash).
    Trash,
    /// Every note.
    All,
}

/// How query results are ordered. Ties are broken by id so the order is always the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum NoteSort {
    /// Most recently changed first.
    #[default]
    UpdatedNewest,
    /// Least recently changed first.
    UpdatedOldest,
    /// Most recently created first.
    CreatedNewest,
    /// Oldest first.
    CreatedOldest,
    /// Alphabetical by title, ignoring case.
    Title,
}

/// A search over a notebook. The default finds every live note, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoteQuery {
    /// Words that must all appear (case-insensitive) in the title, body, tags or author.
    pub text: String,
    /// Only notes with this tag (compared in normalised form).
    pub tag: Option<String>,
    /// Only notes about a record of this kind.
    pub kind: Option<TargetKind>,
    /// Only notes about this record.
    pub target: Option<NoteTarget>,
    /// Live notes, the trash, or both.
    pub scope: NoteScope,
    /// Result order.
    pub sort: NoteSort,
}

impl NoteQuery {
    /// A query for notes containing every word of `text`.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            ..Self::default()
        }
    }

    /// Whether `note` passes every filter of the query.
    pub fn matches(&self, note: &Note) -> bool {
        let in_scope = match self.scope {
            NoteScope::Live => note.is_live(),
            NoteScope::Trash => note.deleted,
            NoteScope::All => true,
        };
        if !in_scope {
            return false;
        }
        if let Some(tag) = &self.tag {
            let tag = normalise_tag(tag);
            if !tag.is_empty() && !note.tags.contains(&tag) {
                return false;
            }
        }
        if let Some(kind) = self.kind
            && note.target.as_ref().map(|t| t.kind) != Some(kind)
        {
            return false;
        }
        if let Some(target) = &self.target
            && note.target.as_ref() != Some(target)
        {
            return false;
        }
        let words = fold_for_search(&self.text);
        let mut words = words.split_whitespace().peekable();
        if words.peek().is_none() {
            return true;
        }
        let haystack = search_text(note);
        words.all(|w| haystack.contains(w))
    }

    /// The notes that match, in the query's order.
    pub fn run<'a>(&self, notes: impl IntoIterator<Item = &'a Note>) -> Vec<&'a Note> {
        let mut found: Vec<&Note> = notes.into_iter().filter(|n| self.matches(n)).collect();
        sort_notes(&mut found, self.sort);
        found
    }
}

/// Orders notes; ties are broken by id.
pub fn sort_notes(notes: &mut [&Note], sort: NoteSort) {
    notes.sort_by(|a, b| compare(a, b, sort).then_with(|| a.id.cmp(&b.id)));
}

fn compare(a: &Note, b: &Note, sort: NoteSort) -> Ordering {
    match sort {
        NoteSort::UpdatedNewest => b.updated.cmp(&a.updated),
        NoteSort::UpdatedOldest => a.updated.cmp(&b.updated),
        NoteSort::CreatedNewest => b.created.cmp(&a.created),
        NoteSort::CreatedOldest => a.created.cmp(&b.created),
        NoteSort::Title => fold_for_search(a.display_title())
            .cmp(&fold_for_search(b.display_title()))
            .then_with(|| a.title.cmp(&b.title)),
    }
}

/// Everything a text search looks in, folded.
fn search_text(note: &Note) -> String {
    let mut text = String::with_capacity(note.title.len() + note.body.len() + 64);
    text.push_str(&note.title);
    text.push('\n');
    text.push_str(&note.body);
    text.push('\n');
    text.push_str(&note.tags.join("\n"));
    text.push('\n');
    text.push_str(&note.author);
    fold_for_search(&text)
}

/// Text in the form searches compare: the app's one folding ([`crate::text::fold`]).
pub fn fold_for_search(text: &str) -> String {
    crate::text::fold(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::tests::note;
    use crate::notes::time::Timestamp;

    #[test]
    fn search_for_sejong_in_hangul_finds_the_note_that_mentions_it() {
        let a = note("a", "세종 방문", "KIST와 회의");
        let b = note("b", "Brussels", "Meeting at DG RTD");
        let found = NoteQuery::text("세종").run([&a, &b]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].id.as_str(), "a");
    }

    #[test]
    fn decomposed_hangul_finds_precomposed_hangul() {
        let a = note("a", "", "세종시 연구단지");
        // "세종" as conjoining jamo: ᄉ ᅦ ᄌ ᅩ ᆼ.
        let decomposed = "\u{1109}\u{1166}\u{110C}\u{1169}\u{11BC}";
        assert_eq!(fold_for_search(decomposed), "세종");
        assert_eq!(NoteQuery::text(decomposed).run([&a]).len(), 1);
    }

    #[test]
    fn search_ignores_case_and_needs_every_word() {
        let a = note("a", "Horizon Europe association", "Korea joins Pillar II");
        let hits = NoteQuery::text("PILLAR korea").run([&a]);
        assert_eq!(hits.len(), 1);
        assert!(NoteQuery::text("pillar japan").run([&a]).is_empty());
    }

    #[test]
    fn search_looks_in_tags_and_author() {
        let mut a = note("a", "", "");
        a.tags = vec!["hydrogen".into()];
        a.author = "Kim Min-ji".into();
        assert_eq!(NoteQuery::text("hydro").run([&a]).len(), 1);
        assert_eq!(NoteQuery::text("min-ji").run([&a]).len(), 1);
    }

    #[test]
    fn deleted_notes_appear_only_in_the_trash() {
        let mut a = note("a", "Gone", "");
        a.deleted = true;
        assert!(NoteQuery::text("gone").run([&a]).is_empty());
        let trash = NoteQuery {
            scope: NoteScope::Trash,
            ..NoteQuery::default()
        };
        assert_eq!(trash.run([&a]).len(), 1);
    }

    #[test]
    fn tag_and_kind_filters_narrow_the_results() {
        let mut a = note("a", "", "");
        a.tags = vec!["ai".into()];
        a.target = Some(NoteTarget::new(TargetKind::Programme, "prog-1"));
        let b = note("b", "", "");
        let by_tag = NoteQuery {
            tag: Some("#AI".into()),
            ..NoteQuery::default()
        };
        assert_eq!(by_tag.run([&a, &b]).len(), 1);
        let by_kind = NoteQuery {
            kind: Some(TargetKind::Programme),
            ..NoteQuery::default()
        };
        assert_eq!(by_kind.run([&a, &b]).len(), 1);
        let wrong_kind = NoteQuery {
            kind: Some(TargetKind::Place),
            ..NoteQuery::default()
        };
        assert!(wrong_kind.run([&a, &b]).is_empty());
    }

    #[test]
    fn sorting_by_title_ignores_case_and_ties_break_by_id() {
        let a = note("a", "beta", "");
        let b = note("b", "Alpha", "");
        let c = note("c", "alpha", "");
        let q = NoteQuery {
            sort: NoteSort::Title,
            ..NoteQuery::default()
        };
        let ids: Vec<_> = q.run([&a, &c, &b]).iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn newest_first_puts_the_latest_update_first() {
        let mut a = note("a", "", "");
        a.updated = Timestamp(5);
        let mut b = note("b", "", "");
        b.updated = Timestamp(9);
        let ids: Vec<_> = NoteQuery::default()
            .run([&a, &b])
            .iter()
            .map(|n| n.id.as_str())
            .collect();
        assert_eq!(ids, ["b", "a"]);
    }
}
