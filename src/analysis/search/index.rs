//! One [`Doc`] per record: every text the record shows, folded once when the store loads.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

use crate::model::{ItemRef, Status, Store};

use super::corpus::Index;
use super::fields::{Builder, Lookup, aliases, economy_country, period_years};

/// The kind of a record, in the order the list groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Programme,
    Partnership,
    Cohort,
    Agreement,
    Place,
    Organisation,
    Indicator,
    Finding,
    PolicyMeasure,
    Source,
}

impl Kind {
    /// Every kind, in list order.
    pub const ALL: [Kind; 10] = [
        Kind::Programme,
        Kind::Partnership,
        Kind::Cohort,
        Kind::Agreement,
        Kind::Place,
        Kind::Organisation,
        Kind::Indicator,
        Kind::Finding,
        Kind::PolicyMeasure,
        Kind::Source,
    ];

    /// The kind in words, as the details panel names it ("Programme", "Policy measure" …).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Programme => "Programme",
            Kind::Partnership => "Partnership",
            Kind::Cohort => "Cohort",
            Kind::Agreement => "Agreement",
            Kind::Place => "Place",
            Kind::Organisation => "Organisation",
            Kind::Indicator => "Indicator",
            Kind::Finding => "Finding",
            Kind::PolicyMeasure => "Policy measure",
            Kind::Source => "Source",
        }
    }

    /// The plural, for a filter chip.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Programme => "Programmes",
            Kind::Partnership => "Partnerships",
            Kind::Cohort => "Cohorts",
            Kind::Agreement => "Agreements",
            Kind::Place => "Places",
            Kind::Organisation => "Organisations",
            Kind::Indicator => "Indicators",
            Kind::Finding => "Findings",
            Kind::PolicyMeasure => "Policy",
            Kind::Source => "Sources",
        }
    }

    fn of(item: &ItemRef<'_>) -> Kind {
        match item {
            ItemRef::Programme(_) => Kind::Programme,
            ItemRef::Partnership(_) => Kind::Partnership,
            ItemRef::Cohort(_) => Kind::Cohort,
            ItemRef::Place(_) => Kind::Place,
            ItemRef::Organisation(_) => Kind::Organisation,
            ItemRef::Agreement(_) => Kind::Agreement,
            ItemRef::Indicator(_) => Kind::Indicator,
            ItemRef::Finding(_) => Kind::Finding,
            ItemRef::PolicyMeasure(_) => Kind::PolicyMeasure,
            ItemRef::Source(_) => Kind::Source,
        }
    }
}

/// How strongly a match in a field speaks for the record: names first, sources last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The name, the Hangul name, a short name or alias.
    Name = 0,
    /// Status, kind, themes, country: the record's key facts.
    Fact = 1,
    /// The user's own notes on the record.
    UserNote = 2,
    /// Descriptions, notes, caveats, milestones.
    Text = 3,
    /// Names of the records it links to (sides, parties, members).
    Link = 4,
    /// Titles, publishers and places in the sources it cites.
    Source = 5,
}

/// One text a record shows, with the label the details panel gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// "Name", "Status", "Milestone 2024-04", "Source" …
    pub label: String,
    /// The text as shown (NFC).
    pub text: String,
    /// How much a match here counts.
    pub tier: Tier,
}

/// Every searchable text of one record, and the facts the filters and columns need.
#[derive(Clone, Debug)]
pub struct Doc {
    /// The record id.
    pub id: String,
    pub kind: Kind,
    /// English name.
    pub name: String,
    /// Hangul name, where the record (or a side of a pair) has one.
    pub name_ko: Option<String>,
    /// The programme it belongs to (or is), as an id.
    pub programme: Option<String>,
    /// The programme's display name.
    pub programme_name: String,
    /// Alpha-2 country codes the record involves, sorted.
    pub countries: Vec<String>,
    pub status: Option<Status>,
    /// The years the record covers (start, end); a single year has both the same.
    pub years: Option<(i32, i32)>,
    /// Every text the record shows; `fields[0]` is the name.
    pub fields: Vec<Field>,
    /// Folded name, for sorting.
    pub(super) sort_name: String,
    /// Which build of the index this doc belongs to (caches compare it).
    pub(super) generation: u64,
    /// Its place in the order of each column ([`super::SortBy::ALL`]), ascending.
    pub(super) rank: [u32; 5],
}

impl Doc {
    /// Which build of the index this doc belongs to: views compare it to know when to drop
    /// what they derived from the docs.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The first year, for the Year column and sorting.
    pub fn year(&self) -> Option<i32> {
        self.years.map(|(s, _)| s)
    }
}

static GENERATION: AtomicU64 = AtomicU64::new(1);

/// The label of an alias field.
pub const ALSO_KNOWN_AS: &str = "Also known as";

/// Builds the index of every record of the store, in store order.
pub fn index(store: &Store) -> Index {
    let generation = GENERATION.fetch_add(1, Ordering::Relaxed);
    let lk = Lookup::new(store);
    let mut docs = Vec::new();
    for item in store.items() {
        docs.push(doc(store, &lk, item, generation));
    }
    super::rank_docs(&mut docs);
    Index::new(docs)
}

/// The doc of one record.
fn doc(store: &Store, lk: &Lookup<'_>, item: ItemRef<'_>, generation: u64) -> Doc {
    let mut b = Builder {
        store,
        lk,
        fields: Vec::new(),
    };
    b.add(Tier::Name, "Name", item.name());
    let kind = Kind::of(&item);
    let mut name_ko = None;
    let mut programme = None;
    let mut countries = BTreeSet::new();
    let mut status = None;
    let mut years = None;
    let add_countries = |ids: &[String], set: &mut BTreeSet<String>| {
        set.extend(ids.iter().filter_map(|id| lk.country(id)));
    };
    match item {
        ItemRef::Programme(p) => {
            name_ko = p.name_ko.clone();
            b.opt(Tier::Name, "Short name", &p.short_name);
            programme = Some(p.id.clone());
            status = Some(p.status);
            years = period_years(p.period.start, p.period.end);
            b.add(Tier::Fact, "Themes", p.themes.join(", "));
            b.links("Sponsors", &p.sponsors);
            b.links("Delivered by", &p.delivery);
            add_countries(&p.sponsors, &mut countries);
            add_countries(&p.delivery, &mut countries);
            for x in store.partnerships.iter().filter(|x| x.programme == p.id) {
                add_countries(&[x.a.clone(), x.b.clone()], &mut countries);
            }
            b.add(Tier::Text, "Description", &p.description);
            b.milestones(&p.milestones);
        }
        ItemRef::Partnership(p) => {
            name_ko = match (lk.hangul(&p.a), lk.hangul(&p.b)) {
                (Some(a), Some(b)) => Some(format!("{a} – {b}")),
                (None, Some(b)) => Some(format!("{} – {b}", lk.name(&p.a))),
                (Some(a), None) => Some(format!("{a} – {}", lk.name(&p.b))),
                (None, None) => None,
            };
            programme = Some(p.programme.clone());
            status = Some(p.status);
            years = p.since.map(|y| (y, y));
            b.add(Tier::Fact, "Themes", p.themes.join(", "));
            b.links("European side", std::slice::from_ref(&p.a));
            b.links("Korean side", std::slice::from_ref(&p.b));
            add_countries(&[p.a.clone(), p.b.clone()], &mut countries);
            b.add(Tier::Text, "Description", &p.description);
            b.milestones(&p.milestones);
        }
        ItemRef::Cohort(c) => {
            programme = Some(c.programme.clone());
            status = Some(c.status);
            years = period_years(c.period.start, c.period.end);
            b.add(Tier::Fact, "Themes", c.themes.join(", "));
            b.links("Members", &c.members);
            add_countries(&c.members, &mut countries);
            b.add(Tier::Text, "Description", &c.description);
            b.milestones(&c.milestones);
        }
        ItemRef::Agreement(a) => {
            programme = a.programme.clone();
            status = Some(a.status);
            years = match (a.year, a.period) {
                (Some(y), _) => Some((y, y)),
                (None, Some(p)) => period_years(p.start, p.end),
                (None, None) => None,
            };
            b.add(Tier::Fact, "Kind", format!("{:?}", a.kind));
            b.links("Parties", &a.parties);
            add_countries(&a.parties, &mut countries);
            b.opt(Tier::Text, "Area", &a.area);
            b.opt(Tier::Text, "Note", &a.note);
        }
        ItemRef::Place(p) => {
            name_ko = p.name_ko.clone();
            countries.insert(p.country.clone());
            aliases(&mut b, &p.aliases);
            b.add(Tier::Fact, "Country", &p.country);
            b.opt(Tier::Text, "Region", &p.region);
        }
        ItemRef::Organisation(o) => {
            name_ko = o.name_ko.clone();
            b.opt(Tier::Name, "Short name", &o.short_name);
            aliases(&mut b, &o.aliases);
            countries.insert(o.country.clone());
            b.add(Tier::Fact, "Country", &o.country);
            if let Some(p) = &o.place {
                b.links("Place", std::slice::from_ref(p));
            }
            if let Some(p) = &o.parent {
                b.links("Part of", std::slice::from_ref(p));
            }
            b.add(Tier::Text, "Description", &o.description);
        }
        ItemRef::Indicator(s) => {
            countries.extend(economy_country(&s.economy));
            years = match (
                s.points.iter().map(|p| p.year).min(),
                s.points.iter().map(|p| p.year).max(),
            ) {
                (Some(a), Some(z)) => Some((a, z)),
                _ => None,
            };
            b.add(Tier::Fact, "Indicator", &s.indicator);
            b.add(
                Tier::Fact,
                "Economy",
                format!("{} ({})", s.economy_name, s.economy),
            );
            b.opt(Tier::Fact, "Field", &s.field);
            b.add(Tier::Text, "Unit", &s.unit);
            b.opt(Tier::Text, "Derivation", &s.derivation);
            b.opt(Tier::Text, "Caveat", &s.caveat);
        }
        ItemRef::Finding(f) => {
            countries.extend(economy_country(&f.economy));
            years = period_years(f.period.start, f.period.end);
            b.add(Tier::Fact, "Measure", &f.measure);
            b.add(Tier::Fact, "Economy", &f.economy);
            b.opt(Tier::Fact, "Field", &f.field);
            b.opt(Tier::Text, "Level", &f.level);
        }
        ItemRef::PolicyMeasure(m) => {
            countries.insert(m.country.clone());
            years = period_years(m.period.start, m.period.end);
            b.add(Tier::Fact, "Fields", m.fields.join(", "));
            b.links("Owners", &m.owners);
            if let Some(p) = &m.parent {
                b.links("Part of", std::slice::from_ref(p));
            }
            if let Some(f) = &m.funding {
                b.add(Tier::Text, "Funding (as stated)", &f.as_stated);
                b.opt(Tier::Text, "Caveat", &f.caveat);
            }
            b.add(Tier::Text, "Description", &m.description);
        }
        ItemRef::Source(s) => {
            b.add(Tier::Fact, "Publisher", &s.publisher);
            b.add(Tier::Fact, "Date", &s.date);
            years = s.date.get(..4).and_then(|y| y.parse().ok()).map(|y| (y, y));
            b.opt(Tier::Text, "Address", &s.url);
            b.opt(Tier::Text, "Licence", &s.licence);
            b.opt(Tier::Text, "Note", &s.note);
        }
    }
    if let Some(ko) = &name_ko {
        b.fields.insert(
            1,
            Field {
                label: "Hangul name".into(),
                text: ko.clone(),
                tier: Tier::Name,
            },
        );
    }
    if let Some(s) = status {
        b.add(Tier::Fact, "Status", s.label());
    }
    b.citations(item.citations());
    let programme_name = programme
        .as_deref()
        .filter(|p| *p != item.id())
        .map(|p| lk.name(p))
        .unwrap_or_default();
    countries.retain(|c| c != "XX" && !c.is_empty());
    finish(Doc {
        id: item.id().to_owned(),
        kind,
        name: item.name().to_owned(),
        name_ko,
        programme,
        programme_name,
        countries: countries.into_iter().collect(),
        status,
        years,
        fields: b.fields,
        sort_name: String::new(),
        generation,
        rank: [0; 5],
    })
}

/// Normalises the field texts to NFC (the [`Index`] folds them into its corpus).
fn finish(mut doc: Doc) -> Doc {
    use unicode_normalization::UnicodeNormalization as _;
    for f in &mut doc.fields {
        if !unicode_normalization::is_nfc(&f.text) {
            f.text = f.text.nfc().collect();
        }
    }
    doc.sort_name = crate::text::fold(&doc.name);
    doc
}
