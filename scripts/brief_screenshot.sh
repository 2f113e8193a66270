#!/usr/bin/env bash
# Renders a trip briefing in headless Chromium: a screen PNG, an A4 PDF and its pages as PNGs,
# and a script probe (a hostile note whose <script> and onerror= would console.log; the probe
# must stay silent, while the same script in a plain page without the briefing's protections
# must log — so a silent probe means "blocked", not "not measured").
#
# Usage: scripts/brief_screenshot.sh [OUT_DIR] [ID...]
# Needs Debian's `chromium` and `pdftoppm` (poppler-utils):
#   apt-get update && apt-get install -y chromium poppler-utils
set -euo pipefail

out=${1:-target/brief-screenshot}
shift || true
ids=("$@")
[ ${#ids[@]} -eq 0 ] && ids=(pair-belfast-sejong)
mkdir -p "$out"
out=$(cd "$out" && pwd)

bin=target/debug/partnership-atlas
[ -x "$bin" ] || cargo build --quiet
chromium_bin=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium_bin" ] || { echo "chromium not found (apt-get install -y chromium)" >&2; exit 2; }

chrome() {
  local profile
  profile=$(mktemp -d)
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --user-data-dir="$profile" "$@"
  rm -rf "$profile"
}

# A notes file with one friendly and one hostile note on the first id.
now=$(($(date +%s) * 1000))
cat > "$out/notes.ron" <<RON
(
    format_version: 1,
    notes: [
        (
            id: "n-friendly",
            target: Some((kind: Partnership, id: "${ids[0]}")),
            title: "Questions for the workshop",
            body: "## Ask\n\n- Who leads the **roadmap** follow-up?\n- Next visit: [CPC page](https://cp.catapult.org.uk/)\n\n세종 workshop, day 2.",
            author: "J. Park",
            created: $now,
            updated: $now,
        ),
        (
            id: "n-hostile",
            target: Some((kind: Partnership, id: "${ids[0]}")),
            title: "From a colleague",
            body: "<script>console.log('PROBE-script')</script>\n\n<img src=x onerror=\"console.log('PROBE-onerror')\">\n\n[click](javascript:console.log('PROBE-link'))",
            author: "unknown",
            created: $now,
            updated: $now,
        ),
    ],
)
RON

"$bin" brief "${ids[@]}" --out "$out/briefing.html" --markdown "$out/briefing.md" --notes "$out/notes.ron"

chrome --window-size=1100,3800 --hide-scrollbars --screenshot="$out/briefing.png" "file://$out/briefing.html" 2>/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$out/briefing.pdf" "file://$out/briefing.html" 2>/dev/null
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 60 "$out/briefing.pdf" "$out/page"
fi

# The probe: the briefing must log nothing; the control page must log.
probe() {
  chrome --enable-logging=stderr --v=0 --virtual-time-budget=3000 --dump-dom "file://$1" 2>&1 >/dev/null \
    | grep -c "PROBE" || true
}
printf '<!DOCTYPE html><html><body><script>console.log("PROBE-control")</script></body></html>' > "$out/control.html"
control=$(probe "$out/control.html")
briefing=$(probe "$out/briefing.html")
echo "probe: control page logged $control line(s); briefing logged $briefing line(s)"
echo "wrote $out/briefing.html, briefing.png, briefing.pdf, page-*.png"
if [ "$control" -eq 0 ]; then
  echo "the probe does not work here (the control page logged nothing)" >&2; exit 3
fi
if [ "$briefing" -ne 0 ]; then
  echo "A SCRIPT RAN IN THE BRIEFING" >&2; exit 1
fi
