"""Build Briefing Reader's PyInstaller bundle and its Debian package (`./dev package`, `make package`).

    .venv/bin/python packaging/build.py [--xz] [--no-deb] [--no-lintian] [--cli-only]

Steps: freeze with packaging/briefing-reader.spec, prune the libraries nothing loads any more,
strip what is safe to strip, then stage a Debian tree (bundle under /usr/lib/briefing-reader),
let dpkg-shlibdeps write `Depends`, build the .deb with dpkg-deb and run lintian on it.
Results land in packaging/dist/: the self-contained bundle `briefing-reader/`, the .deb, and
`build-info.json` with the sizes and timings of this build. Nothing is written outside the
repository: PyInstaller's and other tools' caches go to packaging/build/.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
#: The snapshot of the sources that is frozen (see snapshot_sources); test_package.sh compares
#: the installed package with `python -m reader.cli` run on this same snapshot.
SRC = BUILD / "src"
#: What goes into the snapshot: the code, its data, and the packaging files themselves.
SNAPSHOT_PATHS = ("reader", "resources", "packaging", "pyproject.toml", "README.md")
sys.path.insert(0, str(HERE))

from render_icons import ICON_NAME, SIZES, png_path  # noqa: E402

PACKAGE = "briefing-reader"
DEB_REVISION = "1"
APP_DIR = f"usr/lib/{PACKAGE}"
MAINTAINER = "Briefing Reader developers <briefing-reader@users.noreply.example.org>"

#: Tools the build runs, and the Debian package each comes from.
TOOLS = {
    "dpkg-deb": "dpkg",
    "dpkg-shlibdeps": "dpkg-dev",
    "readelf": "binutils",
    "strip": "binutils",
    "patchelf": "patchelf",
    "lintian": "lintian",
}
#: Shared libraries Qt's xcb and wayland plugins load; PyInstaller silently leaves out what the
#: build host lacks, and dpkg-shlibdeps needs every NEEDED library installed to name its package.
HOST_LIBS = {
    "libxcb-icccm4": "/usr/lib/x86_64-linux-gnu/libxcb-icccm.so.4",
    "libxcb-keysyms1": "/usr/lib/x86_64-linux-gnu/libxcb-keysyms.so.1",
    "libxcb-cursor0": "/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0",
    "libxcb-image0": "/usr/lib/x86_64-linux-gnu/libxcb-image.so.0",
    "libxcb-render-util0": "/usr/lib/x86_64-linux-gnu/libxcb-render-util.so.0",
    "libxkbcommon-x11-0": "/usr/lib/x86_64-linux-gnu/libxkbcommon-x11.so.0",
    "libwayland-cursor0": "/usr/lib/x86_64-linux-gnu/libwayland-cursor.so.0",
    "libwayland-egl1": "/usr/lib/x86_64-linux-gnu/libwayland-egl.so.1",
    "libegl1": "/usr/lib/x86_64-linux-gnu/libEGL.so.1",
    "libgl1": "/usr/lib/x86_64-linux-gnu/libGL.so.1",
    "libfontconfig1": "/usr/lib/x86_64-linux-gnu/libfontconfig.so.1",
    "libdbus-1-3": "/lib/x86_64-linux-gnu/libdbus-1.so.3",
    "libcups2": "/usr/lib/x86_64-linux-gnu/libcups.so.2",  # Qt's print-support plugin
}
#: Kept in the bundle even when Debian ships a library of the same name: ours is the
#: interpreter the bundle was frozen with (Debian's libpython3.11 is a different build).
#: PDFium is opened by path through ctypes (pypdfium2), so nothing NEEDs it: never pruned.
KEEP_BUNDLED = ("libpython", "libpdfium")


def say(message: str) -> None:
    print(f"build: {message}", flush=True)


def run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, text=True, **kwargs)


def build_env() -> dict[str, str]:
    """Keep PyInstaller's and every tool's caches inside packaging/build/, not in ~/.cache."""
    env = dict(os.environ)
    env["PYINSTALLER_CONFIG_DIR"] = str(BUILD / "pyinstaller-config")
    env["XDG_CACHE_HOME"] = str(BUILD / "cache")
    env["SOURCE_DATE_EPOCH"] = env.get("SOURCE_DATE_EPOCH") or source_date_epoch()
    return env


def source_date_epoch() -> str:
    """The last commit's time, so file dates in the .deb do not depend on when it was built."""
    try:
        out = run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True).stdout.strip()
        return out or str(int(time.time()))
    except (OSError, subprocess.CalledProcessError):
        return str(int(time.time()))


def check_tools(want_deb: bool, want_lintian: bool) -> None:
    """Stop early, with the exact apt-get line, when a tool or a Qt system library is missing."""
    missing: list[str] = []
    needed = dict(TOOLS) if want_deb else {"readelf": "binutils", "strip": "binutils", "patchelf": "patchelf"}
    if not want_lintian:
        needed.pop("lintian", None)
    for tool, pkg in needed.items():
        if shutil.which(tool) is None and pkg not in missing:
            missing.append(pkg)
    for pkg, lib in HOST_LIBS.items():
        if not Path(lib).exists():
            missing.append(pkg)
    no_pyinstaller = importlib.util.find_spec("PyInstaller") is None
    if missing:
        say("missing Debian packages; run:")
        print(f"    sudo apt-get install {' '.join(missing)}", flush=True)
    if no_pyinstaller:
        say(f"PyInstaller is missing; run: {sys.executable} -m pip install -e '.[package]'")
    if missing or no_pyinstaller:
        raise SystemExit(2)


def snapshot_sources(rev: str | None) -> str:
    """Copy what gets frozen into packaging/build/src, so edits made during the build cannot
    leak into it half-way: the working tree's files (tracked and untracked, not ignored), or
    with `rev` a clean `git archive` of that commit. Returns a description for build-info."""
    if SRC.exists():
        shutil.rmtree(SRC)
    SRC.mkdir(parents=True)
    if rev:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, *SNAPSHOT_PATHS],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(SRC)], input=archive, check=True)
        commit = run(["git", "-C", str(ROOT), "rev-parse", "--short", rev], capture_output=True).stdout.strip()
        return f"git {rev} ({commit})"
    listed = run(["git", "-C", str(ROOT), "ls-files", "-z", "-co", "--exclude-standard", "--", *SNAPSHOT_PATHS],
                 capture_output=True).stdout.split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = SRC / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return "working tree"


def source_digest(root: Path) -> str:
    """A hash of what gets frozen (our code and resources), recorded in build-info.json."""
    digest = hashlib.sha256()
    for base in ("reader", "resources"):
        for path in sorted((root / base).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def has_gui() -> bool:
    return (SRC / "reader" / "ui" / "app.py").exists()


# ---------------------------------------------------------------- freezing


def freeze(env: dict[str, str], with_gui: bool) -> Path:
    """Run PyInstaller on the spec; returns the one-folder bundle."""
    env = dict(env, BRIEFING_WITH_GUI="1" if with_gui else "0")
    pyi_dist = BUILD / "pyi-dist"
    cmd = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", str(pyi_dist), "--workpath", str(BUILD / "pyi-work"), str(SRC / "packaging" / "briefing-reader.spec"),
    ]
    log = BUILD / "pyinstaller.log"
    with log.open("w") as fh:
        result = subprocess.run(cmd, env=env, stdout=fh, stderr=subprocess.STDOUT, check=False)
    if result.returncode:
        print(log.read_text()[-4000:])
        raise SystemExit(f"build: PyInstaller failed (log: {log})")
    return pyi_dist / PACKAGE


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def elf_files(tree: Path) -> list[Path]:
    return sorted(p for p in tree.rglob("*") if is_elf(p))


def needed(path: Path) -> list[str]:
    out = run(["readelf", "-d", str(path)], capture_output=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def is_plain_library(path: Path) -> bool:
    """A library loaded only because something NEEDs it (not an extension module, a Qt plugin or the interpreter)."""
    name = path.name
    if "/plugins/" in path.as_posix() or name.startswith(KEEP_BUNDLED):
        return False
    if ".cpython-" in name or ".abi3." in name:
        return False
    return name.startswith("lib") and ".so" in name


def prune_unused_libraries(bundle: Path) -> list[str]:
    """Delete libraries that no executable, extension module or kept plugin needs any more.

    Dropping Qt plugins and modules in the spec leaves their libraries behind; this walks
    DT_NEEDED from everything Python or Qt loads by path and removes the rest, then any
    symlink left dangling.
    """
    by_name: dict[str, list[Path]] = {}
    for path in bundle.rglob("*"):
        if path.is_file() or path.is_symlink():
            by_name.setdefault(path.name, []).append(path)
    elves = elf_files(bundle)
    roots = [p for p in elves if not is_plain_library(p)]
    reached: set[Path] = set()
    stack = list(roots)
    while stack:
        path = stack.pop()
        real = path.resolve()
        if real in reached:
            continue
        reached.add(real)
        for lib in needed(real):
            for candidate in by_name.get(lib, []):
                stack.append(candidate)
    removed = []
    for path in elves:
        if is_plain_library(path) and path.resolve() not in reached:
            removed.append(str(path.relative_to(bundle)))
            path.unlink()
    for path in list(bundle.rglob("*")):
        if path.is_symlink() and not path.exists():
            removed.append(str(path.relative_to(bundle)))
            path.unlink()
    return removed


def in_libs_dir(path: Path, bundle: Path) -> bool:
    """Wheels' vendored libraries (numpy.libs/ ...), repaired by auditwheel: strip breaks them."""
    return any(part.endswith(".libs") for part in path.relative_to(bundle).parts[:-1])


def strip_binaries(bundle: Path) -> int:
    """Strip symbols and notes from our ELF files; returns the bytes saved.

    Not stripped: anything in a `*.libs/` folder (numpy's OpenBLAS fails to load after strip:
    "ELF load command address/offset not page-aligned"); symlinks into those folders are skipped
    too because is_elf() does not follow links. The executables can be: PyInstaller 6 keeps
    their archive in an ELF section (`pydata`), which strip leaves alone.
    """
    before = sum(p.stat().st_size for p in elf_files(bundle))
    targets = [str(p) for p in elf_files(bundle) if not in_libs_dir(p, bundle)]
    for i in range(0, len(targets), 200):
        run(["strip", "--strip-unneeded", "--remove-section=.comment", "--remove-section=.note", *targets[i : i + 200]])
    after = sum(p.stat().st_size for p in elf_files(bundle))
    return before - after


def remove_foreign_runpaths(bundle: Path) -> list[str]:
    """Drop RUNPATHs that point outside the bundle (pyenv's lib dir leaks into libpython)."""
    fixed = []
    for path in elf_files(bundle):
        out = run(["readelf", "-d", str(path)], capture_output=True).stdout
        paths = re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[([^\]]*)\]", out)
        if paths and any(not entry.startswith("$ORIGIN") for p in paths for entry in p.split(":")):
            run(["patchelf", "--remove-rpath", str(path)])
            fixed.append(str(path.relative_to(bundle)))
    return fixed


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


# ---------------------------------------------------------------- Debian package


def debian_version() -> str:
    """reader.__version__ of the snapshot being packaged, plus the Debian revision."""
    init = (SRC / "reader" / "__init__.py").read_text()
    version = re.search(r'^__version__ = "([^"]+)"', init, re.MULTILINE)
    if not version:
        raise SystemExit("build: no __version__ in reader/__init__.py")
    return f"{version.group(1)}-{DEB_REVISION}"


def system_library_owner(name: str) -> str | None:
    """The Debian package shipping a library of this name on this machine, if any."""
    for libdir in ("/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu"):
        candidate = Path(libdir) / name
        if candidate.exists():
            result = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True, text=True, check=False)
            if result.returncode == 0:
                return result.stdout.split(":", 1)[0]
    return None


def unbundle_system_libraries(app: Path) -> list[str]:
    """Let Debian provide what it ships (libssl, libsqlite3, zlib...): security updates reach the app.

    Only libraries PyInstaller copied from the host into the top of _internal/ are candidates;
    Qt's own libraries (from the PySide6 wheel) and the interpreter stay bundled.
    """
    removed = []
    internal = app / "_internal"
    for path in sorted(internal.iterdir()):
        if not is_elf(path) or not is_plain_library(path):
            continue
        owner = system_library_owner(path.name)
        if owner:
            path.unlink()
            removed.append(f"{path.name} ({owner})")
    return removed


def bundled_distributions() -> list[str]:
    """'name version (licence)' for every installed distribution whose files went into the bundle.

    Read from PyInstaller's table of contents (every module, binary and data file it copied).
    """
    from importlib import metadata

    toc = (BUILD / "pyi-work" / PACKAGE / "Analysis-00.toc").read_text()
    tops = set(re.findall(r"site-packages/([A-Za-z0-9_.-]+?)(?:/|\.py'|\.cpython|\.abi3)", toc))
    owners = metadata.packages_distributions()
    names = sorted({dist for top in tops for dist in owners.get(top.removesuffix(".libs"), [])}, key=str.lower)
    lines = []
    for name in names:
        meta = metadata.metadata(name)
        licence = meta.get("License-Expression") or meta.get("License") or ""
        if not licence or len(licence) > 60:
            classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
            licence = ", ".join(classifiers) or (licence.splitlines()[0][:60] if licence else "see its metadata")
        lines.append(f"{name} {meta['Version']} ({licence})")
    return lines


def write_text(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)


def install_file(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def gzip_file(src: Path, dest: Path) -> None:
    """gzip -9n: no name or time stamp in the header, as Debian policy asks."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
        gz.write(src.read_bytes())
    dest.chmod(0o644)


def stage_deb_tree(bundle: Path, root: Path, with_gui: bool) -> dict[str, list[str]]:
    """Lay out the package's files under `root` (the future /)."""
    if root.exists():
        shutil.rmtree(root)
    app = root / APP_DIR
    shutil.copytree(bundle, app, symlinks=True)
    report = {"unbundled": unbundle_system_libraries(app)}
    # Policy: shared objects are not executable; directories 755, files 644, executables 755.
    for path in app.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or path.parent == app and path.name in ("briefing", "briefing-reader"):
            path.chmod(0o755)
        else:
            path.chmod(0o644)
    prune = prune_unused_libraries(app)
    report["pruned_after_unbundling"] = prune

    bindir = root / "usr" / "bin"
    bindir.mkdir(parents=True)
    programs = ["briefing", *(["briefing-reader"] if with_gui else [])]
    for program in programs:
        # The bootloader resolves its own path, so a symlink finds _internal/ next to the real file.
        (bindir / program).symlink_to(f"../lib/{PACKAGE}/{program}")

    share = root / "usr" / "share"
    deb = SRC / "packaging" / "debian"
    if with_gui:
        install_file(deb / f"{PACKAGE}.desktop", share / "applications" / f"{PACKAGE}.desktop")
        install_file(deb / f"{PACKAGE}.metainfo.xml", share / "metainfo" / f"{PACKAGE}.metainfo.xml")
        icons = share / "icons" / "hicolor"
        install_file(SRC / "resources" / "icons" / f"{ICON_NAME}.svg", icons / "scalable" / "apps" / f"{ICON_NAME}.svg")
        for size in SIZES:
            src = png_path(SRC / "resources" / "icons", size)
            if not src.exists():
                raise SystemExit(f"build: {src} is missing; run .venv/bin/python packaging/render_icons.py")
            install_file(src, png_path(share / "icons", size))
    for page in sorted((SRC / "packaging" / "man").glob("*.1")):
        if page.stem == "briefing-reader" and not with_gui:
            continue
        gzip_file(page, share / "man" / "man1" / f"{page.name}.gz")
    doc = share / "doc" / PACKAGE
    install_file(deb / "copyright", doc / "copyright")
    header = "Python distributions bundled in /usr/lib/briefing-reader (name, version, declared licence):\n\n"
    write_text(doc / "bundled-python-packages.txt", header + "\n".join(bundled_distributions()) + "\n")
    gzip_file(deb / "changelog", doc / "changelog.Debian.gz")
    install_file(deb / "lintian-overrides", share / "lintian" / "overrides" / PACKAGE)
    for path in root.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    return report


def shlib_depends(root: Path, env: dict[str, str]) -> str:
    """Ask dpkg-shlibdeps which Debian packages provide the libraries our ELF files need."""
    work = BUILD / "shlibdeps"
    if work.exists():
        shutil.rmtree(work)
    (work / "debian").mkdir(parents=True)
    # dpkg-shlibdeps insists on a debian/control naming the binary package; a stub is enough.
    (work / "debian" / "control").write_text(
        f"Source: {PACKAGE}\nMaintainer: {MAINTAINER}\n\nPackage: {PACKAGE}\nArchitecture: amd64\nDescription: stub\n"
    )
    app = root / APP_DIR
    private_dirs = sorted({str(p.parent) for p in elf_files(app)})
    elves = [str(p) for p in elf_files(app)]
    cmd = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *[f"-l{d}" for d in private_dirs], *elves]
    out = run(cmd, cwd=work, capture_output=True, env=env).stdout
    match = re.search(r"shlibs:Depends=(.*)", out)
    if not match:
        raise SystemExit(f"build: dpkg-shlibdeps printed no Depends:\n{out}")
    return match.group(1).strip()


def write_control(root: Path, depends: str, with_gui: bool) -> None:
    installed_kb = sum(
        (p.lstat().st_size + 1023) // 1024 for p in root.rglob("*") if p.is_file() or p.is_symlink()
    )
    summary = (SRC / "packaging" / "debian" / "description.txt").read_text().strip().splitlines()
    body = "\n".join(" " + (line if line.strip() else ".") for line in summary[1:])
    control = (
        f"Package: {PACKAGE}\n"
        f"Version: {debian_version()}\n"
        "Architecture: amd64\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kb}\n"
        f"Depends: {depends}\n"
        + ("Recommends: fonts-dejavu-core\n" if with_gui else "")
        + "Section: text\n"
        "Priority: optional\n"
        f"Description: {summary[0]}\n{body}\n"
    )
    write_text(root / "DEBIAN" / "control", control)
    sums = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("DEBIAN/") or path.is_symlink() or not path.is_file():
            continue
        sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}\n")
    write_text(root / "DEBIAN" / "md5sums", "".join(sums))


def build_deb(root: Path, out_dir: Path, xz: bool) -> Path:
    deb = out_dir / f"{PACKAGE}_{debian_version()}_amd64.deb"
    # gzip -6 takes ~15 s on this bundle; xz -6 makes it ~25 % smaller but takes ~130 s on 2 cores.
    # (zstd would be faster still, but lintian in Debian 12 rejects zstd members as malformed.)
    compression = ["-Zxz", "-z6"] if xz else ["-Zgzip", "-z6"]
    run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(root), str(deb)], capture_output=True)
    return deb


def lintian(deb: Path) -> tuple[int, str]:
    """Lintian's verdict: exit 0 when no error or warning is left after our overrides.

    (--show-overrides is left out: with it, overridden tags count towards --fail-on.)"""
    result = subprocess.run(
        ["lintian", "--fail-on", "error,warning", "--display-info", "--tag-display-limit", "0", str(deb)],
        capture_output=True, text=True, check=False,
    )
    return result.returncode, (result.stdout + result.stderr).strip()


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only")
    parser.add_argument("--no-lintian", action="store_true", help="do not run lintian on the .deb")
    parser.add_argument("--xz", action="store_true", help="compress the .deb with xz -6 (a quarter smaller, ~2 min) instead of gzip -6")
    parser.add_argument("--from-git", metavar="REV", help="freeze a clean `git archive` of REV (e.g. HEAD) instead of the working tree")
    parser.add_argument("--cli-only", action="store_true", help="leave out the window even if reader/ui/app.py exists")
    args = parser.parse_args(argv)
    check_tools(want_deb=not args.no_deb, want_lintian=not args.no_lintian)
    BUILD.mkdir(parents=True, exist_ok=True)
    source = snapshot_sources(args.from_git)
    with_gui = has_gui() and not args.cli_only
    if not with_gui:
        say("reader/ui/app.py is not there (or --cli-only): building the `briefing` command line only")
    env = build_env()
    BUILD.mkdir(parents=True, exist_ok=True)
    DIST.mkdir(parents=True, exist_ok=True)
    info: dict[str, object] = {"version": debian_version(), "with_gui": with_gui, "built": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    started = time.monotonic()
    info.update(source=source, source_digest=source_digest(SRC))

    say("freezing with PyInstaller (packaging/briefing-reader.spec)")
    frozen = freeze(env, with_gui)
    info["freeze_seconds"] = round(time.monotonic() - started, 1)
    info["frozen_bytes"] = tree_size(frozen)

    t = time.monotonic()
    pruned = prune_unused_libraries(frozen)
    saved = strip_binaries(frozen)
    runpaths = remove_foreign_runpaths(frozen)
    info.update(pruned=pruned, strip_saved_bytes=saved, runpaths_removed=runpaths, trim_seconds=round(time.monotonic() - t, 1))
    bundle = DIST / PACKAGE
    if bundle.exists():
        shutil.rmtree(bundle)
    shutil.move(str(frozen), str(bundle))
    info["bundle_bytes"] = tree_size(bundle)
    say(f"bundle: {bundle} ({info['bundle_bytes'] / 1e6:.0f} MB; {len(pruned)} unused libraries pruned, strip saved {saved / 1e6:.0f} MB)")

    version = run([str(bundle / "briefing"), "--version"], capture_output=True).stdout.strip()
    say(f"frozen `briefing --version`: {version}")
    info["bundle_seconds"] = round(time.monotonic() - started, 1)

    if not args.no_deb:
        t = time.monotonic()
        root = BUILD / "deb-root"
        staged = stage_deb_tree(bundle, root, with_gui)
        info.update(staged)
        depends = shlib_depends(root, env)
        write_control(root, depends, with_gui)
        for old in DIST.glob(f"{PACKAGE}_*.deb"):
            old.unlink()
        deb = build_deb(root, DIST, args.xz)
        info.update(deb=str(deb.relative_to(ROOT)), deb_bytes=deb.stat().st_size, depends=depends,
                    installed_bytes=tree_size(root / "usr"), deb_compression="xz -6" if args.xz else "gzip -6",
                    deb_seconds=round(time.monotonic() - t, 1))
        say(f"package: {deb} ({deb.stat().st_size / 1e6:.0f} MB, {info['deb_compression']})")
        if not args.no_lintian:
            code, output = lintian(deb)
            (DIST / "lintian.txt").write_text(output + "\n")
            info["lintian_exit"] = code
            info["lintian_tags"] = sorted({line.split(": ", 2)[2].split()[0] for line in output.splitlines()
                                           if re.match(r"^[EWIPNXO]: [^:]+: \S", line)})
            say(f"lintian exit {code}; {len(output.splitlines())} lines (packaging/dist/lintian.txt)")
            serious = [line for line in output.splitlines() if re.match(r"^[EW]: ", line)]
            for line in serious:
                print(line)
            if not serious:
                say("lintian: no errors or warnings (info tags and overrides are in lintian.txt)")
    info["total_seconds"] = round(time.monotonic() - started, 1)
    (DIST / "build-info.json").write_text(json.dumps(info, indent=1) + "\n")
    say(f"done in {info['total_seconds']} s; details in packaging/dist/build-info.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
