#!/usr/bin/env bash
# Start-up time of the installed package against `python -m` of the same code.
#   packaging/measure_start.sh [COLD_RUNS] [WARM_RUNS]     (defaults 3 and 10)
# Installs packaging/dist/*.deb into packaging/build/measure-root with `dpkg-deb -x`, then times,
# interleaved, the wall clock of:
#   window  installed `briefing-reader --smoke-test`      vs  .venv/bin/python -m reader.ui.app --smoke-test
#   cli     installed `briefing analyze SAMPLE --json`    vs  .venv/bin/python -m reader.cli analyze SAMPLE --json
# where `python -m` runs packaging/build/src, the snapshot the package was frozen from.
# (QT_QPA_PLATFORM=offscreen). A cold run follows `sync; echo 3 > /proc/sys/vm/drop_caches`
# (needs root; without it the script says cold runs were not possible and times warm runs only).
# Prints median / mean / min per case. The machine may be shared: read the spread, not only the median.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
COLD=${1:-3}
WARM=${2:-10}
DEB=$(ls -t packaging/dist/briefing-reader_*_amd64.deb | head -1)
INST="$ROOT/packaging/build/measure-root"
rm -rf "$INST"; mkdir -p "$INST/home"
dpkg-deb -x "$DEB" "$INST"
SAMPLE="$ROOT/resources/samples/sample-briefing.md"
export QT_QPA_PLATFORM=offscreen
# `python -m` runs the source snapshot build.py froze (PYTHONPATH wins over the editable
# install), so both sides are the same code even if the working tree moved on since the build.
SRC="$ROOT/packaging/build/src"
PYM="$ROOT/.venv/bin/python"
[ -d "$SRC/reader" ] && PYM="env PYTHONPATH=$SRC $PYM"

can_drop=0
if [ -w /proc/sys/vm/drop_caches ] && sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then can_drop=1; fi
[ $can_drop = 1 ] || echo "measure: cannot drop the page cache here (not root?): cold runs skipped" >&2

run_case() {  # run_case NAME COMMAND... ; appends "NAME seconds" to $RESULTS
  local name=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "measure: $name failed: $*" >&2; exit 1; }
  t1=$(date +%s.%N)
  awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN { printf "%s %.3f\n", n, b - a }' >>"$RESULTS"
}

declare -a CASES
if [ -x "$INST/usr/bin/briefing-reader" ]; then
  CASES+=("window-installed|env HOME=$INST/home $INST/usr/bin/briefing-reader --smoke-test")
  CASES+=("window-python-m|$PYM -m reader.ui.app --smoke-test")
fi
CASES+=("cli-installed|env HOME=$INST/home $INST/usr/bin/briefing analyze $SAMPLE --json")
CASES+=("cli-python-m|$PYM -m reader.cli analyze $SAMPLE --json")

RESULTS=$(mktemp)
trap 'rm -f "$RESULTS"' EXIT
for kind in cold warm; do
  n=$WARM; [ $kind = cold ] && n=$COLD
  [ $kind = cold ] && [ $can_drop = 0 ] && continue
  # one untimed run of each first, so "warm" means warm
  if [ $kind = warm ]; then for c in "${CASES[@]}"; do ${c#*|} >/dev/null 2>&1; done; fi
  for ((i = 0; i < n; i++)); do
    for c in "${CASES[@]}"; do
      [ $kind = cold ] && { sync; echo 3 > /proc/sys/vm/drop_caches; }
      # shellcheck disable=SC2086
      run_case "$kind:${c%%|*}" ${c#*|}
    done
  done
done
"$ROOT/.venv/bin/python" - "$RESULTS" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, secs = line.split()
    rows.setdefault(name, []).append(float(secs))
print(f"{'case':28} {'runs':>4} {'median':>7} {'mean':>7} {'min':>7}  (seconds)")
for name, v in rows.items():
    print(f"{name:28} {len(v):>4} {statistics.median(v):7.2f} {statistics.mean(v):7.2f} {min(v):7.2f}")
PY
