//! The table of the browse list: rows as tall as their wrapped names, the matched field marked.

use egui::text::{LayoutJob, TextFormat};
use egui_extras::{Column, TableBuilder};

use crate::analysis::search::{self, Query, Snippet, UserNotes};
use crate::ui::{Command, ViewCtx};

use super::*;

/// `text` with `ranges` marked in the selection colours, wrapped at `width`.
pub(super) fn marked(
    style: &egui::Style,
    prefix: &str,
    text: &str,
    ranges: &[std::ops::Range<usize>],
    font: egui::FontId,
    color: egui::Color32,
) -> LayoutJob {
    let mut job = LayoutJob::default();
    let plain = TextFormat::simple(font.clone(), color);
    let mark = TextFormat {
        background: style.visuals.selection.bg_fill,
        color: style.visuals.strong_text_color(),
        ..TextFormat::simple(font, color)
    };
    if !prefix.is_empty() {
        job.append(prefix, 0.0, plain.clone());
    }
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(hit)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        job.append(before, 0.0, plain.clone());
        job.append(hit, 0.0, mark.clone());
        at = r.end;
    }
    job.append(text.get(at..).unwrap_or(""), 0.0, plain);
    job
}

/// What the name cell of one hit shows.
pub(super) struct Cell {
    name: LayoutJob,
    subtitle: Option<String>,
    snippets: Vec<LayoutJob>,
    /// Each snippet's whole text, for the hover.
    full: Vec<String>,
}

pub(super) fn cell(
    style: &egui::Style,
    ctx: &ViewCtx<'_>,
    r: &Row,
    query: &Query,
    notes: &UserNotes,
) -> Cell {
    let body = egui::TextStyle::Body.resolve(style);
    let small = egui::TextStyle::Small.resolve(style);
    let text = style.visuals.text_color();
    let weak = style.visuals.weak_text_color();
    let name = match (&r.name_ko, ctx.hangul) {
        (Some(ko), true) => ko.as_str(),
        _ => r.name.as_str(),
    };
    let name = marked(style, "", name, &search::highlight(name, query), body, text);
    let subtitle = (!r.programme_name.is_empty()).then(|| r.programme_name.clone());
    let found = search::snippets(r, query, notes, SNIPPETS);
    let full = found
        .iter()
        .map(|s| format!("{}: {}", s.field, s.text))
        .collect();
    let snippets = found
        .into_iter()
        .map(
            |Snippet {
                 field,
                 text,
                 ranges,
             }| {
                marked(
                    style,
                    &format!("{field}: "),
                    &text,
                    &ranges,
                    small.clone(),
                    weak,
                )
            },
        )
        .collect();
    Cell {
        name,
        subtitle,
        snippets,
        full,
    }
}

/// A low estimate of the lines `text` takes at `width` points in `font`: arithmetic only, so
/// that a list of 100,000 hits can size its rows without laying them all out. A row on screen
/// then takes the height its content was laid out at (see [`table`]); the estimate is low so
/// that a corrected row only pushes rows below out of view and one more pass settles it.
pub(super) fn lines(text: &str, font_size: f32, width: f32) -> f32 {
    let advance: f32 = text
        .chars()
        .map(|c| if c.is_ascii() { 0.42 } else { 0.9 })
        .sum::<f32>()
        * font_size;
    (advance / width.max(1.0)).ceil().max(1.0)
}

/// Row heights of the hits, kept while the hits, the width and the name language stay the same.
#[derive(Clone, Debug, Default)]
pub(super) struct Heights {
    key: (u64, u32, bool, usize),
    heights: Vec<f32>,
    /// The height of every row without its snippets, by doc: kept while the index, the width
    /// and the name language stay the same, so a keystroke only adds the snippet lines.
    base_key: (u64, usize, u32, bool),
    base: Vec<f32>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn table(
    ui: &mut egui::Ui,
    ctx: &ViewCtx<'_>,
    rows: &[Row],
    shown: &[search::Hit],
    query: &Query,
    notes: &UserNotes,
    state: &mut ListState,
    commands: &mut Vec<Command>,
) {
    const KIND: f32 = 74.0;
    const STATUS: f32 = 62.0;
    const YEAR: f32 = 40.0;
    let spacing = ui.spacing().item_spacing;
    let bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin + 4.0;
    let name_width =
        (ui.available_width() - KIND - STATUS - YEAR - 4.0 * spacing.x - bar).max(80.0);
    let body = egui::TextStyle::Body.resolve(ui.style()).size;
    let small = egui::TextStyle::Small.resolve(ui.style()).size;
    let body_line = ui.text_style_height(&egui::TextStyle::Body);
    let small_line = ui.text_style_height(&egui::TextStyle::Small);
    let base_height = |r: &Row| {
        let name = match (&r.name_ko, ctx.hangul) {
            (Some(ko), true) => ko.as_str(),
            _ => r.name.as_str(),
        };
        let mut h = lines(name, body, name_width) * body_line;
        if !r.programme_name.is_empty() {
            h += spacing.y + lines(&r.programme_name, small, name_width) * small_line;
        }
        h + ROW_PAD
    };
    let base_key = (
        rows.first().map_or(0, Row::generation),
        rows.len(),
        name_width.round() as u32,
        ctx.hangul,
    );
    if state.heights.base_key != base_key || state.heights.base.len() != rows.len() {
        state.heights.base = rows.iter().map(base_height).collect();
        state.heights.base_key = base_key;
    }
    let key = (
        state.searcher.version(),
        name_width.round() as u32,
        ctx.hangul,
        shown.len(),
    );
    if state.heights.key != key || state.heights.heights.len() != shown.len() {
        let base = &state.heights.base;
        let snippet = spacing.y + small_line;
        let heights = shown
            .iter()
            .map(|h| {
                base.get(h.doc).copied().unwrap_or(body_line + ROW_PAD)
                    + f32::from(h.extra.min(SNIPPETS as u8)) * snippet
            })
            .collect();
        state.heights.key = key;
        state.heights.heights = heights;
    }
    // The heights the rows on screen were laid out at, to replace the estimates.
    let mut laid_out: Vec<(usize, f32)> = Vec::new();
    let style = ui.style().clone();
    TableBuilder::new(ui)
        .striped(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::top_down(egui::Align::Min))
        .column(Column::exact(KIND))
        .column(Column::remainder().at_least(80.0))
        .column(Column::exact(STATUS))
        .column(Column::exact(YEAR))
        .header(22.0, |mut header| {
            for (label, sort) in [
                ("Kind", SortBy::Kind),
                ("Name", SortBy::Name),
                ("Status", SortBy::Status),
                ("Year", SortBy::Year),
            ] {
                header.col(|ui| {
                    let arrow = match (state.sort == sort, state.descending) {
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                        _ => "",
                    };
                    let hover = if query.is_empty() {
                        format!("Sort by {}", label.to_lowercase())
                    } else {
                        format!(
                            "Best matches first (names), then by {}",
                            label.to_lowercase()
                        )
                    };
                    let r = ui
                        .add(
                            egui::Button::selectable(state.sort == sort, format!("{label}{arrow}"))
                                .frame(false),
                        )
                        .on_hover_text(hover);
                    if r.clicked() {
                        if state.sort == sort {
                            state.descending = !state.descending;
                        } else {
                            state.sort = sort;
                            state.descending = false;
                        }
                    }
                });
            }
        })
        .body(|body| {
            body.heterogeneous_rows(state.heights.heights.iter().copied(), |mut row| {
                let Some(hit) = shown.get(row.index()) else {
                    return;
                };
                let r = &rows[hit.doc];
                let index = row.index();
                // Only the rows on screen are laid out.
                let c = cell(&style, ctx, r, query, notes);
                row.set_selected(ctx.selected == Some(r.id.as_str()));
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        ui.weak(r.kind.label());
                        if ctx.noted.contains(&r.id) {
                            ui.weak("✏").on_hover_text("You have notes on this record");
                        }
                        if let Some(m) = crate::ui::edit::mark(ctx.store, &r.id) {
                            ui.colored_label(crate::ui::theme::EDITED, "✎")
                                .on_hover_text(format!(
                                    "Not curated data: {} — {}",
                                    crate::ui::edit::mark_words(m),
                                    m.what
                                ));
                        }
                    });
                });
                row.col(|ui| {
                    let hover = match &r.name_ko {
                        Some(ko) => format!("{}\n{ko}\n{}", r.name, r.id),
                        None => format!("{}\n{}", r.name, r.id),
                    };
                    ui.add(egui::Label::new(c.name.clone()).wrap().selectable(false))
                        .on_hover_text(hover);
                    if let Some(s) = &c.subtitle {
                        ui.add(
                            egui::Label::new(egui::RichText::new(s).small().weak())
                                .wrap()
                                .selectable(false),
                        );
                    }
                    for (s, full) in c.snippets.iter().zip(&c.full) {
                        ui.add(egui::Label::new(s.clone()).truncate().selectable(false))
                            .on_hover_text(full);
                    }
                    laid_out.push((index, ui.min_rect().height() + ROW_PAD));
                });
                row.col(|ui| {
                    if let Some(s) = r.status {
                        ui.label(s.label());
                    }
                });
                row.col(|ui| {
                    let years = match r.years {
                        Some((s, e)) if s != e => format!("{s}–"),
                        Some((s, _)) => s.to_string(),
                        None => String::new(),
                    };
                    if !years.is_empty() {
                        let l = ui.label(years);
                        if let Some((s, e)) = r.years.filter(|(s, e)| s != e) {
                            l.on_hover_text(format!("{s}–{e}"));
                        }
                    }
                });
                if row.response().clicked() {
                    commands.push(Command::Select(r.id.clone()));
                }
            });
        });
    // Rows as tall as their wrapped name: a row whose estimate was off is drawn again at the
    // height it took (once; the height stays while the hits and the width do).
    let mut changed = false;
    for (i, h) in laid_out {
        if let Some(old) = state.heights.heights.get_mut(i)
            && (*old - h).abs() > 0.5
        {
            *old = h;
            changed = true;
        }
    }
    if changed {
        // Not shown: the pass is done again with the heights the rows took (and, should egui
        // decline another pass, the next frame is).
        ui.ctx().request_discard("list rows took another height");
        ui.ctx().request_repaint();
    }
}

/// Room below a row's content, in points.
pub(super) const ROW_PAD: f32 = 6.0;
