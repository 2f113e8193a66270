//! The network view as a user meets it: a harness that shows just the view over the built-in
//! default store (or the sample store), finds things by their accessible names, types, clicks,
//! and checks what the view shows and which commands it returns.

mod common;

#[path = "support/sample_store.rs"]
mod sample_store;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::analysis::network::{Granularity, Graph};
use partnership_atlas::model::Store;
use partnership_atlas::ui::network::{LayoutKind, NetworkView};
use partnership_atlas::ui::{Command, FileAction, ViewCtx};

use sample_store::sample_store;

/// What the harness keeps: the view, the store, and what the app would have done.
struct App {
    view: NetworkView,
    store: Store,
    selected: Option<String>,
    noted: BTreeSet<String>,
    commands: Vec<Command>,
}

fn harness(store: Store, layout: LayoutKind) -> Harness<'static, App> {
    let mut view = NetworkView::default();
    view.layout = layout;
    let app = App {
        view,
        store,
        selected: None,
        noted: BTreeSet::new(),
        commands: Vec::new(),
    };
    common::ui_harness(
        egui::vec2(1400.0, 860.0),
        |ui, app: &mut App| {
            let ctx = ViewCtx {
                store: &app.store,
                selected: app.selected.as_deref(),
                noted: &app.noted,
                hangul: false,
            };
            for c in app.view.ui(ui, &ctx) {
                match &c {
                    Command::Select(id) => app.selected = Some(id.clone()),
                    Command::ClearSelection => app.selected = None,
                    _ => {}
                }
                app.commands.push(c);
            }
        },
        app,
    )
}

/// The accessible label of each partnership's link, by partnership id.
fn link_labels(store: &Store) -> Vec<(String, String)> {
    let g = Graph::build(store, Granularity::Cities);
    g.edges
        .iter()
        .filter(|e| e.kind == partnership_atlas::analysis::network::EdgeKind::Pair)
        .map(|e| (e.record.clone(), g.edge_label(e)))
        .collect()
}

fn has_link(h: &Harness<'_, App>, label: &str) -> bool {
    h.query_by_role_and_label(Role::Button, label).is_some()
}

#[test]
fn searching_sejong_in_hangul_selects_sejong_and_shows_its_partnership_with_belfast() {
    let store = common::default_store();
    let sejong = store
        .places
        .iter()
        .find(|p| p.name_ko.as_deref() == Some("세종"));
    let Some(sejong) = sejong.map(|p| p.id.clone()) else {
        panic!("the default store has no 세종")
    };
    let mut h = harness(store, LayoutKind::Regions);
    h.run();
    let field = h.get_by_label("Find");
    field.focus();
    field.type_text("세종");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some(sejong.as_str()));
    assert!(
        h.state()
            .commands
            .contains(&Command::Select(sejong.clone())),
        "{:?}",
        h.state().commands
    );
    // The selection card lists the pair; the canvas exposes the link.
    assert!(
        h.query_by_label_contains("Belfast — Sejong ·").is_some(),
        "the card lists Belfast — Sejong"
    );
    let belfast_sejong = h.query_all_by_label_contains("Belfast — Sejong, ").count();
    assert_eq!(belfast_sejong, 1, "one link Belfast — Sejong on the canvas");
}

#[test]
fn an_english_search_finds_the_same_place_as_the_hangul_one() {
    let mut h = harness(sample_store(), LayoutKind::Schematic);
    h.run();
    let field = h.get_by_label("Find");
    field.focus();
    field.type_text("sejo");
    h.run();
    // The results list is open; pick the row.
    h.get_by_label_contains("Sejong 세종").click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("place-sejong"));
}

#[test]
fn a_programme_filter_hides_the_other_programmes_links() {
    let store = sample_store();
    let labels = link_labels(&store);
    let mut h = harness(store, LayoutKind::Regions);
    h.run();
    for (_, label) in &labels {
        assert!(
            has_link(&h, label),
            "{label} is on the canvas before filtering"
        );
    }
    // Untick every programme but the JRC–KAIST cooperation.
    for programme in [
        "UK–Korea Innovation Twins",
        "Denmark–Korea Joint Action Plan",
        "EU World Cities",
    ] {
        if h.query_by_role_and_label(Role::CheckBox, programme)
            .is_none()
        {
            h.get_by(|n| {
                n.role() == Role::Button && n.label().is_some_and(|l| l.starts_with("Programmes "))
            })
            .click();
            h.run();
        }
        h.get_by_role_and_label(Role::CheckBox, programme).click();
        h.run();
    }
    h.key_press(egui::Key::Escape);
    h.run();
    for (id, label) in &labels {
        let keep = id == "pship-jrc-kaist";
        assert_eq!(has_link(&h, label), keep, "{label}");
    }
    assert!(
        !has_link(
            &h,
            "Seoul — member of EU World Cities in Korea, EU World Cities"
        ),
        "cohort links go too"
    );
    assert!(
        h.query_by_label_contains("· 1 of 6 partnerships shown")
            .is_some(),
        "the legend counts what is left"
    );
    assert_eq!(
        h.state().view.filter.hidden_programmes.len(),
        3,
        "three programmes left out: {:?}",
        h.state().view.filter.hidden_programmes
    );
}

#[test]
fn the_year_slider_hides_partnerships_that_had_not_started() {
    let store = sample_store();
    let labels = link_labels(&store);
    let since: Vec<(String, Option<i32>)> = store
        .partnerships
        .iter()
        .map(|p| (p.id.clone(), p.since))
        .collect();
    let mut h = harness(store, LayoutKind::Schematic);
    h.run();
    h.get_by_role_and_label(Role::CheckBox, "As of year")
        .click();
    h.run();
    let slider = h.get_by_role_and_label(Role::Slider, "year");
    slider.set_value_accesskit(2020.0);
    h.run();
    assert_eq!(h.state().view.filter.year, Some(2020));
    for (id, label) in &labels {
        let started = since
            .iter()
            .find(|(p, _)| p == id)
            .and_then(|(_, s)| *s)
            .is_none_or(|s| s <= 2020);
        assert_eq!(
            has_link(&h, label),
            started,
            "{label} (undated ones stay by default)"
        );
    }
    assert!(
        h.query_by_label_contains("As of 2020: 4 partnerships not yet started are hidden.")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("1 partnership with no start year is shown.")
            .is_some(),
        "the undated rule is said on screen"
    );
    // Hiding undated partnerships removes Liverpool City Region — Busan too.
    h.get_by_label("No start year").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "hidden").click();
    h.run();
    assert!(!has_link(
        &h,
        "Liverpool City Region — Busan, UK–Korea Innovation Twins"
    ));
    assert!(
        has_link(&h, "JRC — KPC4IR, EU JRC–KAIST cooperation"),
        "2019 is before 2020"
    );
}

#[test]
fn every_place_and_link_on_screen_has_a_readable_accessible_name() {
    let mut h = harness(sample_store(), LayoutKind::World);
    h.run();
    assert!(has_link(&h, "Belfast — Sejong, UK–Korea Innovation Twins"));
    assert!(
        h.query_by_label("Sejong (세종), South Korea: 2 partnerships")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Denmark (national): organisations with no city stated")
            .is_some()
    );
    let canvas = h.get_by_role(Role::Canvas);
    assert!(
        canvas
            .accesskit_node()
            .label()
            .is_some_and(|l| l.starts_with("Partnership network, World map"))
    );
}

#[test]
fn clicking_a_link_selects_its_partnership() {
    let mut h = harness(sample_store(), LayoutKind::Schematic);
    h.run();
    h.get_by_role_and_label(Role::Button, "Glasgow — Daegu, UK–Korea Innovation Twins")
        .click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("pship-glasgow-daegu"));
    let cited = h
        .query_all_by_label_contains("Source: UK – Republic of Korea Innovation Twins Programme")
        .count();
    assert!(cited >= 1, "the card cites the source");
}

#[test]
fn the_force_layout_stops_repainting_once_it_has_settled() {
    let mut h = harness(sample_store(), LayoutKind::Regions);
    h.run();
    assert!(h.state().view.is_at_rest());
    h.state_mut().view.layout = LayoutKind::Institutions;
    h.step();
    assert!(
        !h.state().view.is_at_rest(),
        "the first frame starts the layout moving"
    );
    let mut steps = 1;
    while !h.state().view.is_at_rest() && steps < 500 {
        h.step();
        steps += 1;
    }
    assert!(h.state().view.is_at_rest(), "settled after {steps} frames");
    assert!(steps > 1, "the layout animates rather than jumping");
    // At rest, a run ends in a few frames: no frame asks for another.
    let frames = h.run();
    assert!(frames <= 3, "{frames} frames after settling");
}

#[test]
fn each_layout_remembers_its_own_settings_through_serde() {
    let mut view = NetworkView::default();
    view.layout = LayoutKind::Schematic;
    view.filter.year = Some(2019);
    view.show_labels = false;
    let text = match ron::to_string(&view) {
        Ok(t) => t,
        Err(e) => panic!("serialise: {e}"),
    };
    let back: NetworkView = match ron::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("deserialise: {e}"),
    };
    assert_eq!(back.layout, LayoutKind::Schematic);
    assert_eq!(back.filter.year, Some(2019));
    assert!(!back.show_labels);
    let old: NetworkView = match ron::from_str("(layout: World)") {
        Ok(v) => v,
        Err(e) => panic!("a partial settings file must load: {e}"),
    };
    assert_eq!(old.layout, LayoutKind::World);
    assert!(old.show_labels, "missing settings take their defaults");
}

#[test]
fn right_clicking_a_place_or_a_link_offers_a_briefing_on_that_record() {
    let store = common::default_store();
    let sejong = store
        .places
        .iter()
        .find(|p| p.name_ko.as_deref() == Some("세종"))
        .map(|p| p.id.clone())
        .expect("the default store has 세종");
    let pair = store
        .partnerships
        .iter()
        .find(|p| p.a == "place-belfast" && p.b == sejong)
        .map(|p| p.id.clone())
        .expect("the Belfast–Sejong pair");
    let mut h = harness(store, LayoutKind::Regions);
    h.run();
    let node = h
        .query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Sejong (세종)"))
        })
        .expect("Sejong on the canvas");
    node.click_secondary();
    h.run();
    h.get_by_label("Briefing…").click();
    h.run();
    let asked = Command::AskPath(FileAction::Briefing {
        ids: vec![sejong.clone()],
    });
    assert!(
        h.state().commands.contains(&asked),
        "{:?}",
        h.state().commands
    );

    h.state_mut().commands.clear();
    h.get_by_label_contains("Belfast — Sejong, ")
        .click_secondary();
    h.run();
    h.get_by_label("Briefing…").click();
    h.run();
    let asked = Command::AskPath(FileAction::Briefing { ids: vec![pair] });
    assert!(
        h.state().commands.contains(&asked),
        "{:?}",
        h.state().commands
    );
}
