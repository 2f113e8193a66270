//! Text helpers shared by every view: the one search folding and the one ellipsis.

use unicode_normalization::UnicodeNormalization as _;

/// Text in the form every search compares: Unicode NFC (so decomposed Hangul, as some macOS
/// apps produce, becomes the same syllables as composed Hangul), then lower case. The browse
/// list, the network search and the notes search all use this, so "세종" typed on any system
/// finds "세종" pasted from any other.
pub fn fold(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed.to_lowercase()
}

/// `text` cut to at most `max_chars` characters, with "…" where it was cut. The cut falls
/// between words where one ends in the second half of the room (so a label never reads
/// "Innovation Tw…"), and a dash or comma left dangling before the ellipsis goes too; text with
/// no spaces there (Hangul names, long codes) is cut between characters.
pub fn ellipsize(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let room = max_chars.saturating_sub(1);
    let chars: Vec<char> = text.chars().collect();
    // A word boundary: a space at `i` (the kept text is chars[..i]), or the whole room when
    // the next character is a space.
    let boundary = if chars.get(room).is_some_and(|c| c.is_whitespace()) {
        Some(room)
    } else {
        (room / 2..room).rev().find(|&i| chars[i].is_whitespace())
    };
    let cut: String = chars[..boundary.unwrap_or(room)].iter().collect();
    let dangling: &[char] = &['—', '–', '-', ',', ':', ';', '(', '/', '&', '·'];
    let kept = cut.trim_end().trim_end_matches(dangling).trim_end();
    let kept = if kept.is_empty() {
        cut.trim_end()
    } else {
        kept
    };
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_hangul_folds_to_the_same_text_as_composed_hangul() {
        let composed = "세종";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(composed, decomposed);
        assert_eq!(fold(&decomposed), fold(composed));
    }

    #[test]
    fn folding_ignores_case() {
        assert_eq!(fold("KAIST Daejeon"), "kaist daejeon");
    }

    #[test]
    fn ellipsize_cuts_long_text_and_keeps_short_text() {
        assert_eq!(ellipsize("Belfast", 10), "Belfast");
        assert_eq!(ellipsize("Liverpool City Region", 10), "Liverpool…");
        assert_eq!(ellipsize("세종특별자치시", 3).chars().count(), 3);
    }

    #[test]
    fn ellipsize_cuts_between_words_and_drops_a_dangling_dash() {
        assert_eq!(
            ellipsize("UK-Korea Innovation Twins", 20),
            "UK-Korea Innovation…"
        );
        assert_eq!(
            ellipsize("EU World Cities — Republic of Korea", 18),
            "EU World Cities…"
        );
        for max in 2..40 {
            let text = "Denmark-Korea Strategic Partnership and Green Growth Alliance";
            let cut = ellipsize(text, max);
            assert!(cut.chars().count() <= max, "{max}: {cut}");
            let kept = cut.trim_end_matches('…');
            assert!(text.starts_with(kept), "{max}: {cut}");
        }
    }
}
