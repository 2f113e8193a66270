//! The data model of a Partnership Atlas store: plain serde types, no egui, no I/O.
//!
//! A store is a set of records (sources, places, organisations, programmes, partnerships,
//! cohorts, agreements, indicator series, findings and policy measures). Every record has an
//! id that is unique across the whole store, and every record that states a fact cites at
//! least one [`Source`] through a [`Citation`].

mod edits;
mod places;
mod programmes;
mod records;
mod series;

pub use edits::*;
pub use places::*;
pub use programmes::*;
pub use records::*;
pub use series::*;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A record id: short, stable, lower-case ASCII with `-` and `_` (for example `place-belfast`).
pub type Id = String;

/// One whole data store, or one file of a store split across several files.
///
/// Every list defaults to empty so that a split store can put each kind of record in its own
/// file. Lists are kept in file order; a team that keeps a store in git should keep them sorted.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    /// The format version the file was written for; see [`FORMAT_VERSION`].
    pub format_version: u32,
    /// A short title for the store, shown in the top bar.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// What the store holds and who curated it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<Programme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partnerships: Vec<Partnership>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cohorts: Vec<Cohort>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Agreement>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorSeries>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_measures: Vec<PolicyMeasure>,
    /// Marks on the records users added or changed in the app (see [`EditMark`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<EditMark>,
}

impl Store {
    /// Appends every record of `other` to `self` (used to join the files of a split store).
    /// The name and description of `self` win when both are set.
    pub fn absorb(&mut self, other: Store) {
        if self.name.is_empty() {
            self.name = other.name;
        }
        if self.description.is_empty() {
            self.description = other.description;
        }
        self.sources.extend(other.sources);
        self.places.extend(other.places);
        self.organisations.extend(other.organisations);
        self.programmes.extend(other.programmes);
        self.partnerships.extend(other.partnerships);
        self.cohorts.extend(other.cohorts);
        self.agreements.extend(other.agreements);
        self.indicators.extend(other.indicators);
        self.findings.extend(other.findings);
        self.policy_measures.extend(other.policy_measures);
        self.edits.extend(other.edits);
    }

    /// A one-line count of what the store holds, as printed by `validate`.
    pub fn summary(&self) -> String {
        let points: usize = self.indicators.iter().map(|s| s.points.len()).sum();
        format!(
            "{} programmes, {} partnerships, {} cohorts, {} places, {} organisations, {} agreements, \
             {} indicator series ({} points), {} findings, {} policy measures, {} sources",
            self.programmes.len(),
            self.partnerships.len(),
            self.cohorts.len(),
            self.places.len(),
            self.organisations.len(),
            self.agreements.len(),
            self.indicators.len(),
            points,
            self.findings.len(),
            self.policy_measures.len(),
            self.sources.len(),
        )
    }

    /// Every record of the store, kind by kind (programmes, partnerships, cohorts, agreements,
    /// places, organisations, indicators, findings, policy measures, sources), each in file order.
    pub fn items(&self) -> impl Iterator<Item = ItemRef<'_>> {
        self.programmes
            .iter()
            .map(ItemRef::Programme)
            .chain(self.partnerships.iter().map(ItemRef::Partnership))
            .chain(self.cohorts.iter().map(ItemRef::Cohort))
            .chain(self.agreements.iter().map(ItemRef::Agreement))
            .chain(self.places.iter().map(ItemRef::Place))
            .chain(self.organisations.iter().map(ItemRef::Organisation))
            .chain(self.indicators.iter().map(ItemRef::Indicator))
            .chain(self.findings.iter().map(ItemRef::Finding))
            .chain(self.policy_measures.iter().map(ItemRef::PolicyMeasure))
            .chain(self.sources.iter().map(ItemRef::Source))
    }

    /// Looks up any record by id and says what kind it is.
    pub fn item(&self, id: &str) -> Option<ItemRef<'_>> {
        // Linear scans: stores are small (hundreds of records); the UI builds its own indexes.
        if let Some(r) = self.programmes.iter().find(|r| r.id == id) {
            return Some(ItemRef::Programme(r));
        }
        if let Some(r) = self.partnerships.iter().find(|r| r.id == id) {
            return Some(ItemRef::Partnership(r));
        }
        if let Some(r) = self.cohorts.iter().find(|r| r.id == id) {
            return Some(ItemRef::Cohort(r));
        }
        if let Some(r) = self.places.iter().find(|r| r.id == id) {
            return Some(ItemRef::Place(r));
        }
        if let Some(r) = self.organisations.iter().find(|r| r.id == id) {
            return Some(ItemRef::Organisation(r));
        }
        if let Some(r) = self.agreements.iter().find(|r| r.id == id) {
            return Some(ItemRef::Agreement(r));
        }
        if let Some(r) = self.indicators.iter().find(|r| r.id == id) {
            return Some(ItemRef::Indicator(r));
        }
        if let Some(r) = self.findings.iter().find(|r| r.id == id) {
            return Some(ItemRef::Finding(r));
        }
        if let Some(r) = self.policy_measures.iter().find(|r| r.id == id) {
            return Some(ItemRef::PolicyMeasure(r));
        }
        if let Some(r) = self.sources.iter().find(|r| r.id == id) {
            return Some(ItemRef::Source(r));
        }
        None
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The vintage of a cited fact in words ("as of June 2021", "data taken July 2023 …"), for
    /// the "as of" line next to a figure; see [`Source::as_of_label`]. An unknown source says so.
    pub fn as_of(&self, citation: &Citation) -> String {
        self.source(&citation.source).map_or_else(
            || format!("unknown source `{}`", citation.source),
            Source::as_of_label,
        )
    }

    /// The display name of any record, or the id itself when it is unknown.
    pub fn display_name(&self, id: &str) -> String {
        self.item(id)
            .map_or_else(|| id.to_owned(), |i| i.name().to_owned())
    }
}

/// A borrowed reference to any record of a store, with its kind.
#[derive(Clone, Copy, Debug)]
pub enum ItemRef<'a> {
    Programme(&'a Programme),
    Partnership(&'a Partnership),
    Cohort(&'a Cohort),
    Place(&'a Place),
    Organisation(&'a Organisation),
    Agreement(&'a Agreement),
    Indicator(&'a IndicatorSeries),
    Finding(&'a Finding),
    PolicyMeasure(&'a PolicyMeasure),
    Source(&'a Source),
}

impl<'a> ItemRef<'a> {
    /// The record's id.
    pub fn id(&self) -> &'a str {
        match self {
            Self::Programme(r) => &r.id,
            Self::Partnership(r) => &r.id,
            Self::Cohort(r) => &r.id,
            Self::Place(r) => &r.id,
            Self::Organisation(r) => &r.id,
            Self::Agreement(r) => &r.id,
            Self::Indicator(r) => &r.id,
            Self::Finding(r) => &r.id,
            Self::PolicyMeasure(r) => &r.id,
            Self::Source(r) => &r.id,
        }
    }

    /// The record's English display name.
    pub fn name(&self) -> &'a str {
        match self {
            Self::Programme(r) => &r.name,
            Self::Partnership(r) => &r.name,
            Self::Cohort(r) => &r.name,
            Self::Place(r) => &r.name,
            Self::Organisation(r) => &r.name,
            Self::Agreement(r) => &r.title,
            Self::Indicator(r) => &r.name,
            Self::Finding(r) => &r.statement,
            Self::PolicyMeasure(r) => &r.title,
            Self::Source(r) => &r.title,
        }
    }

    /// The kind of record, in words ("Programme", "Partnership", …).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Programme(_) => "Programme",
            Self::Partnership(_) => "Partnership",
            Self::Cohort(_) => "Cohort",
            Self::Place(_) => "Place",
            Self::Organisation(_) => "Organisation",
            Self::Agreement(_) => "Agreement",
            Self::Indicator(_) => "Indicator",
            Self::Finding(_) => "Finding",
            Self::PolicyMeasure(_) => "Policy measure",
            Self::Source(_) => "Source",
        }
    }

    /// The numbers the record states beyond its main fields (see [`Figure`]); empty for kinds
    /// that hold none. Funding and indicator points are in their own fields.
    pub fn figures(&self) -> &'a [Figure] {
        match self {
            Self::Programme(r) => &r.figures,
            Self::Cohort(r) => &r.figures,
            Self::Finding(r) => &r.figures,
            Self::PolicyMeasure(r) => &r.figures,
            _ => &[],
        }
    }

    /// The citations of the record (a source cites nothing).
    pub fn citations(&self) -> &'a [Citation] {
        match self {
            Self::Programme(r) => &r.sources,
            Self::Partnership(r) => &r.sources,
            Self::Cohort(r) => &r.sources,
            Self::Place(r) => &r.sources,
            Self::Organisation(r) => &r.sources,
            Self::Agreement(r) => &r.sources,
            Self::Indicator(r) => &r.sources,
            Self::Finding(r) => &r.sources,
            Self::PolicyMeasure(r) => &r.sources,
            Self::Source(_) => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str) -> Source {
        Source {
            id: id.into(),
            title: format!("Title of {id}"),
            ..Source::default()
        }
    }

    #[test]
    fn a_source_says_as_of_when_its_facts_are_from() {
        let mut s = source("s1");
        assert_eq!(s.as_of(), None);
        assert_eq!(s.as_of_label(), "date unknown");
        s.not_before = Some("2022-02".into());
        assert_eq!(s.as_of(), Some("2022-02"));
        assert_eq!(
            s.as_of_label(),
            "undated; written in or after February 2022"
        );
        s.date = "2017-03-17".into();
        assert_eq!(s.as_of_label(), "as of 17 March 2017");
        s.retrieved = Some("2023-07".into());
        s.edition = Some("OECD MSTI September 2023".into());
        assert_eq!(s.as_of(), Some("2023-07"));
        assert_eq!(
            s.as_of_label(),
            "data taken July 2023; published 17 March 2017 (OECD MSTI September 2023)"
        );
        let store = Store {
            sources: vec![s],
            ..Store::default()
        };
        let cite = |id: &str| Citation {
            source: id.into(),
            at: "p. 1".into(),
        };
        assert!(store.as_of(&cite("s1")).starts_with("data taken July 2023"));
        assert_eq!(store.as_of(&cite("nope")), "unknown source `nope`");
    }

    #[test]
    fn dates_read_as_people_write_them_and_odd_ones_stay_as_written() {
        assert_eq!(human_date("2021-06"), "June 2021");
        assert_eq!(human_date("2024"), "2024");
        assert_eq!(human_date("2021-13"), "2021-13");
        assert_eq!(human_date("spring 2020"), "spring 2020");
    }

    #[test]
    fn figures_print_with_their_qualifier_unit_and_scale() {
        let f = Figure {
            what: "Public-treasury share".into(),
            as_stated: "31.9 trillion (approximately €23.7 m)".into(),
            value: 31.9,
            value_high: None,
            qualifier: Qualifier::Exact,
            unit: "KRW".into(),
            scale: Scale::Trillion,
            period: Period::default(),
            target: false,
            converted: None,
            caveat: None,
            sources: Vec::new(),
        };
        assert!(f.is_money());
        assert_eq!(f.value_label(), "KRW 31.9 trillion");
        let g = Figure {
            value: 30.0,
            value_high: Some(40.0),
            unit: "representatives".into(),
            scale: Scale::Units,
            qualifier: Qualifier::About,
            ..f
        };
        assert!(!g.is_money());
        assert_eq!(g.value_label(), "about 30–40 representatives");
    }

    #[test]
    fn absorbing_a_file_appends_its_records_and_keeps_the_first_name() {
        let mut a = Store {
            name: "A".into(),
            sources: vec![source("s1")],
            ..Store::default()
        };
        let b = Store {
            name: "B".into(),
            description: "from b".into(),
            sources: vec![source("s2")],
            ..Store::default()
        };
        a.absorb(b);
        assert_eq!(a.name, "A");
        assert_eq!(a.description, "from b");
        let ids: Vec<_> = a.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["s1", "s2"]);
    }

    #[test]
    fn items_are_found_by_id_with_their_kind_and_name() {
        let store = Store {
            sources: vec![source("s1")],
            ..Store::default()
        };
        let item = store.item("s1").expect("found");
        assert_eq!(item.kind(), "Source");
        assert_eq!(item.name(), "Title of s1");
        assert!(store.item("nope").is_none());
        assert_eq!(store.display_name("nope"), "nope");
    }

    #[test]
    fn periods_and_dates_print_as_people_write_them() {
        let p = Period {
            start: Some(2021),
            end: Some(2024),
        };
        assert_eq!(p.to_string(), "2021–2024");
        assert_eq!(
            Period {
                start: Some(2019),
                end: None
            }
            .to_string(),
            "2019–"
        );
        let d = PartialDate {
            year: 2024,
            month: Some(4),
            day: None,
        };
        assert_eq!(d.to_string(), "2024-04");
    }

    #[test]
    fn money_scales_to_whole_units() {
        let m = Money {
            currency: "KRW".into(),
            value: 114.1,
            scale: Scale::Trillion,
        };
        assert!((m.absolute() - 114.1e12).abs() < 1e3);
        assert_eq!(m.to_string(), "KRW 114.1 trillion");
    }
}
