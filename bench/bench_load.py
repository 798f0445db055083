"""Benchmark: does `diplo load` stream? Peak memory and throughput by corpus size.

Generates N synthetic news articles (distinct texts, quotes, names, a dateline)
as .txt files, runs `diplo load` on them in a fresh process and reports that
process's peak RSS. Streaming means the peak stays flat as N grows.

    python bench/bench_load.py                 # 1,000 / 2,500 / 10,000 articles
    python bench/bench_load.py --sizes 200 400 # quicker
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = "Abbas Fuad Sergey Hakan Mohammed Bassam Masoud Ali Jane Maria Omar Lena".split()
LAST = "Araghchi Hussein Lavrov Fidan al-Sudani Sabbagh Pezeshkian Larijani Doe Rossi Haddad Berg".split()
ROLES = ["Foreign Minister", "Prime Minister", "spokesperson", "Defence Minister", "envoy"]
PLACES = ["BAGHDAD", "TEHRAN", "ERBIL", "ANKARA", "MOSCOW", "DAMASCUS"]
OUTLETS = [f"Outlet{i}" for i in range(40)]
TOPICS = ["security cooperation", "trade", "border control", "energy", "the ceasefire", "water"]


def article(i: int, rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    surname = name.split()[-1]
    topic = rng.choice(TOPICS)
    paragraphs = [
        f"Talks on {topic} resume, report {i}",
        f"{rng.choice(PLACES)} ({rng.choice(OUTLETS)}) — {rng.choice(ROLES)} {name} said on "
        f"Sunday that {topic} talks with {rng.randint(2, 40)} partners would resume in week {i}.",
        f"“We are working to reach an agreement on {topic} within {rng.randint(2, 90)} days,” "
        f"{surname} said.",
        f"He added that {rng.randint(3, 30)} memoranda of understanding were ready, stressing "
        f"that talks in round {i % 97} had been constructive.",
        f"Analysts said the {topic} negotiations could take {rng.randint(2, 12)} months.",
        "Read more: Unrelated story about the weather",
    ]
    return "\n\n".join(paragraphs) + "\n"


def run(size: int, processes: int) -> tuple[float, float, int]:
    rng = random.Random(size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i in range(size):
            (folder / f"a{i:06d}.txt").write_text(article(i, rng), encoding="utf-8")
        db = Path(tmp) / "bench.db"
        load = [sys.executable, "-m", "loader", "load", str(db), str(folder)]
        load += ["--processes", str(processes)]
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, *load], capture_output=True, text=True
        )
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"load failed:\n{done.stderr[-2000:]}")
        peak_kib = int(done.stdout.split()[-1])
        claims = int(done.stderr.split(" claims")[0].rsplit(" ", 1)[-1])
        return elapsed, peak_kib / 1024, claims


# Runs the load as its own child and prints that child's peak RSS (KiB), so each
# size is measured in isolation (workers of --processes count as children too).
MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(done.returncode)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2500, 10000])
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    print(f"{'articles':>9} {'claims':>8} {'seconds':>8} {'art/s':>7} {'peak RSS MiB':>13}")
    for size in sorted(args.sizes):
        elapsed, peak, claims = run(size, args.processes)
        print(f"{size:>9} {claims:>8} {elapsed:>8.1f} {size / elapsed:>7.1f} {peak:>13.1f}")


if __name__ == "__main__":
    main()
