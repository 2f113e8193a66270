//! The charts view: R&D spending, patent shares, the ATI report's findings and Korea's policy
//! budgets, each with its title, units, legend, hover, source line and exports.
//!
//! The view reads the store through [`ViewCtx`] and returns [`Command`]s. The data of every
//! chart comes from [`crate::analysis`]; this module only draws it and handles input.

mod bars;
mod budgets;
pub mod compare;
pub mod export;
mod files;
mod findings;
mod line;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{Color32, Pos2, Rect, RichText, Ui};

use crate::analysis::charts::{budgets as budget_data, findings as finding_data, table};
use crate::analysis::series::{
    self, BarChartData, ECONOMY_ORDER, Emphasis, LineChartData, RdSelection,
};
use crate::model::Store;
use crate::ui::{Command, ViewCtx, theme};

pub use export::ExportError;

/// Below this width (in points) legends go under their plots instead of beside them.
const NARROW: f32 = 700.0;

/// Size of small print (source lines, notes): large enough that thin glyphs such as "—" and
/// "_" still show.
const SMALL_TEXT: f32 = 11.5;

/// The charts the view can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChartKind {
    /// GERD (and BERD) as % of GDP over time.
    #[default]
    RdSpending,
    /// Share of world PCT applications in one WIPO sector over time.
    PatentTrend,
    /// Share of world PCT applications by WIPO sector in one year.
    PatentSectors,
    /// The ATI report's findings on patents and specialisation by technology field.
    TechnologyFindings,
    /// The ATI report's findings on exports, trade balance and venture capital.
    MarketFindings,
    /// Korea's policy budgets as stated in the ATI report.
    PolicyBudgets,
}

impl ChartKind {
    /// Every chart, in the order of the tabs.
    pub const ALL: [ChartKind; 6] = [
        ChartKind::RdSpending,
        ChartKind::PatentTrend,
        ChartKind::PatentSectors,
        ChartKind::TechnologyFindings,
        ChartKind::MarketFindings,
        ChartKind::PolicyBudgets,
    ];

    /// The tab label.
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::RdSpending => "R&D spending",
            ChartKind::PatentTrend => "Patent shares over time",
            ChartKind::PatentSectors => "Patent shares by sector",
            ChartKind::TechnologyFindings => "ATI: technology fields",
            ChartKind::MarketFindings => "ATI: trade & investment",
            ChartKind::PolicyBudgets => "Policy budgets",
        }
    }

    /// A file name stem for exports.
    pub fn file_stem(self) -> &'static str {
        match self {
            ChartKind::RdSpending => "rd-spending",
            ChartKind::PatentTrend => "patent-shares-over-time",
            ChartKind::PatentSectors => "patent-shares-by-sector",
            ChartKind::TechnologyFindings => "ati-technology-findings",
            ChartKind::MarketFindings => "ati-trade-investment-findings",
            ChartKind::PolicyBudgets => "policy-budgets",
        }
    }
}

/// A point of a line chart: a series and a year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointRef {
    /// The series id.
    pub series_id: String,
    /// The year.
    pub year: i32,
}

/// Where the last frame drew things, for hit tests, PNG crops and tests.
#[derive(Clone, Debug, Default)]
struct Geometry {
    /// The chart card (title to source line), in points.
    card: Option<Rect>,
    /// Every drawn point of the line chart: series id, year, screen position.
    points: Vec<(String, i32, Pos2)>,
}

/// The charts view. Its remembered settings are serialised with the app's state; caches and
/// work in progress are not.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ChartsView {
    /// The chart shown.
    kind: ChartKind,
    /// The source of the R&D chart (a source id).
    rd_source: Option<String>,
    /// Whether the R&D chart also shows BERD.
    rd_berd: bool,
    /// The WIPO sector of the patent trend chart.
    patent_field: Option<String>,
    /// The source of the patent trend chart.
    patent_source: Option<String>,
    /// The year chosen on each chart (by [`ChartKind::file_stem`]; `compare-…` for a source
    /// comparison), so every chart reopens on its own year.
    years: std::collections::BTreeMap<String, i32>,
    /// Economy codes whose series are drawn.
    shown: BTreeSet<String>,

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
            rd_source: None,
            rd_berd: true,
            patent_field: None,
            patent_source: None,
            years: Default::default(),
            shown: ["KOR", "EUU"].into_iter().map(str::to_owned).collect(),
            geometry: Geometry::default(),
            hovered: None,
            picked: None,
            files: files::FilesState::default(),
        }
    }
}

/// What one frame's chart produced, for the value table, exports and the source line.
enum Built {
    Line(LineChartData),
    Bars(BarChartData, i32),
    Findings(Vec<finding_data::FindingSection>),
    Budgets(Vec<budget_data::BudgetRow>),
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

    /// Turns the system file dialogs off (tests, machines without a portal): file actions then
    /// ask for a path in the view itself.
    pub fn set_system_dialogs(&mut self, on: bool) {
        self.files.system_dialogs = on;
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
                    let key = "compare-gerd";
                    let out = compare::show(
                        ui,
                        ctx,
                        series::GERD,
                        &self.shown,
                        self.years.get(key).copied(),
                    );
                    if let Some(y) = out.year {
                        self.years.insert(key.to_owned(), y);
                    }
                    commands.extend(out.commands);
                }
                ui.add_space(4.0);
                let title = self.title_and_source(&built);
                // A PNG of a card taller than the window would lose the source line at its
                // foot, so while capturing such a card the source also goes under its title.
                let visible = ui.clip_rect();
                let clipped = self
                    .geometry
                    .card
                    .is_some_and(|c| c.bottom() > visible.bottom() || c.top() < visible.top());
                let top_source = (self.files.capturing() && clipped).then_some(title.1.as_str());
                let card = egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::same(10))
                    .show(ui, |ui| {
                        self.card(ui, ctx, &built, top_source, &mut commands)
                    });
                self.geometry.card = Some(card.response.rect);
                self.readout(ui, &built);
                self.values(ui, ctx, &built, &mut commands);
                if let Built::Budgets(rows) = &built
                    && let Some(id) = budgets::table(ui, ctx, rows)
                {
                    commands.push(Command::Select(id));
                }
                ui.add_space(8.0);
                let table = self.export_table(&built);
                let card = self.geometry.card.map(|c| (c, visible));
                self.files
                    .ui(ui, ctx, self.kind, &table, &title, card, &mut commands);
            });
        commands
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
        });
    }

    /// The R&D source in use: the remembered one if the store still has it, else the first.
    fn rd_source_in_use(&self, store: &Store) -> Option<String> {
        let choices = series::source_choices(store, series::GERD, None);
        self.rd_source
            .as_ref()
            .filter(|s| choices.iter().any(|c| &c.id == *s))
            .cloned()
            .or_else(|| choices.first().map(|c| c.id.clone()))
    }

    fn patent_field_in_use(&self, store: &Store) -> Option<String> {
        let fields = series::fields_of(store, series::PCT_SHARE);
        self.patent_field
            .as_ref()
            .filter(|f| fields.contains(f))
            .cloned()
            .or_else(|| fields.first().cloned())
    }

    fn patent_source_in_use(&self, store: &Store, field: &str) -> Option<String> {
        let choices = series::source_choices(store, series::PCT_SHARE, Some(field));
        self.patent_source
            .as_ref()
            .filter(|s| choices.iter().any(|c| &c.id == *s))
            .cloned()
            .or_else(|| choices.first().map(|c| c.id.clone()))
    }

    /// The year in use for a set of available years: the one remembered for this chart if
    /// available, else the opening year (see [`Self::line_years`]), else the last year.
    fn year_in_use(&self, years: &[i32], korea_years: &[i32]) -> Option<i32> {
        self.years
            .get(self.kind.file_stem())
            .copied()
            .filter(|y| years.contains(y))
            .or_else(|| korea_years.last().copied())
            .or_else(|| years.last().copied())
    }

    fn build(&self, store: &Store) -> Built {
        match self.kind {
            ChartKind::RdSpending => {
                let source = self.rd_source_in_use(store).unwrap_or_default();
                Built::Line(series::rd_chart(
                    store,
                    &RdSelection {
                        source: &source,
                        berd: self.rd_berd,
                    },
                ))
            }
            ChartKind::PatentTrend => {
                let field = self.patent_field_in_use(store).unwrap_or_default();
                let source = self.patent_source_in_use(store, &field).unwrap_or_default();
                Built::Line(series::patent_share_chart(store, &source, &field))
            }
            ChartKind::PatentSectors => {
                let years = series::years_of(store, series::PCT_SHARE, None);
                let year = self.year_in_use(&years, &[]).unwrap_or(0);
                Built::Bars(series::sector_bars(store, year), year)
            }
            ChartKind::TechnologyFindings => Built::Findings(finding_data::sections(
                store,
                finding_data::Topic::Technology,
            )),
            ChartKind::MarketFindings => {
                Built::Findings(finding_data::sections(store, finding_data::Topic::Markets))
            }
            ChartKind::PolicyBudgets => Built::Budgets(
                budget_data::rows(store)
                    .into_iter()
                    .filter(|r| r.country == "KR")
                    .collect(),
            ),
        }
    }

    /// The years of a line chart, and the year it opens on: the latest with a value for every
    /// highlighted economy in every shown source ([`crate::analysis::charts::compare::opening_year`]).
    fn line_years(&self, chart: &LineChartData) -> (Vec<i32>, Vec<i32>) {
        let all: BTreeSet<i32> = chart
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .collect();
        let points = chart.series.iter().flat_map(|s| {
            let source = s.sources.first().map_or("", |r| r.id.as_str());
            s.points
                .iter()
                .map(move |p| (s.economy.as_str(), source, p.0))
        });
        let opening = crate::analysis::charts::compare::opening_year(points, &self.shown);
        (all.into_iter().collect(), opening.into_iter().collect())
    }

    fn controls(&mut self, ui: &mut Ui, store: &Store, built: &Built) {
        let years = match built {
            Built::Line(chart) => Some(self.line_years(chart)),
            Built::Bars(..) => Some((series::years_of(store, series::PCT_SHARE, None), Vec::new())),
            _ => None,
        };
        match self.kind {
            ChartKind::RdSpending => {
                let choices = series::source_choices(store, series::GERD, None);
                let current = self.rd_source_in_use(store);
                if let Some(id) = source_selector(ui, "rd-source", &choices, current.as_deref()) {
                    self.rd_source = Some(id);
                    self.picked = None;
                }
                ui.horizontal(|ui| {
                    ui.checkbox(&mut self.rd_berd, "Show BERD (business R&D)")
                        .on_hover_text(
                            "Adds the BERD series that cite the chosen source; derived values are drawn hollow and dashed.",
                        );
                    if let Some((all, korea)) = &years {
                        ui.add_space(12.0);
                        self.year_selector(ui, all, korea);
                    }
                });
            }
            ChartKind::PatentTrend => {
                let fields = series::fields_of(store, series::PCT_SHARE);
                let field = self.patent_field_in_use(store).unwrap_or_default();
                ui.horizontal(|ui| {
                    let label = ui.label("WIPO sector:");
                    egui::ComboBox::from_id_salt("patent-field")
                        .selected_text(field.as_str())
                        .width(200.0)
                        .show_ui(ui, |ui| {
                            for f in &fields {
                                if ui.selectable_label(*f == field, f).clicked() {
                                    self.patent_field = Some(f.clone());
                                    self.picked = None;
                                }
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    if let Some((all, korea)) = &years {
                        ui.add_space(12.0);
                        self.year_selector(ui, all, korea);
                    }
                });
                let choices = series::source_choices(store, series::PCT_SHARE, Some(&field));
                let current = self.patent_source_in_use(store, &field);
                if let Some(id) = source_selector(ui, "patent-source", &choices, current.as_deref())
                {
                    self.patent_source = Some(id);
                    self.picked = None;
                }
            }
            ChartKind::PatentSectors => {
                if let Some((all, _)) = &years {
                    ui.horizontal(|ui| self.year_selector(ui, all, &[]));
                }
            }
            ChartKind::TechnologyFindings | ChartKind::MarketFindings => {
                ui.label(
                    RichText::new(
                        "As the report states them: ranks and directions where it gives no number.",
                    )
                    .italics(),
                );
            }
            ChartKind::PolicyBudgets => {
                ui.label(
                    RichText::new(
                        "Funding as stated in the report; its own euro conversions are kept, with their caveats.",
                    )
                    .italics(),
                );
            }
        }
    }

    fn year_selector(&mut self, ui: &mut Ui, years: &[i32], korea: &[i32]) {
        let Some(current) = self.year_in_use(years, korea) else {
            return;
        };
        let label = ui.label("Year:");
        egui::ComboBox::from_id_salt("chart-year")
            .selected_text(current.to_string())
            .width(70.0)
            .height(300.0)
            .show_ui(ui, |ui| {
                for y in years.iter().rev() {
                    if ui.selectable_label(*y == current, y.to_string()).clicked() {
                        self.years.insert(self.kind.file_stem().to_owned(), *y);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    }

    fn title_and_source(&self, built: &Built) -> (String, String) {
        match built {
            Built::Line(c) => (
                c.title.clone(),
                c.footer(|s| self.shown.contains(&s.economy)).0,
            ),
            Built::Bars(c, _) => (c.title.clone(), c.footer(|e| self.shown.contains(e)).0),
            Built::Findings(sections) => (
                self.kind.label().to_owned(),
                sections
                    .iter()
                    .map(|s| s.source_line.clone())
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            Built::Budgets(rows) => (
                "Korea's policy budgets as stated".to_owned(),
                budgets::source_line(rows),
            ),
        }
    }

    fn export_table(&self, built: &Built) -> table::ExportTable {
        match built {
            Built::Line(c) => table::line_chart(c, |s| self.shown.contains(&s.economy)),
            Built::Bars(c, year) => table::bar_chart(c, *year, |e| self.shown.contains(e)),
            Built::Findings(sections) => table::findings(sections),
            Built::Budgets(rows) => table::budgets(rows),
        }
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
                if let Some(id) = bars::show(
                    ui,
                    ctx,
                    chart,
                    *year,
                    &mut self.shown,
                    capturing,
                    top_source,
                ) {
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

    /// The values of the shown series in the chosen year, as a clickable table.
    fn values(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx<'_>,
        built: &Built,
        commands: &mut Vec<Command>,
    ) {
        let Built::Line(chart) = built else { return };
        let (years, korea) = self.line_years(chart);
        let Some(year) = self.year_in_use(&years, &korea) else {
            return;
        };
        ui.add_space(6.0);
        ui.label(RichText::new(format!("Values in {year}")).strong());
        let rest = ui.available_width() - 250.0 - 70.0 - 170.0 - 60.0;
        let widths = [250.0, 70.0, 170.0, rest.max(200.0)];
        egui::Grid::new("chart-values")
            .striped(true)
            .num_columns(4)
            .spacing([14.0, 4.0])
            .show(ui, |ui| {
                for (h, w) in ["Series", "Value", "Unit", "Source"]
                    .into_iter()
                    .zip(widths)
                {
                    cell(ui, w, |ui| {
                        ui.label(RichText::new(h).strong());
                    });
                }
                ui.end_row();
                for s in chart
                    .series
                    .iter()
                    .filter(|s| self.shown.contains(&s.economy))
                {
                    let label = s.legend_label(chart.mixes_measures());
                    let picked = self
                        .picked
                        .as_ref()
                        .is_some_and(|p| p.series_id == s.series_id && p.year == year);
                    let selected = picked || ctx.selected == Some(s.series_id.as_str());
                    let mut clicked = false;
                    cell(ui, widths[0], |ui| {
                        clicked = ui
                            .add(egui::Button::selectable(selected, label).wrap())
                            .clicked();
                    });
                    cell(ui, widths[1], |ui| match s.value_at(year) {
                        Some(v) => {
                            let mut text = RichText::new(series::format_value(v));
                            if s.derived {
                                text = text.color(theme::WARNING).italics();
                            }
                            ui.label(text);
                        }
                        None => {
                            ui.weak("no value");
                        }
                    });
                    cell(ui, widths[2], |ui| {
                        ui.add(egui::Label::new(&s.unit).wrap());
                    });
                    cell(ui, widths[3], |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(s.source_label()).size(SMALL_TEXT))
                                .wrap(),
                        );
                    });
                    ui.end_row();
                    if clicked {
                        self.picked = Some(PointRef {
                            series_id: s.series_id.clone(),
                            year,
                        });
                        commands.push(Command::Select(s.series_id.clone()));
                    }
                }
            });
        if chart
            .series
            .iter()
            .all(|s| !self.shown.contains(&s.economy))
        {
            ui.weak("No series shown: tick an economy in the legend.");
        }
    }

    /// Writes the plotted data of the current chart as CSV to `path` (atomically).
    pub fn export_csv_to(&self, store: &Store, path: &Path) -> Result<usize, ExportError> {
        let built = self.build(store);
        let table = self.export_table(&built);
        export::save_csv(&table, path)?;
        Ok(table.rows.len())
    }

    /// Takes the store of an import the user applied, with a one-line summary; the app
    /// replaces its open store with it.
    pub fn take_store_replacement(&mut self) -> Option<(Box<Store>, String)> {
        self.files.take_replacement()
    }

    /// Asks for a PNG of the chart card at `path`; it is written a frame or two later, when the
    /// screenshot arrives, and a status message says so.
    pub fn request_png(&mut self, path: PathBuf) {
        self.files.request_png(path);
    }

    /// Reads an indicator CSV and shows the import preview (nothing changes until the user
    /// applies it). Status messages, if any, are returned.
    pub fn preview_import(&mut self, store: &Store, path: PathBuf) -> Vec<Command> {
        let mut commands = Vec::new();
        self.files.preview(
            store,
            path,
            crate::analysis::import::ImportOptions::default(),
            &mut commands,
        );
        commands
    }
}

/// Whether the view is narrow, and the layout that puts the legend beside the plot (or under it
/// when narrow).
fn legend_layout(ui: &Ui) -> (bool, egui::Layout) {
    let narrow = ui.available_width() < NARROW;
    let layout = if narrow {
        egui::Layout::top_down(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    (narrow, layout)
}

/// The plot's width inside [`legend_layout`]: all of it when narrow, else what the legend leaves.
fn plot_width(ui: &Ui, narrow: bool) -> f32 {
    if narrow {
        ui.available_width()
    } else {
        let gap = ui.spacing().item_spacing.x;
        (ui.available_width() - line::LEGEND_WIDTH - 2.0 * gap).max(240.0)
    }
}

/// The colour of an economy in every chart.
pub fn economy_colour(economy: &str, emphasis: Emphasis) -> Color32 {
    match emphasis {
        Emphasis::Korea => theme::KOREA,
        Emphasis::Europe => theme::EUROPE,
        Emphasis::Other => {
            let i = ECONOMY_ORDER
                .iter()
                .position(|e| *e == economy)
                .map_or_else(
                    || economy.bytes().map(usize::from).sum::<usize>(),
                    |i| i.saturating_sub(2),
                );
            theme::chart_other(i)
        }
    }
}

use crate::text::ellipsize;

/// A grid cell of a fixed width, so that its text wraps inside it.
fn cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.vertical(|ui| {
        ui.set_width(width);
        add(ui);
    });
}

/// The source line under the title, drawn only while a PNG is taken of a card taller than
/// the window (so the PNG names its source even though its foot is cut off).
fn top_source_line(ui: &mut Ui, text: Option<&str>) {
    if let Some(t) = text {
        ui.add(egui::Label::new(RichText::new(t).size(SMALL_TEXT)).wrap());
        ui.add_space(4.0);
    }
}

/// The source line under a chart and the notes a reader must see (derived values and caveats
/// in the warning colour).
fn source_footer(ui: &mut Ui, source_line: &str, notes: &[String]) {
    ui.add_space(4.0);
    ui.add(egui::Label::new(RichText::new(source_line).size(SMALL_TEXT)).wrap());
    for n in notes {
        let text = RichText::new(n).size(SMALL_TEXT);
        let text = if n.starts_with("Derived") || n.starts_with("Caveat") {
            text.color(theme::WARNING)
        } else {
            text.weak()
        };
        ui.add(egui::Label::new(text).wrap());
    }
}

/// A source selector labelled "Source:"; returns the id chosen this frame.
fn source_selector(
    ui: &mut Ui,
    salt: &str,
    choices: &[series::SourceChoice],
    current: Option<&str>,
) -> Option<String> {
    let mut chosen = None;
    let mut shown = None;
    ui.horizontal(|ui| {
        let label = ui.label("Source:");
        let selected = choices
            .iter()
            .find(|c| Some(c.id.as_str()) == current)
            .map_or_else(|| "none".to_owned(), series::SourceChoice::label);
        let width = (ui.available_width() - 16.0).clamp(200.0, 900.0);
        let max_chars = ((width - 40.0) / 6.6) as usize;
        let response = egui::ComboBox::from_id_salt(salt)
            .selected_text(ellipsize(&selected, max_chars))
            .width(width)
            .show_ui(ui, |ui| {
                ui.set_min_width(width.min(700.0));
                for c in choices {
                    let r = ui.add(
                        egui::Button::selectable(Some(c.id.as_str()) == current, c.label()).wrap(),
                    );
                    if r.clicked() {
                        chosen = Some(c.id.clone());
                    }
                }
            })
            .response
            .labelled_by(label.id);
        shown = Some((response, selected));
    });
    let Some((response, selected)) = shown else {
        return chosen;
    };
    response.on_hover_text(format!(
        "{selected}\nOne source at a time: sources differ slightly and are never mixed in one line."
    ));
    chosen
}
