#!/usr/bin/env bash
# Builds the Debian/Ubuntu package with cargo-deb (configured in Cargo.toml,
# [package.metadata.deb]), then checks it:
#   - its contents (dpkg-deb -c): the binary, the launcher entry, the AppStream metainfo, the icons
#     in every hicolor size, the README and the licence texts of the app, the fonts and the data;
#   - the launcher entry and metainfo as installed pass desktop-file-validate and
#     appstreamcli validate --no-net (when those tools are installed);
#   - the installed binary, unpacked into a temporary root with dpkg -x, runs `--version` from
#     another folder and finds every library it links to.
# Usage: scripts/package_deb.sh [extra cargo-deb options]      Prints the path of the .deb last.
# Needs: cargo-deb (`cargo install cargo-deb --locked`), dpkg-deb; optional desktop-file-utils,
# appstream.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=org.partnershipatlas.PartnershipAtlas
BIN=partnership-atlas
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

fail() { echo "package_deb: FAIL: $*" >&2; exit 1; }
command -v cargo-deb >/dev/null || fail "cargo-deb is missing: cargo install cargo-deb --locked"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (it comes with dpkg)"

echo "== cargo deb (release build)"
deb=$(cargo deb "$@" | tail -n1)
[[ -f $deb ]] || fail "cargo deb did not print the path of a .deb (got: $deb)"
echo "built $deb ($(du -h "$deb" | cut -f1))"

echo "== package fields (dpkg-deb -f)"
dpkg-deb -f "$deb" Package Version Architecture Installed-Size Depends Recommends

echo "== contents (dpkg-deb -c)"
listing=$(dpkg-deb -c "$deb" | awk '{print $NF}')
expected=(
    "./usr/bin/$BIN"
    "./usr/share/applications/$APP_ID.desktop"
    "./usr/share/metainfo/$APP_ID.metainfo.xml"
    "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    "./usr/share/doc/$BIN/README.md"
    "./usr/share/doc/$BIN/copyright"
    "./usr/share/doc/$BIN/LICENSE-MIT"
    "./usr/share/doc/$BIN/LICENSE-APACHE"
    "./usr/share/doc/$BIN/LICENSE-NanumGothic.txt"
    "./usr/share/doc/$BIN/LICENSE-DejaVu.txt"
)
for n in 16 22 24 32 48 64 128 256 512; do
    expected+=("./usr/share/icons/hicolor/${n}x${n}/apps/$APP_ID.png")
done
missing=0
for path in "${expected[@]}"; do
    if grep -qxF "$path" <<<"$listing"; then
        echo "  ok  $path"
    else
        echo "  MISSING  $path"
        missing=$((missing + 1))
    fi
done
(( missing == 0 )) || fail "$missing expected file(s) missing from $deb"
echo "  $(grep -vc '/$' <<<"$listing") files in all"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"

echo "== launcher entry and metainfo, as installed"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/$APP_ID.desktop" || fail "desktop-file-validate"
    echo "  desktop-file-validate: ok"
else
    echo "  desktop-file-validate not installed (apt-get install desktop-file-utils): skipped"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/$APP_ID.metainfo.xml" | sed 's/^/  /'
else
    echo "  appstreamcli not installed (apt-get install appstream): skipped"
fi

echo "== the installed binary"
if command -v ldd >/dev/null; then
    if ldd "$root/usr/bin/$BIN" | grep 'not found'; then fail "the binary needs a library that is missing"; fi
    echo "  links to: $(ldd "$root/usr/bin/$BIN" | awk '{print $1}' | tr '\n' ' ')"
fi
out=$(cd / && "$root/usr/bin/$BIN" --version)
echo "$out" | sed 's/^/  /'
[[ $(head -n1 <<<"$out") == "$BIN $VERSION" ]] || fail "--version did not print '$BIN $VERSION'"

echo "package_deb: ok"
echo "$deb"
