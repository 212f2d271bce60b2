"""The pure-Python pieces of packaging/ (the package build itself is `make package-test`, not CI)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(PACKAGING))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


@pytest.mark.parametrize(
    ("executable", "program"),
    [
        ("/usr/lib/briefing-reader/briefing-reader", "gui"),
        ("/usr/lib/briefing-reader/briefing", "cli"),
        ("C:\\Program Files\\Briefing Reader\\briefing-reader.exe", "gui"),
        ("/Applications/Briefing Reader.app/Contents/MacOS/briefing", "cli"),
    ],
)
def test_launcher_picks_the_program_from_the_executable_name(executable, program):
    assert load("launcher").program_for(executable.replace("\\", "/")) == program


def test_compare_reports_differences_and_ignores_volatile_fields(monkeypatch):
    compare = load("compare_analyses")
    a = {"document": {"id": "x", "built": 1}, "actors": [{"name": "Egypt"}]}
    b = {"document": {"id": "x", "built": 2}, "actors": [{"name": "Egypt"}, {"name": "Sudan"}]}
    diff = compare.differences(a, b)
    assert "$.document.built: 1 != 2" in diff
    assert "$.actors: 1 items != 2 items" in diff
    monkeypatch.setattr(compare, "VOLATILE", ("document.built",))
    assert compare.differences(compare.drop_volatile(a), compare.drop_volatile(dict(b, actors=a["actors"]))) == []


def test_only_plain_libraries_are_pruned_and_wheel_libs_are_not_stripped(tmp_path):
    build = load("build")
    internal = tmp_path / "_internal"
    assert build.is_plain_library(internal / "libgtk-3.so.0")
    assert not build.is_plain_library(internal / "libpython3.11.so.1.0")
    assert not build.is_plain_library(internal / "numpy" / "_core" / "_multiarray_umath.cpython-311-x86_64-linux-gnu.so")
    assert not build.is_plain_library(internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so")
    assert build.in_libs_dir(internal / "numpy.libs" / "libscipy_openblas64_.so", tmp_path)
    assert not build.in_libs_dir(internal / "libscipy_openblas64_.so", tmp_path)


def test_missing_build_tools_give_the_exact_apt_get_line(monkeypatch, capsys):
    build = load("build")
    monkeypatch.setattr(build.shutil, "which", lambda tool: None if tool in ("patchelf", "lintian") else f"/usr/bin/{tool}")
    monkeypatch.setattr(build, "HOST_LIBS", {"libxcb-icccm4": "/nonexistent/libxcb-icccm.so.4"})
    with pytest.raises(SystemExit):
        build.check_tools(want_deb=True, want_lintian=True)
    assert "sudo apt-get install patchelf lintian libxcb-icccm4" in capsys.readouterr().out
