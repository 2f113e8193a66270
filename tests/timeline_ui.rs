//! The timeline view as a user meets it: a harness that shows just the view over the built-in
//! default store, finds marks, lanes and the cursor by their accessible names, clicks, and
//! checks what the view shows and which commands it returns.

mod common;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::analysis::network::Filter;
use partnership_atlas::model::Store;
use partnership_atlas::ui::timeline::TimelineView;
use partnership_atlas::ui::{Command, ViewCtx};

/// What the harness keeps: the view, the store, and what the app would have done.
struct App {
    view: TimelineView,
    store: Store,
    filter: Filter,
    as_of_year: Option<i32>,
    hangul: bool,
    selected: Option<String>,
    noted: BTreeSet<String>,
    commands: Vec<Command>,
}

fn harness_with(setup: impl FnOnce(&mut App)) -> Harness<'static, App> {
    let mut app = App {
        view: TimelineView::default(),
        store: common::default_store(),
        filter: Filter::default(),
        as_of_year: None,
        hangul: false,
        selected: None,
        noted: BTreeSet::new(),
        commands: Vec::new(),
    };
    setup(&mut app);
    common::ui_harness(
        egui::vec2(1400.0, 860.0),
        |ui, app: &mut App| {
            egui::CentralPanel::default().show(ui, |ui| {
                let ctx = ViewCtx {
                    store: &app.store,
                    selected: app.selected.as_deref(),
                    noted: &app.noted,
                    hangul: app.hangul,
                };
                for c in app.view.ui(ui, &ctx, &app.filter, app.as_of_year) {
                    match &c {
                        Command::Select(id) => app.selected = Some(id.clone()),
                        Command::SetAsOfYear(y) => app.as_of_year = *y,
                        _ => {}
                    }
                    app.commands.push(c);
                }
            });
        },
        app,
    )
}

fn harness() -> Harness<'static, App> {
    harness_with(|_| {})
}

const ROADMAP: &str = "2024-04 launch: Belfast–Sejong roadmap launched";
const TWINS_LANE: &str = "Innovation Twins: UK Korea lane";

fn rect_of(h: &Harness<'_, App>, label_contains: &str) -> egui::Rect {
    let Some(node) = h.query_by_label_contains(label_contains) else {
        panic!("nothing labelled {label_contains:?} on screen")
    };
    node.rect()
}

#[test]
fn the_2024_04_belfast_sejong_roadmap_launch_is_shown_in_the_innovation_twins_lane() {
    let mut h = harness();
    h.run();
    let mark = rect_of(&h, ROADMAP);
    let lane = rect_of(&h, TWINS_LANE);
    let y = mark.center().y;
    assert!(
        lane.y_range().contains(y),
        "the mark at y={y} is in the lane {lane:?}"
    );
    // And in no other lane.
    for other in [
        "DK–KR Joint Action Plan 2021–2024 lane",
        "JRC–KAIST lane",
        "World Cities Korea lane",
    ] {
        assert!(!rect_of(&h, other).y_range().contains(y), "not in {other}");
    }
    assert_eq!(
        h.query_all_by_label_contains(ROADMAP).count(),
        1,
        "one roadmap mark"
    );
}

#[test]
fn clicking_the_roadmap_launch_selects_its_partnership() {
    let mut h = harness();
    h.run();
    h.get_by_label_contains(ROADMAP).click();
    h.run();
    let want = Command::Select("pair-belfast-sejong".to_owned());
    assert!(
        h.state().commands.contains(&want),
        "{:?}",
        h.state().commands
    );
    assert_eq!(h.state().selected.as_deref(), Some("pair-belfast-sejong"));
}

#[test]
fn moving_the_as_of_year_from_2020_to_2023_moves_the_cursor_right() {
    let mut h = harness_with(|app| app.as_of_year = Some(2020));
    h.run();
    assert!(h.query_by_label("As of 2023").is_none());
    let at_2020 = h.get_by_label("As of 2020").rect();
    h.state_mut().as_of_year = Some(2023);
    h.run();
    assert!(
        h.query_by_label("As of 2020").is_none(),
        "one cursor, not two"
    );
    let at_2023 = h.get_by_label("As of 2023").rect();
    // The label's right edge is the cursor line.
    let moved = at_2023.right() - at_2020.right();
    assert!(moved > 10.0, "the cursor moved {moved} points to the right");
    // Three years, at the same scale as the marks: the roadmap (2024-04) is to its right.
    assert!(rect_of(&h, ROADMAP).center().x > at_2023.right());
}

#[test]
fn clicking_the_time_axis_asks_the_app_to_set_the_as_of_year() {
    let mut h = harness();
    h.run();
    assert!(
        h.query_by_role_and_label(Role::Label, "As of 2020")
            .is_none(),
        "no cursor without a year"
    );
    h.get_by_label_contains("Time axis").click();
    h.run();
    let set = h.state().commands.iter().find_map(|c| match c {
        Command::SetAsOfYear(Some(y)) => Some(*y),
        _ => None,
    });
    let Some(year) = set else {
        panic!("no SetAsOfYear in {:?}", h.state().commands)
    };
    assert!((1959..=2024).contains(&year), "{year}");
    assert!(h.query_by_label(&format!("As of {year}")).is_some());
}

#[test]
fn items_without_a_date_are_listed_apart_with_hangul_names_when_asked() {
    let mut h = harness();
    h.run();
    let listed = "Belfast – Sejong — partnership, no start year stated";
    assert!(h.query_by_label_contains(listed).is_some());
    // Not on the axis: the pair has no span of its own (its milestone is a mark).
    assert!(
        h.query_by_label_contains("Belfast – Sejong, partnership")
            .is_none()
    );
    let mut h = harness_with(|app| app.hangul = true);
    h.run();
    assert!(
        h.query_by_label_contains("Belfast – Sejong · 벨파스트 – 세종 — partnership")
            .is_some()
    );
}

#[test]
fn a_programme_left_out_by_the_network_filter_takes_no_clicks_on_the_timeline() {
    let mut h = harness_with(|app| {
        app.filter.hidden_programmes = ["prog-uk-korea-innovation-twins".to_owned()].into();
    });
    h.run();
    assert!(h.query_by_label_contains(ROADMAP).is_none());
    assert!(
        h.query_by_label_contains("2019-07 workshop: First joint JRC–KAIST workshop")
            .is_some()
    );
}

#[test]
fn zooming_in_spreads_the_marks_and_fit_all_brings_them_back() {
    let mut h = harness();
    h.run();
    let (a, b) = (
        "2018-10 milestone: President Moon",
        "2019-07 workshop: First joint JRC–KAIST workshop",
    );
    let gap = |h: &Harness<'_, App>| rect_of(h, b).center().x - rect_of(h, a).center().x;
    let before = gap(&h);
    assert!(before > 0.0, "2019-07 is right of 2018-10");
    h.get_by_role_and_label(Role::Button, "+").click();
    h.run();
    let after = gap(&h);
    assert!((after / before - 1.5).abs() < 0.05, "{before} → {after}");
    h.get_by_role_and_label(Role::Button, "Fit all").click();
    h.run();
    // Fit all shows 1959 too, so the years are narrower than on opening.
    assert!(gap(&h) < before, "{before} vs {}", gap(&h));
    assert!(h.query_by_label_contains(ROADMAP).is_some());
    assert!(
        h.query_by_label_contains("2019-07 workshop: First joint JRC–KAIST workshop")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("1959 milestone: Diplomatic relations")
            .is_some()
    );
}

#[test]
fn the_view_opens_on_the_years_where_most_items_are_and_says_what_lies_beyond() {
    let mut h = harness();
    h.run();
    assert!(
        h.query_by_label_contains("1959 milestone: Diplomatic relations")
            .is_none(),
        "1959 lies 52 years before the rest"
    );
    assert!(
        h.query_by_label_contains("1 earlier and 0 later marks off screen")
            .is_some()
    );
    assert!(h.query_by_label_contains(ROADMAP).is_some());
}

#[test]
fn the_view_comes_to_rest_and_asks_for_no_repaint_while_idle() {
    let mut h = harness_with(|app| app.as_of_year = Some(2021));
    h.run();
    // Hovering a mark shows its tooltip, then everything settles again.
    h.get_by_label_contains(ROADMAP).hover();
    assert!(h.try_run().is_ok(), "settles within the step limit");
    let idle = h.run();
    assert!(idle <= 1, "{idle} frames while nothing happens");
}
