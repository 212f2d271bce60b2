"""The wheel is a whole engine: built from a copy of the tree, installed into a fresh venv, it
analyses the sample exactly as the source tree does (its lexicons and rules came with it)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "sample-briefing.md"


def declared_packages() -> list[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["tool"]["setuptools"]["packages"]


def test_every_code_package_and_resource_folder_is_declared():
    declared = set(declared_packages())
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "reader").rglob("__init__.py")}
    data = {f"reader.resources_data.{d.name}" for d in (ROOT / "resources").iterdir() if d.is_dir()}
    assert code | data | {"reader.resources_data"} == declared


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy, so the checkout gets no build/ folder and no egg-info."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ("reader", "resources"):
        shutil.copytree(ROOT / name, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(tree)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("briefing_reader-*.whl")
    return found


def test_the_wheel_carries_every_resource_file(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("lexicons", "patterns", "samples", "timex"):
        for path in (ROOT / "resources" / folder).iterdir():
            assert f"reader/resources_data/{folder}/{path.name}" in names
    assert "reader/resources_data/icons/briefing-reader.svg" in names


@pytest.mark.slow
def test_the_installed_wheel_analyses_the_sample_like_the_source_tree(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The wheel alone goes into the fresh venv; its dependencies (spaCy and the model, hundreds
    # of megabytes) are lent by this environment's site-packages, after the venv's own.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    lent = [p for p in sys.path if p.endswith("site-packages")]
    (Path(site) / "lent-dependencies.pth").write_text("\n".join(lent) + "\n", encoding="utf-8")

    where = subprocess.run(
        [str(python), "-c", "import reader.resources as r; print(r.__file__); print(r.resources_dir())"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.split()
    assert all(line.startswith(str(env_dir)) for line in where), where

    def analyse(briefing: Path) -> dict:
        done = subprocess.run(
            [str(briefing), "analyze", str(SAMPLE), "--json"], check=True, capture_output=True, text=True, cwd=tmp_path
        )
        return json.loads(done.stdout)

    installed = analyse(env_dir / "bin" / "briefing")
    source = analyse(Path(sys.executable).parent / "briefing")
    assert installed["actors"] and installed["events"]
    assert installed == source
