//! A filter change on a large store: the links' and nodes' states, the bundle pyramid and the
//! legend are built again on a worker (100,000 links take longer than a frame), and the view
//! keeps drawing the previous picture until they are ready. Only one such worker runs at a
//! time; if the filter changed again meanwhile, the next one starts when it reports.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::analysis::network::{Graph, Layout};

use super::super::LayoutKind;
use super::worker::{Settings, Shown};
use super::{Cache, use_worker_for};

/// A worker building the states of a layout under a new filter.
pub(super) struct Restate {
    kind: LayoutKind,
    rx: Receiver<Shown>,
}

impl Restate {
    fn start(
        kind: LayoutKind,
        graph: Arc<Graph>,
        layout: Layout,
        colours: Vec<egui::Color32>,
        settings: Settings,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("network-filter".to_owned())
            .spawn(move || {
                let _ = tx.send(Shown::build(kind, &graph, &layout, &colours, settings));
            })?;
        Ok(Self { kind, rx })
    }
}

impl Cache {
    /// Takes in what a filter worker built, if it is done; true while one is still at work.
    pub(super) fn poll_restate(&mut self) -> bool {
        let Some(r) = &self.restate else {
            return false;
        };
        match r.rx.try_recv() {
            Ok(shown) => {
                let kind = r.kind;
                self.restate = None;
                self.take_shown(kind, shown);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                self.restate = None;
                self.worker_failed = true;
                false
            }
        }
    }

    /// Waits for a filter worker (an export needs the picture under the filter now).
    pub(super) fn wait_for_restate(&mut self) {
        if let Some(r) = self.restate.take() {
            match r.rx.recv() {
                Ok(shown) => self.take_shown(r.kind, shown),
                Err(_) => self.worker_failed = true,
            }
        }
    }

    /// Whether a filter worker is at work (the view looks again soon).
    pub fn is_restating(&self) -> bool {
        self.restate.is_some()
    }

    /// Starts a filter worker for `kind` under `settings` if the store is large and the states
    /// the view has are of the same graph (the picture stays meanwhile); returns whether the
    /// states are being built elsewhere (else the caller builds them now).
    pub(super) fn restate_elsewhere(&mut self, kind: LayoutKind, settings: &Settings) -> bool {
        if self.restate.is_some() {
            // One at a time: the next starts when this one reports.
            return true;
        }
        if !use_worker_for(self.large, kind) || self.worker_failed {
            return false;
        }
        let granularity = kind.granularity();
        let Some((graph, layout, _)) = self.borrow(kind) else {
            return false;
        };
        let same_graph = self
            .states
            .filter
            .as_ref()
            .is_some_and(|(_, g)| *g == granularity)
            && self.states.states.len() == graph.edges.len();
        if !same_graph {
            return false;
        }
        let layout = layout.clone();
        let graph = match granularity {
            crate::analysis::network::Granularity::Cities => self.cities.clone(),
            crate::analysis::network::Granularity::Institutions => self.institutions.clone(),
        };
        let Some(graph) = graph else {
            return false;
        };
        let colours = self.colours(granularity).to_vec();
        match Restate::start(kind, graph, layout, colours, settings.clone()) {
            Ok(r) => {
                self.restate = Some(r);
                self.restates_started += 1;
                true
            }
            Err(_) => {
                self.worker_failed = true;
                false
            }
        }
    }
}
