//! The packaging files name the app the way the code does: the launcher entry, the AppStream
//! metainfo, the icons and the package configuration all use `desktop::APP_ID`, `BINARY` and
//! `ICON_NAME`, and the installed binary answers `--version`.

use std::path::{Path, PathBuf};
use std::process::Command;

use partnership_atlas::desktop::{APP_ID, APP_NAME, BINARY, ICON_NAME};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(relative: &str) -> String {
    let path = root().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn desktop_entry() -> String {
    read(&format!("assets/packaging/{APP_ID}.desktop"))
}

fn metainfo() -> String {
    read(&format!("assets/packaging/{APP_ID}.metainfo.xml"))
}

/// The value of `key=` in the `[Desktop Entry]` group (keys before any other group).
fn entry_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .skip_while(|l| l.trim() != "[Desktop Entry]")
        .skip(1)
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .map(str::trim)
}

/// The text of every `<tag …>text</tag>` element, in file order.
fn elements<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        // `<id>` must not match `<ident…>`: the tag name ends at `>` or a space.
        if !after.starts_with('>') && !after.starts_with(' ') {
            rest = after;
            continue;
        }
        let Some(gt) = after.find('>') else { break };
        let body = &after[gt + 1..];
        let Some(end) = body.find(&close) else { break };
        found.push(body[..end].trim());
        rest = &body[end..];
    }
    found
}

#[test]
fn the_desktop_entry_launches_the_binary_with_the_app_icon_and_window_class() {
    let entry = desktop_entry();
    assert_eq!(entry_value(&entry, "Type"), Some("Application"));
    assert_eq!(entry_value(&entry, "Name"), Some(APP_NAME));
    let exec = entry_value(&entry, "Exec").expect("Exec=");
    assert_eq!(exec.split_whitespace().next(), Some(BINARY), "{exec}");
    assert_eq!(entry_value(&entry, "Icon"), Some(ICON_NAME));
    // Docks match the window to its launcher by WM_CLASS (X11) / app_id (Wayland).
    assert_eq!(entry_value(&entry, "StartupWMClass"), Some(APP_ID));
}

#[test]
fn the_metainfo_names_the_same_app_id_launcher_binary_and_icon() {
    let xml = metainfo();
    assert_eq!(elements(&xml, "id"), [APP_ID]);
    assert_eq!(elements(&xml, "launchable"), [format!("{APP_ID}.desktop")]);
    assert_eq!(elements(&xml, "binary"), [BINARY]);
    assert_eq!(elements(&xml, "icon"), [ICON_NAME]);
    assert_eq!(elements(&xml, "name").first(), Some(&APP_NAME));
}

#[test]
fn the_metainfo_has_release_notes_for_this_version() {
    let xml = metainfo();
    let release = format!("<release version=\"{}\"", env!("CARGO_PKG_VERSION"));
    assert!(xml.contains(&release), "no {release} in the metainfo");
    assert!(
        xml.contains(&format!(
            "<project_license>{}</project_license>",
            env!("CARGO_PKG_LICENSE")
        )),
        "the metainfo's licence differs from Cargo.toml's"
    );
}

#[test]
fn the_package_configuration_uses_the_app_id_and_ships_every_file_it_names() {
    let manifest = read("Cargo.toml");
    assert!(
        manifest.contains(&format!("identifier = \"{APP_ID}\"")),
        "[package.metadata.packager] identifier is not {APP_ID}"
    );
    // Every source path in the deb assets and packager icons exists (globs: their folder does).
    let mut checked = 0;
    for line in manifest.lines() {
        let line = line.trim();
        let Some(path) = line
            .strip_prefix("[\"")
            .or_else(|| line.strip_prefix('"'))
            .and_then(|l| l.split('"').next())
        else {
            continue;
        };
        if !(path.starts_with("assets/")
            || path.starts_with("README")
            || path.starts_with("LICENSE"))
        {
            continue;
        }
        let concrete = if path.contains('*') {
            path.split("/*").next().unwrap_or(path)
        } else {
            path
        };
        assert!(
            root().join(concrete).exists(),
            "Cargo.toml names {path}, which is missing"
        );
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} packaged paths found in Cargo.toml"
    );
    assert!(manifest.contains(&format!("assets/packaging/{APP_ID}.desktop")));
    assert!(manifest.contains(&format!("assets/packaging/{APP_ID}.metainfo.xml")));
}

#[test]
fn every_hicolor_icon_is_a_png_of_its_folder_size() {
    let sizes = [16u32, 22, 24, 32, 48, 64, 128, 256, 512];
    for size in sizes {
        let path = root().join(format!(
            "assets/icon/hicolor/{size}x{size}/apps/{ICON_NAME}.png"
        ));
        let file = std::fs::File::open(&path)
            .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
        let decoder = png::Decoder::new(std::io::BufReader::new(file));
        let reader = decoder
            .read_info()
            .unwrap_or_else(|e| panic!("{} is not a PNG: {e}", path.display()));
        let info = reader.info();
        assert_eq!(
            (info.width, info.height),
            (size, size),
            "{}",
            path.display()
        );
    }
    let scalable = root().join(format!("assets/icon/hicolor/scalable/apps/{ICON_NAME}.svg"));
    assert_eq!(
        std::fs::read(&scalable).ok(),
        std::fs::read(root().join("assets/icon/partnership-atlas.svg")).ok(),
        "the scalable icon is not a copy of the source SVG; run scripts/package_icons.sh"
    );
}

#[test]
fn the_built_binary_is_the_one_the_packages_install_and_prints_its_version() {
    let exe = Path::new(env!("CARGO_BIN_EXE_partnership-atlas"));
    assert_eq!(exe.file_stem().and_then(|s| s.to_str()), Some(BINARY));
    // Run from another folder: nothing beside the binary or in the checkout is needed.
    let elsewhere = std::env::temp_dir();
    let out = Command::new(exe)
        .arg("--version")
        .current_dir(&elsewhere)
        .output()
        .expect("run the binary");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(format!("{BINARY} {}", env!("CARGO_PKG_VERSION")).as_str())
    );
    let store = lines.next().unwrap_or_default();
    assert!(store.starts_with("built-in store: "), "{text}");
    assert!(store.contains("newest source dated 20"), "{text}");
}
