"""The persistent reuse index: what lets a load find only its own articles' reuse.

Written whole by every full match (``Rebuild``), kept current by every
incremental one (loader/matching/reuse_update.py):

- ``reuse_articles``: each article's outlet, size (distinct shingles with its
  quotations, ``article_shingles``: the denominator of containment) and
  shingle list (``shingle_list``: boilerplate spans and quotations skipped,
  in text order) as indexed, so what a removed or changed article
  contributed can be taken out again;
- ``reuse_postings``: (shingle, article, outlet) for every distinct shingle
  of every article: exact postings, no sampling;
- ``reuse_outlet_counts``: in how many of an outlet's articles each shingle
  is, the outlet boilerplate rule's counts; a partial index over the counts
  of BOILERPLATE_MIN_ARTICLES and more reads an outlet's boilerplate at once;
- ``reuse_links``: every pair over the thresholds, directed, before the
  shared-source step (``reuse.raw_links``), keyed by (lower id, higher id):
  the shared-source step of the links near a change is redone from them;
- ``match_article_changes``: articles added, removed or changed since the
  last match (publication date, outlet, boilerplate spans, the outlet's
  name, domain or kind), filled by triggers.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterable

from loader.matching import thresholds as T
from loader.matching.reuse import Reuse
from loader.matching.rows import reuse_row

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS reuse_articles (
    article_id INTEGER PRIMARY KEY,
    outlet_id INTEGER,
    size INTEGER NOT NULL,
    shingles BLOB NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS reuse_articles_outlet ON reuse_articles (outlet_id)",
    """CREATE TABLE IF NOT EXISTS reuse_postings (
    shingle INTEGER NOT NULL,
    article_id INTEGER NOT NULL,
    outlet_id INTEGER,
    PRIMARY KEY (shingle, article_id)
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS reuse_outlet_counts (
    outlet_id INTEGER NOT NULL,
    shingle INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, shingle)
) WITHOUT ROWID""",
    f"""CREATE INDEX IF NOT EXISTS reuse_outlet_frequent ON reuse_outlet_counts (outlet_id, n)
    WHERE n >= {T.BOILERPLATE_MIN_ARTICLES}""",
    """CREATE TABLE IF NOT EXISTS reuse_links (
    article_id INTEGER NOT NULL,
    other_article_id INTEGER NOT NULL,
    earlier_article_id INTEGER NOT NULL,
    later_article_id INTEGER NOT NULL,
    containment REAL NOT NULL,
    basis TEXT NOT NULL,
    reverse_containment REAL NOT NULL,
    shared_words INTEGER NOT NULL,
    PRIMARY KEY (article_id, other_article_id)
) WITHOUT ROWID""",
    "CREATE INDEX IF NOT EXISTS reuse_links_other ON reuse_links (other_article_id)",
    "CREATE TABLE IF NOT EXISTS match_article_changes (article_id INTEGER NOT NULL)",
    *(
        f"""CREATE TRIGGER IF NOT EXISTS reuse_changed_{name} AFTER {event}
{when}BEGIN
    INSERT INTO match_article_changes {what};
END"""
        for name, event, when, what in (
            ("article_added", "INSERT ON articles", "", "VALUES (new.id)"),
            ("article_deleted", "DELETE ON articles", "", "VALUES (old.id)"),
            (
                "article_dated",
                "UPDATE OF published, outlet_id ON articles",
                "WHEN old.published IS NOT new.published OR old.outlet_id IS NOT new.outlet_id\n",
                "VALUES (old.id)",
            ),
            ("boilerplate_added", "INSERT ON article_boilerplate", "", "VALUES (new.article_id)"),
            ("boilerplate_deleted", "DELETE ON article_boilerplate", "", "VALUES (old.article_id)"),
            (
                "outlet_renamed",
                "UPDATE OF name, domain, kind ON outlets",
                "WHEN old.name IS NOT new.name OR old.domain IS NOT new.domain"
                " OR old.kind IS NOT new.kind\n",
                "SELECT id FROM articles WHERE outlet_id = old.id",
            ),
        )
    ),
)

# What earlier versions kept instead (a shingle cache and a changed-articles
# flag): dropped so they cost neither space nor trigger time.
OBSOLETE = (
    "DROP TRIGGER IF EXISTS match_article_deleted",
    "DROP TRIGGER IF EXISTS match_boilerplate_added",
    "DROP TRIGGER IF EXISTS match_boilerplate_deleted",
    *(
        f"DROP TRIGGER IF EXISTS match_flag_{name}"
        for name in (
            "article_added",
            "article_deleted",
            "article_dated",
            "boilerplate_added",
            "boilerplate_deleted",
        )
    ),
    "DROP TABLE IF EXISTS match_shingles",
    "DELETE FROM diplo_meta WHERE key = 'match_articles_changed'",
)

TABLES = ("reuse_articles", "reuse_postings", "reuse_outlet_counts", "reuse_links")
LINK_COLUMNS = """earlier_article_id, later_article_id, containment, basis,
    reverse_containment, shared_words"""


def ensure(conn: sqlite3.Connection) -> None:
    """Create the tables and triggers, drop what they replace (and tables of
    an older layout: they are derived, the next full match refills them)."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(reuse_articles)")}
    if columns and "size" not in columns:
        for table in TABLES:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in (*SCHEMA, *OBSOLETE):
        conn.execute(statement)


def pack(shingles: list[int]) -> bytes:
    return array("I", shingles).tobytes()


def unpack(blob: bytes) -> list[int]:
    return list(array("I", blob))


def need(articles: int) -> float:
    """Articles of one outlet a shingle must be in to be its boilerplate
    (reuse._boilerplate_shingles)."""
    return max(T.BOILERPLATE_MIN_ARTICLES, T.BOILERPLATE_OUTLET_SHARE * articles)


def outlet_sizes(conn: sqlite3.Connection) -> dict[int, int]:
    """Indexed articles per outlet (from the outlet index alone)."""
    return dict(
        conn.execute(
            "SELECT outlet_id, count(*) FROM reuse_articles"
            " WHERE outlet_id IS NOT NULL GROUP BY outlet_id"
        )
    )


def boilerplate(conn: sqlite3.Connection, outlet_id: int, articles: int) -> set[int]:
    """The outlet's boilerplate shingles as the index stands (read through
    the partial index: the literal lower bound lets SQLite use it)."""
    if articles < T.BOILERPLATE_MIN_ARTICLES:
        return set()
    return {
        r[0]
        for r in conn.execute(
            "SELECT shingle FROM reuse_outlet_counts WHERE outlet_id = ? AND n >= ?"
            f" AND n >= {T.BOILERPLATE_MIN_ARTICLES}",
            [outlet_id, need(articles)],
        )
    }


def link_row(r: Reuse) -> tuple:
    """A reuse_links row: the pair's (lower id, higher id), then its
    article_reuse row."""
    low, high = sorted((r.earlier_article_id, r.later_article_id))
    return (low, high, *reuse_row(r))


def write_links(conn: sqlite3.Connection, links: Iterable[Reuse]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO reuse_links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        sorted(link_row(r) for r in links),
    )


class Rebuild:
    """The whole index from a full match: articles added as they are
    shingled (in id order), postings gathered unsorted in a temporary table
    and moved in key order by SQLite's own sort (bounded memory), the
    outlet counts summed by SQLite."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # written before the match's own transaction: until that commits, the
        # next match must be a full one
        conn.execute("DELETE FROM diplo_meta WHERE key = 'match_index'")
        for table in (*TABLES, "match_article_changes"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DROP TABLE IF EXISTS temp.reuse_postings_new")
        conn.execute("CREATE TEMP TABLE reuse_postings_new (shingle, article_id, outlet_id)")
        self.articles: list[tuple] = []
        self.postings: list[tuple] = []

    def add(self, article_id: int, outlet_id: int | None, shingles: list[int], size: int) -> None:
        self.articles.append((article_id, outlet_id, size, pack(shingles)))
        self.postings.extend((s, article_id, outlet_id) for s in set(shingles))
        if len(self.postings) > 200_000:
            self._flush()

    def _flush(self) -> None:
        self.conn.executemany("INSERT INTO reuse_articles VALUES (?, ?, ?, ?)", self.articles)
        self.conn.executemany("INSERT INTO temp.reuse_postings_new VALUES (?, ?, ?)", self.postings)
        self.articles, self.postings = [], []

    def finish(self, links: Iterable[Reuse]) -> None:
        self._flush()
        self.conn.execute(
            "INSERT INTO reuse_postings SELECT shingle, article_id, outlet_id"
            " FROM temp.reuse_postings_new ORDER BY shingle, article_id"
        )
        self.conn.execute(
            "INSERT INTO reuse_outlet_counts SELECT outlet_id, shingle, count(*)"
            " FROM temp.reuse_postings_new WHERE outlet_id IS NOT NULL"
            " GROUP BY outlet_id, shingle ORDER BY outlet_id, shingle"
        )
        self.conn.execute("DROP TABLE temp.reuse_postings_new")
        write_links(self.conn, links)


def add_article(
    conn: sqlite3.Connection, article_id: int, outlet_id: int | None, shingles: list[int], size: int
) -> None:
    """Index one article (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO reuse_articles VALUES (?, ?, ?, ?)",
        [article_id, outlet_id, size, pack(shingles)],
    )
    distinct = sorted(set(shingles))
    conn.executemany(
        "INSERT INTO reuse_postings VALUES (?, ?, ?)",
        [(s, article_id, outlet_id) for s in distinct],
    )
    if outlet_id is not None:
        conn.executemany(
            "INSERT INTO reuse_outlet_counts VALUES (?, ?, 1)"
            " ON CONFLICT (outlet_id, shingle) DO UPDATE SET n = n + 1",
            [(outlet_id, s) for s in distinct],
        )


def drop_article(conn: sqlite3.Connection, article_id: int) -> tuple[int | None, list[int]] | None:
    """Take one article out of the index; (its outlet, its shingle list) as
    indexed, None when it was not indexed."""
    row = conn.execute(
        "SELECT outlet_id, shingles FROM reuse_articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    outlet_id, shingles = row[0], unpack(row[1])
    distinct = sorted(set(shingles))
    conn.executemany(
        "DELETE FROM reuse_postings WHERE shingle = ? AND article_id = ?",
        [(s, article_id) for s in distinct],
    )
    if outlet_id is not None:
        keys = [(outlet_id, s) for s in distinct]
        conn.executemany(
            "UPDATE reuse_outlet_counts SET n = n - 1 WHERE outlet_id = ? AND shingle = ?", keys
        )
        conn.executemany(
            "DELETE FROM reuse_outlet_counts WHERE outlet_id = ? AND shingle = ? AND n <= 0", keys
        )
    conn.execute("DELETE FROM reuse_articles WHERE article_id = ?", [article_id])
    return outlet_id, shingles
