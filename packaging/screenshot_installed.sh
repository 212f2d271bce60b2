#!/usr/bin/env bash
# Open the installed window under Xvfb with Qt's xcb platform (a real X server, not offscreen)
# and grab the whole screen:  [SCREEN=1600x900] packaging/screenshot_installed.sh [OUT.png] [FILE]
# Uses the scratch root test_package.sh installed (packaging/build/scratch-root); needs
# xvfb and imagemagick (apt-get install xvfb imagemagick).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
OUT=${1:-docs/installed-screenshot.png}
FILE=${2:-$ROOT/resources/samples/sample-briefing.md}
INST="$ROOT/packaging/build/scratch-root"
[ -x "$INST/usr/bin/briefing-reader" ] || { echo "run packaging/test_package.sh first" >&2; exit 1; }
command -v xvfb-run >/dev/null && command -v import >/dev/null \
  || { echo "needs: apt-get install xvfb imagemagick" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")" "$INST/home"
OUT=$(realpath "$OUT")
export INST FILE OUT
# shellcheck disable=SC2016
xvfb-run -a -s "-screen 0 ${SCREEN:-1600x900}x24" bash -c '
  # A clean environment apart from the X display: nothing from the venv can leak in.
  env -i PATH=/usr/bin:/bin HOME="$INST/home" LANG=C.UTF-8 DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" \
    QT_QPA_PLATFORM=xcb "$INST/usr/bin/briefing-reader" "$FILE" >"$INST/home/window.log" 2>&1 &
  pid=$!
  sleep "${SETTLE:-12}"               # model load and analysis finish well within this
  kill -0 $pid || { cat "$INST/home/window.log"; exit 1; }
  import -window root "$OUT"
  kill $pid; wait $pid || true'
echo "screenshot: $OUT"
