//! Small bar charts as inline SVG (text stays text, Hangul included; nothing is fetched).

use std::fmt::Write as _;

use crate::analysis::charts::format_value;
use crate::ui::theme;

use super::Latest;
use super::sanitize::escape;

/// One bar: a label, and a value or a gap.
pub struct Bar<'a> {
    /// The label left of the bar.
    pub label: String,
    /// A Hangul label after it, where there is one.
    pub label_ko: Option<&'a str>,
    /// The value, or `None` for a gap.
    pub value: Option<&'a Latest>,
    /// Which colour (0 = Korea, then the partners).
    pub colour: usize,
}

/// A group of bars under a heading (one sector of the patent chart).
pub struct Group<'a> {
    /// The heading, or "" for a chart of one group.
    pub heading: String,
    /// Its bars.
    pub bars: Vec<Bar<'a>>,
}

const WIDTH: f32 = 640.0;
const LABEL_W: f32 = 230.0;
const BAR_H: f32 = 16.0;
const GAP: f32 = 5.0;
const HEAD_H: f32 = 20.0;
const VALUE_W: f32 = 150.0;

/// The colour of bar series `i` as `#rrggbb` (Korea red, then the partner colours).
pub fn colour(i: usize) -> String {
    let c = if i == 0 {
        theme::KOREA
    } else if i == 1 {
        theme::EUROPE
    } else {
        theme::categorical(i + 1)
    };
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

/// A horizontal bar chart; derived values are marked "derived", gaps are drawn as an empty
/// outline saying "no figure in the store".
pub fn bar_chart(title: &str, groups: &[Group<'_>]) -> String {
    let max = groups
        .iter()
        .flat_map(|g| g.bars.iter())
        .filter_map(|b| b.value.map(|v| v.value))
        .fold(0.0f64, f64::max);
    let span = WIDTH - LABEL_W - VALUE_W;
    let mut body = String::new();
    let mut y = 4.0f32;
    for group in groups {
        if !group.heading.is_empty() {
            let _ = write!(
                body,
                "<text x=\"0\" y=\"{:.1}\" class=\"group\">{}</text>",
                y + 14.0,
                escape(&group.heading)
            );
            y += HEAD_H;
        }
        for bar in &group.bars {
            let mid = y + BAR_H / 2.0 + 4.0;
            let label = match bar.label_ko {
                Some(ko) => format!(
                    "{} <tspan lang=\"ko\">{}</tspan>",
                    escape(&bar.label),
                    escape(ko)
                ),
                None => escape(&bar.label),
            };
            let _ = write!(
                body,
                "<text x=\"{:.1}\" y=\"{mid:.1}\" text-anchor=\"end\">{label}</text>",
                LABEL_W - 8.0
            );
            match bar.value {
                Some(v) => {
                    let w = if max > 0.0 {
                        (v.value / max) as f32 * span
                    } else {
                        0.0
                    };
                    let _ = write!(
                        body,
                        "<rect x=\"{LABEL_W}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR_H}\" \
                         fill=\"{}\"{}/>",
                        w.max(1.0),
                        colour(bar.colour),
                        if v.derived {
                            " fill-opacity=\"0.55\""
                        } else {
                            ""
                        }
                    );
                    let _ = write!(
                        body,
                        "<text x=\"{:.1}\" y=\"{mid:.1}\">{} ({}){}</text>",
                        LABEL_W + w.max(1.0) + 6.0,
                        escape(&format_value(v.value)),
                        v.year,
                        if v.derived { " derived" } else { "" }
                    );
                }
                None => {
                    let _ = write!(
                        body,
                        "<rect x=\"{LABEL_W}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{BAR_H}\" \
                         fill=\"none\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>\
                         <text x=\"{:.1}\" y=\"{mid:.1}\" class=\"gap\">no figure in the store</text>",
                        span * 0.4,
                        LABEL_W + 6.0
                    );
                }
            }
            y += BAR_H + GAP;
        }
        y += GAP;
    }
    let height = y + 2.0;
    format!(
        "<svg class=\"chart\" role=\"img\" \
         viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"{WIDTH}\" height=\"{height:.0}\" \
         aria-label=\"{}\">{body}</svg>",
        escape(title)
    )
}
