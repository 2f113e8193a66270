//! The charts view's layout: tables that fit their width, the Chart | Table toggle, the
//! sector labels, the BERD switch and the export of what is shown.

mod common;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::model::Store;
use partnership_atlas::ui::charts::{ChartKind, ChartsView, Tab};
use partnership_atlas::ui::{Command, FileAction, ViewCtx};

/// The view, the store it shows, and what it asked for.
struct State {
    view: ChartsView,
    store: Store,
    noted: BTreeSet<String>,
    selected: Option<String>,
    commands: Vec<Command>,
    /// Widths of a left and a right panel beside the view (as the app's list and details).
    panels: Option<(f32, f32)>,
    /// Where the view was drawn, last frame.
    central: Rect,
}

/// The app's default list and details panel widths.
const APP_PANELS: (f32, f32) = (430.0, 360.0);

fn harness(
    view: ChartsView,
    size: [f32; 2],
    panels: Option<(f32, f32)>,
) -> Harness<'static, State> {
    let state = State {
        view,
        store: common::default_store(),
        noted: BTreeSet::new(),
        selected: None,
        commands: Vec::new(),
        panels,
        central: Rect::NOTHING,
    };
    common::ui_harness(
        size,
        |ui, s: &mut State| {
            if let Some((left, right)) = s.panels {
                egui::Panel::left("test-list")
                    .exact_size(left)
                    .show(ui, |ui| {
                        ui.label("list");
                    });
                egui::Panel::right("test-details")
                    .exact_size(right)
                    .show(ui, |ui| {
                        ui.label("details");
                    });
            }
            egui::CentralPanel::default().show(ui, |ui| {
                s.central = ui.max_rect();
                let ctx = ViewCtx {
                    store: &s.store,
                    selected: s.selected.as_deref(),
                    noted: &s.noted,
                    hangul: true,
                };
                for c in s.view.ui(ui, &ctx) {
                    if let Command::Select(id) = &c {
                        s.selected = Some(id.clone());
                    }
                    s.commands.push(c);
                }
            });
        },
        state,
    )
}

fn window(size: [f32; 2]) -> Rect {
    Rect::from_min_size(Pos2::ZERO, Vec2::from(size))
}

/// Whether `inner` lies inside `outer`, give or take half a point of rounding.
fn inside(inner: Rect, outer: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

/// The first node whose label contains `part`, scrolled into view; its rectangle.
fn scrolled_into_view(h: &mut Harness<'_, State>, part: &str) -> (String, Rect) {
    h.query_all_by_label_contains(part)
        .next()
        .unwrap_or_else(|| panic!("nothing shows {part:?}"))
        .scroll_to_me();
    h.run();
    let node = h
        .query_all_by_label_contains(part)
        .next()
        .unwrap_or_else(|| panic!("nothing shows {part:?} after scrolling"));
    let a = node.accesskit_node();
    let label = a.label().or_else(|| a.value()).unwrap_or_default();
    (label, node.rect())
}

#[test]
fn the_budget_caveat_is_fully_inside_the_window_at_1280x720() {
    let size = [1280.0, 720.0];
    for panels in [None, Some(APP_PANELS)] {
        let mut view = ChartsView::default();
        view.set_kind(ChartKind::PolicyBudgets);
        let mut h = harness(view, size, panels);
        h.run();
        let (text, rect) =
            scrolled_into_view(&mut h, "⚠ The euro figure is about 1,000 times too small");
        assert!(
            text.contains("Presumably") && text.ends_with('.'),
            "the caveat is not whole: {text:?}"
        );
        let central = h.state().central;
        assert!(
            inside(rect, window(size)) && inside(rect, central),
            "with panels {panels:?} the caveat at {rect:?} is not inside the view {central:?}"
        );
        let (_, conversion) = scrolled_into_view(&mut h, "EUR 84.5 million");
        assert!(
            inside(conversion, central),
            "with panels {panels:?} the report's conversion at {conversion:?} is cut"
        );
    }
}

#[test]
fn the_table_tab_shows_the_values_the_chart_draws_with_their_sources() {
    let mut view = ChartsView::default();
    view.set_rd_source("src-ncses-6293");
    let mut h = harness(view, [1280.0, 720.0], None);
    h.run();
    assert!(
        h.state().view.chart_rect().is_some(),
        "the chart shows first"
    );
    h.get_by_role_and_label(Role::Button, "Table").click();
    h.run();
    assert_eq!(h.state().view.tab(), Tab::Table);
    assert!(
        h.state().view.chart_rect().is_none(),
        "the chart is replaced by the table"
    );
    // Korea 2019 from OECD MSTI (September 2021) is 4.64 % of GDP.
    assert!(
        h.query_all_by_label("4.64").count() >= 1,
        "no Korea 2019 value"
    );
    assert!(
        h.query_all_by_label_contains("gerd-kor-msti2021").count() >= 1,
        "no Korea series rows"
    );
    assert!(
        h.query_all_by_label_contains("gerd-usa-msti2021")
            .next()
            .is_none(),
        "a hidden series is in the table"
    );
    assert!(
        h.query_all_by_label_contains("Source (src-ncses-6293): ")
            .count()
            == 1,
        "no single citation line for the source"
    );
    h.get_by_role_and_label(Role::Button, "Export what is shown (CSV)…")
        .click();
    h.run();
    assert!(
        h.state()
            .commands
            .iter()
            .any(|c| matches!(c, Command::AskPath(FileAction::ExportChartCsv))),
        "{:?}",
        h.state().commands
    );
}

#[test]
fn the_patent_sector_chart_labels_all_five_wipo_sectors() {
    let sectors = [
        "Chemistry",
        "Electrical engineering",
        "Instruments",
        "Mechanical engineering",
        "Other fields",
    ];
    for (size, panels) in [
        ([1024.0, 640.0], None),
        ([1280.0, 720.0], None),
        ([1280.0, 720.0], Some(APP_PANELS)),
        ([1920.0, 1080.0], Some(APP_PANELS)),
    ] {
        let mut view = ChartsView::default();
        view.set_kind(ChartKind::PatentSectors);
        let mut h = harness(view, size, panels);
        h.run();
        let labels = h.state().view.axis_labels().to_vec();
        let names: Vec<&str> = labels.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, sectors, "at {size:?} with panels {panels:?}");
        let central = h.state().central;
        for (i, (name, rect)) in labels.iter().enumerate() {
            assert!(
                inside(*rect, central),
                "{name} at {rect:?} is outside the view {central:?} ({size:?}, {panels:?})"
            );
            if let Some((next, r)) = labels.get(i + 1) {
                assert!(
                    rect.right() <= r.left() + 0.5,
                    "{name} overlaps {next} ({size:?}, {panels:?})"
                );
            }
            assert!(
                h.query_all_by_label(name)
                    .any(|n| n.rect().intersects(*rect)),
                "{name} is not drawn where it is recorded"
            );
        }
    }
}

#[test]
fn show_berd_is_off_and_disabled_for_a_source_without_berd() {
    let mut view = ChartsView::default();
    view.set_rd_source("src-uis-wb-owid-rd");
    let mut h = harness(view, [1280.0, 720.0], None);
    h.run();
    let berd = h.get_by_role_and_label(Role::CheckBox, "Show BERD (business R&D)");
    assert!(berd.accesskit_node().is_disabled(), "BERD can be ticked");
    assert_ne!(
        berd.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "BERD is shown as on"
    );

    let mut view = ChartsView::default();
    view.set_rd_source("src-ncses-6293");
    let mut h = harness(view, [1280.0, 720.0], None);
    h.run();
    let berd = h.get_by_role_and_label(Role::CheckBox, "Show BERD (business R&D)");
    assert!(
        !berd.accesskit_node().is_disabled(),
        "a source with BERD disables it"
    );
    assert_eq!(
        berd.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
}

#[test]
fn export_what_is_shown_ends_with_one_citation_line_per_source() {
    let mut view = ChartsView::default();
    view.set_rd_source("src-ncses-6293");
    view.set_shown("USA", true);
    let store = common::default_store();
    let (bytes, rows) = view.export_csv_bytes(&store).expect("exported");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().expect("a header").clone();
    let ids_at = header
        .iter()
        .position(|h| h == "source_ids")
        .expect("a source_ids column");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a record")).collect();
    let (data, citations) = records.split_at(rows);
    assert!(data.iter().all(|r| r.len() == header.len()));
    assert!(
        data.iter().any(|r| r.get(1) == Some("gerd-usa-msti2021")),
        "a series ticked in the legend is not exported"
    );
    let cited: BTreeSet<&str> = data
        .iter()
        .filter_map(|r| r.get(ids_at))
        .flat_map(|ids| ids.split(' '))
        .collect();
    assert!(!cited.is_empty());
    assert_eq!(citations.len(), cited.len(), "{citations:?}");
    for id in cited {
        assert!(
            citations
                .iter()
                .any(|c| c.len() == 1 && c[0].starts_with(&format!("Source ({id}): "))),
            "no citation line for {id}"
        );
    }
}
