"""Page response times on a synthetic database of 1M claims.

Usage: PYTHONPATH=. python bench/bench_pages.py [--db PATH] [--rebuild] [--runs N]

Builds (once, then reuses) a database with 200 outlets, 100k articles, 1k
speakers and 1M claims in ~250k claim groups, filled with plain SQL bulk
inserts, then requests every diplo page (HTML and JSON) through
``datasette.client`` and prints median and 95th-percentile times. It also
prints EXPLAIN QUERY PLAN for every SQL statement the pages ran and flags full
scans of the large tables. Target: under 100 ms per page.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import sqlite_utils

from loader.schema import ensure_schema, ensure_views

N_OUTLETS, N_ARTICLES, N_SPEAKERS, N_CLAIMS = 200, 100_000, 1_000, 1_000_000
CLAIMS_PER_GROUP = 4
WORDS = (
    "security cooperation agreement border talks minister president government economic "
    "political cultural ties region visit framework forces withdrawal airbase officials "
    "statement deal framework energy water trade oil sanctions negotiations ceasefire aid"
).split()
LARGE_TABLES = {"claims", "articles", "claim_groups", "article_reuse", "speakers"}


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def build(path: Path) -> None:
    """Fill a fresh database; FTS is rebuilt once at the end instead of by triggers."""
    if path.exists():
        path.unlink()
    rng = random.Random(42)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    conn = db.conn
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f"DROP TRIGGER [{name}]")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO outlets (id, name, domain) VALUES (?, ?, ?)",
        [(i, f"Outlet {i}", f"outlet{i}.example") for i in range(1, N_OUTLETS + 1)],
    )
    conn.executemany(
        "INSERT INTO speakers (id, name, kind, description, key) VALUES (?, ?, 'person', ?, ?)",
        [
            (i, f"Speaker {i}", f"Minister {i % 50}", f"speaker {i}")
            for i in range(1, N_SPEAKERS + 1)
        ],
    )
    conn.executemany(
        "INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
        [(i, f"S. {i}") for i in range(1, N_SPEAKERS + 1)],
    )
    claims_per_article = N_CLAIMS // N_ARTICLES
    article_rows, claim_rows = [], []
    claim_id = 0
    for a in range(1, N_ARTICLES + 1):
        contents = [sentence(rng, 12) for _ in range(claims_per_article)]
        text = ""
        spans = []
        for c in contents:
            filler = sentence(rng, 8) + '. Speaker said: "'
            start = len(text) + len(filler)
            text += filler + c + '." '
            spans.append((start, start + len(c)))
        # 1 article in 10 has no known date: it must stay NULL, as in real data
        day = None if a % 10 == 0 else f"2024-{1 + a % 12:02d}-{1 + a % 28:02d}"
        article_rows.append(
            (a, 1 + a % N_OUTLETS, f"Article {a}", day, text, f"hash{a}", f"{a}.txt")
        )
        for c, (s, e) in zip(contents, spans, strict=True):
            claim_id += 1
            claim_rows.append((claim_id, a, c, s, e))
    conn.executemany(
        """INSERT INTO articles (id, outlet_id, title, published, text, content_hash, source_file,
               loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01')""",
        article_rows,
    )
    # Group claims of the same speaker across different articles: claim k of
    # article a joins group (a // 4, k); all its claims share one speaker.
    groups, claims = {}, []
    for cid, a, content, s, e in claim_rows:
        k = (cid - 1) % claims_per_article
        gkey = ((a - 1) // CLAIMS_PER_GROUP, k)
        gid = groups.setdefault(gkey, len(groups) + 1)
        speaker = 1 + (gid * 7919) % N_SPEAKERS
        first = (a - 1) % CLAIMS_PER_GROUP == 0
        altered = not first and gid % 20 == 0
        diff = None if first else json.dumps([["=", content]])
        if altered:
            w = content.split(" ", 1)
            diff = json.dumps([["-", w[0]], ["+", "reportedly"], ["=", " " + w[1]]])
        claims.append(
            (
                cid,
                a,
                speaker,
                f"Speaker {speaker}",
                f"Minister {speaker % 50}",
                "said",
                "direct" if k % 2 else "indirect",
                content,
                s,
                e,
                gid,
                "altered" if altered else ("verbatim" if not first else None),
                diff,
            )
        )
    conn.executemany(
        """INSERT INTO claims (id, article_id, speaker_id, speaker_mention, speaker_description,
               cue, kind, content, content_start, content_end, group_id, fidelity, diff)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        claims,
    )
    statuses = ["single-source", "corroborated", "conflicting", "fidelity-concern"]
    group_rows = []
    for (block, k), gid in groups.items():
        first_article = block * CLAIMS_PER_GROUP + 1
        first_claim = (first_article - 1) * claims_per_article + k + 1
        outlets = 1 if gid % 5 == 0 else CLAIMS_PER_GROUP
        group_rows.append(
            (
                gid,
                1 + (gid * 7919) % N_SPEAKERS,
                CLAIMS_PER_GROUP,
                outlets,
                max(1, outlets - 1),
                first_claim,
                statuses[0] if outlets == 1 else statuses[1 + gid % 3],
                first_article,
                None if first_article % 10 == 0 else "2024-01-01",
            )
        )
    conn.executemany(
        """INSERT INTO claim_groups (id, speaker_id, claims_count, outlets_count,
               independent_outlets_count, first_claim_id, status, first_article_id,
               first_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        group_rows,
    )
    reuse = {}
    while len(reuse) < 50_000:
        a = rng.randint(1, N_ARTICLES - 1)
        b = rng.randint(a + 1, min(N_ARTICLES, a + 50))
        reuse[(a, b)] = (
            a,
            b,
            round(rng.random(), 3),
            "dates",
            round(rng.random(), 3),
            rng.randint(5, 200),
        )
    conn.executemany(
        """INSERT INTO article_reuse (earlier_article_id, later_article_id, containment, basis,
               reverse_containment, shared_words) VALUES (?, ?, ?, ?, ?, ?)""",
        list(reuse.values()),
    )
    conn.execute("COMMIT")
    for table, _cols in (("claims", None), ("articles", None)):
        conn.execute(f"INSERT INTO [{table}_fts]([{table}_fts]) VALUES ('rebuild')")
    conn.commit()
    ensure_views(db)
    conn.execute("ANALYZE")
    conn.commit()
    db.close()


def pick_ids(path: Path, rng: random.Random, n: int) -> dict[str, list[int]]:
    conn = sqlite3.connect(path)
    max_group = conn.execute("SELECT max(id) FROM claim_groups").fetchone()[0]
    conn.close()
    return {
        "groups": [rng.randint(1, max_group) for _ in range(n)],
        "speakers": [rng.randint(1, N_SPEAKERS) for _ in range(n)],
        "articles": [rng.randint(1, N_ARTICLES) for _ in range(n)],
    }


async def measure(
    path: Path, runs: int
) -> tuple[dict[str, list[float]], dict[str, float], list[tuple[str, list]]]:
    from datasette.app import Datasette

    ds = Datasette(immutables=[str(path)])
    name = path.stem
    db = ds.get_database(name)
    seen: list[tuple[str, list]] = []
    original = db.execute

    async def recording(sql, params=None, **kwargs):
        # Only the plugin's statements: Datasette's own startup queries are not page queries.
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller.startswith("datasette_diplo") and not any(s == sql for s, _ in seen):
            seen.append((sql, params))
        return await original(sql, params, **kwargs)

    db.execute = recording
    ids = pick_ids(path, random.Random(7), runs)
    pages = {
        "overview": lambda i: f"/-/diplo/{name}",
        "overview search": lambda i: f"/-/diplo/{name}?q=ceasefire+sanctions",
        "group": lambda i: f"/-/diplo/{name}/groups/{ids['groups'][i]}",
        "speaker": lambda i: f"/-/diplo/{name}/speakers/{ids['speakers'][i]}",
        "article": lambda i: f"/-/diplo/{name}/articles/{ids['articles'][i]}",
        "reuse": lambda i: f"/-/diplo/{name}/reuse",
        "reuse page 2": lambda i: f"/-/diplo/{name}/reuse?page=2",
        "reuse between": lambda i: (
            f"/-/diplo/{name}/reuse?from={1 + i % 200}&to={1 + (i * 7) % 200}"
        ),
        "search page 2": lambda i: f"/-/diplo/{name}?q=ceasefire+sanctions&page=2",
    }
    timings: dict[str, list[float]] = {}
    first: dict[str, float] = {}
    for label, make in pages.items():
        for suffix in ("", ".json"):
            key = f"{label}{' JSON' if suffix else ''}"
            times = []
            for i in range(runs + 2):
                path_ = make(i % runs)
                if suffix:
                    base, _, query = path_.partition("?")
                    path_ = base + ".json" + (f"?{query}" if query else "")
                started = time.perf_counter()
                response = await ds.client.get(path_)
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (path_, response.status_code)
                if i == 0:
                    first[key] = elapsed
                if i >= 2:  # the first two warm caches and templates
                    times.append(elapsed)
            timings[key] = times
    return timings, first, seen


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def explain(path: Path, statements: list[tuple[str, list]]) -> int:
    conn = sqlite3.connect(path)
    full_scans = 0
    for sql, params in statements:
        plan = conn.execute("EXPLAIN QUERY PLAN " + sql, params or []).fetchall()
        print("\n" + " ".join(sql.split())[:160])
        for row in plan:
            detail = row[-1]
            flag = ""
            words = detail.split()
            if words[:1] == ["SCAN"] and "INDEX" not in detail and "VIRTUAL" not in detail:
                table = words[1]
                aliases = {
                    "c": "claims",
                    "a": "articles",
                    "g": "claim_groups",
                    "r": "article_reuse",
                    "s": "speakers",
                    "o": "outlets",
                }
                if aliases.get(table, table) in LARGE_TABLES:
                    flag = "   <-- FULL SCAN of a large table"
                    full_scans += 1
            print(f"    {detail}{flag}")
    conn.close()
    return full_scans


def main() -> int:
    parser = argparse.ArgumentParser(description="diplo page timings on 1M claims")
    parser.add_argument("--db", default="/tmp/diplo-bench.db")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    path = Path(args.db)
    if args.rebuild or not path.exists():
        started = time.perf_counter()
        build(path)
        print(f"built {path} in {time.perf_counter() - started:.0f}s", file=sys.stderr)
    else:
        # An older bench database gains any index added to the schema since.
        db = sqlite_utils.Database(path)
        ensure_schema(db)
        db.execute("ANALYZE")
        db.close()
    conn = sqlite3.connect(path)
    sizes = {
        t: conn.execute(f"SELECT count(*) FROM [{t}]").fetchone()[0]
        for t in ("outlets", "articles", "speakers", "claims", "claim_groups", "article_reuse")
    }
    conn.close()
    print("database:", ", ".join(f"{v:,} {k}" for k, v in sizes.items()))
    timings, first, statements = asyncio.run(measure(path, args.runs))
    print(
        f"\n{'page':<22}{'median ms':>10}{'p95 ms':>10}{'first ms':>10}"
        f"   ({args.runs} requests each after 2 warm-up; 'first' = the very first request)"
    )
    worst = 0.0
    for key, times in timings.items():
        worst = max(worst, p95(times))
        print(f"{key:<22}{statistics.median(times):>10.1f}{p95(times):>10.1f}{first[key]:>10.1f}")
    print("\nEXPLAIN QUERY PLAN of every statement the pages ran:")
    full = explain(path, statements)
    print(f"\nworst p95: {worst:.1f} ms (target < 100 ms); full scans of large tables: {full}")
    return 0 if worst < 100 and full == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
