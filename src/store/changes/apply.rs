//! Applying a colleague's change file to my store: a three-way merge against the change file's
//! base, field by field. A field I left as in the base takes theirs; a field where we agree is
//! identical; a field we both changed differently is a [`Conflict`] kept with both values for
//! the user to pick ([`ApplyOutcome::resolve`]). A list they only appended to (a milestone, a
//! citation) gets their new items after mine, even when I appended too. Nothing is dropped
//! silently.

use std::fmt;

use super::ChangeFile;
use crate::model::{EditMark, Store};
use crate::store::Problem;
use crate::store::diff::{FieldPath, diff_values, list_changes};
use crate::store::kind::{AnyRecord, RecordKind, Value, short};

/// The file name problems of the merged store are reported under.
const RESULT: &str = "the store with the changes applied";

/// A record, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecordKey {
    pub kind: RecordKind,
    pub id: String,
}

/// A field of a record, by kind, id and path (`milestones[2].title`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldKey {
    pub kind: RecordKind,
    pub id: String,
    pub field: String,
}

/// Which side of a conflict to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep my store's value.
    Mine,
    /// Take the change file's value.
    Theirs,
}

/// Where my store and the change file both changed the same thing differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub kind: RecordKind,
    pub id: String,
    /// The field path, `(whole record)` for an added or removed record.
    pub field: String,
    /// The value in the change file's base (`None`: the record or field was not there).
    pub base: Option<Value>,
    /// The value in my store (`None`: I removed it, or it is missing).
    pub mine: Option<Value>,
    /// The value in the change file (`None`: they removed it).
    pub theirs: Option<Value>,
    /// How to take theirs.
    take: Take,
}

#[derive(Clone, Debug, PartialEq)]
enum Take {
    /// Set this path of the record to theirs.
    Field(FieldPath),
    /// Put their whole record.
    Record(Box<AnyRecord>),
    /// Remove the record.
    Remove,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = |x: &Option<Value>| short(x.as_ref(), 160);
        if let (Some(mine), Some(theirs)) = (
            list_changes(self.base.as_ref(), self.mine.as_ref()),
            list_changes(self.base.as_ref(), self.theirs.as_ref()),
        ) {
            write!(
                f,
                "{} {} {}: both changed the list",
                self.kind, self.id, self.field
            )?;
            for (side, lines) in [("mine", mine), ("theirs", theirs)] {
                for line in lines {
                    write!(f, "\n    {side}: {line}")?;
                }
            }
            return Ok(());
        }
        write!(
            f,
            "{} {} {}: base {}, mine {}, theirs {}",
            self.kind,
            self.id,
            self.field,
            v(&self.base),
            v(&self.mine),
            v(&self.theirs)
        )
    }
}

/// What applying a change file did, or would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplyOutcome {
    /// My store with every non-conflicting change applied (my store unchanged when
    /// [`Self::problems`] is not empty).
    pub store: Store,
    /// Records added.
    pub added: Vec<RecordKey>,
    /// Fields taken from the change file.
    pub changed: Vec<FieldKey>,
    /// Records removed.
    pub removed: Vec<RecordKey>,
    /// Changes my store already had (ignored).
    pub identical: usize,
    /// Changes both sides made differently, for the user to pick.
    pub conflicts: Vec<Conflict>,
    /// Why the merged store is not valid; when not empty nothing was applied.
    pub problems: Vec<Problem>,
    /// Whether my store is the very store the change file was made against.
    pub base_matches: bool,
    /// Edit marks to add once conflicts are resolved.
    edits: Vec<EditMark>,
}

impl ApplyOutcome {
    /// True when there is nothing to pick and the result is valid.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && self.problems.is_empty()
    }

    /// My store with the non-conflicting changes and, for each conflict in order, the side
    /// picked in `choices` (one per conflict). Fails when a choice is missing or when the
    /// result is not a valid store (then nothing is applied).
    pub fn resolve(&self, choices: &[Choice]) -> Result<Store, Vec<Problem>> {
        if !self.problems.is_empty() {
            return Err(self.problems.clone());
        }
        if choices.len() != self.conflicts.len() {
            return Err(vec![whole(format!(
                "{} conflict(s) need a choice each; {} given",
                self.conflicts.len(),
                choices.len()
            ))]);
        }
        let mut store = self.store.clone();
        for (c, choice) in self.conflicts.iter().zip(choices) {
            if *choice == Choice::Mine {
                continue;
            }
            match &c.take {
                Take::Remove => {
                    c.kind.remove(&mut store, &c.id);
                }
                Take::Record(r) => (**r).clone().put(&mut store),
                Take::Field(path) => {
                    let Some(rec) = AnyRecord::find(&store, c.kind, &c.id) else {
                        continue;
                    };
                    let mut value = rec.to_value();
                    if path.set(&mut value, c.theirs.clone()) {
                        c.kind
                            .put_value(&mut store, &value)
                            .map_err(|e| vec![whole(e)])?;
                    }
                }
            }
        }
        add_marks(&mut store, &self.edits);
        let problems = crate::store::validate(&store, RESULT);
        if problems.is_empty() {
            Ok(store)
        } else {
            Err(problems)
        }
    }

    /// What was done, in lines for the command line: added, changed, removed, conflicts.
    pub fn report(&self) -> String {
        let mut out = String::new();
        for k in &self.added {
            out.push_str(&format!("added {} {}\n", k.kind, k.id));
        }
        for k in &self.changed {
            out.push_str(&format!("changed {} {} {}\n", k.kind, k.id, k.field));
        }
        for k in &self.removed {
            out.push_str(&format!("removed {} {}\n", k.kind, k.id));
        }
        for c in &self.conflicts {
            out.push_str(&format!("conflict {c}\n"));
        }
        for p in &self.problems {
            out.push_str(&format!("problem {p}\n"));
        }
        out.push_str(&format!(
            "{} added, {} changed, {} removed, {} identical, {} conflict(s){}\n",
            self.added.len(),
            self.changed.len(),
            self.removed.len(),
            self.identical,
            self.conflicts.len(),
            if self.base_matches {
                ""
            } else {
                " (made against another version of the store)"
            }
        ));
        out
    }
}

fn whole(message: String) -> Problem {
    Problem {
        file: RESULT.to_owned(),
        line: 0,
        column: 0,
        message,
    }
}

fn add_marks(store: &mut Store, marks: &[EditMark]) {
    for m in marks {
        let known = RecordKind::ALL
            .iter()
            .any(|k| k.ids(store).contains(&m.record.as_str()));
        if known && !store.edits.contains(m) {
            store.edits.push(m.clone());
        }
    }
}

/// When `theirs` is `base` with items appended and `mine` starts with `base`: my list with
/// their appended items I lack, and how many those are.
fn appended(
    base: Option<&Value>,
    theirs: Option<&Value>,
    mine: Option<&Value>,
) -> Option<(Value, usize)> {
    let (Some(Value::Array(base)), Some(Value::Array(theirs)), Some(Value::Array(mine))) =
        (base, theirs, mine)
    else {
        return None;
    };
    if theirs.len() <= base.len() || !theirs.starts_with(base) || !mine.starts_with(base) {
        return None;
    }
    let mut list = mine.clone();
    let mut added = 0;
    for item in &theirs[base.len()..] {
        if !list.contains(item) {
            list.push(item.clone());
            added += 1;
        }
    }
    Some((Value::Array(list), added))
}

/// Applies `changes` to `store` (three-way against the change file's base). See the module doc.
pub fn apply(store: &Store, changes: &ChangeFile) -> ApplyOutcome {
    apply_with_fingerprint(store, &super::store_fingerprint(store), changes)
}

/// [`apply`] for a caller that already knows `store`'s [`super::store_fingerprint`] (it costs
/// writing the whole store as RON; a caller applying many files to one store takes it once).
pub fn apply_with_fingerprint(
    store: &Store,
    fingerprint: &str,
    changes: &ChangeFile,
) -> ApplyOutcome {
    let mut out = ApplyOutcome {
        store: store.clone(),
        added: Vec::new(),
        changed: Vec::new(),
        removed: Vec::new(),
        identical: 0,
        conflicts: Vec::new(),
        problems: Vec::new(),
        base_matches: fingerprint == changes.base.fingerprint,
        edits: changes.edits.clone(),
    };
    let conflict =
        |r: &AnyRecord, base: Option<Value>, mine: Option<Value>, theirs: Option<Value>, take| {
            Conflict {
                kind: r.kind(),
                id: r.id().to_owned(),
                field: FieldPath::default().to_string(),
                base,
                mine,
                theirs,
                take,
            }
        };
    for theirs in &changes.added {
        let key = RecordKey {
            kind: theirs.kind(),
            id: theirs.id().to_owned(),
        };
        match AnyRecord::find(store, key.kind, &key.id) {
            None => {
                theirs.clone().put(&mut out.store);
                out.added.push(key);
            }
            Some(mine) if mine == *theirs => out.identical += 1,
            Some(mine) => out.conflicts.push(conflict(
                theirs,
                None,
                Some(mine.to_value()),
                Some(theirs.to_value()),
                Take::Record(Box::new(theirs.clone())),
            )),
        }
    }
    for c in &changes.changed {
        let (base, theirs) = (c.before.to_value(), c.after.to_value());
        let Some(mine) = AnyRecord::find(store, c.after.kind(), c.after.id()) else {
            out.conflicts.push(conflict(
                &c.after,
                Some(base),
                None,
                Some(theirs),
                Take::Record(Box::new(c.after.clone())),
            ));
            continue;
        };
        let mut merged = mine.to_value();
        let mut took = Vec::new();
        for d in diff_values(&base, &theirs) {
            let at = d.path.get(&merged).cloned();
            if at == d.new {
                out.identical += 1;
            } else if at == d.old && d.path.set(&mut merged, d.new.clone()) {
                took.push(d.field());
            } else if let Some((list, new_items)) =
                appended(d.old.as_ref(), d.new.as_ref(), at.as_ref())
            {
                // They only appended items to a list that I also kept or appended to: mine
                // first, then theirs that I do not have.
                if new_items == 0 {
                    out.identical += 1;
                } else if d.path.set(&mut merged, Some(list)) {
                    took.push(d.field());
                }
            } else {
                out.conflicts.push(Conflict {
                    kind: mine.kind(),
                    id: mine.id().to_owned(),
                    field: d.field(),
                    base: d.old.clone(),
                    mine: at,
                    theirs: d.new.clone(),
                    take: Take::Field(d.path.clone()),
                });
            }
        }
        if !took.is_empty() {
            match mine.kind().put_value(&mut out.store, &merged) {
                Ok(()) => out.changed.extend(took.into_iter().map(|field| FieldKey {
                    kind: mine.kind(),
                    id: mine.id().to_owned(),
                    field,
                })),
                Err(e) => out
                    .problems
                    .push(whole(format!("{} {}: {e}", mine.kind(), mine.id()))),
            }
        }
    }
    for theirs in &changes.removed {
        let key = RecordKey {
            kind: theirs.kind(),
            id: theirs.id().to_owned(),
        };
        match AnyRecord::find(store, key.kind, &key.id) {
            None => out.identical += 1,
            Some(mine) if mine == *theirs => {
                key.kind.remove(&mut out.store, &key.id);
                out.removed.push(key);
            }
            Some(mine) => out.conflicts.push(conflict(
                theirs,
                Some(theirs.to_value()),
                Some(mine.to_value()),
                None,
                Take::Remove,
            )),
        }
    }
    if out.problems.is_empty() {
        let mut trial = out.store.clone();
        add_marks(&mut trial, &out.edits);
        out.problems = crate::store::validate(&trial, RESULT);
    }
    if !out.problems.is_empty() {
        out.store = store.clone();
    } else if out.conflicts.is_empty() {
        add_marks(&mut out.store, &out.edits);
    }
    out
}
