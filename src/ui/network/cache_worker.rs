//! Building a large store's graph, layout, arcs and map outline on a worker thread, so the
//! first frame of a layout never holds the window: the view shows "Laying out 33,961 places…"
//! until the worker hands everything back, and switching tabs works meanwhile.
//!
//! A small store (the built-in one, the tests' fixtures) is built on the UI thread as before:
//! it takes a few milliseconds, and its first frame shows the picture, not a progress line.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::analysis::network::geo::{Detail, MapGeometry};
use crate::analysis::network::layout_map::{self, Pane};
use crate::analysis::network::layout_schematic::schematic_layout;
use crate::analysis::network::{Graph, Layout};
use crate::model::Store;

use super::super::LayoutKind;
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
    pub fn start(kind: LayoutKind, input: Input, places: usize) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("network-layout".to_owned())
            .spawn(move || {
                // The view may be gone (store replaced); then nobody listens.
                let _ = tx.send(build(kind, input));
            })?;
        Ok(Self {
            rx,
            message: format!("Laying out {} places…", thousands(places)),
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

impl Cache {
    /// Starts a worker for a large store's layout, or takes in what one built. Returns true
    /// while the layout of `kind` is still being built elsewhere (the caller waits).
    pub(super) fn on_worker(&mut self, store: &Store, kind: LayoutKind) -> bool {
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
        if kind == LayoutKind::Institutions
            || self.worker_failed
            || self.has(kind)
            || !use_worker(store)
        {
            return false;
        }
        let slot = match kind.granularity() {
            Granularity::Cities => &self.cities,
            Granularity::Institutions => &self.institutions,
        };
        let input = match slot {
            Some(graph) => Input::Graph(graph.clone()),
            None => Input::Store(Box::new(store.clone())),
        };
        match Pending::start(kind, input, store.places.len()) {
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
    /// picture now; the briefing's map is drawn on its own thread).
    pub fn wait_for_worker(&mut self) {
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
    }
}

/// Builds the graph (if needed), the layout of `kind`, what is derived from the graph, and
/// the map outline the layout is drawn on.
pub(super) fn build(kind: LayoutKind, input: Input) -> Built {
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
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn counts_are_written_with_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(33_961), "33,961");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_worker_builds_the_same_layout_as_the_ui_thread_does() {
        let store = crate::analysis::network::test_store::sample_store();
        for kind in [
            LayoutKind::World,
            LayoutKind::Regions,
            LayoutKind::Schematic,
        ] {
            let graph = Graph::build(&store, kind.granularity());
            let Ok(pending) = Pending::start(kind, Input::Store(Box::new(store.clone())), 1) else {
                panic!("a thread starts")
            };
            let t = Instant::now();
            let built = loop {
                match pending.poll() {
                    Ok(Some(b)) => break b,
                    Ok(None) if t.elapsed().as_secs() < 30 => {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    _ => panic!("the worker did not finish"),
                }
            };
            assert_eq!(*built.graph, graph, "{kind:?}");
            match kind {
                LayoutKind::World => {
                    let (layout, _) = built.world.as_ref().expect("world built");
                    assert_eq!(*layout, layout_map::world_layout(&graph));
                    assert_eq!(built.world_geometry.len(), 2);
                }
                LayoutKind::Regions => {
                    let (layout, panes) = built.regions.as_ref().expect("regions built");
                    assert_eq!(*layout, layout_map::regions_layout(&graph).0);
                    assert_eq!(built.pane_geometry.len(), panes.len() * 2);
                }
                _ => assert_eq!(built.schematic, Some(schematic_layout(&graph))),
            }
        }
    }
}
