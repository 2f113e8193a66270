//! What the desktop knows the app by: its id, name, binary and icon (the same names the launcher
//! entry, the AppStream metainfo and every package use), the window title, and the `--version`
//! text.
//!
//! The packaging files in `assets/packaging/` repeat these names; `tests/packaging.rs` checks that
//! they agree with the constants here.

use crate::model::Store;

/// The app id: reverse-DNS, the basename of the `.desktop` entry and of the metainfo file, the
/// Wayland `app_id` and X11 `WM_CLASS` of the window (so docks group it with its launcher), and the
/// macOS bundle id / Windows installer id.
pub const APP_ID: &str = "org.partnershipatlas.PartnershipAtlas";

/// The name people see: window title, launcher entry, installers.
pub const APP_NAME: &str = "Partnership Atlas";

/// The installed command (`/usr/bin/partnership-atlas`, `partnership-atlas.exe`).
pub const BINARY: &str = "partnership-atlas";

/// The icon name in the freedesktop hicolor theme (`…/hicolor/<N>x<N>/apps/<ICON_NAME>.png`).
pub const ICON_NAME: &str = APP_ID;

/// The folder name eframe keeps the window state in (`app.ron`). It was derived from this name
/// before the app had an id; keeping it means setting the app id does not lose anyone's saved
/// window state. See `eframe::storage_dir`.
pub const WINDOW_STATE_FOLDER: &str = "partnership-atlas";

/// The window icon: the 256 px PNG made from `assets/icon/partnership-atlas.svg` by
/// `scripts/package_icons.sh`, embedded so that no file is needed beside the binary.
pub const ICON_PNG: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/icon/hicolor/256x256/apps/org.partnershipatlas.PartnershipAtlas.png"
));

/// The window icon as egui wants it. Falls back to the system's default icon (never panics) if
/// the embedded PNG could not be decoded; a unit test makes sure it can.
pub fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(ICON_PNG).unwrap_or_default()
}

/// The window title: the app name, the open store, and a dot while there are unsaved changes
/// (`Partnership Atlas — My store ●`). A blank store label leaves only the app name.
pub fn window_title(store_label: &str, unsaved: bool) -> String {
    let label = store_label.trim();
    let mut title = String::from(APP_NAME);
    if !label.is_empty() {
        title.push_str(" — ");
        title.push_str(label);
    }
    if unsaved {
        title.push_str(" ●");
    }
    title
}

/// A stable fingerprint of the built-in store's files (names and texts, FNV-1a 64): it changes
/// whenever any file in `seeds/` changes, so two people can tell whether they run the same data.
pub fn embedded_store_fingerprint() -> u64 {
    fingerprint(crate::store::EMBEDDED_FILES)
}

fn fingerprint(files: &[(&str, &str)]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for (name, text) in files {
        for b in name.bytes().chain([0]).chain(text.bytes()).chain([0]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// The newest date any source of the store gives (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), the best
/// "data as of" the store states; `None` when no source is dated.
pub fn newest_source_date(store: &Store) -> Option<&str> {
    store
        .sources
        .iter()
        .map(|s| s.date.trim())
        .filter(|d| !d.is_empty())
        .max()
}

/// The text `partnership-atlas --version` prints: the app version, then the built-in store
/// (name, format version, content fingerprint and newest source date), or why it could not be
/// read.
pub fn version_text(
    app_version: &str,
    store: Result<&Store, usize>,
    store_fingerprint: u64,
) -> String {
    let mut text = format!("{BINARY} {app_version}\n");
    match store {
        Ok(store) => {
            let date = newest_source_date(store).unwrap_or("undated");
            text.push_str(&format!(
                "built-in store: {} — format {}, content {store_fingerprint:016x}, \
                 newest source dated {date}",
                store.name, store.format_version
            ));
        }
        Err(problems) => text.push_str(&format!(
            "built-in store: cannot be read ({problems} problem(s)); run `{BINARY} validate seeds`"
        )),
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_store_and_marks_unsaved_changes() {
        assert_eq!(
            window_title("My store", true),
            "Partnership Atlas — My store ●"
        );
        assert_eq!(
            window_title("My store", false),
            "Partnership Atlas — My store"
        );
        assert_eq!(window_title("  ", false), "Partnership Atlas");
        assert_eq!(window_title("", true), "Partnership Atlas ●");
    }

    #[test]
    fn the_embedded_icon_decodes_to_a_square_256_px_image() {
        let icon = icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // Not blank: the corners are transparent, the middle is painted.
        let alpha = |x: usize, y: usize| icon.rgba[(y * 256 + x) * 4 + 3];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(128, 200), 255);
    }

    #[test]
    fn the_fingerprint_changes_with_any_byte_of_any_file() {
        let base = fingerprint(&[("a.ron", "(x: 1)"), ("b.ron", "()")]);
        assert_ne!(base, fingerprint(&[("a.ron", "(x: 2)"), ("b.ron", "()")]));
        assert_ne!(base, fingerprint(&[("a.ron", "(x: 1)()"), ("b.ron", "")]));
        assert_ne!(base, fingerprint(&[("c.ron", "(x: 1)"), ("b.ron", "()")]));
        assert_eq!(base, fingerprint(&[("a.ron", "(x: 1)"), ("b.ron", "()")]));
    }

    #[test]
    fn the_version_names_the_app_and_the_built_in_store() {
        let loaded = crate::store::embedded().expect("the built-in store loads");
        let text = version_text("9.9.9", Ok(&loaded.store), 0xabc);
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some("partnership-atlas 9.9.9"));
        let store_line = lines.next().unwrap_or_default();
        assert!(store_line.contains(&loaded.store.name), "{store_line}");
        assert!(store_line.contains("format 1"), "{store_line}");
        assert!(
            store_line.contains("content 0000000000000abc"),
            "{store_line}"
        );
        let date = newest_source_date(&loaded.store).expect("some source is dated");
        assert!(store_line.ends_with(&format!("newest source dated {date}")));
    }

    #[test]
    fn the_newest_source_date_ignores_undated_sources() {
        let built_in = crate::store::embedded().expect("the built-in store loads");
        let template = built_in.store.sources[0].clone();
        let mut store = Store::default();
        assert_eq!(newest_source_date(&store), None);
        for date in ["2021-06", "", "2024", "2023-09"] {
            let mut source = template.clone();
            source.date = date.to_owned();
            store.sources.push(source);
        }
        assert_eq!(newest_source_date(&store), Some("2024"));
    }

    #[test]
    fn an_unreadable_store_is_reported_not_hidden() {
        let text = version_text("1.0.0", Err(3), 0);
        assert!(text.contains("cannot be read (3 problem(s))"), "{text}");
    }
}
