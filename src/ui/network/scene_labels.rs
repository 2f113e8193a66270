//! The labels of a scene: the busiest places first, each beside its node, none over another
//! label, a node (a link's end), a heading or the selection card. With Hangul names on, the
//! places labelled are exactly those labelled in English: each label then takes its longer
//! English-and-Hangul text where that fits, and keeps its English text where it does not.

use egui::epaint::Shape;
use egui::{Color32, CornerRadius, FontId, Rect, pos2, vec2};

use crate::analysis::network::labels::{
    LabelRequest, leader_end, needs_leader, place_labels_widening,
};
use crate::analysis::network::{Decoration, NameStyle, NodeKind, WRect};
use crate::text::ellipsize;

use super::scene::{MAX_LABEL_CANDIDATES, NodeState, Scene, SceneInput};

/// Cohort hub labels are cut shorter than place labels: a cohort's long name would cross the
/// picture, and its tooltip and the card give it whole.
const HUB_LABEL_CHARS: usize = 26;
const PLACE_LABEL_CHARS: usize = 38;

fn wrect(r: Rect) -> WRect {
    WRect {
        min: [r.min.x, r.min.y],
        max: [r.max.x, r.max.y],
    }
}

/// Places and draws the labels of `scene` (after its nodes). `low_detail`: too many nodes to
/// keep every disc clear.
pub(super) fn build_labels(
    input: &SceneInput<'_>,
    scene: &mut Scene,
    painter: &egui::Painter,
    low_detail: bool,
) {
    let SceneInput {
        graph,
        layout,
        key,
        priority,
        ..
    } = *input;
    let ink = if key.dark {
        Color32::from_gray(225)
    } else {
        Color32::from_gray(30)
    };
    let backdrop = if key.dark {
        Color32::from_rgba_unmultiplied(20, 24, 30, 190)
    } else {
        Color32::from_rgba_unmultiplied(255, 255, 255, 200)
    };

    // Places before cohort hubs: a hub's label must not take the room of a place's.
    let hubs_last = priority
        .iter()
        .filter(|&&i| graph.nodes[i as usize].kind != NodeKind::CohortHub)
        .chain(
            priority
                .iter()
                .filter(|&&i| graph.nodes[i as usize].kind == NodeKind::CohortHub),
        );
    let mut requests = Vec::new();
    let mut wide = Vec::new();
    let mut galleys = Vec::new();
    // Equals (as many partnerships and cohorts, places or hubs) share a tier.
    let mut tier = 0;
    let mut last_rank = None;
    for &i in hubs_last {
        if requests.len() >= MAX_LABEL_CANDIDATES {
            break;
        }
        let Ok(k) = scene.nodes.binary_search_by_key(&i, |n| n.index) else {
            continue;
        };
        let n = scene.nodes[k];
        if n.state == NodeState::Hidden {
            continue;
        }
        let node = &graph.nodes[i as usize];
        let rank = (
            node.kind == NodeKind::CohortHub,
            node.partnerships,
            node.cohorts,
        );
        if last_rank.is_some_and(|r| r != rank) {
            tier += 1;
        }
        last_rank = Some(rank);
        let busy = node.partnerships + node.cohorts > 0;
        let font = FontId::proportional(if busy { 13.0 } else { 11.5 });
        let colour = match n.state {
            NodeState::Shown => ink,
            _ => ink.gamma_multiply(0.55),
        };
        let text = |style: NameStyle| {
            let name = node.display_name(style);
            if node.kind == NodeKind::CohortHub {
                format!("{} (cohort)", ellipsize(&name, HUB_LABEL_CHARS))
            } else {
                ellipsize(&name, PLACE_LABEL_CHARS)
            }
        };
        let english = painter.layout_no_wrap(text(NameStyle::English), font.clone(), colour);
        let chosen = if key.names == NameStyle::English {
            english.clone()
        } else {
            painter.layout_no_wrap(text(key.names), font, colour)
        };
        requests.push(LabelRequest {
            anchor: [n.pos.x, n.pos.y],
            radius: n.radius,
            size: [english.size().x + 4.0, english.size().y],
            prefer: layout
                .label_side
                .get(i as usize)
                .copied()
                .unwrap_or_default(),
            tier,
            far: busy && n.state == NodeState::Shown,
        });
        wide.push([chosen.size().x + 4.0, chosen.size().y]);
        galleys.push((i, english, chosen));
    }

    let mut obstacles: Vec<WRect> = key.obstacles.iter().copied().map(wrect).collect();
    // Every node on screen, not only the labelled ones: a label never hides a link's end.
    if !low_detail {
        obstacles.extend(
            scene
                .nodes
                .iter()
                .filter(|n| n.state != NodeState::Hidden)
                .map(|n| {
                    let d = n.radius.max(1.0);
                    WRect {
                        min: [n.pos.x - d, n.pos.y - d],
                        max: [n.pos.x + d, n.pos.y + d],
                    }
                }),
        );
    }
    // Headings (the schematic's country names) are drawn behind: labels keep off them too.
    for d in &layout.decorations {
        if let Decoration::Heading {
            text,
            pos,
            align_right,
        } = d
        {
            let g = painter.layout_no_wrap(text.clone(), FontId::proportional(13.5), ink);
            let p = key.camera.to_screen(key.rect, *pos);
            let x0 = if *align_right { p.x - g.size().x } else { p.x };
            obstacles.push(WRect {
                min: [x0, p.y],
                max: [x0 + g.size().x, p.y + g.size().y],
            });
        }
    }
    let placed = place_labels_widening(&requests, &wide, &obstacles, wrect(key.rect));
    let mut count = 0;
    for ((spot, (i, english, chosen)), request) in placed.into_iter().zip(galleys).zip(&requests) {
        let Some((spot, widened)) = spot else {
            continue;
        };
        count += 1;
        if needs_leader(request, &spot) {
            // A label set a little away from a crowded node: a thin line ties it to its node.
            let [x, y] = request.anchor;
            let [ex, ey] = leader_end(request, &spot);
            let dir = vec2(ex - x, ey - y).normalized();
            let from = pos2(x, y) + dir * (request.radius + 1.0);
            scene.shapes.push(Shape::line_segment(
                [from, pos2(ex, ey)],
                egui::Stroke::new(1.0, ink.gamma_multiply(0.6)),
            ));
        }
        let r = Rect::from_min_max(
            pos2(spot.min[0], spot.min[1]),
            pos2(spot.max[0], spot.max[1]),
        );
        let galley = if widened { chosen } else { english };
        scene
            .shapes
            .push(Shape::rect_filled(r, CornerRadius::same(3), backdrop));
        scene
            .shapes
            .push(Shape::galley(r.min + vec2(2.0, 0.0), galley, ink));
        scene.label_rects.push((i, r));
    }
    scene.labels = (count, requests.len());
}
