//! Places and organisations: where partners sit and who they are.

use serde::{Deserialize, Serialize};

use super::*;

/// What kind of place a [`Place`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlaceKind {
    #[default]
    City,
    /// A city region or metropolitan area (for example the Liverpool City Region).
    CityRegion,
    /// A province, state or other region.
    Region,
    /// A whole country.
    Country,
}

/// A city or region, with coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: Id,
    /// English name.
    pub name: String,
    /// Hangul name, where a source gives one.
    #[serde(default)]
    pub name_ko: Option<String>,
    #[serde(default)]
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 country code ("KR", "GB", "DK" …).
    pub country: String,
    /// Region within the country (GeoNames admin-1 name).
    #[serde(default)]
    pub region: Option<String>,
    /// Latitude in degrees, −90 to 90.
    pub lat: f64,
    /// Longitude in degrees, −180 to 180.
    pub lon: f64,
    #[serde(default)]
    pub population: Option<u64>,
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// Other names searches should find (older romanisations, short forms), each with its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<super::Alias>,
    pub sources: Vec<Citation>,
}

/// What kind of body an [`Organisation`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgKind {
    University,
    ResearchInstitute,
    /// A funding or delivery agency.
    Agency,
    /// A ministry or department of a national government.
    Ministry,
    /// A national government as a whole.
    Government,
    /// A city or regional government.
    LocalGovernment,
    /// An international or supranational body.
    International,
    /// A cluster, alliance or network.
    Cluster,
    Company,
    #[default]
    Other,
}

/// A university, institute, agency, ministry, cluster or other body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub name_ko: Option<String>,
    /// A short name or acronym (KAIST, JRC, DSIT).
    #[serde(default)]
    pub short_name: Option<String>,
    #[serde(default)]
    pub kind: OrgKind,
    /// ISO 3166-1 alpha-2 country code, or "EU" for EU bodies.
    pub country: String,
    /// The place it sits in, where a source says.
    #[serde(default)]
    pub place: Option<Id>,
    /// The organisation it belongs to (a unit of a ministry, a centre of a university).
    #[serde(default)]
    pub parent: Option<Id>,
    #[serde(default)]
    pub description: String,
    /// Other names searches should find (former names, short forms), each with its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<super::Alias>,
    pub sources: Vec<Citation>,
}
