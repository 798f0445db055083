"""Benchmark: `diplo load` on a Dask LocalCluster against `--processes`, same texts.

Loads the same directory of articles into a fresh database with
``--processes 1``, ``--dask-local 1``, ``--processes 2`` and ``--dask-local 2``
(``--no-match``, so only reading, analysis and writing are timed), each as
its own ``diplo`` process, timed from start to exit: cluster start-up and the
workers' model loading count against Dask. Runs are interleaved and repeated;
the best of each is reported, as contention from other jobs only ever adds.

    python bench/bench_dask.py /work/shared/eval/polnear/dev/text --repeat 2
"""

from __future__ import annotations

import argparse
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


def run_once(texts: Path, args: list[str]) -> tuple[float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        command = [sys.executable, "-m", "loader", "load", str(db), str(texts), "--no-match"]
        started = time.perf_counter()
        done = subprocess.run([*command, *args], capture_output=True, text=True)
        elapsed = time.perf_counter() - started
        if done.returncode != 0 and "articles loaded" not in done.stderr:  # 1: some bad inputs
            sys.exit(f"load {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        summary = done.stderr.strip().splitlines()[-1]
        return elapsed, summary.split(": ", 1)[1].split(" (")[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("texts", type=Path, help="directory of articles to load")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    best: dict[str, float] = {}
    for round_ in range(args.repeat):
        for name, extra in CONFIGS:
            elapsed, loaded = run_once(args.texts, extra)
            best[name] = min(best.get(name, elapsed), elapsed)
            print(f"round {round_ + 1}: {name:<15} {elapsed:7.2f} s  ({loaded})", flush=True)
    print(f"\n{'configuration':<15} {'best s':>8} {'vs --processes':>15}")
    for name, _ in CONFIGS:
        base = best[name.replace("--dask-local", "--processes")]
        print(f"{name:<15} {best[name]:>8.2f} {best[name] / base:>14.3f}x")


if __name__ == "__main__":
    main()
