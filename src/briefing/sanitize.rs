//! Untrusted text into HTML and Markdown that cannot run or reach out.
//!
//! Notes and stores come from colleagues. Their text is escaped wherever it is written, and a
//! note's Markdown is rendered by our own writer over pulldown-cmark's events: only the
//! constructs we emit become tags, raw HTML is shown as text, and links keep only `http`,
//! `https` and `mailto` targets (anything else is shown as plain text). Images are never
//! loaded: a Markdown image shows its alt text and address.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Escapes text for HTML content and quoted attribute values. Besides `& < > " '` it escapes
/// `=` and `` ` ``, so no text of ours can ever read as an attribute assignment.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '=' => out.push_str("&#61;"),
            '`' => out.push_str("&#96;"),
            // Control characters other than whitespace have no business in a briefing.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether a link target may become a link: `http:`, `https:` or `mailto:` (any case), with
/// no whitespace or control characters that browsers would strip before reading the scheme.
pub fn allowed_link(target: &str) -> bool {
    if target.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return false;
    }
    let lower = target.to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len())
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Renders a note's Markdown as HTML, with headings moved down by `demote` levels (a `#` in a
/// note becomes `<h4>` with `demote = 3`, never deeper than `<h6>`).
pub fn markdown_to_html(markdown: &str, demote: u8) -> String {
    let mut out = String::new();
    // Link state: the text of an inert link is kept, its target shown after it.
    let mut inert_links: Vec<Option<String>> = Vec::new();
    // Inside an image: its alt text is collected, then shown with the address.
    let mut image: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
        if let Some((alt, _)) = image.as_mut() {
            match event {
                Event::End(TagEnd::Image) => {
                    let Some((alt, url)) = image.take() else {
                        continue;
                    };
                    out.push_str(&format!(
                        "<span class=\"image-ref\">[image: {} — {}]</span>",
                        escape(&alt),
                        escape(&url)
                    ));
                }
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    alt.push_str(&t);
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => out.push_str("<p>"),
                Tag::Heading { level, .. } => {
                    out.push_str(&format!("<h{}>", demoted(level, demote)));
                }
                Tag::BlockQuote(_) => out.push_str("<blockquote>"),
                Tag::CodeBlock(_) => out.push_str("<pre><code>"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">")),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::Item => out.push_str("<li>"),
                Tag::Table(_) => out.push_str("<table class=\"note-table\">"),
                Tag::TableHead => out.push_str("<thead><tr>"),
                Tag::TableRow => out.push_str("<tr>"),
                Tag::TableCell => out.push_str("<td>"),
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::Strikethrough => out.push_str("<del>"),
                Tag::Link { dest_url, .. } => {
                    if allowed_link(&dest_url) {
                        out.push_str(&format!(
                            "<a href=\"{}\" rel=\"noopener noreferrer\">",
                            escape(&dest_url)
                        ));
                        inert_links.push(None);
                    } else {
                        out.push_str("<span class=\"inert-link\">");
                        inert_links.push(Some(dest_url.to_string()));
                    }
                }
                Tag::Image { dest_url, .. } => image = Some((String::new(), dest_url.to_string())),
                // Footnotes, definition lists, metadata: not enabled, shown as their text.
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph => out.push_str("</p>\n"),
                TagEnd::Heading(level) => {
                    out.push_str(&format!("</h{}>\n", demoted(level, demote)));
                }
                TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
                TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
                TagEnd::List(true) => out.push_str("</ol>\n"),
                TagEnd::List(false) => out.push_str("</ul>\n"),
                TagEnd::Item => out.push_str("</li>\n"),
                TagEnd::Table => out.push_str("</tbody></table>\n"),
                TagEnd::TableHead => out.push_str("</tr></thead><tbody>\n"),
                TagEnd::TableRow => out.push_str("</tr>\n"),
                TagEnd::TableCell => out.push_str("</td>"),
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::Strikethrough => out.push_str("</del>"),
                TagEnd::Link => match inert_links.pop() {
                    Some(Some(target)) => out.push_str(&format!(" ({})</span>", escape(&target))),
                    Some(None) => out.push_str("</a>"),
                    None => {}
                },
                _ => {}
            },
            Event::Text(t) => out.push_str(&escape(&t)),
            Event::Code(t) => out.push_str(&format!("<code>{}</code>", escape(&t))),
            // Raw HTML is shown as what it is: text.
            Event::Html(t) => out.push_str(&format!("<span class=\"raw\">{}</span>", escape(&t))),
            Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
            Event::FootnoteReference(t) => out.push_str(&format!("[{}]", escape(&t))),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&escape(&t)),
        }
    }
    out
}

fn demoted(level: HeadingLevel, by: u8) -> u8 {
    let n = match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    };
    (n + by).min(6)
}

/// Escapes plain text for Markdown: characters that Markdown or the HTML inside it would read
/// as syntax are backslash-escaped, so the next tool shows them as text.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A note's Markdown made safe to pass on as Markdown: raw HTML becomes text (`<` written as
/// `&lt;`), links other than `http`, `https` and `mailto` become plain text with their target
/// in a code span, images become their alt text and address, and headings move down by
/// `demote` levels.
pub fn sanitize_markdown(markdown: &str, demote: u8) -> String {
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut heading: Option<(std::ops::Range<usize>, u8, String)> = None;
    let mut link: Option<(std::ops::Range<usize>, String, String)> = None;
    let mut image: Option<(std::ops::Range<usize>, String, String)> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((range.clone(), demoted(*level, demote), String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((r, level, text)) = heading.take() {
                    let hashes = "#".repeat(usize::from(level));
                    edits.push((r, format!("{hashes} {}\n", text.trim())));
                }
                continue;
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((range.clone(), dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((r, url, alt)) = image.take() {
                    edits.push((
                        r,
                        format!(
                            "\\[image: {} — {}\\]",
                            escape_markdown(&alt),
                            code_span(&url)
                        ),
                    ));
                }
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) if !allowed_link(dest_url) => {
                link = Some((range.clone(), dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((r, url, text)) = link.take() {
                    edits.push((
                        r,
                        format!("{} ({})", escape_markdown(&text), code_span(&url)),
                    ));
                }
            }
            _ => {}
        }
        let text = match &event {
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => Some(t),
            _ => None,
        };
        if let Some(t) = text {
            if let Some((_, _, alt)) = image.as_mut() {
                alt.push_str(t);
                continue;
            }
            if let Some((_, _, s)) = link.as_mut() {
                s.push_str(t);
            }
            if let Some((_, _, s)) = heading.as_mut() {
                s.push_str(t);
            }
        }
        if let Event::Html(t) | Event::InlineHtml(t) = &event
            && heading.is_none()
            && link.is_none()
        {
            edits.push((range, t.replace('&', "&amp;").replace('<', "&lt;")));
        }
    }
    // Apply the outermost edits, front to back (inner ones are inside a replaced range).
    edits.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for (range, text) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(markdown.get(at..range.start).unwrap_or_default());
        out.push_str(&text);
        at = range.end;
    }
    out.push_str(markdown.get(at..).unwrap_or_default());
    out
}

/// Text in a Markdown code span, whatever backticks it holds.
fn code_span(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c == '`' || c.is_control() { ' ' } else { c })
        .collect();
    format!("`{}`", clean.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "# Plan\n\n<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> \
        and [x](javascript:alert(1)) and [ok](https://example.org/a?b=1).\n\n\
        <iframe src=\"https://evil.example\"></iframe>\n\n<style>body{}</style>\n\n\
        [f](file:///etc/passwd) [d](data:text/html,hi) [J](JaVaScRiPt:alert(2)) \
        [s]( javascript:alert(3)) ![pic](http://tracker.example/p.png)\n";

    #[test]
    fn raw_html_in_a_note_is_shown_as_text() {
        let html = markdown_to_html(HOSTILE, 3);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("<img"), "{html}");
        assert!(!lower.contains("<iframe"), "{html}");
        assert!(!lower.contains("<style"), "{html}");
        assert!(!lower.contains("onerror="), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn only_web_and_mail_links_become_links() {
        let html = markdown_to_html(HOSTILE, 3);
        let hrefs: Vec<&str> = html.split("href=\"").skip(1).collect();
        assert_eq!(hrefs.len(), 1, "{html}");
        assert!(
            hrefs[0].starts_with("https://example.org/a?b&#61;1\""),
            "{html}"
        );
        assert!(html.contains("<span class=\"inert-link\">x (javascript:alert(1))</span>"));
        assert!(
            html.contains("[image: pic — http://tracker.example/p.png]"),
            "{html}"
        );
        assert!(allowed_link("MAILTO:a@b.example"));
        assert!(!allowed_link("https://"));
        assert!(!allowed_link("java\tscript:alert(1)"));
    }

    #[test]
    fn note_headings_move_under_the_section() {
        assert_eq!(
            markdown_to_html("# A\n\n###### B", 3),
            "<h4>A</h4>\n<h6>B</h6>\n"
        );
    }

    #[test]
    fn markdown_passed_on_keeps_no_html_and_no_inert_link() {
        let md = sanitize_markdown(HOSTILE, 3);
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.contains("<img"), "{md}");
        assert!(!md.contains("<iframe"), "{md}");
        assert!(!md.contains("](javascript:"), "{md}");
        assert!(!md.contains("](file:"), "{md}");
        assert!(md.contains("[ok](https://example.org/a?b=1)"), "{md}");
        assert!(md.starts_with("#### Plan\n"), "{md}");
        // Rendered again, it yields no markup of its own.
        let again = markdown_to_html(&md, 0).to_ascii_lowercase();
        assert!(
            !again.contains("<script") && !again.contains("<img"),
            "{again}"
        );
        assert_eq!(again.matches("href=").count(), 1, "{again}");
    }

    #[test]
    fn plain_text_for_markdown_is_escaped() {
        assert_eq!(escape_markdown("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
    }
}
