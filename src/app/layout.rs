//! Which side panels fit beside the central view, and how wide each may grow. With one side
//! panel the view keeps at least 55 % of the window's width; both panels show only when the
//! window is wide enough for the list to be comfortable and the details readable while the view
//! keeps half the width. On a small laptop only one side panel shows at a time (the details
//! while a record is selected, else the list); the top bar's toggles switch between them.

/// The browse list's smallest useful width, in points.
pub const LIST_MIN: f32 = 260.0;
/// The list's width below which it is not shown beside the details panel (its table of kind,
/// name, status and year reads well from here).
pub const LIST_COMFORT: f32 = 340.0;
/// The details panel's smallest useful width, in points.
pub const DETAILS_MIN: f32 = 250.0;
/// The share of the width one side panel may take.
pub const ONE_SIDE_SHARE: f32 = 0.45;
/// The share of the width both side panels may take together.
pub const TWO_SIDE_SHARE: f32 = 0.5;

/// The side panels to draw this frame, and how wide each may grow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelFit {
    /// Draw the browse list.
    pub list: bool,
    /// Draw the details panel.
    pub details: bool,
    /// The widest the list may be.
    pub list_max: f32,
    /// The widest the details panel may be (before the list took its share).
    pub details_max: f32,
    /// The width both panels may take together.
    pub budget: f32,
}

impl PanelFit {
    /// The widest the details panel may be beside a list drawn `list_width` points wide, so
    /// that the two never take more than their budget (never below the details' minimum).
    pub fn details_beside(&self, list_width: f32) -> f32 {
        if !self.list {
            return self.details_max;
        }
        (self.budget - list_width).clamp(DETAILS_MIN.min(self.details_max), self.details_max)
    }
}

/// Fits the side panels the user wants into a window `width` points wide. `prefer_details`
/// says which one shows when only one fits.
pub fn fit_panels(
    width: f32,
    want_list: bool,
    want_details: bool,
    prefer_details: bool,
) -> PanelFit {
    let width = width.max(0.0);
    let two = width * TWO_SIDE_SHARE;
    if want_list && want_details && two >= LIST_COMFORT + DETAILS_MIN {
        return PanelFit {
            list: true,
            details: true,
            list_max: two - DETAILS_MIN,
            details_max: two - LIST_COMFORT,
            budget: two,
        };
    }
    let one = width * ONE_SIDE_SHARE;
    let (list, details) = match (want_list, want_details) {
        (true, true) if prefer_details => (false, true),
        (true, true) => (true, false),
        other => other,
    };
    PanelFit {
        list: list && one >= LIST_MIN,
        details: details && one >= DETAILS_MIN,
        list_max: one,
        details_max: one,
        budget: one,
    }
}

/// Where the last frame drew its side panels and central view (window points), for tests
/// that check no panel draws over another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Drawn {
    /// The browse list, when shown.
    pub list: Option<egui::Rect>,
    /// The details panel, when shown.
    pub details: Option<egui::Rect>,
    /// The central view's room.
    pub central: egui::Rect,
    /// What the central view's content took (it must stay inside [`Drawn::central`]).
    pub central_content: egui::Rect,
}

impl Default for Drawn {
    fn default() -> Self {
        Self {
            list: None,
            details: None,
            central: egui::Rect::NOTHING,
            central_content: egui::Rect::NOTHING,
        }
    }
}

impl Drawn {
    /// Records the rooms from the free rect before the list (`full`), after it and after the
    /// details panel, and the central panel's rect and content.
    pub fn from_rooms(
        fit: PanelFit,
        full: egui::Rect,
        after_list: egui::Rect,
        after_details: egui::Rect,
        central: egui::Rect,
        central_content: egui::Rect,
    ) -> Self {
        let list = fit
            .list
            .then(|| egui::Rect::from_x_y_ranges(full.left()..=after_list.left(), full.y_range()));
        let details = fit.details.then(|| {
            egui::Rect::from_x_y_ranges(after_details.right()..=after_list.right(), full.y_range())
        });
        Self {
            list,
            details,
            central,
            central_content,
        }
    }
}

impl super::AtlasApp {
    /// The side panels of the last frame.
    pub fn panel_fit(&self) -> PanelFit {
        self.panel_fit
    }

    /// Where the last frame drew its panels.
    pub fn drawn(&self) -> Drawn {
        self.drawn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The view's share when both panels take the most they may.
    fn view_share(width: f32, fit: PanelFit) -> f32 {
        let list = if fit.list { fit.list_max } else { 0.0 };
        let details = if fit.details {
            fit.details_beside(list)
        } else {
            0.0
        };
        (width - list - details) / width
    }

    #[test]
    fn a_wide_window_shows_both_panels_and_the_view_keeps_half_the_width() {
        for width in [1280.0, 1440.0, 1920.0, 3840.0] {
            let fit = fit_panels(width, true, true, false);
            assert!(fit.list && fit.details, "{width}");
            assert!(view_share(width, fit) >= 0.5 - 1e-3, "{width}");
            assert!(
                fit.list_max >= LIST_COMFORT,
                "{width}: list {}",
                fit.list_max
            );
            for list in [LIST_MIN, LIST_COMFORT, fit.list_max] {
                let details = fit.details_beside(list);
                assert!(details >= DETAILS_MIN, "{width}, list {list}: {details}");
                assert!(list + details <= fit.budget + 1e-3, "{width}, list {list}");
            }
        }
    }

    #[test]
    fn at_1280_the_list_may_be_wider_than_a_third_of_the_side_room() {
        let fit = fit_panels(1280.0, true, true, false);
        assert!(fit.list_max >= 380.0, "{}", fit.list_max);
    }

    #[test]
    fn a_small_laptop_shows_one_panel_at_a_time_and_the_view_keeps_55_percent() {
        let fit = fit_panels(1024.0, true, true, false);
        assert!(fit.list && !fit.details);
        assert!(view_share(1024.0, fit) >= 0.55 - 1e-3);
        let fit = fit_panels(1024.0, true, true, true);
        assert!(!fit.list && fit.details);
        assert!(view_share(1024.0, fit) >= 0.55 - 1e-3);
    }

    #[test]
    fn a_very_narrow_window_gives_the_view_everything_and_hidden_panels_stay_hidden() {
        let fit = fit_panels(480.0, true, true, true);
        assert!(!fit.list && !fit.details);
        let fit = fit_panels(1920.0, false, true, false);
        assert!(!fit.list && fit.details);
        let fit = fit_panels(-5.0, true, true, false);
        assert!(!fit.list && !fit.details);
    }
}
