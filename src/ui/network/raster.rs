//! A small software rasteriser for the offscreen export: fills egui's tessellated triangles
//! (vertex colours and the font texture, blended in premultiplied alpha as egui's renderers
//! do) into an RGBA image, and encodes it as PNG. No GPU and no window are needed.

use std::collections::HashMap;

use egui::epaint::textures::TexturesDelta;
use egui::epaint::{ClippedPrimitive, ColorImage, ImageData, Primitive, TextureId};
use egui::{Color32, Rect, vec2};

use super::export::ExportError;

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

pub(super) fn apply_textures(textures: &mut HashMap<TextureId, ColorImage>, delta: &TexturesDelta) {
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
    use egui::pos2;

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
