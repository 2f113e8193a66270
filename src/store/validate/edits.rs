//! Checks of what users add in the app: the aliases of places and organisations, and the edit
//! marks on records they added or changed.

use super::checker::{Checker, refers};
use super::kinds::{Kind, Kinds};
use super::{ParsedFile, Problem};
use crate::model::Alias;
use crate::store::locate::line_col;

/// An alias is a non-empty name, not the record's own name nor another alias, and cites a
/// source of the store.
pub(super) fn aliases(c: &mut Checker<'_>, kinds: &Kinds<'_>, names: &[&str], list: &[Alias]) {
    if list.is_empty() {
        return;
    }
    let fold = |s: &str| s.trim().to_lowercase();
    let mut seen: Vec<String> = names.iter().map(|n| fold(n)).collect();
    for a in list {
        let name = fold(&a.name);
        if name.is_empty() {
            c.report(
                Some("aliases:"),
                "an alias is empty; expected another name of the record, or no alias".to_owned(),
            );
        } else if seen.contains(&name) {
            c.report(
                Some(&format!("{:?}", a.name)),
                format!(
                    "the alias `{}` repeats the record's name or another alias; expected a different name",
                    a.name.trim()
                ),
            );
        } else {
            seen.push(name);
        }
        refers(c, kinds, &a.source.source, &[Kind::Source]);
    }
}

/// Every edit mark names a record of the store and gives an ISO date (`2026-12-01`).
pub(super) fn marks(files: &[ParsedFile<'_>], kinds: &Kinds<'_>, problems: &mut Vec<Problem>) {
    for file in files {
        let mut from = 0;
        for m in &file.store.edits {
            // Locate the mark by its `record:` key, in file order.
            let needle = format!("record: {:?}", m.record);
            let found = file.text[from.min(file.text.len())..]
                .find(&needle)
                .map(|i| from + i);
            if let Some(at) = found {
                from = at + needle.len();
            }
            let (line, column) = found.map_or((0, 0), |o| line_col(file.text, o));
            let mut report = |message: String| {
                let message = if found.is_some() {
                    message
                } else {
                    format!("edit mark on `{}`: {message}", m.record)
                };
                problems.push(Problem {
                    file: file.name.clone(),
                    line,
                    column,
                    message,
                });
            };
            if !kinds.contains_key(m.record.as_str()) {
                report(format!(
                    "the edit mark names `{}`, which is not a record of this store; expected the id of the record added or changed",
                    m.record
                ));
            }
            if !is_iso_date(&m.on) {
                report(format!(
                    "the edit mark's date `{}` is not an ISO date; expected year-month-day such as 2026-12-01",
                    m.on
                ));
            }
        }
    }
}

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && s.parse::<jiff::civil::Date>().is_ok()
}

#[cfg(test)]
mod tests {
    use crate::model::{Alias, Citation, EditKind, EditMark, Place, PlaceKind, Source, Store};

    fn store() -> Store {
        Store {
            format_version: 1,
            sources: vec![Source {
                id: "src-a".into(),
                title: "A".into(),
                ..Source::default()
            }],
            places: vec![Place {
                id: "place-busan".into(),
                name: "Busan".into(),
                name_ko: Some("부산".into()),
                kind: PlaceKind::City,
                country: "KR".into(),
                region: None,
                lat: 35.1,
                lon: 129.0,
                population: None,
                geonames_id: None,
                aliases: vec![Alias {
                    name: "Pusan".into(),
                    source: Citation {
                        source: "src-a".into(),
                        at: "alternate names".into(),
                    },
                }],
                sources: vec![Citation {
                    source: "src-a".into(),
                    at: "p. 1".into(),
                }],
            }],
            edits: vec![EditMark {
                record: "place-busan".into(),
                kind: EditKind::Changed,
                by: "Kim".into(),
                on: "2026-12-01".into(),
                what: "added alias Pusan".into(),
            }],
            ..Store::default()
        }
    }

    fn messages(store: &Store) -> Vec<String> {
        let text = crate::store::save::to_ron(store).expect("ron");
        match crate::store::load_texts(&[("t.ron".into(), text.into_bytes())]) {
            Ok(_) => Vec::new(),
            Err(p) => p.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn aliases_and_edit_marks_that_are_right_pass() {
        assert_eq!(messages(&store()), Vec::<String>::new());
    }

    #[test]
    fn a_bad_alias_is_reported_at_its_line() {
        let mut s = store();
        let first = s.places[0].aliases[0].clone();
        s.places[0].aliases.push(Alias {
            name: "busan ".into(),
            ..first.clone()
        });
        s.places[0].aliases.push(Alias {
            name: " ".into(),
            ..first.clone()
        });
        s.places[0].aliases[0].source.source = "src-nope".into();
        let m = messages(&s);
        assert!(
            m.iter().any(|m| m.contains("repeats the record's name")),
            "{m:?}"
        );
        assert!(m.iter().any(|m| m.contains("an alias is empty")), "{m:?}");
        assert!(
            m.iter().any(|m| m.contains("unknown id `src-nope`")),
            "{m:?}"
        );
        assert!(m.iter().all(|m| m.starts_with("t.ron:")), "{m:?}");
    }

    #[test]
    fn an_edit_mark_on_a_missing_record_or_with_a_bad_date_is_reported() {
        let mut s = store();
        s.edits[0].on = "1 Dec 2026".into();
        s.edits.push(EditMark {
            record: "place-nowhere".into(),
            on: "2026-02-30".into(),
            ..EditMark::default()
        });
        let m = messages(&s);
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m[0].contains("`1 Dec 2026` is not an ISO date"), "{m:?}");
        assert!(
            m.iter()
                .any(|m| m.contains("`place-nowhere`, which is not a record")),
            "{m:?}"
        );
        assert!(
            m.iter()
                .any(|m| m.contains("`2026-02-30` is not an ISO date")),
            "{m:?}"
        );
        let line = |m: &str| {
            m.split(':')
                .nth(1)
                .and_then(|l| l.parse::<usize>().ok())
                .unwrap_or(0)
        };
        assert!(m.iter().all(|x| line(x) > 0), "{m:?}");
    }
}
