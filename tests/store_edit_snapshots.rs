//! Snapshots of the store-editing forms at a small laptop's and a desktop's size: the
//! "Add milestone" form with a new source, and a new place picked from GeoNames. After a
//! deliberate change: `UPDATE_SNAPSHOTS=1 cargo test --test store_edit_snapshots`, then look.

mod common;

use partnership_atlas::ui::Command;
use partnership_atlas::ui::edit::FormRequest;

const SIZES: [[f32; 2]; 2] = [[1024.0, 640.0], [1920.0, 1080.0]];

fn snapshot(
    name: &str,
    request: FormRequest,
    fill: impl Fn(&mut partnership_atlas::ui::edit::Form),
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut results = egui_kittest::SnapshotResults::new();
    for [w, h] in SIZES {
        let mut app = common::app_on(&dir.path().join("notes.ron"));
        app.apply(Command::Select("pair-belfast-sejong".into()));
        app.apply(Command::EditForm(request.clone()));
        if let Some(form) = &mut app.edit_form {
            fill(form);
        }
        let mut harness = common::app_harness_sized(app, [w, h]);
        harness.run();
        harness.snapshot(format!("{name}_{}x{}", w as u32, h as u32));
        results.extend_harness(&mut harness);
    }
    results.unwrap();
}

#[test]
fn the_add_milestone_form_with_a_new_source_looks_as_it_did() {
    snapshot(
        "edit_milestone",
        FormRequest::AddMilestone("pair-belfast-sejong".into()),
        |form| {
            form.cites.adding_new = true;
            form.cites.new.title = "Sejong workshop minutes".into();
            form.cites.new.publisher = "Sejong City".into();
            form.cites.new.date = "2026-11".into();
            form.problems = vec![partnership_atlas::ui::edit::NEEDS_SOURCE.to_owned()];
        },
    );
}

#[test]
fn the_new_place_form_looks_as_it_did() {
    snapshot("edit_new_place", FormRequest::NewPlace, |form| {
        if let Some(partnership_atlas::ui::edit::Draft::Place { city, .. }) = &mut form.draft {
            *city = "Gwang".into();
        }
    });
}
