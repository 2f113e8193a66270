//! Indicator series, findings and policy measures: the figures and statements of the sources.

use serde::{Deserialize, Serialize};

use super::*;

/// One yearly value of an indicator series.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    /// Only when the source states a unit for this value; it must equal the series unit.
    #[serde(default)]
    pub unit: Option<String>,
}

/// A yearly indicator for one economy (and, where relevant, one technology field or sector)
/// from one source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSeries {
    pub id: Id,
    /// A display name, for example "GERD, % of GDP — Korea (OECD MSTI)".
    pub name: String,
    /// The indicator code: `GERD_PCT_GDP`, `BERD_PCT_GDP`, `PCT_APPLICATIONS`,
    /// `PCT_SHARE_WORLD` …
    pub indicator: String,
    /// The unit of every point ("% of GDP", "applications", "% of world").
    pub unit: String,
    /// The economy code (ISO 3166-1 alpha-3, or `EUU` for the EU27, `OED` for the OECD,
    /// `WLD` for the world).
    pub economy: String,
    /// The economy's display name.
    pub economy_name: String,
    /// The technology field or sector, where the indicator has one.
    #[serde(default)]
    pub field: Option<String>,
    /// True when the values were computed by the curators rather than published.
    #[serde(default)]
    pub derived: bool,
    /// How derived values were computed.
    #[serde(default)]
    pub derivation: Option<String>,
    /// A caveat a reader must see next to the figures.
    #[serde(default)]
    pub caveat: Option<String>,
    pub points: Vec<Point>,
    pub sources: Vec<Citation>,
}

/// The direction of a change between two years, as a source states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    Up,
    Down,
    Unchanged,
}

/// A finding a source states in words or as a ranking rather than a number (for example "Big
/// Data had the highest share of Korea's transnational patent applications in 2018").
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub id: Id,
    /// What is measured: "Share of global transnational patent applications", "RPA
    /// specialisation index", "Export share in world total", "Trade balance", "Venture capital".
    pub measure: String,
    /// The economy code, as in [`IndicatorSeries::economy`].
    pub economy: String,
    /// The technology field, where the finding is about one.
    #[serde(default)]
    pub field: Option<String>,
    /// The year or years the finding is about.
    #[serde(default)]
    pub period: Period,
    /// The rank the source gives (1 = first), where it gives one.
    #[serde(default)]
    pub rank: Option<u32>,
    /// A level in the source's words ("outstanding specialisation", "strong trade surplus").
    #[serde(default)]
    pub level: Option<String>,
    /// The direction of change the source states.
    #[serde(default)]
    pub change: Option<Direction>,
    /// The finding, in the curators' own words.
    pub statement: String,
    /// The numbers the source states with it, where it states any.
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub sources: Vec<Citation>,
}

/// Multiplier of a stated money amount.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scale {
    #[default]
    Units,
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Scale {
    /// The multiplier.
    pub fn factor(self) -> f64 {
        match self {
            Scale::Units => 1.0,
            Scale::Thousand => 1e3,
            Scale::Million => 1e6,
            Scale::Billion => 1e9,
            Scale::Trillion => 1e12,
        }
    }

    /// The scale in words.
    pub fn label(self) -> &'static str {
        match self {
            Scale::Units => "",
            Scale::Thousand => "thousand",
            Scale::Million => "million",
            Scale::Billion => "billion",
            Scale::Trillion => "trillion",
        }
    }
}

/// An amount of money as a source states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// ISO 4217 currency code ("KRW", "EUR").
    pub currency: String,
    pub value: f64,
    #[serde(default)]
    pub scale: Scale,
}

impl Money {
    /// The amount in whole currency units.
    pub fn absolute(&self) -> f64 {
        self.value * self.scale.factor()
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = self.scale.label();
        if scale.is_empty() {
            write!(f, "{} {}", self.currency, self.value)
        } else {
            write!(f, "{} {} {scale}", self.currency, self.value)
        }
    }
}

/// Funding of a policy measure, kept exactly as the source states it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// The source's own words, verbatim: "KRW 114.1 trillion (approximately €84.5 m)".
    pub as_stated: String,
    /// The amount, where the source gives one.
    #[serde(default)]
    pub amount: Option<Money>,
    /// The source's own conversion, where it gives one (kept even when it looks wrong).
    #[serde(default)]
    pub converted: Option<Money>,
    /// A caveat where the source's figures look inconsistent.
    #[serde(default)]
    pub caveat: Option<String>,
}

/// Whether a policy record is an overall strategy or a specific measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PolicyKind {
    Strategy,
    #[default]
    Measure,
}

/// A policy strategy or measure, with funding as stated.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyMeasure {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub kind: PolicyKind,
    /// ISO 3166-1 alpha-2 country code of the government that runs it.
    pub country: String,
    #[serde(default)]
    pub period: Period,
    /// Organisations responsible, where stated.
    #[serde(default)]
    pub owners: Vec<Id>,
    /// The strategy this measure is part of.
    #[serde(default)]
    pub parent: Option<Id>,
    #[serde(default)]
    pub funding: Option<Funding>,
    /// Technology fields it targets.
    #[serde(default)]
    pub fields: Vec<String>,
    #[serde(default)]
    pub description: String,
    /// Other numbers the source states about it (targets, jobs, shares, a second conversion).
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub sources: Vec<Citation>,
}
