//! The camera of a layout: which world point is at the canvas centre and how many screen points
//! one world unit takes. Pan, zoom about the pointer, fit, and a short animated move.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::analysis::network::WRect;

/// A view onto a layout's world coordinates.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Camera {
    /// The world point at the centre of the canvas.
    pub centre: [f32; 2],
    /// Screen points per world unit.
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Self {
            centre: [0.0, 0.0],
            zoom: 1.0,
        }
    }
}

impl Camera {
    /// World to screen.
    #[inline]
    pub fn to_screen(&self, rect: Rect, p: [f32; 2]) -> Pos2 {
        let c = rect.center();
        pos2(
            c.x + (p[0] - self.centre[0]) * self.zoom,
            c.y + (p[1] - self.centre[1]) * self.zoom,
        )
    }

    /// Screen to world.
    pub fn to_world(&self, rect: Rect, p: Pos2) -> [f32; 2] {
        let c = rect.center();
        [
            self.centre[0] + (p.x - c.x) / self.zoom,
            self.centre[1] + (p.y - c.y) / self.zoom,
        ]
    }

    /// The part of the world the canvas shows.
    pub fn visible(&self, rect: Rect) -> WRect {
        let a = self.to_world(rect, rect.min);
        let b = self.to_world(rect, rect.max);
        WRect { min: a, max: b }
    }

    /// The camera that shows `bounds` inside `rect` with `margin` points to spare on each side.
    pub fn fit(bounds: WRect, rect: Rect, margin: f32) -> Camera {
        let [w, h] = bounds.size();
        let avail = vec2(
            (rect.width() - 2.0 * margin).max(40.0),
            (rect.height() - 2.0 * margin).max(40.0),
        );
        let zoom = if w <= 1e-3 && h <= 1e-3 {
            1.0
        } else {
            (avail.x / w.max(1e-3)).min(avail.y / h.max(1e-3))
        };
        Camera {
            centre: bounds.centre(),
            zoom: zoom.clamp(1e-4, 1e4),
        }
    }

    /// The camera that shows `bounds` inside `inner`, a part of the canvas `rect` (the rest is
    /// kept free, e.g. for the legend).
    pub fn fit_inside(bounds: WRect, rect: Rect, inner: Rect) -> Camera {
        let mut c = Camera::fit(bounds, inner, 0.0);
        c.centre[0] -= (inner.center().x - rect.center().x) / c.zoom;
        c.centre[1] -= (inner.center().y - rect.center().y) / c.zoom;
        c
    }

    /// Moves the view by a screen delta (drag).
    pub fn pan(&mut self, delta: Vec2) {
        self.centre[0] -= delta.x / self.zoom;
        self.centre[1] -= delta.y / self.zoom;
    }

    /// Zooms by `factor` keeping the world point under `pointer` where it is, within
    /// `limits` (min and max zoom).
    pub fn zoom_at(&mut self, rect: Rect, pointer: Pos2, factor: f32, limits: (f32, f32)) {
        let before = self.to_world(rect, pointer);
        self.zoom = (self.zoom * factor).clamp(limits.0, limits.1);
        let after = self.to_world(rect, pointer);
        self.centre[0] += before[0] - after[0];
        self.centre[1] += before[1] - after[1];
    }

    /// The camera a fraction `t` (0–1) of the way to `to`, zooming geometrically.
    pub fn lerp(&self, to: &Camera, t: f32) -> Camera {
        let t = t.clamp(0.0, 1.0);
        if t >= 1.0 {
            return *to;
        }
        Camera {
            centre: [
                self.centre[0] + (to.centre[0] - self.centre[0]) * t,
                self.centre[1] + (to.centre[1] - self.centre[1]) * t,
            ],
            zoom: (self.zoom.ln() + (to.zoom.ln() - self.zoom.ln()) * t).exp(),
        }
    }
}

/// A camera move in progress.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    /// Where it started.
    pub from: Camera,
    /// Where it goes.
    pub to: Camera,
    /// When it started (egui input time, seconds).
    pub start: f64,
}

/// How long a camera move takes, in seconds.
pub const FLIGHT_SECONDS: f64 = 0.35;

impl Flight {
    /// The camera at time `now`, and whether the flight is over.
    pub fn at(&self, now: f64) -> (Camera, bool) {
        let t = ((now - self.start) / FLIGHT_SECONDS).clamp(0.0, 1.0) as f32;
        let eased = 1.0 - (1.0 - t).powi(3);
        (self.from.lerp(&self.to, eased), t >= 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect() -> Rect {
        Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0))
    }

    #[test]
    fn world_and_screen_coordinates_round_trip() {
        let c = Camera {
            centre: [10.0, -20.0],
            zoom: 2.5,
        };
        let p = c.to_screen(rect(), [33.0, 7.0]);
        let back = c.to_world(rect(), p);
        assert!((back[0] - 33.0).abs() < 1e-4 && (back[1] - 7.0).abs() < 1e-4);
        assert_eq!(c.to_screen(rect(), c.centre), rect().center());
    }

    #[test]
    fn fit_shows_the_whole_box_inside_the_margins() {
        let b = WRect {
            min: [0.0, 0.0],
            max: [400.0, 100.0],
        };
        let c = Camera::fit(b, rect(), 20.0);
        let tl = c.to_screen(rect(), b.min);
        let br = c.to_screen(rect(), b.max);
        assert!(tl.x >= rect().min.x + 19.9 && br.x <= rect().max.x - 19.9);
        assert!(tl.y >= rect().min.y && br.y <= rect().max.y);
        assert!(
            (br.x - tl.x - 760.0).abs() < 0.5,
            "the wide box fills the width"
        );
    }

    #[test]
    fn fit_inside_keeps_the_box_out_of_the_reserved_strip() {
        let b = WRect {
            min: [0.0, 0.0],
            max: [100.0, 100.0],
        };
        let inner = Rect::from_min_max(rect().min, pos2(rect().max.x, rect().max.y - 200.0));
        let c = Camera::fit_inside(b, rect(), inner);
        let bottom = c.to_screen(rect(), b.max).y;
        assert!(bottom <= inner.max.y + 0.01, "{bottom} vs {}", inner.max.y);
        assert!((c.to_screen(rect(), b.centre()).y - inner.center().y).abs() < 0.01);
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer_still() {
        let mut c = Camera {
            centre: [0.0, 0.0],
            zoom: 1.0,
        };
        let pointer = pos2(700.0, 200.0);
        let under = c.to_world(rect(), pointer);
        c.zoom_at(rect(), pointer, 3.0, (0.1, 10.0));
        let after = c.to_world(rect(), pointer);
        assert!((under[0] - after[0]).abs() < 1e-3 && (under[1] - after[1]).abs() < 1e-3);
        assert!((c.zoom - 3.0).abs() < 1e-6);
        c.zoom_at(rect(), pointer, 100.0, (0.1, 10.0));
        assert_eq!(c.zoom, 10.0, "zoom is limited");
    }

    #[test]
    fn a_flight_ends_exactly_at_its_target() {
        let f = Flight {
            from: Camera {
                centre: [0.0, 0.0],
                zoom: 1.0,
            },
            to: Camera {
                centre: [100.0, 50.0],
                zoom: 4.0,
            },
            start: 1.0,
        };
        let (mid, done) = f.at(1.1);
        assert!(!done && mid.zoom > 1.0 && mid.zoom < 4.0);
        assert_eq!(f.at(5.0), (f.to, true));
    }
}
