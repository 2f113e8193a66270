//! Each kind of record's facts, events and Hangul name for a briefing.

use super::*;

impl Collector<'_> {
    pub(super) fn partnership(
        &mut self,
        p: &Partnership,
    ) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let (a, b) = (self.side(&p.a), self.side(&p.b));
        let facts = vec![
            self.programme_fact(&p.programme, cites),
            self.fact("European side", Value::Words(vec![a]), cites),
            self.fact("Korean side", Value::Words(vec![b]), cites),
            self.themes(&p.themes, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(p.status.label())]),
                cites,
            ),
            self.fact(
                "Since",
                match p.since {
                    Some(y) => Value::Words(vec![Words::en(y.to_string())]),
                    None => Value::Gap("no start year stated by the sources".into()),
                },
                cites,
            ),
        ];
        let mut events = self.milestones(&p.milestones);
        events.extend(self.agreements(|a| a.parties.iter().any(|x| *x == p.a || *x == p.b)));
        (facts, Some(p.description.clone()), events)
    }

    pub(super) fn place(&mut self, p: &Place) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let mut facts = vec![
            self.fact(
                "Name",
                Value::Words(vec![Words {
                    en: p.name.clone(),
                    ko: p.name_ko.clone(),
                    country: None,
                }]),
                cites,
            ),
            self.fact(
                "Country and region",
                Value::Words(vec![Words::en(match &p.region {
                    Some(r) => format!("{} · {r}", p.country),
                    None => p.country.clone(),
                })]),
                cites,
            ),
            self.fact(
                "Coordinates",
                Value::Words(vec![Words::en(format!("{:.4}, {:.4}", p.lat, p.lon))]),
                cites,
            ),
        ];
        facts.push(self.fact(
            "Population",
            match p.population {
                Some(n) => Value::Words(vec![Words::en(group_thousands(n))]),
                None => Value::Gap("not in the store".into()),
            },
            cites,
        ));
        let store = self.store;
        let sited: BTreeSet<&str> = store
            .organisations
            .iter()
            .filter(|o| o.place.as_deref() == Some(p.id.as_str()))
            .map(|o| o.id.as_str())
            .collect();
        let mut events = Vec::new();
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == p.id || x.b == p.id)
        {
            events.extend(self.milestones(&pair.milestones));
        }
        for cohort in store.cohorts.iter().filter(|c| c.members.contains(&p.id)) {
            events.extend(self.milestones(&cohort.milestones));
        }
        events.extend(self.agreements(|a| {
            a.parties
                .iter()
                .any(|x| *x == p.id || sited.contains(x.as_str()))
        }));
        (facts, None, events)
    }

    pub(super) fn organisation(
        &mut self,
        o: &Organisation,
    ) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &o.sources;
        let mut facts = vec![self.fact("Name", Value::Words(vec![self.words_of(&o.id)]), cites)];
        facts.push(self.fact(
            "Country",
            Value::Words(vec![Words::en(o.country.clone())]),
            cites,
        ));
        let sited = match &o.place {
            Some(place) => Value::Words(vec![self.words_of(place)]),
            None => Value::Gap("not stated by the sources".into()),
        };
        facts.push(self.fact("Sited in", sited, cites));
        if let Some(parent) = &o.parent {
            let parent = self.words_of(parent);
            facts.push(self.fact("Part of", Value::Words(vec![parent]), cites));
        }
        let store = self.store;
        let mut roles = Vec::new();
        for prog in &store.programmes {
            if prog.sponsors.contains(&o.id) {
                roles.push(Words::en(format!("sponsors {}", prog.name)));
            }
            if prog.delivery.contains(&o.id) {
                roles.push(Words::en(format!("delivers {}", prog.name)));
            }
        }
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == o.id || x.b == o.id)
        {
            roles.push(Words::en(format!("partner in {}", pair.name)));
        }
        if !roles.is_empty() {
            facts.push(self.fact("Role", Value::Words(roles), cites));
        }
        let mut events = Vec::new();
        for pair in store
            .partnerships
            .iter()
            .filter(|x| x.a == o.id || x.b == o.id)
        {
            events.extend(self.milestones(&pair.milestones));
        }
        events.extend(self.agreements(|a| a.parties.contains(&o.id)));
        (facts, Some(o.description.clone()), events)
    }

    pub(super) fn cohort(&mut self, c: &Cohort) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &c.sources;
        let (korean, european): (Vec<&String>, Vec<&String>) = c
            .members
            .iter()
            .partition(|m| country_of(self.store, m).as_deref() == Some("KR"));
        let european = european.iter().map(|m| self.side(m)).collect();
        let korean = korean.iter().map(|m| self.side(m)).collect();
        let facts = vec![
            self.programme_fact(&c.programme, cites),
            self.fact("European participants", Value::Words(european), cites),
            self.fact("Korean participants", Value::Words(korean), cites),
            self.themes(&c.themes, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(c.status.label())]),
                cites,
            ),
            self.period("Period", c.period, cites),
            self.fact(
                "Pairings",
                Value::Gap("the sources name the participants but not who works with whom".into()),
                cites,
            ),
        ];
        let events = self.milestones(&c.milestones);
        (facts, Some(c.description.clone()), events)
    }

    pub(super) fn programme(&mut self, p: &Programme) -> (Vec<Fact>, Option<String>, Vec<Event>) {
        let cites = &p.sources;
        let list = |c: &Self, ids: &[String], none: &str| {
            if ids.is_empty() {
                Value::Gap(none.to_owned())
            } else {
                Value::Words(ids.iter().map(|i| c.side(i)).collect())
            }
        };
        let sponsors = list(self, &p.sponsors, "no sponsor stated by the sources");
        let delivery = list(self, &p.delivery, "no delivery body stated by the sources");
        let store = self.store;
        let pairs: Vec<Words> = store
            .partnerships
            .iter()
            .filter(|x| x.programme == p.id)
            .map(|x| Words::en(&x.name))
            .collect();
        let mut facts = vec![
            self.fact("Sponsors", sponsors, cites),
            self.fact("Delivered by", delivery, cites),
            self.period("Period", p.period, cites),
            self.fact(
                "Status",
                Value::Words(vec![Words::en(p.status.label())]),
                cites,
            ),
            self.themes(&p.themes, cites),
        ];
        if !pairs.is_empty() {
            facts.push(self.fact("Partnerships", Value::Words(pairs), cites));
        }
        let mut events = self.milestones(&p.milestones);
        for pair in store.partnerships.iter().filter(|x| x.programme == p.id) {
            events.extend(self.milestones(&pair.milestones));
        }
        for cohort in store.cohorts.iter().filter(|x| x.programme == p.id) {
            events.extend(self.milestones(&cohort.milestones));
        }
        events.extend(self.agreements(|a| a.programme.as_deref() == Some(p.id.as_str())));
        (facts, Some(p.description.clone()), events)
    }

    pub(super) fn milestones(&mut self, milestones: &[crate::model::Milestone]) -> Vec<Event> {
        milestones
            .iter()
            .map(|m| Event {
                date: Some(m.date),
                kind: "Milestone",
                what: m.title.clone(),
                place: m.place.as_deref().map(|p| self.words_of(p)),
                status: None,
                cites: self.cite(&m.sources),
            })
            .collect()
    }

    pub(super) fn agreements(
        &mut self,
        wanted: impl Fn(&crate::model::Agreement) -> bool,
    ) -> Vec<Event> {
        let store = self.store;
        store
            .agreements
            .iter()
            .filter(|a| wanted(a))
            .map(|a| Event {
                date: a.year.map(|year| crate::model::PartialDate {
                    year,
                    month: None,
                    day: None,
                }),
                kind: "Agreement",
                what: a.title.clone(),
                place: None,
                status: Some(a.status),
                cites: self.cite(&a.sources),
            })
            .collect()
    }
}
