"""Regenerate the screenshots of every page in docs/ from a real database.

Usage, from the repository root: ``python -m datasette_diplo.screenshots``

Loads ``seeds/`` with the real loader (``python -m loader load``, which also
matches) into a temporary ``news.db`` (or uses ``--db PATH``), serves it with
``datasette`` and metadata.yml on a loopback port and photographs every page:
the overview, the multi-outlet group whose wording differs most, its speaker
and first article, the reuse page and Datasette's claims table, with Debian's Chromium driven by Playwright (the ``test``
extra). Never downloads a browser: ``playwright install`` is not needed.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from typing import Any

from datasette_diplo.devserver import serve

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def find_chromium() -> str | None:
    """A system Chromium: $DIPLO_CHROMIUM, then the usual Debian names."""
    candidates = [os.environ.get("DIPLO_CHROMIUM"), "/usr/bin/chromium"]
    candidates += [shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")]
    for c in candidates:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def launch_chromium(playwright: Any) -> Any:
    executable = find_chromium()
    if executable is None:
        raise RuntimeError("no chromium binary found (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def showcase_group(db_path: str) -> int | None:
    """The multi-outlet group with a known speaker and the most changed words.

    Used for the screenshot and by the browser test, which follows the speaker.
    """
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            """SELECT g.id, c.diff FROM claim_groups g JOIN claims c ON c.group_id = g.id
               WHERE g.outlets_count >= 2 AND g.speaker_id IS NOT NULL
               ORDER BY g.outlets_count DESC, g.id"""
        ).fetchall()
    finally:
        conn.close()
    best: tuple[int, int] | None = None
    for group_id, diff in rows:
        changed = 0
        if diff:
            try:
                changed = sum(1 for op, _text in json.loads(diff) if op != "=")
            except (ValueError, TypeError):
                changed = 0
        if best is None or changed > best[1]:
            best = (group_id, changed)
    return best[0] if best else None


def serve_args(db_path: str) -> list[str]:
    args = [db_path]
    metadata = pathlib.Path(__file__).resolve().parents[1] / "metadata.yml"
    if metadata.exists():
        args += ["-m", str(metadata)]
    return args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing diplo database (default: load seeds/)")
    parser.add_argument("--seeds", default="seeds", help="articles to load when --db is not given")
    parser.add_argument("--out", default="docs")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        if args.db is None:
            args.db = str(pathlib.Path(tmp) / "news.db")
            subprocess.run(
                [sys.executable, "-m", "loader", "load", args.db, args.seeds], check=True
            )
        return _shoot(args, sync_playwright)


def _shoot(args: argparse.Namespace, sync_playwright: Any) -> int:
    group_id = showcase_group(args.db)
    if group_id is None:
        print(f"{args.db}: no claim group reported by two or more outlets", file=sys.stderr)
        return 1
    name = pathlib.Path(args.db).stem
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    speaker_id, article_id = conn.execute(
        "SELECT speaker_id, first_article_id FROM claim_groups WHERE id = ?", [group_id]
    ).fetchone()
    story = conn.execute("SELECT min(earlier_article_id) FROM article_reuse").fetchone()[0]
    conn.close()
    reuse = f"/-/diplo/{name}/reuse" + (f"?story={story}" if story is not None else "")
    shots = [  # (file, path, whole page?)
        ("overview.png", f"/-/diplo/{name}", False),
        ("group.png", f"/-/diplo/{name}/groups/{group_id}", True),
        ("speaker.png", f"/-/diplo/{name}/speakers/{speaker_id}", False),
        ("article.png", f"/-/diplo/{name}/articles/{article_id}", False),
        ("reuse.png", reuse, True),
        ("claims-table.png", f"/{name}/claims", False),
    ]
    with serve(serve_args(args.db)) as base, sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for filename, path, full_page in shots:
            page.goto(base + path)
            page.screenshot(path=str(out / filename), full_page=full_page)
        browser.close()
    print(f"wrote {', '.join(str(out / f) for f, _, _ in shots)} (group {group_id})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
