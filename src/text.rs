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

/// `text` cut to at most `max_chars` characters, with "…" where it was cut.
pub fn ellipsize(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
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
}
