//! Design tokens: every colour and font of the app lives here.

use egui::{Color32, FontData, FontDefinitions, FontFamily};

/// NanumGothic (SIL OFL 1.1): Hangul and Latin-1.
const NANUM_GOTHIC: &[u8] = include_bytes!("../../assets/fonts/NanumGothic.ttf");
/// DejaVu Sans (Bitstream Vera licence): the fallback for European letters such as ł and ő.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Font definitions with the Korean font first and DejaVu Sans as fallback, on top of egui's
/// own fonts (kept last for their emoji and symbol glyphs).
pub fn fonts() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "NanumGothic".to_owned(),
        FontData::from_static(NANUM_GOTHIC).into(),
    );
    fonts.font_data.insert(
        "DejaVuSans".to_owned(),
        FontData::from_static(DEJAVU_SANS).into(),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.insert(0, "DejaVuSans".to_owned());
        list.insert(0, "NanumGothic".to_owned());
    }
    fonts
}

/// Installs the app's fonts in a context. Call before the first frame (kittest panics on a
/// missing glyph).
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(fonts());
}

/// Colour of Korea-side elements.
pub const KOREA: Color32 = Color32::from_rgb(0xC8, 0x3B, 0x4C);
/// Colour of EU27 and Europe-side elements.
pub const EUROPE: Color32 = Color32::from_rgb(0x2F, 0x5F, 0xB3);
/// Colour of warnings (problems, caveats, derived values).
pub const WARNING: Color32 = Color32::from_rgb(0xD9, 0x8C, 0x1F);
/// Colour of errors.
pub const ERROR: Color32 = Color32::from_rgb(0xD0, 0x3A, 0x2F);
/// Colour of the note marker.
pub const NOTE: Color32 = Color32::from_rgb(0xE0, 0xB0, 0x30);
/// Records a user added or changed in the app (never blended into the curated data).
pub const EDITED: Color32 = Color32::from_rgb(0x8E, 0x4E, 0xC6);

/// A stable, distinguishable colour for the i-th category (programme, country, series).
pub fn categorical(i: usize) -> Color32 {
    const PALETTE: [Color32; 10] = [
        Color32::from_rgb(0x1F, 0x77, 0xB4),
        Color32::from_rgb(0xFF, 0x7F, 0x0E),
        Color32::from_rgb(0x2C, 0xA0, 0x2C),
        Color32::from_rgb(0xD6, 0x27, 0x28),
        Color32::from_rgb(0x94, 0x67, 0xBD),
        Color32::from_rgb(0x8C, 0x56, 0x4B),
        Color32::from_rgb(0xE3, 0x77, 0xC2),
        Color32::from_rgb(0x7F, 0x7F, 0x7F),
        Color32::from_rgb(0xBC, 0xBD, 0x22),
        Color32::from_rgb(0x17, 0xBE, 0xCF),
    ];
    PALETTE[i % PALETTE.len()]
}

/// Colours of the economies other than Korea and the EU27 in charts, in
/// [`crate::analysis::charts::ECONOMY_ORDER`]: no reds or blues, which belong to [`KOREA`]
/// and [`EUROPE`].
pub fn chart_other(i: usize) -> Color32 {
    const PALETTE: [Color32; 12] = [
        Color32::from_rgb(0xFF, 0x7F, 0x0E),
        Color32::from_rgb(0x2C, 0xA0, 0x2C),
        Color32::from_rgb(0x94, 0x67, 0xBD),
        Color32::from_rgb(0x8C, 0x56, 0x4B),
        Color32::from_rgb(0xE3, 0x77, 0xC2),
        Color32::from_rgb(0x7F, 0x7F, 0x7F),
        Color32::from_rgb(0xBC, 0xBD, 0x22),
        Color32::from_rgb(0x17, 0xBE, 0xCF),
        Color32::from_rgb(0x1B, 0x9E, 0x77),
        Color32::from_rgb(0xB8, 0x86, 0x0B),
        Color32::from_rgb(0x7B, 0x32, 0x94),
        Color32::from_rgb(0x66, 0xA6, 0x1E),
    ];
    PALETTE[i % PALETTE.len()]
}

/// Colour of a stated rise (an up arrow in a findings table).
pub const RISE: Color32 = Color32::from_rgb(0x2C, 0xA0, 0x2C);
/// Colour of a stated fall (a down arrow in a findings table).
pub const FALL: Color32 = Color32::from_rgb(0xD0, 0x3A, 0x2F);

/// Network view: the sea behind the map (light mode, dark mode).
pub fn map_water(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x1B, 0x24, 0x30)
    } else {
        Color32::from_rgb(0xE6, 0xEF, 0xF6)
    }
}

/// Network view: land on the map.
pub fn map_land(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x2E, 0x33, 0x38)
    } else {
        Color32::from_rgb(0xF7, 0xF5, 0xEF)
    }
}

/// Network view: coastlines.
pub fn map_coast(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x5A, 0x63, 0x6C)
    } else {
        Color32::from_rgb(0xA8, 0xB4, 0xBE)
    }
}

/// Network view: land borders between countries.
pub fn map_border(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0x48, 0x4F, 0x56)
    } else {
        Color32::from_rgb(0xCF, 0xCB, 0xC2)
    }
}

/// Network view: the ring around a selected node and the halo of a selected link.
pub const NETWORK_SELECTION: Color32 = Color32::from_rgb(0xF2, 0xA9, 0x00);

/// Network view: cohort hubs (a programme's members, no pairing stated).
pub const NETWORK_COHORT: Color32 = Color32::from_rgb(0x6B, 0x6B, 0x78);

/// Network view: how strongly links and places outside the filter are faded (alpha, 0–255).
pub const NETWORK_FADED_ALPHA: u8 = 46;

/// Network view: node colour of the i-th partner country (Korea is [`KOREA`] and EU bodies
/// [`EUROPE`]). Muted, so that node colours (countries) read apart from link colours
/// (programmes, [`categorical`]).
pub fn country_colour(i: usize) -> Color32 {
    const PALETTE: [Color32; 10] = [
        Color32::from_rgb(0x4E, 0x79, 0xA7),
        Color32::from_rgb(0x59, 0xA1, 0x4F),
        Color32::from_rgb(0xB0, 0x7A, 0xA1),
        Color32::from_rgb(0x9C, 0x75, 0x5F),
        Color32::from_rgb(0x76, 0xB7, 0xB2),
        Color32::from_rgb(0xED, 0xC9, 0x48),
        Color32::from_rgb(0xBA, 0xB0, 0xAC),
        Color32::from_rgb(0xF2, 0x8E, 0x2B),
        Color32::from_rgb(0x7F, 0x3C, 0x8D),
        Color32::from_rgb(0x11, 0xA5, 0x79),
    ];
    PALETTE[i % PALETTE.len()]
}
