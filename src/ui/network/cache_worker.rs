//! Building a large store's graph, layout, arcs and map outline on a worker thread, so the
//! first frame of a layout never holds the window: the view shows "Laying out 33,961 places…"
//! until the worker hands everything back, and switching tabs works meanwhile. The worker also
//! builds what the first picture needs under the view's filter (the links' and nodes' states
//! and the bundle pyramid with all its levels), so the frame that takes the result in only
//! draws. The copy of the store it builds from is made a slice per frame (`cache_copy.rs`).
//!
//! A small store (the built-in one, the tests' fixtures) is built on the UI thread as before:
//! it takes a few milliseconds, and its first frame shows the picture, not a progress line.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::analysis::network::bundles::{LEVELS, Pyramid};
use crate::analysis::network::filter::EdgeState;
use crate::analysis::network::geo::{Detail, MapGeometry};
use crate::analysis::network::layout_map::{self, Pane};
use crate::analysis::network::layout_schematic::schematic_layout;
use crate::analysis::network::{Filter, Graph, Layout};
use crate::model::Store;

use super::super::LayoutKind;
use super::super::Outside;
use super::super::legend_data::{self, LegendData, LegendInput};
use super::super::scene::{self, NodeState};
use super::super::scene_edges;
use super::copy::Copy;
use super::{Arcs, Cache, Facets};
use crate::analysis::network::Granularity;

/// Stores with more places and partnerships than this are laid out on a worker thread.
pub(super) const WORKER_THRESHOLD: usize = 5_000;

/// Whether `store` is large enough to be laid out on a worker.
pub(super) fn use_worker(store: &Store) -> bool {
    store.places.len() + store.partnerships.len() + store.organisations.len() > WORKER_THRESHOLD
}

/// What the worker needs: a copy of the store if the graph is not built yet, else the graph.
pub(super) enum Input {
    Store(Box<Store>),
    Graph(Arc<Graph>),
}

/// The view's settings the first picture is drawn with.
#[derive(Clone, Debug, Default, PartialEq)]
pub(in super::super) struct Settings {
    pub filter: Filter,
    pub hide_outside: bool,
    pub show_unlinked: bool,
    /// The store's name (the legend names it as the source).
    pub store_name: String,
}

/// What the first picture needs under [`Settings`]: the links' states, the nodes' states and
/// (when the links are too many to draw one by one) the bundle pyramid, every level built.
pub(super) struct Shown {
    pub settings: Settings,
    pub states: Vec<EdgeState>,
    pub node_states: Arc<Vec<NodeState>>,
    pub pyramid: Option<Pyramid>,
    pub legend: Arc<LegendData>,
}

impl Shown {
    pub(super) fn build(
        kind: LayoutKind,
        graph: &Graph,
        layout: &Layout,
        colours: &[egui::Color32],
        settings: Settings,
    ) -> Self {
        let states = settings.filter.edge_states(graph);
        let node_states = Arc::new(scene::node_states(
            graph,
            &states,
            settings.hide_outside,
            settings.show_unlinked,
        ));
        let pyramid =
            scene_edges::bundles_when_all_shown(graph, layout, &states, settings.hide_outside)
                .then(|| {
                    let mut p =
                        scene_edges::pyramid_of(graph, layout, &states, settings.hide_outside);
                    for k in 0..LEVELS {
                        p.level(k);
                    }
                    p
                });
        let legend = Arc::new(legend_data::gather_from(&LegendInput {
            layout: kind,
            graph,
            states: &states,
            colours,
            filter: &settings.filter,
            outside: if settings.hide_outside {
                Outside::Hide
            } else {
                Outside::Fade
            },
            store_name: &settings.store_name,
        }));
        Self {
            settings,
            states,
            node_states,
            pyramid,
            legend,
        }
    }
}

/// What a worker built for the first picture of a layout, kept until the view takes it in
/// (if the filter and settings are still the ones it was built for).
pub(in super::super) struct Prebuilt {
    pub kind: LayoutKind,
    /// The edge states' generation it goes with.
    pub states_generation: u64,
    pub hide_outside: bool,
    pub show_unlinked: bool,
    pub node_states: Arc<Vec<NodeState>>,
    pub pyramid: Option<Pyramid>,
    pub legend: Arc<LegendData>,
}

/// What the worker built for one layout.
pub(super) struct Built {
    pub kind: LayoutKind,
    pub graph: Arc<Graph>,
    pub world: Option<(Layout, Arcs)>,
    pub regions: Option<(Layout, Vec<Pane>)>,
    pub schematic: Option<Layout>,
    /// Label priority, node colours and menu contents of the granularity.
    pub derived: (Vec<u32>, Vec<egui::Color32>, Facets),
    pub world_geometry: BTreeMap<Detail, MapGeometry>,
    pub pane_geometry: BTreeMap<(usize, Detail), MapGeometry>,
    /// What the first picture needs under the view's settings.
    pub shown: Option<Shown>,
}

/// A layout being built on a worker.
pub(super) struct Pending {
    rx: Receiver<Built>,
    /// What the view shows meanwhile.
    pub message: String,
}

impl Pending {
    /// Starts building `kind` (which is not the force layout) from `input` on a worker;
    /// `places` is the count the progress line names.
    pub fn start(
        kind: LayoutKind,
        input: Input,
        settings: Settings,
        places: usize,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("network-layout".to_owned())
            .spawn(move || {
                // The view may be gone (store replaced); then nobody listens.
                let _ = tx.send(build(kind, input, settings));
            })?;
        Ok(Self {
            rx,
            message: message(places),
        })
    }

    /// Waits for the result (an export needs the layout now); `None` if the worker stopped.
    pub fn wait(self) -> Option<Built> {
        self.rx.recv().ok()
    }

    /// The result, once the worker is done; `Err(())` if it stopped without one.
    pub fn poll(&self) -> Result<Option<Built>, ()> {
        match self.rx.try_recv() {
            Ok(b) => Ok(Some(b)),
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(()),
        }
    }
}

/// What the view says while a large store is laid out.
pub(super) fn message(places: usize) -> String {
    format!("Laying out {} places…", thousands(places))
}

impl Cache {
    /// Starts a worker for a large store's layout, or takes in what one built. Returns true
    /// while the layout of `kind` is still being built elsewhere (the caller waits). A store
    /// not yet copied is copied a slice per frame first, for at most `copy_budget` (zero: not
    /// in this pass).
    pub(super) fn on_worker(
        &mut self,
        store: &Store,
        kind: LayoutKind,
        settings: &Settings,
        copy_budget: std::time::Duration,
    ) -> bool {
        if let Some(pending) = &self.pending {
            match pending.poll() {
                Ok(Some(built)) => {
                    self.pending = None;
                    self.take(built);
                }
                Ok(None) => return true,
                Err(()) => {
                    self.pending = None;
                    self.worker_failed = true;
                }
            }
        }
        if kind == LayoutKind::Institutions || self.worker_failed || !use_worker(store) {
            // Built here: a copy under way for another layout is not needed.
            self.copying = None;
            return false;
        }
        if self.has(kind) {
            return false;
        }
        let slot = match kind.granularity() {
            Granularity::Cities => &self.cities,
            Granularity::Institutions => &self.institutions,
        };
        let input = match slot {
            Some(graph) => Input::Graph(graph.clone()),
            None => {
                let copy = self.copying.get_or_insert_with(|| Copy::new(store));
                if copy_budget.is_zero() || !copy.step(store, copy_budget) {
                    return true;
                }
                let Some(copy) = self.copying.take() else {
                    return true;
                };
                Input::Store(Box::new(copy.finish()))
            }
        };
        self.start_worker(kind, input, settings.clone(), store.places.len())
    }

    fn start_worker(
        &mut self,
        kind: LayoutKind,
        input: Input,
        settings: Settings,
        places: usize,
    ) -> bool {
        match Pending::start(kind, input, settings, places) {
            Ok(p) => {
                self.pending = Some(p);
                true
            }
            Err(_) => {
                self.worker_failed = true;
                false
            }
        }
    }

    /// Waits for a layout being built on a worker and keeps it (exports, which need the
    /// picture now; the briefing's map is drawn on its own thread). A copy under way is
    /// finished first and its worker started for `kind`.
    pub fn wait_for_worker(&mut self, store: &Store, kind: LayoutKind, settings: &Settings) {
        self.wait_for_restate();
        if let Some(mut copy) = self.copying.take() {
            while !copy.step(store, std::time::Duration::from_secs(3600)) {}
            let input = Input::Store(Box::new(copy.finish()));
            self.start_worker(kind, input, settings.clone(), store.places.len());
        }
        if let Some(pending) = self.pending.take() {
            match pending.wait() {
                Some(built) => self.take(built),
                None => self.worker_failed = true,
            }
        }
    }

    /// Keeps what a worker built.
    fn take(&mut self, built: Built) {
        let key = built.kind.granularity() as u8;
        let slot = match built.kind.granularity() {
            Granularity::Cities => &mut self.cities,
            Granularity::Institutions => &mut self.institutions,
        };
        slot.get_or_insert(built.graph);
        self.world = self.world.take().or(built.world);
        self.regions = self.regions.take().or(built.regions);
        self.schematic = self.schematic.take().or(built.schematic);
        if let std::collections::btree_map::Entry::Vacant(slot) = self.priority.entry(key) {
            let (priority, colours, facets) = built.derived;
            slot.insert(priority);
            self.colours.insert(key, colours);
            self.facets.insert(key, facets);
        }
        for (k, g) in built.world_geometry {
            self.world_geometry.entry(k).or_insert(g);
        }
        for (k, g) in built.pane_geometry {
            self.pane_geometry.entry(k).or_insert(g);
        }
        if let Some(shown) = built.shown {
            self.take_shown(built.kind, shown);
        }
    }

    /// Keeps the edge states a worker computed (unless the view already has them for this
    /// filter), and the node states and pyramid for the view to take in.
    pub(super) fn take_shown(&mut self, kind: LayoutKind, shown: Shown) {
        let current = (shown.settings.filter, kind.granularity());
        let edges = self.borrow(kind).map_or(0, |(g, _, _)| g.edges.len());
        if shown.states.len() != edges {
            return;
        }
        if self.states.filter.as_ref() != Some(&current) || self.states.states.len() != edges {
            self.states.states = shown.states;
            self.states.filter = Some(current);
            self.states.generation += 1;
        }
        self.prebuilt = Some(Prebuilt {
            kind,
            states_generation: self.states.generation,
            hide_outside: shown.settings.hide_outside,
            show_unlinked: shown.settings.show_unlinked,
            node_states: shown.node_states,
            pyramid: shown.pyramid,
            legend: shown.legend,
        });
    }
}

/// Builds the graph (if needed), the layout of `kind`, what is derived from the graph, the
/// map outline the layout is drawn on, and what the first picture needs under `settings`.
pub(super) fn build(kind: LayoutKind, input: Input, settings: Settings) -> Built {
    let graph = match input {
        Input::Store(store) => Arc::new(Graph::build(&store, kind.granularity())),
        Input::Graph(g) => g,
    };
    let mut built = Built {
        kind,
        world: None,
        regions: None,
        schematic: None,
        derived: (
            super::label_priority(&graph),
            super::super::scene::node_colours(&graph),
            Facets::of(&graph),
        ),
        world_geometry: BTreeMap::new(),
        pane_geometry: BTreeMap::new(),
        shown: None,
        graph,
    };
    let graph = &built.graph;
    match kind {
        LayoutKind::World => {
            let layout = layout_map::world_layout(graph);
            let arcs = Arcs::build(graph, &layout);
            built.world = Some((layout, arcs));
            for detail in [Detail::Coarse, Detail::Fine] {
                built
                    .world_geometry
                    .insert(detail, layout_map::world_geometry(detail));
            }
        }
        LayoutKind::Regions => {
            let (layout, panes) = layout_map::regions_layout(graph);
            for (i, pane) in panes.iter().enumerate() {
                for detail in [Detail::Coarse, Detail::Fine] {
                    built
                        .pane_geometry
                        .insert((i, detail), pane.geometry(detail));
                }
            }
            built.regions = Some((layout, panes));
        }
        LayoutKind::Schematic => built.schematic = Some(schematic_layout(graph)),
        LayoutKind::Institutions => {}
    }
    let layout = match kind {
        LayoutKind::World => built.world.as_ref().map(|(l, _)| l),
        LayoutKind::Regions => built.regions.as_ref().map(|(l, _)| l),
        LayoutKind::Schematic => built.schematic.as_ref(),
        LayoutKind::Institutions => None,
    };
    built.shown = layout.map(|l| Shown::build(kind, &built.graph, l, &built.derived.1, settings));
    built
}

/// 33961 → "33,961".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "cache_worker_tests.rs"]
mod tests;
