//! The network view's layout at the sizes officers work at: a selection from the list frames
//! both ends of a partnership, the selection card keeps off them, the legend folds and sits
//! beside the canvas, and labels keep off each other (in English and with Hangul names).

mod common;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::model::Store;
use partnership_atlas::ui::network::{FOLD_LABEL, NetworkView, UNFOLD_LABEL};
use partnership_atlas::ui::{Command, ViewCtx};

/// What the harness keeps: the view, the store, and what the app would have done.
struct App {
    view: NetworkView,
    store: Store,
    selected: Option<String>,
    hangul: bool,
    noted: BTreeSet<String>,
}

fn harness(size: egui::Vec2, hangul: bool) -> Harness<'static, App> {
    let store = common::default_store();
    let app = App {
        view: NetworkView::default(),
        store,
        selected: None,
        hangul,
        noted: BTreeSet::new(),
    };
    common::ui_harness(
        size,
        |ui, app: &mut App| {
            let ctx = ViewCtx {
                store: &app.store,
                selected: app.selected.as_deref(),
                noted: &app.noted,
                hangul: app.hangul,
            };
            for c in app.view.ui(ui, &ctx) {
                match c {
                    Command::Select(id) => app.selected = Some(id),
                    Command::ClearSelection => app.selected = None,
                    _ => {}
                }
            }
        },
        app,
    )
}

const LAPTOP: egui::Vec2 = egui::vec2(1024.0, 640.0);
const PAIR: &str = "pair-liverpool-city-region-busan";
const LIVERPOOL: &str = "place-liverpool-city-region";
const BUSAN: &str = "place-busan";

fn canvas(h: &Harness<'_, App>) -> egui::Rect {
    match h.state().view.canvas_rect() {
        Some(r) => r,
        None => panic!("the canvas was not drawn"),
    }
}

fn drawn(h: &Harness<'_, App>, key: &str) -> egui::Pos2 {
    match h.state().view.drawn_position(key) {
        Some(p) => p,
        None => panic!("{key} is not drawn on the canvas"),
    }
}

/// Zooms far into the top-left of the canvas, as a user would, so neither end is on screen.
fn zoom_away(h: &mut Harness<'_, App>) {
    let r = canvas(h);
    h.hover_at(r.min + egui::vec2(20.0, 20.0));
    for _ in 0..6 {
        h.event(egui::Event::Zoom(2.0));
        h.step();
    }
    h.run();
}

#[test]
fn selecting_liverpool_city_region_busan_from_the_list_puts_both_places_inside_the_canvas() {
    let mut h = harness(LAPTOP, false);
    h.run();
    zoom_away(&mut h);
    let r = canvas(&h);
    let outside = [LIVERPOOL, BUSAN]
        .iter()
        .filter(|k| {
            h.state()
                .view
                .drawn_position(k)
                .is_none_or(|p| !r.contains(p))
        })
        .count();
    assert!(outside > 0, "the test starts with an end off screen");
    // The list (another panel) selects the partnership.
    h.state_mut().selected = Some(PAIR.to_owned());
    h.run();
    let r = canvas(&h);
    for key in [LIVERPOOL, BUSAN] {
        let p = drawn(&h, key);
        assert!(r.shrink(8.0).contains(p), "{key} at {p:?} is outside {r:?}");
    }
}

#[test]
fn the_selection_card_does_not_cover_the_selected_pairs_ends() {
    for size in [
        LAPTOP,
        egui::vec2(1280.0, 720.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        let mut h = harness(size, false);
        h.run();
        h.state_mut().selected = Some(PAIR.to_owned());
        h.run();
        let Some(card) = h.state().view.card_rect() else {
            panic!("no selection card at {size:?}")
        };
        for key in [LIVERPOOL, BUSAN] {
            let p = drawn(&h, key);
            assert!(
                !card.expand(6.0).contains(p),
                "at {size:?} the card {card:?} covers {key} at {p:?}"
            );
        }
    }
}

#[test]
fn the_legend_fold_button_folds_and_unfolds_the_legend() {
    let mut h = harness(LAPTOP, false);
    h.run();
    assert!(h.state().view.legend_open);
    let before = canvas(&h).height();
    assert!(
        h.query_by_label_contains("has a note").is_some(),
        "the open legend shows its symbols"
    );
    h.get_by_role_and_label(Role::Button, FOLD_LABEL).click();
    h.run();
    assert!(!h.state().view.legend_open, "the legend is folded");
    assert!(
        h.query_by_label_contains("has a note").is_none(),
        "a folded legend shows only its summary"
    );
    assert!(
        canvas(&h).height() > before + 40.0,
        "the canvas takes the room the legend gave up"
    );
    h.get_by_role_and_label(Role::Button, UNFOLD_LABEL).click();
    h.run();
    assert!(h.state().view.legend_open, "and unfolds again");
}

#[test]
fn the_legend_sits_below_the_canvas_with_every_entry_reachable() {
    let mut h = harness(LAPTOP, false);
    h.run();
    let r = canvas(&h);
    for entry in [
        "1, 4, 9 partnerships",
        "has a note",
        "cohort",
        "no city stated",
    ] {
        let Some(node) = h.query_all_by_label(entry).next() else {
            panic!("the legend has no '{entry}'")
        };
        let b = node.rect();
        eprintln!("{entry}: {b:?} canvas {r:?}");
        assert!(
            b.min.y >= r.max.y - 0.5,
            "'{entry}' at {b:?} is drawn over the canvas {r:?}"
        );
        assert!(
            b.max.y <= LAPTOP.y + 0.5 && b.max.x <= LAPTOP.x + 0.5,
            "'{entry}' is cut: {b:?}"
        );
    }
}

fn labels_overlap(h: &Harness<'_, App>) -> Vec<(String, String)> {
    let labels = h.state().view.drawn_labels();
    let mut out = Vec::new();
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in &labels[i + 1..] {
            if ra.intersects(*rb) {
                out.push((a.clone(), b.clone()));
            }
        }
    }
    out
}

#[test]
fn no_label_is_drawn_over_another_and_liverpool_city_region_is_labelled() {
    for size in [
        LAPTOP,
        egui::vec2(1280.0, 720.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        let mut h = harness(size, false);
        h.run();
        let overlaps = labels_overlap(&h);
        assert!(overlaps.is_empty(), "at {size:?}: {overlaps:?}");
        let keys: Vec<String> = h
            .state()
            .view
            .drawn_labels()
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert!(
            keys.iter().any(|k| k == LIVERPOOL),
            "at {size:?} Liverpool City Region has no label: {keys:?}"
        );
    }
}

#[test]
fn with_hangul_names_on_every_place_labelled_in_english_is_still_labelled_belfast_too() {
    for size in [LAPTOP, egui::vec2(1280.0, 720.0), egui::vec2(1440.0, 900.0)] {
        let mut english = harness(size, false);
        english.run();
        let mut hangul = harness(size, true);
        hangul.run();
        let keys = |h: &Harness<'_, App>| -> BTreeSet<String> {
            h.state()
                .view
                .drawn_labels()
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        };
        let (en, ko) = (keys(&english), keys(&hangul));
        assert!(
            en.contains("place-belfast"),
            "at {size:?} Belfast is labelled in English"
        );
        let lost: Vec<&String> = en.difference(&ko).collect();
        assert!(
            lost.is_empty(),
            "at {size:?} with Hangul on these lose their label: {lost:?}"
        );
        assert!(labels_overlap(&hangul).is_empty());
    }
}
