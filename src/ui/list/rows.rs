//! The rows of the browse list (the search index), built on a worker thread for a large store
//! so that opening it never holds the window: the list says "Indexing 100,000 records…" until
//! the worker hands the index back. A small store (the built-in one) is indexed at once.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use crate::analysis::search::{self, Index};
use crate::model::Store;

/// Stores with more records than this are indexed on a worker thread.
pub const WORKER_THRESHOLD: usize = 5_000;

/// How often the list repaints while the index is being built (its progress line).
const PROGRESS_REPAINT: Duration = Duration::from_millis(100);

/// The browse list's rows: ready, or being built on a worker.
#[derive(Debug)]
pub struct Rows {
    state: State,
}

#[derive(Debug)]
enum State {
    Ready(Arc<Index>),
    Building {
        rx: Receiver<Index>,
        records: usize,
    },
    /// The worker stopped without an index.
    Lost {
        records: usize,
    },
}

impl Default for Rows {
    fn default() -> Self {
        Self::ready(Index::default())
    }
}

impl From<Index> for Rows {
    fn from(index: Index) -> Self {
        Self::ready(index)
    }
}

impl Rows {
    /// Rows that are ready.
    pub fn ready(index: Index) -> Self {
        Self {
            state: State::Ready(Arc::new(index)),
        }
    }

    /// The rows of the built-in store as it is shipped: indexed once per process (the
    /// app's warm-up thread does it while the window opens).
    pub fn built_in() -> Option<Self> {
        static INDEX: OnceLock<Option<Arc<Index>>> = OnceLock::new();
        let index = INDEX.get_or_init(|| {
            crate::store::built_in()
                .ok()
                .map(|store| Arc::new(search::index(store)))
        });
        index.clone().map(|index| Self {
            state: State::Ready(index),
        })
    }

    /// Indexes `store`: at once when it is small, else on a worker (the worker shares the
    /// store, no copy; `wake` gets a repaint request when the index is ready).
    pub fn build(store: &Arc<Store>, wake: Option<egui::Context>) -> Self {
        let records = store.items().count();
        if records <= WORKER_THRESHOLD {
            return Self::ready(search::index(store));
        }
        let copy = Arc::clone(store);
        let (tx, rx) = mpsc::channel();
        let started = std::thread::Builder::new()
            .name("search-index".to_owned())
            .spawn(move || {
                // The list may be gone (another store opened); then nobody listens.
                let _ = tx.send(search::index(&copy));
                if let Some(ctx) = wake {
                    ctx.request_repaint();
                }
            });
        match started {
            Ok(_) => Self {
                state: State::Building { rx, records },
            },
            // No thread to be had: index here rather than show no list.
            Err(_) => Self::ready(search::index(store)),
        }
    }

    /// Takes in the index if the worker finished; the index once it is ready.
    pub fn poll(&mut self) -> Option<&Index> {
        if let State::Building { rx, records } = &self.state {
            self.state = match rx.try_recv() {
                Ok(index) => State::Ready(Arc::new(index)),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => State::Lost { records: *records },
            };
        }
        self.index()
    }

    /// The index, when it is ready (without taking in a finished worker's result).
    pub fn index(&self) -> Option<&Index> {
        match &self.state {
            State::Ready(index) => Some(index),
            _ => None,
        }
    }

    /// Whether the index is still being built on a worker.
    pub fn is_building(&self) -> bool {
        matches!(self.state, State::Building { .. })
    }

    /// Waits for a worker still building the index (tests; an export that needs the list).
    pub fn wait(&mut self) -> Option<&Index> {
        if let State::Building { rx, records } = &self.state {
            self.state = match rx.recv() {
                Ok(index) => State::Ready(Arc::new(index)),
                Err(_) => State::Lost { records: *records },
            };
        }
        self.index()
    }

    /// What the list shows instead of its rows while there are none yet.
    pub fn progress(&self) -> Option<String> {
        match &self.state {
            State::Ready(_) => None,
            State::Building { records, .. } => {
                Some(format!("Indexing {} records…", thousands(*records)))
            }
            State::Lost { records } => Some(format!(
                "The search index of {} records could not be built (its worker stopped). \
                 Open the store again to retry.",
                thousands(*records)
            )),
        }
    }

    /// Shows the progress line (with a turning dot) and keeps it moving.
    pub(super) fn show_progress(&self, ui: &mut egui::Ui) {
        let Some(line) = self.progress() else { return };
        ui.add_space(8.0);
        ui.horizontal_wrapped(|ui| {
            if self.is_building() {
                ui.spinner();
                ui.ctx().request_repaint_after(PROGRESS_REPAINT);
            }
            ui.label(line);
        });
    }
}

/// `n` with thousands separated by commas: 100000 → "100,000".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_by_commas() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5_001), "5,001");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn a_small_store_is_indexed_at_once() {
        let store = crate::store::embedded().expect("embedded").store;
        let mut rows = Rows::build(&store, None);
        assert!(!rows.is_building());
        assert_eq!(rows.poll().map(|i| i.len()), Some(store.items().count()));
        assert_eq!(rows.progress(), None);
    }

    #[test]
    fn the_built_in_rows_are_the_rows_of_the_built_in_store() {
        let store = crate::store::embedded().expect("embedded").store;
        let fresh = search::index(&store);
        let shared = Rows::built_in().expect("the built-in store loads");
        let ids = |i: &Index| i.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert!(!fresh.is_empty());
        assert_eq!(shared.index().map(ids), Some(ids(&fresh)));
    }
}
