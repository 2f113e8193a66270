//! Exporting the network view as a PNG: the path-taking function behind the export menu.

use std::collections::BTreeSet;
use std::path::Path;

use partnership_atlas::analysis::network::sample::sample_store;
use partnership_atlas::model::Store;
use partnership_atlas::ui::network::{ExportError, ExportOptions, LayoutKind, NetworkView};
use partnership_atlas::ui::{ViewCtx, theme};

fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => panic!("no PNG at {}: {e}", path.display()),
    };
    let mut reader = match png::Decoder::new(std::io::BufReader::new(file)).read_info() {
        Ok(r) => r,
        Err(e) => panic!("not a PNG: {e}"),
    };
    let Some(size) = reader.output_buffer_size() else {
        panic!("no buffer size")
    };
    let mut buf = vec![0; size];
    let info = match reader.next_frame(&mut buf) {
        Ok(i) => i,
        Err(e) => panic!("cannot decode: {e}"),
    };
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Pixels within `tolerance` of a colour in a band of rows.
fn count_near(
    pixels: &[u8],
    width: u32,
    rows: std::ops::Range<u32>,
    colour: egui::Color32,
    tolerance: i32,
) -> usize {
    rows.flat_map(|y| (0..width).map(move |x| ((y * width + x) * 4) as usize))
        .filter(|&i| {
            let d = |k: usize, c: u8| (i32::from(pixels[i + k]) - i32::from(c)).abs();
            d(0, colour.r()) <= tolerance
                && d(1, colour.g()) <= tolerance
                && d(2, colour.b()) <= tolerance
        })
        .count()
}

fn export(store: &Store, layout: LayoutKind, path: &Path) -> Result<(), ExportError> {
    let bytes = render(store, layout)?;
    partnership_atlas::io::write_atomic(path, &bytes, partnership_atlas::io::Backup::None)
        .unwrap_or_else(|e| panic!("cannot write the test PNG: {e}"));
    Ok(())
}

fn render(store: &Store, layout: LayoutKind) -> Result<Vec<u8>, ExportError> {
    let mut view = NetworkView::default();
    view.layout = layout;
    let noted = BTreeSet::new();
    let ctx = ViewCtx {
        store,
        selected: None,
        noted: &noted,
        hangul: true,
    };
    let options = ExportOptions {
        size: Some([640.0, 400.0]),
        scale: 1.0,
        dark: false,
    };
    view.render_png(&ctx, options)
}

#[test]
fn the_export_writes_a_png_of_the_view_with_links_a_legend_and_a_source_line() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temp dir: {e}"),
    };
    let path = dir.path().join("network.png");
    if let Err(e) = export(&sample_store(), LayoutKind::Schematic, &path) {
        panic!("export failed: {e}");
    }
    let (w, h, px) = read_png(&path);
    assert_eq!(w, 640, "as wide as the canvas");
    assert!(
        h > 400 + 30 + 80,
        "the canvas plus a title row, and below it the whole legend and a source line: {h}"
    );
    // Innovation Twins links are the second programme colour (orange).
    let twins = theme::categorical(1);
    let canvas = 30..430;
    assert!(
        count_near(&px, w, canvas.clone(), twins, 12) > 100,
        "the Innovation Twins links are drawn"
    );
    // Text in the title, the legend and the footer: dark pixels on the light background.
    let ink = egui::Color32::from_gray(40);
    assert!(
        count_near(&px, w, 0..30, ink, 60) > 50,
        "a title is written"
    );
    assert!(
        count_near(&px, w, 430..h - 24, ink, 60) > 200,
        "the legend is written below the picture"
    );
    assert!(
        count_near(&px, w, h - 24..h, egui::Color32::from_gray(130), 60) > 50,
        "a source line is written at the bottom"
    );
}

#[test]
fn the_map_export_shows_land_and_water() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temp dir: {e}"),
    };
    let path = dir.path().join("map.png");
    if let Err(e) = export(&sample_store(), LayoutKind::Regions, &path) {
        panic!("export failed: {e}");
    }
    let (w, _, px) = read_png(&path);
    let water = count_near(&px, w, 30..430, theme::map_water(false), 3);
    let land = count_near(&px, w, 30..430, theme::map_land(false), 3);
    assert!(
        water > 10_000 && land > 10_000,
        "water {water}, land {land}"
    );
}

#[test]
fn an_empty_store_has_nothing_to_export() {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("no temp dir: {e}"),
    };
    let empty = Store::default();
    let result = render(&empty, LayoutKind::Schematic);
    assert!(matches!(result, Err(ExportError::Empty)), "{result:?}");
    assert!(!dir.path().join("x.png").exists());
}
