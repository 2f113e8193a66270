//! Text helpers shared by every view: the one search folding and the one ellipsis.

use unicode_normalization::UnicodeNormalization as _;

/// Text in the form every search compares: Unicode NFC (so decomposed Hangul, as some macOS
/// apps produce, becomes the same syllables as composed Hangul), lower case, and without
/// accents, so "taejon" finds "Taejŏn", "seville" finds "Séville" and "kobenhavn" finds
/// "København" (a few letters that carry no separate accent are spelled out: ø → o, æ → ae,
/// ß → ss, and the curly apostrophes of romanisations become '). Hangul is untouched. The
/// browse list, the network search and the notes search all use this, so "세종" typed on any
/// system finds "세종" pasted from any other.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        push_folded(&mut out, c);
    }
    let composed: String = out.nfc().collect();
    composed
}

/// Appends the folded form of one character of an NFD text (combining marks are dropped).
fn push_folded(out: &mut String, c: char) {
    if unicode_normalization::char::is_combining_mark(c) && !is_hangul_jamo(c) {
        return;
    }
    match c {
        'ø' | 'Ø' => out.push('o'),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ß' => out.push_str("ss"),
        'ł' | 'Ł' => out.push('l'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ı' => out.push('i'),
        'ς' => out.push('σ'),
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
        c => out.extend(c.to_lowercase()),
    }
}

fn is_hangul_jamo(c: char) -> bool {
    matches!(c, '\u{1100}'..='\u{11ff}' | '\u{a960}'..='\u{a97f}' | '\u{d7b0}'..='\u{d7ff}')
}

/// The folding of one character, as [`fold`] folds it inside a text (for mapping a match in
/// folded text back to the original characters).
pub fn fold_char(c: char) -> String {
    let mut s = c.to_string();
    if !c.is_ascii() {
        s = fold(&s);
    } else {
        s.make_ascii_lowercase();
    }
    s
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
    fn folding_drops_accents_but_keeps_hangul() {
        assert_eq!(fold("Taejŏn"), "taejon");
        assert_eq!(fold("Inch\u{2019}ŏn"), "inch'on");
        assert_eq!(fold("København"), "kobenhavn");
        assert_eq!(fold("Séville"), fold("Seville"));
        let decomposed: String = "Taejŏn".nfd().collect();
        assert_eq!(fold(&decomposed), "taejon");
        assert_eq!(fold("대전광역시"), "대전광역시");
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
