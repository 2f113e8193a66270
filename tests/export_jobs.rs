//! Exports run as App jobs: for the chart PNG the view hands over the window screenshot and a
//! worker crops, encodes and writes it; a briefing draws its map and charts and writes its
//! files on a worker. The status bar shows the progress, then the result.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{app_harness, app_on};
use egui::{Color32, ColorImage, Pos2, Rect};
use egui_kittest::Harness;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::ui::charts::export::ChartPng;
use partnership_atlas::ui::{Command, FileAction, View};

/// Asks the charts view for a PNG at `path` and draws frames until the view has handed the
/// screenshot to the App (a job runs) or given up; returns the status line seen then.
fn export_chart(h: &mut Harness<'static, AtlasApp>, path: &Path) -> String {
    h.state_mut().apply(Command::ShowView(View::Charts));
    h.run();
    h.state_mut().apply(Command::FileAt(
        FileAction::ExportChartPng,
        path.to_path_buf(),
    ));
    for _ in 0..120 {
        h.step();
        if h.state().job_in_progress() || h.state().status.starts_with("PNG not saved") {
            break;
        }
    }
    h.state().status.clone()
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("the PNG was written");
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a valid PNG");
    (reader.info().width, reader.info().height)
}

#[test]
fn the_chart_png_is_saved_by_a_job_that_reports_progress_then_the_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let path = dir.path().join("chart.png");
    let status = export_chart(&mut h, &path);
    assert!(h.state().job_in_progress(), "no job started: {status}");
    assert!(status.starts_with("Saving the chart as PNG…"), "{status}");
    h.state_mut().finish_job();
    let status = h.state().status.clone();
    assert!(status.starts_with("Saved the chart as PNG"), "{status}");
    assert!(status.contains(&path.display().to_string()), "{status}");
    let (w, hgt) = png_size(&path);
    assert!(w > 100 && hgt > 100, "{w}×{hgt}");
}

#[test]
fn a_chart_png_that_cannot_be_written_says_why_and_a_retry_elsewhere_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "a file where a folder should be").expect("blocker");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let bad = blocker.join("chart.png");
    let status = export_chart(&mut h, &bad);
    assert!(h.state().job_in_progress(), "no job started: {status}");
    h.state_mut().finish_job();
    let status = h.state().status.clone();
    assert!(status.starts_with("Not saved"), "{status}");
    assert!(status.contains("blocker"), "{status}");
    assert!(!bad.exists());
    // Nothing is stuck: the next export goes through.
    let good = dir.path().join("again.png");
    export_chart(&mut h, &good);
    h.state_mut().finish_job();
    let status = h.state().status.clone();
    assert!(status.starts_with("Saved the chart as PNG"), "{status}");
    assert!(good.is_file());
}

#[test]
fn a_chart_png_whose_area_is_off_the_screenshot_is_refused_by_the_job_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let path: PathBuf = dir.path().join("nothing.png");
    let png = |rect: Rect, path: &Path| ChartPng {
        path: path.to_path_buf(),
        screenshot: Arc::new(ColorImage::new([8, 6], vec![Color32::RED; 48])),
        rect,
        pixels_per_point: 1.0,
        title: "R&D spending".to_owned(),
        source: "Source: OECD MSTI".to_owned(),
        what: "the chart as PNG".to_owned(),
    };
    let outside = Rect::from_min_max(Pos2::new(20.0, 20.0), Pos2::new(30.0, 30.0));
    h.state_mut()
        .apply(Command::SaveChartPng(Box::new(png(outside, &path))));
    h.state_mut().finish_job();
    let status = h.state().status.clone();
    assert!(status.starts_with("PNG not saved"), "{status}");
    assert!(status.contains("not on screen"), "{status}");
    assert!(!path.exists());
    // The same screenshot with an area on it is cropped to that area.
    let inside = Rect::from_min_max(Pos2::new(1.0, 1.0), Pos2::new(5.0, 4.0));
    h.state_mut()
        .apply(Command::SaveChartPng(Box::new(png(inside, &path))));
    h.state_mut().finish_job();
    assert_eq!(png_size(&path), (4, 3), "{}", h.state().status);
}

#[test]
fn a_briefing_shows_its_progress_while_a_worker_writes_it_then_where_it_went() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut h = app_harness(app_on(&dir.path().join("notes.ron")));
    h.run();
    let id = h.state().loaded.store.partnerships[0].id.clone();
    let out = dir.path().join("brief.html");
    h.state_mut().apply(Command::FileAt(
        FileAction::Briefing { ids: vec![id] },
        out.clone(),
    ));
    // The frame that asked returns at once, with the progress line.
    assert!(h.state().briefing_in_progress());
    let status = h.state().status.clone();
    assert!(status.starts_with("Writing the briefing…"), "{status}");
    let start = std::time::Instant::now();
    while h.state().briefing_in_progress() {
        assert!(
            start.elapsed().as_secs() < 60,
            "the briefing never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let status = h.state().status.clone();
    assert!(status.contains(&out.display().to_string()), "{status}");
    assert!(out.is_file(), "{status}");
}
