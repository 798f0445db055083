"""Benchmark: `diplo load` on a Dask LocalCluster against `--processes`, same texts.

Loads the same directory of articles into a fresh database with
``--processes 1``, ``--dask-local 1``, ``--processes 2`` and ``--dask-local 2``
(``--no-match``, so only reading, analysis and writing are timed), each as
its own ``diplo`` process, timed from start to exit: cluster start-up and the
workers' model loading count against Dask. Runs are interleaved and repeated;
the best of each is reported, as contention from other jobs only ever adds.

    python bench/bench_dask.py /work/shared/eval/polnear/dev/text --repeat 2
    python bench/bench_dask.py /work/shared/eval/polnear/train/text --limit 250 --repeat 1

Each run reports wall and CPU time (CPU of the loader and all its workers,
the fairer figure on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CONFIGS = (
    ("--processes 1", ["--processes", "1"]),
    ("--dask-local 1", ["--dask-local", "1"]),
    ("--processes 2", ["--processes", "2"]),
    ("--dask-local 2", ["--dask-local", "2"]),
)


def run_once(texts: Path, args: list[str]) -> tuple[float, float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        command = [sys.executable, "-m", "loader", "load", str(db), str(texts), "--no-match"]
        started, before = time.perf_counter(), _children_cpu()
        done = subprocess.run([*command, *args], capture_output=True, text=True)
        elapsed, cpu = time.perf_counter() - started, _children_cpu() - before
        if done.returncode != 0 and "articles loaded" not in done.stderr:  # 1: some bad inputs
            sys.exit(f"load {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        summary = done.stderr.strip().splitlines()[-1]
        return elapsed, cpu, summary.split(": ", 1)[1].split(" (")[0]


def _first(texts: Path, limit: int) -> Path:
    """A directory of links to the first ``limit`` article files of ``texts``
    (the corpus is read in place, never copied)."""
    folder = Path(tempfile.mkdtemp(prefix="bench-dask-"))
    files = sorted(p for p in texts.iterdir() if p.suffix in (".txt", ".md", ".json", ".jsonl"))
    for path in files[:limit]:
        (folder / path.name).symlink_to(path.resolve())
    return folder


def _children_cpu() -> float:
    """CPU seconds of every finished descendant (workers are reaped by the
    loader, the loader by us): the fairer figure on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", type=Path, help="directory of articles to load")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--limit", type=int, help="only the first N files (by name), to amortise start-up less"
    )
    args = parser.parse_args()
    if args.limit:
        args.texts = _first(args.texts, args.limit)
    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    for round_ in range(args.repeat):
        for name, extra in CONFIGS:
            elapsed, cpu, loaded = run_once(args.texts, extra)
            best[name] = min(best.get(name, elapsed), elapsed)
            best_cpu[name] = min(best_cpu.get(name, cpu), cpu)
            print(
                f"round {round_ + 1}: {name:<15} {elapsed:7.2f} s wall {cpu:7.2f} s CPU ({loaded}),"
                f" load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    print(
        f"\n{'configuration':<15} {'best wall':>9} {'vs --processes':>15} {'best CPU':>9} {'vs':>7}"
    )
    for name, _ in CONFIGS:
        base = name.replace("--dask-local", "--processes")
        print(
            f"{name:<15} {best[name]:>9.2f} {best[name] / best[base]:>14.3f}x"
            f" {best_cpu[name]:>9.2f} {best_cpu[name] / best_cpu[base]:>6.3f}x"
        )


if __name__ == "__main__":
    main()
