//! The briefing as Markdown, for a report: the same sections as the HTML, figures as tables,
//! the map as a PNG file beside the Markdown. Text from the store and the notes is escaped so
//! the next tool reads it as text, never as HTML or links.

use std::fmt::Write as _;

use crate::analysis::charts::format_value;

use super::sanitize::{escape_markdown as esc, sanitize_markdown};
use super::{Briefing, Cite, Event, ItemFacts, Membership, Value, Words};

/// Renders a briefing as Markdown. `map_file` is the name of the map PNG written beside the
/// Markdown file, or why there is no map (shown as a gap).
pub fn render_markdown(b: &Briefing, map_file: Result<&str, &str>) -> String {
    let mut m = String::new();
    let _ = writeln!(m, "# Trip briefing: {}\n", words(&b.title));
    let _ = writeln!(
        m,
        "Written {} · from the store “{}” ({}), format version {}.\n",
        esc(&b.written),
        esc(&b.store_name),
        esc(&b.store_origin),
        b.store_version
    );
    m.push_str(
        "Every fact carries its source: \\[n\\] refers to the numbered list in section 7, \
         followed by the place in the source.\n\n",
    );
    m.push_str("## 2. Map\n\n");
    match map_file {
        Ok(file) => {
            let _ = writeln!(
                m,
                "![Map of the briefing's items and their partners, Europe and Korea](<{}>)\n\n\
                 The network view of Partnership Atlas (Europe | Korea). Map outlines: Natural \
                 Earth (public domain); city coordinates: GeoNames (CC BY 4.0).\n",
                file.replace(['<', '>', '\n'], "")
            );
        }
        Err(why) => {
            let _ = writeln!(m, "*Gap: no map — {}.*\n", esc(why));
        }
    }
    m.push_str("## 3. The facts\n\n");
    for item in &b.items {
        item_md(&mut m, item);
    }
    figures_md(&mut m, b);
    m.push_str("## 5. Places: partnerships, cohorts and organisations\n\n");
    if b.places.is_empty() {
        m.push_str("*No place among the briefing's items.*\n\n");
    }
    for p in &b.places {
        let _ = writeln!(m, "### {}\n", words(&p.name));
        memberships(&mut m, "Partnerships", &p.partnerships);
        memberships(&mut m, "Cohorts", &p.cohorts);
        memberships(&mut m, "Organisations sited here", &p.organisations);
    }
    m.push_str("## 6. Your notes\n\n");
    if b.notes.is_empty() {
        m.push_str("*No notes on these items.*\n\n");
    }
    for n in &b.notes {
        let _ = writeln!(m, "### {}\n", esc(&n.title));
        let _ = write!(
            m,
            "*On {} · by {} · {}*",
            words(&n.about),
            if n.author.is_empty() {
                "unknown author".to_owned()
            } else {
                esc(&n.author)
            },
            esc(&n.updated)
        );
        if let Some(of) = &n.conflict_of {
            let _ = write!(m, " · **Conflict copy of note {}**", esc(of));
        }
        m.push_str("\n\n");
        let body = sanitize_markdown(&n.body, 3);
        m.push_str(body.trim_end());
        m.push_str("\n\n");
    }
    m.push_str("## 7. Sources\n\n");
    for (i, s) in b.sources.iter().enumerate() {
        let meta: Vec<String> = [&s.publisher, &s.date]
            .into_iter()
            .filter(|x| !x.is_empty())
            .map(|x| esc(x))
            .collect();
        let _ = write!(
            m,
            "{}. **{}** — {}",
            i + 1,
            esc(&s.title),
            if meta.is_empty() {
                "undated".to_owned()
            } else {
                meta.join(", ")
            }
        );
        if !s.locators.is_empty() {
            let locs: Vec<String> = s.locators.iter().map(|l| esc(l)).collect();
            let _ = write!(m, "  \n   Cited at: {}", locs.join("; "));
        }
        m.push('\n');
    }
    m
}

fn words(w: &Words) -> String {
    let mut out = match &w.ko {
        Some(ko) if !ko.is_empty() => format!("{} ({})", esc(&w.en), esc(ko)),
        _ => esc(&w.en),
    };
    if let Some(c) = &w.country {
        out.push_str(&format!(" · {}", esc(c)));
    }
    out
}

fn cites(c: &[Cite]) -> String {
    let parts: Vec<String> = c
        .iter()
        .map(|c| {
            if c.at.is_empty() {
                format!("\\[{}\\]", c.n)
            } else {
                format!("\\[{}\\] {}", c.n, esc(&c.at))
            }
        })
        .collect();
    parts.join("; ")
}

/// A table cell: no pipes or line breaks.
fn cell(text: String) -> String {
    text.replace('\n', " ")
}

fn item_md(m: &mut String, item: &ItemFacts) {
    let _ = writeln!(m, "### {}: {}\n", esc(item.kind), words(&item.name));
    m.push_str("| Fact | Value | Source |\n|---|---|---|\n");
    for f in &item.facts {
        let value = match &f.value {
            Value::Words(w) => w.iter().map(words).collect::<Vec<_>>().join(", "),
            Value::Gap(why) => format!("*Gap: {}*", esc(why)),
        };
        let _ = writeln!(
            m,
            "| {} | {} | {} |",
            esc(&f.label),
            cell(value),
            cell(cites(&f.cites))
        );
    }
    m.push('\n');
    if let Some(d) = &item.description {
        let _ = writeln!(m, "*In the curators' words:* {}\n", esc(d));
    }
    m.push_str("#### Milestones and agreements, in date order\n\n");
    if item.events.is_empty() {
        m.push_str("*None in the store.*\n\n");
        return;
    }
    m.push_str("| Date | What | Source |\n|---|---|---|\n");
    for e in &item.events {
        event_row(m, e);
    }
    m.push('\n');
}

fn event_row(m: &mut String, e: &Event) {
    let date = e
        .date
        .map_or_else(|| "*date not stated*".to_owned(), |d| d.to_string());
    let mut what = format!("{}: {}", e.kind, esc(&e.what));
    if let Some(p) = &e.place {
        let _ = write!(what, " — in {}", words(p));
    }
    if let Some(s) = e.status {
        let _ = write!(what, " ({})", s.label());
    }
    let _ = writeln!(m, "| {date} | {} | {} |", cell(what), cell(cites(&e.cites)));
}

fn memberships(m: &mut String, label: &str, rows: &[Membership]) {
    let _ = writeln!(m, "#### {label}\n");
    if rows.is_empty() {
        m.push_str("*None in the store.*\n\n");
        return;
    }
    for r in rows {
        let _ = writeln!(
            m,
            "- {} — {} {}",
            words(&r.name),
            esc(&r.detail),
            cites(&r.cites)
        );
    }
    m.push('\n');
}

fn figures_md(m: &mut String, b: &Briefing) {
    let f = &b.figures;
    m.push_str("## 4. Headline figures\n\n### R&D spending: latest GERD, % of GDP\n\n");
    m.push_str("| Economy | Latest GERD | Year | Series | Source |\n|---|---|---|---|---|\n");
    for g in &f.gerd {
        match &g.latest {
            Some(l) => {
                let _ = writeln!(
                    m,
                    "| {} | {} {}{} | {} | {} | {} |",
                    words(&g.name),
                    format_value(l.value),
                    esc(&l.unit),
                    if l.derived { " (derived)" } else { "" },
                    l.year,
                    esc(&l.series),
                    cell(cites(&l.cites))
                );
            }
            None => {
                let _ = writeln!(
                    m,
                    "| {} | *Gap: no GERD figure in the store* | | | |",
                    words(&g.name)
                );
            }
        }
    }
    m.push('\n');
    let p = &f.patents;
    m.push_str("### Patents: share of world PCT applications by WIPO sector, latest year\n\n");
    if p.fields.is_empty() {
        m.push_str("*Gap: no PCT share series in the store.*\n\n");
        return;
    }
    m.push_str("| Sector |");
    for (_, name) in &p.economies {
        let _ = write!(m, " {} |", words(name));
    }
    m.push_str("\n|---|");
    for _ in &p.economies {
        m.push_str("---|");
    }
    m.push('\n');
    for (field, row) in p.fields.iter().zip(&p.cells) {
        let _ = write!(m, "| {} |", esc(field));
        for c in row {
            match c {
                Some(l) => {
                    let _ = write!(
                        m,
                        " {} % ({}){} \\[{}\\] |",
                        format_value(l.value),
                        l.year,
                        if l.derived { " derived" } else { "" },
                        l.cites
                            .iter()
                            .map(|c| c.n.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                }
                None => m.push_str(" *gap* |"),
            }
        }
        m.push('\n');
    }
    m.push('\n');
    if let Some(d) = &p.derivation {
        let _ = writeln!(
            m,
            "Values marked derived were computed by the store's curators, not published. How, in the words of the first series (every sector alike): {}\n",
            esc(d)
        );
    }
}
