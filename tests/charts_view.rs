//! The charts view, shown alone on the default store.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use partnership_atlas::model::Store;
use partnership_atlas::ui::charts::{ChartKind, ChartsView};
use partnership_atlas::ui::{Command, ViewCtx};

/// The view, the store it shows, and what it asked for.
struct State {
    view: ChartsView,
    store: Store,
    noted: BTreeSet<String>,
    selected: Option<String>,
    commands: Vec<Command>,
}

fn harness(view: ChartsView) -> Harness<'static, State> {
    let state = State {
        view,
        store: common::default_store(),
        noted: BTreeSet::new(),
        selected: None,
        commands: Vec::new(),
    };
    common::ui_harness(
        [1280.0, 1000.0],
        |ui, s: &mut State| {
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
        },
        state,
    )
}

/// The display name the store gives an economy (from its R&D series).
fn economy_name(store: &Store, code: &str) -> String {
    store
        .indicators
        .iter()
        .find(|s| s.economy == code && s.indicator == "GERD_PCT_GDP")
        .map(|s| s.economy_name.clone())
        .unwrap_or_else(|| panic!("the store has no GERD series for {code}"))
}

/// Picks a source of the R&D chart through its selector, by part of its label.
fn choose_rd_source(h: &mut Harness<'_, State>, label_part: &str) {
    h.get_by_role_and_label(Role::ComboBox, "Source:").click();
    h.run();
    h.query_all_by_label_contains(label_part)
        .find(|n| n.accesskit_node().role() == Role::Button)
        .unwrap_or_else(|| panic!("no source choice contains {label_part:?}"))
        .click();
    h.run();
}

fn texts_containing(h: &Harness<'_, State>, part: &str) -> Vec<String> {
    h.query_all_by_label_contains(part)
        .filter_map(|n| {
            let a = n.accesskit_node();
            a.label().or_else(|| a.value())
        })
        .collect()
}

#[test]
fn the_rd_chart_lists_korea_and_the_eu27_in_its_legend() {
    let mut h = harness(ChartsView::default());
    h.run();
    let store = common::default_store();
    for code in ["KOR", "EUU"] {
        let name = economy_name(&store, code);
        let shown = h
            .query_all_by_role_and_label(Role::CheckBox, &name)
            .collect::<Vec<_>>();
        assert_eq!(shown.len(), 1, "one legend checkbox for {name}");
        assert!(
            shown[0].accesskit_node().toggled() == Some(egui::accesskit::Toggled::True),
            "{name} is shown by default"
        );
    }
    let us = economy_name(&store, "USA");
    let us_box = h.get_by_role_and_label(Role::CheckBox, &us);
    assert_eq!(
        us_box.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False),
        "other economies start hidden"
    );
}

#[test]
fn hovering_the_korea_2019_point_shows_4_64_with_its_source() {
    let mut h = harness(ChartsView::default());
    h.run();
    choose_rd_source(&mut h, "1981–2019");
    let pos = h
        .state()
        .view
        .point_position("gerd-kor-msti2021", 2019)
        .expect("the Korea 2019 point is drawn");
    h.hover_at(pos);
    h.run();
    let readout = texts_containing(&h, "2019: 4.64 % of GDP");
    assert!(!readout.is_empty(), "no label shows the hovered value");
    assert!(
        readout.iter().any(|t| t
            .contains("OECD Main Science and Technology Indicators (September 2021 edition)")
            && t.contains("Table SRD-1")),
        "{readout:?}"
    );
}

#[test]
fn clicking_the_korea_2019_point_selects_the_series_and_keeps_its_value_on_screen() {
    let mut h = harness(ChartsView::default());
    h.run();
    choose_rd_source(&mut h, "1981–2019");
    let pos = h
        .state()
        .view
        .point_position("gerd-kor-msti2021", 2019)
        .expect("the Korea 2019 point is drawn");
    h.hover_at(pos);
    h.drag_at(pos);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    h.remove_cursor();
    h.run();
    assert!(
        h.state()
            .commands
            .contains(&Command::Select("gerd-kor-msti2021".to_owned()))
    );
    let picked = h.state().view.picked().expect("a point is picked");
    assert_eq!(
        (picked.series_id.as_str(), picked.year),
        ("gerd-kor-msti2021", 2019)
    );
    let selected = texts_containing(&h, "2019: 4.64 % of GDP");
    assert!(
        selected.iter().any(|t| t.contains("2021-09")),
        "the selected value names its source: {selected:?}"
    );
}

#[test]
fn the_value_table_shows_korea_2019_from_the_chosen_source_only() {
    let mut h = harness(ChartsView::default());
    h.run();
    choose_rd_source(&mut h, "1981–2019");
    assert!(h.query_by_label("Values in 2019").is_some());
    assert!(h.query_by_label("4.64").is_some());
    assert!(
        h.query_by_label("4.627").is_none(),
        "UNESCO/World Bank value mixed in"
    );

    choose_rd_source(&mut h, "UNESCO UIS via World Bank");
    h.get_by_role_and_label(Role::ComboBox, "Year:").click();
    h.run();
    h.get_by_label("2019").click();
    h.run();
    assert!(h.query_by_label("4.627").is_some());
    assert!(h.query_by_label("4.64").is_none(), "MSTI value mixed in");
}

#[test]
fn ticking_an_economy_in_the_legend_adds_its_values() {
    let mut h = harness(ChartsView::default());
    h.run();
    choose_rd_source(&mut h, "1981–2019");
    let store = common::default_store();
    let japan = economy_name(&store, "JPN");
    assert!(h.query_by_label("3.2").is_none());
    h.get_by_role_and_label(Role::CheckBox, &japan).click();
    h.run();
    // Japan 2019, OECD MSTI Sep-2021.
    assert!(h.query_by_label("3.2").is_some());
}

#[test]
fn every_chart_has_a_title_units_and_a_source_line() {
    for kind in ChartKind::ALL {
        let mut view = ChartsView::default();
        view.set_kind(kind);
        let mut h = harness(view);
        h.run();
        let sources = texts_containing(&h, "Source: ");
        assert!(
            sources
                .iter()
                .any(|s| s.starts_with("Source: ") && s.len() > 20),
            "{kind:?} has no source line"
        );
        assert!(
            !texts_containing(&h, "none recorded")
                .iter()
                .any(|s| s.starts_with("Source:")),
            "{kind:?} shows a chart without sources"
        );
        if matches!(
            kind,
            ChartKind::RdSpending
                | ChartKind::PatentTrend
                | ChartKind::PatentSectors
                | ChartKind::PolicyBudgets
        ) {
            assert!(
                !texts_containing(&h, "Unit: ").is_empty(),
                "{kind:?} has no unit"
            );
        }
    }
}

#[test]
fn the_technology_findings_show_ranks_and_arrows_not_numbers() {
    let mut view = ChartsView::default();
    view.set_kind(ChartKind::TechnologyFindings);
    let mut h = harness(view);
    h.run();
    assert!(h.query_all_by_label("#1").count() >= 1);
    assert!(
        h.query_all_by_label("↓").count() >= 1,
        "a stated fall is shown as an arrow"
    );
    h.query_all_by_label("Big Data")
        .next()
        .expect("a Big Data row")
        .click();
    h.run();
    assert!(
        h.state()
            .commands
            .iter()
            .any(|c| matches!(c, Command::Select(id) if id.starts_with("fnd-"))),
        "{:?}",
        h.state().commands
    );
}

#[test]
fn the_policy_budgets_keep_the_reports_conversion_with_its_caveat() {
    let mut view = ChartsView::default();
    view.set_kind(ChartKind::PolicyBudgets);
    let mut h = harness(view);
    h.run();
    assert!(
        h.query_by_label("KRW 114.1 trillion (approximately €84.5 m)")
            .is_some()
    );
    assert!(!texts_containing(&h, "EUR 84.5 million").is_empty());
    assert!(!texts_containing(&h, "⚠ The euro figure is about 1,000 times too small").is_empty());
}

#[test]
fn the_plotted_data_exports_as_csv_with_the_source_on_every_row() {
    let mut view = ChartsView::default();
    view.set_rd_source("src-ncses-6293");
    let store = common::default_store();
    let (bytes, rows) = view.export_csv_bytes(&store).expect("exported");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let citations = text
        .lines()
        .filter(|l| l.starts_with("\"Source (") || l.starts_with("Source ("))
        .count();
    assert!(citations >= 1, "no citation line in\n{text}");
    assert_eq!(text.lines().count(), 1 + rows + citations);
    let kor = text
        .lines()
        .find(|l| {
            l.starts_with("R&D spending")
                && l.contains(",gerd-kor-msti2021,")
                && l.contains(",2019,4.64,")
        })
        .unwrap_or_else(|| panic!("no Korea 2019 row in\n{text}"));
    assert!(kor.contains("src-ncses-6293"), "{kor}");
    assert!(
        text.lines().skip(1).all(|l| l.contains("src-")),
        "a row without a source id"
    );
    assert!(
        !text.contains("gerd-usa-msti2021"),
        "hidden series exported"
    );
}

#[test]
fn the_chart_exports_as_a_png_that_carries_its_source() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path: PathBuf = dir.path().join("rd.png");
    let mut view = ChartsView::default();
    view.set_rd_source("src-ncses-6293");
    let mut h = harness(view);
    h.run();
    h.state_mut().view.request_png(path.clone());
    for _ in 0..6 {
        h.step();
    }
    h.run();
    let bytes = h
        .state()
        .commands
        .iter()
        .find_map(|c| match c {
            Command::SaveChartPng(png) if png.path == path => {
                assert!(png.what.starts_with("the chart as PNG"), "{}", png.what);
                // What the App's worker does with it before writing.
                Some(png.encode().expect("the PNG encodes"))
            }
            _ => None,
        })
        .expect("the view hands the screenshot to the app to save");
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    let rect = h.state().view.chart_rect().expect("the card was drawn");
    assert!(
        (info.width as f32 - rect.width()).abs() <= 2.0,
        "{} vs {}",
        info.width,
        rect.width()
    );
    let source = info
        .utf8_text
        .iter()
        .find(|t| t.keyword == "Source")
        .and_then(|t| t.get_text().ok())
        .expect("a Source text chunk");
    assert!(source.contains("NCSES id 6293"), "{source}");
}

#[test]
fn a_bad_import_file_shows_every_bad_line_and_changes_nothing() {
    let mut h = harness(ChartsView::default());
    h.run();
    let store = h.state().store.clone();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv/bad_rows.csv");
    let bytes = std::fs::read(&path).expect("fixture");
    let state = h.state_mut();
    let commands = state.view.preview_import(&store, path, bytes.into());
    state.commands.extend(commands);
    h.run();
    for line in [
        "line 4: country_code 'South Korea'",
        "line 7: value 'abc' is not a number",
        "line 9: GERD_PCT_GDP for KOR in 2019 from the same source is already on line 2",
    ] {
        assert!(!texts_containing(&h, line).is_empty(), "{line} not shown");
    }
    assert!(h.query_by_label("Apply import").is_none());
    assert!(
        !h.state()
            .commands
            .iter()
            .any(|c| matches!(c, Command::ReplaceStore { .. }))
    );
}

#[test]
fn an_applied_import_hands_the_new_store_to_the_app() {
    let mut h = harness(ChartsView::default());
    h.run();
    let store = h.state().store.clone();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv/rd_intensity_kor_euu_uis.csv");
    let bytes = std::fs::read(&path).expect("fixture");
    let state = h.state_mut();
    let commands = state.view.preview_import(&store, path, bytes.into());
    state.commands.extend(commands);
    h.run();
    assert!(!texts_containing(&h, "Imported 52 rows").is_empty());
    h.get_by_label("Apply import").click_accesskit();
    h.run();
    let (new_store, summary) = h
        .state()
        .commands
        .iter()
        .find_map(|c| match c {
            Command::ReplaceStore { store, label } => Some((store.clone(), label.clone())),
            _ => None,
        })
        .expect("the import was applied");
    assert!(summary.contains("Imported 52 rows"), "{summary}");
    assert!(new_store.indicators.len() > store.indicators.len());
}
