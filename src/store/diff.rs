//! What differs between two stores: every added, removed and changed record by kind and id,
//! and for a changed record each changed field with its old and new value. Generic over the
//! kinds of record: each record is compared as a value tree (see [`super::kind`]).
//!
//! The order is fixed (kinds in store order, ids sorted, fields sorted), so the printed diff
//! ([`StoreDiff`]'s `Display`, the `store diff` command's output) itself diffs cleanly.

use std::collections::BTreeMap;
use std::fmt;

use super::kind::{RecordKind, Value, short};
use crate::model::{EditMark, Store};

/// The longest value `Display` prints before cutting it with "…".
pub const SHOWN_VALUE_CHARS: usize = 160;

/// One step of a field path: a struct field or a list index.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// A named field (`title`).
    Field(String),
    /// A position in a list (`[2]`).
    Index(usize),
}

/// A field path inside a record, such as `milestones[2].title` or `sources[0].at`.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldPath(pub Vec<Step>);

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(whole record)");
        }
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl FieldPath {
    /// The value at this path in `root`, if there is one.
    pub fn get<'a>(&self, root: &'a Value) -> Option<&'a Value> {
        let mut at = root;
        for step in &self.0 {
            at = match step {
                Step::Field(name) => at.as_object()?.get(name)?,
                Step::Index(n) => at.as_array()?.get(*n)?,
            };
        }
        Some(at)
    }

    /// Sets the value at this path in `root` (`None` removes a field); false when the path
    /// does not lead anywhere in `root`.
    pub fn set(&self, root: &mut Value, value: Option<Value>) -> bool {
        let Some((last, parents)) = self.0.split_last() else {
            return match value {
                Some(v) => {
                    *root = v;
                    true
                }
                None => false,
            };
        };
        let mut at = root;
        for step in parents {
            let next = match step {
                Step::Field(name) => at.as_object_mut().and_then(|m| m.get_mut(name)),
                Step::Index(n) => at.as_array_mut().and_then(|a| a.get_mut(*n)),
            };
            match next {
                Some(n) => at = n,
                None => return false,
            }
        }
        match (last, value) {
            (Step::Field(name), Some(v)) => at
                .as_object_mut()
                .map(|m| m.insert(name.clone(), v))
                .is_some(),
            (Step::Field(name), None) => at.as_object_mut().map(|m| m.remove(name)).is_some(),
            (Step::Index(n), Some(v)) => match at.as_array_mut().and_then(|a| a.get_mut(*n)) {
                Some(slot) => {
                    *slot = v;
                    true
                }
                None => false,
            },
            (Step::Index(_), None) => false,
        }
    }
}

/// One changed field of a record: its path and the value before and after (`None` when the
/// field is missing on that side).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    /// Where in the record.
    pub path: FieldPath,
    /// The value in the old store.
    pub old: Option<Value>,
    /// The value in the new store.
    pub new: Option<Value>,
}

impl FieldDiff {
    /// The path in words (`milestones[2].title`).
    pub fn field(&self) -> String {
        self.path.to_string()
    }
}

/// What happened to one record between the two stores.
#[derive(Clone, Debug, PartialEq)]
pub enum RecordChange {
    /// Only in the new store.
    Added,
    /// Only in the old store.
    Removed,
    /// In both, with these fields different.
    Changed(Vec<FieldDiff>),
}

/// One record that differs, by kind and id, with its display name (from the new store, or the
/// old one for a removed record).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordDiff {
    pub kind: RecordKind,
    pub id: String,
    pub name: String,
    pub change: RecordChange,
}

/// Everything that differs between an old and a new store.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoreDiff {
    /// The store's name, old → new, when it changed.
    pub name: Option<(String, String)>,
    /// The store's description, old → new, when it changed.
    pub description: Option<(String, String)>,
    /// Records added, removed or changed: kinds in [`RecordKind::ALL`] order, ids sorted.
    pub records: Vec<RecordDiff>,
    /// Edit marks only in the new store.
    pub edits_added: Vec<EditMark>,
    /// Edit marks only in the old store.
    pub edits_removed: Vec<EditMark>,
}

impl StoreDiff {
    /// True when the two stores are the same in every respect `diff` compares.
    pub fn is_empty(&self) -> bool {
        self.same_records() && self.name.is_none() && self.description.is_none()
    }

    /// True when the two stores hold the same records and edit marks (name and description
    /// aside).
    pub fn same_records(&self) -> bool {
        self.records.is_empty() && self.edits_added.is_empty() && self.edits_removed.is_empty()
    }

    /// How many records were added, removed and changed.
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for r in &self.records {
            match r.change {
                RecordChange::Added => c.0 += 1,
                RecordChange::Removed => c.1 += 1,
                RecordChange::Changed(_) => c.2 += 1,
            }
        }
        c
    }
}

/// Every difference between `old` and `new`.
pub fn diff(old: &Store, new: &Store) -> StoreDiff {
    let mut out = StoreDiff {
        name: (old.name != new.name).then(|| (old.name.clone(), new.name.clone())),
        description: (old.description != new.description)
            .then(|| (old.description.clone(), new.description.clone())),
        ..StoreDiff::default()
    };
    for &kind in RecordKind::ALL {
        let before: BTreeMap<String, Value> = kind.values(old).into_iter().collect();
        let after: BTreeMap<String, Value> = kind.values(new).into_iter().collect();
        let mut ids: Vec<&String> = before.keys().chain(after.keys()).collect();
        ids.sort();
        ids.dedup();
        for id in ids {
            let change = match (before.get(id), after.get(id)) {
                (None, Some(_)) => RecordChange::Added,
                (Some(_), None) => RecordChange::Removed,
                (Some(a), Some(b)) => {
                    let fields = diff_values(a, b);
                    if fields.is_empty() {
                        continue;
                    }
                    RecordChange::Changed(fields)
                }
                (None, None) => continue,
            };
            let shown = after.get(id).or_else(|| before.get(id));
            out.records.push(RecordDiff {
                kind,
                id: id.clone(),
                name: shown.map(record_name).unwrap_or_default(),
                change,
            });
        }
    }
    out.edits_added = multiset_minus(&new.edits, &old.edits);
    out.edits_removed = multiset_minus(&old.edits, &new.edits);
    out
}

/// The fields that differ between two value trees of one record. Structs are compared field
/// by field, lists of the same length item by item; a list whose length changed is one change.
pub fn diff_values(old: &Value, new: &Value) -> Vec<FieldDiff> {
    let mut out = Vec::new();
    walk(&mut Vec::new(), Some(old), Some(new), &mut out);
    out
}

fn walk(path: &mut Vec<Step>, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldDiff>) {
    if old == new {
        return;
    }
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b)))
            if !is_variant(a) || !is_variant(b) || a.keys().eq(b.keys()) =>
        {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                path.push(Step::Field(k.clone()));
                walk(path, a.get(k), b.get(k), out);
                path.pop();
            }
        }
        (Some(Value::Array(a)), Some(Value::Array(b))) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                path.push(Step::Index(i));
                walk(path, Some(x), Some(y), out);
                path.pop();
            }
        }
        _ => out.push(FieldDiff {
            path: FieldPath(path.clone()),
            old: old.cloned(),
            new: new.cloned(),
        }),
    }
}

/// An enum variant with data is a one-entry map keyed by its capitalised variant name; two
/// different variants are one change, not a removed and an added field.
fn is_variant(map: &serde_json::Map<String, Value>) -> bool {
    map.len() == 1
        && map
            .keys()
            .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// The display name of a record's value tree (its `name`, `title` or `statement`).
pub fn record_name(value: &Value) -> String {
    ["name", "title", "statement"]
        .iter()
        .find_map(|k| value.get(*k).and_then(Value::as_str))
        .unwrap_or_default()
        .to_owned()
}

/// For two lists of different lengths, the items removed (`- [i] …`, old index) and added
/// (`+ [j] …`, new index) between their common start and end; `None` for other values.
pub fn list_changes(old: Option<&Value>, new: Option<&Value>) -> Option<Vec<String>> {
    let (Some(Value::Array(a)), Some(Value::Array(b))) = (old, new) else {
        return None;
    };
    if a.len() == b.len() {
        return None;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    let mut lines = Vec::new();
    for (i, item) in a.iter().enumerate().take(a.len() - suffix).skip(prefix) {
        lines.push(format!(
            "- [{i}] {}",
            short(Some(item), SHOWN_VALUE_CHARS * 2)
        ));
    }
    for (j, item) in b.iter().enumerate().take(b.len() - suffix).skip(prefix) {
        lines.push(format!(
            "+ [{j}] {}",
            short(Some(item), SHOWN_VALUE_CHARS * 2)
        ));
    }
    Some(lines)
}

fn multiset_minus(a: &[EditMark], b: &[EditMark]) -> Vec<EditMark> {
    let mut left: Vec<&EditMark> = b.iter().collect();
    let mut out = Vec::new();
    for m in a {
        match left.iter().position(|x| *x == m) {
            Some(i) => {
                left.swap_remove(i);
            }
            None => out.push(m.clone()),
        }
    }
    out
}

fn text(s: &str) -> String {
    short(Some(&Value::String(s.to_owned())), SHOWN_VALUE_CHARS)
}

fn mark(m: &EditMark) -> String {
    let by = if m.by.is_empty() {
        String::new()
    } else {
        format!(" by {}", m.by)
    };
    let what = if m.what.is_empty() {
        String::new()
    } else {
        format!(": {}", m.what)
    };
    format!("{:?} {}{by} on {}{what}", m.kind, m.record, m.on)
}

impl fmt::Display for StoreDiff {
    /// One line per added or removed record (`+ Place place-x — Name`), a line per changed
    /// record (`~ …`) followed by one indented line per field (`    title: "a" → "b"`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((a, b)) = &self.name {
            writeln!(f, "~ store name: {} → {}", text(a), text(b))?;
        }
        if let Some((a, b)) = &self.description {
            writeln!(f, "~ store description: {} → {}", text(a), text(b))?;
        }
        for r in &self.records {
            let name = if r.name.is_empty() {
                String::new()
            } else {
                format!(" — {}", r.name)
            };
            match &r.change {
                RecordChange::Added => writeln!(f, "+ {} {}{name}", r.kind, r.id)?,
                RecordChange::Removed => writeln!(f, "- {} {}{name}", r.kind, r.id)?,
                RecordChange::Changed(fields) => {
                    writeln!(f, "~ {} {}{name}", r.kind, r.id)?;
                    for d in fields {
                        match list_changes(d.old.as_ref(), d.new.as_ref()) {
                            Some(lines) => {
                                writeln!(f, "    {}:", d.path)?;
                                for line in lines {
                                    writeln!(f, "      {line}")?;
                                }
                            }
                            None => writeln!(
                                f,
                                "    {}: {} → {}",
                                d.path,
                                short(d.old.as_ref(), SHOWN_VALUE_CHARS),
                                short(d.new.as_ref(), SHOWN_VALUE_CHARS)
                            )?,
                        }
                    }
                }
            }
        }
        for m in &self.edits_added {
            writeln!(f, "+ edit mark: {}", mark(m))?;
        }
        for m in &self.edits_removed {
            writeln!(f, "- edit mark: {}", mark(m))?;
        }
        let (added, removed, changed) = self.counts();
        if self.is_empty() {
            writeln!(f, "no differences")
        } else {
            writeln!(f, "{added} added, {removed} removed, {changed} changed")
        }
    }
}
