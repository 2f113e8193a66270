//! Export the current view as a PNG, with a title, the legend and a source line.
//!
//! The view is drawn offscreen: a fresh egui context runs one frame of the canvas at the
//! on-screen size (same camera, filter and names), the shapes are tessellated, and a small
//! software rasteriser fills the triangles (vertex colours and the font texture, blended in
//! premultiplied alpha as egui's renderers do). No GPU and no window are needed, so the export
//! works the same on a headless machine and in tests.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ClippedPrimitive, ColorImage, ImageData, Primitive, TextureId};
use egui::{Color32, FontId, Pos2, Rect, RichText, pos2, vec2};

use crate::ui::{ViewCtx, theme};

use super::camera::Camera;
use super::interact::emphasis_of;
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

/// An RGBA image with 8 bits per channel, rows top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Rgba {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width * height * 4` bytes.
    pub pixels: Vec<u8>,
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
        self.prepare(ctx);
        // A large store's layout is on a worker: the export waits for it (a worker busy with
        // another layout first finishes that one).
        for _ in 0..4 {
            if self.cache.progress().is_none() {
                break;
            }
            self.cache.wait_for_worker();
            self.prepare(ctx);
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

fn apply_textures(textures: &mut HashMap<TextureId, ColorImage>, delta: &TexturesDelta) {
    let mut ids: Vec<&TextureId> = delta.set.keys().collect();
    ids.sort_by_key(|id| format!("{id:?}"));
    for id in ids {
        for d in &delta.set[id] {
            let ImageData::Color(image) = &d.image;
            let image: &ColorImage = image;
            match d.pos {
                None => {
                    textures.insert(*id, image.clone());
                }
                Some([x0, y0]) => {
                    let Some(target) = textures.get_mut(id) else {
                        continue;
                    };
                    for y in 0..image.size[1] {
                        for x in 0..image.size[0] {
                            let (tx, ty) = (x0 + x, y0 + y);
                            if tx < target.size[0] && ty < target.size[1] {
                                target.pixels[ty * target.size[0] + tx] =
                                    image.pixels[y * image.size[0] + x];
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Premultiplied RGBA in 0–1.
type Px = [f32; 4];

fn px(c: Color32) -> Px {
    [
        c.r() as f32 / 255.0,
        c.g() as f32 / 255.0,
        c.b() as f32 / 255.0,
        c.a() as f32 / 255.0,
    ]
}

fn sample(tex: &ColorImage, u: f32, v: f32) -> Px {
    let (w, h) = (tex.size[0], tex.size[1]);
    if w == 0 || h == 0 {
        return [1.0; 4];
    }
    let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let at = |x: usize, y: usize| px(tex.pixels[y * w + x]);
    let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    let mut out = [0.0; 4];
    for k in 0..4 {
        let top = a[k] + (b[k] - a[k]) * fx;
        let bottom = c[k] + (d[k] - c[k]) * fx;
        out[k] = top + (bottom - top) * fy;
    }
    out
}

/// Fills the tessellated triangles into an image (gamma-space premultiplied blending, like
/// egui's own renderers). Edges shared by two triangles are filled once.
pub fn rasterise(
    primitives: &[ClippedPrimitive],
    textures: &HashMap<TextureId, ColorImage>,
    w: usize,
    h: usize,
    ppp: f32,
    background: Color32,
) -> Rgba {
    let bg = px(background);
    let mut buf: Vec<Px> = vec![bg; w * h];
    for prim in primitives {
        let Primitive::Mesh(mesh) = &prim.primitive else {
            continue;
        };
        let clip = Rect::from_min_max(prim.clip_rect.min * ppp, prim.clip_rect.max * ppp);
        let (cx0, cy0) = (
            clip.min.x.max(0.0).floor() as usize,
            clip.min.y.max(0.0).floor() as usize,
        );
        let (cx1, cy1) = (
            (clip.max.x.ceil().max(0.0) as usize).min(w),
            (clip.max.y.ceil().max(0.0) as usize).min(h),
        );
        let tex = textures.get(&mesh.texture_id);
        for t in mesh.indices.chunks_exact(3) {
            let (Some(a), Some(b), Some(c)) = (
                mesh.vertices.get(t[0] as usize),
                mesh.vertices.get(t[1] as usize),
                mesh.vertices.get(t[2] as usize),
            ) else {
                continue;
            };
            let mut v = [a, b, c];
            let p = |i: usize, v: &[&egui::epaint::Vertex; 3]| v[i].pos.to_vec2() * ppp;
            let area = edge(p(0, &v), p(1, &v), p(2, &v));
            if area.abs() < 1e-6 || !area.is_finite() {
                continue;
            }
            if area < 0.0 {
                v.swap(1, 2);
            }
            let (p0, p1, p2) = (p(0, &v), p(1, &v), p(2, &v));
            let area = area.abs();
            let x0 = (p0.x.min(p1.x).min(p2.x).floor().max(cx0 as f32)) as usize;
            let y0 = (p0.y.min(p1.y).min(p2.y).floor().max(cy0 as f32)) as usize;
            let x1 = (p0.x.max(p1.x).max(p2.x).ceil().max(0.0) as usize).min(cx1);
            let y1 = (p0.y.max(p1.y).max(p2.y).ceil().max(0.0) as usize).min(cy1);
            let cols = [px(v[0].color), px(v[1].color), px(v[2].color)];
            for y in y0..y1 {
                for x in x0..x1 {
                    let q = vec2(x as f32 + 0.5, y as f32 + 0.5);
                    let e0 = edge(p1, p2, q);
                    let e1 = edge(p2, p0, q);
                    let e2 = edge(p0, p1, q);
                    if !(owns(e0, p1, p2) && owns(e1, p2, p0) && owns(e2, p0, p1)) {
                        continue;
                    }
                    let (w0, w1, w2) = (e0 / area, e1 / area, e2 / area);
                    let mut src = [0.0f32; 4];
                    for k in 0..4 {
                        src[k] = cols[0][k] * w0 + cols[1][k] * w1 + cols[2][k] * w2;
                    }
                    if let Some(tex) = tex {
                        let u = v[0].uv.x * w0 + v[1].uv.x * w1 + v[2].uv.x * w2;
                        let vv = v[0].uv.y * w0 + v[1].uv.y * w1 + v[2].uv.y * w2;
                        let s = sample(tex, u, vv);
                        for k in 0..4 {
                            src[k] *= s[k];
                        }
                    }
                    let d = &mut buf[y * w + x];
                    let keep = 1.0 - src[3].clamp(0.0, 1.0);
                    for k in 0..4 {
                        d[k] = (src[k] + d[k] * keep).clamp(0.0, 1.0);
                    }
                }
            }
        }
    }
    let pixels = buf
        .iter()
        .flat_map(|p| {
            // Un-premultiply (the background is opaque, so alpha is 1 almost everywhere).
            let a = p[3].max(1e-6);
            [p[0] / a, p[1] / a, p[2] / a, p[3]].map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8)
        })
        .collect();
    Rgba {
        width: w,
        height: h,
        pixels,
    }
}

#[inline]
fn edge(a: egui::Vec2, b: egui::Vec2, p: egui::Vec2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

/// Inside test with a consistent tie-break: a point exactly on an edge belongs to only one of
/// the two triangles sharing it (the edge runs opposite ways in each).
#[inline]
fn owns(e: f32, a: egui::Vec2, b: egui::Vec2) -> bool {
    e > 0.0 || (e == 0.0 && (b.y > a.y || (b.y == a.y && b.x < a.x)))
}

/// Encodes an image as PNG bytes.
pub fn encode_png(image: &Rgba) -> Result<Vec<u8>, ExportError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, image.width as u32, image.height as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&image.pixels)?;
        writer.finish()?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{Mesh, Vertex};

    fn square_mesh(colour: Color32) -> ClippedPrimitive {
        let mut m = Mesh::default();
        m.add_colored_rect(Rect::from_min_max(pos2(2.0, 2.0), pos2(8.0, 8.0)), colour);
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(m),
        }
    }

    #[test]
    fn a_rectangle_fills_exactly_its_pixels_once() {
        let half = Color32::from_rgba_unmultiplied(255, 0, 0, 128);
        let img = rasterise(
            &[square_mesh(half)],
            &HashMap::new(),
            10,
            10,
            1.0,
            Color32::WHITE,
        );
        let at = |x: usize, y: usize| &img.pixels[(y * 10 + x) * 4..(y * 10 + x) * 4 + 4];
        assert_eq!(at(0, 0), [255, 255, 255, 255]);
        let inside = at(5, 5);
        assert_eq!(inside[0], 255);
        assert!(
            (125..=129).contains(&inside[1]),
            "half red over white, once: {inside:?}"
        );
        // The diagonal shared by the two triangles is not blended twice.
        assert_eq!(at(4, 4), inside);
        assert_eq!(at(8, 8), [255, 255, 255, 255], "the far edge is outside");
    }

    #[test]
    fn clip_rectangles_are_respected() {
        let mut p = square_mesh(Color32::BLACK);
        p.clip_rect = Rect::from_min_max(pos2(0.0, 0.0), pos2(5.0, 10.0));
        let img = rasterise(&[p], &HashMap::new(), 10, 10, 1.0, Color32::WHITE);
        let at = |x: usize, y: usize| img.pixels[(y * 10 + x) * 4];
        assert_eq!(at(3, 5), 0);
        assert_eq!(at(6, 5), 255, "right of the clip");
    }

    #[test]
    fn textured_vertices_multiply_by_the_texture() {
        let mut m = Mesh::with_texture(TextureId::Managed(7));
        let v = |x: f32, y: f32| Vertex {
            pos: pos2(x, y),
            uv: pos2(0.5, 0.5),
            color: Color32::WHITE,
        };
        m.vertices = vec![v(0.0, 0.0), v(4.0, 0.0), v(0.0, 4.0), v(4.0, 4.0)];
        m.indices = vec![0, 1, 2, 1, 3, 2];
        let tex = ColorImage::filled([2, 2], Color32::from_rgb(0, 0, 200));
        let textures = HashMap::from([(TextureId::Managed(7), tex)]);
        let img = rasterise(
            &[ClippedPrimitive {
                clip_rect: Rect::EVERYTHING,
                primitive: Primitive::Mesh(m),
            }],
            &textures,
            4,
            4,
            1.0,
            Color32::WHITE,
        );
        assert_eq!(&img.pixels[0..4], [0, 0, 200, 255]);
    }
}
