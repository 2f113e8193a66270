//! Reading GeoJSON FeatureCollections (land and countries) into polygons with open rings.

/// A polygon: the outer ring first, then holes. Rings are open (no repeated closing point).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    /// Rings of `[lon, lat]` in degrees.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// One country of the outline.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 numeric code as the data carries it ("410" for the Republic of Korea).
    pub numeric: String,
    /// The English name in the data.
    pub name: String,
    /// Its polygons.
    pub polygons: Vec<Polygon>,
}

/// Land and countries at one level of detail.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outlines {
    /// Land polygons (continents and islands).
    pub land: Vec<Polygon>,
    /// Country polygons.
    pub countries: Vec<Country>,
}

/// A problem reading an embedded outline (a broken asset; the view then draws no map).
#[derive(Debug, thiserror::Error)]
#[error("cannot read the map outline {name}: {source}")]
pub struct GeoError {
    name: &'static str,
    source: serde_json::Error,
}

#[derive(serde::Deserialize)]
struct FeatureCollection {
    features: Vec<Feature>,
}

#[derive(serde::Deserialize)]
struct Feature {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    properties: Option<Properties>,
    #[serde(default)]
    geometry: Option<Geometry>,
}

#[derive(serde::Deserialize, Default)]
struct Properties {
    #[serde(default)]
    name: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        coordinates: Vec<Vec<[f64; 2]>>,
    },
    MultiPolygon {
        coordinates: Vec<Vec<Vec<[f64; 2]>>>,
    },
    #[serde(other)]
    Other,
}

fn polygon(rings: Vec<Vec<[f64; 2]>>) -> Polygon {
    let rings = rings
        .into_iter()
        .map(|mut ring| {
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            ring
        })
        .filter(|ring| ring.len() >= 3)
        .collect();
    Polygon { rings }
}

fn polygons(geometry: Option<Geometry>) -> Vec<Polygon> {
    match geometry {
        Some(Geometry::Polygon { coordinates }) => vec![polygon(coordinates)],
        Some(Geometry::MultiPolygon { coordinates }) => {
            coordinates.into_iter().map(polygon).collect()
        }
        Some(Geometry::Other) | None => Vec::new(),
    }
    .into_iter()
    .filter(|p| !p.rings.is_empty())
    .collect()
}

/// Parses a land and a country GeoJSON FeatureCollection.
pub fn parse_outlines(land: &str, countries: &str) -> Result<Outlines, GeoError> {
    let land: FeatureCollection = serde_json::from_str(land).map_err(|source| GeoError {
        name: "land",
        source,
    })?;
    let countries: FeatureCollection =
        serde_json::from_str(countries).map_err(|source| GeoError {
            name: "countries",
            source,
        })?;
    Ok(Outlines {
        land: land
            .features
            .into_iter()
            .flat_map(|f| polygons(f.geometry))
            .collect(),
        countries: countries
            .features
            .into_iter()
            .map(|f| Country {
                numeric: match f.id {
                    Some(serde_json::Value::String(s)) => s,
                    Some(serde_json::Value::Number(n)) => format!("{n:0>3}"),
                    _ => String::new(),
                },
                name: f.properties.unwrap_or_default().name.unwrap_or_default(),
                polygons: polygons(f.geometry),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_shapes::{SQUARE_LAND, TWO_COUNTRIES};
    use super::*;

    #[test]
    fn a_broken_outline_is_an_error_not_a_panic() {
        assert!(parse_outlines("{not json", TWO_COUNTRIES).is_err());
        assert!(parse_outlines(SQUARE_LAND, "[]").is_err());
    }
}
