//! Words about the network: readable labels for the accessibility tree, hover tooltips (pair,
//! programme, themes, since, status, source), the right-click menu, and the selection card that
//! lists the partnerships of the selected place.

use egui::{Align2, Color32, Order, PopupAnchor, Rect, RichText, Ui, vec2};

use crate::analysis::network::countries::country_name;
use crate::analysis::network::{Edge, EdgeKind, Graph, NodeKind};
use crate::model::{Citation, ItemRef, Store};
use crate::ui::{Command, ViewCtx, theme};

use super::interact::Hit;
use super::scene::{NodeState, programme_colour};
use super::{LayoutKind, NetworkView};

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The accessible label of a node: "Sejong (세종), South Korea: 2 partnerships".
pub fn node_label(graph: &Graph, i: usize, state: NodeState) -> String {
    let n = &graph.nodes[i];
    let name = match &n.name_ko {
        Some(ko) if ko != &n.name => format!("{} ({ko})", n.name),
        _ => n.name.clone(),
    };
    let mut s = match n.kind {
        NodeKind::CohortHub => {
            format!("{name}: cohort of {} members, pairs not stated", n.cohorts)
        }
        NodeKind::Country => format!(
            "{name}: organisations with no city stated, {}",
            plural(n.partnerships, "partnership", "partnerships")
        ),
        NodeKind::Place | NodeKind::Organisation => {
            let mut s = format!(
                "{name}, {}: {}",
                country_name(&n.country),
                plural(n.partnerships, "partnership", "partnerships")
            );
            if n.cohorts > 0 {
                s.push_str(&format!(
                    ", member of {}",
                    plural(n.cohorts, "cohort", "cohorts")
                ));
            }
            s
        }
    };
    match state {
        NodeState::Faded => s.push_str(", outside the filter"),
        NodeState::Idle => s.push_str(", no link shown"),
        NodeState::Shown | NodeState::Hidden => {}
    }
    s
}

/// "since 2021", or "since: not stated".
pub fn since_text(e: &Edge) -> String {
    match (e.kind, e.since, e.until) {
        (EdgeKind::Cohort, Some(a), Some(b)) if a != b => format!("{a}–{b}"),
        (_, Some(y), _) => format!("since {y}"),
        (_, None, _) => "start year not stated".to_owned(),
    }
}

fn citation_text(store: &Store, c: &Citation) -> String {
    let (title, publisher, date) = match store.item(&c.source) {
        Some(ItemRef::Source(s)) => (s.title.as_str(), s.publisher.as_str(), s.date.as_str()),
        _ => (c.source.as_str(), "", ""),
    };
    let mut text = title.to_owned();
    let extra: Vec<&str> = [publisher, date]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    if !extra.is_empty() {
        text.push_str(&format!(" ({})", extra.join(", ")));
    }
    if !c.at.is_empty() {
        text.push_str(&format!(", {}", c.at));
    }
    text
}

fn swatch(ui: &mut Ui, colour: Color32, dashed: bool) {
    let (r, _) = ui.allocate_exact_size(vec2(22.0, 12.0), egui::Sense::hover());
    let y = r.center().y;
    if dashed {
        let pts = [r.left_center(), egui::pos2(r.right(), y)];
        ui.painter().extend(egui::Shape::dashed_line(
            &pts,
            egui::Stroke::new(2.0, colour),
            5.0,
            3.0,
        ));
    } else {
        ui.painter().line_segment(
            [r.left_center(), egui::pos2(r.right(), y)],
            egui::Stroke::new(2.5, colour),
        );
    }
}

/// The tooltip of a hovered node or link.
pub fn tooltip(
    view: &NetworkView,
    ui: &Ui,
    response: &egui::Response,
    hit: Hit,
    ctx: &ViewCtx<'_>,
) {
    let Some((graph, _, _)) = view.cache.borrow(view.layout) else {
        return;
    };
    let state = match hit {
        Hit::Node(i) => view
            .live
            .scene
            .as_ref()
            .and_then(|(_, s)| s.node_state.get(i).copied()),
        Hit::Edge(_) => None,
    };
    egui::Tooltip::always_open(
        ui.ctx().clone(),
        ui.layer_id(),
        response.id,
        PopupAnchor::Pointer,
    )
    .show(|ui| {
        ui.set_max_width(340.0);
        match hit {
            Hit::Node(i) => node_tooltip(ui, graph, i, state.unwrap_or(NodeState::Shown), ctx),
            Hit::Edge(i) => {
                if let Some(e) = graph.edges.get(i) {
                    edge_details(ui, graph, e, ctx);
                }
            }
        }
    });
}

fn node_tooltip(ui: &mut Ui, graph: &Graph, i: usize, state: NodeState, ctx: &ViewCtx<'_>) {
    let n = &graph.nodes[i];
    let title = match &n.name_ko {
        Some(ko) if ko != &n.name => format!("{} {ko}", n.name),
        _ => n.name.clone(),
    };
    ui.label(RichText::new(title).strong().size(15.0));
    let kind = match n.kind {
        NodeKind::Place => format!("Place, {}", country_name(&n.country)),
        NodeKind::Organisation => format!("Organisation, {}", country_name(&n.country)),
        NodeKind::Country => format!(
            "{}: organisations the store gives no city for, drawn at the country's centre",
            country_name(&n.country)
        ),
        NodeKind::CohortHub => {
            "Cohort: the sources name these members but not who is paired with whom".to_owned()
        }
    };
    ui.label(RichText::new(kind).weak());
    let orgs: Vec<String> = n
        .records
        .iter()
        .filter(|r| **r != n.key)
        .filter(|r| matches!(ctx.store.item(r), Some(ItemRef::Organisation(_))))
        .map(|r| ctx.store.display_name(r))
        .collect();
    if !orgs.is_empty() && n.kind != NodeKind::Organisation {
        ui.label(format!("Organisations: {}", orgs.join(", ")));
    }
    let mut pairs = 0;
    for &e in &graph.incident[i] {
        let e = &graph.edges[e as usize];
        if !matches!(e.kind, EdgeKind::Pair | EdgeKind::Cohort) {
            continue;
        }
        pairs += 1;
        if pairs > 8 {
            continue;
        }
        ui.horizontal_top(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            swatch(
                ui,
                programme_colour(e.programme),
                e.kind == EdgeKind::Cohort,
            );
            ui.label(format!(
                "{} · {} · {}",
                e.label,
                graph.programme_name(e),
                since_text(e)
            ));
        });
    }
    if pairs > 8 {
        ui.label(RichText::new(format!("… and {} more", pairs - 8)).weak());
    }
    match state {
        NodeState::Faded => {
            ui.label(RichText::new("Outside the current filter").italics());
        }
        NodeState::Idle => {
            ui.label(RichText::new("No partnership shown here (none in the store, or none started by the chosen year)").italics());
        }
        _ => {}
    }
    if n.records.iter().any(|r| ctx.noted.contains(r)) {
        ui.label(RichText::new("Has a note").color(theme::NOTE));
    }
    ui.label(
        RichText::new("Click to select · double-click to zoom in")
            .weak()
            .small(),
    );
}

/// The details of a link: pair, programme, themes, since, status, sources.
fn edge_details(ui: &mut Ui, graph: &Graph, e: &Edge, ctx: &ViewCtx<'_>) {
    ui.label(RichText::new(&e.label).strong().size(15.0));
    ui.horizontal(|ui| {
        swatch(
            ui,
            programme_colour(e.programme),
            e.kind == EdgeKind::Cohort,
        );
        ui.label(graph.programme_name(e));
    });
    let kind = match e.kind {
        EdgeKind::Pair => "Stated partnership",
        EdgeKind::Cohort => "Cohort membership: members are named, pairs are not",
        EdgeKind::BasedIn => "Where the organisation is based",
        EdgeKind::PartOf => "Part of a larger organisation",
    };
    ui.label(RichText::new(kind).weak());
    if !e.themes.is_empty() {
        let themes: Vec<&str> = e
            .themes
            .iter()
            .filter_map(|&t| graph.themes.get(t as usize))
            .map(String::as_str)
            .collect();
        ui.label(format!("Themes: {}", themes.join(", ")));
    }
    ui.label(format!("When: {}", since_text(e)));
    if matches!(e.kind, EdgeKind::Pair | EdgeKind::Cohort) {
        ui.label(format!("Status: {}", e.status.label()));
        if let Some(item) = ctx.store.item(&e.record) {
            for c in item.citations() {
                ui.label(RichText::new(format!("Source: {}", citation_text(ctx.store, c))).small());
            }
        }
    }
    if ctx.noted.contains(&e.record) {
        ui.label(RichText::new("Has a note").color(theme::NOTE));
    }
}

/// The right-click menu of the canvas.
pub fn context_menu(
    view: &mut NetworkView,
    response: &egui::Response,
    ctx: &ViewCtx<'_>,
    commands: &mut Vec<Command>,
) {
    let target = view.live.context;
    response.context_menu(|ui| {
        let Some((graph, _, _)) = view.cache.borrow(view.layout) else {
            return;
        };
        match target {
            Some(Hit::Node(i)) => {
                let name = graph
                    .nodes
                    .get(i)
                    .map_or_else(String::new, |n| n.name.clone());
                let key = graph.nodes.get(i).map(|n| n.key.clone());
                let record = view.node_record(i);
                if ui.button(format!("Select {name}")).clicked() {
                    commands.extend(record.clone().map(Command::Select));
                }
                if ui.button("Zoom to it").clicked() {
                    view.fly_to_node(ui, i);
                }
                if ui.button("Add a note…").clicked() {
                    commands.push(Command::NewNote(record.clone()));
                }
                if ui.button("New partnership…").clicked() {
                    commands.push(Command::EditForm(
                        crate::ui::edit::FormRequest::NewPartnership(record),
                    ));
                }
                if view.layout == LayoutKind::Institutions
                    && let Some(key) = key.filter(|k| view.pinned.contains_key(k))
                    && ui.button("Unpin").clicked()
                {
                    view.pinned.remove(&key);
                    view.cache.pin_force(i, None);
                    view.live.layout_version += 1;
                }
                ui.separator();
            }
            Some(Hit::Edge(i)) => {
                let (label, record) = graph
                    .edges
                    .get(i)
                    .map_or_else(Default::default, |e| (e.label.clone(), e.record.clone()));
                if ui.button(format!("Select {label}")).clicked() {
                    commands.push(Command::Select(record.clone()));
                }
                if ui.button("Add a note…").clicked() {
                    commands.push(Command::NewNote(Some(record.clone())));
                }
                if ui.button("Add milestone…").clicked() {
                    commands.push(Command::EditForm(
                        crate::ui::edit::FormRequest::AddMilestone(record),
                    ));
                }
                ui.separator();
            }
            None => {}
        }
        if ui.button("Fit all").clicked() {
            view.fit_all();
        }
        if view.layout == LayoutKind::Institutions
            && ui.button("Unpin all and lay out again").clicked()
        {
            view.reset_force_layout();
        }
        if ctx.selected.is_some() && ui.button("Clear the selection").clicked() {
            commands.push(Command::ClearSelection);
        }
    });
}

/// The selection card, in the corner `spot` of the canvas `rect` (chosen to keep off the
/// selection): the selected place's partnerships and cohorts, or the selected link's details.
pub fn overlay(
    view: &mut NetworkView,
    ui: &Ui,
    rect: Rect,
    spot: Rect,
    ctx: &ViewCtx<'_>,
    commands: &mut Vec<Command>,
) {
    view.live.card_rect = None;
    let Some(selected) = ctx.selected else { return };
    let Some((graph, _, _)) = view.cache.borrow(view.layout) else {
        return;
    };
    let node = graph.node_of(selected);
    let edges = graph.edges_of(selected);
    if node.is_none() && edges.is_empty() {
        return;
    }
    let mut fly = None;
    // Anchor the card by the corner of `spot` that touches the canvas corner, so a card that
    // grows or shrinks stays in its corner.
    let right = spot.center().x > rect.center().x;
    let bottom = spot.center().y > rect.center().y;
    let (pivot, corner) = match (right, bottom) {
        (true, false) => (Align2::RIGHT_TOP, spot.right_top()),
        (false, false) => (Align2::LEFT_TOP, spot.left_top()),
        (true, true) => (Align2::RIGHT_BOTTOM, spot.right_bottom()),
        (false, true) => (Align2::LEFT_BOTTOM, spot.left_bottom()),
    };
    let area = egui::Area::new(ui.scope_id().with("network-selection-card"))
        .order(Order::Middle)
        .pivot(pivot)
        .fixed_pos(corner)
        .constrain_to(rect)
        .fade_in(false)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.set_max_width(330.0_f32.min(rect.width() - 40.0).max(160.0));
                if let Some(i) = node {
                    let n = &graph.nodes[i];
                    let title = match &n.name_ko {
                        Some(ko) if ko != &n.name => format!("{} {ko}", n.name),
                        _ => n.name.clone(),
                    };
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(title).strong().size(15.0));
                        if ui.small_button("Zoom to").clicked() {
                            fly = Some(i);
                        }
                    });
                    let mut any = false;
                    for &e in &graph.incident[i] {
                        let e = &graph.edges[e as usize];
                        if !matches!(e.kind, EdgeKind::Pair | EdgeKind::Cohort) {
                            continue;
                        }
                        any = true;
                        ui.horizontal_top(|ui| {
                            // Long pair and programme names wrap inside the card.
                            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                            swatch(
                                ui,
                                programme_colour(e.programme),
                                e.kind == EdgeKind::Cohort,
                            );
                            let text = format!(
                                "{} · {} · {}",
                                e.label,
                                graph.programme_name(e),
                                since_text(e)
                            );
                            if ui
                                .link(text)
                                .on_hover_text("Select this partnership")
                                .clicked()
                            {
                                commands.push(Command::Select(e.record.clone()));
                            }
                        });
                    }
                    if !any {
                        ui.label(RichText::new("No partnership in the store").weak());
                    }
                } else if let Some(e) = edges.first().and_then(|&e| graph.edges.get(e)) {
                    edge_details(ui, graph, e, ctx);
                }
            });
        });
    view.live.card_rect = Some(area.response.rect);
    if let Some(i) = fly {
        view.fly_to_node(ui, i);
    }
}
