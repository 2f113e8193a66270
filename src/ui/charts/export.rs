//! Chart exports as bytes: the plotted data as CSV, and a screenshot of the chart card as PNG
//! with the title and source also written into the PNG's text chunks. The App writes them
//! (atomically); nothing here touches the disk.
//!
//! A chart PNG is cropped and encoded off the UI thread: the view hands the App a
//! [`ChartPng`] (the window screenshot, shared, and where to cut it), and an App job calls
//! [`ChartPng::encode`] and writes the file.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{ColorImage, Rect};

/// Why an export failed. Nothing is written when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The table could not be written as CSV.
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The image could not be encoded as PNG.
    #[error("cannot encode the PNG: {0}")]
    Png(#[from] png::EncodingError),
    /// The area to export is empty or lies outside the screenshot.
    #[error("the chart is not on screen; scroll it into view and export again")]
    OffScreen,
}

/// A chart screenshot to save as PNG: what the view hands the App, which crops, encodes and
/// writes it on a worker thread (see [`crate::ui::Command::SaveChartPng`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPng {
    /// Where to write.
    pub path: PathBuf,
    /// The whole window as egui captured it (shared, not copied).
    pub screenshot: Arc<ColorImage>,
    /// The part to keep, in points.
    pub rect: Rect,
    /// The scale the screenshot was taken at.
    pub pixels_per_point: f32,
    /// The chart's title, for the PNG's `Title` text chunk.
    pub title: String,
    /// The chart's source line, for the PNG's `Source` text chunk.
    pub source: String,
    /// What it is, for the status bar ("the chart as PNG").
    pub what: String,
}

impl ChartPng {
    /// The PNG bytes (crop and encode: call it on a worker, it takes a moment on a large
    /// window).
    pub fn encode(&self) -> Result<Vec<u8>, ExportError> {
        png_of(
            &self.screenshot,
            self.rect,
            self.pixels_per_point,
            &self.title,
            &self.source,
        )
    }
}

/// The pixel bounds `[x0, y0, x1, y1]` of `rect` (in points) on an image of `size` taken at
/// `pixels_per_point`, clamped to it; `None` when nothing of the rect is on the image. Cheap:
/// the view checks it before handing a screenshot on.
pub fn crop_bounds(size: [usize; 2], rect: Rect, pixels_per_point: f32) -> Option<[usize; 4]> {
    let [w, h] = size;
    let to_px = |v: f32, max: usize| ((v * pixels_per_point).round().max(0.0) as usize).min(max);
    let (x0, x1) = (to_px(rect.min.x, w), to_px(rect.max.x, w));
    let (y0, y1) = (to_px(rect.min.y, h), to_px(rect.max.y, h));
    (x1 > x0 && y1 > y0).then_some([x0, y0, x1, y1])
}

/// Cuts `rect` (in points) out of a screenshot taken at `pixels_per_point`, clamped to the
/// image. Returns `None` when nothing of the rect is on the image.
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let w = image.size[0];
    let [x0, y0, x1, y1] = crop_bounds(image.size, rect, pixels_per_point)?;
    let mut pixels = Vec::with_capacity((x1 - x0) * (y1 - y0));
    for y in y0..y1 {
        pixels.extend_from_slice(image.pixels.get(y * w + x0..y * w + x1)?);
    }
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// Encodes an image as PNG, with `Title` and `Source` text chunks (UTF-8, iTXt).
pub fn encode_png(image: &ColorImage, title: &str, source: &str) -> Result<Vec<u8>, ExportError> {
    let [w, h] = image.size;
    let (Ok(w32), Ok(h32)) = (u32::try_from(w), u32::try_from(h)) else {
        return Err(ExportError::OffScreen);
    };
    if w == 0 || h == 0 {
        return Err(ExportError::OffScreen);
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, w32, h32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.add_itxt_chunk("Title".to_owned(), title.to_owned())?;
        encoder.add_itxt_chunk("Source".to_owned(), source.to_owned())?;
        encoder.add_itxt_chunk("Software".to_owned(), "Partnership Atlas".to_owned())?;
        let mut writer = encoder.write_header()?;
        let rgba: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|c| c.to_srgba_unmultiplied())
            .collect();
        writer.write_image_data(&rgba)?;
        writer.finish()?;
    }
    Ok(bytes)
}

/// The part `rect` of a screenshot as PNG bytes, with the chart's title and source in its
/// text chunks.
pub fn png_of(
    screenshot: &ColorImage,
    rect: Rect,
    pixels_per_point: f32,
    title: &str,
    source: &str,
) -> Result<Vec<u8>, ExportError> {
    let cropped = crop(screenshot, rect, pixels_per_point).ok_or(ExportError::OffScreen)?;
    encode_png(&cropped, title, source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::charts::table::ExportTable;
    use egui::{Color32, Pos2};

    fn image() -> ColorImage {
        // 4×3 pixels; pixel (x, y) has red = 10·x + y.
        let pixels = (0..3)
            .flat_map(|y| (0..4).map(move |x| Color32::from_rgb(10 * x + y, 0, 0)))
            .collect();
        ColorImage::new([4, 3], pixels)
    }

    #[test]
    fn a_crop_takes_the_rect_scaled_by_pixels_per_point() {
        let rect = Rect::from_min_max(Pos2::new(0.5, 0.5), Pos2::new(1.5, 1.5));
        let c = crop(&image(), rect, 2.0).expect("inside");
        assert_eq!(c.size, [2, 2]);
        assert_eq!(c.pixels[0], Color32::from_rgb(11, 0, 0));
        assert_eq!(c.pixels[3], Color32::from_rgb(22, 0, 0));
    }

    #[test]
    fn a_crop_is_clamped_to_the_image_and_empty_outside_it() {
        let big = Rect::from_min_max(Pos2::new(-10.0, -10.0), Pos2::new(100.0, 100.0));
        assert_eq!(crop(&image(), big, 1.0).map(|c| c.size), Some([4, 3]));
        let outside = Rect::from_min_max(Pos2::new(10.0, 10.0), Pos2::new(20.0, 20.0));
        assert!(crop(&image(), outside, 1.0).is_none());
    }

    #[test]
    fn a_chart_png_decodes_with_its_size_and_source() {
        let rect = Rect::from_min_max(Pos2::new(1.0, 0.0), Pos2::new(4.0, 2.0));
        let bytes = png_of(
            &image(),
            rect,
            1.0,
            "R&D spending",
            "Source: OECD MSTI – Sep-2021",
        )
        .expect("encoded");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let reader = decoder.read_info().expect("a PNG");
        let info = reader.info();
        assert_eq!((info.width, info.height), (3, 2));
        let texts: Vec<(String, String)> = info
            .utf8_text
            .iter()
            .map(|t| (t.keyword.clone(), t.get_text().unwrap_or_default()))
            .collect();
        assert!(texts.contains(&(
            "Source".to_owned(),
            "Source: OECD MSTI – Sep-2021".to_owned()
        )));
    }

    #[test]
    fn a_png_of_an_off_screen_chart_is_refused() {
        let rect = Rect::from_min_max(Pos2::new(50.0, 50.0), Pos2::new(60.0, 60.0));
        let err = png_of(&image(), rect, 1.0, "t", "s").expect_err("off screen");
        assert!(matches!(err, ExportError::OffScreen));
    }

    #[test]
    fn a_csv_export_has_header_and_rows() {
        let table = ExportTable {
            columns: vec!["year".to_owned(), "value".to_owned(), "source".to_owned()],
            rows: vec![vec![
                "2019".to_owned(),
                "4.64".to_owned(),
                "OECD MSTI".to_owned(),
            ]],
            citations: vec![],
        };
        let bytes = table.to_csv().expect("csv");
        assert_eq!(
            String::from_utf8(bytes).expect("utf-8"),
            "year,value,source\n2019,4.64,OECD MSTI\n"
        );
    }
}
