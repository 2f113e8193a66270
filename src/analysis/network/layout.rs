//! What every layout produces: a position per node in world units (y down), a preferred side
//! for each label, and decorations (pane frames, group headings) to draw behind the network.

/// An axis-aligned rectangle in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WRect {
    /// Top-left corner.
    pub min: [f32; 2],
    /// Bottom-right corner.
    pub max: [f32; 2],
}

impl WRect {
    /// The empty rectangle: the identity for [`Self::union_point`].
    pub const NOTHING: WRect = WRect {
        min: [f32::INFINITY; 2],
        max: [f32::NEG_INFINITY; 2],
    };

    /// Grows the rectangle to include a point.
    pub fn union_point(self, p: [f32; 2]) -> WRect {
        WRect {
            min: [self.min[0].min(p[0]), self.min[1].min(p[1])],
            max: [self.max[0].max(p[0]), self.max[1].max(p[1])],
        }
    }

    /// Grows the rectangle to include another.
    pub fn union(self, o: WRect) -> WRect {
        self.union_point(o.min).union_point(o.max)
    }

    /// True when it contains at least one point.
    pub fn is_valid(&self) -> bool {
        self.min[0] <= self.max[0] && self.min[1] <= self.max[1]
    }

    /// Width and height.
    pub fn size(&self) -> [f32; 2] {
        [self.max[0] - self.min[0], self.max[1] - self.min[1]]
    }

    /// The centre.
    pub fn centre(&self) -> [f32; 2] {
        [
            (self.min[0] + self.max[0]) / 2.0,
            (self.min[1] + self.max[1]) / 2.0,
        ]
    }

    /// Do the rectangles overlap (touching edges do not count)?
    pub fn intersects(&self, o: &WRect) -> bool {
        self.min[0] < o.max[0]
            && o.min[0] < self.max[0]
            && self.min[1] < o.max[1]
            && o.min[1] < self.max[1]
    }
}

/// Where a node's label would rather go.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LabelSide {
    /// To the right of the node (the default).
    #[default]
    Right,
    /// To the left (the left column of the schematic).
    Left,
    /// Above.
    Above,
    /// Below (cohort hubs).
    Below,
}

/// Something drawn behind the network.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoration {
    /// A framed pane (the Europe and Korea panes of the two-region map).
    Pane {
        /// Title drawn in the pane's corner.
        title: String,
        /// The pane in world units.
        rect: WRect,
    },
    /// A heading text (a country group of the schematic).
    Heading {
        /// The text.
        text: String,
        /// Where it is anchored, in world units.
        pos: [f32; 2],
        /// Align its right edge to `pos` (else its left edge).
        align_right: bool,
    },
}

/// A layout of a graph.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Position of each node, or `None` for a node this layout cannot place (no coordinates,
    /// or not part of this picture).
    pub positions: Vec<Option<[f32; 2]>>,
    /// Preferred label side of each node.
    pub label_side: Vec<LabelSide>,
    /// Decorations, drawn in order.
    pub decorations: Vec<Decoration>,
}

impl Layout {
    /// The bounding box of the placed nodes and panes; `None` when nothing is placed.
    pub fn bounds(&self) -> Option<WRect> {
        let mut r = self
            .positions
            .iter()
            .flatten()
            .fold(WRect::NOTHING, |r, p| r.union_point(*p));
        for d in &self.decorations {
            match d {
                Decoration::Pane { rect, .. } => r = r.union(*rect),
                Decoration::Heading { pos, .. } => r = r.union_point(*pos),
            }
        }
        r.is_valid().then_some(r)
    }

    /// Number of nodes this layout places.
    pub fn placed(&self) -> usize {
        self.positions.iter().flatten().count()
    }
}
