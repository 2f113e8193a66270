//! Line differences between two versions of a note's text, for the side-by-side conflict
//! view and for "keep both texts".

use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// How a row of a side-by-side comparison differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineChange {
    /// The same line on both sides.
    Same,
    /// A line on each side, different.
    Changed,
    /// A line only in mine.
    OnlyMine,
    /// A line only in theirs.
    OnlyTheirs,
}

/// One row of a side-by-side comparison: a line of mine, of theirs, or of both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffRow {
    /// The line of my version on this row, if any.
    pub mine: Option<String>,
    /// The line of their version on this row, if any.
    pub theirs: Option<String>,
    /// How the two differ.
    pub change: LineChange,
}

/// A comparison that takes longer than this falls back to a coarser (still correct) one.
const DIFF_DEADLINE: Duration = Duration::from_millis(200);

fn ops(mine: &[&str], theirs: &[&str]) -> Vec<DiffOp> {
    let deadline = Instant::now() + DIFF_DEADLINE;
    capture_diff_slices_deadline(Algorithm::Myers, mine, theirs, Some(deadline))
}

/// The two texts side by side, line by line, with the differing lines marked.
pub fn line_diff(mine: &str, theirs: &str) -> Vec<DiffRow> {
    let a: Vec<&str> = mine.lines().collect();
    let b: Vec<&str> = theirs.lines().collect();
    let mut rows = Vec::new();
    for op in ops(&a, &b) {
        let (old, new) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            rows.extend(a[old].iter().map(|l| DiffRow {
                mine: Some((*l).to_owned()),
                theirs: Some((*l).to_owned()),
                change: LineChange::Same,
            }));
            continue;
        }
        let left = &a[old];
        let right = &b[new];
        for i in 0..left.len().max(right.len()) {
            let (m, t) = (left.get(i), right.get(i));
            rows.push(DiffRow {
                mine: m.map(|l| (*l).to_owned()),
                theirs: t.map(|l| (*l).to_owned()),
                change: match (m, t) {
                    (Some(_), Some(_)) => LineChange::Changed,
                    (Some(_), None) => LineChange::OnlyMine,
                    _ => LineChange::OnlyTheirs,
                },
            });
        }
    }
    rows
}

/// Both texts in one: lines the two share once, in order, and where they differ my lines
/// followed by theirs. When both appended to the same text, this is the text with both
/// additions; nothing either side wrote is left out.
pub fn keep_both(mine: &str, theirs: &str) -> String {
    let a: Vec<&str> = mine.lines().collect();
    let b: Vec<&str> = theirs.lines().collect();
    let mut out: Vec<&str> = Vec::new();
    for op in ops(&a, &b) {
        let (old, new) = (op.old_range(), op.new_range());
        out.extend_from_slice(&a[old]);
        if !matches!(op, DiffOp::Equal { .. }) {
            out.extend_from_slice(&b[new]);
        }
    }
    let mut text = out.join("\n");
    if mine.ends_with('\n') || theirs.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_on_both_sides_show_as_lines_only_on_each_side() {
        let rows = line_diff("Met KIST.\nMine added.", "Met KIST.\nTheirs added.");
        assert_eq!(rows[0].change, LineChange::Same);
        assert_eq!(rows[1].change, LineChange::Changed);
        assert_eq!(rows[1].mine.as_deref(), Some("Mine added."));
        assert_eq!(rows[1].theirs.as_deref(), Some("Theirs added."));
        let rows = line_diff("a\nb", "a\nb\nc");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].change, LineChange::OnlyTheirs);
        assert_eq!(rows[2].mine, None);
    }

    #[test]
    fn identical_texts_have_no_marked_lines() {
        let rows = line_diff("one\ntwo", "one\ntwo");
        assert!(rows.iter().all(|r| r.change == LineChange::Same));
    }

    #[test]
    fn keeping_both_appends_keeps_the_shared_text_once_and_both_additions() {
        let both = keep_both(
            "Met KIST.\nFollow-up in March.\n",
            "Met KIST.\nSend the MoU draft.\n",
        );
        assert_eq!(
            both,
            "Met KIST.\nFollow-up in March.\nSend the MoU draft.\n"
        );
    }

    #[test]
    fn keeping_both_never_drops_a_line_of_either_text() {
        let mine = "a\nb\nc\nd";
        let theirs = "x\nb\ny\nd\ne";
        let both = keep_both(mine, theirs);
        for line in mine.lines().chain(theirs.lines()) {
            assert!(
                both.lines().any(|l| l == line),
                "{line} missing from {both}"
            );
        }
    }
}
