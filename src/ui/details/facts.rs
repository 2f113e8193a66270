//! The facts the details panel and the list summary lead with, and a record's citations.

use crate::model::{Citation, ItemRef, Milestone, Store};
use crate::ui::{Command, theme};

/// The facts an officer asks first, for the summary under the name: status, year, and when
/// and where each milestone happened (the launch of a roadmap, for example).
pub fn key_facts(store: &Store, item: ItemRef<'_>) -> Vec<String> {
    let mut facts = Vec::new();
    let milestones: &[Milestone] = match item {
        ItemRef::Programme(p) => {
            facts.push(format!("Status: {}", p.status.label()));
            facts.push(p.period.to_string());
            &p.milestones
        }
        ItemRef::Partnership(p) => {
            facts.push(format!("Status: {}", p.status.label()));
            facts.push(
                p.since
                    .map_or("start year not stated".to_owned(), |y| format!("since {y}")),
            );
            &p.milestones
        }
        ItemRef::Cohort(c) => {
            facts.push(format!("Status: {}", c.status.label()));
            facts.push(c.period.to_string());
            &c.milestones
        }
        ItemRef::Agreement(a) => {
            facts.push(format!("Status: {}", a.status.label()));
            if let Some(y) = a.year {
                facts.push(y.to_string());
            }
            &[]
        }
        _ => &[],
    };
    let mut sorted: Vec<&Milestone> = milestones.iter().collect();
    sorted.sort_by_key(|m| m.date);
    for m in sorted {
        let place = m
            .place
            .as_deref()
            .map(|p| format!(" in {}", store.display_name(p)))
            .unwrap_or_default();
        facts.push(format!(
            "{}{place}: {}",
            m.date,
            crate::text::ellipsize(&m.title, 60)
        ));
    }
    facts
}

/// The citations of a record: source title, publisher, date and where in the source.
pub fn citations(
    ui: &mut egui::Ui,
    store: &Store,
    cites: &[Citation],
    commands: &mut Vec<Command>,
) {
    if cites.is_empty() {
        ui.colored_label(theme::WARNING, "No source cited.");
    }
    for c in cites {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            match store.sources.iter().find(|s| s.id == c.source) {
                Some(s) => {
                    if ui
                        .link(&s.title)
                        .on_hover_text("Show this source")
                        .clicked()
                    {
                        commands.push(Command::Select(s.id.clone()));
                    }
                    let mut meta = vec![s.publisher.clone(), s.date.clone()];
                    if !c.at.is_empty() {
                        meta.push(c.at.clone());
                    }
                    meta.retain(|m| !m.is_empty());
                    meta.push(s.as_of_label());
                    ui.weak(meta.join(", "));
                }
                None => {
                    ui.colored_label(theme::ERROR, format!("unknown source `{}`", c.source));
                }
            }
        });
    }
}
