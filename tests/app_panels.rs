//! No panel ever draws over another: at a small laptop's, a common laptop's and a desktop's
//! size, in every view, with a record selected (so the details panel shows) and a note open,
//! the list, the details panel and the central view keep to their own rooms.

mod common;

use common::{app_harness_sized, app_on};
use egui::Rect;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::ui::notes::NoteCommand;
use partnership_atlas::ui::{Command, View};

const SIZES: [[f32; 2]; 3] = [[1024.0, 640.0], [1280.0, 720.0], [1920.0, 1080.0]];

/// Overlap of two rects wider than rounding.
fn overlaps(a: Rect, b: Rect) -> bool {
    let i = a.intersect(b);
    i.width() > 0.5 && i.height() > 0.5
}

fn app_with_note(notes: &std::path::Path, view: View, hangul: bool) -> AtlasApp {
    let mut app = app_on(notes);
    app.settings.hangul = hangul;
    app.apply(Command::Select("place-sejong".to_owned()));
    app.apply(Command::Notes(NoteCommand::New(Some(
        "place-sejong".to_owned(),
    ))));
    app.settings.view = view;
    app
}

#[test]
fn the_side_panels_and_the_central_view_never_overlap_in_any_view_at_any_size() {
    for size in SIZES {
        for view in View::ALL {
            for hangul in [false, true] {
                let dir = tempfile::tempdir().expect("temp dir");
                let app = app_with_note(&dir.path().join("notes.ron"), view, hangul);
                let mut h = app_harness_sized(app, size);
                h.run();
                let at = format!("{view:?} at {size:?}, 한국어 {hangul}");
                let d = h.state().drawn();
                assert!(d.details.is_some(), "{at}: the details panel shows");
                // A panel whose content ran past its edge is reported narrower (egui moves a
                // right panel left by the overflow) and the view grows under it.
                let details = d.details.map_or(0.0, |r| r.width());
                assert!(
                    details >= 239.5,
                    "{at}: the details panel is {details} wide"
                );
                let list = d.list.map_or(f32::INFINITY, |r| r.width());
                assert!(list >= 259.5, "{at}: the list is {list} wide");
                let panels: Vec<Rect> = d.list.into_iter().chain(d.details).collect();
                for p in &panels {
                    assert!(
                        !overlaps(*p, d.central),
                        "{at}: {p:?} under {:?}",
                        d.central
                    );
                }
                if let [a, b] = panels[..] {
                    assert!(!overlaps(a, b), "{at}: list {a:?} and details {b:?}");
                }
                assert!(
                    d.central.expand(0.5).contains_rect(d.central_content),
                    "{at}: the view's content {:?} runs out of its room {:?}",
                    d.central_content,
                    d.central
                );
                let window = Rect::from_min_size(egui::Pos2::ZERO, size.into());
                let right = panels
                    .iter()
                    .fold(d.central.right(), |r, p| r.max(p.right()));
                assert!(right <= window.right() + 0.5, "{at}: drawn to {right}");
            }
        }
    }
}

#[test]
fn the_note_editor_and_the_details_notes_section_stay_apart_at_every_size() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let app = app_with_note(&dir.path().join("notes.ron"), View::Notes, false);
        let mut h = app_harness_sized(app, size);
        h.run();
        let d = h.state().drawn();
        let details = d.details.expect("the details panel shows");
        let title = h.get_by_label("Title").rect();
        let body = h.get_by_label("Text (Markdown)").rect();
        let section = h.get_by_label_contains("Notes (1)").rect();
        let new_note = h.get_by_label("✚ New note").rect();
        for (what, r) in [("Title", title), ("Text (Markdown)", body)] {
            assert!(
                d.central.expand(0.5).contains_rect(r) && !overlaps(r, details),
                "at {size:?} the editor's {what} {r:?} is not in the view {:?} (details {details:?})",
                d.central
            );
        }
        // Side by side: the section lies within the details panel's width and clear of the
        // view (on a short window it may sit below the fold of the panel's scroll area).
        for (what, r) in [("Notes (1)", section), ("New note", new_note)] {
            assert!(
                r.left() >= details.left() - 0.5
                    && r.right() <= details.right() + 0.5
                    && !overlaps(r, d.central),
                "at {size:?} the details' {what} {r:?} is not inside the details panel {details:?}"
            );
        }
    }
}

/// The rect of the list's label `text` (the first one left of the list's right edge).
fn in_list(h: &egui_kittest::Harness<'_, AtlasApp>, text: &str) -> Rect {
    let list = h.state().drawn().list.expect("the list shows");
    h.query_all_by_label(text)
        .map(|n| n.rect())
        .find(|r| list.contains_rect(*r))
        .unwrap_or_else(|| panic!("{text:?} is not in the list {list:?}"))
}

#[test]
fn browse_list_rows_are_as_tall_as_their_wrapped_names() {
    // The first rows of the list by kind: two programmes, the first with a four-line name.
    let first = "Denmark–Korea Strategic Partnership and Green Growth Alliance: Joint Action Plan 2021–2024";
    let second = "EU JRC – KAIST KPC4IR cooperation on innovation policy";
    let third = "EU World Cities project — Republic of Korea";
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), size);
        h.run();
        let rects = [in_list(&h, first), in_list(&h, second), in_list(&h, third)];
        for pair in rects.windows(2) {
            let gap = pair[1].top() - pair[0].bottom();
            assert!(
                (0.0..=14.0).contains(&gap),
                "at {size:?}: {gap} points between a row's name {:?} and the next {:?}",
                pair[0],
                pair[1]
            );
        }
    }
}

#[test]
fn the_list_keeps_its_width_and_falls_quiet_after_a_search() {
    for size in SIZES {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), size);
        h.run();
        let before = h.state().drawn().list.expect("the list shows").width();
        let field = h.get_by_label("Search");
        field.focus();
        field.type_text("sejong");
        // Settles within the harness's few steps (it fails when a frame keeps asking for one).
        h.run();
        for _ in 0..5 {
            h.step();
        }
        let after = h.state().drawn().list.expect("the list shows").width();
        assert!(
            (after - before).abs() < 0.5,
            "at {size:?} the list grew from {before} to {after} while showing the hits"
        );
    }
}

#[test]
fn at_1280_by_720_the_whole_network_legend_shows_down_to_its_data_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness_sized(app_on(&dir.path().join("notes.ron")), [1280.0, 720.0]);
    h.run();
    assert_eq!(h.state().settings.view, View::Network);
    let central = h.state().drawn().central;
    let data = h.get_by_label_contains("Data: ").rect();
    assert!(
        central.contains_rect(data),
        "the legend's data line {data:?} is outside the view {central:?} (scrolled away)"
    );
}
