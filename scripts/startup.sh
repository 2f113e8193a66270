#!/usr/bin/env bash
# Start-up time of the app against a bare eframe app with the same fonts (examples/bare.rs):
# builds both in release, runs each with --smoke under Xvfb, alternately, RUNS times (default
# 5), and prints every time, both medians and the ratio (target ≤ 1.3×). "first frame" is from
# the start of main to the end of the first frame's UI pass (both print it the same way).
#
#   flock /tmp/cargo-heavy.lock scripts/startup.sh      # on a shared machine: one heavy job
#   SKIP_BUILD=1 scripts/startup.sh                     # re-use target/release
#   SKIP_BUILD=1 BIN_DIR=target/debug scripts/startup.sh  # binaries built elsewhere
#
# Each run gets a fresh HOME and XDG folders, so no saved window, settings or notes are read.
# Needs Xvfb (apt-get install xvfb) and the window libraries of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
if [[ -z ${SKIP_BUILD:-} ]]; then
  start=$(date +%s)
  cargo build --release --quiet --bin partnership-atlas --example bare --example startup_parts
  echo "release build: $(( $(date +%s) - start )) s"
fi
dir=${BIN_DIR:-target/release}
app=$dir/partnership-atlas
bare=$dir/examples/bare
for b in "$app" "$bare"; do
  [[ -x $b ]] || { echo "startup.sh: $b is missing (build first)" >&2; exit 2; }
done
echo "binary: $(stat -c %s "$app") bytes ($(numfmt --to=iec-i --suffix=B "$(stat -c %s "$app")"))"

d=95; while [[ -e /tmp/.X$d-lock ]]; do d=$((d + 1)); done
Xvfb ":$d" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$d ]] && break; sleep 0.1; done

one() {
  rm -rf "${home:?}"/*
  HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config DISPLAY=":$d" \
    timeout 60 "$@" --smoke 2>/dev/null | sed -n 's/^first frame: \([0-9]*\) ms$/\1/p' | head -1
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

apps=(); bares=()
for i in $(seq "$runs"); do
  a=$(one "$app"); b=$(one "$bare")
  [[ -n $a && -n $b ]] || { echo "startup.sh: run $i printed no first frame (app '$a', bare '$b')" >&2; exit 1; }
  echo "run $i: app $a ms, bare $b ms"
  apps+=("$a"); bares+=("$b")
done
ma=$(printf '%s\n' "${apps[@]}" | median)
mb=$(printf '%s\n' "${bares[@]}" | median)
spread() { printf '%s\n' "$@" | sort -n | sed -n '1p;$p' | paste -sd- ; }
echo "BENCH startup_first_frame_app $ma ms (range $(spread "${apps[@]}"))"
echo "BENCH startup_first_frame_bare $mb ms (range $(spread "${bares[@]}"))"
[[ -x $dir/examples/startup_parts ]] && "$dir/examples/startup_parts"
awk -v a="$ma" -v b="$mb" 'BEGIN { printf "BENCH startup_ratio %.2f x (target <= 1.3)\n", a / b }'
