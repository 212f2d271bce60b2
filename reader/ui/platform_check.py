"""Checks made before Qt starts, so a missing screen or library is one clear line, not a Qt abort.

No Qt is imported here: a broken Qt install must still be explained.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

#: Shared libraries Qt's xcb platform plugin loads, and the Debian 12 package that ships each.
LIBRARY_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libzstd.so.1": "libzstd1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)
_SO_NAME = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")


def needs_display_message(env: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """One line saying how to run the window when there is no screen to show it on, else None."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return None
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "briefing-reader: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
        "run it on a virtual screen with `xvfb-run -a briefing-reader`, "
        "or check it without a screen with `briefing-reader --smoke-test`"
    )


def x_display_unreachable_message(env: Mapping[str, str] | None = None, proc_net_unix: Path | None = None) -> str | None:
    """When Qt will use xcb on a local display nobody is serving (stale DISPLAY), say so; else None.

    Qt itself would abort with a core dump. Only local displays (":N", "unix:N") are checked:
    their socket is /tmp/.X11-unix/XN, or the same name in the abstract namespace.
    """
    env = os.environ if env is None else env
    if not uses_xcb(env):
        return None
    display = env.get("DISPLAY", "")
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None:
        return None
    socket = f"/tmp/.X11-unix/X{match[1]}"
    if Path(socket).exists():
        return None
    try:
        table = (proc_net_unix or Path("/proc/net/unix")).read_text()
    except OSError:
        return None
    if f"@{socket}" in table:
        return None
    return (
        f"briefing-reader: no X server is listening on DISPLAY={display}; "
        "start one, or run `xvfb-run -a briefing-reader`, or `briefing-reader --smoke-test` without a screen"
    )


def uses_xcb(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether Qt will pick its X11 (xcb) platform plugin."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0].split(";")[0] == "xcb"
    wayland = env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "wayland") == "wayland"
    return bool(env.get("DISPLAY")) and not wayland


def xcb_plugin() -> Path | None:
    """PySide6's libqxcb.so, found without importing Qt."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def missing_libraries(binary: Path) -> list[str]:
    """Shared libraries ``binary`` needs that the dynamic loader cannot find (via ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        result = subprocess.run([ldd, str(binary)], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    return sorted(set(_NOT_FOUND.findall(result.stdout)))


def packages_for(libraries: list[str]) -> list[str]:
    """Debian packages for library names; a library we do not know is named as it is."""
    packages = []
    for lib in libraries:
        package = LIBRARY_PACKAGES.get(lib)
        if package is None:
            base = lib.split(".so")[0]
            package = next((p for name, p in LIBRARY_PACKAGES.items() if name.split(".so")[0] == base), None)
        packages.append(package or f"<the package providing {lib}>")
    return sorted(dict.fromkeys(packages))


def install_line(libraries: list[str]) -> str:
    return "apt-get install " + " ".join(packages_for(libraries))


def xcb_libraries_message(env: Mapping[str, str] | None = None) -> str | None:
    """When Qt will use xcb and its plugin's libraries are missing: the exact apt-get line, else None."""
    if not uses_xcb(env):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    missing = missing_libraries(plugin)
    if not missing:
        return None
    return (
        f"briefing-reader: Qt's X11 plugin cannot start: missing {', '.join(missing)}; "
        f"install them with `sudo {install_line(missing)}` (or run `briefing-reader --smoke-test` offscreen)"
    )


def import_error_message(exc: ImportError) -> str:
    """Qt failed to import (usually a missing system library): say which package to install."""
    libraries = _SO_NAME.findall(str(exc))
    if libraries:
        return (
            f"briefing-reader: Qt cannot load {libraries[0]}; "
            f"install it with `sudo {install_line(libraries[:1])}`"
        )
    return f"briefing-reader: PySide6 (Qt for Python) cannot be imported: {exc}"
