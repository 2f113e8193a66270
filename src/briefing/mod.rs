//! Trip briefings: what an officer carries into a meeting, for one or several records.
//!
//! [`build`] collects the facts about a set of ids from the store and the user's notes into a
//! plain [`Briefing`] value (pure: no I/O, no clock); [`render_html`] turns it into one
//! self-contained, offline HTML file and [`render_markdown`] into Markdown for a report. The map
//! picture comes from the network view's own offscreen renderer ([`map_png`]).
//!
//! Text from notes and stores is data, never markup: the HTML writer escapes every string, and
//! note Markdown goes through [`sanitize`], which shows raw HTML as text and keeps only
//! `http`, `https` and `mailto` links. Every HTML file carries a Content-Security-Policy that
//! allows no script and no network ([`html::CSP`]).

mod charts;
pub mod cli;
mod collect;
pub mod html;
mod map;
pub mod markdown;
pub mod sanitize;

use crate::model::{PartialDate, Status};

pub use collect::build;
pub use html::render_html;
pub use map::map_png;
pub use markdown::render_markdown;

/// The id asked for is not a record of the store.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no record with id `{id}` in the store")]
pub struct UnknownId {
    /// The id as given.
    pub id: String,
}

/// What [`build`] needs to know besides the store and the notes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildOptions {
    /// Where the store came from, in words (a path or "built-in default store").
    pub origin: String,
    /// The date the briefing is written, as printed ("2026-12-01").
    pub written: String,
}

/// A name in English with its Hangul form, where the store has one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// English text.
    pub en: String,
    /// Korean text (shown with `lang="ko"`).
    pub ko: Option<String>,
    /// A country code shown after both names ("GB", "KR"), where it helps.
    pub country: Option<String>,
}

impl Words {
    /// English only.
    pub fn en(text: impl Into<String>) -> Self {
        Self {
            en: text.into(),
            ko: None,
            country: None,
        }
    }

    /// "Sejong (세종) · KR".
    pub fn plain(&self) -> String {
        let mut out = match &self.ko {
            Some(ko) if !ko.is_empty() => format!("{} ({ko})", self.en),
            _ => self.en.clone(),
        };
        if let Some(c) = &self.country {
            out.push_str(&format!(" · {c}"));
        }
        out
    }
}

/// A pointer to a numbered source of the briefing, with the place in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cite {
    /// 1-based number in [`Briefing::sources`].
    pub n: usize,
    /// The table, figure, page or paragraph ("" when the store gives none).
    pub at: String,
}

/// The value of one fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// One or more names or phrases (shown joined).
    Words(Vec<Words>),
    /// The store does not say; the text says what is missing and, where known, why.
    Gap(String),
}

/// One labelled fact with its sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// "Programme", "European side", "Since" …
    pub label: String,
    /// What the store says.
    pub value: Value,
    /// Where it says it (the record's own citations).
    pub cites: Vec<Cite>,
}

/// A dated (or undated) milestone or agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// When, as precise as the store says; `None` is listed last as "date not stated".
    pub date: Option<PartialDate>,
    /// "Milestone" or "Agreement".
    pub kind: &'static str,
    /// What happened or what was agreed.
    pub what: String,
    /// Where, when a source says.
    pub place: Option<Words>,
    /// The agreement's status (milestones have none).
    pub status: Option<Status>,
    /// The sources.
    pub cites: Vec<Cite>,
}

/// The facts about one requested record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemFacts {
    /// The record id.
    pub id: String,
    /// "Partnership", "Place" …
    pub kind: &'static str,
    /// Its display name.
    pub name: Words,
    /// Labelled facts, in reading order.
    pub facts: Vec<Fact>,
    /// The curators' description, where there is one.
    pub description: Option<String>,
    /// Every milestone and agreement, in date order (undated last).
    pub events: Vec<Event>,
}

/// The latest value of an indicator series.
#[derive(Clone, Debug, PartialEq)]
pub struct Latest {
    /// The year of the value.
    pub year: i32,
    /// The value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// True when the curators computed it rather than a source publishing it.
    pub derived: bool,
    /// The series' name.
    pub series: String,
    /// The series' sources.
    pub cites: Vec<Cite>,
}

/// One economy's headline R&D figure, or a gap.
#[derive(Clone, Debug, PartialEq)]
pub struct GerdRow {
    /// The economy code (KOR, GBR, EUU …).
    pub economy: String,
    /// Its name.
    pub name: Words,
    /// The latest GERD value of any source; `None` is a gap.
    pub latest: Option<Latest>,
}

/// PCT shares by WIPO sector: one row per sector, one column per economy.
#[derive(Clone, Debug, PartialEq)]
pub struct PatentTable {
    /// The economies (code, name), in chart order.
    pub economies: Vec<(String, Words)>,
    /// The sectors.
    pub fields: Vec<String>,
    /// `cells[field][economy]`; `None` is a gap.
    pub cells: Vec<Vec<Option<Latest>>>,
    /// How derived values were computed, where any is derived.
    pub derivation: Option<String>,
}

/// Headline figures for the countries involved.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    /// Latest GERD (% of GDP) per economy.
    pub gerd: Vec<GerdRow>,
    /// PCT shares by sector.
    pub patents: PatentTable,
}

/// One row of a place's memberships.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The id of the partnership, cohort or organisation.
    pub id: String,
    /// Its name.
    pub name: Words,
    /// The programme it belongs to, or the organisation's kind.
    pub detail: String,
    /// The record's sources.
    pub cites: Vec<Cite>,
}

/// For a place: the partnerships and cohorts it belongs to and the organisations sited there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceLinks {
    /// The place id.
    pub id: String,
    /// Its name.
    pub name: Words,
    /// Partnerships with the place on one side.
    pub partnerships: Vec<Membership>,
    /// Cohorts with the place as a member.
    pub cohorts: Vec<Membership>,
    /// Organisations whose place it is.
    pub organisations: Vec<Membership>,
}

/// One of the user's notes on a briefing item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefNote {
    /// The note's title.
    pub title: String,
    /// Who wrote it ("" when unknown).
    pub author: String,
    /// When it was last changed ("2026-11-22 14:05 UTC").
    pub updated: String,
    /// The record it is about.
    pub about: Words,
    /// Set on a conflict copy: the id of the note it conflicts with.
    pub conflict_of: Option<String>,
    /// The Markdown text (rendered by the writers, never trusted).
    pub body: String,
}

/// A numbered source of the briefing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceEntry {
    /// The source id.
    pub id: String,
    /// Its title (the id when the store lacks the source).
    pub title: String,
    /// Publisher ("" when unknown).
    pub publisher: String,
    /// Publication date ("" when undated).
    pub date: String,
    /// Every locator the briefing cites in it, in first-use order.
    pub locators: Vec<String>,
}

/// Everything a briefing says, in the order it says it (sections 1–7).
#[derive(Clone, Debug, PartialEq)]
pub struct Briefing {
    /// Section 1: the title.
    pub title: Words,
    /// Section 1: when it was written.
    pub written: String,
    /// Section 1: the store's name.
    pub store_name: String,
    /// Section 1: where the store came from.
    pub store_origin: String,
    /// Section 1: the store's format version.
    pub store_version: u32,
    /// The requested ids, in order (the map is focused on them).
    pub ids: Vec<String>,
    /// Section 3.
    pub items: Vec<ItemFacts>,
    /// Section 4.
    pub figures: Figures,
    /// Section 5.
    pub places: Vec<PlaceLinks>,
    /// Section 6.
    pub notes: Vec<BriefNote>,
    /// Section 7, numbered from 1.
    pub sources: Vec<SourceEntry>,
}

/// Images the writers embed (HTML) or link (Markdown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Images {
    /// The map picture as PNG bytes, or why there is none (shown as a gap).
    pub map: Result<Vec<u8>, String>,
}
