//! The kinds of record of a store, handled generically: every record as a [`RecordKind`] plus
//! its id, as a typed [`AnyRecord`] (for change files) or as a serde value tree (to compare
//! and merge field by field without per-kind code).

use serde::{Deserialize, Serialize};

use crate::model::{
    Agreement, Cohort, Finding, IndicatorSeries, Organisation, Partnership, Place, PolicyMeasure,
    Programme, Source, Store,
};

/// A record's fields as a value tree (maps of field name → value, lists, strings, numbers,
/// `null` for `None`).
pub type Value = serde_json::Value;

macro_rules! kinds {
    ($( $kind:ident, $ty:ty, $field:ident, $words:literal; )*) => {
        /// A kind of record, in the order of the store's fields (and of `diff` output).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum RecordKind { $( $kind, )* }

        impl RecordKind {
            /// Every kind, in the fixed order.
            pub const ALL: &'static [RecordKind] = &[ $( RecordKind::$kind, )* ];

            /// The kind in words ("Place", "Policy measure").
            pub fn label(self) -> &'static str {
                match self { $( RecordKind::$kind => $words, )* }
            }

            /// The ids of this kind's records in `store`, in file order.
            pub fn ids(self, store: &Store) -> Vec<&str> {
                match self { $( RecordKind::$kind => store.$field.iter().map(|r| r.id.as_str()).collect(), )* }
            }

            /// This kind's records in `store` as (id, value tree), in file order. A record that
            /// cannot be turned into a value tree (a non-finite number) is `Value::Null`.
            pub fn values(self, store: &Store) -> Vec<(String, Value)> {
                match self { $( RecordKind::$kind => store.$field.iter()
                    .map(|r| (r.id.clone(), serde_json::to_value(r).unwrap_or(Value::Null)))
                    .collect(), )* }
            }

            /// Removes the record with this id; true when one was removed.
            pub fn remove(self, store: &mut Store, id: &str) -> bool {
                match self { $( RecordKind::$kind => {
                    let before = store.$field.len();
                    store.$field.retain(|r| r.id != id);
                    before != store.$field.len()
                } )* }
            }

            /// Puts a record given as a value tree into `store`: replaces the record with its id
            /// in place, or appends it. Fails when the value is not a record of this kind.
            pub fn put_value(self, store: &mut Store, value: &Value) -> Result<(), String> {
                let record = self.from_value(value)?;
                record.put(store);
                Ok(())
            }

            /// The typed record of this kind from a value tree.
            pub fn from_value(self, value: &Value) -> Result<AnyRecord, String> {
                match self { $( RecordKind::$kind => <$ty>::deserialize(value)
                    .map(AnyRecord::$kind)
                    .map_err(|e| format!("not a {}: {e}", $words)), )* }
            }
        }

        /// Any record of a store, with its kind (as written in change files: `Place((id: …))`).
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub enum AnyRecord { $( $kind($ty), )* }

        impl AnyRecord {
            /// The record's kind.
            pub fn kind(&self) -> RecordKind {
                match self { $( AnyRecord::$kind(_) => RecordKind::$kind, )* }
            }

            /// The record's id.
            pub fn id(&self) -> &str {
                match self { $( AnyRecord::$kind(r) => &r.id, )* }
            }

            /// The record as a value tree (`Value::Null` when it holds a non-finite number).
            pub fn to_value(&self) -> Value {
                match self { $( AnyRecord::$kind(r) => serde_json::to_value(r).unwrap_or(Value::Null), )* }
            }

            /// The record with this kind and id in `store`.
            pub fn find(store: &Store, kind: RecordKind, id: &str) -> Option<AnyRecord> {
                match kind { $( RecordKind::$kind => store.$field.iter()
                    .find(|r| r.id == id).cloned().map(AnyRecord::$kind), )* }
            }

            /// Every record of `store`, kind by kind in the fixed order, each in file order.
            pub fn all(store: &Store) -> Vec<AnyRecord> {
                let mut out = Vec::new();
                $( out.extend(store.$field.iter().cloned().map(AnyRecord::$kind)); )*
                out
            }

            /// Replaces the record with the same kind and id in place, or appends it.
            pub fn put(self, store: &mut Store) {
                match self { $( AnyRecord::$kind(r) => {
                    match store.$field.iter_mut().find(|x| x.id == r.id) {
                        Some(slot) => *slot = r,
                        None => store.$field.push(r),
                    }
                } )* }
            }
        }
    };
}

kinds! {
    Source, Source, sources, "Source";
    Place, Place, places, "Place";
    Organisation, Organisation, organisations, "Organisation";
    Programme, Programme, programmes, "Programme";
    Partnership, Partnership, partnerships, "Partnership";
    Cohort, Cohort, cohorts, "Cohort";
    Agreement, Agreement, agreements, "Agreement";
    Indicator, IndicatorSeries, indicators, "Indicator";
    Finding, Finding, findings, "Finding";
    PolicyMeasure, PolicyMeasure, policy_measures, "Policy measure";
}

impl std::fmt::Display for RecordKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A value in short RON for people: strings quoted, `None` for a missing value, structs as
/// `(field: value, …)`, lists as `[…]`; cut to `max` characters with "…".
pub fn short(value: Option<&Value>, max: usize) -> String {
    let mut s = String::new();
    match value {
        None => s.push_str("(missing)"),
        Some(v) => write_ron(v, &mut s),
    }
    if s.chars().count() > max {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    } else {
        s
    }
}

fn write_ron(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => out.push_str(&format!("{s:?}")),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_ron(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // An enum variant with data is a one-entry map with a capitalised key.
            if map.len() == 1
                && let Some((k, inner)) = map.iter().next()
                && k.starts_with(|c: char| c.is_ascii_uppercase())
            {
                out.push_str(k);
                out.push('(');
                write_ron(inner, out);
                out.push(')');
                return;
            }
            out.push('(');
            // Names first, so a cut value still says which record or item it is.
            let first = ["id", "name", "title", "statement"];
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by_key(|(k, _)| first.iter().position(|f| f == k).unwrap_or(first.len()));
            for (i, (k, item)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(k);
                out.push_str(": ");
                write_ron(item, out);
            }
            out.push(')');
        }
    }
}
