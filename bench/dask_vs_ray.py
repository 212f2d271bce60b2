"""Dask against Ray for analyze-archive: install size, cluster start, and the 417 BBC articles on 2 workers.

    python -m bench.dask_vs_ray --engine dask|ray [--workers 2]

Both run the same task, `reader.archive.runner.analyse_group` (an Engine per worker process,
groups of 27 files, compressed shard returned to the client), over the 417 BBC articles:
`--engine dask` with a `distributed.LocalCluster` of N single-threaded processes, `--engine ray`
with `ray.init(num_cpus=N)` and the function as a remote task. Printed: the installed size of
the framework and of what it pulled in beyond this project's own dependencies (pass
`--site-packages` of a venv holding only it), seconds to start the cluster, seconds to analyse
everything (model loading included), and the peak memory each worker reported. Ray is not a
dependency: measure it in a venv of its own that can also import this project.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "bbc-politics" / "txt"


def groups(size: int = 27) -> list[list[Path]]:
    files = sorted(CORPUS.glob("*.txt"))
    return [files[i : i + size] for i in range(0, len(files), size)]


def run_dask(workers: int) -> tuple[float, float, list[float]]:
    from distributed import Client, LocalCluster, as_completed

    from reader.archive.runner import _load, analyse_group

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    started = time.perf_counter() - t0
    t0 = time.perf_counter()
    futures = [client.submit(analyse_group, *_load(g, None), pure=False) for g in groups()]
    peaks = [f.result()[3] for f in as_completed(futures)]
    seconds = time.perf_counter() - t0
    client.close()
    cluster.close()
    return started, seconds, peaks


def run_ray(workers: int) -> tuple[float, float, list[float]]:
    import ray

    from reader.archive.runner import _load, analyse_group

    t0 = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR")
    started = time.perf_counter() - t0
    task = ray.remote(analyse_group)
    t0 = time.perf_counter()
    refs = [task.remote(*_load(g, None)) for g in groups()]
    peaks = [r[3] for r in ray.get(refs)]
    seconds = time.perf_counter() - t0
    ray.shutdown()
    return started, seconds, peaks


def size_mb(site: Path, names: list[str]) -> float:
    total = 0
    for name in names:
        for path in site.glob(name):
            files = [path] if path.is_file() else path.rglob("*")
            total += sum(f.stat().st_size for f in files if f.is_file())
    return total / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=("dask", "ray"), required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--site-packages", type=Path, help="a venv's site-packages holding only the framework, to size it")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"bench: {CORPUS} is missing; this benchmark needs ../shared", file=sys.stderr)
        return 2
    if args.site_packages:
        own = ["pip", "pip-*", "setuptools", "setuptools-*", "_distutils_hack", "pkg_resources", "distutils-precedence.pth", "__pycache__"]
        everything = sum(f.stat().st_size for f in args.site_packages.rglob("*") if f.is_file()) / 1e6
        print(f"{args.engine}: {everything - size_mb(args.site_packages, own):.1f} MB installed in a venv of its own (pip and setuptools not counted)")
    started, seconds, peaks = (run_dask if args.engine == "dask" else run_ray)(args.workers)
    print(
        f"{args.engine}: cluster of {args.workers} started in {started:.1f} s; 417 articles in {seconds:.1f} s "
        f"({417 / seconds:.2f} briefings/s, model loading included); worker peaks {', '.join(f'{p:.0f}' for p in sorted(set(peaks)))} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
