//! The words of the timeline: lane titles, accessible labels, and the tooltips that show an item
//! with its sources.

use egui::{RichText, Ui};

use crate::analysis::timeline::{
    Lane, Mark, MarkKind, Precision, Span, SpanKind, Timeline, Undated,
};
use crate::model::{Citation, Status, Store};
use crate::ui::theme;

/// "English · 한국어" when Hangul names are on and the record has one, else the English name.
pub fn named(english: &str, korean: Option<&str>, hangul: bool) -> String {
    match korean {
        Some(ko) if hangul && ko != english => format!("{english} · {ko}"),
        _ => english.to_owned(),
    }
}

/// A lane's title.
pub fn lane_title(lane: &Lane, hangul: bool) -> String {
    named(lane.title(), lane.name_ko.as_deref(), hangul)
}

/// What a mark is, with the status of an agreement: "agreement, TBC", "launch", "milestone,
/// planned".
pub fn mark_kind(m: &Mark) -> String {
    let mut s = m.kind.label().to_owned();
    if m.kind == MarkKind::Agreement {
        s.push_str(", ");
        s.push_str(m.status.label());
    }
    if m.planned {
        s.push_str(", planned");
    }
    s
}

/// The accessible label of a mark: "2024-04 launch: Belfast–Sejong roadmap launched … —
/// Belfast – Sejong, Innovation Twins: UK Korea".
pub fn mark_label(t: &Timeline, m: &Mark) -> String {
    let lane = t.lanes.get(m.lane).map_or("", |l| l.title());
    let parent = if m.parent.is_empty() || m.parent == lane {
        String::new()
    } else {
        format!("{}, ", m.parent)
    };
    format!("{} {}: {} — {parent}{lane}", m.date, mark_kind(m), m.title)
}

/// The accessible label of a span: "JRC – KAIST KPC4IR, partnership since 2019 (no end
/// stated)".
pub fn span_label(s: &Span) -> String {
    format!("{}, {} {}", s.name, span_kind(s.kind), s.years())
}

/// The words over a span's bar: "JRC – KAIST KPC4IR · since 2019".
pub fn span_caption(s: &Span, hangul: bool) -> String {
    let name = named(&s.name, s.name_ko.as_deref(), hangul);
    match s.end {
        None => format!("{name} · since {}", s.start),
        Some(_) => format!("{name} · {}", s.years()),
    }
}

fn span_kind(k: SpanKind) -> &'static str {
    match k {
        SpanKind::Programme => "programme",
        SpanKind::Partnership => "partnership",
        SpanKind::Cohort => "cohort",
        SpanKind::Agreement => "agreement, covering",
    }
}

fn precision_words(p: Precision) -> &'static str {
    match p {
        Precision::Year => "The sources give the year only: the mark stands for the whole year.",
        Precision::Month => "The sources give the month.",
        Precision::Day => "The sources give the day.",
    }
}

/// The tooltip of a mark.
pub fn mark_tooltip(ui: &mut Ui, store: &Store, t: &Timeline, m: &Mark, hangul: bool) {
    ui.set_max_width(380.0);
    ui.label(RichText::new(format!("{} · {}", m.date, mark_kind(m))).strong());
    ui.label(&m.title);
    if !m.parent.is_empty() {
        ui.label(named(&m.parent, m.parent_ko.as_deref(), hangul));
    }
    if let Some((place, ko)) = &m.place {
        ui.label(format!("in {}", named(place, ko.as_deref(), hangul)));
    }
    if let Some(lane) = t.lanes.get(m.lane) {
        ui.weak(lane_title(lane, hangul));
    }
    if m.kind == MarkKind::Agreement && m.status == Status::Tbc {
        ui.colored_label(
            theme::WARNING,
            "Marked “TBC” (to be confirmed) in the source.",
        );
    }
    ui.weak(precision_words(m.precision()));
    sources(ui, store, &m.sources);
}

/// The tooltip of a span.
pub fn span_tooltip(ui: &mut Ui, store: &Store, t: &Timeline, s: &Span, hangul: bool) {
    ui.set_max_width(380.0);
    ui.label(RichText::new(named(&s.name, s.name_ko.as_deref(), hangul)).strong());
    ui.label(format!(
        "{} {} · status: {}",
        span_kind(s.kind),
        s.years(),
        s.status.label()
    ));
    if let Some(lane) = t.lanes.get(s.lane)
        && s.kind != SpanKind::Programme
    {
        ui.weak(lane_title(lane, hangul));
    }
    sources(ui, store, &s.sources);
}

/// The tooltip of an undated item.
pub fn undated_tooltip(ui: &mut Ui, store: &Store, u: &Undated, hangul: bool) {
    ui.set_max_width(380.0);
    ui.label(RichText::new(named(&u.name, u.name_ko.as_deref(), hangul)).strong());
    ui.label(format!(
        "{} · {} · status: {}",
        u.kind,
        u.missing,
        u.status.label()
    ));
    ui.weak("Not placed on the axis: no source gives a date for it.");
    sources(ui, store, &u.sources);
}

/// "Source: title (publisher, date) — locator", one line per citation.
fn sources(ui: &mut Ui, store: &Store, citations: &[Citation]) {
    for c in citations {
        let doc = store.sources.iter().find(|s| s.id == c.source);
        let title = doc.map_or_else(
            || c.source.clone(),
            |s| {
                let meta: Vec<&str> = [s.publisher.as_str(), s.date.as_str()]
                    .into_iter()
                    .filter(|x| !x.is_empty())
                    .collect();
                if meta.is_empty() {
                    s.title.clone()
                } else {
                    format!("{} ({})", s.title, meta.join(", "))
                }
            },
        );
        let at = if c.at.is_empty() {
            String::new()
        } else {
            format!(" — {}", c.at)
        };
        ui.label(RichText::new(format!("Source: {title}{at}")).weak());
    }
}
