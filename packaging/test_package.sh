#!/usr/bin/env bash
# Proof that the Debian package installs and works (`make package-test`; not part of CI's
# `./dev test`, because the build alone takes a few minutes on 2 cores):
#   1. build the bundle and the .deb (packaging/build.py; skip with --no-build),
#   2. check the .deb's metadata and that this machine has every package in its Depends,
#   3. install it into a scratch root with `dpkg-deb -x` (no root, nothing touched in /usr),
#   4. run the installed `briefing --version`, `briefing-reader --version` and
#      `briefing-reader --smoke-test` (QT_QPA_PLATFORM=offscreen) with a clean environment,
#   5. run the installed `briefing analyze --json` on briefings (.md, and a .html, a two-column
#      .pdf and a .docx made from it,
#      and the eval briefing in ../shared when present) and compare each analysis with the
#      source tree's (`python -m reader.cli analyze --json` on the snapshot build.py froze).
# Options are passed on to build.py (e.g. --from-git HEAD, --xz).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
say() { printf 'package-test: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

if [ "${1:-}" = "--no-build" ]; then shift; else .venv/bin/python packaging/build.py "$@"; fi
DEB=$(ls -t packaging/dist/briefing-reader_*_amd64.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || fail "no .deb in packaging/dist (run without --no-build)"
say "package: $DEB ($(du -h "$DEB" | cut -f1))"

# -- metadata: Depends must be generated, and satisfiable here (what dpkg -i would check).
DEPENDS=$(dpkg-deb -f "$DEB" Depends)
[ -n "$DEPENDS" ] || fail "empty Depends"
missing=()
IFS=',' read -ra groups <<< "$DEPENDS"
for group in "${groups[@]}"; do
  ok=0
  IFS='|' read -ra alts <<< "$group"
  for alt in "${alts[@]}"; do
    pkg=$(echo "$alt" | sed -E 's/\(.*\)//; s/[[:space:]]//g')
    dpkg -s "$pkg" >/dev/null 2>&1 && { ok=1; break; }
  done
  [ $ok = 1 ] || missing+=("$group")
done
[ ${#missing[@]} -eq 0 ] || fail "Depends not satisfied on this machine: ${missing[*]}"
say "Depends (${#groups[@]} packages, from dpkg-shlibdeps) all installed here"

# -- install into a scratch root.
SCRATCH="$ROOT/packaging/build/scratch-root"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH/home"
dpkg-deb -x "$DEB" "$SCRATCH"
BIN="$SCRATCH/usr/bin"
for f in usr/share/doc/briefing-reader/copyright usr/share/doc/briefing-reader/changelog.Debian.gz \
         usr/lib/briefing-reader/_internal/resources/samples/sample-briefing.md; do
  [ -e "$SCRATCH/$f" ] || fail "missing /$f"
done
# Every library any bundled ELF file needs resolves (in the bundle or on this system): PyInstaller
# leaves out silently what the build host lacked, and a plugin Qt loads late would fail only then.
unresolved=$(find "$SCRATCH/usr/lib/briefing-reader" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | xargs -0 -n 50 ldd 2>/dev/null | grep -E '^/|not found' | grep -B1 'not found' || true)
[ -z "$unresolved" ] || { echo "$unresolved" >&2; fail "libraries not found (ldd)"; }
say "ldd: every library the bundle's ELF files need is found"
# A clean environment: nothing from the venv or the source tree can leak into the run.
clean() { env -i PATH=/usr/bin:/bin HOME="$SCRATCH/home" LANG=C.UTF-8 XDG_RUNTIME_DIR="$SCRATCH/home" "$@"; }

out=$(cd / && clean "$BIN/briefing" --version) || fail "briefing --version"
say "installed briefing --version: $out"
if [ -e "$BIN/briefing-reader" ]; then
  out=$(cd / && clean "$BIN/briefing-reader" --version) || fail "briefing-reader --version"
  say "installed briefing-reader --version: $out"
  out=$(cd / && clean QT_QPA_PLATFORM=offscreen "$BIN/briefing-reader" --smoke-test 2>&1) \
    || { echo "$out" >&2; fail "briefing-reader --smoke-test"; }
  say "installed briefing-reader --smoke-test: $(echo "$out" | tail -1)"
  for f in usr/share/applications/briefing-reader.desktop usr/share/metainfo/briefing-reader.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/briefing-reader.svg usr/share/icons/hicolor/256x256/apps/briefing-reader.png; do
    [ -e "$SCRATCH/$f" ] || fail "missing /$f"
  done
  if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$SCRATCH/usr/share/applications/briefing-reader.desktop" || fail "desktop-file-validate"
    say "desktop entry: desktop-file-validate passed"
  fi
  if command -v appstreamcli >/dev/null; then
    # The one accepted warning: the id is not reverse-DNS (see the comment in the metainfo file).
    report=$(appstreamcli validate --no-net "$SCRATCH/usr/share/metainfo/briefing-reader.metainfo.xml" 2>&1 || true)
    if echo "$report" | grep -E '^(E|W):' | grep -qv 'cid-desktopapp-is-not-rdns'; then
      echo "$report" >&2; fail "appstreamcli validate"
    fi
    say "AppStream metainfo: appstreamcli validate has no errors or warnings besides cid-desktopapp-is-not-rdns"
  fi
else
  say "no briefing-reader in this package (built before reader/ui/app.py existed): GUI checks skipped"
fi

# -- the same analysis as the source tree.
# build.py froze a snapshot of the sources (packaging/build/src): run that same snapshot with the
# venv's interpreter (PYTHONPATH comes before the editable install), so edits made to the
# working tree since the build do not count as differences.
SRC="$ROOT/packaging/build/src"
from_src() { PYTHONPATH="$SRC" "$ROOT/.venv/bin/python" -m reader.cli "$@"; }
where=$(cd / && PYTHONPATH="$SRC" "$ROOT/.venv/bin/python" -c 'import reader; print(reader.__file__)')
[ "$where" = "$SRC/reader/__init__.py" ] || fail "the source run would import $where, not the snapshot"
WORK="$ROOT/packaging/build/compare"
rm -rf "$WORK"; mkdir -p "$WORK"
SAMPLE="$ROOT/resources/samples/sample-briefing.md"
cp "$SAMPLE" "$WORK/sample-briefing.md"
# An HTML briefing made from the sample (exercises trafilatura/lxml inside the bundle).
.venv/bin/python - "$SAMPLE" "$WORK/sample-briefing.html" <<'PY'
import html, sys
from pathlib import Path
text = Path(sys.argv[1]).read_text().split("---", 2)[2]
paras = [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
body = "\n".join(f"<h1>{html.escape(p.lstrip('# '))}</h1>" if p.startswith("#") else f"<p>{html.escape(p)}</p>" for p in paras)
Path(sys.argv[2]).write_text(
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Nile water talks resume</title>"
    "<meta property='article:published_time' content='2024-12-04'></head>"
    f"<body><nav><a href='/'>Home</a></nav><article>{body}</article><footer>Footer</footer></body></html>\n")
PY
# A two-column PDF and a Word file made from the sample (PDFium and python-docx inside the bundle).
.venv/bin/python - "$SAMPLE" "$WORK" <<'PY'
import datetime as dt, sys
from pathlib import Path
sys.path.insert(0, "tests/documents")
from file_makers import write_docx, write_report_pdf
text = Path(sys.argv[1]).read_text().split("---", 2)[2]
paras = [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip() and not p.startswith("#")]
write_report_pdf(Path(sys.argv[2]) / "sample-briefing.pdf", paras * 6, title="Nile water talks resume")
write_docx(Path(sys.argv[2]) / "sample-briefing.docx", paras, title="Nile water talks resume",
           created=dt.datetime(2024, 12, 4, tzinfo=dt.UTC))
PY
files=("$WORK/sample-briefing.md" "$WORK/sample-briefing.html" "$WORK/sample-briefing.pdf" "$WORK/sample-briefing.docx")
[ -f "$ROOT/../shared/eval/istanbul-talks.txt" ] && files+=("$ROOT/../shared/eval/istanbul-talks.txt")
for f in "${files[@]}"; do
  name=$(basename "$f")
  (cd / && clean "$BIN/briefing" analyze "$f" --json >"$WORK/$name.installed.json" 2>"$WORK/$name.installed.err") \
    || { cat "$WORK/$name.installed.err" >&2; fail "installed briefing analyze $name"; }
  (cd / && from_src analyze "$f" --json >"$WORK/$name.source.json" 2>"$WORK/$name.source.err") \
    || fail "source briefing analyze $name"
  .venv/bin/python packaging/compare_analyses.py "$WORK/$name.installed.json" "$WORK/$name.source.json" >&2 \
    || fail "$name: the installed package and the source tree disagree"
  cmp -s "$WORK/$name.installed.err" "$WORK/$name.source.err" || say "note: $name: stderr differs (see $WORK)"
done
# -- the library commands (sqlite-utils, FTS search, platformdirs) work from the bundle too.
DB="$WORK/library.db"
(cd / && clean "$BIN/briefing" import --db "$DB" --quiet "$WORK/sample-briefing.md") >"$WORK/import.out" 2>&1 \
  || { cat "$WORK/import.out" >&2; fail "installed briefing import"; }
hits=$(cd / && clean "$BIN/briefing" search --db "$DB" Geneva --json) || fail "installed briefing search"
echo "$hits" | grep -q "\"kind\": \"briefing\"" || { echo "$hits" >&2; fail "installed briefing search found nothing"; }
say "installed briefing import + search: the library works"
say "PASS: installed from $DEB into $SCRATCH; ${#files[@]} briefings analysed identically"
