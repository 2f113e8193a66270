//! Programmes, partnerships, cohorts and agreements: who cooperates with whom, when, on what.

use serde::{Deserialize, Serialize};

use super::*;

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
    /// Dated events of the programme as a whole (a call, a launch, a workshop), with sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
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
