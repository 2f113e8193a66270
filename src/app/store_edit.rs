//! The one place a store edit is applied ([`StoreEdit`]): build the changed store, refuse it
//! when a fact lacks a source or the store's validator finds a problem (nothing changes), else
//! replace the open store through the undoable path and mark the record as added or changed.

use crate::model::{EditKind, EditMark, Store};
use crate::store::Origin;
use crate::ui::edit::{NEEDS_SOURCE, Record, StoreEdit};

use super::AtlasApp;

/// The store after `edit`, with its mark (`by`, `on`: the author and today's ISO date) and the
/// words for the undo menu; or the reasons it is refused, in words. `store` is not changed.
pub fn build(
    store: &Store,
    edit: &StoreEdit,
    by: &str,
    on: &str,
) -> Result<(Store, String), Vec<String>> {
    let mut next = store.clone();
    let mut marks: Vec<(String, EditKind, String)> = Vec::new();
    let new_source = match edit {
        StoreEdit::Add { new_source, .. }
        | StoreEdit::Update { new_source, .. }
        | StoreEdit::AddMilestone { new_source, .. }
        | StoreEdit::ReplaceMilestone { new_source, .. } => new_source.clone(),
        StoreEdit::Delete { .. } => None,
    };
    if let Some(source) = new_source {
        if store.item(&source.id).is_some() {
            return Err(vec![format!(
                "the new source's id `{}` is already used in the store",
                source.id
            )]);
        }
        marks.push((
            source.id.clone(),
            EditKind::Added,
            format!("added source “{}”", source.title),
        ));
        next.sources.push(source);
    }
    let label = match edit {
        StoreEdit::Add { record, .. } => {
            if record.citation_count() == 0 {
                return Err(vec![NEEDS_SOURCE.to_owned()]);
            }
            if store.item(record.id()).is_some() {
                return Err(vec![format!(
                    "the id `{}` is already used in the store",
                    record.id()
                )]);
            }
            put(&mut next, record.clone(), true);
            let what = format!("added {} “{}”", record.kind(), record.name());
            marks.push((record.id().to_owned(), EditKind::Added, what.clone()));
            what
        }
        StoreEdit::Update { record, .. } => {
            if record.citation_count() == 0 {
                return Err(vec![NEEDS_SOURCE.to_owned()]);
            }
            if !put(&mut next, record.clone(), false) {
                return Err(vec![format!(
                    "there is no {} `{}` in the store to change",
                    record.kind(),
                    record.id()
                )]);
            }
            let what = format!("changed {} “{}”", record.kind(), record.name());
            marks.push((record.id().to_owned(), EditKind::Changed, what.clone()));
            what
        }
        StoreEdit::AddMilestone { on, milestone, .. } => {
            if milestone.sources.is_empty() {
                return Err(vec![NEEDS_SOURCE.to_owned()]);
            }
            if milestone.title.trim().is_empty() {
                return Err(vec!["a milestone needs a title: what happened".to_owned()]);
            }
            let name = store.display_name(on);
            let list = milestones_mut(&mut next, on)?;
            list.push(milestone.clone());
            list.sort_by_key(|m| m.date);
            let what = format!(
                "added milestone {} “{}” to {name}",
                milestone.date, milestone.title
            );
            marks.push((on.clone(), EditKind::Changed, what.clone()));
            what
        }
        StoreEdit::ReplaceMilestone {
            on,
            index,
            milestone,
            ..
        } => {
            let name = store.display_name(on);
            let list = milestones_mut(&mut next, on)?;
            let Some(old) = list.get(*index).cloned() else {
                return Err(vec![format!("{name} has no milestone {}", index + 1)]);
            };
            let what = match milestone {
                Some(m) => {
                    if m.sources.is_empty() {
                        return Err(vec![NEEDS_SOURCE.to_owned()]);
                    }
                    if m.title.trim().is_empty() {
                        return Err(vec!["a milestone needs a title: what happened".to_owned()]);
                    }
                    list[*index] = m.clone();
                    list.sort_by_key(|m| m.date);
                    format!("changed milestone {} “{}” of {name}", m.date, m.title)
                }
                None => {
                    list.remove(*index);
                    format!("removed milestone {} “{}” from {name}", old.date, old.title)
                }
            };
            marks.push((on.clone(), EditKind::Changed, what.clone()));
            what
        }
        StoreEdit::Delete { id } => {
            let name = store.display_name(id);
            if !remove(&mut next, id) {
                return Err(vec![format!("there is no record `{id}` to delete")]);
            }
            next.edits.retain(|m| &m.record != id);
            format!("deleted “{name}”")
        }
    };
    let before = crate::store::validate(store, "open store");
    let problems: Vec<String> = crate::store::validate(&next, "open store")
        .into_iter()
        .filter(|p| !before.iter().any(|b| b.message == p.message))
        .map(|p| p.message)
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    for (record, kind, what) in marks {
        add_mark(&mut next, &record, kind, by, on, &what);
    }
    Ok((next, label))
}

/// Puts a record in its list: replaces the one with its id, or (when `add`) appends it.
/// Returns whether it was put.
fn put(store: &mut Store, record: Record, add: bool) -> bool {
    fn put_in<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str, add: bool) -> bool {
        let key = id(&item).to_owned();
        match list.iter_mut().find(|x| id(x) == key) {
            Some(slot) if !add => {
                *slot = item;
                true
            }
            Some(_) => false,
            None if add => {
                list.push(item);
                true
            }
            None => false,
        }
    }
    match record {
        Record::Partnership(r) => put_in(&mut store.partnerships, r, |x| &x.id, add),
        Record::Place(r) => put_in(&mut store.places, r, |x| &x.id, add),
        Record::Organisation(r) => put_in(&mut store.organisations, r, |x| &x.id, add),
        Record::Agreement(r) => put_in(&mut store.agreements, r, |x| &x.id, add),
        Record::Source(r) => put_in(&mut store.sources, r, |x| &x.id, add),
    }
}

/// Removes the record with this id from whichever list holds it.
fn remove(store: &mut Store, id: &str) -> bool {
    let before = store.items().count();
    store.programmes.retain(|r| r.id != id);
    store.partnerships.retain(|r| r.id != id);
    store.cohorts.retain(|r| r.id != id);
    store.agreements.retain(|r| r.id != id);
    store.places.retain(|r| r.id != id);
    store.organisations.retain(|r| r.id != id);
    store.indicators.retain(|r| r.id != id);
    store.findings.retain(|r| r.id != id);
    store.policy_measures.retain(|r| r.id != id);
    store.sources.retain(|r| r.id != id);
    store.items().count() != before
}

/// Adds or updates the mark of a record: a record a user added stays "added" whatever is
/// changed in it later; the words of every change are kept, latest last.
fn add_mark(store: &mut Store, record: &str, kind: EditKind, by: &str, on: &str, what: &str) {
    match store.edits.iter_mut().find(|m| m.record == record) {
        Some(mark) => {
            if mark.kind != EditKind::Added {
                mark.kind = kind;
            }
            mark.by = by.to_owned();
            mark.on = on.to_owned();
            mark.what = if mark.what.is_empty() {
                what.to_owned()
            } else {
                format!("{}; {what}", mark.what)
            };
        }
        None => store.edits.push(EditMark {
            record: record.to_owned(),
            kind,
            by: by.to_owned(),
            on: on.to_owned(),
            what: what.to_owned(),
        }),
    }
    store.edits.sort_by(|a, b| a.record.cmp(&b.record));
}

impl AtlasApp {
    /// The bottom panels of store editing: the unsaved-edits bar and the Changes panel.
    pub(crate) fn edit_panels(&mut self, ui: &mut egui::Ui) -> Vec<crate::ui::Command> {
        use crate::ui::edit::{changes, header};
        let mut commands = Vec::new();
        if self.store_unsaved() {
            let built_in = self.loaded.origin == Origin::Embedded;
            commands.extend(header::unsaved_bar(ui, built_in));
        }
        if self.show_changes {
            if self.changes.as_ref().map(|c| c.0) != Some(self.store_generation) {
                let list = changes::changes(changes::embedded_base(), &self.loaded.store);
                self.changes = Some((self.store_generation, list));
            }
            if let Some((_, list)) = &self.changes {
                commands.extend(changes::panel(ui, list, &self.loaded.store));
            }
        }
        commands
    }

    /// The dialogs of store editing: a store changed on disk, a change file to review.
    pub(crate) fn edit_modals(&mut self, ctx: &egui::Context) {
        if let Some(conflict) = &self.disk_conflict
            && let Some(choice) = crate::ui::edit::changes::disk_conflict(ctx, conflict)
        {
            self.resolve_disk_conflict(choice);
        }
        if let Some(review) = &mut self.review
            && let Some(answer) = crate::ui::edit::review::show(ctx, review)
        {
            self.finish_review(answer);
        }
    }

    /// Opens (or closes) a form in the details panel.
    pub(crate) fn open_form(&mut self, request: &crate::ui::edit::FormRequest) {
        self.edit_form = crate::ui::edit::Form::open(request, &self.loaded.store);
        if self.edit_form.is_some() {
            self.settings.hide_details = false;
            self.prefer_details = true;
        } else if *request != crate::ui::edit::FormRequest::Close {
            self.status = "That record cannot be edited in the app.".to_owned();
        }
    }

    /// Applies a store edit: one undo step, or a refusal shown in the form (nothing changes).
    pub(crate) fn edit_store(&mut self, edit: StoreEdit) {
        let today = crate::briefing::cli::today();
        match build(&self.loaded.store, &edit, &self.settings.author, &today) {
            Ok((store, label)) => {
                let id = edit.record_id().to_owned();
                self.replace_store(store, label.clone());
                self.edit_form = None;
                if self.loaded.store.item(&id).is_some() {
                    self.selected = Some(id);
                }
                let save = match &self.loaded.origin {
                    Origin::Embedded => {
                        "the built-in store is read-only: File → Save as my store… (Ctrl+S) keeps it"
                    }
                    Origin::Path(_) => "unsaved: File → Save store (Ctrl+Shift+S) keeps it",
                };
                self.status = format!("{label} — {save}. Ctrl+Z undoes it.");
            }
            Err(problems) => {
                self.status = format!("Not saved: {}", problems.join("; "));
                if let Some(form) = &mut self.edit_form {
                    form.problems = problems;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;

/// The milestones of a programme, partnership or cohort of `store`, to change.
fn milestones_mut<'s>(
    store: &'s mut Store,
    on: &str,
) -> Result<&'s mut Vec<crate::model::Milestone>, Vec<String>> {
    if let Some(p) = store.partnerships.iter_mut().find(|p| p.id == on) {
        return Ok(&mut p.milestones);
    }
    if let Some(c) = store.cohorts.iter_mut().find(|c| c.id == on) {
        return Ok(&mut c.milestones);
    }
    if let Some(p) = store.programmes.iter_mut().find(|p| p.id == on) {
        return Ok(&mut p.milestones);
    }
    Err(vec![format!(
        "milestones belong to programmes, partnerships and cohorts; `{on}` is none of them"
    )])
}
