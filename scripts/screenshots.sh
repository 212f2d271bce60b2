#!/usr/bin/env bash
# Regenerate the window's pictures in docs/ with `briefing-reader --screenshot` (offscreen, the
# real window, a temporary library and settings): the bundled sample at 1366x768 and 1920x1080,
# light and dark.   scripts/screenshots.sh [FILE]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
READER=${READER:-.venv/bin/briefing-reader}
for size in 1366x768 1920x1080; do
  for theme in light dark; do
    "$READER" --screenshot "docs/window-$size-$theme.png" --size "$size" --theme "$theme" "$@"
  done
done
