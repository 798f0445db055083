"""Grouping time of ``diplo match`` on synthetic corpora of growing size.

    PYTHONPATH=. .venv/bin/python bench/bench_match.py [--sizes 1000,10000,100000,1000000]

For each size: generate (bench/gen_claims.py, cached under /tmp), run the
whole match (candidates, scoring, groups, fidelity, article reuse, signals,
write) in a fresh process and print wall and CPU time (CPU time is the
fairer figure on a shared machine; the 1-minute load average is printed
alongside), wall time per stage, the growth factor against the previous size
(10x more claims: 10 is linear, 100 quadratic), that process's peak memory
(VmHWM: the match alone, not the generator or this process), and pairwise
precision/recall against the generator's true statements.

With ``--add 100`` the newest 100 articles of each corpus are held out of the
full match, then put back and matched incrementally (``diplo load``'s path,
loader/matching/incremental.py) in a fresh process, which reports its own
time and peak memory: the cost of a day's articles against a large archive,
beyond their language analysis.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import sqlite_utils

from bench.gen_claims import generate


def pairs(groups: dict[int, list[int]]) -> set[tuple[int, int]]:
    out = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out


def quality(db: sqlite_utils.Database) -> tuple[float, float]:
    truth: dict[int, list[int]] = defaultdict(list)
    found: dict[int, list[int]] = defaultdict(list)
    for claim_id, statement, group_id in db.execute(
        "SELECT t.claim_id, t.statement, c.group_id FROM bench_truth t JOIN claims c ON c.id = t.claim_id"
    ):
        truth[statement].append(claim_id)
        found[group_id].append(claim_id)
    t, f = pairs(truth), pairs(found)
    return len(t & f) / len(f) if f else 1.0, len(t & f) / len(t) if t else 1.0


HELD = "bench_held_articles"


def hold_out(path: Path, articles: int) -> Path:
    """A copy of the corpus without its newest ``articles`` articles, which
    wait in side tables (same ids) for ``ADD`` to put back."""
    copy = path.with_name(path.stem + f"-minus{articles}.db")
    copy.unlink(missing_ok=True)
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    conn = sqlite3.connect(copy)
    first = conn.execute("SELECT max(id) FROM articles").fetchone()[0] - articles + 1
    conn.execute(f"CREATE TABLE {HELD} AS SELECT * FROM articles WHERE id >= ?", [first])
    conn.execute(
        f"CREATE TABLE {HELD}_claims AS SELECT * FROM claims WHERE article_id >= ?", [first]
    )
    conn.execute("DELETE FROM claims WHERE article_id >= ?", [first])
    conn.execute("DELETE FROM articles WHERE id >= ?", [first])
    conn.commit()
    conn.close()
    return copy


# Puts the held-out articles back as a load would (one transaction each) and
# runs the incremental match; prints its time and this process's peak RSS.
ADD = f"""
import sys, time
import sqlite_utils
from loader.matching.incremental import update_matches
db = sqlite_utils.Database(sys.argv[1])
conn = db.conn
conn.execute("PRAGMA journal_mode = WAL")  # as diplo load opens a database
conn.execute("PRAGMA synchronous = NORMAL")
started = time.perf_counter()
for (aid,) in conn.execute("SELECT id FROM {HELD} ORDER BY id").fetchall():
    with conn:
        conn.execute("INSERT INTO articles SELECT * FROM {HELD} WHERE id = ?", [aid])
        conn.execute("INSERT INTO claims SELECT * FROM {HELD}_claims WHERE article_id = ?", [aid])
inserted = time.perf_counter() - started
s = update_matches(db)
total = time.perf_counter() - started
stages = ", ".join(f"{{k}} {{v:.1f}}s" for k, v in s.seconds.items())
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
peak = int(hwm.split()[1]) / 1024
print(f"{{total:.1f}}s ({{inserted:.1f}}s inserting; {{stages}}), peak RSS {{peak:.0f}} MiB")
"""


# The full match in a fresh process, so its peak RSS is its own.
FULL = """
import sys, time
import sqlite_utils
from loader.matching import match
db = sqlite_utils.Database(sys.argv[1])
started, cpu = time.perf_counter(), time.process_time()
s = match(db)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
stages = ", ".join(f"{k} {v:.1f}s" for k, v in s.seconds.items())
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
print(elapsed, cpu, int(hwm.split()[1]) / 1024, s.groups, s.suggestions, s.reuse_pairs, stages, sep="\t")
"""


def full_match(path: Path) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak MiB, the rest of the line) of a full match in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", FULL, str(path)], capture_output=True, text=True, check=True
    )
    elapsed, cpu, peak, groups, suggestions, reuse, stages = done.stdout.strip().split("\t")
    rest = f"({stages}); {groups} groups, {suggestions} suggestions, {reuse} reuse pairs"
    return float(elapsed), float(cpu), float(peak), rest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--add", type=int, default=0, help="articles held out, then added")
    args = parser.parse_args()
    previous = None
    for size in (int(s) for s in args.sizes.split(",")):
        path = Path(f"/tmp/diplo-bench-claims-{size}-{args.seed}.db")
        if not path.exists():
            started = time.perf_counter()
            generate(path, size, args.seed)
            print(f"generated {size} claims in {time.perf_counter() - started:.1f}s")
        if args.add:
            path = hold_out(path, args.add)
        elapsed, cpu, peak, rest = full_match(path)
        load = os.getloadavg()[0]
        growth = (
            f" (x{elapsed / previous[0]:.1f}, CPU x{cpu / previous[1]:.1f},"
            f" peak x{peak / previous[2]:.1f})"
            if previous
            else ""
        )
        db = sqlite_utils.Database(path)
        precision, recall = quality(db)
        print(
            f"{size:>7} claims: {elapsed:6.1f}s wall{growth}, {cpu:.1f}s CPU, load {load:.1f}"
            f" {rest}; pairwise precision {precision:.3f} recall {recall:.3f};"
            f" peak RSS {peak:.0f} MiB"
        )
        previous = (elapsed, cpu, peak)
        db.close()
        if args.add:
            done = subprocess.run(
                [sys.executable, "-c", ADD, str(path)], capture_output=True, text=True, check=True
            )
            print(f"{'':>7} + {args.add} articles, incremental: {done.stdout.strip()}")


if __name__ == "__main__":
    main()
