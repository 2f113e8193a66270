//! Building one mesh for many thin lines: a network of thousands of links is drawn as a single
//! mesh (cheap to tessellate) instead of thousands of shapes.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Vec2, pos2};

/// Soft edge width of lines, in points (anti-aliasing).
const FEATHER: f32 = 1.0;

#[inline]
fn vertex(mesh: &mut Mesh, pos: Pos2, color: Color32) -> u32 {
    mesh.vertices.push(Vertex {
        pos,
        uv: WHITE_UV,
        color,
    });
    (mesh.vertices.len() - 1) as u32
}

/// One straight segment with a soft edge. Widths under a point are drawn one point wide and
/// fainter, which reads the same and never flickers.
#[inline]
pub fn segment(mesh: &mut Mesh, a: Pos2, b: Pos2, width: f32, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 1e-3 || !len.is_finite() {
        return;
    }
    let (width, color) = if width < 1.0 {
        (1.0, color.gamma_multiply(width.max(0.05)))
    } else {
        (width, color)
    };
    let n = Vec2::new(-d.y, d.x) / len;
    let core = (width - FEATHER).max(0.0) / 2.0;
    let outer = core + FEATHER;
    let clear = Color32::TRANSPARENT;
    let i = vertex(mesh, a - n * outer, clear);
    vertex(mesh, a - n * core, color);
    vertex(mesh, a + n * core, color);
    vertex(mesh, a + n * outer, clear);
    vertex(mesh, b - n * outer, clear);
    vertex(mesh, b - n * core, color);
    vertex(mesh, b + n * core, color);
    vertex(mesh, b + n * outer, clear);
    mesh.indices.extend_from_slice(&[
        i,
        i + 1,
        i + 4,
        i + 1,
        i + 5,
        i + 4,
        i + 1,
        i + 2,
        i + 5,
        i + 2,
        i + 6,
        i + 5,
        i + 2,
        i + 3,
        i + 6,
        i + 3,
        i + 7,
        i + 6,
    ]);
}

/// A hairline without a soft edge (two triangles): for dense, faint bundles where thousands
/// overlap and anti-aliasing is lost in the sum anyway.
#[inline]
pub fn hairline(mesh: &mut Mesh, a: Pos2, b: Pos2, color: Color32) {
    let d = b - a;
    let len = d.length();
    if len < 1e-3 || !len.is_finite() {
        return;
    }
    let n = Vec2::new(-d.y, d.x) / len * 0.6;
    let i = vertex(mesh, a - n, color);
    vertex(mesh, a + n, color);
    vertex(mesh, b - n, color);
    vertex(mesh, b + n, color);
    mesh.indices
        .extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
}

/// A polyline with a soft edge, its segments sharing vertices (four per point, half of what
/// separate segments take). Joins use the mean of the two segments' normals, which is close
/// enough for thin lines. Non-finite points break the line.
pub fn polyline(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32) {
    let mut start = 0;
    for i in 0..=points.len() {
        if i == points.len() || !points[i].is_finite() {
            strip(mesh, &points[start..i], width, color);
            start = i + 1;
        }
    }
}

fn strip(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32) {
    // Drop repeated points: they have no direction.
    let mut pts: Vec<Pos2> = Vec::with_capacity(points.len());
    for p in points {
        if pts
            .last()
            .is_none_or(|q: &Pos2| (*p - *q).length_sq() > 1e-6)
        {
            pts.push(*p);
        }
    }
    if pts.len() < 2 {
        return;
    }
    let (width, color) = if width < 1.0 {
        (1.0, color.gamma_multiply(width.max(0.05)))
    } else {
        (width, color)
    };
    let core = (width - FEATHER).max(0.0) / 2.0;
    let outer = core + FEATHER;
    let normal = |a: Pos2, b: Pos2| {
        let d = (b - a).normalized();
        Vec2::new(-d.y, d.x)
    };
    let first = mesh.vertices.len() as u32;
    for (k, p) in pts.iter().enumerate() {
        let n = match (k.checked_sub(1).map(|j| pts[j]), pts.get(k + 1)) {
            (Some(a), Some(b)) => {
                let m = normal(a, *p) + normal(*p, *b);
                if m.length_sq() < 1e-6 {
                    normal(a, *p)
                } else {
                    m.normalized()
                }
            }
            (None, Some(b)) => normal(*p, *b),
            (Some(a), None) => normal(a, *p),
            (None, None) => return,
        };
        let clear = Color32::TRANSPARENT;
        vertex(mesh, *p - n * outer, clear);
        vertex(mesh, *p - n * core, color);
        vertex(mesh, *p + n * core, color);
        vertex(mesh, *p + n * outer, clear);
    }
    for k in 0..pts.len() as u32 - 1 {
        let i = first + 4 * k;
        let j = i + 4;
        mesh.indices.extend_from_slice(&[
            i,
            i + 1,
            j,
            i + 1,
            j + 1,
            j,
            i + 1,
            i + 2,
            j + 1,
            i + 2,
            j + 2,
            j + 1,
            i + 2,
            i + 3,
            j + 2,
            i + 3,
            j + 3,
            j + 2,
        ]);
    }
}

/// A dashed polyline: `dash` points on, `gap` off, continuing across vertices.
pub fn dashed(mesh: &mut Mesh, points: &[Pos2], width: f32, color: Color32, dash: f32, gap: f32) {
    let period = dash + gap;
    let mut phase = 0.0f32;
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if !a.is_finite() || !b.is_finite() {
            continue;
        }
        let len = (b - a).length();
        if len < 1e-3 {
            continue;
        }
        let dir = (b - a) / len;
        let mut t = 0.0;
        while t < len {
            let in_dash = phase < dash;
            // At least a hundredth of a point, so rounding can never stall the walk.
            let step = if in_dash {
                dash - phase
            } else {
                period - phase
            }
            .max(0.01);
            let end = (t + step).min(len);
            if in_dash {
                segment(mesh, a + dir * t, a + dir * end, width, color);
            }
            phase = (phase + step.min(end - t).max(0.0)) % period;
            if period - phase < 1e-3 {
                phase = 0.0;
            }
            t = if end > t { end } else { len };
        }
    }
}

/// A filled axis-aligned square (a node drawn at low detail).
#[inline]
pub fn square(mesh: &mut Mesh, c: Pos2, half: f32, color: Color32) {
    let r = Rect::from_center_size(c, egui::vec2(half * 2.0, half * 2.0));
    let i = vertex(mesh, r.min, color);
    vertex(mesh, pos2(r.max.x, r.min.y), color);
    vertex(mesh, pos2(r.min.x, r.max.y), color);
    vertex(mesh, r.max, color);
    mesh.indices
        .extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
}

/// Distance from `p` to the segment `a`–`b`.
#[inline]
pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    let t = if len2 < 1e-9 {
        0.0
    } else {
        ((p - a).dot(ab) / len2).clamp(0.0, 1.0)
    };
    (a + ab * t - p).length()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_eight_vertices_and_six_triangles() {
        let mut m = Mesh::default();
        segment(&mut m, pos2(0.0, 0.0), pos2(10.0, 0.0), 2.0, Color32::RED);
        assert_eq!((m.vertices.len(), m.indices.len()), (8, 18));
        assert!(m.is_valid());
        let ys: Vec<f32> = m.vertices.iter().map(|v| v.pos.y).collect();
        assert!(
            ys.iter().all(|y| y.abs() <= 1.5 + 1e-4),
            "width 2 plus the soft edge: {ys:?}"
        );
    }

    #[test]
    fn a_polyline_shares_vertices_between_its_segments() {
        let mut m = Mesh::default();
        polyline(
            &mut m,
            &[
                pos2(0.0, 0.0),
                pos2(10.0, 0.0),
                pos2(20.0, 5.0),
                pos2(30.0, 5.0),
            ],
            2.0,
            Color32::RED,
        );
        assert_eq!(m.vertices.len(), 16, "four vertices per point");
        assert_eq!(m.indices.len(), 3 * 18, "six triangles per segment");
        assert!(m.is_valid());
    }

    #[test]
    fn degenerate_and_broken_segments_add_nothing() {
        let mut m = Mesh::default();
        segment(&mut m, pos2(1.0, 1.0), pos2(1.0, 1.0), 2.0, Color32::RED);
        polyline(
            &mut m,
            &[pos2(0.0, 0.0), pos2(f32::NAN, 0.0), pos2(5.0, 5.0)],
            1.0,
            Color32::RED,
        );
        assert!(m.vertices.is_empty());
    }

    #[test]
    fn a_dashed_line_covers_about_the_dash_share_of_its_length() {
        let mut m = Mesh::default();
        dashed(
            &mut m,
            &[pos2(0.0, 0.0), pos2(50.0, 0.0), pos2(100.0, 0.0)],
            2.0,
            Color32::RED,
            6.0,
            4.0,
        );
        // Every dash is a run of one or more segments; count the inked length.
        let inked: f32 = m
            .vertices
            .chunks_exact(8)
            .map(|v| v[4].pos.x - v[0].pos.x)
            .sum();
        assert!(
            (inked - 60.0).abs() < 1.0,
            "60% of 100 points inked, got {inked}"
        );
    }

    #[test]
    fn a_dashed_line_far_from_the_origin_finishes() {
        // Rounding at large coordinates once stalled the dash walk.
        let mut m = Mesh::default();
        let pts = [
            pos2(90_000.0, 0.0),
            pos2(91_000.0, 10.0),
            pos2(95_000.0, 10.0),
        ];
        dashed(&mut m, &pts, 1.0, Color32::RED, 7.0, 4.0);
        assert!(m.vertices.len() > 100 * 8);
    }

    #[test]
    fn distance_to_a_segment_uses_the_nearest_point() {
        let d = distance_to_segment(pos2(5.0, 3.0), pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert!((d - 3.0).abs() < 1e-5);
        let end = distance_to_segment(pos2(13.0, 4.0), pos2(0.0, 0.0), pos2(10.0, 0.0));
        assert!((end - 5.0).abs() < 1e-5);
    }
}
