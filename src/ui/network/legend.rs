//! The legend, always on screen at the bottom left of the canvas (and in every export): what the
//! colours, line styles and sizes mean, what the filter leaves out, and where the data and the
//! map come from. Clicking a programme shows or fades it.

use egui::{
    Align2, Color32, CornerRadius, Order, Pos2, Rect, RichText, Sense, Shape, Stroke, Ui, pos2,
    vec2,
};

use crate::analysis::network::countries::country_name;
use crate::analysis::network::filter::{self, EdgeState};
use crate::analysis::network::{EdgeKind, Node, NodeKind, Side, Undated};
use crate::ui::{ViewCtx, theme};

use super::scene::{node_radius, programme_colour};
use super::{LayoutKind, NetworkView, Outside};

/// One programme row.
struct ProgrammeRow {
    id: String,
    name: String,
    colour: Color32,
    shown: usize,
    total: usize,
    hidden_by_user: bool,
}

/// What the legend says (kept until the store, the filter or the layout changes: gathering it
/// walks every link).
pub(super) struct LegendData {
    layout: LayoutKind,
    programmes: Vec<ProgrammeRow>,
    countries: Vec<(String, Color32, usize)>,
    more_countries: usize,
    counts: filter::Counts,
    memberships: usize,
    year: Option<i32>,
    undated: Undated,
    outside: Outside,
    unresolved: usize,
    has_country_nodes: bool,
    has_hubs: bool,
    source: String,
}

fn gather(view: &NetworkView, ctx: &ViewCtx<'_>) -> Option<LegendData> {
    let (graph, _, _) = view.cache.borrow(view.layout)?;
    let states = &view.cache.states.states;
    let colours = view.cache.colours(view.layout.granularity());
    let programmes = graph
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mine = graph
                .edges
                .iter()
                .zip(states)
                .filter(|(e, _)| e.programme == Some(i as u32));
            let (mut shown, mut total) = (0, 0);
            for (_, s) in mine {
                total += 1;
                shown += usize::from(*s == EdgeState::Shown);
            }
            ProgrammeRow {
                id: p.id.clone(),
                name: p.name.clone(),
                colour: programme_colour(Some(i as u32)),
                shown,
                total,
                hidden_by_user: view.filter.hidden_programmes.contains(&p.id),
            }
        })
        .collect();
    let mut per_country: std::collections::BTreeMap<&str, (Color32, usize)> =
        std::collections::BTreeMap::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        if n.kind == NodeKind::CohortHub || n.partnerships + n.cohorts == 0 {
            continue;
        }
        let colour = colours.get(i).copied().unwrap_or(theme::NETWORK_COHORT);
        per_country
            .entry(n.country.as_str())
            .or_insert((colour, 0))
            .1 += 1;
    }
    let mut countries: Vec<(String, Color32, usize)> = per_country
        .into_iter()
        .map(|(c, (col, n))| (c.to_owned(), col, n))
        .collect();
    countries.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let more_countries = countries.len().saturating_sub(8);
    countries.truncate(8);
    let source = if ctx.store.name.is_empty() {
        "the open store".to_owned()
    } else {
        ctx.store.name.clone()
    };
    Some(LegendData {
        layout: view.layout,
        programmes,
        countries,
        more_countries,
        counts: filter::counts(graph, states),
        memberships: graph
            .edges
            .iter()
            .zip(states)
            .filter(|(e, s)| e.kind == EdgeKind::Cohort && **s != EdgeState::Hidden)
            .count(),
        year: view.filter.year,
        undated: view.filter.undated,
        outside: view.outside,
        unresolved: graph.unresolved.len(),
        has_country_nodes: graph
            .nodes
            .iter()
            .any(|n| n.kind == NodeKind::Country && n.partnerships + n.cohorts > 0),
        has_hubs: graph.nodes.iter().any(|n| n.kind == NodeKind::CohortHub),
        source,
    })
}

/// What a click in the legend asks for.
enum Action {
    ToggleProgramme(String),
    ToggleOpen,
}

fn line_sample(ui: &mut Ui, colour: Color32, dashed: bool, width: f32) {
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

fn node_sample(ui: &mut Ui, draw: impl FnOnce(&egui::Painter, Pos2)) {
    let (r, _) = ui.allocate_exact_size(vec2(26.0, 20.0), Sense::hover());
    draw(ui.painter(), r.center());
}

/// A count with thousands separators: 100,000.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The summary line: what is shown out of what.
fn counts_line(d: &LegendData) -> String {
    let total = d.counts.shown + d.counts.faded + d.counts.hidden;
    let mut s = format!(
        "{} of {} partnerships shown",
        thousands(d.counts.shown),
        thousands(total)
    );
    if d.memberships > 0 {
        s.push_str(&format!(
            ", {} cohort memberships",
            thousands(d.memberships)
        ));
    }
    s
}

fn content(
    ui: &mut Ui,
    d: &LegendData,
    bundled: Option<(usize, usize)>,
    open: bool,
    interactive: bool,
    width: f32,
) -> Option<Action> {
    let mut action = None;
    ui.spacing_mut().item_spacing.y = 1.0;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Legend").strong());
        ui.label(RichText::new(format!("· {}", counts_line(d))).weak());
        if interactive {
            let (icon, tip) = if open {
                ("▾", "Fold the legend")
            } else {
                ("▸", "Unfold the legend")
            };
            if ui.small_button(icon).on_hover_text(tip).clicked() {
                action = Some(Action::ToggleOpen);
            }
        }
    });
    if !open {
        return action;
    }
    // Short columns side by side rather than one tall one: the legend sits in a strip along
    // the bottom of the canvas, which "fit all" keeps free. Narrow canvases get fewer columns.
    if width >= 760.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(250.0);
                action = programmes_column(ui, d, interactive);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_max_width(230.0);
                symbols_column(ui, d);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_max_width(230.0);
                notes_column(ui, d, bundled);
            });
        });
    } else if width >= 500.0 {
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_max_width(250.0);
                action = programmes_column(ui, d, interactive);
                notes_column(ui, d, bundled);
            });
            ui.separator();
            ui.vertical(|ui| {
                ui.set_max_width(220.0);
                symbols_column(ui, d);
            });
        });
    } else {
        ui.set_max_width(width.max(200.0));
        action = programmes_column(ui, d, interactive);
        lines_row(ui);
    }
    action
}

/// The two line styles, on one row.
fn lines_row(ui: &mut Ui) {
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

fn programmes_column(ui: &mut Ui, d: &LegendData, interactive: bool) -> Option<Action> {
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

fn symbols_column(ui: &mut Ui, d: &LegendData) {
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

fn notes_column(ui: &mut Ui, d: &LegendData, bundled: Option<(usize, usize)>) {
    ui.label(RichText::new("Places: colour = country").size(11.5).weak());
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        for (code, colour, _) in &d.countries {
            ui.horizontal(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                node_sample(ui, |p, c| {
                    p.circle_filled(c, 5.0, *colour);
                });
                ui.label(RichText::new(country_name(code)).size(11.5));
            });
        }
        if d.more_countries > 0 {
            ui.label(
                RichText::new(format!("+{} more", d.more_countries))
                    .size(11.5)
                    .weak(),
            );
        }
    });
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
            ui.label(RichText::new(s).size(11.5));
        }
        None if d.counts.undated > 0 => {
            let u = d.counts.undated;
            let s = if u == 1 {
                "1 partnership has".to_owned()
            } else {
                format!("{u} partnerships have")
            };
            ui.label(
                RichText::new(format!("{s} no start year."))
                    .size(11.5)
                    .weak(),
            );
        }
        None => {}
    }
    if let Some((links, bundles)) = bundled {
        ui.label(
            RichText::new(format!(
                "Dense view: {} links drawn as {} bundles; zoom in for detail",
                thousands(links),
                thousands(bundles)
            ))
            .size(11.5)
            .color(theme::WARNING),
        );
    }
    if d.unresolved > 0 {
        ui.label(
            RichText::new(format!(
                "{} links not drawn: an end is not in the store",
                d.unresolved
            ))
            .size(11.5)
            .color(theme::WARNING),
        );
    }
    let map = matches!(d.layout, LayoutKind::World | LayoutKind::Regions);
    let mut source = format!("Data: {}", d.source);
    if map {
        source.push_str(" · Map: Natural Earth (public domain)");
    }
    ui.label(RichText::new(source).size(11.5).weak());
}

fn hidden_undated(d: &LegendData) -> usize {
    if d.undated == Undated::Hide {
        d.counts.undated
    } else {
        0
    }
}

fn sample_node(partnerships: u32) -> Node {
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

/// Shows the legend over the bottom-left corner of the canvas.
pub fn overlay(view: &mut NetworkView, ui: &Ui, rect: Rect, ctx: &ViewCtx<'_>) {
    show(view, ui, rect, ctx, true);
}

/// Shows the legend (interactive or, for an export, not) and applies its clicks.
pub fn show(view: &mut NetworkView, ui: &Ui, rect: Rect, ctx: &ViewCtx<'_>, interactive: bool) {
    let key = (
        view.cache.generation,
        view.cache.states.generation,
        view.layout,
    );
    let data = match &view.live.legend {
        Some((k, d)) if *k == key && d.outside == view.outside => d.clone(),
        _ => {
            let Some(d) = gather(view, ctx) else {
                view.live.legend_rect = None;
                return;
            };
            let d = std::sync::Arc::new(d);
            view.live.legend = Some((key, d.clone()));
            d
        }
    };
    let bundled = view.live.scene.as_ref().and_then(|(_, s)| s.bundled);
    let open = view.legend_open || !interactive;
    let inner = egui::Area::new(ui.scope_id().with("network-legend"))
        .order(Order::Middle)
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(rect.left_bottom() + vec2(10.0, -10.0))
        .constrain_to(rect)
        .interactable(interactive)
        .fade_in(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                content(ui, &data, bundled, open, interactive, rect.width() - 40.0)
            })
        });
    view.live.legend_rect = Some(inner.response.rect);
    match inner.inner.inner {
        Some(Action::ToggleOpen) => view.legend_open = !view.legend_open,
        Some(Action::ToggleProgramme(id)) => {
            let hidden = &mut view.filter.hidden_programmes;
            let was_hidden = hidden.remove(&id);
            if !was_hidden {
                hidden.insert(id);
            }
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
