//! Markdown from notes made safe for whoever reads it next: an exported `.md` file that a
//! converter turns into HTML, and the app's own preview. Text from a colleague's notes is
//! data: it never becomes markup, a link that could run or read something, or an image fetch.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown from a note as the next tool (a Markdown-to-HTML converter, a wiki) should read
/// it: a `<` outside code becomes `&lt;`, so raw HTML (`<script>`, `<img onerror=…>`) is shown
/// as text, and a link whose target is not `http`, `https` or `mailto` (`javascript:`,
/// `file:`, `data:`) has its `(` escaped so it stays text. Code blocks and code spans are
/// kept as written (they are shown verbatim anyway).
pub fn defuse_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<String> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker: String = trimmed
            .chars()
            .take_while(|c| *c == '`' || *c == '~')
            .collect();
        if let Some(open) = &fence {
            if marker.len() >= open.len() && marker.starts_with(&open[..1]) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if marker.len() >= 3
            && (marker.chars().all(|c| c == '`') || marker.chars().all(|c| c == '~'))
        {
            fence = Some(marker);
            out.push_str(line);
            continue;
        }
        if reference_definition_with_bad_scheme(trimmed) {
            out.push('\\');
        }
        defuse_line(line, &mut out);
    }
    out
}

/// Whether `line` is a link reference definition (`[x]: target`) whose target has a scheme
/// other than `http`, `https` or `mailto`.
fn reference_definition_with_bad_scheme(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|end| bad_scheme(line[end + 2..].trim_start()))
}

/// Whether a link target starts with a scheme other than `http`, `https` or `mailto`.
fn bad_scheme(target: &str) -> bool {
    let target = target.trim_start_matches('<');
    let scheme: String = target
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
        .collect();
    !scheme.is_empty()
        && target[scheme.len()..].starts_with(':')
        && !["http", "https", "mailto"].contains(&scheme.to_ascii_lowercase().as_str())
}

/// One line outside code blocks: `<` escaped and bad link targets made text, except inside
/// code spans.
fn defuse_line(line: &str, out: &mut String) {
    let mut rest = line;
    while let Some(i) = rest.find(['`', '<', ']']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('`') {
            // A code span: copy up to the closing run of the same length, if there is one.
            let run = tail.chars().take_while(|c| *c == '`').count();
            let ticks = &tail[..run];
            match tail[run..].find(ticks) {
                Some(end) => {
                    out.push_str(&tail[..run + end + run]);
                    rest = &tail[run + end + run..];
                }
                None => {
                    out.push_str(ticks);
                    rest = &tail[run..];
                }
            }
        } else if let Some(after) = tail.strip_prefix('<') {
            out.push_str("&lt;");
            rest = after;
        } else if let Some(after) = tail.strip_prefix("](")
            && bad_scheme(after.trim_start())
        {
            out.push_str("]\\(");
            rest = after;
        } else {
            out.push(']');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
}

/// The text the note preview renders: a link whose target is not `http`, `https` or `mailto`
/// is shown as the text it was written as (inert), and an image as its alt text and address
/// (images are never fetched from a network or read from the disk). Links that stay open in
/// the browser only on click, and the preview shows their full address on hover.
pub fn preview_markdown(text: &str) -> String {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_MATH);
    options.insert(Options::ENABLE_HEADING_ATTRIBUTES);
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    let mut image: Option<(Range<usize>, String, String)> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let inside = replacements
            .last()
            .is_some_and(|(r, _)| range.start < r.end);
        match event {
            Event::Start(Tag::Image { dest_url, .. }) if image.is_none() && !inside => {
                image = Some((range, dest_url.into_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((range, url, alt)) = image.take() {
                    let alt = if alt.trim().is_empty() {
                        "image".to_owned()
                    } else {
                        alt
                    };
                    replacements.push((range, code_span(&format!("[{alt}: {url}]"))));
                }
            }
            Event::Text(t) | Event::Code(t) if image.is_some() => {
                if let Some((_, _, alt)) = &mut image {
                    alt.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. })
                if image.is_none() && !inside && !allowed_link(&dest_url) =>
            {
                replacements.push((range.clone(), code_span(&text[range])));
            }
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, with) in replacements {
        if range.start < at || range.end > text.len() {
            continue;
        }
        out.push_str(&text[at..range.start]);
        out.push_str(&with);
        at = range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Whether a link target may open in the browser: `http`, `https` or `mailto` only.
pub fn allowed_link(target: &str) -> bool {
    let t = target.trim().to_ascii_lowercase();
    t.starts_with("http://") || t.starts_with("https://") || t.starts_with("mailto:")
}

/// Text as one Markdown code span: shown verbatim, in the code font, never as a link or
/// an image. Line breaks become spaces.
fn code_span(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_link_in_the_preview_becomes_text() {
        let out = preview_markdown("see [passwords](file:///etc/passwd) now");
        assert_eq!(out, "see ` [passwords](file:///etc/passwd) ` now");
    }

    #[test]
    fn web_and_mail_links_stay_links() {
        let text = "[a](https://example.org) [b](mailto:kim@example.org) <http://x.org>";
        assert_eq!(preview_markdown(text), text);
    }

    #[test]
    fn javascript_and_data_links_and_autolinks_become_text() {
        let out =
            preview_markdown("[x](javascript:alert(1)) <file:///c:/x> [d](data:text/html,hi)");
        assert_eq!(
            out,
            "` [x](javascript:alert(1)) ` ` <file:///c:/x> ` ` [d](data:text/html,hi) `"
        );
    }

    #[test]
    fn an_image_shows_its_alt_text_and_address() {
        let out = preview_markdown("before ![the map](https://example.org/map.png) after");
        assert_eq!(
            out,
            "before ` [the map: https://example.org/map.png] ` after"
        );
        assert_eq!(
            preview_markdown("![](../../secret.png)"),
            "` [image: ../../secret.png] `"
        );
    }

    #[test]
    fn an_image_inside_a_link_is_replaced_once() {
        let out = preview_markdown("[![alt](x.png)](https://example.org)");
        assert_eq!(out, "[` [alt: x.png] `](https://example.org)");
    }

    #[test]
    fn backticks_in_a_replaced_link_do_not_end_its_code_span() {
        let out = preview_markdown("[a `b` ``c``](file:///x)");
        assert!(out.starts_with("``` [a `b` ``c``](file:///x) ```"), "{out}");
    }
}
