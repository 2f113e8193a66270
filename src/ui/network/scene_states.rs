//! How each node of a scene is drawn under the filter (shown, faded, hollow or hidden), and
//! the key under which the view keeps it: it changes with the filter, not the camera.

use crate::analysis::network::Graph;
use crate::analysis::network::filter::EdgeState;

use super::scene::{NodeState, PyramidKey, SceneKey};

/// The key under which node states are kept: they change with the filter, not the camera.
pub(super) fn node_states_key(key: &SceneKey) -> PyramidKey {
    node_states_key_of(
        key.store_generation,
        key.states_generation,
        key.layout,
        key.show_unlinked,
        key.hide_outside,
    )
}

/// [`node_states_key`] from its parts.
pub(super) fn node_states_key_of(
    store_generation: u64,
    states_generation: u64,
    layout: super::LayoutKind,
    show_unlinked: bool,
    hide_outside: bool,
) -> PyramidKey {
    (
        store_generation,
        states_generation,
        layout,
        show_unlinked as u64,
        hide_outside,
    )
}

/// How each node is drawn, from its links' states (links outside the filter hidden or faded;
/// places without any link shown hollow or not at all).
pub(super) fn node_states(
    graph: &Graph,
    states: &[EdgeState],
    hide_outside: bool,
    show_unlinked: bool,
) -> Vec<NodeState> {
    let mut best = vec![NodeState::Idle; graph.nodes.len()];
    for (e, s) in graph.edges.iter().zip(states) {
        let s = match s {
            EdgeState::Shown => NodeState::Shown,
            EdgeState::Faded if hide_outside => NodeState::Hidden,
            EdgeState::Faded => NodeState::Faded,
            EdgeState::Hidden => continue,
        };
        for n in [e.from, e.to] {
            let b = &mut best[n as usize];
            if *b == NodeState::Idle || s > *b {
                *b = s;
            }
        }
    }
    for (i, b) in best.iter_mut().enumerate() {
        if *b == NodeState::Idle && !show_unlinked && graph.incident[i].is_empty() {
            *b = NodeState::Hidden;
        }
    }
    best
}
