//! The worker builds what the UI thread would build, from the same store.

use super::*;
use std::time::Instant;

use crate::analysis::network::layout_map;

#[test]
fn counts_are_written_with_thousands_separators() {
    assert_eq!(thousands(7), "7");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(1000), "1,000");
    assert_eq!(thousands(33_961), "33,961");
    assert_eq!(thousands(1_234_567), "1,234,567");
}

fn built(kind: LayoutKind, store: &Store, settings: Settings) -> Built {
    let Ok(pending) = Pending::start(kind, Input::Store(Box::new(store.clone())), settings, 1)
    else {
        panic!("a thread starts")
    };
    let t = Instant::now();
    loop {
        match pending.poll() {
            Ok(Some(b)) => break b,
            Ok(None) if t.elapsed().as_secs() < 60 => {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            _ => panic!("the worker did not finish"),
        }
    }
}

/// What the UI thread builds for the first picture (as `scene::build` does, lazily).
fn states_on_the_ui_thread(
    graph: &Graph,
    layout: &Layout,
    settings: &Settings,
) -> (Vec<EdgeState>, Vec<NodeState>, Pyramid) {
    let states = settings.filter.edge_states(graph);
    let nodes = scene::node_states(
        graph,
        &states,
        settings.hide_outside,
        settings.show_unlinked,
    );
    let pyramid = scene_edges::pyramid_of(graph, layout, &states, settings.hide_outside);
    (states, nodes, pyramid)
}

fn layout_of(built: &Built) -> &Layout {
    match built.kind {
        LayoutKind::World => &built.world.as_ref().expect("world built").0,
        LayoutKind::Regions => &built.regions.as_ref().expect("regions built").0,
        _ => built.schematic.as_ref().expect("schematic built"),
    }
}

#[test]
fn a_worker_builds_the_same_layout_as_the_ui_thread_does() {
    let store = crate::analysis::network::test_store::sample_store();
    let mut filter = Filter::default();
    if let Some(p) = store.programmes.first() {
        filter.hidden_programmes.insert(p.id.clone());
    }
    let settings = Settings {
        filter,
        hide_outside: false,
        show_unlinked: false,
        store_name: store.name.clone(),
    };
    for kind in [
        LayoutKind::World,
        LayoutKind::Regions,
        LayoutKind::Schematic,
    ] {
        let graph = Graph::build(&store, kind.granularity());
        let built = built(kind, &store, settings.clone());
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
        let (states, nodes, _) = states_on_the_ui_thread(&graph, layout_of(&built), &settings);
        let shown = built.shown.as_ref().expect("the first picture's states");
        assert!(
            states.contains(&EdgeState::Faded),
            "the filter leaves something out"
        );
        assert_eq!(shown.states, states, "{kind:?}");
        assert_eq!(*shown.node_states, nodes, "{kind:?}");
        assert_eq!(shown.settings, settings);
        let colours = scene::node_colours(&graph);
        let legend = legend_data::gather_from(&LegendInput {
            layout: kind,
            graph: &graph,
            states: &states,
            colours: &colours,
            filter: &settings.filter,
            outside: Outside::Fade,
            store_name: &store.name,
        });
        assert_eq!(*shown.legend, legend, "{kind:?}");
        assert!(shown.pyramid.is_none(), "a few links are drawn one by one");
    }
}

/// The sample store with its partnerships copied (under new ids) until there are more links
/// than are drawn one by one.
fn dense_store() -> Store {
    let mut store = crate::analysis::network::test_store::sample_store();
    let originals = store.partnerships.clone();
    for i in 0..scene::MAX_INDIVIDUAL_EDGES + 200 {
        let mut p = originals[i % originals.len()].clone();
        p.id = format!("{}-copy-{i}", p.id);
        store.partnerships.push(p);
    }
    store
}

#[test]
fn a_worker_builds_the_bundles_the_ui_thread_would_build() {
    let store = dense_store();
    // Leave out the programme with the fewest pairs: most links stay drawable when hidden.
    let rarest = store
        .programmes
        .iter()
        .min_by_key(|p| {
            let pairs = store.partnerships.iter().filter(|q| q.programme == p.id);
            (pairs.count(), p.id.clone())
        })
        .map(|p| p.id.clone());
    for hide_outside in [false, true] {
        let mut filter = Filter::default();
        filter.hidden_programmes.extend(rarest.clone());
        let settings = Settings {
            filter,
            hide_outside,
            show_unlinked: true,
            store_name: String::new(),
        };
        let built = built(LayoutKind::World, &store, settings.clone());
        let (_, _, mut pyramid) =
            states_on_the_ui_thread(&built.graph, layout_of(&built), &settings);
        let shown = built.shown.expect("the first picture's states");
        let mut from_worker = shown.pyramid.expect("many links are bundled");
        assert!(from_worker.links().len() > scene::MAX_INDIVIDUAL_EDGES);
        assert_eq!(from_worker.links(), pyramid.links(), "hide {hide_outside}");
        for k in 0..LEVELS {
            assert_eq!(from_worker.level(k), pyramid.level(k), "level {k}");
        }
    }
}

#[test]
fn a_copy_under_way_is_dropped_when_a_layout_built_on_the_ui_thread_is_shown() {
    let mut store = crate::analysis::network::test_store::sample_store();
    let originals = store.places.clone();
    for i in 0..50_000 {
        let mut p = originals[i % originals.len()].clone();
        p.id = format!("place-copy-{i}");
        store.places.push(p);
    }
    let settings = Settings::default();
    let mut cache = Cache::default();
    assert!(cache.on_worker(
        &store,
        LayoutKind::World,
        &settings,
        super::super::COPY_BUDGET
    ));
    assert!(
        cache.is_copying(),
        "50,000 places take more than one frame's slice"
    );
    assert!(cache.progress().is_some());
    // The institutions layout is built on the UI thread: the view must not wait for a copy
    // that nobody steps on.
    assert!(!cache.on_worker(
        &store,
        LayoutKind::Institutions,
        &settings,
        super::super::COPY_BUDGET
    ));
    assert!(!cache.is_copying());
    assert_eq!(cache.progress(), None);
}
