//! Size limits on notes files: a file a colleague sends cannot freeze or exhaust the app.
//!
//! The same limits apply when the app writes notes, so it never writes a file it would
//! refuse to read: an oversized note is reported and kept in memory instead.

/// The largest notes file read (a year of daily notes is well under a megabyte).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The most notes one file may hold (tombstones included).
pub const MAX_NOTES: usize = 50_000;

/// The longest note body, in bytes of UTF-8.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The longest line of a note body, in characters (longer lines make text layout slow).
pub const MAX_LINE_CHARS: usize = 20_000;

/// The longest one-line field (id, title, author, tag, target id), in characters.
pub const MAX_FIELD_CHARS: usize = 1_000;

/// How deep RON values may nest in a notes file (a note nests three levels).
pub const RECURSION_LIMIT: usize = 32;

use super::model::{Note, NotesFile};

/// The first limit `file` breaks, as a sentence naming the note; `None` when within limits.
pub fn check(file: &NotesFile) -> Option<String> {
    if file.notes.len() > MAX_NOTES {
        return Some(format!(
            "the file holds {} notes; a notes file may hold at most {MAX_NOTES}",
            file.notes.len()
        ));
    }
    file.notes.iter().find_map(check_note)
}

/// The first limit `note` breaks, if any.
pub fn check_note(note: &Note) -> Option<String> {
    let id = note.id.as_str();
    let short_id: String = id.chars().take(40).collect();
    let mut fields: Vec<(&str, &str)> =
        vec![("id", id), ("title", &note.title), ("author", &note.author)];
    fields.extend(note.tags.iter().map(|t| ("tag", t.as_str())));
    if let Some(t) = &note.target {
        fields.push(("target id", &t.id));
    }
    if let Some(c) = &note.conflict_of {
        fields.push(("conflict id", c.as_str()));
    }
    for (name, text) in fields {
        let chars = text.chars().count();
        if chars > MAX_FIELD_CHARS {
            return Some(format!(
                "note {short_id} has a {name} of {chars} characters; it may have at most {MAX_FIELD_CHARS}"
            ));
        }
    }
    if note.body.len() > MAX_BODY_BYTES {
        return Some(format!(
            "note {short_id} has a text of {:.1} MB; a note's text may be at most {} MB",
            note.body.len() as f64 / 1e6,
            MAX_BODY_BYTES / (1024 * 1024)
        ));
    }
    if note.body.len() > MAX_LINE_CHARS
        && let Some((n, chars)) = note
            .body
            .lines()
            .map(|l| l.chars().count())
            .enumerate()
            .find(|(_, c)| *c > MAX_LINE_CHARS)
    {
        return Some(format!(
            "line {} of note {short_id} has {chars} characters; a line may have at most {MAX_LINE_CHARS} (break it into paragraphs)",
            n + 1
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::tests::note;

    #[test]
    fn an_ordinary_note_is_within_the_limits() {
        let file = NotesFile::new(vec![note("a", "Visit", "We met.\n\n- item")]);
        assert_eq!(check(&file), None);
    }

    #[test]
    fn a_ten_megabyte_body_is_named_with_its_size() {
        let body = "word ".repeat(2_000_000);
        let message = check_note(&note("big", "T", &body)).expect("over the limit");
        assert!(
            message.contains("note big has a text of 10.0 MB"),
            "{message}"
        );
    }

    #[test]
    fn a_long_line_is_named_with_its_number() {
        let body = format!("first\n{}", "x".repeat(100_000));
        let message = check_note(&note("a", "T", &body)).expect("over the limit");
        assert!(
            message.starts_with("line 2 of note a has 100000 characters"),
            "{message}"
        );
    }

    #[test]
    fn a_long_title_is_refused_but_one_at_the_limit_is_not() {
        assert!(check_note(&note("a", &"t".repeat(MAX_FIELD_CHARS), "")).is_none());
        let message = check_note(&note("a", &"t".repeat(100_000), "")).expect("over");
        assert!(message.contains("title of 100000 characters"), "{message}");
    }
}
