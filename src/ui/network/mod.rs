//! The network view: who is paired with whom, under which programme, on what themes, since
//! when. Four layouts (world map, Europe | Korea, schematic, institutions), filters, search,
//! a legend that is always on screen, and PNG export.
//!
//! The app keeps one [`NetworkView`] (its settings persist) and calls [`NetworkView::ui`] in
//! its central panel each frame; the view returns [`Command`]s (selecting a record, a status
//! message) and never changes the store.

mod access;
mod cache;
mod camera;
mod card;
mod controls;
mod draw;
mod export;
mod interact;
mod legend;
mod legend_columns;
mod legend_data;
mod menu;
mod mesh;
mod navigate;
mod raster;
mod scene;
mod scene_edges;
mod scene_labels;
mod scene_states;

use std::collections::BTreeMap;
use std::sync::Arc;

use egui::{Rect, Sense, UiBuilder, pos2};

use crate::analysis::network::{Filter, Granularity, NameStyle};
use crate::ui::{Command, ViewCtx};

pub use camera::Camera;
pub use export::{ExportError, ExportFrame, ExportOptions, Rgba};
pub use legend::{FOLD_LABEL, UNFOLD_LABEL};

/// The arrangements of the network.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub enum LayoutKind {
    /// Places at their real coordinates on a world map, links as great-circle arcs.
    World,
    /// A Europe pane and a Korea pane side by side, each zoomed to its cities.
    #[default]
    Regions,
    /// Partner cities on the left by country, Korean cities on the right, north to south.
    Schematic,
    /// Organisations and their cities, laid out by forces.
    Institutions,
}

impl LayoutKind {
    /// Every layout, in toolbar order.
    pub const ALL: [LayoutKind; 4] = [
        LayoutKind::Regions,
        LayoutKind::World,
        LayoutKind::Schematic,
        LayoutKind::Institutions,
    ];

    /// The toolbar label.
    pub fn label(self) -> &'static str {
        match self {
            LayoutKind::World => "World map",
            LayoutKind::Regions => "Europe | Korea",
            LayoutKind::Schematic => "Schematic",
            LayoutKind::Institutions => "Institutions",
        }
    }

    /// What the layout shows, for its tooltip.
    pub fn description(self) -> &'static str {
        match self {
            LayoutKind::World => {
                "Places at their real coordinates; partnerships as great-circle arcs."
            }
            LayoutKind::Regions => {
                "A Europe pane and a Korea pane side by side, each zoomed to its cities, links drawn across."
            }
            LayoutKind::Schematic => {
                "Partner cities on the left by country, Korean cities on the right, each north to south."
            }
            LayoutKind::Institutions => {
                "Organisations and their cities, arranged by forces. Drag a node to pin it."
            }
        }
    }

    /// The graph the layout draws.
    pub fn granularity(self) -> Granularity {
        match self {
            LayoutKind::Institutions => Granularity::Institutions,
            _ => Granularity::Cities,
        }
    }
}

/// What to do with links outside the filter.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outside {
    /// Draw them faded, for context. The default.
    #[default]
    Fade,
    /// Do not draw them.
    Hide,
}

/// Which names labels show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Names {
    /// Follow the app's Hangul setting (English, or English and Hangul).
    #[default]
    App,
    /// English names.
    English,
    /// Hangul names where the store has one.
    Hangul,
    /// English and Hangul.
    Both,
}

impl Names {
    /// The names to use given the app's Hangul setting.
    pub fn style(self, app_hangul: bool) -> NameStyle {
        match self {
            Names::App if app_hangul => NameStyle::Both,
            Names::App | Names::English => NameStyle::English,
            Names::Hangul => NameStyle::Hangul,
            Names::Both => NameStyle::Both,
        }
    }

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Names::App => "as the app",
            Names::English => "English",
            Names::Hangul => "한글",
            Names::Both => "English + 한글",
        }
    }
}

/// The camera of each layout, remembered separately.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct Cameras {
    world: Option<Camera>,
    regions: Option<Camera>,
    schematic: Option<Camera>,
    institutions: Option<Camera>,
}

impl Cameras {
    fn get_mut(&mut self, kind: LayoutKind) -> &mut Option<Camera> {
        match kind {
            LayoutKind::World => &mut self.world,
            LayoutKind::Regions => &mut self.regions,
            LayoutKind::Schematic => &mut self.schematic,
            LayoutKind::Institutions => &mut self.institutions,
        }
    }
}

/// The background's shapes, each with its clip rectangle.
type Background = Vec<(Rect, egui::Shape)>;

/// What search results were computed for: the query, the store generation, the graph.
type SearchKey = (String, u64, Granularity);

/// Frame-to-frame state that is not saved.
#[derive(Default)]
struct Live {
    flight: Option<camera::Flight>,
    /// What each layout's camera shows (absent: not shown yet in this session, so it is fitted).
    framing: std::collections::HashMap<LayoutKind, navigate::Framing>,
    /// The canvas size each layout's camera was last used with.
    fit_size: std::collections::HashMap<LayoutKind, egui::Vec2>,
    /// The selection of the last frame (a change is framed).
    last_selected: Option<String>,
    /// The record a click on the canvas selected (not framed: the user sees it).
    clicked: Option<String>,
    /// The node being dragged in the force layout.
    dragging: Option<usize>,
    /// What the pointer is over.
    hovered: Option<interact::Hit>,
    /// The node a context menu was opened on.
    context: Option<interact::Hit>,
    scene: Option<(scene::SceneKey, Arc<scene::Scene>)>,
    /// Bundles of a dense network per layout, kept while only the camera changes (and while
    /// another layout is shown).
    pyramids: std::collections::HashMap<
        LayoutKind,
        Option<(
            scene::PyramidKey,
            crate::analysis::network::bundles::Pyramid,
        )>,
    >,
    /// How each node is drawn under the current filter.
    node_states: Option<(scene::PyramidKey, Arc<Vec<scene::NodeState>>)>,
    background: Option<(draw::BackgroundKey, Arc<Background>)>,
    /// Bumped when the force layout moves.
    layout_version: u64,
    /// Canvas rect of the last frame (export uses its size).
    last_rect: Option<Rect>,
    /// The height of the legend's strip below the canvas, measured last frame.
    legend_height: f32,
    /// Where the selection card is (labels keep clear of it).
    card_rect: Option<Rect>,
    /// The search field's text and whether its results are open.
    search: String,
    search_open: bool,
    /// Search results for (query, store generation, graph): computed when the query changes.
    search_hits: Option<(SearchKey, Vec<(usize, String)>)>,
    /// What the legend says, for (store generation, filter generation, layout).
    legend: Option<((u64, u64, LayoutKind), Arc<legend_data::LegendData>)>,
}

/// The network view. Its settings persist (serde); caches and frame state do not.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct NetworkView {
    /// The arrangement shown.
    pub layout: LayoutKind,
    /// Which programmes, countries, themes, statuses and year are shown.
    pub filter: Filter,
    /// Fade or hide links outside the filter.
    pub outside: Outside,
    /// Which names labels show.
    pub names: Names,
    /// Draw place labels.
    pub show_labels: bool,
    /// Draw places that have no partnership (hollow).
    pub show_unlinked: bool,
    /// Show the full legend (else its one-line summary).
    pub legend_open: bool,
    /// Scale of exported PNGs (2 = twice the on-screen pixels).
    pub export_scale: f32,
    cameras: Cameras,
    /// Nodes the user pinned in the force layout, by node key.
    pinned: BTreeMap<String, [f32; 2]>,
    #[serde(skip)]
    cache: cache::Cache,
    #[serde(skip)]
    live: Live,
}

impl Default for NetworkView {
    fn default() -> Self {
        Self {
            layout: LayoutKind::default(),
            filter: Filter::default(),
            outside: Outside::default(),
            names: Names::default(),
            show_labels: true,
            show_unlinked: true,
            legend_open: true,
            export_scale: 2.0,
            cameras: Cameras::default(),
            pinned: BTreeMap::new(),
            cache: cache::Cache::default(),
            live: Live::default(),
        }
    }
}

impl std::fmt::Debug for NetworkView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The settings only: the caches are large and say nothing a reader needs.
        f.debug_struct("NetworkView")
            .field("layout", &self.layout)
            .field("filter", &self.filter)
            .field("outside", &self.outside)
            .field("names", &self.names)
            .field("show_labels", &self.show_labels)
            .field("show_unlinked", &self.show_unlinked)
            .field("legend_open", &self.legend_open)
            .field("pinned", &self.pinned.len())
            .finish_non_exhaustive()
    }
}

impl NetworkView {
    /// Shows the view in `ui` (filling it) and returns what the app should do.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewCtx<'_>) -> Vec<Command> {
        let mut commands = Vec::new();
        // A large store is copied for its worker a slice per frame, not per pass (a frame
        // whose layout is discarded runs its passes again).
        let budget = if ui.ctx().current_pass_index() == 0 {
            cache::COPY_BUDGET
        } else {
            std::time::Duration::ZERO
        };
        self.prepare(ctx, budget);
        controls::toolbar(self, ui, ctx, &mut commands);
        // The canvas above, the legend in its own strip below: it never covers the picture.
        let avail = ui.available_rect_before_wrap();
        let max_legend = (avail.height() * 0.45).max(30.0);
        let strip_h = self.live.legend_height.min(max_legend);
        let gap = ui.spacing().item_spacing.y;
        let canvas_bottom = (avail.max.y - strip_h - gap).max(avail.min.y + 40.0);
        let rect = Rect::from_min_max(avail.min, pos2(avail.max.x, canvas_bottom));
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        self.canvas(ui, &response, ctx, &mut commands);
        let strip = Rect::from_min_max(pos2(avail.min.x, canvas_bottom + gap), avail.max);
        // Room for the legend's full height (it was measured with this room last frame).
        let room = Rect::from_min_size(strip.min, egui::vec2(strip.width(), max_legend));
        let mut legend_ui = ui.new_child(UiBuilder::new().max_rect(room));
        let used = legend::show(self, &mut legend_ui, ctx, true, max_legend);
        ui.allocate_rect(strip, Sense::hover());
        if (used - self.live.legend_height).abs() > 0.5 {
            // The legend changed height (first frame, fold, another width): lay out again with
            // the canvas beside its new size rather than show one frame of overlap.
            self.live.legend_height = used;
            ui.ctx()
                .request_discard("the network legend changed height");
        }
        commands
    }

    /// Tells the view the store was edited in place (the view notices a replaced or reloaded
    /// store by itself).
    pub fn store_changed(&mut self) {
        self.cache.clear();
        self.live.pyramids.clear();
        self.live.scene = None;
        self.live.background = None;
    }

    /// True when nothing is animating: the force layout (if shown) is at rest and no camera move
    /// is under way. When true, the view requests no repaint.
    pub fn is_at_rest(&self) -> bool {
        let force_moving = self.layout == LayoutKind::Institutions
            && self.cache.force.as_ref().is_some_and(|f| !f.is_settled());
        self.live.flight.is_none() && self.live.dragging.is_none() && !force_moving
    }

    /// Whether a large store's layout is still being built on a worker (the canvas shows a
    /// progress line meanwhile).
    pub fn is_laying_out(&self) -> bool {
        self.cache.progress().is_some()
    }

    /// Whether the picture is being brought up to a changed filter on a worker (a large store;
    /// the previous picture shows meanwhile).
    pub fn is_updating(&self) -> bool {
        self.cache.is_restating()
    }

    /// How many filter changes were built on a worker so far (a large store's; for tests and
    /// benchmarks).
    pub fn filter_workers(&self) -> u64 {
        self.cache.restates_started
    }

    /// Fits the current layout to the canvas on the next frame.
    pub fn fit_all(&mut self) {
        *self.cameras.get_mut(self.layout) = None;
        self.live.flight = None;
        self.live
            .framing
            .insert(self.layout, navigate::Framing::All);
    }

    /// Where node `key` (a place, organisation or cohort id) was drawn in the last frame, in
    /// screen points, if it was on the canvas.
    pub fn drawn_position(&self, key: &str) -> Option<egui::Pos2> {
        let (graph, _, _) = self.cache.borrow(self.layout)?;
        let i = graph.nodes.iter().position(|n| n.key == key)? as u32;
        let (_, scene) = self.live.scene.as_ref()?;
        let k = scene.nodes.binary_search_by_key(&i, |n| n.index).ok()?;
        Some(scene.nodes[k].pos)
    }

    /// The canvas of the last frame (screen points).
    pub fn canvas_rect(&self) -> Option<Rect> {
        self.live.last_rect
    }

    /// Where the selection card was drawn in the last frame, if one was.
    pub fn card_rect(&self) -> Option<Rect> {
        self.live.card_rect
    }

    /// The node keys whose labels were drawn in the last frame, with their label rectangles.
    pub fn drawn_labels(&self) -> Vec<(String, Rect)> {
        let Some((graph, _, _)) = self.cache.borrow(self.layout) else {
            return Vec::new();
        };
        let Some((_, scene)) = self.live.scene.as_ref() else {
            return Vec::new();
        };
        scene
            .label_rects
            .iter()
            .filter_map(|(i, r)| Some((graph.nodes.get(*i as usize)?.key.clone(), *r)))
            .collect()
    }

    /// Unpins every node of the force layout and lays it out afresh.
    pub fn reset_force_layout(&mut self) {
        self.pinned.clear();
        self.cache.reset_force();
        self.live.layout_version += 1;
        *self.cameras.get_mut(LayoutKind::Institutions) = None;
    }

    /// Builds what the current layout needs.
    fn prepare(&mut self, ctx: &ViewCtx<'_>, copy_budget: std::time::Duration) {
        self.cache.check(ctx.store);
        let settings = self.settings(ctx);
        self.cache
            .prepare(ctx.store, self.layout, &self.pinned, &settings, copy_budget);
        self.cache.update_states(self.layout, &settings);
        self.take_prebuilt();
    }

    /// The settings a worker builds the first picture's states and bundles for.
    fn settings(&self, ctx: &ViewCtx<'_>) -> cache::Settings {
        cache::Settings {
            filter: self.filter.clone(),
            hide_outside: self.outside == Outside::Hide,
            show_unlinked: self.show_unlinked,
            store_name: ctx.store.name.clone(),
        }
    }

    /// Takes in the node states and bundle pyramid a worker built for the first picture, if
    /// the filter and settings are still the ones it was built for.
    fn take_prebuilt(&mut self) {
        let Some(p) = self.cache.take_prebuilt(self.layout) else {
            return;
        };
        let hide = self.outside == Outside::Hide;
        if p.hide_outside != hide {
            return;
        }
        let (store, states) = (self.cache.generation, self.cache.states.generation);
        self.live.legend = Some(((store, states, self.layout), p.legend));
        if let Some(pyramid) = p.pyramid {
            let key = scene_edges::pyramid_key_of(
                store,
                states,
                self.layout,
                self.live.layout_version,
                hide,
            );
            self.live.pyramids.insert(self.layout, Some((key, pyramid)));
        }
        if p.show_unlinked == self.show_unlinked {
            let key =
                scene::node_states_key_of(store, states, self.layout, self.show_unlinked, hide);
            self.live.node_states = Some((key, p.node_states));
        }
    }

    /// The record a node stands for when selected: the place, organisation or cohort (a
    /// country node selects its first organisation).
    fn node_record(&self, i: usize) -> Option<String> {
        let (graph, _, _) = self.cache.borrow(self.layout)?;
        let node = graph.nodes.get(i)?;
        match node.kind {
            crate::analysis::network::NodeKind::Country => node.records.first().cloned(),
            _ => Some(node.key.clone()),
        }
    }

    /// Selects a node (from the search); the next frame frames it and its partners. A node
    /// already selected is framed again now.
    fn go_to_node(
        &mut self,
        ui: &egui::Ui,
        i: usize,
        ctx: &ViewCtx<'_>,
        commands: &mut Vec<Command>,
    ) {
        let Some(record) = self.node_record(i) else {
            return;
        };
        if ctx.selected == Some(record.as_str()) {
            if let Some(rect) = self.live.last_rect {
                self.frame_record(ui, rect, &record);
            }
        } else {
            commands.push(Command::Select(record));
        }
    }
}
