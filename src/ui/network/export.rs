//! Export the current view as a PNG, with a title, the legend and a source line.
//!
//! The view is drawn offscreen: a fresh egui context runs one frame of the canvas at the
//! on-screen size (same camera, filter and names), the shapes are tessellated, and a small
//! software rasteriser fills the triangles (vertex colours and the font texture, blended in
//! premultiplied alpha as egui's renderers do). No GPU and no window are needed, so the export
//! works the same on a headless machine and in tests.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ColorImage, TextureId};
use egui::{Color32, FontId, Pos2, Rect, RichText, pos2, vec2};

use crate::ui::{ViewCtx, theme};

use super::camera::Camera;
use super::interact::emphasis_of;
use super::raster::apply_textures;
pub use super::raster::{Rgba, encode_png, rasterise};
use super::{NetworkView, draw, legend};

/// How to export.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExportOptions {
    /// Size of the network canvas in points; `None` uses the canvas size on screen (or 1200 × 800
    /// before the view was first shown).
    pub size: Option<[f32; 2]>,
    /// Pixels per point (2 gives a sharp picture for print).
    pub scale: f32,
    /// Dark colours instead of light ones.
    pub dark: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            size: None,
            scale: 2.0,
            dark: false,
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The store has nothing to draw in this layout.
    #[error("there is nothing to draw: the store has no places or partnerships")]
    Empty,
    /// The requested image is too large.
    #[error("the image would be {0} × {1} pixels; choose a smaller scale")]
    TooLarge(usize, usize),
    /// The PNG could not be encoded.
    #[error("cannot encode the PNG: {0}")]
    Png(#[from] png::EncodingError),
}

/// A tessellated export page, ready to fill into pixels (owns everything; `Send`).
pub struct ExportFrame {
    primitives: Vec<ClippedPrimitive>,
    textures: HashMap<TextureId, ColorImage>,
    width: usize,
    height: usize,
    pixels_per_point: f32,
    background: Color32,
}

impl ExportFrame {
    /// Fills the triangles into an image.
    pub fn rasterise(&self) -> Rgba {
        rasterise(
            &self.primitives,
            &self.textures,
            self.width,
            self.height,
            self.pixels_per_point,
            self.background,
        )
    }

    /// Fills and encodes the page as PNG bytes.
    pub fn png(&self) -> Result<Vec<u8>, ExportError> {
        encode_png(&self.rasterise())
    }
}

const HEADER: f32 = 30.0;

impl NetworkView {
    /// Draws the current view (layout, camera, filter, names, selection) with its legend and a
    /// source line as PNG bytes (the App writes them).
    pub fn render_png(
        &mut self,
        ctx: &ViewCtx<'_>,
        options: ExportOptions,
    ) -> Result<Vec<u8>, ExportError> {
        let image = self.render_image(ctx, options)?;
        encode_png(&image)
    }

    /// Draws the current view into an image (see [`Self::render_png`]).
    pub fn render_image(
        &mut self,
        ctx: &ViewCtx<'_>,
        options: ExportOptions,
    ) -> Result<Rgba, ExportError> {
        Ok(self.render_frame(ctx, options)?.rasterise())
    }

    /// The part of an export that needs the view: one offscreen egui frame, tessellated. The
    /// slow part, [`ExportFrame::rasterise`] and [`ExportFrame::png`], needs nothing of the
    /// view and can run on a worker thread.
    pub fn render_frame(
        &mut self,
        ctx: &ViewCtx<'_>,
        options: ExportOptions,
    ) -> Result<ExportFrame, ExportError> {
        self.prepare(ctx, super::cache::COPY_BUDGET);
        // A large store's layout is on a worker: the export waits for it (a worker busy with
        // another layout first finishes that one).
        for _ in 0..4 {
            if self.cache.progress().is_none() && !self.cache.is_restating() {
                break;
            }
            let settings = self.settings(ctx);
            self.cache
                .wait_for_worker(ctx.store, self.layout, &settings);
            self.prepare(ctx, super::cache::COPY_BUDGET);
        }
        if self.layout == super::LayoutKind::Institutions
            && self.cache.force.as_ref().is_some_and(|f| !f.is_settled())
        {
            // An export shows the layout at rest, not a frame of its animation.
            self.cache.tick_force(|_| true);
            self.live.layout_version += 1;
        }
        let size = options
            .size
            .map(|[w, h]| vec2(w, h))
            .or(self.live.last_rect.map(|r| r.size()))
            .unwrap_or(vec2(1200.0, 800.0));
        let scale = options.scale.clamp(0.5, 4.0);
        let pixels = |total: egui::Vec2| {
            let (w, h) = (
                (total.x * scale).round() as usize,
                (total.y * scale).round() as usize,
            );
            if w > 8192 || h > 8192 || w == 0 || h == 0 {
                Err(ExportError::TooLarge(w, h))
            } else {
                Ok((w, h))
            }
        };
        pixels(vec2(size.x, size.y + HEADER))?;
        let canvas = Rect::from_min_size(pos2(0.0, HEADER), size);
        // The camera the user sees, kept for a canvas of the same size (else fitted).
        let bounds = self
            .cache
            .borrow(self.layout)
            .and_then(|(_, l, _)| l.bounds())
            .ok_or(ExportError::Empty)?;
        let on_screen = self
            .live
            .last_rect
            .filter(|r| (r.size() - size).length() < 0.5);
        let cam = match (on_screen, *self.cameras.get_mut(self.layout)) {
            (Some(_), Some(c)) => c,
            _ => Camera::fit_inside(bounds, canvas, self.fit_area(canvas)),
        };

        let ectx = egui::Context::default();
        theme::install(&ectx);
        ectx.set_visuals(if options.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        });
        let input = |total: egui::Vec2| {
            let mut input = egui::RawInput {
                screen_rect: Some(Rect::from_min_size(Pos2::ZERO, total)),
                ..Default::default()
            };
            input
                .viewports
                .entry(egui::ViewportId::ROOT)
                .or_default()
                .native_pixels_per_point = Some(scale);
            input
        };

        let saved = (self.live.card_rect, self.legend_open);
        self.live.card_rect = None;
        self.legend_open = true;
        let mut textures: HashMap<TextureId, ColorImage> = HashMap::new();
        // Twice: the first frame, on a tall page, measures the legend and the source line below
        // the picture; the second draws them on a page of exactly that height.
        let mut below = 0.0;
        let mut page = vec2(size.x, size.y + HEADER + 4000.0);
        let mut last = None;
        for _ in 0..2 {
            self.live.scene = None;
            self.live.background = None;
            let mut out = ectx.run_ui(input(page), |ui| {
                below = self.paint_export(ui, canvas, cam, ctx);
            });
            apply_textures(&mut textures, &out.textures_delta);
            out.textures_delta.clear();
            last = Some(out);
            page = vec2(size.x, (HEADER + size.y + below + 6.0).ceil());
        }
        self.live.scene = None;
        self.live.background = None;
        (self.live.card_rect, self.legend_open) = saved;
        // The page the second frame drew on.
        let total = vec2(size.x, (HEADER + size.y + below + 6.0).ceil());
        let (w, h) = pixels(total)?;
        let Some(out) = last else {
            return Err(ExportError::Empty);
        };
        let primitives = ectx.tessellate(out.shapes, out.pixels_per_point);
        let background = if options.dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        }
        .panel_fill;
        Ok(ExportFrame {
            primitives,
            textures,
            width: w,
            height: h,
            pixels_per_point: out.pixels_per_point,
            background,
        })
    }

    /// Draws the title, the picture, and below it the legend and the source line; returns the
    /// height of what is below the picture.
    fn paint_export(
        &mut self,
        ui: &mut egui::Ui,
        canvas: Rect,
        cam: Camera,
        ctx: &ViewCtx<'_>,
    ) -> f32 {
        let dark = ui.visuals().dark_mode;
        let painter = ui.painter().clone();
        painter.rect_filled(canvas, 0.0, ui.visuals().extreme_bg_color);
        let mut title = format!("Partnership network · {}", self.layout.label());
        if !ctx.store.name.is_empty() {
            title.push_str(&format!(" · {}", ctx.store.name));
        }
        if let Some(y) = self.filter.year {
            title.push_str(&format!(" · as of {y}"));
        }
        if self.filter.is_active() {
            title.push_str(" · filtered");
        }
        painter.text(
            pos2(10.0, HEADER / 2.0),
            egui::Align2::LEFT_CENTER,
            title,
            FontId::proportional(16.0),
            ui.visuals().strong_text_color(),
        );
        let Some(scene) = self.paint_scene(ui, canvas, cam, ctx) else {
            return 0.0;
        };
        if let Some((graph, layout, arcs)) = self.cache.borrow(self.layout) {
            let selected = emphasis_of(graph, ctx.selected);
            let clipped = painter.with_clip_rect(canvas);
            draw::emphasis(
                &clipped, &scene, graph, layout, arcs, cam, canvas, &selected, true, dark,
            );
        }
        let cited = ctx.store.sources.len();
        let mut source = format!(
            "Source: {}",
            if ctx.store.name.is_empty() {
                "the open store"
            } else {
                &ctx.store.name
            }
        );
        if cited > 0 {
            source.push_str(&format!(" ({cited} sources)"));
        }
        if matches!(
            self.layout,
            super::LayoutKind::World | super::LayoutKind::Regions
        ) {
            source.push_str(" · Map: Natural Earth (public domain)");
        }
        source.push_str(" · Exported from Partnership Atlas");
        // The legend, whole and unfolded, then the source line, wrapped rather than cut.
        let below = Rect::from_min_max(
            pos2(canvas.min.x + 4.0, canvas.max.y + 4.0),
            pos2(canvas.max.x - 4.0, canvas.max.y + 4000.0),
        );
        let mut block = ui.new_child(egui::UiBuilder::new().max_rect(below));
        let top = block.cursor().min.y;
        legend::show(self, &mut block, ctx, false, f32::INFINITY);
        block.add(
            egui::Label::new(
                RichText::new(source)
                    .size(12.0)
                    .color(block.visuals().weak_text_color()),
            )
            .wrap(),
        );
        block.min_rect().max.y.max(top) - canvas.max.y
    }
}
