//! Choosing a referenced record by its name, typed in English or Hangul: never a typed id.

use crate::model::{Id, Store};
use crate::text::fold;

/// At most this many matches are listed under the field.
const SHOWN: usize = 8;

/// A record that can be picked: its id, English name and Hangul name.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub id: Id,
    pub name: String,
    pub name_ko: Option<String>,
    /// What it is, shown after the name ("place, KR").
    pub hint: String,
}

/// A picker's state: the chosen id and the text typed to find another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picker {
    pub value: Option<Id>,
    pub query: String,
}

impl Picker {
    /// A picker with this value chosen.
    pub fn with(value: Option<Id>) -> Self {
        Self {
            value,
            query: String::new(),
        }
    }
}

/// The candidates whose English or Hangul name (or id) contains `query`, folded; best first
/// (names that start with it), at most [`SHOWN`].
pub fn matches<'a>(candidates: &'a [Candidate], query: &str) -> Vec<&'a Candidate> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, &Candidate)> = candidates
        .iter()
        .filter_map(|c| {
            let names = [Some(c.name.as_str()), c.name_ko.as_deref()];
            let folded: Vec<String> = names.iter().flatten().map(|n| fold(n)).collect();
            if folded.iter().any(|n| n.starts_with(&q)) {
                Some((0, c))
            } else if folded.iter().any(|n| n.contains(&q)) || fold(&c.id).contains(&q) {
                Some((1, c))
            } else {
                None
            }
        })
        .collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    hits.into_iter().take(SHOWN).map(|(_, c)| c).collect()
}

/// Places of the store.
pub fn places(store: &Store) -> Vec<Candidate> {
    store
        .places
        .iter()
        .map(|p| Candidate {
            id: p.id.clone(),
            name: p.name.clone(),
            name_ko: p.name_ko.clone(),
            hint: format!("place, {}", p.country),
        })
        .collect()
}

/// Organisations of the store.
pub fn organisations(store: &Store) -> Vec<Candidate> {
    store
        .organisations
        .iter()
        .map(|o| Candidate {
            id: o.id.clone(),
            name: o.name.clone(),
            name_ko: o.name_ko.clone(),
            hint: format!("organisation, {}", o.country),
        })
        .collect()
}

/// Places and organisations: the ends of a partnership, the parties of an agreement.
pub fn ends(store: &Store) -> Vec<Candidate> {
    let mut v = places(store);
    v.extend(organisations(store));
    v
}

/// Programmes of the store.
pub fn programmes(store: &Store) -> Vec<Candidate> {
    store
        .programmes
        .iter()
        .map(|p| Candidate {
            id: p.id.clone(),
            name: p.name.clone(),
            name_ko: p.name_ko.clone(),
            hint: "programme".to_owned(),
        })
        .collect()
}

/// Sources of the store.
pub fn sources(store: &Store) -> Vec<Candidate> {
    store
        .sources
        .iter()
        .map(|s| Candidate {
            id: s.id.clone(),
            name: s.title.clone(),
            name_ko: None,
            hint: format!("{}, {}", s.publisher, s.date),
        })
        .collect()
}

/// Draws a picker: the chosen record (with "clear" when `optional`), a search field labelled
/// `label`, and the matches to click. Returns true when the value changed.
pub fn show(
    ui: &mut egui::Ui,
    label: &str,
    picker: &mut Picker,
    candidates: &[Candidate],
    store: &Store,
    optional: bool,
) -> bool {
    let mut changed = false;
    ui.vertical(|ui| {
        ui.horizontal_wrapped(|ui| match &picker.value {
            Some(id) => {
                ui.strong(store.display_name(id));
                if optional && ui.small_button("Clear").clicked() {
                    picker.value = None;
                    changed = true;
                }
            }
            None => {
                ui.weak("none chosen");
            }
        });
        let name = ui.weak(format!("Find {label}"));
        ui.add(
            egui::TextEdit::singleline(&mut picker.query)
                .hint_text("type a name, English or 한글")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(name.id);
        let found = matches(candidates, &picker.query);
        if !picker.query.trim().is_empty() && found.is_empty() {
            ui.weak("no match");
        }
        for c in found {
            let text = match &c.name_ko {
                Some(ko) => format!("{} · {ko} ({})", c.name, c.hint),
                None => format!("{} ({})", c.name, c.hint),
            };
            if ui.selectable_label(false, text).clicked() {
                picker.value = Some(c.id.clone());
                picker.query.clear();
                changed = true;
            }
        }
    });
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, name: &str, ko: Option<&str>) -> Candidate {
        Candidate {
            id: id.into(),
            name: name.into(),
            name_ko: ko.map(Into::into),
            hint: String::new(),
        }
    }

    #[test]
    fn a_picker_finds_records_by_english_or_hangul_name_starts_first() {
        let list = [
            c("place-sejong", "Sejong", Some("세종")),
            c("org-x", "University of Sejong Studies", None),
            c("place-busan", "Busan", Some("부산")),
        ];
        let ids =
            |q: &str| -> Vec<&str> { matches(&list, q).iter().map(|c| c.id.as_str()).collect() };
        assert_eq!(ids("sej"), ["place-sejong", "org-x"]);
        assert_eq!(ids("부산"), ["place-busan"]);
        assert!(ids("  ").is_empty());
        assert!(ids("zzz").is_empty());
    }
}
