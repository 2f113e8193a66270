//! Which side panels fit beside the central view: the view keeps at least 55 % of the window's
//! width. On a small laptop only one side panel shows at a time (the details while a record is
//! selected, else the list); the top bar's toggles switch between them.

/// The browse list's smallest useful width, in points.
pub const LIST_MIN: f32 = 260.0;
/// The details panel's smallest useful width, in points.
pub const DETAILS_MIN: f32 = 240.0;
/// The share of the width the side panels may take together.
pub const SIDE_SHARE: f32 = 0.45;

/// The side panels to draw this frame, and how wide each may grow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelFit {
    /// Draw the browse list.
    pub list: bool,
    /// Draw the details panel.
    pub details: bool,
    /// The widest the list may be.
    pub list_max: f32,
    /// The widest the details panel may be.
    pub details_max: f32,
}

/// Fits the side panels the user wants into a window `width` points wide. `prefer_details`
/// says which one shows when only one fits.
pub fn fit_panels(
    width: f32,
    want_list: bool,
    want_details: bool,
    prefer_details: bool,
) -> PanelFit {
    let budget = (width * SIDE_SHARE).max(0.0);
    let both = want_list && want_details && budget >= LIST_MIN + DETAILS_MIN;
    if both {
        return PanelFit {
            list: true,
            details: true,
            list_max: budget * 0.55,
            details_max: budget * 0.45,
        };
    }
    let (list, details) = match (want_list, want_details) {
        (true, true) if prefer_details => (false, true),
        (true, true) => (true, false),
        other => other,
    };
    PanelFit {
        list: list && budget >= LIST_MIN,
        details: details && budget >= DETAILS_MIN,
        list_max: budget,
        details_max: budget,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_share(width: f32, fit: PanelFit) -> f32 {
        let mut side = 0.0;
        if fit.list {
            side += fit.list_max;
        }
        if fit.details {
            side += fit.details_max;
        }
        (width - side) / width
    }

    #[test]
    fn a_wide_window_shows_both_panels_and_the_view_keeps_most_of_the_width() {
        for width in [1280.0, 1440.0, 1920.0, 3840.0] {
            let fit = fit_panels(width, true, true, false);
            assert!(fit.list && fit.details, "{width}");
            assert!(view_share(width, fit) >= 0.55 - 1e-3, "{width}");
        }
    }

    #[test]
    fn a_small_laptop_shows_one_panel_at_a_time() {
        let fit = fit_panels(1024.0, true, true, false);
        assert!(fit.list && !fit.details);
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
    }
}
