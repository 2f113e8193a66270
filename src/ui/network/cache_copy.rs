//! The copy of a large store a worker builds its graph from, made a slice per frame: copying
//! 34,000 places and 100,000 partnerships at once would hold the window for a noticeable
//! moment, so each frame copies for at most [`BUDGET`] and asks for the next frame at once.

use std::time::{Duration, Instant};

use crate::model::Store;

/// The longest a frame spends copying.
pub(in super::super) const BUDGET: Duration = Duration::from_millis(4);

/// Records copied between two looks at the clock.
const CHUNK: usize = 256;

/// A copy under way of the lists a graph is built from (places, organisations, programmes,
/// partnerships, cohorts); the rest of the store (sources, agreements, indicators…) is not
/// read by [`crate::analysis::network::Graph::build`] and is not copied.
pub(super) struct Copy {
    store: Store,
    places: usize,
}

impl Copy {
    /// Starts a copy of `src` (nothing copied yet).
    pub fn new(src: &Store) -> Self {
        Self {
            store: Store {
                format_version: src.format_version,
                name: src.name.clone(),
                places: Vec::with_capacity(src.places.len()),
                organisations: Vec::with_capacity(src.organisations.len()),
                programmes: Vec::with_capacity(src.programmes.len()),
                partnerships: Vec::with_capacity(src.partnerships.len()),
                cohorts: Vec::with_capacity(src.cohorts.len()),
                ..Store::default()
            },
            places: src.places.len(),
        }
    }

    /// How many places the store has (the progress line names them).
    pub fn places(&self) -> usize {
        self.places
    }

    /// Copies on from `src` (the same store as at [`Self::new`]) until `budget` is spent or
    /// the copy is complete; returns whether it is complete.
    pub fn step(&mut self, src: &Store, budget: Duration) -> bool {
        let start = Instant::now();
        let s = &mut self.store;
        more(&mut s.places, &src.places, start, budget)
            && more(&mut s.organisations, &src.organisations, start, budget)
            && more(&mut s.programmes, &src.programmes, start, budget)
            && more(&mut s.partnerships, &src.partnerships, start, budget)
            && more(&mut s.cohorts, &src.cohorts, start, budget)
    }

    /// The copy (complete once [`Self::step`] said so).
    pub fn finish(self) -> Store {
        self.store
    }
}

/// Appends the rest of `src` to `dst` a chunk at a time until `budget` has passed since
/// `start`; returns whether `dst` is complete.
fn more<T: Clone>(dst: &mut Vec<T>, src: &[T], start: Instant, budget: Duration) -> bool {
    while dst.len() < src.len() {
        let end = (dst.len() + CHUNK).min(src.len());
        dst.extend_from_slice(&src[dst.len()..end]);
        if dst.len() < src.len() && start.elapsed() >= budget {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::network::{Granularity, Graph};

    #[test]
    fn a_copy_made_in_slices_builds_the_same_graph_as_the_store() {
        let store = crate::analysis::network::test_store::sample_store();
        let mut copy = Copy::new(&store);
        // No time at all: one chunk per list per step, so the copy takes several steps.
        let mut steps = 1;
        while !copy.step(&store, Duration::ZERO) {
            steps += 1;
            assert!(steps < 10_000, "the copy never completes");
        }
        let copy = copy.finish();
        assert_eq!(copy.places, store.places);
        assert_eq!(copy.partnerships, store.partnerships);
        for g in [Granularity::Cities, Granularity::Institutions] {
            assert_eq!(Graph::build(&copy, g), Graph::build(&store, g), "{g:?}");
        }
    }

    #[test]
    fn a_large_list_is_copied_over_several_steps() {
        let mut store = crate::analysis::network::test_store::sample_store();
        let place = store.places[0].clone();
        store.places = vec![place; 3 * CHUNK + 7];
        let mut copy = Copy::new(&store);
        let mut steps = 1;
        while !copy.step(&store, Duration::ZERO) {
            steps += 1;
        }
        assert!(steps >= 4, "{steps} steps");
        assert_eq!(copy.finish().places, store.places);
    }
}
