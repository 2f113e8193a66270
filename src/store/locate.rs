//! Finding where a record or value sits in a file's text, so that semantic problems (found after
//! serde has thrown positions away) can still name a line and column.

use std::cell::OnceCell;
use std::collections::BTreeMap;

/// Positions of the `id: "…"` keys of one file, and a way to turn byte offsets into line:column.
///
/// The keys are indexed on first use: a valid store (the usual case) never asks where a
/// record is, so opening it does not pay for the index.
pub struct Locator<'a> {
    text: &'a str,
    /// Every `id: "x"` in the file: id → byte offsets of the key, in file order.
    ids: OnceCell<BTreeMap<String, Vec<usize>>>,
}

impl<'a> Locator<'a> {
    /// A locator for one file's text (indexed when first asked).
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            ids: OnceCell::new(),
        }
    }

    fn ids(&self) -> &BTreeMap<String, Vec<usize>> {
        self.ids.get_or_init(|| index_ids(self.text))
    }

    /// Byte offset of the n-th (0-based) `id: "id"` key in this file.
    pub fn record(&self, id: &str, nth: usize) -> Option<usize> {
        self.ids().get(id).and_then(|v| v.get(nth)).copied()
    }

    /// Byte offset of the first `needle` at or after `from`, but before the next record's key.
    pub fn find_after(&self, from: usize, needle: &str) -> Option<usize> {
        let tail = self.text.get(from..)?;
        // Stop at the next `id:` key so a search does not run into the next record.
        let limit = tail
            .get(3..)
            .and_then(|t| next_id_key(t).map(|i| i + 3))
            .unwrap_or(tail.len());
        tail[..limit].find(needle).map(|i| from + i)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(self.text, offset)
    }
}

fn index_ids(text: &str) -> BTreeMap<String, Vec<usize>> {
    let mut ids: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("id:") {
        let at = from + found;
        from = at + 3;
        // A whole key: not the tail of another identifier such as `geonames_id:`.
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let rest = text[from..].trim_start();
        let Some(rest) = rest.strip_prefix('"') else {
            continue;
        };
        if let Some(end) = rest.find('"') {
            ids.entry(rest[..end].to_owned()).or_default().push(at);
        }
    }
    ids
}

fn next_id_key(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("id:") {
        let at = from + found;
        if at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            let rest = text[at + 3..].trim_start();
            if rest.starts_with('"') {
                return Some(at);
            }
        }
        from = at + 3;
    }
    None
}

/// 1-based line and column (in characters) of a byte offset in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_but_not_inside_longer_keys() {
        let text = "(\n  places: [(id: \"a\", geonames_id: 5),\n (id: \"b\")],\n)";
        let loc = Locator::new(text);
        let a = loc.record("a", 0).expect("a is indexed");
        assert_eq!(loc.line_col(a), (2, 13));
        assert!(loc.record("b", 0).is_some());
        assert_eq!(loc.record("a", 1), None);
    }

    #[test]
    fn find_after_stops_at_the_next_record() {
        let text = "(id: \"a\", x: 1), (id: \"b\", lat: 99)";
        let loc = Locator::new(text);
        let a = loc.record("a", 0).expect("a");
        assert_eq!(loc.find_after(a, "lat:"), None);
        let b = loc.record("b", 0).expect("b");
        assert!(loc.find_after(b, "lat:").is_some());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        assert_eq!(line_col("세종 x", "세종 ".len()), (1, 4));
    }
}
