//! The time axis: which years are visible, how a year maps to a screen x, pan and zoom, and
//! where the ticks go.

use serde::{Deserialize, Serialize};

/// The narrowest visible range, in years (about one month across the canvas).
pub const MIN_SPAN: f64 = 1.0 / 12.0;
/// The widest visible range, in years.
pub const MAX_SPAN: f64 = 400.0;

/// The visible range of the time axis, in fractional years (2024.25 is 1 April 2024).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeCamera {
    pub start: f64,
    pub end: f64,
}

impl Default for TimeCamera {
    fn default() -> Self {
        Self {
            start: 2000.0,
            end: 2030.0,
        }
    }
}

impl TimeCamera {
    /// A camera that shows `lo..hi` with a margin of a twentieth on each side (at least half a
    /// year), so marks at the ends are not cut in half.
    pub fn fit(lo: f64, hi: f64) -> Self {
        let (lo, hi) = if lo.is_finite() && hi.is_finite() && lo <= hi {
            (lo, hi)
        } else {
            return Self::default();
        };
        let pad = ((hi - lo) * 0.05).max(0.5);
        Self {
            start: lo - pad,
            end: hi + pad,
        }
        .sanitised()
    }

    /// The visible span in years.
    pub fn span(self) -> f64 {
        self.end - self.start
    }

    /// Keeps the range finite, ordered and within [`MIN_SPAN`]..[`MAX_SPAN`] (a saved camera
    /// comes from a file).
    pub fn sanitised(self) -> Self {
        if !(self.start.is_finite() && self.end.is_finite()) || self.end <= self.start {
            return Self::default();
        }
        let mid = 0.5 * (self.start + self.end);
        let half = 0.5 * self.span().clamp(MIN_SPAN, MAX_SPAN);
        Self {
            start: mid - half,
            end: mid + half,
        }
    }

    /// The screen x of time `t` on a canvas from `left` to `right`.
    pub fn x_of(self, t: f64, left: f32, right: f32) -> f32 {
        let f = (t - self.start) / self.span();
        left + (f * f64::from(right - left)) as f32
    }

    /// The time at screen x.
    pub fn t_of(self, x: f32, left: f32, right: f32) -> f64 {
        let w = f64::from((right - left).max(1.0));
        self.start + f64::from(x - left) / w * self.span()
    }

    /// Screen points per year.
    pub fn points_per_year(self, width: f32) -> f64 {
        f64::from(width) / self.span()
    }

    /// Moves the range by `dx` screen points (dragging right shows earlier years).
    pub fn pan(&mut self, dx: f32, width: f32) {
        let dt = -f64::from(dx) / self.points_per_year(width.max(1.0));
        self.start += dt;
        self.end += dt;
    }

    /// Zooms by `factor` (> 1 zooms in) keeping time `at` where it is on screen.
    pub fn zoom_at(&mut self, at: f64, factor: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let span = (self.span() / factor).clamp(MIN_SPAN, MAX_SPAN);
        let f = ((at - self.start) / self.span()).clamp(0.0, 1.0);
        self.start = at - f * span;
        self.end = self.start + span;
    }
}

/// A tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// The time it stands at.
    pub t: f64,
    /// Its label, if it has one.
    pub label: Option<String>,
    /// A year (major) tick, or a month (minor) tick.
    pub major: bool,
}

/// The ticks for the camera on a canvas `width` points wide: years every 1, 2, 5, 10, 20, 50
/// or 100 years so that labels are at least ~56 points apart; months when a year is wide
/// enough, with their names when a month is.
pub fn ticks(cam: TimeCamera, width: f32) -> Vec<Tick> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let ppy = cam.points_per_year(width);
    if !(ppy.is_finite() && ppy > 0.0) {
        return Vec::new();
    }
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|s| f64::from(*s) * ppy >= 56.0)
        .unwrap_or(200);
    let first = (cam.start.floor() as i32).div_euclid(step) * step;
    let mut out = Vec::new();
    let mut y = first;
    while f64::from(y) <= cam.end {
        if f64::from(y) >= cam.start - 1.0 {
            out.push(Tick {
                t: f64::from(y),
                label: Some(y.to_string()),
                major: true,
            });
            if step == 1 && ppy >= 60.0 {
                let named = ppy / 12.0 >= 28.0;
                for m in 1..12 {
                    out.push(Tick {
                        t: f64::from(y) + f64::from(m) / 12.0,
                        label: named.then(|| MONTHS[m as usize].to_owned()),
                        major: false,
                    });
                }
            }
        }
        y += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_maps_to_x_and_back() {
        let cam = TimeCamera {
            start: 2000.0,
            end: 2020.0,
        };
        assert_eq!(cam.x_of(2010.0, 100.0, 300.0), 200.0);
        assert!((cam.t_of(200.0, 100.0, 300.0) - 2010.0).abs() < 1e-9);
    }

    #[test]
    fn zooming_keeps_the_time_under_the_pointer_in_place() {
        let mut cam = TimeCamera {
            start: 2000.0,
            end: 2020.0,
        };
        let before = cam.x_of(2015.0, 0.0, 400.0);
        cam.zoom_at(2015.0, 2.0);
        assert!((cam.span() - 10.0).abs() < 1e-9);
        assert!((cam.x_of(2015.0, 0.0, 400.0) - before).abs() < 1e-3);
        cam.zoom_at(2015.0, 1e9);
        assert!(
            (cam.span() - MIN_SPAN).abs() < 1e-9,
            "zoom stops at a month"
        );
    }

    #[test]
    fn a_broken_saved_camera_falls_back_to_a_sane_one() {
        let nan = TimeCamera {
            start: f64::NAN,
            end: 1.0,
        };
        assert_eq!(nan.sanitised(), TimeCamera::default());
        let reversed = TimeCamera {
            start: 2020.0,
            end: 2010.0,
        };
        assert_eq!(reversed.sanitised(), TimeCamera::default());
    }

    #[test]
    fn ticks_thin_out_when_zoomed_out_and_show_months_when_zoomed_in() {
        let wide = ticks(
            TimeCamera {
                start: 1955.0,
                end: 2030.0,
            },
            800.0,
        );
        let years: Vec<f64> = wide.iter().map(|t| t.t).collect();
        assert!(years.contains(&1960.0) && years.contains(&2020.0));
        assert!(!years.contains(&2021.0), "every 5 or 10 years: {years:?}");
        let close = ticks(
            TimeCamera {
                start: 2024.0,
                end: 2025.0,
            },
            800.0,
        );
        assert!(close.iter().any(|t| t.label.as_deref() == Some("Apr")));
    }
}
