#!/usr/bin/env bash
# Regenerates every icon file from the one source, assets/icon/partnership-atlas.svg:
#   assets/icon/hicolor/<N>x<N>/apps/<APP_ID>.png   (freedesktop hicolor sizes; the 256 px one is
#                                                    also the window icon, embedded by src/desktop.rs)
#   assets/icon/hicolor/scalable/apps/<APP_ID>.svg  (a copy of the source, for scalable themes)
#   assets/icon/partnership-atlas.ico                (Windows: 16, 24, 32, 48, 64, 256 px)
#   assets/icon/partnership-atlas.icns               (macOS: 16, 32, 48, 128, 256, 512 px)
# The generated files are committed, so building the app needs none of these tools.
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils), optipng optional.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=org.partnershipatlas.PartnershipAtlas
SRC=assets/icon/partnership-atlas.svg
OUT=assets/icon
SIZES=(16 22 24 32 48 64 128 256 512)

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "package_icons: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 2; }
done

for n in "${SIZES[@]}"; do
    dir="$OUT/hicolor/${n}x${n}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$n" --height "$n" "$SRC" --output "$dir/$APP_ID.png"
done
mkdir -p "$OUT/hicolor/scalable/apps"
cp "$SRC" "$OUT/hicolor/scalable/apps/$APP_ID.svg"

png() { echo "$OUT/hicolor/$1x$1/apps/$APP_ID.png"; }
convert "$(png 16)" "$(png 24)" "$(png 32)" "$(png 48)" "$(png 64)" "$(png 256)" "$OUT/partnership-atlas.ico"
png2icns "$OUT/partnership-atlas.icns" "$(png 16)" "$(png 32)" "$(png 48)" "$(png 128)" "$(png 256)" "$(png 512)" >/dev/null

if command -v optipng >/dev/null; then
    optipng -quiet -o5 -strip all "$OUT"/hicolor/*/apps/*.png
fi
echo "package_icons: wrote $(find "$OUT/hicolor" -name '*.png' | wc -l) PNGs, $OUT/partnership-atlas.ico, $OUT/partnership-atlas.icns"
