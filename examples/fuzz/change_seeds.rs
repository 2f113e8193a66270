//! Seeds of the `changes` target: real change files made with `ChangeFile::between` from the
//! store the target applies them to (`targets::changes_base`, a valid slice of the built-in
//! store) and a few edits of it (a place added, a partnership field changed, a record
//! removed, milestones appended, all of them at once), and change files made against an
//! edited base so that applying them conflicts.

use partnership_atlas::model::{Citation, EditKind, EditMark, Milestone, PartialDate, Store};
use partnership_atlas::store;
use partnership_atlas::store::changes::ChangeFile;

fn added_place(s: &mut Store) {
    if let Some(mut place) = s.places.first().cloned() {
        place.id = "place-zz-fuzz".into();
        s.places.push(place);
        s.edits.push(EditMark {
            record: "place-zz-fuzz".into(),
            kind: EditKind::Added,
            on: "2026-12-01".into(),
            ..EditMark::default()
        });
    }
}

fn changed_field(s: &mut Store) {
    if let Some(p) = s.partnerships.get_mut(1) {
        p.since = Some(2019);
        p.name = format!("{} (renamed)", p.name);
    }
}

/// Removes the last record of the first kind whose removal leaves a valid store.
fn removed_record(s: &mut Store) {
    let tries: [fn(&mut Store); 3] = [
        |s| drop(s.policy_measures.pop()),
        |s| drop(s.partnerships.pop()),
        |s| drop(s.agreements.pop()),
    ];
    for remove in tries {
        let mut t = s.clone();
        remove(&mut t);
        if t != *s && store::validate(&t, "seed").is_empty() {
            *s = t;
            return;
        }
    }
}

fn milestones_appended(s: &mut Store) {
    let Some(source) = s.sources.first().map(|x| x.id.clone()) else {
        return;
    };
    if let Some(p) = s.partnerships.first_mut() {
        for (month, title) in [(10, "Workshop"), (11, "Joint call")] {
            p.milestones.push(Milestone {
                date: PartialDate {
                    year: 2026,
                    month: Some(month),
                    day: None,
                },
                title: title.into(),
                place: None,
                sources: vec![Citation {
                    source: source.clone(),
                    at: "p. 1".into(),
                }],
            });
        }
    }
}

fn text(base: &Store, mine: &Store) -> Option<Vec<u8>> {
    ChangeFile::between(base, mine)
        .to_ron()
        .ok()
        .map(String::into_bytes)
}

/// The seed change files.
pub fn seeds() -> Vec<Vec<u8>> {
    let base = crate::targets::changes_base().clone();
    let edits: [fn(&mut Store); 4] = [
        added_place,
        changed_field,
        removed_record,
        milestones_appended,
    ];
    let mut seeds = Vec::new();
    for edit in edits {
        let mut mine = base.clone();
        edit(&mut mine);
        seeds.extend(text(&base, &mine));
    }
    let mut all = base.clone();
    for edit in edits {
        edit(&mut all);
    }
    seeds.extend(text(&base, &all));
    // Made against another base: the store applied to differs from that base where the change
    // file changes it too, so applying them to the built-in store conflicts.
    let mut other = base.clone();
    changed_field(&mut other);
    added_place(&mut other);
    let mut theirs = other.clone();
    if let Some(p) = theirs.partnerships.get_mut(1) {
        p.since = Some(2021);
        p.name = format!("{} (theirs)", p.name);
    }
    if let Some(pl) = theirs.places.last_mut() {
        pl.name = format!("{} (theirs)", pl.name);
    }
    milestones_appended(&mut theirs);
    seeds.extend(text(&other, &theirs));
    let mut removed = other.clone();
    removed.partnerships.remove(1);
    seeds.extend(text(&other, &removed));
    seeds
}
