//! A form in the details panel: edit a record, add a milestone, add a record, or confirm a
//! deletion. The App keeps the open form; the form returns commands (save, close).

use super::cite::{self, Cites};
use super::picker::Picker;
use super::records::{Built, Draft};
use super::{Record, StoreEdit};
use crate::model::{
    Agreement, Citation, Id, ItemRef, Organisation, Partnership, Place, Source, Store,
};
use crate::ui::Command;

/// What a button asks a form for.
#[derive(Clone, Debug, PartialEq)]
pub enum FormRequest {
    /// Edit this record.
    Edit(Id),
    /// Add a milestone to this programme, partnership or cohort.
    AddMilestone(Id),
    /// Change the milestone at this place in the record's list of milestones.
    EditMilestone(Id, usize),
    /// Add a partnership, with one end (a place or organisation) already chosen.
    NewPartnership(Option<Id>),
    /// Add a place (from GeoNames or by coordinates).
    NewPlace,
    /// Add an organisation.
    NewOrganisation,
    /// Add an agreement.
    NewAgreement,
    /// Add a source.
    NewSource,
    /// Ask before deleting this record.
    Delete(Id),
    /// Close the form without saving.
    Close,
}

/// The open form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// The heading ("Edit place Gwangju").
    pub title: String,
    /// Whether the record is new.
    pub adding: bool,
    pub draft: Option<Draft>,
    /// The record a deletion form asks about.
    pub delete: Option<Id>,
    pub cites: Cites,
    /// A field that could not be read, at that field.
    pub field_error: Option<String>,
    /// Why the last save was refused (the validator's words), shown at the top.
    pub problems: Vec<String>,
}

impl Form {
    /// The form a request opens; `None` when the record is not one the app edits.
    pub fn open(request: &FormRequest, store: &Store) -> Option<Form> {
        let form = |title: String, adding, draft, cites: &[Citation]| Form {
            title,
            adding,
            draft: Some(draft),
            delete: None,
            cites: Cites::of(cites),
            field_error: None,
            problems: Vec::new(),
        };
        Some(match request {
            FormRequest::Close => return None,
            FormRequest::Delete(id) => {
                let item = store.item(id)?;
                Form {
                    title: format!("Delete {} “{}”?", item.kind().to_lowercase(), item.name()),
                    adding: false,
                    draft: None,
                    delete: Some(id.clone()),
                    cites: Cites::default(),
                    field_error: None,
                    problems: Vec::new(),
                }
            }
            FormRequest::AddMilestone(id) => {
                let name = store.display_name(id);
                let draft = Draft::Milestone {
                    on: id.clone(),
                    index: None,
                    date: String::new(),
                    title: String::new(),
                    place: Picker::default(),
                };
                form(format!("Add a milestone to {name}"), true, draft, &[])
            }
            FormRequest::EditMilestone(id, index) => {
                let m = super::milestones_of(store, id)?.get(*index)?;
                let draft = Draft::Milestone {
                    on: id.clone(),
                    index: Some(*index),
                    date: m.date.to_string(),
                    title: m.title.clone(),
                    place: Picker::with(m.place.clone()),
                };
                let name = store.display_name(id);
                form(
                    format!("Change a milestone of {name}"),
                    false,
                    draft,
                    &m.sources,
                )
            }
            FormRequest::NewPartnership(end) => {
                let rec = Partnership {
                    id: String::new(),
                    name: String::new(),
                    programme: String::new(),
                    a: String::new(),
                    b: String::new(),
                    themes: Vec::new(),
                    since: None,
                    status: crate::model::Status::Active,
                    description: String::new(),
                    milestones: Vec::new(),
                    sources: Vec::new(),
                };
                let korean = end.as_ref().is_some_and(|id| korean(store, id));
                let draft = Draft::Partnership {
                    rec,
                    programme: Picker::default(),
                    a: Picker::with(end.clone().filter(|_| !korean)),
                    b: Picker::with(end.clone().filter(|_| korean)),
                    themes: String::new(),
                    since: String::new(),
                };
                form("New partnership".to_owned(), true, draft, &[])
            }
            FormRequest::NewPlace => {
                let rec = Place {
                    id: String::new(),
                    name: String::new(),
                    name_ko: None,
                    kind: crate::model::PlaceKind::City,
                    country: String::new(),
                    region: None,
                    lat: 0.0,
                    lon: 0.0,
                    population: None,
                    geonames_id: None,
                    aliases: Vec::new(),
                    sources: Vec::new(),
                };
                form("New place".to_owned(), true, place_draft(rec), &[])
            }
            FormRequest::NewOrganisation => {
                let rec = Organisation {
                    id: String::new(),
                    name: String::new(),
                    name_ko: None,
                    short_name: None,
                    kind: crate::model::OrgKind::Other,
                    country: String::new(),
                    place: None,
                    parent: None,
                    description: String::new(),
                    aliases: Vec::new(),
                    sources: Vec::new(),
                };
                let draft = Draft::Organisation {
                    rec,
                    place: Picker::default(),
                };
                form("New organisation".to_owned(), true, draft, &[])
            }
            FormRequest::NewAgreement => {
                let rec = Agreement {
                    id: String::new(),
                    title: String::new(),
                    kind: crate::model::AgreementKind::Mou,
                    parties: Vec::new(),
                    year: None,
                    period: None,
                    status: crate::model::Status::Signed,
                    programme: None,
                    area: None,
                    note: None,
                    sources: Vec::new(),
                };
                form("New agreement".to_owned(), true, agreement_draft(rec), &[])
            }
            FormRequest::NewSource => {
                let draft = Draft::Source {
                    rec: Source::default(),
                };
                form("New source".to_owned(), true, draft, &[])
            }
            FormRequest::Edit(id) => {
                let item = store.item(id)?;
                let title = format!("Edit {} “{}”", item.kind().to_lowercase(), item.name());
                let draft = match item {
                    ItemRef::Partnership(p) => Draft::Partnership {
                        rec: p.clone(),
                        programme: Picker::with(Some(p.programme.clone())),
                        a: Picker::with(Some(p.a.clone())),
                        b: Picker::with(Some(p.b.clone())),
                        themes: p.themes.join(", "),
                        since: p.since.map(|y| y.to_string()).unwrap_or_default(),
                    },
                    ItemRef::Place(p) => place_draft(p.clone()),
                    ItemRef::Organisation(o) => Draft::Organisation {
                        rec: o.clone(),
                        place: Picker::with(o.place.clone()),
                    },
                    ItemRef::Agreement(a) => agreement_draft(a.clone()),
                    ItemRef::Source(s) => Draft::Source { rec: s.clone() },
                    _ => return None,
                };
                form(title, false, draft, item.citations())
            }
        })
    }

    /// The edit the form's fields make, or what is wrong with them (in words, at the field).
    pub fn edit(&self, store: &Store) -> Result<StoreEdit, String> {
        if let Some(id) = &self.delete {
            return Ok(StoreEdit::Delete { id: id.clone() });
        }
        let draft = self.draft.as_ref().ok_or("nothing to save")?;
        let built = draft.record(store, self.adding)?;
        let is_source = matches!(draft, Draft::Source { .. });
        let (list, mut new_source) = if is_source {
            (Vec::new(), None)
        } else {
            self.cites.finish(store)?
        };
        let geonames = super::cities::GEONAMES_SOURCE;
        if list.iter().any(|c| c.source == geonames) && store.source(geonames).is_none() {
            if new_source.is_some() {
                return Err(
                    "Save the place with its GeoNames source first, then add the other \
                            new source"
                        .to_owned(),
                );
            }
            new_source = Some(super::cities::geonames_source());
        }
        Ok(match built {
            Built::Milestone {
                on,
                index,
                mut milestone,
            } => {
                milestone.sources = list;
                match index {
                    None => StoreEdit::AddMilestone {
                        on,
                        milestone,
                        new_source,
                    },
                    Some(index) => StoreEdit::ReplaceMilestone {
                        on,
                        index,
                        milestone: Some(milestone),
                        new_source,
                    },
                }
            }
            Built::Record(mut record) => {
                set_citations(&mut record, list);
                if self.adding {
                    StoreEdit::Add { record, new_source }
                } else {
                    StoreEdit::Update { record, new_source }
                }
            }
        })
    }

    /// Draws the form; returns what the user asked for.
    pub fn show(&mut self, ui: &mut egui::Ui, store: &Store) -> Vec<Command> {
        let mut out = Vec::new();
        ui.add_space(6.0);
        ui.heading(&self.title);
        for p in self
            .problems
            .iter()
            .filter(|p| p.as_str() != super::NEEDS_SOURCE)
        {
            ui.colored_label(ui.visuals().error_fg_color, format!("Not saved: {p}"));
        }
        if let Some(id) = &self.delete {
            let users: Vec<String> = store
                .items()
                .filter(|i| i.id() != id && refers_to(store, i.id(), id))
                .map(|i| i.name().to_owned())
                .collect();
            if users.is_empty() {
                ui.label("This removes the record from the open store. Ctrl+Z brings it back.");
            } else {
                ui.label(format!(
                    "Other records name it ({}); the store would not be valid without it, so \
                     the deletion will be refused until they no longer do.",
                    users.join(", ")
                ));
            }
        } else if let Some(draft) = &mut self.draft {
            draft.show(ui, store);
            if let Draft::Place { rec, .. } = draft {
                // A city picked from GeoNames cites it: that citation joins the list below.
                for c in rec.sources.drain(..) {
                    if !self.cites.list.contains(&c) {
                        self.cites.list.retain(|k| k.source != c.source);
                        self.cites.list.push(c);
                    }
                }
            }
            if !matches!(draft, Draft::Source { .. }) {
                let needs = self
                    .problems
                    .iter()
                    .find(|p| p.as_str() == super::NEEDS_SOURCE)
                    .map(String::as_str);
                cite::show(ui, &mut self.cites, store, needs);
            }
        }
        if let Some(e) = &self.field_error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let word = if self.delete.is_some() {
                "Delete"
            } else {
                "Save"
            };
            if ui.button(word).clicked() {
                match self.edit(store) {
                    Ok(edit) => {
                        self.field_error = None;
                        out.push(Command::EditStore(Box::new(edit)));
                    }
                    Err(e) => self.field_error = Some(e),
                }
            }
            if ui.button("Cancel").clicked() {
                out.push(Command::EditForm(FormRequest::Close));
            }
        });
        out
    }
}

fn place_draft(rec: Place) -> Draft {
    Draft::Place {
        lat: rec.lat.to_string(),
        lon: rec.lon.to_string(),
        population: rec.population.map(|p| p.to_string()).unwrap_or_default(),
        city: String::new(),
        rec,
    }
}

fn agreement_draft(rec: Agreement) -> Draft {
    Draft::Agreement {
        programme: Picker::with(rec.programme.clone()),
        party: Picker::default(),
        year: rec.year.map(|y| y.to_string()).unwrap_or_default(),
        rec,
    }
}

fn set_citations(record: &mut Record, list: Vec<Citation>) {
    match record {
        Record::Partnership(r) => r.sources = list,
        Record::Place(r) => r.sources = list,
        Record::Organisation(r) => r.sources = list,
        Record::Agreement(r) => r.sources = list,
        Record::Source(_) => {}
    }
}

/// Whether a place or organisation is on the Korean side.
fn korean(store: &Store, id: &str) -> bool {
    match store.item(id) {
        Some(ItemRef::Place(p)) => p.country == "KR",
        Some(ItemRef::Organisation(o)) => o.country == "KR",
        _ => false,
    }
}

/// Whether the record `from` names `id` (a reference the validator checks).
fn refers_to(store: &Store, from: &str, id: &str) -> bool {
    let Some(item) = store.item(from) else {
        return false;
    };
    if item.citations().iter().any(|c| c.source == id) {
        return true;
    }
    match item {
        ItemRef::Partnership(p) => {
            p.programme == id
                || p.a == id
                || p.b == id
                || p.milestones.iter().any(|m| m.place.as_deref() == Some(id))
        }
        ItemRef::Organisation(o) => {
            o.place.as_deref() == Some(id) || o.parent.as_deref() == Some(id)
        }
        ItemRef::Agreement(a) => {
            a.parties.iter().any(|p| p == id) || a.programme.as_deref() == Some(id)
        }
        ItemRef::Cohort(c) => c.programme == id || c.members.iter().any(|m| m == id),
        ItemRef::Programme(p) => {
            p.sponsors.iter().any(|s| s == id) || p.delivery.iter().any(|s| s == id)
        }
        _ => false,
    }
}

/// Draws the open form where the details panel is (the same panel, so it keeps its width).
pub fn panel(ui: &mut egui::Ui, form: &mut Form, store: &Store, max_width: f32) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::right("details")
        .resizable(true)
        .default_size(360.0_f32.min(max_width))
        .size_range(240.0_f32.min(max_width)..=max_width)
        .show(ui, |ui| {
            // Bounded like the details panel: a wide field never widens the panel under the view.
            crate::ui::bounded::within(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("edit_form_scroll")
                    .auto_shrink(false)
                    .show(ui, |ui| commands.extend(form.show(ui, store)));
            });
        });
    commands
}
