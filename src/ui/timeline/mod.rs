//! The timeline view: programmes as lanes over the years; milestones, workshops, launches and
//! agreements (signed, TBC) as dated marks; programme periods and partnerships "since" as
//! spans; what the sources give no date for listed apart, below.
//!
//! It takes the network's filter (the same programmes, countries, themes and statuses are left
//! out) and the app's as-of year, drawn as a cursor. Clicking a mark selects its record;
//! dragging the cursor or clicking the axis asks the app to move the as-of year
//! ([`Command::SetAsOfYear`]). Nothing animates, so nothing repaints while idle.

mod camera;
mod canvas;
mod draw;
mod glyph;
mod layout;
mod text;
mod undated;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::network::Filter;
use crate::analysis::timeline::Timeline;
use crate::model::Store;
use crate::ui::{Command, ViewCtx};

pub use camera::TimeCamera;

/// The timeline view's state: what it shows is built from the store each time the store or the
/// filter changes; the camera persists.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TimelineView {
    /// The visible years; `None` until the first frame fits everything.
    pub camera: Option<TimeCamera>,
    /// True once the user panned or zoomed: until then (and after "Fit all") the camera
    /// follows the data, so a new store or filter is shown whole.
    pub moved: bool,
    /// The camera that follows the data fits every dated item ("Fit all"), not just the
    /// years where most of them are ([`Timeline::core_range`]).
    pub whole: bool,
    /// Hide the list of items with no date.
    pub hide_undated: bool,
    #[serde(skip)]
    live: Live,
}

impl std::fmt::Debug for TimelineView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TimelineView")
            .field("camera", &self.camera)
            .field("moved", &self.moved)
            .field("whole", &self.whole)
            .field("hide_undated", &self.hide_undated)
            .finish_non_exhaustive()
    }
}

/// Frame-to-frame state that is not saved.
#[derive(Default)]
struct Live {
    /// The timeline, for the store and filter it was built from.
    built: Option<(Key, Arc<Timeline>)>,
    /// How far the lanes are scrolled up, in points (when they overflow the canvas).
    scroll_y: f32,
    /// The last year sent while the cursor is dragged (one command per year crossed).
    dragged_year: Option<i32>,
}

/// What a built timeline depends on: the store's lists (by address and length; a replaced or
/// reloaded store has new ones) and the filter.
#[derive(Clone, PartialEq)]
struct Key {
    lists: [(usize, usize); 6],
    filter: Filter,
}

impl Key {
    fn of(store: &Store, filter: &Filter) -> Self {
        Self {
            lists: [
                (store.programmes.as_ptr() as usize, store.programmes.len()),
                (
                    store.partnerships.as_ptr() as usize,
                    store.partnerships.len(),
                ),
                (store.cohorts.as_ptr() as usize, store.cohorts.len()),
                (store.agreements.as_ptr() as usize, store.agreements.len()),
                (store.places.as_ptr() as usize, store.places.len()),
                (
                    store.organisations.as_ptr() as usize,
                    store.organisations.len(),
                ),
            ],
            filter: filter.clone(),
        }
    }
}

/// The zoom step of the + and − buttons.
const ZOOM_STEP: f64 = 1.5;

impl TimelineView {
    /// Shows the view in `ui` (filling it) and returns what the app should do. `filter` is the
    /// network's filter (its `year` is not read); `as_of_year` is where the cursor stands.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewCtx<'_>,
        filter: &Filter,
        as_of_year: Option<i32>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        let timeline = self.timeline(ctx.store, filter);
        self.toolbar(ui, &timeline, as_of_year, &mut commands);
        if !self.hide_undated && !timeline.undated.is_empty() {
            undated::panel(ui, &timeline, ctx, &mut commands);
        }
        self.canvas(ui, &timeline, ctx, as_of_year, &mut commands);
        commands
    }

    /// Tells the view the store was edited in place (a replaced or reloaded store is noticed
    /// by itself).
    pub fn store_changed(&mut self) {
        self.live.built = None;
    }

    /// Shows every dated item again, and follows the data until the user moves the camera.
    pub fn fit_all(&mut self) {
        self.camera = None;
        self.moved = false;
        self.whole = true;
    }

    /// True when "Fit all" would change what is shown.
    fn can_fit_all(&self, timeline: &Timeline) -> bool {
        self.moved || (!self.whole && timeline.core_range() != timeline.range())
    }

    /// The timeline for this store and filter, built when either changed.
    fn timeline(&mut self, store: &Store, filter: &Filter) -> Arc<Timeline> {
        let key = Key::of(store, filter);
        if let Some((k, t)) = &self.live.built
            && *k == key
        {
            return Arc::clone(t);
        }
        let t = Arc::new(Timeline::build(store, filter));
        self.live.built = Some((key, Arc::clone(&t)));
        t
    }

    /// The camera: the saved one if the user moved it, else one that fits the years where most
    /// items are (or, after "Fit all", every item).
    fn camera_for(&self, timeline: &Timeline) -> TimeCamera {
        match (self.moved, self.camera) {
            (true, Some(cam)) => cam.sanitised(),
            _ => {
                let range = if self.whole {
                    timeline.range()
                } else {
                    timeline.core_range()
                };
                range.map_or_else(TimeCamera::default, |(lo, hi)| TimeCamera::fit(lo, hi))
            }
        }
    }

    fn zoom_by(&mut self, timeline: &Timeline, factor: f64) {
        let mut cam = self.camera_for(timeline);
        cam.zoom_at(0.5 * (cam.start + cam.end), factor);
        self.camera = Some(cam);
        self.moved = true;
    }

    /// Zoom, fit, the as-of year and the undated list's switch.
    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        timeline: &Timeline,
        as_of_year: Option<i32>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("−")
                .on_hover_text("Zoom out (or scroll down / pinch over the timeline)")
                .clicked()
            {
                self.zoom_by(timeline, 1.0 / ZOOM_STEP);
            }
            if ui
                .button("+")
                .on_hover_text("Zoom in (or scroll up / pinch over the timeline)")
                .clicked()
            {
                self.zoom_by(timeline, ZOOM_STEP);
            }
            if ui
                .add_enabled(self.can_fit_all(timeline), egui::Button::new("Fit all"))
                .on_hover_text("Show every dated item")
                .clicked()
            {
                self.fit_all();
            }
            ui.separator();
            let years = cursor_years(timeline);
            let mut on = as_of_year.is_some();
            let tip = "The same as-of year as the network's: drag the cursor or click the axis \
                       to move it";
            if ui
                .checkbox(&mut on, "As of year")
                .on_hover_text(tip)
                .changed()
            {
                let year = years.map_or(2024, |(_, hi)| hi);
                commands.push(Command::SetAsOfYear(on.then_some(year)));
            }
            if let Some(mut year) = as_of_year {
                let before = year;
                let range = years.map_or(year..=year, |(lo, hi)| lo.min(year)..=hi.max(year));
                ui.add(egui::DragValue::new(&mut year).range(range).speed(0.1))
                    .on_hover_text(tip);
                if year != before {
                    commands.push(Command::SetAsOfYear(Some(year)));
                }
            }
            ui.separator();
            glyph::legend(ui);
            ui.separator();
            let n = timeline.undated.len();
            let mut show = !self.hide_undated;
            ui.add_enabled(
                n > 0,
                egui::Checkbox::new(&mut show, format!("Undated ({n})")),
            )
            .on_hover_text(
                "List the items the sources give no date for (never placed on the axis)",
            );
            self.hide_undated = !show;
        });
    }
}

/// The years the cursor can stand at: from the first to the last year with a dated item.
fn cursor_years(timeline: &Timeline) -> Option<(i32, i32)> {
    let (lo, hi) = timeline.range()?;
    let lo = lo.floor() as i32;
    let hi = ((hi - 1e-9).floor() as i32).max(lo);
    Some((lo, hi))
}
