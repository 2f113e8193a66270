//! The fields of each kind of record a form edits, and turning them back into a record.

use super::cite::text;
use super::picker::{self, Picker};
use crate::model::{
    Agreement, AgreementKind, Milestone, OrgKind, Organisation, PartialDate, Partnership, Place,
    PlaceKind, Source, Status, Store,
};

/// What a form is editing, with the text of its number fields as typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Draft {
    Milestone {
        on: String,
        /// The milestone being changed (its place in the record's list), or `None` for a new one.
        index: Option<usize>,
        date: String,
        title: String,
        place: Picker,
    },
    Partnership {
        rec: Partnership,
        programme: Picker,
        a: Picker,
        b: Picker,
        themes: String,
        since: String,
    },
    Place {
        rec: Place,
        lat: String,
        lon: String,
        population: String,
        city: String,
    },
    Organisation {
        rec: Organisation,
        place: Picker,
    },
    Agreement {
        rec: Agreement,
        programme: Picker,
        party: Picker,
        year: String,
    },
    Source {
        rec: Source,
    },
}

fn opt_text(ui: &mut egui::Ui, label: &str, value: &mut Option<String>, hint: &str) {
    let mut s = value.clone().unwrap_or_default();
    text(ui, label, &mut s, hint);
    let t = s.trim();
    *value = (!t.is_empty()).then(|| s.clone());
}

fn status(ui: &mut egui::Ui, value: &mut Status) {
    ui.horizontal_wrapped(|ui| {
        ui.weak("Status");
        for s in Status::ALL {
            ui.radio_value(value, s, s.label());
        }
    });
}

/// An optional year typed as text: empty is `None`.
fn year(text: &str, field: &str) -> Result<Option<i32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .map(Some)
        .ok_or_else(|| format!("{field}: “{t}” is not a year between 1900 and 2100"))
}

/// A partial date typed as 2026, 2026-11 or 2026-11-20.
pub fn partial_date(text: &str) -> Result<PartialDate, String> {
    let t = text.trim();
    if !super::cite::date_ok(t) {
        return Err(format!(
            "When: “{t}” is not a date; write 2026, 2026-11 or 2026-11-20"
        ));
    }
    let mut parts = t.split('-').map(|p| p.parse::<i32>().unwrap_or(0));
    let year = parts.next().unwrap_or(0);
    let month = parts.next().and_then(|m| u8::try_from(m).ok());
    let day = parts.next().and_then(|d| u8::try_from(d).ok());
    Ok(PartialDate { year, month, day })
}

fn coordinate(text: &str, field: &str, max: f64) -> Result<f64, String> {
    let t = text.trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && v.abs() <= max)
        .ok_or_else(|| format!("{field}: “{t}” is not a number between −{max} and {max}"))
}

impl Draft {
    /// Draws the fields.
    pub fn show(&mut self, ui: &mut egui::Ui, store: &Store) {
        match self {
            Draft::Milestone {
                date, title, place, ..
            } => {
                text(ui, "When", date, "2026, 2026-11 or 2026-11-20");
                text(ui, "What happened", title, "Workshop in Sejong");
                ui.weak("Where (optional)");
                picker::show(ui, "a place", place, &picker::places(store), store, true);
            }
            Draft::Partnership {
                rec,
                programme,
                a,
                b,
                themes,
                since,
            } => {
                text(
                    ui,
                    "Partnership name",
                    &mut rec.name,
                    "Belfast – Sejong (empty: from its ends)",
                );
                ui.weak("Programme");
                picker::show(
                    ui,
                    "a programme",
                    programme,
                    &picker::programmes(store),
                    store,
                    false,
                );
                ui.weak("European side");
                picker::show(
                    ui,
                    "the European side",
                    a,
                    &picker::ends(store),
                    store,
                    false,
                );
                ui.weak("Korean side");
                picker::show(ui, "the Korean side", b, &picker::ends(store), store, false);
                text(ui, "Themes", themes, "comma-separated: AI, energy");
                text(ui, "Since", since, "the year it started");
                status(ui, &mut rec.status);
                text(ui, "Description", &mut rec.description, "in your own words");
            }
            Draft::Place {
                rec,
                lat,
                lon,
                population,
                city,
            } => {
                super::cities::picker(ui, city, rec, lat, lon, population);
                text(ui, "Place name", &mut rec.name, "English name");
                opt_text(
                    ui,
                    "한국어 name",
                    &mut rec.name_ko,
                    "Hangul, where a source gives one",
                );
                text(ui, "Country", &mut rec.country, "KR, GB, DK …");
                opt_text(ui, "Region", &mut rec.region, "GeoNames admin-1 name");
                text(ui, "Latitude", lat, "−90 to 90");
                text(ui, "Longitude", lon, "−180 to 180");
                text(ui, "Population", population, "optional");
                ui.horizontal_wrapped(|ui| {
                    ui.weak("Kind");
                    for (k, w) in [
                        (PlaceKind::City, "city"),
                        (PlaceKind::CityRegion, "city region"),
                        (PlaceKind::Region, "region"),
                        (PlaceKind::Country, "country"),
                    ] {
                        ui.radio_value(&mut rec.kind, k, w);
                    }
                });
            }
            Draft::Organisation { rec, place } => {
                text(ui, "Organisation name", &mut rec.name, "English name");
                opt_text(ui, "한국어 name", &mut rec.name_ko, "Hangul name");
                opt_text(ui, "Short name", &mut rec.short_name, "KAIST, JRC …");
                text(ui, "Country", &mut rec.country, "KR, GB, DK, EU …");
                ui.weak("Where it sits (optional)");
                picker::show(ui, "a place", place, &picker::places(store), store, true);
                egui::ComboBox::from_label("Kind")
                    .selected_text(format!("{:?}", rec.kind))
                    .show_ui(ui, |ui| {
                        for k in [
                            OrgKind::University,
                            OrgKind::ResearchInstitute,
                            OrgKind::Agency,
                            OrgKind::Ministry,
                            OrgKind::Government,
                            OrgKind::LocalGovernment,
                            OrgKind::International,
                            OrgKind::Cluster,
                            OrgKind::Company,
                            OrgKind::Other,
                        ] {
                            ui.selectable_value(&mut rec.kind, k, format!("{k:?}"));
                        }
                    });
                text(ui, "Description", &mut rec.description, "in your own words");
            }
            Draft::Agreement {
                rec,
                programme,
                party,
                year,
            } => {
                text(ui, "Title", &mut rec.title, "MoU on …");
                egui::ComboBox::from_label("Kind")
                    .selected_text(format!("{:?}", rec.kind))
                    .show_ui(ui, |ui| {
                        for k in [
                            AgreementKind::Mou,
                            AgreementKind::Moc,
                            AgreementKind::JointStatement,
                            AgreementKind::ActionPlan,
                            AgreementKind::Treaty,
                            AgreementKind::Other,
                        ] {
                            ui.selectable_value(&mut rec.kind, k, format!("{k:?}"));
                        }
                    });
                ui.weak("Parties");
                let mut drop = None;
                for (i, id) in rec.parties.iter().enumerate() {
                    ui.horizontal(|ui| {
                        ui.label(store.display_name(id));
                        if ui.small_button("Remove").clicked() {
                            drop = Some(i);
                        }
                    });
                }
                if let Some(i) = drop {
                    rec.parties.remove(i);
                }
                if picker::show(ui, "a party", party, &picker::ends(store), store, false)
                    && let Some(id) = party.value.take()
                    && !rec.parties.contains(&id)
                {
                    rec.parties.push(id);
                }
                text(ui, "Year", year, "the year given for it");
                status(ui, &mut rec.status);
                ui.weak("Programme (optional)");
                picker::show(
                    ui,
                    "a programme",
                    programme,
                    &picker::programmes(store),
                    store,
                    true,
                );
                opt_text(ui, "Note", &mut rec.note, "optional");
            }
            Draft::Source { rec } => {
                text(ui, "Title", &mut rec.title, "the document's title");
                text(ui, "Publisher", &mut rec.publisher, "who published it");
                text(ui, "Date", &mut rec.date, "2026-11-20");
                opt_text(ui, "URL", &mut rec.url, "https://…");
                opt_text(ui, "As of", &mut rec.retrieved, "when its data were taken");
                opt_text(
                    ui,
                    "Note",
                    &mut rec.note,
                    "a document reference, how it was read",
                );
            }
        }
    }

    /// The record with its fields parsed (citations are set by the caller), or what is wrong.
    pub fn record(&self, store: &Store, adding: bool) -> Result<Built, String> {
        Ok(match self {
            Draft::Milestone {
                on,
                index,
                date,
                title,
                place,
            } => Built::Milestone {
                on: on.clone(),
                index: *index,
                milestone: Milestone {
                    date: partial_date(date)?,
                    title: title.trim().to_owned(),
                    place: place.value.clone(),
                    sources: Vec::new(),
                },
            },
            Draft::Partnership {
                rec,
                programme,
                a,
                b,
                themes,
                since,
            } => {
                let mut r = rec.clone();
                r.programme = programme.value.clone().ok_or("Programme: choose one")?;
                r.a = a
                    .value
                    .clone()
                    .ok_or("European side: choose a place or organisation")?;
                r.b = b
                    .value
                    .clone()
                    .ok_or("Korean side: choose a place or organisation")?;
                if r.name.trim().is_empty() {
                    r.name = format!(
                        "{} – {}",
                        store.display_name(&r.a),
                        store.display_name(&r.b)
                    );
                }
                r.themes = themes
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_owned)
                    .collect();
                r.since = year(since, "Since")?;
                if adding {
                    r.id = super::new_id(store, "pair", &r.name);
                }
                Built::Record(super::Record::Partnership(r))
            }
            Draft::Place {
                rec,
                lat,
                lon,
                population,
                ..
            } => {
                let mut r = rec.clone();
                if r.name.trim().is_empty() {
                    return Err("Place name: a place needs a name".to_owned());
                }
                r.lat = coordinate(lat, "Latitude", 90.0)?;
                r.lon = coordinate(lon, "Longitude", 180.0)?;
                let p = population.trim().replace([',', ' '], "");
                r.population =
                    if p.is_empty() {
                        None
                    } else {
                        Some(p.parse().map_err(|_| {
                            format!("Population: “{population}” is not a whole number")
                        })?)
                    };
                r.country = r.country.trim().to_uppercase();
                if adding {
                    r.id = super::new_id(store, "place", &r.name);
                }
                Built::Record(super::Record::Place(r))
            }
            Draft::Organisation { rec, place } => {
                let mut r = rec.clone();
                if r.name.trim().is_empty() {
                    return Err("Organisation name: an organisation needs a name".to_owned());
                }
                r.place = place.value.clone();
                r.country = r.country.trim().to_uppercase();
                if adding {
                    r.id = super::new_id(store, "org", &r.name);
                }
                Built::Record(super::Record::Organisation(r))
            }
            Draft::Agreement {
                rec,
                programme,
                year: y,
                ..
            } => {
                let mut r = rec.clone();
                if r.title.trim().is_empty() {
                    return Err("Title: an agreement needs a title".to_owned());
                }
                r.programme = programme.value.clone();
                r.year = year(y, "Year")?;
                if adding {
                    r.id = super::new_id(store, "agreement", &r.title);
                }
                Built::Record(super::Record::Agreement(r))
            }
            Draft::Source { rec } => {
                let mut r = rec.clone();
                if r.title.trim().is_empty() {
                    return Err("Title: a source needs a title".to_owned());
                }
                if adding {
                    r.id = super::new_id(store, "source", &r.title);
                }
                Built::Record(super::Record::Source(r))
            }
        })
    }
}

/// What a draft becomes.
pub enum Built {
    Record(super::Record),
    Milestone {
        on: String,
        index: Option<usize>,
        milestone: Milestone,
    },
}
