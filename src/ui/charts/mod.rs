//! The charts view: R&D spending, patent shares, the ATI report's findings and Korea's policy
//! budgets, each with its title, units, legend, hover, source line and exports.
//!
//! The view reads the store through [`ViewCtx`] and returns [`Command`]s. The data of every
//! chart comes from [`crate::analysis`]; this module only draws it and handles input.

mod bars;
mod budget_table;
mod budgets;
pub mod compare;
mod controls;
pub mod export;
mod files;
mod findings;
mod line;
mod table_view;
mod values;
mod widgets;

use std::collections::BTreeSet;
use std::path::PathBuf;

use egui::{Pos2, Rect, RichText, Ui};

use crate::analysis::charts::built::{self, Built, Choice};
use crate::model::Store;
use crate::ui::{Command, ViewCtx};

pub use crate::analysis::charts::ChartKind;
pub use export::ExportError;
pub use widgets::economy_colour;
use widgets::{
    cell, column_widths, fitted_table, legend_layout, plot_width, source_footer, source_selector,
    top_source_line,
};

/// Below this width (in points) legends go under their plots instead of beside them.
const NARROW: f32 = 700.0;

/// Size of small print (source lines, notes): large enough that thin glyphs such as "—" and
/// "_" still show.
const SMALL_TEXT: f32 = 11.5;

/// A point of a line chart: a series and a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointRef {
    /// The series id.
    pub series_id: String,
    /// The year.
    pub year: i32,
}

/// What the view shows of a chart: the chart, or the table of its values (as OWID does).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    /// The chart, with its legend and the values of the chosen year.
    #[default]
    Chart,
    /// Every value the chart shows, with a citation per source.
    Table,
}

/// Where the last frame drew things, for hit tests, PNG crops and tests.
#[derive(Clone, Debug, Default)]
struct Geometry {
    /// The chart card (title to source line), in points.
    card: Option<Rect>,
    /// Every drawn point of the line chart: series id, year, screen position.
    points: Vec<(String, i32, Pos2)>,
    /// The category labels under the sector bars: text and where it was drawn.
    axis_labels: Vec<(String, Rect)>,
}

/// The charts view. Its remembered settings are serialised with the app's state; caches and
/// work in progress are not.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ChartsView {
    /// The chart shown.
    kind: ChartKind,
    /// Chart or table.
    tab: Tab,
    /// The source of the R&D chart (a source id).
    rd_source: Option<String>,
    /// Whether the R&D chart also shows BERD.
    rd_berd: bool,
    /// The WIPO sector of the patent trend chart.
    patent_field: Option<String>,
    /// The source of the patent trend chart.
    patent_source: Option<String>,
    /// The year of the value table and of the sector bars.
    year: Option<i32>,
    /// Economy codes whose series are drawn.
    shown: BTreeSet<String>,
    /// The year the source comparison shows, per figure, as last chosen.
    compare_years: std::collections::BTreeMap<String, i32>,

    #[serde(skip)]
    geometry: Geometry,
    /// The point under the pointer, this frame.
    #[serde(skip)]
    hovered: Option<PointRef>,
    /// The point last clicked (or whose table row was clicked).
    #[serde(skip)]
    picked: Option<PointRef>,
    /// File actions in progress: prompts, import preview, pending PNG.
    #[serde(skip)]
    files: files::FilesState,
}

impl Default for ChartsView {
    fn default() -> Self {
        Self {
            kind: ChartKind::default(),
            tab: Tab::default(),
            rd_source: None,
            rd_berd: true,
            patent_field: None,
            patent_source: None,
            year: None,
            shown: ["KOR", "EUU"].into_iter().map(str::to_owned).collect(),
            compare_years: std::collections::BTreeMap::new(),
            geometry: Geometry::default(),
            hovered: None,
            picked: None,
            files: files::FilesState::default(),
        }
    }
}

impl ChartsView {
    /// The chart shown.
    pub fn kind(&self) -> ChartKind {
        self.kind
    }

    /// Shows another chart.
    pub fn set_kind(&mut self, kind: ChartKind) {
        if self.kind != kind {
            self.kind = kind;
            self.hovered = None;
            self.picked = None;
        }
    }

    /// Chooses the R&D chart's source by id.
    pub fn set_rd_source(&mut self, source: &str) {
        self.rd_source = Some(source.to_owned());
    }

    /// Shows or hides an economy's series (by economy code).
    pub fn set_shown(&mut self, economy: &str, shown: bool) {
        if shown {
            self.shown.insert(economy.to_owned());
        } else {
            self.shown.remove(economy);
        }
    }

    /// Picks a point as a click on it would (shows its value and source under the chart).
    pub fn pick(&mut self, series_id: &str, year: i32) {
        self.picked = Some(PointRef {
            series_id: series_id.to_owned(),
            year,
        });
    }

    /// The point clicked last (on the chart or in the value table).
    pub fn picked(&self) -> Option<&PointRef> {
        self.picked.as_ref()
    }

    /// Where the last frame drew a point of the line chart, in points (for tests and
    /// automation that hover or click it).
    pub fn point_position(&self, series_id: &str, year: i32) -> Option<Pos2> {
        self.geometry
            .points
            .iter()
            .find(|(id, y, _)| id == series_id && *y == year)
            .map(|(_, _, p)| *p)
    }

    /// Chart or table.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// Shows the chart or the table of its values.
    pub fn set_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    /// The category labels drawn under the sector bars last frame, with their rectangles.
    pub fn axis_labels(&self) -> &[(String, Rect)] {
        &self.geometry.axis_labels
    }

    /// The rectangle of the chart card (title to source line) drawn last frame.
    pub fn chart_rect(&self) -> Option<Rect> {
        self.geometry.card
    }

    /// Shows the view; returns what it asks the app to do.
    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        self.files.poll_png(ui.ctx(), &mut commands);
        self.tabs(ui);
        ui.separator();
        let built = self.build(ctx.store);
        egui::ScrollArea::vertical()
            .id_salt("charts-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.controls(ui, ctx.store, &built);
                if self.kind == ChartKind::RdSpending {
                    // Every source of the same figure side by side for one year.
                    let key = crate::analysis::charts::GERD;
                    let out = compare::show(
                        ui,
                        ctx,
                        key,
                        &self.shown,
                        self.compare_years.get(key).copied(),
                    );
                    if let Some(y) = out.year {
                        self.compare_years.insert(key.to_owned(), y);
                    }
                    commands.extend(out.commands);
                }
                ui.add_space(4.0);
                let title = built.title_and_source(self.kind, &self.shown);
                if self.tab == Tab::Table {
                    ui.heading(&title.0);
                    commands.extend(table_view::show(ui, &built.table(&self.shown)));
                    self.geometry.card = None;
                    self.geometry.points.clear();
                    self.geometry.axis_labels.clear();
                    self.hovered = None;
                } else {
                    self.chart_tab(ui, ctx, &built, &mut commands);
                }
                ui.add_space(8.0);
                let visible = ui.clip_rect();
                let card = self.geometry.card.map(|c| (c, visible));
                self.files.ui(ui, ctx, &title, card, &mut commands);
            });
        commands
    }

    /// The Chart tab: the card (title to source line), the readout and the value tables.
    fn chart_tab(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx<'_>,
        built: &Built,
        commands: &mut Vec<Command>,
    ) {
        let title = built.title_and_source(self.kind, &self.shown);
        // A PNG of a card taller than the window would lose the source line at its foot, so
        // while capturing such a card the source also goes under its title.
        let visible = ui.clip_rect();
        let clipped = self
            .geometry
            .card
            .is_some_and(|c| c.bottom() > visible.bottom() || c.top() < visible.top());
        let top_source = (self.files.capturing() && clipped).then_some(title.1.as_str());
        let card = egui::Frame::new()
            .fill(ui.visuals().panel_fill)
            .inner_margin(egui::Margin::same(10))
            .show(ui, |ui| self.card(ui, ctx, built, top_source, commands));
        self.geometry.card = Some(card.response.rect);
        self.readout(ui, built);
        self.values(ui, ctx, built, commands);
        if let Built::Budgets(rows) = built
            && let Some(id) = budget_table::show(ui, ctx, rows)
        {
            commands.push(Command::Select(id));
        }
    }

    fn tabs(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            for kind in ChartKind::ALL {
                if ui
                    .selectable_label(self.kind == kind, kind.label())
                    .clicked()
                {
                    self.set_kind(kind);
                }
            }
            ui.separator();
            for (tab, label, hover) in [
                (
                    Tab::Chart,
                    "Chart",
                    "The chart, its legend and the values of one year.",
                ),
                (
                    Tab::Table,
                    "Table",
                    "Every value the chart shows, with its sources.",
                ),
            ] {
                if ui
                    .selectable_label(self.tab == tab, label)
                    .on_hover_text(hover)
                    .clicked()
                {
                    self.tab = tab;
                }
            }
        });
    }

    /// The choices that decide what the chart shows.
    fn choice(&self) -> Choice<'_> {
        Choice {
            kind: self.kind,
            rd_source: self.rd_source.as_deref(),
            rd_berd: self.rd_berd,
            patent_field: self.patent_field.as_deref(),
            patent_source: self.patent_source.as_deref(),
            year: self.year,
            shown: &self.shown,
        }
    }

    /// The R&D source in use: the remembered one if the store still has it, else the first.
    fn rd_source_in_use(&self, store: &Store) -> Option<String> {
        built::rd_source_in_use(store, self.rd_source.as_deref())
    }

    fn patent_field_in_use(&self, store: &Store) -> Option<String> {
        built::patent_field_in_use(store, self.patent_field.as_deref())
    }

    fn patent_source_in_use(&self, store: &Store, field: &str) -> Option<String> {
        built::patent_source_in_use(store, self.patent_source.as_deref(), field)
    }

    fn year_in_use(&self, years: &[i32], korea_years: &[i32]) -> Option<i32> {
        built::year_in_use(self.year, years, korea_years)
    }

    fn build(&self, store: &Store) -> Built {
        Built::of(store, &self.choice())
    }

    fn card(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx<'_>,
        built: &Built,
        top_source: Option<&str>,
        commands: &mut Vec<Command>,
    ) {
        let capturing = self.files.capturing();
        self.geometry.axis_labels.clear();
        match built {
            Built::Line(chart) => {
                let picked = self.picked.clone();
                let out = line::show(
                    ui,
                    ctx,
                    chart,
                    &mut self.shown,
                    picked.as_ref(),
                    capturing,
                    top_source,
                );
                self.geometry.points = out.points;
                self.hovered = out.hovered;
                if let Some(p) = out.clicked {
                    commands.push(Command::Select(p.series_id.clone()));
                    self.picked = Some(p);
                }
                if let Some(id) = out.selected_series {
                    commands.push(Command::Select(id));
                }
            }
            Built::Bars(chart, year) => {
                self.geometry.points.clear();
                self.hovered = None;
                let (clicked, labels) = bars::show(
                    ui,
                    ctx,
                    chart,
                    *year,
                    &mut self.shown,
                    capturing,
                    top_source,
                );
                self.geometry.axis_labels = labels;
                if let Some(id) = clicked {
                    commands.push(Command::Select(id));
                }
            }
            Built::Findings(sections) => {
                self.geometry.points.clear();
                self.hovered = None;
                if let Some(id) = findings::show(ui, ctx, self.kind, sections, top_source) {
                    commands.push(Command::Select(id));
                }
            }
            Built::Budgets(rows) => {
                self.geometry.points.clear();
                self.hovered = None;
                if let Some(id) = budgets::show(ui, ctx, rows, capturing, top_source) {
                    commands.push(Command::Select(id));
                }
            }
        }
    }

    /// The line under the chart: what is hovered, else what was clicked.
    fn readout(&self, ui: &mut Ui, built: &Built) {
        let Built::Line(chart) = built else { return };
        let point = self.hovered.as_ref().or(self.picked.as_ref());
        let text = point.and_then(|p| chart.series(&p.series_id)?.describe(p.year));
        ui.horizontal_wrapped(|ui| match text {
            Some(t) => {
                ui.label(RichText::new(if self.hovered.is_some() { "Hovered:" } else { "Selected:" }).strong());
                ui.label(t.replace('\n', " · "));
            }
            None => {
                ui.weak("Hover a point for its value, year, economy and source; click it to show the series in the details panel.");
            }
        });
    }

    /// What the chart shows, as CSV bytes with a citation line per source (the rows of the
    /// Table tab), and how many rows of values it has.
    pub fn export_csv_bytes(&self, store: &Store) -> Result<(Vec<u8>, usize), ExportError> {
        let table = self.build(store).table(&self.shown);
        Ok((table.to_csv()?, table.rows.len()))
    }

    /// Asks for a PNG of the chart card at `path`; it is written a frame or two later, when the
    /// screenshot arrives, and a status message says so.
    pub fn request_png(&mut self, path: PathBuf) {
        self.files.request_png(path);
    }

    /// Shows the import preview of an indicator CSV the App read (nothing changes until the
    /// user applies it). Status messages, if any, are returned.
    pub fn preview_import(
        &mut self,
        store: &Store,
        path: PathBuf,
        bytes: std::sync::Arc<[u8]>,
    ) -> Vec<Command> {
        let mut commands = Vec::new();
        self.files.preview(
            store,
            path,
            bytes,
            crate::store::csv_import::ImportOptions::default(),
            &mut commands,
        );
        commands
    }
}
