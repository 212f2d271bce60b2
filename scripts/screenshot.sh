#!/usr/bin/env bash
# Refresh docs/screenshot.png: the real window on the xcb platform under Xvfb, with the sample open.
#   scripts/screenshot.sh [OUTPUT.png] [options of scripts/screenshot.py]
# Needs xvfb (apt-get install xvfb) and Qt's xcb libraries (the script says which are missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-.venv/bin/python}
if ! command -v xvfb-run >/dev/null; then
  echo "screenshot: xvfb-run not found; install it with: sudo apt-get install xvfb" >&2
  exit 2
fi
export QT_QPA_PLATFORM=xcb
exec xvfb-run -a -s "-screen 0 1600x1000x24 -dpi 96" "$PY" scripts/screenshot.py "$@"
