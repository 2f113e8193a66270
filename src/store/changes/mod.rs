//! Change files: what one store adds to, removes from and changes in a base store, written as
//! RON so a colleague can apply it to their own copy ([`apply()`]).
//!
//! ```ron
//! (
//!     format_version: 1,
//!     base: (name: "Korea–Europe …", version: "store format 1, …", fingerprint: "fnv1a64:…"),
//!     added: [ Place((id: "place-x", …)) ],
//!     changed: [ (fields: ["milestones"], before: Partnership((…)), after: Partnership((…))) ],
//!     removed: [ Agreement((id: "agr-y", …)) ],
//!     edits: [ (record: "place-x", kind: Added, by: "Kim", on: "2026-12-01", what: "…") ],
//! )
//! ```
//!
//! A changed record is kept whole on both sides (the base's version and the new one), so
//! applying it is a three-way merge field by field, and the file reads as plain records.

mod apply;

use serde::{Deserialize, Serialize};

pub use apply::{
    ApplyOutcome, Choice, Conflict, FieldKey, RecordKey, apply, apply_with_fingerprint,
};

use super::diff::diff_values;
use super::kind::{AnyRecord, RecordKind};
use super::locate::{Locator, line_col};
use super::{MAX_FILE_BYTES, Problem};
use crate::model::{EditMark, FORMAT_VERSION, Store};

/// The version of the change-file format this build reads and writes.
pub const CHANGE_FORMAT_VERSION: u32 = 1;

/// Which store a change file was made against.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseStamp {
    /// The base store's name.
    #[serde(default)]
    pub name: String,
    /// The store format and the app that wrote the file, in words.
    #[serde(default)]
    pub version: String,
    /// A fingerprint of the base store's content ([`store_fingerprint`]).
    #[serde(default)]
    pub fingerprint: String,
}

/// A record changed against the base: the base's version and the new one, whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedRecord {
    /// The changed field paths, for people reading the file (ignored when applying).
    #[serde(default)]
    pub fields: Vec<String>,
    /// The record as it is in the base store.
    pub before: AnyRecord,
    /// The record as it is in the changed store.
    pub after: AnyRecord,
}

/// What a store adds to, changes in and removes from a base store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangeFile {
    /// See [`CHANGE_FORMAT_VERSION`].
    pub format_version: u32,
    /// The store the changes were made against.
    #[serde(default)]
    pub base: BaseStamp,
    /// Records not in the base.
    #[serde(default)]
    pub added: Vec<AnyRecord>,
    /// Records in both, different.
    #[serde(default)]
    pub changed: Vec<ChangedRecord>,
    /// Records of the base that are gone, as they were in the base.
    #[serde(default)]
    pub removed: Vec<AnyRecord>,
    /// Edit marks not in the base.
    #[serde(default)]
    pub edits: Vec<EditMark>,
}

/// A fingerprint of a store's content: FNV-1a (64 bit) of its RON text, as `fnv1a64:<hex>`.
pub fn store_fingerprint(store: &Store) -> String {
    let text = super::save::to_ron(store).unwrap_or_default();
    format!("fnv1a64:{:016x}", super::folder::fnv1a64(text.as_bytes()))
}

impl ChangeFile {
    /// The changes that turn `base` into `mine`. Records keep `mine`'s order (added, changed)
    /// or `base`'s order (removed), kind by kind.
    pub fn between(base: &Store, mine: &Store) -> ChangeFile {
        let mut file = ChangeFile {
            format_version: CHANGE_FORMAT_VERSION,
            base: BaseStamp {
                name: base.name.clone(),
                version: format!(
                    "store format {FORMAT_VERSION}, written by partnership-atlas {}",
                    env!("CARGO_PKG_VERSION")
                ),
                fingerprint: store_fingerprint(base),
            },
            added: Vec::new(),
            changed: Vec::new(),
            removed: Vec::new(),
            edits: Vec::new(),
        };
        for &kind in RecordKind::ALL {
            for id in kind.ids(mine) {
                let Some(after) = AnyRecord::find(mine, kind, id) else {
                    continue;
                };
                match AnyRecord::find(base, kind, id) {
                    None => file.added.push(after),
                    Some(before) if before != after => {
                        let fields = diff_values(&before.to_value(), &after.to_value())
                            .iter()
                            .map(|d| d.field())
                            .collect();
                        file.changed.push(ChangedRecord {
                            fields,
                            before,
                            after,
                        });
                    }
                    Some(_) => {}
                }
            }
            for id in kind.ids(base) {
                if AnyRecord::find(mine, kind, id).is_none()
                    && let Some(before) = AnyRecord::find(base, kind, id)
                {
                    file.removed.push(before);
                }
            }
        }
        let mut left: Vec<&EditMark> = base.edits.iter().collect();
        for m in &mine.edits {
            match left.iter().position(|x| *x == m) {
                Some(i) => {
                    left.swap_remove(i);
                }
                None => file.edits.push(m.clone()),
            }
        }
        file
    }

    /// True when the file changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.changed.is_empty()
            && self.removed.is_empty()
            && self.edits.is_empty()
    }

    /// The change file as pretty RON, one record per block.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        let config = ron::ser::PrettyConfig::new()
            .new_line("\n")
            .depth_limit(12)
            .indentor("    ".to_owned())
            .struct_names(false);
        Ok(format!("{}\n", ron::ser::to_string_pretty(self, config)?))
    }

    /// Reads a change file. Never panics, whatever the bytes: every problem comes back with
    /// `name`, line and column (files over [`MAX_FILE_BYTES`] are refused unread).
    pub fn parse(name: &str, bytes: &[u8]) -> Result<ChangeFile, Vec<Problem>> {
        let at = |line, column, message: String| {
            vec![Problem {
                file: name.to_owned(),
                line,
                column,
                message,
            }]
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(at(
                0,
                0,
                format!(
                    "the file has {} bytes; a change file may have at most {MAX_FILE_BYTES}",
                    bytes.len()
                ),
            ));
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
                let (line, column) = line_col(&valid, valid.len());
                return Err(at(
                    line,
                    column,
                    "the file is not UTF-8 text; expected a RON change file".to_owned(),
                ));
            }
        };
        if text.trim().is_empty() {
            return Err(at(
                0,
                0,
                "the file is empty; expected a RON change file `(format_version: 1, …)`".to_owned(),
            ));
        }
        let file: ChangeFile = match super::read::options().from_str(text) {
            Ok(f) => f,
            Err(e) => return Err(at(e.span.start.line, e.span.start.col, e.code.to_string())),
        };
        if file.format_version != CHANGE_FORMAT_VERSION {
            let (line, column) = line_col(text, text.find("format_version").unwrap_or(0));
            return Err(at(
                line,
                column,
                format!(
                    "unknown change-file version {}; this build reads version {CHANGE_FORMAT_VERSION}",
                    file.format_version
                ),
            ));
        }
        let problems = file.check(name, text);
        if problems.is_empty() {
            Ok(file)
        } else {
            Err(problems)
        }
    }

    /// Each record named once; a changed record keeps its kind and id.
    fn check(&self, name: &str, text: &str) -> Vec<Problem> {
        let loc = Locator::new(text);
        // Every record in text order, with what it is in the file.
        let mut order: Vec<(&AnyRecord, &str)> = self.added.iter().map(|r| (r, "added")).collect();
        for c in &self.changed {
            order.push((&c.before, "changed"));
            order.push((&c.after, "changed (after)"));
        }
        order.extend(self.removed.iter().map(|r| (r, "removed")));
        let mut occurrences = std::collections::BTreeMap::<&str, usize>::new();
        let mut seen = std::collections::BTreeSet::new();
        let mut problems = Vec::new();
        for (i, (r, what)) in order.iter().enumerate() {
            let n = occurrences.entry(r.id()).or_insert(0);
            let (line, column) = loc.record(r.id(), *n).map_or((0, 0), |o| loc.line_col(o));
            *n += 1;
            let mut report = |message: String| {
                problems.push(Problem {
                    file: name.to_owned(),
                    line,
                    column,
                    message,
                });
            };
            if *what == "changed (after)" {
                let (before, _) = order[i - 1];
                if before.kind() != r.kind() || before.id() != r.id() {
                    report(format!(
                        "a changed record must keep its kind and id: {} `{}` became {} `{}`",
                        before.kind(),
                        before.id(),
                        r.kind(),
                        r.id()
                    ));
                }
                continue;
            }
            if !seen.insert(r.id()) {
                report(format!(
                    "{} `{}` is named twice in the change file ({what})",
                    r.kind(),
                    r.id()
                ));
            }
        }
        problems
    }
}
