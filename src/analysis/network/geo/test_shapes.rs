//! Two tiny outlines for the map tests: a square of land with a square hole, and two
//! countries that share one edge.

pub(super) const SQUARE_LAND: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
    "geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}}]}"#;
pub(super) const TWO_COUNTRIES: &str = r#"{"type":"FeatureCollection","features":[
    {"type":"Feature","id":"001","properties":{"name":"West"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[5,0],[5,10],[0,10],[0,0]]]}},
    {"type":"Feature","id":"002","properties":{"name":"East"},"geometry":{"type":"Polygon","coordinates":[[[5,0],[10,0],[10,10],[5,10],[5,0]]]}}]}"#;
