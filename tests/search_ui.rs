//! Finding facts through the browse list, the details panel and the source comparison, driven
//! through AccessKit by egui_kittest on the whole app (no window, no GPU).

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::Status;

/// The browse list is the left panel; the details panel starts this far from the right edge.
const LIST_RIGHT: f32 = 440.0;
const WIDTH: f32 = 1920.0;

fn harness() -> Harness<'static, AtlasApp> {
    let notes = tempfile::tempdir()
        .expect("temp dir")
        .keep()
        .join("notes.ron");
    let mut h = common::app_harness_sized(common::app_on(&notes), [WIDTH, 1200.0]);
    h.run();
    h
}

fn search(h: &mut Harness<'_, AtlasApp>, text: &str) {
    let field = h.get_by_label("Search");
    field.focus();
    field.type_text(text);
    h.run();
}

/// Labels in the browse list with exactly this text.
fn in_list(h: &Harness<'_, AtlasApp>, label: &str) -> usize {
    h.query_all_by_label(label)
        .filter(|n| n.rect().max.x < LIST_RIGHT)
        .count()
}

/// The "N of M records" count under the search box.
fn count(h: &Harness<'_, AtlasApp>) -> usize {
    let node = h.get_by_label_contains(" records");
    let text = node.accesskit_node().value().unwrap_or_default();
    text.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count in {text:?}"))
}

#[test]
fn typing_tbc_lists_the_agreements_whose_status_is_tbc_first_each_with_its_snippet() {
    let mut h = harness();
    search(&mut h, "TBC");
    let store = h.state().loaded.store.clone();
    let tbc: Vec<_> = store
        .agreements
        .iter()
        .filter(|a| a.status == Status::Tbc)
        .collect();
    assert!(tbc.len() >= 3);
    // Exactly the TBC agreements show the status snippet, with the match marked in it…
    let status_snippets: Vec<_> = h
        .query_all_by_label("Status: TBC")
        .filter(|n| n.rect().max.x < LIST_RIGHT)
        .collect();
    assert_eq!(status_snippets.len(), tbc.len());
    let mut lowest_status = f32::MIN;
    for a in &tbc {
        let title = h
            .query_all_by_label(&a.title)
            .find(|n| n.rect().max.x < LIST_RIGHT)
            .unwrap_or_else(|| panic!("{} is listed", a.title));
        lowest_status = lowest_status.max(title.rect().min.y);
        // Its snippet sits right under its name.
        assert!(
            status_snippets
                .iter()
                .any(|s| s.rect().min.y > title.rect().min.y
                    && s.rect().min.y < title.rect().min.y + 220.0),
            "no status snippet under {}",
            a.title
        );
    }
    // …and they come first: whatever else mentions "TBC" in a text is listed after them.
    let app = h.state_mut();
    let index = app
        .rows
        .index()
        .expect("the built-in store is indexed")
        .clone();
    let shown = app.settings.list.shown_ids(&index);
    let first: std::collections::BTreeSet<&str> =
        shown.iter().take(tbc.len()).map(String::as_str).collect();
    let expected: std::collections::BTreeSet<&str> = tbc.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        first, expected,
        "the TBC agreements head the list: {shown:?}"
    );
    assert!(lowest_status > f32::MIN);
}

#[test]
fn typing_sejong_lists_the_pair_the_place_and_the_roadmap_milestone_with_the_field_named() {
    let mut h = harness();
    search(&mut h, "Sejong");
    assert_eq!(in_list(&h, "Belfast – Sejong"), 1);
    assert_eq!(in_list(&h, "Sejong"), 1);
    let milestone = h
        .query_all_by_label_contains("Milestone 2024-04: ")
        .find(|n| n.rect().max.x < LIST_RIGHT)
        .expect("the roadmap milestone is shown with its field");
    assert!(
        milestone
            .accesskit_node()
            .value()
            .is_some_and(|l| l.contains("roadmap launched in Sejong"))
    );
}

#[test]
fn a_second_word_narrows_the_list() {
    let mut h = harness();
    search(&mut h, "Sejong");
    let one = count(&h);
    search(&mut h, " mayors");
    let two = count(&h);
    assert!(two >= 1 && two < one, "{one} then {two}");
    assert_eq!(in_list(&h, "Belfast – Sejong"), 1);
    assert_eq!(in_list(&h, "Sejong"), 0);
}

#[test]
fn the_status_chip_narrows_the_list_to_that_status() {
    let mut h = harness();
    let all = count(&h);
    h.get_by_role_and_label(Role::Button, "TBC").click();
    h.run();
    let store = &h.state().loaded.store;
    let tbc = store
        .agreements
        .iter()
        .filter(|a| a.status == Status::Tbc)
        .count()
        + store
            .partnerships
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count()
        + store
            .programmes
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count()
        + store
            .cohorts
            .iter()
            .filter(|a| a.status == Status::Tbc)
            .count();
    assert!(tbc > 0 && tbc < all);
    assert_eq!(count(&h), tbc);
    // Every row shows its status in the Status column.
    assert_eq!(
        h.query_all_by_label("TBC")
            .filter(|n| n.rect().max.x < LIST_RIGHT && n.accesskit_node().role() != Role::Button)
            .count(),
        tbc
    );
}

#[test]
fn selecting_a_second_record_shows_its_details_from_the_top() {
    let mut h = harness();
    search(&mut h, "Innovation Twins");
    let programme = h
        .state()
        .loaded
        .store
        .programmes
        .iter()
        .find(|p| p.name.contains("Innovation Twins"))
        .expect("the programme")
        .clone();
    h.query_all_by_label(&programme.name)
        .find(|n| n.rect().max.x < LIST_RIGHT)
        .expect("listed")
        .click();
    h.run();
    let heading = |h: &Harness<'_, AtlasApp>, name: &str| {
        h.query_all_by_label(name)
            .find(|n| n.rect().min.x > WIDTH - 700.0 && n.accesskit_node().role() == Role::Label)
            .map(|n| n.rect().min.y)
    };
    let top = heading(&h, &programme.name).expect("the details heading");
    // Scroll the details panel down.
    for _ in 0..6 {
        h.query_all_by_label("Sources")
            .find(|n| n.rect().min.x > WIDTH - 700.0)
            .expect("the sources section")
            .scroll_down();
        h.run();
    }
    let scrolled = heading(&h, &programme.name).unwrap_or(f32::MIN);
    assert!(
        scrolled < top - 50.0,
        "the panel scrolled ({top} → {scrolled})"
    );
    // Select another record from the list: its details start at the top.
    h.query_all_by_label("Belfast – Sejong")
        .find(|n| n.rect().max.x < LIST_RIGHT)
        .expect("the pair is listed")
        .click();
    h.run();
    assert_eq!(h.state().selected.as_deref(), Some("pair-belfast-sejong"));
    let second = heading(&h, "Belfast – Sejong").expect("the second heading");
    assert!((second - top).abs() < 2.0, "{second} vs {top}");
    // The key facts are in the summary: date and place of the roadmap launch, and status.
    assert!(h.query_all_by_label_contains("2024-04 in Sejong").any(|n| {
        n.rect().min.x > WIDTH - 700.0
            && n.accesskit_node()
                .value()
                .is_some_and(|l| l.contains("Status: unknown"))
    }));
}

#[test]
fn the_source_comparison_for_gerd_2019_shows_every_sources_value_for_korea() {
    let mut h = harness();
    h.get_by_role_and_label(Role::Button, "Charts").click();
    h.run();
    h.get_by_label_contains("Compare sources").click();
    h.run();
    // The comparison opens on the latest year that all sources give for Korea and the EU27.
    let year = h.get_by_role_and_label(Role::ComboBox, "Year");
    assert_eq!(year.accesskit_node().value().as_deref(), Some("2019"));
    let links: Vec<String> = h
        .query_all_by_role(Role::Link)
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    for value in ["4.64", "4.627"] {
        assert!(links.iter().any(|l| l == value), "{value} not in {links:?}");
    }
    assert!(h.query_all_by_label_contains("ATI report").count() >= 1);
    assert!(h.query_all_by_label_contains("OECD MSTI Sep-2021").count() >= 1);
    assert!(h.query_all_by_label_contains("UNESCO UIS").count() >= 1);
}
