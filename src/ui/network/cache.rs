//! What the view computes from the store once and keeps until the store changes: the graphs,
//! the layouts, the great-circle arcs and the map outline in each layout's coordinates.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::analysis::network::filter::EdgeState;
use crate::analysis::network::geo::{Detail, MapGeometry};
use crate::analysis::network::layout_force::ForceLayout;
use crate::analysis::network::layout_map::{self, Pane};
use crate::analysis::network::layout_schematic::schematic_layout;
use crate::analysis::network::{Filter, Granularity, Graph, Layout, WRect};
use crate::model::Store;

use super::LayoutKind;
pub(super) use copy::BUDGET as COPY_BUDGET;
use worker::Pending;
pub(super) use worker::{Prebuilt, Settings};

#[path = "cache_copy.rs"]
mod copy;
#[path = "cache_restate.rs"]
mod restate;
#[path = "cache_worker.rs"]
mod worker;

/// A cheap test of "is this the same store": where each list lives and how long it is. The
/// app replaces or reloads a store wholesale; after an edit in place it calls
/// [`super::NetworkView::store_changed`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Fingerprint([(usize, usize); 5]);

impl Fingerprint {
    pub(super) fn of(store: &Store) -> Self {
        Self([
            (store.places.as_ptr() as usize, store.places.len()),
            (
                store.organisations.as_ptr() as usize,
                store.organisations.len(),
            ),
            (store.programmes.as_ptr() as usize, store.programmes.len()),
            (
                store.partnerships.as_ptr() as usize,
                store.partnerships.len(),
            ),
            (store.cohorts.as_ptr() as usize, store.cohorts.len()),
        ])
    }
}

/// The great-circle arcs of a graph's edges on the world map: each edge's points (parts split at
/// the antimeridian are separated by a NaN point) and its bounding box.
#[derive(Default)]
pub(super) struct Arcs {
    pub points: Vec<[f32; 2]>,
    pub offsets: Vec<u32>,
    pub bounds: Vec<WRect>,
}

impl Arcs {
    pub(super) fn build(graph: &Graph, layout: &Layout) -> Self {
        let mut arcs = Arcs {
            offsets: vec![0],
            ..Arcs::default()
        };
        for e in &graph.edges {
            let (a, b) = (&graph.nodes[e.from as usize], &graph.nodes[e.to as usize]);
            let mut bounds = WRect::NOTHING;
            match (a.position, b.position) {
                (Some(pa), Some(pb)) => {
                    let km = crate::analysis::network::projection::distance_km(pa, pb);
                    let segments = (km / 600.0).ceil().clamp(1.0, 16.0) as usize;
                    for (k, part) in layout_map::world_arc(pa, pb, segments)
                        .into_iter()
                        .enumerate()
                    {
                        if k > 0 {
                            arcs.points.push([f32::NAN; 2]);
                        }
                        for p in part {
                            bounds = bounds.union_point(p);
                            arcs.points.push(p);
                        }
                    }
                }
                _ => {
                    // A node without a position (never both placed) has no arc; fall back to the
                    // layout's straight line if one exists.
                    if let (Some(pa), Some(pb)) = (
                        layout.positions[e.from as usize],
                        layout.positions[e.to as usize],
                    ) {
                        arcs.points.extend([pa, pb]);
                        bounds = bounds.union_point(pa).union_point(pb);
                    }
                }
            }
            arcs.offsets.push(arcs.points.len() as u32);
            arcs.bounds.push(bounds);
        }
        arcs
    }

    /// The points of edge `i`.
    pub fn of(&self, i: usize) -> &[[f32; 2]] {
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        &self.points[a..b]
    }
}

/// The edge states under the current filter, and a number that changes whenever they do.
#[derive(Default)]
pub(super) struct States {
    pub filter: Option<(Filter, Granularity)>,
    pub states: Vec<EdgeState>,
    pub generation: u64,
}

/// What the toolbar's menus offer: small lists, kept so that no frame copies the graph.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Facets {
    pub programmes: Vec<crate::analysis::network::graph::ProgrammeInfo>,
    pub countries: Vec<String>,
    pub themes: Vec<String>,
    pub statuses: Vec<crate::model::Status>,
    pub years: Option<(i32, i32)>,
}

impl Facets {
    pub(super) fn of(graph: &Graph) -> Self {
        let statuses = crate::model::Status::ALL
            .into_iter()
            .filter(|s| {
                graph
                    .edges
                    .iter()
                    .any(|e| e.status == *s && e.programme.is_some())
            })
            .collect();
        Facets {
            programmes: graph.programmes.clone(),
            countries: graph.countries.clone(),
            themes: graph.themes.clone(),
            statuses,
            years: crate::analysis::network::filter::year_range(graph),
        }
    }
}

/// Everything derived from the store.
#[derive(Default)]
pub(super) struct Cache {
    fingerprint: Option<Fingerprint>,
    /// Bumped whenever the store (and so every graph and layout) is rebuilt.
    pub generation: u64,
    cities: Option<Arc<Graph>>,
    institutions: Option<Arc<Graph>>,
    world: Option<(Layout, Arcs)>,
    regions: Option<(Layout, Vec<Pane>)>,
    schematic: Option<Layout>,
    pub force: Option<ForceLayout>,
    force_layout: Option<Layout>,
    world_geometry: BTreeMap<Detail, MapGeometry>,
    pane_geometry: BTreeMap<(usize, Detail), MapGeometry>,
    pub states: States,
    /// Node indexes in label priority order, per granularity.
    priority: BTreeMap<u8, Vec<u32>>,
    /// Node colours (by country), per granularity.
    colours: BTreeMap<u8, Vec<egui::Color32>>,
    /// Menu contents, per granularity.
    facets: BTreeMap<u8, Facets>,
    /// A large store's layout being built on a worker ([`worker`]).
    pending: Option<Pending>,
    /// The copy of a large store a worker will build from, made a slice per frame.
    copying: Option<copy::Copy>,
    /// What a worker built for the first picture, until the view takes it in.
    prebuilt: Option<Prebuilt>,
    /// The states under a new filter being built on a worker (a large store).
    restate: Option<restate::Restate>,
    /// Filter workers started since the store was read.
    pub restates_started: u64,
    /// The store is large enough for workers (see [`worker::use_worker`]).
    large: bool,
    /// A worker stopped without a result: build on the UI thread from then on.
    worker_failed: bool,
}

impl Cache {
    /// Drops everything if the store is not the one the cache was built for.
    pub fn check(&mut self, store: &Store) {
        let f = Fingerprint::of(store);
        if self.fingerprint != Some(f) {
            self.clear();
            self.fingerprint = Some(f);
        }
    }

    /// Drops everything derived from the store.
    pub fn clear(&mut self) {
        let generation = self.generation + 1;
        let states_generation = self.states.generation + 1;
        *self = Cache::default();
        self.generation = generation;
        self.states.generation = states_generation;
    }

    /// The graph a layout draws.
    pub fn graph(&mut self, store: &Store, kind: LayoutKind) -> &Graph {
        let slot = match kind.granularity() {
            Granularity::Cities => &mut self.cities,
            Granularity::Institutions => &mut self.institutions,
        };
        slot.get_or_insert_with(|| Arc::new(Graph::build(store, kind.granularity())))
    }

    /// Whether the layout of `kind` is built.
    fn has(&self, kind: LayoutKind) -> bool {
        match kind {
            LayoutKind::World => self.world.is_some(),
            LayoutKind::Regions => self.regions.is_some(),
            LayoutKind::Schematic => self.schematic.is_some(),
            LayoutKind::Institutions => self.force.is_some(),
        }
    }

    /// What the view shows while a worker lays out a large store (or the store is being
    /// copied for it).
    pub fn progress(&self) -> Option<String> {
        match (&self.pending, &self.copying) {
            (Some(p), _) => Some(p.message.clone()),
            (None, Some(c)) => Some(worker::message(c.places())),
            (None, None) => None,
        }
    }

    /// Whether the store is being copied for a worker (a slice per frame: the next frame
    /// should come at once).
    pub fn is_copying(&self) -> bool {
        self.copying.is_some()
    }

    /// What a worker built for the first picture of `kind`, if it was built under the edge
    /// states the view has now.
    pub fn take_prebuilt(&mut self, kind: LayoutKind) -> Option<Prebuilt> {
        let p = self.prebuilt.take()?;
        (p.kind == kind && p.states_generation == self.states.generation).then_some(p)
    }

    /// Builds (if needed) the graph and layout of `kind`; the force layout starts at its first
    /// tick and `pinned` positions (by node key) are applied.
    pub fn prepare(
        &mut self,
        store: &Store,
        kind: LayoutKind,
        pinned: &BTreeMap<String, [f32; 2]>,
        settings: &Settings,
        copy_budget: std::time::Duration,
    ) {
        self.large = worker::use_worker(store);
        if self.on_worker(store, kind, settings, copy_budget) {
            return;
        }
        self.graph(store, kind);
        let graph = match kind.granularity() {
            Granularity::Cities => self.cities.as_deref(),
            Granularity::Institutions => self.institutions.as_deref(),
        };
        let Some(graph) = graph else { return };
        match kind {
            LayoutKind::World => {
                if self.world.is_none() {
                    let layout = layout_map::world_layout(graph);
                    let arcs = Arcs::build(graph, &layout);
                    self.world = Some((layout, arcs));
                }
            }
            LayoutKind::Regions => {
                if self.regions.is_none() {
                    self.regions = Some(layout_map::regions_layout(graph));
                }
            }
            LayoutKind::Schematic => {
                if self.schematic.is_none() {
                    self.schematic = Some(schematic_layout(graph));
                }
            }
            LayoutKind::Institutions => {
                if self.force.is_none() {
                    let radius = graph
                        .nodes
                        .iter()
                        .map(|n| super::scene::node_radius(n, false))
                        .collect();
                    let mut force = ForceLayout::new(graph, radius);
                    for (i, n) in graph.nodes.iter().enumerate() {
                        if let Some(p) = pinned.get(&n.key) {
                            force.pin(i, *p);
                        }
                    }
                    self.force_layout = Some(force.layout());
                    self.force = Some(force);
                }
            }
        }
        let key = kind.granularity() as u8;
        if let std::collections::btree_map::Entry::Vacant(slot) = self.priority.entry(key) {
            slot.insert(label_priority(graph));
            self.colours.insert(key, super::scene::node_colours(graph));
            self.facets.insert(key, Facets::of(graph));
        }
    }

    /// The graph, layout and arcs of `kind`, borrowed (no copy of the layout).
    pub fn borrow(&self, kind: LayoutKind) -> Option<(&Graph, &Layout, Option<&Arcs>)> {
        let graph = match kind.granularity() {
            Granularity::Cities => self.cities.as_deref()?,
            Granularity::Institutions => self.institutions.as_deref()?,
        };
        match kind {
            LayoutKind::World => self.world.as_ref().map(|(l, a)| (graph, l, Some(a))),
            LayoutKind::Regions => self.regions.as_ref().map(|(l, _)| (graph, l, None)),
            LayoutKind::Schematic => self.schematic.as_ref().map(|l| (graph, l, None)),
            LayoutKind::Institutions => self.force_layout.as_ref().map(|l| (graph, l, None)),
        }
    }

    /// Runs force ticks while `keep_going` says so; returns true if anything moved.
    pub fn tick_force(&mut self, mut keep_going: impl FnMut(usize) -> bool) -> bool {
        let Some(force) = self.force.as_mut() else {
            return false;
        };
        let mut moved = false;
        let mut n = 0;
        while keep_going(n) && force.tick() {
            moved = true;
            n += 1;
        }
        if moved {
            self.force_layout = Some(force.layout());
        }
        moved
    }

    /// Moves a node of the force layout and pins it there.
    pub fn pin_force(&mut self, i: usize, p: Option<[f32; 2]>) {
        let Some(force) = self.force.as_mut() else {
            return;
        };
        match p {
            Some(p) => force.pin(i, p),
            None => force.unpin(i),
        }
        force.reheat(0.25);
        self.force_layout = Some(force.layout());
    }

    /// Starts the force layout afresh (next [`Self::prepare`]).
    pub fn reset_force(&mut self) {
        self.force = None;
        self.force_layout = None;
    }

    /// The panes of the two-region layout.
    pub fn panes(&self) -> &[Pane] {
        self.regions.as_ref().map_or(&[], |(_, p)| p.as_slice())
    }

    /// The world outline in world-map units, built on first use.
    pub fn world_geometry(&mut self, detail: Detail) -> &MapGeometry {
        self.world_geometry
            .entry(detail)
            .or_insert_with(|| layout_map::world_geometry(detail))
    }

    /// The outline of pane `i`, built on first use.
    pub fn pane_geometry(&mut self, i: usize, detail: Detail) -> Option<&MapGeometry> {
        let pane = self.regions.as_ref()?.1.get(i)?.clone();
        Some(
            self.pane_geometry
                .entry((i, detail))
                .or_insert_with(|| pane.geometry(detail)),
        )
    }

    /// Node indexes in label priority order.
    pub fn priority(&self, granularity: Granularity) -> &[u32] {
        self.priority
            .get(&(granularity as u8))
            .map_or(&[], Vec::as_slice)
    }

    /// What the toolbar's menus offer.
    pub fn facets(&self, granularity: Granularity) -> Option<&Facets> {
        self.facets.get(&(granularity as u8))
    }

    /// Node colours (by country).
    pub fn colours(&self, granularity: Granularity) -> &[egui::Color32] {
        self.colours
            .get(&(granularity as u8))
            .map_or(&[], Vec::as_slice)
    }

    /// Recomputes the edge states if the filter or graph changed (on a worker for a large
    /// store, see `cache_restate.rs`); returns their generation.
    pub fn update_states(&mut self, kind: LayoutKind, settings: &Settings) -> u64 {
        let filter = &settings.filter;
        self.poll_restate();
        let granularity = kind.granularity();
        let graph = match granularity {
            Granularity::Cities => self.cities.as_deref(),
            Granularity::Institutions => self.institutions.as_deref(),
        };
        let Some(graph) = graph else {
            return self.states.generation;
        };
        let current = (filter.clone(), granularity);
        if self.states.filter.as_ref() != Some(&current)
            || self.states.states.len() != graph.edges.len()
        {
            if self.restate_elsewhere(kind, settings) {
                return self.states.generation;
            }
            let graph = match granularity {
                Granularity::Cities => self.cities.as_deref(),
                Granularity::Institutions => self.institutions.as_deref(),
            };
            let Some(graph) = graph else {
                return self.states.generation;
            };
            self.states.states = filter.edge_states(graph);
            self.states.filter = Some(current);
            self.states.generation += 1;
        }
        self.states.generation
    }
}

/// Whether layouts of `kind` are built on workers when the store is `large`.
fn use_worker_for(large: bool, kind: LayoutKind) -> bool {
    large && kind != LayoutKind::Institutions
}

/// Labels go to busy nodes first: more partnerships, then more cohorts, then larger places, then
/// by key.
pub(super) fn label_priority(graph: &Graph) -> Vec<u32> {
    let mut order: Vec<u32> = (0..graph.nodes.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (na, nb) = (&graph.nodes[a as usize], &graph.nodes[b as usize]);
        nb.partnerships
            .cmp(&na.partnerships)
            .then(nb.cohorts.cmp(&na.cohorts))
            .then(nb.population.cmp(&na.population))
            .then(a.cmp(&b))
    });
    order
}
