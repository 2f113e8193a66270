//! Map projections and great circles.
//!
//! Layout coordinates ("world" units) have x pointing east and y pointing **down** (south), like
//! the screen, so the UI only scales and translates them.

/// A position on the Earth in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    /// Longitude, −180 to 180 (east positive).
    pub lon: f64,
    /// Latitude, −90 to 90 (north positive).
    pub lat: f64,
}

impl LonLat {
    /// A position from longitude and latitude in degrees.
    pub fn new(lon: f64, lat: f64) -> Self {
        Self { lon, lat }
    }

    /// The unit vector of this position on the sphere.
    fn to_unit(self) -> [f64; 3] {
        let (lon, lat) = (self.lon.to_radians(), self.lat.to_radians());
        [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
    }

    /// The position of a (not necessarily unit) vector; `None` for the zero vector.
    fn from_vector(v: [f64; 3]) -> Option<Self> {
        let len = (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
        if len < 1e-12 {
            return None;
        }
        let lat = (v[2] / len).clamp(-1.0, 1.0).asin().to_degrees();
        let lon = v[1].atan2(v[0]).to_degrees();
        Some(Self { lon, lat })
    }
}

/// World units per Earth radius in the world projection (keeps coordinates in the thousands).
pub const WORLD_SCALE: f64 = 1000.0;

const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018) for a unit sphere, centred on
/// the Greenwich meridian, as `[x east, y north]`. Equal-area, so country sizes compare fairly,
/// and without the polar blow-up of Mercator that would stretch Tampere next to Busan.
pub fn equal_earth(p: LonLat) -> [f64; 2] {
    let m = 3f64.sqrt() / 2.0;
    let lambda = p.lon.to_radians();
    let theta = (m * p.lat.to_radians().sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let denominator = 3.0 * (9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1);
    let x = 2.0 * 3f64.sqrt() * lambda * theta.cos() / denominator;
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    [x, y]
}

/// The inverse of [`equal_earth`]; `None` outside the map's outline.
pub fn equal_earth_inverse(xy: [f64; 2]) -> Option<LonLat> {
    let m = 3f64.sqrt() / 2.0;
    let [x, y] = xy;
    let mut theta = y / A1;
    for _ in 0..20 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let delta = f / df;
        theta -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let sin_phi = theta.sin() / m;
    if !(-1.0..=1.0).contains(&sin_phi) || theta.cos().abs() < 1e-12 {
        return None;
    }
    let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
    let lambda = 3.0 * x * df / (2.0 * 3f64.sqrt() * theta.cos());
    if lambda.abs() > std::f64::consts::PI + 1e-9 {
        return None;
    }
    Some(LonLat::new(
        lambda.to_degrees(),
        sin_phi.asin().to_degrees(),
    ))
}

/// A position in world units of the world map: Equal Earth scaled by [`WORLD_SCALE`], y down.
pub fn world_xy(p: LonLat) -> [f32; 2] {
    let [x, y] = equal_earth(p);
    [(x * WORLD_SCALE) as f32, (-y * WORLD_SCALE) as f32]
}

/// An equirectangular projection centred on one region: degrees of longitude shrink by the
/// cosine of the centre latitude so that a region the size of Europe or Korea keeps its shape.
/// Only for regions that do not reach the antimeridian or the poles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalProjection {
    /// The centre of the region.
    pub centre: LonLat,
    cos_lat: f64,
}

impl LocalProjection {
    /// A projection centred on `centre`.
    pub fn new(centre: LonLat) -> Self {
        Self {
            centre,
            cos_lat: centre.lat.to_radians().cos().max(0.05),
        }
    }

    /// `[x east, y down]` in degrees of latitude from the centre.
    pub fn project(&self, p: LonLat) -> [f64; 2] {
        [
            (p.lon - self.centre.lon) * self.cos_lat,
            -(p.lat - self.centre.lat),
        ]
    }

    /// The inverse of [`Self::project`].
    pub fn unproject(&self, xy: [f64; 2]) -> LonLat {
        LonLat::new(
            xy[0] / self.cos_lat + self.centre.lon,
            -xy[1] + self.centre.lat,
        )
    }
}

/// The great-circle distance between two positions, in kilometres (mean Earth radius).
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (u, v) = (a.to_unit(), b.to_unit());
    let dot = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).clamp(-1.0, 1.0);
    let cross = [
        u[1] * v[2] - u[2] * v[1],
        u[2] * v[0] - u[0] * v[2],
        u[0] * v[1] - u[1] * v[0],
    ];
    let sin = (cross[0] * cross[0] + cross[1] * cross[1] + cross[2] * cross[2]).sqrt();
    6371.0088 * sin.atan2(dot)
}

/// `segments + 1` positions along the shorter great circle from `a` to `b`, both ends included.
/// Antipodal ends have no unique great circle; the path then goes over the North Pole.
pub fn great_circle(a: LonLat, b: LonLat, segments: usize) -> Vec<LonLat> {
    let segments = segments.max(1);
    let (u, v) = (a.to_unit(), b.to_unit());
    let dot = (u[0] * v[0] + u[1] * v[1] + u[2] * v[2]).clamp(-1.0, 1.0);
    let omega = dot.acos();
    let mut out = Vec::with_capacity(segments + 1);
    out.push(a);
    for i in 1..segments {
        let t = i as f64 / segments as f64;
        let p = if omega < 1e-9 {
            Some(a)
        } else if (std::f64::consts::PI - omega).abs() < 1e-9 {
            // Antipodal: interpolate through the pole in two halves.
            let pole = LonLat::new(a.lon, 90.0);
            let half = if t < 0.5 {
                (a, pole, t * 2.0)
            } else {
                (pole, b, t * 2.0 - 1.0)
            };
            great_circle(half.0, half.1, 64)
                .get((half.2 * 64.0).round() as usize)
                .copied()
        } else {
            let s = omega.sin();
            let (wa, wb) = (((1.0 - t) * omega).sin() / s, (t * omega).sin() / s);
            LonLat::from_vector([
                wa * u[0] + wb * v[0],
                wa * u[1] + wb * v[1],
                wa * u[2] + wb * v[2],
            ])
        };
        out.push(p.unwrap_or(a));
    }
    out.push(b);
    out
}

/// The spherical mean of positions (the normalised sum of their unit vectors): a fair "middle"
/// for a cohort hub. `None` when the list is empty or the positions cancel out.
pub fn spherical_mean(points: &[LonLat]) -> Option<LonLat> {
    let mut sum = [0.0; 3];
    for p in points {
        let u = p.to_unit();
        sum = [sum[0] + u[0], sum[1] + u[1], sum[2] + u[2]];
    }
    LonLat::from_vector(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn equal_earth_puts_the_origin_at_the_origin_and_the_pole_at_its_published_height() {
        let o = equal_earth(LonLat::new(0.0, 0.0));
        assert!(close(o[0], 0.0, 1e-12) && close(o[1], 0.0, 1e-12));
        let pole = equal_earth(LonLat::new(0.0, 90.0));
        assert!(close(pole[1], 1.317_362_7, 1e-6), "pole y = {}", pole[1]);
        let edge = equal_earth(LonLat::new(180.0, 0.0));
        assert!(close(edge[0], 2.706_2, 1e-3), "equator end x = {}", edge[0]);
    }

    #[test]
    fn equal_earth_is_equal_area_so_a_degree_cell_at_60_north_covers_half_the_equator_cell() {
        let cell = |lat: f64| {
            let a = equal_earth(LonLat::new(10.0, lat));
            let b = equal_earth(LonLat::new(10.01, lat));
            let c = equal_earth(LonLat::new(10.0, lat + 0.01));
            let (ux, uy, vx, vy) = (b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]);
            (ux * vy - uy * vx).abs()
        };
        let ratio = cell(60.0) / cell(0.0);
        assert!(
            close(ratio, 60f64.to_radians().cos(), 1e-3),
            "ratio {ratio}"
        );
    }

    #[test]
    fn equal_earth_inverse_returns_every_city_it_was_given() {
        for (lon, lat) in [
            (-5.93, 54.6),
            (127.29, 36.59),
            (129.03, 35.1),
            (-179.9, -60.0),
            (23.8, 61.5),
        ] {
            let back = equal_earth_inverse(equal_earth(LonLat::new(lon, lat)));
            let Some(back) = back else {
                panic!("no inverse for {lon},{lat}")
            };
            assert!(
                close(back.lon, lon, 1e-7) && close(back.lat, lat, 1e-7),
                "{back:?}"
            );
        }
        assert!(
            equal_earth_inverse([3.0, 0.0]).is_none(),
            "a point east of the map's edge"
        );
    }

    #[test]
    fn world_coordinates_have_y_pointing_south() {
        let north = world_xy(LonLat::new(0.0, 50.0));
        let south = world_xy(LonLat::new(0.0, 30.0));
        assert!(north[1] < south[1]);
        let seoul = world_xy(LonLat::new(126.98, 37.57));
        let belfast = world_xy(LonLat::new(-5.93, 54.6));
        assert!(seoul[0] > belfast[0], "Seoul lies east of Belfast");
    }

    #[test]
    fn local_projection_keeps_shapes_near_its_centre_and_inverts() {
        let p = LocalProjection::new(LonLat::new(127.5, 36.0));
        let a = p.project(LonLat::new(127.5, 36.0));
        assert!(close(a[0], 0.0, 1e-12) && close(a[1], 0.0, 1e-12));
        let east = p.project(LonLat::new(128.5, 36.0));
        assert!(close(east[0], 36f64.to_radians().cos(), 1e-12));
        let back = p.unproject(p.project(LonLat::new(129.03, 35.1)));
        assert!(close(back.lon, 129.03, 1e-9) && close(back.lat, 35.1, 1e-9));
    }

    #[test]
    fn belfast_to_sejong_is_about_8900_km_by_great_circle() {
        let d = distance_km(LonLat::new(-5.93, 54.6), LonLat::new(127.29, 36.59));
        assert!((8700.0..9100.0).contains(&d), "{d} km");
    }

    #[test]
    fn great_circle_from_europe_to_korea_passes_north_of_both_ends() {
        let path = great_circle(LonLat::new(-5.93, 54.6), LonLat::new(127.29, 36.59), 16);
        assert_eq!(path.len(), 17);
        assert_eq!(path[0], LonLat::new(-5.93, 54.6));
        assert_eq!(path[16], LonLat::new(127.29, 36.59));
        let highest = path.iter().map(|p| p.lat).fold(f64::MIN, f64::max);
        assert!(
            highest > 60.0,
            "the arc should bow north over Russia, max lat {highest}"
        );
        let steps: Vec<f64> = path.windows(2).map(|w| distance_km(w[0], w[1])).collect();
        let (lo, hi) = steps
            .iter()
            .fold((f64::MAX, 0f64), |(l, h), s| (l.min(*s), h.max(*s)));
        assert!(hi - lo < 1.0, "equal steps along the arc: {lo}..{hi}");
    }

    #[test]
    fn spherical_mean_of_two_cities_lies_between_them() {
        let m = spherical_mean(&[LonLat::new(0.0, 0.0), LonLat::new(90.0, 0.0)]);
        let Some(m) = m else { panic!("no mean") };
        assert!(close(m.lon, 45.0, 1e-9) && close(m.lat, 0.0, 1e-9));
        assert!(spherical_mean(&[]).is_none());
    }
}
