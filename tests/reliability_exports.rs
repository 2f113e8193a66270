//! What colleagues send is data, never code: CSV exports defuse spreadsheet formulas, Markdown
//! exports escape HTML, and the note preview opens only web and mail links, on click.

mod common;

use egui::accesskit::Role;
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};
use egui_kittest::{Harness, kittest::Queryable};
use partnership_atlas::analysis::charts::table::{self, defuse_cell};
use partnership_atlas::analysis::charts::{LineChartData, PlotSeries};
use partnership_atlas::notes::{Note, NoteId, Timestamp, export_markdown, preview_markdown};
use partnership_atlas::store;

#[test]
fn a_csv_export_of_an_economy_named_1_plus_1_writes_it_with_a_leading_quote() {
    let loaded = store::embedded().expect("built-in store");
    let mut series = loaded.store.indicators[0].clone();
    series.economy_name = "=1+1".to_owned();
    series.economy = "@SUM(A1)".to_owned();
    let plot = PlotSeries::from_series(&loaded.store, &series);
    let chart = LineChartData {
        title: "+cmd|' /C calc'!A0".to_owned(),
        y_label: String::new(),
        unit: String::new(),
        series: vec![plot],
        source_line: String::new(),
        notes: Vec::new(),
        remarks: Vec::new(),
    };
    let csv = table::line_chart(&chart, |_| true).to_csv().expect("csv");
    let text = String::from_utf8(csv).expect("utf-8");
    let row = text.lines().nth(1).expect("a data row");
    let cells: Vec<&str> = row.split(',').collect();
    assert!(cells.contains(&"'=1+1"), "{row}");
    assert!(cells.contains(&"'@SUM(A1)"), "{row}");
    assert!(row.starts_with("'+cmd|' /C calc'!A0,"), "{row}");
    assert!(!text.contains(",=1+1"), "{text}");
}

#[test]
fn numbers_stay_numbers_and_every_risky_first_character_is_defused() {
    for number in ["-1.5", "+3", "-0", "1e-3", "-2.5E+10", "42"] {
        assert_eq!(defuse_cell(number), number);
    }
    for (cell, safe) in [
        ("=1+1", "'=1+1"),
        ("+A1", "'+A1"),
        ("-A1", "'-A1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-inf", "'-inf"),
        ("-", "'-"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ] {
        assert_eq!(defuse_cell(cell), safe, "{cell:?}");
    }
    assert_eq!(defuse_cell("Korea"), "Korea");
    assert_eq!(defuse_cell(""), "");
}

fn hostile_note() -> Note {
    Note {
        id: NoteId::new("n-1"),
        target: None,
        title: "<img src=x onerror=alert(1)>".to_owned(),
        body: "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))\n<iframe src=\"https://evil.example\"></iframe>\n<style>body{display:none}</style>".to_owned(),
        tags: vec!["<b>".to_owned()],
        author: "<i>Kim</i>".to_owned(),
        created: Timestamp(1_700_000_000_000),
        updated: Timestamp(1_700_000_000_000),
        deleted: false,
        conflict_of: None,
        ancestry: Vec::new(),
    }
}

#[test]
fn a_markdown_export_of_a_hostile_note_holds_no_tag_and_no_script_link() {
    let md = export_markdown([&hostile_note()], None);
    for bad in [
        "<script",
        "<img",
        "<iframe",
        "<style",
        "<b>",
        "<i>",
        "](javascript:",
    ] {
        assert!(!md.contains(bad), "{bad} in:\n{md}");
    }
    assert!(md.contains("&lt;script>alert(1)&lt;/script>"), "{md}");
}

fn render(text: &str) -> Harness<'static, (CommonMarkCache, String)> {
    let mut h = common::ui_harness(
        [600.0, 300.0],
        |ui, (cache, text): &mut (CommonMarkCache, String)| {
            ui.style_mut().url_in_tooltip = true;
            CommonMarkViewer::new().show(ui, cache, &preview_markdown(text));
        },
        (CommonMarkCache::default(), text.to_owned()),
    );
    h.run();
    h
}

#[test]
fn a_note_with_a_file_link_renders_it_as_text() {
    let h = render("See [the passwords](file:///etc/passwd) and [the site](https://example.org).");
    assert_eq!(
        h.query_all_by_role(Role::Link).count(),
        1,
        "only the web link is a link"
    );
    assert!(h.query_by_role_and_label(Role::Link, "the site").is_some());
    assert!(
        h.query_by_label("[the passwords](file:///etc/passwd)")
            .is_some(),
        "the file link is shown as the text it was written as"
    );
}

#[test]
fn an_image_in_a_note_shows_its_alt_text_and_address_and_is_not_loaded() {
    let h = render("![the map](https://example.org/map.png) and ![local](../secret.png)");
    assert!(
        h.query_by_label("[the map: https://example.org/map.png]")
            .is_some()
    );
    assert!(h.query_by_label("[local: ../secret.png]").is_some());
    assert_eq!(h.query_all_by_role(Role::Image).count(), 0);
}
