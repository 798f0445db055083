"""The persistent matching index: what lets a load match only what it added.

Four tables, written by every full match and kept up to date by every
incremental one (loader/matching/incremental.py):

- ``match_claims``: per matched claim its block (speaker id; 0 for the
  outlet's own claims; NULL: never compared), article, day and the hashes of
  its word bigrams, so its postings can be found again after the claim is gone;
- ``match_postings``: (block, bigram hash, claim id), the inverted index of
  ``candidates.candidate_pairs`` kept on disk;
- ``match_pairs``: every scored pair at or above SUGGEST_SCORE, with whether it
  is confident (``auto``): the edges groups are built from;
- ``match_changes``: claims deleted or changed since the last match (filled by
  triggers, so ``diplo remove``, an aliases file re-pointing a speaker or new
  metadata for an article are all seen), with the group they were in.

Article reuse keeps its own index beside these (loader/matching/reuse_index.py).

Bigrams are stored as 64-bit BLAKE2 hashes: two different bigrams of one
speaker colliding is about as likely as one in 10^6 at ten million bigrams.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import sqlite3
from array import array
from collections.abc import Iterable, Iterator

from loader.matching import reuse_index
from loader.matching.candidates import ClaimItem
from loader.matching.normalise import claim_text
from loader.matching.sql import rows_in

# Bump when a threshold or the hash changes: a stale index forces a full match.
INDEX_VERSION = "3"
OUTLET_BLOCK = 0

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS match_claims (
    claim_id INTEGER PRIMARY KEY,
    block INTEGER,
    article_id INTEGER NOT NULL,
    day INTEGER,
    bigrams BLOB NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS match_postings (
    block INTEGER NOT NULL,
    bigram INTEGER NOT NULL,
    claim_id INTEGER NOT NULL,
    PRIMARY KEY (block, bigram, claim_id)
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS match_pairs (
    claim_id INTEGER NOT NULL,
    other_claim_id INTEGER NOT NULL,
    score REAL NOT NULL,
    auto INTEGER NOT NULL,
    PRIMARY KEY (claim_id, other_claim_id)
) WITHOUT ROWID""",
    """CREATE INDEX IF NOT EXISTS match_claims_block ON match_claims (block)""",
    """CREATE INDEX IF NOT EXISTS match_pairs_other ON match_pairs (other_claim_id)""",
    """CREATE TABLE IF NOT EXISTS match_changes (claim_id INTEGER NOT NULL, group_id INTEGER)""",
    """CREATE TRIGGER IF NOT EXISTS match_claim_deleted AFTER DELETE ON claims
BEGIN
    INSERT INTO match_changes VALUES (old.id, old.group_id);
END""",
    """CREATE TRIGGER IF NOT EXISTS match_claim_changed
AFTER UPDATE OF speaker_id, kind, content, stated_on, article_id ON claims
WHEN old.speaker_id IS NOT new.speaker_id OR old.kind IS NOT new.kind
    OR old.content IS NOT new.content OR old.stated_on IS NOT new.stated_on
    OR old.article_id IS NOT new.article_id
BEGIN
    INSERT INTO match_changes VALUES (old.id, old.group_id);
END""",
    """CREATE TRIGGER IF NOT EXISTS match_article_changed
AFTER UPDATE OF published, outlet_id ON articles
WHEN old.published IS NOT new.published OR old.outlet_id IS NOT new.outlet_id
BEGIN
    INSERT INTO match_changes SELECT id, group_id FROM claims WHERE article_id = old.id;
END""",
)


def ensure_index(conn: sqlite3.Connection) -> None:
    """Create the tables and triggers (statement by statement: ``executescript``
    would commit the caller's transaction)."""
    for statement in SCHEMA:
        conn.execute(statement)
    reuse_index.ensure(conn)


def index_ready(conn: sqlite3.Connection) -> bool:
    """Whether the last match left an index this code can continue from."""
    row = conn.execute("SELECT value FROM diplo_meta WHERE key = 'match_index'").fetchone()
    return row is not None and row[0] == INDEX_VERSION


def day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def block_of(item: ClaimItem) -> int | None:
    block = item.block
    return OUTLET_BLOCK if block == "outlet" else block


@functools.lru_cache(maxsize=1 << 18)
def bigram_hash(bigram: tuple[str, str]) -> int:
    """Stable across processes (``hash`` is salted); cached, as word bigrams
    repeat across claims."""
    digest = hashlib.blake2b(" ".join(bigram).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def hashes_of(item: ClaimItem) -> list[int]:
    return sorted(bigram_hash(b) for b in item.text.bigrams)


CLAIM_SELECT = """SELECT c.id, c.article_id, c.speaker_id, c.kind, c.content, c.stated_on,
       a.published
   FROM claims c JOIN articles a ON a.id = c.article_id"""


def item_from_row(row: tuple) -> ClaimItem:
    cid, aid, speaker_id, kind, content, stated_on, published = row
    when = day(published) or day(stated_on)
    return ClaimItem(cid, aid, speaker_id, kind, when, content, claim_text(content))


def items_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> Iterator[ClaimItem]:
    """Claims as matching sees them, in id order, read in bounded chunks."""
    for row in rows_in(conn, CLAIM_SELECT + " WHERE c.id IN ({marks}) ORDER BY c.id", ids):
        yield item_from_row(row)


def add_claims(conn: sqlite3.Connection, items: Iterable[ClaimItem]) -> None:
    """Record claims and their postings (inside the caller's transaction)."""
    claim_rows, posting_rows = [], []
    for item in items:
        block = block_of(item)
        hashes = hashes_of(item)
        claim_rows.append((item.id, block, item.article_id, item.day, array("q", hashes).tobytes()))
        if block is not None:
            posting_rows.extend((block, h, item.id) for h in hashes)
    conn.executemany("INSERT OR REPLACE INTO match_claims VALUES (?, ?, ?, ?, ?)", claim_rows)
    # in key order: appending to the B-tree is several times faster than random inserts
    posting_rows.sort()
    conn.executemany("INSERT OR IGNORE INTO match_postings VALUES (?, ?, ?)", posting_rows)


def drop_claim(conn: sqlite3.Connection, claim_id: int) -> tuple[int | None, list[int]]:
    """Forget one claim's postings and pairs; (its block, its bigram hashes)."""
    row = conn.execute(
        "SELECT block, bigrams FROM match_claims WHERE claim_id = ?", [claim_id]
    ).fetchone()
    if row is None:
        return None, []
    block, blob = row
    hashes = list(array("q", blob))
    if block is not None:
        conn.executemany(
            "DELETE FROM match_postings WHERE block = ? AND bigram = ? AND claim_id = ?",
            [(block, h, claim_id) for h in hashes],
        )
    conn.execute("DELETE FROM match_claims WHERE claim_id = ?", [claim_id])
    return block, hashes


def posting(conn: sqlite3.Connection, block: int, bigram: int) -> list[int]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT claim_id FROM match_postings WHERE block = ? AND bigram = ?", [block, bigram]
        )
    ]


def posting_size(conn: sqlite3.Connection, block: int, bigram: int, limit: int) -> int:
    """Claims in one posting, counted up to ``limit`` (the cap is all that matters)."""
    return conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM match_postings WHERE block = ? AND bigram = ?"
        " LIMIT ?)",
        [block, bigram, limit],
    ).fetchone()[0]


def neighbours(conn: sqlite3.Connection, claim_id: int, auto_only: bool) -> list[int]:
    where = " AND auto = 1" if auto_only else ""
    return [
        r[0]
        for r in conn.execute(
            f"SELECT other_claim_id FROM match_pairs WHERE claim_id = ?{where}"
            f" UNION SELECT claim_id FROM match_pairs WHERE other_claim_id = ?{where}",
            [claim_id, claim_id],
        )
    ]


def write_pairs(conn: sqlite3.Connection, pairs: dict[tuple[int, int], tuple[float, bool]]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO match_pairs VALUES (?, ?, ?, ?)",
        [(a, b, score, int(auto)) for (a, b), (score, auto) in sorted(pairs.items())],
    )


def rebuild(
    conn: sqlite3.Connection,
    items: Iterable[ClaimItem],
    pairs: dict[tuple[int, int], tuple[float, bool]],
) -> None:
    """The whole index from a full match (inside its transaction)."""
    for table in ("match_claims", "match_postings", "match_pairs", "match_changes"):
        conn.execute(f"DELETE FROM {table}")
    add_claims(conn, items)
    write_pairs(conn, pairs)
    conn.execute(
        "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES ('match_index', ?)",
        [INDEX_VERSION],
    )
