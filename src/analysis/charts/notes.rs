//! The notes printed under a chart: derived values, caveats and missing years.

use std::collections::BTreeSet;

use super::PlotSeries;

/// The start of the note on missing years (bar charts leave it out).
pub(super) const GAPS_NOTE: &str = "No value, line broken:";

/// Notes a reader must see, in series order: how derived values were computed (one note per
/// measure), caveats (one note per distinct text, naming the series it applies to) and the
/// missing years at which lines are broken.
pub fn chart_notes(series: &[&PlotSeries]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    let mut measures: Vec<&str> = Vec::new();
    for s in series.iter().filter(|s| s.derived) {
        if measures.contains(&s.measure()) {
            continue;
        }
        measures.push(s.measure());
        let how = s
            .derivation
            .as_deref()
            .unwrap_or("computed by the curators");
        let distinct: BTreeSet<&str> = series
            .iter()
            .filter(|o| o.derived && o.measure() == s.measure())
            .filter_map(|o| o.derivation.as_deref())
            .collect();
        let mut note = format!(
            "Derived values (drawn hollow or pale, \"derived\" in the legend), {}: {how}",
            s.measure()
        );
        if distinct.len() > 1 {
            note.push_str(&format!(
                " ({} derivations in all; hover a value for its series.)",
                distinct.len()
            ));
        }
        notes.push(note);
    }
    let mut caveats: Vec<(&str, Vec<String>)> = Vec::new();
    for s in series {
        let Some(c) = s.caveat.as_deref() else {
            continue;
        };
        let who = format!("{} {}", s.economy_name, s.measure());
        match caveats.iter_mut().find(|(t, _)| *t == c) {
            Some((_, list)) => {
                if !list.contains(&who) {
                    list.push(who);
                }
            }
            None => caveats.push((c, vec![who])),
        }
    }
    for (text, who) in caveats {
        notes.push(format!("Caveat ({}): {text}", who.join(", ")));
    }
    let gaps: Vec<String> = series
        .iter()
        .filter(|s| !s.gaps.is_empty())
        .map(|s| {
            let years: Vec<String> = s
                .gaps
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            format!("{} {} {}", s.economy_name, s.measure(), years.join(", "))
        })
        .collect();
    if !gaps.is_empty() {
        notes.push(format!("{GAPS_NOTE} {}.", gaps.join("; ")));
    }
    notes
}
