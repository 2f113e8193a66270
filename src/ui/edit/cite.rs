//! The citations of a record being edited: pick a source of the store with a locator, or add a
//! new source inline (title, publisher, date, URL or document reference, locator, "as of").

use super::picker::{self, Picker};
use crate::model::{Citation, Source, Store};

/// A new source typed into a form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewSource {
    pub title: String,
    pub publisher: String,
    /// Publication date, as precise as known ("2026", "2026-11", "2026-11-20").
    pub date: String,
    /// A web address, or a document reference ("MOTIE letter 2026-114").
    pub reference: String,
    /// Where in it (page, paragraph).
    pub at: String,
    /// The date the facts are current to, when not the publication date.
    pub as_of: String,
}

/// The citations being edited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cites {
    pub list: Vec<Citation>,
    pub pick: Picker,
    pub at: String,
    pub new: NewSource,
    /// Show the new-source fields.
    pub adding_new: bool,
}

impl Cites {
    /// Citations already on the record.
    pub fn of(list: &[Citation]) -> Self {
        Self {
            list: list.to_vec(),
            ..Self::default()
        }
    }

    /// The new source typed in, if a title was given, with its id; and the citations including
    /// one of it. Errors name the field.
    pub fn finish(&self, store: &Store) -> Result<(Vec<Citation>, Option<Source>), String> {
        let mut list = self.list.clone();
        if let Some(id) = &self.pick.value
            && !list
                .iter()
                .any(|c| &c.source == id && c.at == self.at.trim())
        {
            list.push(Citation {
                source: id.clone(),
                at: self.at.trim().to_owned(),
            });
        }
        let n = &self.new;
        if !self.adding_new || n.title.trim().is_empty() {
            if self.adding_new && !(n.publisher.trim().is_empty() && n.reference.trim().is_empty())
            {
                return Err("the new source needs a title".to_owned());
            }
            return Ok((list, None));
        }
        let date = n.date.trim();
        if !date.is_empty() && !date_ok(date) {
            return Err(format!(
                "the new source's date “{date}” is not a date: write 2026, 2026-11 or 2026-11-20"
            ));
        }
        let as_of = n.as_of.trim();
        if !as_of.is_empty() && !date_ok(as_of) {
            return Err(format!(
                "the “as of” date “{as_of}” is not a date: write 2026, 2026-11 or 2026-11-20"
            ));
        }
        let reference = n.reference.trim();
        let is_url = reference.starts_with("http://") || reference.starts_with("https://");
        let source = Source {
            id: super::new_id(store, "source", &n.title),
            title: n.title.trim().to_owned(),
            publisher: n.publisher.trim().to_owned(),
            date: date.to_owned(),
            url: is_url.then(|| reference.to_owned()),
            note: (!is_url && !reference.is_empty())
                .then(|| format!("Document reference: {reference}. Added in the app.")),
            retrieved: (!as_of.is_empty() && as_of != date).then(|| as_of.to_owned()),
            ..Source::default()
        };
        list.push(Citation {
            source: source.id.clone(),
            at: n.at.trim().to_owned(),
        });
        Ok((list, Some(source)))
    }
}

/// "2026", "2026-11" or "2026-11-20".
pub fn date_ok(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let month = |s: &str| num(s, 2) && s.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    let day = |s: &str| num(s, 2) && s.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && month(m),
        [y, m, d] => num(y, 4) && month(m) && day(d),
        _ => false,
    }
}

/// A labelled one-line text field (the label names the field for screen readers and tests).
pub fn text(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) {
    let name = ui.weak(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(name.id);
}

/// Draws the citations: the ones kept (each removable), a picker of the store's sources with a
/// locator, and the new-source fields. `error` is shown here, at the field.
pub fn show(ui: &mut egui::Ui, cites: &mut Cites, store: &Store, error: Option<&str>) {
    ui.add_space(6.0);
    ui.strong("Sources (every fact needs one)");
    let mut remove = None;
    for (i, c) in cites.list.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let at = if c.at.is_empty() {
                String::new()
            } else {
                format!(", {}", c.at)
            };
            ui.label(format!("{}{at}", store.display_name(&c.source)));
            if ui.small_button("Remove").clicked() {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        cites.list.remove(i);
    }
    if cites.list.is_empty() && cites.pick.value.is_none() && !cites.adding_new {
        ui.weak("No source yet.");
    }
    let candidates = picker::sources(store);
    picker::show(ui, "a source", &mut cites.pick, &candidates, store, true);
    if cites.pick.value.is_some() {
        text(ui, "Where in it", &mut cites.at, "page, table or paragraph");
    }
    ui.checkbox(&mut cites.adding_new, "Add a new source");
    if cites.adding_new {
        let n = &mut cites.new;
        text(ui, "Source title", &mut n.title, "the document's title");
        text(ui, "Publisher", &mut n.publisher, "who published it");
        text(ui, "Publication date", &mut n.date, "2026-11-20");
        text(
            ui,
            "URL or document reference",
            &mut n.reference,
            "https://… or a file reference",
        );
        text(ui, "Locator", &mut n.at, "page, paragraph");
        text(ui, "As of", &mut n.as_of, "when its facts are current to");
    }
    if let Some(e) = error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_years_months_or_days() {
        assert!(date_ok("2026") && date_ok("2026-11") && date_ok("2026-11-20"));
        assert!(!date_ok("2026-13") && !date_ok("26") && !date_ok("soon") && !date_ok("2026-1"));
    }

    #[test]
    fn a_new_source_gets_an_id_and_is_cited_with_its_locator() {
        let mut cites = Cites {
            adding_new: true,
            ..Cites::default()
        };
        cites.new.title = "Workshop minutes".into();
        cites.new.reference = "https://example.org/m".into();
        cites.new.at = "p. 2".into();
        cites.new.date = "2026-11".into();
        let (list, source) = cites.finish(&Store::default()).expect("fine");
        let source = source.expect("a new source");
        assert_eq!(source.id, "source-workshop-minutes");
        assert_eq!(source.url.as_deref(), Some("https://example.org/m"));
        assert_eq!(list[0].source, source.id);
        assert_eq!(list[0].at, "p. 2");
        cites.new.date = "November".into();
        assert!(
            cites
                .finish(&Store::default())
                .expect_err("a bad date")
                .contains("not a date")
        );
    }
}
