//! Exports: notes as a RON file for a colleague, or as Markdown for a report.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use jiff::tz::TimeZone;

use super::defuse::defuse_markdown;

use super::book::Notebook;
use super::model::{Note, NoteTarget, NotesFile};
use crate::model::Store;

/// The live notes among `notes` as a notes file for a colleague (sorted by id; deleted
/// notes and this notebook's exchange record are left out; each note's ancestry goes with
/// it). Pass `book.live()` for all notes, or the selected ones; after writing the file,
/// pass it to [`super::Notebook::mark_sent`].
pub fn export_file<'a>(notes: impl IntoIterator<Item = &'a Note>) -> NotesFile {
    NotesFile::new(notes.into_iter().filter(|n| n.is_live()).cloned().collect())
}

/// The notes file a colleague gets from `book`: the live notes that `keep` selects, and the
/// tombstones of selected notes that were already exchanged with another file (sent or
/// received), each with its ancestry, so that a delete travels: a colleague who did not
/// change the note since takes the delete (see [`super::merge_import`]). A note deleted
/// before anyone else had it stays out, text and all. After writing the file, pass it to
/// [`Notebook::mark_sent`].
pub fn exchange_file(book: &Notebook, keep: impl Fn(&Note) -> bool) -> NotesFile {
    NotesFile::new(
        book.iter()
            .filter(|n| keep(n) && (n.is_live() || book.exchanged(&n.id).is_some()))
            .cloned()
            .collect(),
    )
}

/// The live notes among `notes` as a Markdown report: one section per target (in kind
/// order, then by id; general notes last), notes oldest first, each with its title,
/// author, dates (local time with the offset from UTC, so a reader elsewhere can tell),
/// tags and body. `store`, when given, supplies record names.
pub fn export_markdown<'a>(
    notes: impl IntoIterator<Item = &'a Note>,
    store: Option<&Store>,
) -> String {
    export_markdown_in(notes, store, &TimeZone::system())
}

/// [`export_markdown`] with times shown in `zone`.
pub(crate) fn export_markdown_in<'a>(
    notes: impl IntoIterator<Item = &'a Note>,
    store: Option<&Store>,
    zone: &TimeZone,
) -> String {
    let mut groups: BTreeMap<(bool, Option<&NoteTarget>), Vec<&Note>> = BTreeMap::new();
    for note in notes.into_iter().filter(|n| n.is_live()) {
        groups
            .entry((note.target.is_none(), note.target.as_ref()))
            .or_default()
            .push(note);
    }
    let count: usize = groups.values().map(Vec::len).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Notes\n\n{count} note{}.",
        if count == 1 { "" } else { "s" }
    );
    for ((_, target), mut notes) in groups {
        notes.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        let heading = match target {
            Some(t) => {
                let name = store.map_or_else(|| t.id.clone(), |s| s.display_name(&t.id));
                if name == t.id {
                    format!("{}: {}", t.kind.label(), one_line(&t.id))
                } else {
                    format!(
                        "{}: {} ({})",
                        t.kind.label(),
                        one_line(&name),
                        one_line(&t.id)
                    )
                }
            }
            None => "General notes".to_owned(),
        };
        let _ = writeln!(out, "\n## {heading}");
        for note in notes {
            write_note(&mut out, note, zone);
        }
    }
    out
}

fn write_note(out: &mut String, note: &Note, zone: &TimeZone) {
    let _ = writeln!(out, "\n### {}\n", one_line(note.display_title()));
    if !note.author.is_empty() {
        let _ = writeln!(out, "- Author: {}", one_line(&note.author));
    }
    let _ = writeln!(out, "- Created: {}", note.created.with_offset_in(zone));
    if note.updated != note.created {
        let _ = writeln!(out, "- Updated: {}", note.updated.with_offset_in(zone));
    }
    if !note.tags.is_empty() {
        let _ = writeln!(out, "- Tags: {}", one_line(&note.tags.join(", ")));
    }
    if let Some(original) = &note.conflict_of {
        let _ = writeln!(
            out,
            "- Conflicting copy of note {}",
            one_line(original.as_str())
        );
    }
    let body = note.body.trim_end();
    if !body.is_empty() {
        let _ = writeln!(out, "\n{}", defuse_markdown(body));
    }
}

/// One line of text for a heading or a list item, defused like a body (see
/// [`defuse_markdown`]).
fn one_line(text: &str) -> String {
    defuse_markdown(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::TargetKind;
    use crate::notes::model::tests::note;
    use crate::notes::time::Timestamp;

    #[test]
    fn the_colleague_export_leaves_out_deleted_notes() {
        let a = note("a", "A", "");
        let mut b = note("b", "B", "");
        b.deleted = true;
        let file = export_file([&b, &a]);
        assert_eq!(file.notes, vec![a]);
    }

    #[test]
    fn markdown_groups_notes_by_target_with_general_notes_last() {
        let mut a = note("a", "Visit to KIST", "We met.\n\n- item");
        a.target = Some(NoteTarget::new(TargetKind::Partnership, "kist-eu"));
        a.tags = vec!["visit".into()];
        a.updated = Timestamp::from_utc(2026, 11, 22, 14, 5);
        let mut p = note("p", "Programme note", "");
        p.target = Some(NoteTarget::new(TargetKind::Programme, "horizon"));
        let g = note("g", "General", "Loose thought");
        let seoul = TimeZone::fixed(jiff::tz::offset(9));
        let md = export_markdown_in([&g, &a, &p], None, &seoul);
        let programme = md.find("## Programme: horizon").expect("programme section");
        let partnership = md
            .find("## Partnership: kist-eu")
            .expect("partnership section");
        let general = md.find("## General notes").expect("general section");
        assert!(programme < partnership && partnership < general, "{md}");
        assert!(
            md.contains("### Visit to KIST\n\n- Author: Tester\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "- Updated: 2026-11-22 23:05 (UTC+09:00)\n- Tags: visit\n\nWe met.\n\n- item\n"
            ),
            "{md}"
        );
        assert!(md.starts_with("# Notes\n\n3 notes.\n"), "{md}");
    }

    #[test]
    fn raw_html_in_a_note_is_exported_as_text() {
        let n = note(
            "a",
            "<b>Title</b>",
            "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\nkeep `<code>` and\n```\n<pre>\n```",
        );
        let md = export_markdown([&n], None);
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.contains("<img"), "{md}");
        assert!(md.contains("&lt;script>alert(1)&lt;/script>"), "{md}");
        assert!(md.contains("### &lt;b>Title&lt;/b>"), "{md}");
        assert!(md.contains("keep `<code>` and\n```\n<pre>\n```"), "{md}");
    }

    #[test]
    fn links_other_than_web_and_mail_are_exported_as_text() {
        let n = note(
            "a",
            "T",
            "[x](javascript:alert(1)) [f]( FILE:///etc/passwd) [ok](https://example.org) [m](mailto:a@b.c)\n[r]: data:text/html,hi",
        );
        let md = export_markdown([&n], None);
        assert!(md.contains("[x]\\(javascript:alert(1))"), "{md}");
        assert!(md.contains("[f]\\( FILE:///etc/passwd)"), "{md}");
        assert!(
            md.contains("[ok](https://example.org) [m](mailto:a@b.c)"),
            "{md}"
        );
        assert!(md.contains("\\[r]: data:"), "{md}");
    }

    #[test]
    fn markdown_export_is_the_same_whatever_the_input_order() {
        let a = note("a", "A", "");
        let b = note("b", "B", "");
        assert_eq!(
            export_markdown([&a, &b], None),
            export_markdown([&b, &a], None)
        );
    }
}
