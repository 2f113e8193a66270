//! The embedded fonts stay complete: a smaller binary must not come from a cut-down Hangul font.

use egui::{FontFamily, FontId};

/// Fonts as the app installs them, after one pass (egui loads them on the first pass).
fn context() -> egui::Context {
    let ctx = egui::Context::default();
    partnership_atlas::ui::theme::install(&ctx);
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        ui.label("세종");
    });
    out.textures_delta.clear();
    ctx
}

#[test]
fn every_modern_hangul_syllable_has_a_glyph_in_the_embedded_korean_font() {
    let ctx = context();
    let syllables = '\u{AC00}'..='\u{D7A3}';
    assert_eq!(syllables.clone().count(), 11_172);
    let missing: Vec<char> = ctx.fonts_mut(|fonts| {
        let have = fonts.characters(&FontFamily::Proportional).clone();
        syllables
            .filter(|c| {
                !have
                    .get(c)
                    .is_some_and(|names| names.iter().any(|n| n == "NanumGothic"))
            })
            .collect()
    });
    assert!(
        missing.is_empty(),
        "{} syllables have no glyph, first {:?}",
        missing.len(),
        missing.first()
    );
}

#[test]
fn hangul_jamo_latin_and_the_dash_render_in_both_families() {
    let ctx = context();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let id = FontId::new(14.0, family);
        ctx.fonts_mut(|f| {
            assert!(f.has_glyphs(&id, "ㄱㅏ한국 Sejong — é ü ø ½ €"), "{id:?}");
        });
    }
}
