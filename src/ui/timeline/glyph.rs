//! The glyph of each kind of mark (milestone, workshop, launch, agreement signed or TBC,
//! planned) and the legend of them for the toolbar.

use egui::{Color32, Painter, Pos2, Shape, Stroke, Ui, vec2};

use crate::analysis::timeline::{Mark, MarkKind};
use crate::model::Status;
use crate::ui::theme;

/// A colour as the network fades what is outside the filter.
pub fn faded(c: Color32) -> Color32 {
    c.gamma_multiply(f32::from(theme::NETWORK_FADED_ALPHA) / 255.0)
}

/// The shape of a mark.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Glyph {
    pub kind: MarkKind,
    /// Drawn hollow: planned, or an agreement to be confirmed.
    pub hollow: bool,
    /// The outline colour (a TBC agreement has the warning colour).
    pub outline: Color32,
    pub fill: Color32,
}

impl Glyph {
    /// The glyph of a mark in a lane of colour `colour`.
    pub fn of(m: &Mark, colour: Color32) -> Self {
        let tbc = m.kind == MarkKind::Agreement && m.status == Status::Tbc;
        let unknown = m.kind == MarkKind::Agreement && m.status == Status::Unknown;
        let (fill, outline) = if m.outside {
            (faded(colour), faded(colour))
        } else if tbc {
            (theme::WARNING, theme::WARNING)
        } else {
            (colour, colour)
        };
        Self {
            kind: m.kind,
            hollow: m.planned || tbc || unknown,
            outline,
            fill,
        }
    }

    /// Paints the glyph centred at `c`.
    pub fn paint(self, painter: &Painter, c: Pos2, r: f32) {
        let points: Vec<Pos2> = match self.kind {
            MarkKind::Milestone => {
                if self.hollow {
                    painter.circle_stroke(c, r - 0.75, Stroke::new(1.5, self.outline));
                } else {
                    painter.circle_filled(c, r, self.fill);
                }
                return;
            }
            MarkKind::Workshop => {
                let h = r * 0.85;
                vec![
                    c + vec2(-h, -h),
                    c + vec2(h, -h),
                    c + vec2(h, h),
                    c + vec2(-h, h),
                ]
            }
            MarkKind::Launch => vec![
                c + vec2(0.0, -r * 1.1),
                c + vec2(r * 1.05, r * 0.8),
                c + vec2(-r * 1.05, r * 0.8),
            ],
            MarkKind::Agreement => vec![
                c + vec2(0.0, -r * 1.2),
                c + vec2(r * 1.1, 0.0),
                c + vec2(0.0, r * 1.2),
                c + vec2(-r * 1.1, 0.0),
            ],
        };
        let fill = if self.hollow {
            Color32::TRANSPARENT
        } else {
            self.fill
        };
        painter.add(Shape::convex_polygon(
            points,
            fill,
            Stroke::new(1.5, self.outline),
        ));
    }
}

/// The legend of mark shapes, for the toolbar.
pub fn legend(ui: &mut Ui) {
    let colour = ui.visuals().text_color();
    let items = [
        (MarkKind::Milestone, false, colour, "milestone"),
        (MarkKind::Workshop, false, colour, "workshop"),
        (MarkKind::Launch, false, colour, "launch"),
        (MarkKind::Agreement, false, colour, "agreement signed"),
        (MarkKind::Agreement, true, theme::WARNING, "TBC"),
        (MarkKind::Milestone, true, colour, "planned"),
    ];
    for (kind, hollow, c, label) in items {
        let (rect, _) = ui.allocate_exact_size(vec2(14.0, 14.0), egui::Sense::hover());
        Glyph {
            kind,
            hollow,
            outline: c,
            fill: c,
        }
        .paint(ui.painter(), rect.center(), 4.5);
        ui.weak(label);
    }
}
