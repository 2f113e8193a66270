//! The briefing as one self-contained HTML file: no external CSS, fonts, scripts or images, a
//! Content-Security-Policy that allows no script and no network, and a print stylesheet for A4.

use std::fmt::Write as _;

use base64::Engine as _;

use crate::analysis::charts::format_value;

use super::charts::{Bar, Group, bar_chart};
use super::sanitize::{escape, markdown_to_html};
use super::{Briefing, Cite, Event, Fact, Images, ItemFacts, Membership, Value, Words};

/// The Content-Security-Policy of every HTML file the app writes: no script, no network; only
/// embedded images and the file's own styles.
pub const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/// The briefing's own styles, screen and A4 print (in the file, so the page needs nothing else).
const STYLE: &str = include_str!("briefing.css");

/// Renders a briefing as a complete HTML document (UTF-8). Every string from the store or the
/// notes is escaped; note Markdown goes through [`markdown_to_html`].
pub fn render_html(b: &Briefing, images: &Images) -> String {
    let mut h = String::new();
    let title = format!("Trip briefing: {}", b.title.en);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    // 1. Title.
    let _ = write!(
        h,
        "<header id=\"s1\">\n<h1>Trip briefing: {}</h1>\n",
        words(&b.title)
    );
    let _ = write!(
        h,
        "<p class=\"meta\">Written {} · from the store “{}” ({}), format version {}</p>\n\
         <p class=\"meta\">Every fact carries its source: [n] refers to the numbered list in \
         section 7, followed by the place in the source.</p>\n</header>\n",
        escape(&b.written),
        escape(&b.store_name),
        escape(&b.store_origin),
        b.store_version
    );
    // 2. Map.
    h.push_str("<section id=\"s2\">\n<h2>2. Map</h2>\n");
    match &images.map {
        Ok(png) => {
            let data = base64::engine::general_purpose::STANDARD.encode(png);
            let _ = writeln!(
                h,
                "<figure><img src=\"data:image/png;base64,{data}\" alt=\"Map of {} and their \
                 partners, Europe and Korea\"><figcaption>The network view of Partnership Atlas \
                 (Europe | Korea), the briefing's items emphasised, other programmes faded. \
                 Map outlines: Natural Earth (public domain); city coordinates: GeoNames \
                 (CC BY 4.0).</figcaption></figure>",
                escape(&b.title.en)
            );
        }
        Err(why) => {
            let _ = writeln!(h, "<p class=\"gap\">No map: {}</p>", escape(why));
        }
    }
    h.push_str("</section>\n");
    // 3. Facts.
    h.push_str("<section id=\"s3\" class=\"page\">\n<h2>3. The facts</h2>\n");
    for item in &b.items {
        item_html(&mut h, item);
    }
    h.push_str("</section>\n");
    // 4. Figures.
    figures_html(&mut h, b);
    // 5. Places.
    h.push_str("<section id=\"s5\" class=\"page\">\n<h2>5. Places: partnerships, cohorts and organisations</h2>\n");
    if b.places.is_empty() {
        h.push_str("<p class=\"gap\">No place among the briefing's items.</p>\n");
    }
    for place in &b.places {
        let _ = writeln!(h, "<h3>{}</h3>", words(&place.name));
        memberships(
            &mut h,
            "Partnerships",
            &place.partnerships,
            "none in the store",
        );
        memberships(&mut h, "Cohorts", &place.cohorts, "none in the store");
        memberships(
            &mut h,
            "Organisations sited here",
            &place.organisations,
            "none in the store",
        );
    }
    h.push_str("</section>\n");
    // 6. Notes.
    h.push_str("<section id=\"s6\" class=\"page\">\n<h2>6. Your notes</h2>\n");
    if b.notes.is_empty() {
        h.push_str("<p class=\"gap\">No notes on these items.</p>\n");
    }
    for n in &b.notes {
        let conflict = n.conflict_of.is_some();
        let _ = write!(
            h,
            "<article class=\"note{}\">\n<h3>{}</h3>\n<p class=\"meta\">On {} · by {} · {}{}</p>\n{}</article>\n",
            if conflict { " conflict" } else { "" },
            escape(&n.title),
            words(&n.about),
            if n.author.is_empty() {
                "unknown author".to_owned()
            } else {
                escape(&n.author)
            },
            escape(&n.updated),
            match &n.conflict_of {
                Some(of) => format!(
                    " · <span class=\"conflict-mark\">Conflict copy of note {}</span>",
                    escape(of)
                ),
                None => String::new(),
            },
            markdown_to_html(&n.body, 3)
        );
    }
    h.push_str("</section>\n");
    // 7. Sources.
    h.push_str("<section id=\"s7\" class=\"page\">\n<h2>7. Sources</h2>\n<ol class=\"sources\">\n");
    for s in &b.sources {
        let meta: Vec<String> = [&s.publisher, &s.date]
            .into_iter()
            .filter(|x| !x.is_empty())
            .map(|x| escape(x))
            .collect();
        let _ = writeln!(
            h,
            "<li id=\"src-{}\"><strong>{}</strong>{}{}</li>",
            escape(&s.id),
            escape(&s.title),
            if meta.is_empty() {
                " — undated".to_owned()
            } else {
                format!(" — {}", meta.join(", "))
            },
            if s.locators.is_empty() {
                String::new()
            } else {
                format!(
                    "<br><span class=\"locators\">Cited at: {}</span>",
                    s.locators
                        .iter()
                        .map(|l| escape(l))
                        .collect::<Vec<_>>()
                        .join("; ")
                )
            }
        );
    }
    h.push_str(
        "</ol>\n<p class=\"meta\">Written by Partnership Atlas from the open store; the \
                app fetched nothing to write it.</p>\n</section>\n</body>\n</html>\n",
    );
    h
}

/// English, then the Hangul in its own `lang="ko"` span.
fn words(w: &Words) -> String {
    let mut out = match &w.ko {
        Some(ko) if !ko.is_empty() => {
            format!("{} <span lang=\"ko\">{}</span>", escape(&w.en), escape(ko))
        }
        _ => escape(&w.en),
    };
    if let Some(c) = &w.country {
        out.push_str(&format!(" <span class=\"country\">· {}</span>", escape(c)));
    }
    out
}

fn cites(c: &[Cite]) -> String {
    if c.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = c
        .iter()
        .map(|c| {
            if c.at.is_empty() {
                format!("[{}]", c.n)
            } else {
                format!("[{}] {}", c.n, escape(&c.at))
            }
        })
        .collect();
    format!(" <span class=\"cite\">{}</span>", parts.join("; "))
}

fn fact_row(h: &mut String, f: &Fact) {
    let value = match &f.value {
        Value::Words(w) => w.iter().map(words).collect::<Vec<_>>().join(", "),
        Value::Gap(why) => format!("<span class=\"gap\">Gap: {}</span>", escape(why)),
    };
    let _ = writeln!(
        h,
        "<tr><th>{}</th><td>{value}{}</td></tr>",
        escape(&f.label),
        cites(&f.cites)
    );
}

fn item_html(h: &mut String, item: &ItemFacts) {
    let _ = write!(
        h,
        "<h3>{}: {}</h3>\n<table class=\"facts\">\n",
        escape(item.kind),
        words(&item.name)
    );
    // The facts of one record share its citations: print them once, on the last row.
    let last = item.facts.len().saturating_sub(1);
    let shared = item
        .facts
        .iter()
        .all(|f| item.facts.first().is_some_and(|g| g.cites == f.cites));
    for (i, f) in item.facts.iter().enumerate() {
        if shared && i != last {
            fact_row(
                h,
                &Fact {
                    cites: Vec::new(),
                    ..f.clone()
                },
            );
        } else {
            fact_row(h, f);
        }
    }
    h.push_str("</table>\n");
    if let Some(d) = &item.description {
        let _ = writeln!(h, "<p><em>In the curators' words:</em> {}</p>", escape(d));
    }
    h.push_str("<h4>Milestones and agreements, in date order</h4>\n");
    if item.events.is_empty() {
        h.push_str("<p class=\"gap\">None in the store.</p>\n");
        return;
    }
    h.push_str("<table class=\"events\">\n<tr><th>Date</th><th>What</th><th>Source</th></tr>\n");
    for e in &item.events {
        event_row(h, e);
    }
    h.push_str("</table>\n");
}

fn event_row(h: &mut String, e: &Event) {
    let date = match e.date {
        Some(d) => escape(&d.to_string()),
        None => "<span class=\"gap\">date not stated</span>".to_owned(),
    };
    let mut what = format!("{}: {}", escape(e.kind), escape(&e.what));
    if let Some(p) = &e.place {
        let _ = write!(what, " — in {}", words(p));
    }
    if let Some(s) = e.status {
        let _ = write!(what, " ({})", escape(s.label()));
    }
    let _ = writeln!(
        h,
        "<tr><td>{date}</td><td>{what}</td><td>{}</td></tr>",
        cites(&e.cites)
    );
}

fn memberships(h: &mut String, label: &str, rows: &[Membership], none: &str) {
    let _ = writeln!(h, "<h4>{}</h4>", escape(label));
    if rows.is_empty() {
        let _ = writeln!(h, "<p class=\"gap\">{}</p>", escape(none));
        return;
    }
    h.push_str("<ul>\n");
    for m in rows {
        let _ = writeln!(
            h,
            "<li>{} — {}{}</li>",
            words(&m.name),
            escape(&m.detail),
            cites(&m.cites)
        );
    }
    h.push_str("</ul>\n");
}

fn figures_html(h: &mut String, b: &Briefing) {
    let f = &b.figures;
    h.push_str("<section id=\"s4\" class=\"page\">\n<h2>4. Headline figures</h2>\n");
    h.push_str("<h3>R&amp;D spending: latest GERD, % of GDP</h3>\n");
    let bars: Vec<Bar<'_>> = f
        .gerd
        .iter()
        .enumerate()
        .map(|(i, g)| Bar {
            label: g.name.en.clone(),
            label_ko: g.name.ko.as_deref(),
            value: g.latest.as_ref(),
            colour: i,
        })
        .collect();
    h.push_str(&bar_chart(
        "Latest GERD, % of GDP",
        &[Group {
            heading: String::new(),
            bars,
        }],
    ));
    h.push_str("<ul class=\"source-line\">\n");
    for g in &f.gerd {
        match &g.latest {
            Some(l) => {
                let _ = writeln!(
                    h,
                    "<li>{}: {} {} in {}{} — {}{}</li>",
                    words(&g.name),
                    escape(&format_value(l.value)),
                    escape(&l.unit),
                    l.year,
                    if l.derived {
                        " <span class=\"derived\">derived</span>"
                    } else {
                        ""
                    },
                    escape(&l.series),
                    cites(&l.cites)
                );
            }
            None => {
                let _ = writeln!(
                    h,
                    "<li>{}: <span class=\"gap\">Gap: no GERD figure in the store</span></li>",
                    words(&g.name)
                );
            }
        }
    }
    h.push_str("</ul>\n");
    let p = &f.patents;
    h.push_str("<h3>Patents: share of world PCT applications by WIPO sector, latest year</h3>\n");
    if p.fields.is_empty() {
        h.push_str("<p class=\"gap\">Gap: no PCT share series in the store.</p>\n");
    } else {
        let groups: Vec<Group<'_>> = p
            .fields
            .iter()
            .zip(&p.cells)
            .map(|(field, row)| Group {
                heading: field.clone(),
                bars: p
                    .economies
                    .iter()
                    .zip(row)
                    .enumerate()
                    .map(|(i, ((_, name), cell))| Bar {
                        label: name.en.clone(),
                        label_ko: name.ko.as_deref(),
                        value: cell.as_ref(),
                        colour: i,
                    })
                    .collect(),
            })
            .collect();
        h.push_str(&bar_chart(
            "Share of world PCT applications by sector",
            &groups,
        ));
        let any_derived = p.cells.iter().flatten().flatten().any(|c| c.derived);
        if any_derived {
            let _ = writeln!(
                h,
                "<p class=\"source-line\"><span class=\"derived\">derived</span> Values marked \
                 derived (paler bars) were computed by the store's curators, not published. How, in the words of the first series (every sector alike): {}</p>",
                escape(
                    p.derivation
                        .as_deref()
                        .unwrap_or("see the series in the store")
                )
            );
        }
        // The source line: every source of the cells, once (their tables are in section 7).
        let mut numbers: Vec<usize> = p
            .cells
            .iter()
            .flatten()
            .flatten()
            .flat_map(|c| c.cites.iter().map(|c| c.n))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let list: Vec<Cite> = numbers
            .into_iter()
            .map(|n| Cite {
                n,
                at: String::new(),
            })
            .collect();
        let _ = writeln!(
            h,
            "<p class=\"source-line\">Source:{} — the table of each economy and sector is \
             listed under its source in section 7.</p>",
            cites(&list)
        );
    }
    h.push_str("</section>\n");
}
