//! The legend's columns: the programmes (click to show or fade one), the symbols (line styles,
//! node sizes, the note marker, the cohort hub, "no city stated"), the countries' colours and
//! the notes on what the filter leaves out and where the data come from.

use egui::{Color32, CornerRadius, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, pos2, vec2};

use crate::analysis::countries::country_name;
use crate::analysis::network::{Node, NodeKind, Side, Undated};
use crate::ui::theme;

use super::legend::Action;
use super::legend_data::{LegendData, hidden_undated, thousands};
use super::scene::node_radius;
use super::{LayoutKind, Outside};

pub(super) fn line_sample(ui: &mut Ui, colour: Color32, dashed: bool, width: f32) {
    let (r, _) = ui.allocate_exact_size(vec2(26.0, 12.0), Sense::hover());
    let pts = [pos2(r.left(), r.center().y), pos2(r.right(), r.center().y)];
    if dashed {
        ui.painter().extend(Shape::dashed_line(
            &pts,
            Stroke::new(width, colour),
            6.0,
            3.5,
        ));
    } else {
        ui.painter().line_segment(pts, Stroke::new(width, colour));
    }
}

pub(super) fn node_sample(ui: &mut Ui, draw: impl FnOnce(&egui::Painter, Pos2)) {
    let (r, _) = ui.allocate_exact_size(vec2(26.0, 20.0), Sense::hover());
    draw(ui.painter(), r.center());
}

/// The two line styles, on one row.
pub(super) fn lines_row(ui: &mut Ui) {
    let ink = if ui.visuals().dark_mode {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(60)
    };
    ui.horizontal(|ui| {
        line_sample(ui, ink, false, 2.2);
        ui.label(RichText::new("stated pair").size(11.5));
        line_sample(ui, ink, true, 1.8);
        ui.label(RichText::new("cohort member").size(11.5));
    });
}

pub(super) fn programmes_column(ui: &mut Ui, d: &LegendData, interactive: bool) -> Option<Action> {
    let mut action = None;
    ui.label(RichText::new("Links: colour = programme").size(11.5).weak());
    for p in &d.programmes {
        ui.horizontal(|ui| {
            let faded = p.hidden_by_user || p.shown == 0;
            let colour = if faded {
                p.colour.gamma_multiply(0.3)
            } else {
                p.colour
            };
            line_sample(ui, colour, false, 2.5);
            let text = RichText::new(format!("{} ({}/{})", p.name, p.shown, p.total)).size(11.5);
            let text = if faded { text.weak() } else { text };
            if interactive {
                let tip = if p.hidden_by_user {
                    "Show this programme"
                } else {
                    "Fade this programme"
                };
                let text = if p.hidden_by_user {
                    text.strikethrough()
                } else {
                    text
                };
                if ui
                    .add(egui::Button::new(text).frame(false))
                    .on_hover_text(tip)
                    .clicked()
                {
                    action = Some(Action::ToggleProgramme(p.id.clone()));
                }
            } else {
                ui.label(text);
            }
        });
    }
    action
}

pub(super) fn symbols_column(ui: &mut Ui, d: &LegendData) {
    let dark = ui.visuals().dark_mode;
    let ink = if dark {
        Color32::from_gray(200)
    } else {
        Color32::from_gray(60)
    };
    lines_row(ui);
    ui.horizontal(|ui| {
        let c = ink.gamma_multiply(theme::NETWORK_FADED_ALPHA as f32 / 255.0);
        line_sample(ui, c, false, 2.2);
        let outside = match d.outside {
            Outside::Fade => "outside the filter (faded)",
            Outside::Hide => "outside the filter: hidden",
        };
        ui.label(RichText::new(outside).size(11.5));
    });
    ui.horizontal(|ui| {
        for k in [1u32, 4, 9] {
            let probe = sample_node(k);
            node_sample(ui, |p, c| {
                p.circle_filled(c, node_radius(&probe, false), ink.gamma_multiply(0.7));
            });
        }
        ui.label(RichText::new("1, 4, 9 partnerships").size(11.5));
    });
    ui.horizontal(|ui| {
        node_sample(ui, |p, c| {
            p.circle_stroke(c, 3.5, Stroke::new(1.3, ink));
        });
        ui.label(RichText::new("none").size(11.5));
        node_sample(ui, |p, c| {
            p.circle_filled(c, 3.2, theme::NOTE);
        });
        ui.label(RichText::new("has a note").size(11.5));
    });
    if d.has_country_nodes || d.has_hubs {
        ui.horizontal(|ui| {
            if d.has_country_nodes {
                node_sample(ui, |p, c| {
                    p.rect_filled(
                        Rect::from_center_size(c, vec2(10.0, 10.0)),
                        CornerRadius::same(2),
                        ink.gamma_multiply(0.7),
                    );
                });
                ui.label(RichText::new("no city stated").size(11.5));
            }
            if d.has_hubs {
                node_sample(ui, |p, c| {
                    let pts = vec![
                        c + vec2(0.0, -7.0),
                        c + vec2(7.0, 0.0),
                        c + vec2(0.0, 7.0),
                        c + vec2(-7.0, 0.0),
                    ];
                    p.add(Shape::convex_polygon(
                        pts,
                        theme::NETWORK_COHORT,
                        Stroke::NONE,
                    ));
                });
                ui.label(RichText::new("cohort").size(11.5));
            }
        });
    }
}

/// A country's dot and name as one item, so a row of them wraps between countries.
pub(super) fn country_chip(ui: &mut Ui, colour: Color32, name: &str) {
    let ink = ui.visuals().text_color();
    let galley =
        ui.painter()
            .layout_no_wrap(name.to_owned(), egui::FontId::proportional(11.5), ink);
    let size = vec2(14.0 + galley.size().x + 4.0, galley.size().y.max(14.0));
    let (r, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name));
    ui.painter()
        .circle_filled(pos2(r.left() + 6.0, r.center().y), 5.0, colour);
    ui.painter().galley(
        pos2(r.left() + 14.0, r.center().y - galley.size().y / 2.0),
        galley,
        ink,
    );
}

/// A line of small legend text that wraps at the column's width.
pub(super) fn note(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text.size(11.5)).wrap());
}

/// The places' colours and the notes below them, in one column.
pub(super) fn notes_column(ui: &mut Ui, d: &LegendData, bundled: Option<(usize, usize)>) {
    places_column(ui, d);
    notes_lines(ui, d, bundled);
}

/// What the places' colours mean.
pub(super) fn places_column(ui: &mut Ui, d: &LegendData) {
    ui.label(RichText::new("Places: colour = country").size(11.5).weak());
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        for (code, colour, _) in &d.countries {
            country_chip(ui, *colour, country_name(code));
        }
        if d.more_countries > 0 {
            ui.label(
                RichText::new(format!("+{} more", d.more_countries))
                    .size(11.5)
                    .weak(),
            );
        }
    });
}

/// What the filter leaves out, what is drawn otherwise, and where the data and map come from.
pub(super) fn notes_lines(ui: &mut Ui, d: &LegendData, bundled: Option<(usize, usize)>) {
    let partnerships = |n: usize| {
        if n == 1 {
            "1 partnership".to_owned()
        } else {
            format!("{n} partnerships")
        }
    };
    let verb = |n: usize| if n == 1 { "is" } else { "are" };
    match d.year {
        Some(y) => {
            let started_later = d.counts.hidden - hidden_undated(d);
            let mut s = format!(
                "As of {y}: {} not yet started {} hidden.",
                partnerships(started_later),
                verb(started_later)
            );
            let u = d.counts.undated;
            if u > 0 {
                let what = if d.undated == Undated::Show {
                    "shown"
                } else {
                    "hidden"
                };
                s.push_str(&format!(
                    " {} with no start year {} {what}.",
                    partnerships(u),
                    verb(u)
                ));
            }
            note(ui, RichText::new(s));
        }
        None if d.counts.undated > 0 => {
            let u = d.counts.undated;
            let s = if u == 1 {
                "1 partnership has".to_owned()
            } else {
                format!("{u} partnerships have")
            };
            note(ui, RichText::new(format!("{s} no start year.")).weak());
        }
        None => {}
    }
    if let Some((links, bundles)) = bundled {
        note(
            ui,
            RichText::new(format!(
                "Dense view: {} links drawn as {} bundles; zoom in for detail",
                thousands(links),
                thousands(bundles)
            ))
            .color(theme::WARNING),
        );
    }
    if d.unresolved > 0 {
        note(
            ui,
            RichText::new(format!(
                "{} links not drawn: an end is not in the store",
                d.unresolved
            ))
            .color(theme::WARNING),
        );
    }
    let map = matches!(d.layout, LayoutKind::World | LayoutKind::Regions);
    let mut source = format!("Data: {}", d.source);
    if map {
        source.push_str(" · Map: Natural Earth (public domain)");
    }
    note(ui, RichText::new(source).weak());
}

pub(super) fn sample_node(partnerships: u32) -> Node {
    Node {
        key: String::new(),
        kind: NodeKind::Place,
        name: String::new(),
        name_ko: None,
        aliases: Vec::new(),
        country: String::new(),
        side: Side::Partner,
        position: None,
        approximate: false,
        records: Vec::new(),
        partnerships,
        cohorts: 0,
        population: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_nodes_grow_with_their_partnerships() {
        let (one, nine) = (sample_node(1), sample_node(9));
        assert!(node_radius(&one, false) < node_radius(&nine, false));
    }
}
