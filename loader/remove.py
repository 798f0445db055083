"""Taking an article back out of the database (``diplo remove``).

A wrong file loaded by mistake, a story the outlet retracted, a duplicate
scrape: without this the only fix was to delete the database and load
everything again. Removing an article undoes what loading it did, so that the
database is as if it had never been loaded: its claims, boilerplate ranges and
reuse links go, every name it used for a speaker loses that article from its
count (and a speaker it alone quoted goes), and an outlet left with no article
goes. Claim groups, fidelity, reuse and signals are then recomputed by
``diplo match``; verdicts are keyed by the claims' wording, so one recorded on
a statement this article shared with others stays and re-attaches.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from loader.pipeline import RunLog, iter_records
from loader.sources import ReadOptions, discover
from loader.speakers import drop_if_unused, forget_article_names, settle_name
from loader.store import content_hash
from loader.transaction import transaction


@dataclass
class Removed:
    article_id: int
    source_file: str
    claims: int
    speakers_gone: int


def find_articles(conn: sqlite3.Connection, ref: str) -> list[tuple[int, str]]:
    """The articles ``ref`` names: an article id; the path they were loaded
    from, exactly as ``articles.source_file`` has it (a JSONL file names every
    record it held); or else a file or directory on disk, whose articles are
    found by their text, wherever and however the path was given at load
    time."""
    if ref.isdigit():
        rows = conn.execute("SELECT id, source_file FROM articles WHERE id = ?", [int(ref)])
        return [(r[0], r[1]) for r in rows]
    rows = conn.execute(
        "SELECT id, source_file FROM articles WHERE source_file = ? ORDER BY id", [ref]
    ).fetchall()
    if rows or not Path(ref).exists():
        return [(r[0], r[1]) for r in rows]
    log = RunLog()
    hashes = [
        content_hash(record.text)
        for record in iter_records(discover([ref], None, log.errors), ReadOptions(), log)
    ]
    found: dict[int, str] = {}
    for digest in hashes:
        for r in conn.execute(
            "SELECT id, source_file FROM articles WHERE content_hash = ?", [digest]
        ):
            found[r[0]] = r[1]
    return sorted(found.items())


def remove_article(conn: sqlite3.Connection, article_id: int) -> Removed | None:
    """Delete one article and everything loading it added, in one transaction.

    A name the aliases file gives a speaker is counted in every article of
    that speaker, so it stays the most used and survives here as on load."""
    with transaction(conn):
        # claim groups still point at the claims; they are fixed up below and
        # rebuilt by the next match, so check references only at COMMIT
        conn.execute("PRAGMA defer_foreign_keys = ON")
        row = conn.execute(
            "SELECT source_file, outlet_id FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        if row is None:
            return None
        source_file, outlet_id = row
        claim_ids = [
            r[0] for r in conn.execute("SELECT id FROM claims WHERE article_id = ?", [article_id])
        ]
        speakers = {
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT speaker_id FROM claims WHERE article_id = ? "
                "AND speaker_id IS NOT NULL",
                [article_id],
            )
        }
        forget_article_names(conn, article_id)
        _delete_claims(conn, article_id, claim_ids)
        gone = _settle_speakers(conn, speakers)
        if outlet_id is not None:
            conn.execute(
                "DELETE FROM outlets WHERE id = ? AND NOT EXISTS "
                "(SELECT 1 FROM articles WHERE outlet_id = ?)",
                [outlet_id, outlet_id],
            )
    return Removed(article_id, source_file, len(claim_ids), gone)


def _delete_claims(conn: sqlite3.Connection, article_id: int, claim_ids: list[int]) -> None:
    """The article's claims, boilerplate and reuse links go, and the article;
    claim groups only they were in go too, the others forget them."""
    marks = ",".join("?" * len(claim_ids))
    if claim_ids:
        conn.execute(
            f"DELETE FROM claim_group_suggestions WHERE claim_id IN ({marks}) "
            f"OR other_claim_id IN ({marks})",
            claim_ids + claim_ids,
        )
        conn.execute(
            f"UPDATE claim_groups SET first_claim_id = NULL WHERE first_claim_id IN ({marks})",
            claim_ids,
        )
    conn.execute(
        "UPDATE claim_groups SET first_article_id = NULL WHERE first_article_id = ?",
        [article_id],
    )
    conn.execute(
        "DELETE FROM article_reuse WHERE earlier_article_id = ? OR later_article_id = ?",
        [article_id, article_id],
    )
    conn.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
    conn.execute(
        "DELETE FROM claim_groups WHERE id NOT IN "
        "(SELECT group_id FROM claims WHERE group_id IS NOT NULL)"
    )
    conn.execute("DELETE FROM article_boilerplate WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _settle_speakers(conn: sqlite3.Connection, speakers: set[int]) -> int:
    """Speakers the article quoted: those still quoted elsewhere settle their
    name again, the others go; returns how many went."""
    gone = 0
    for speaker_id in sorted(speakers):
        if conn.execute(
            "SELECT 1 FROM claims WHERE speaker_id = ? LIMIT 1", [speaker_id]
        ).fetchone():
            settle_name(conn, speaker_id)
            continue
        # a group left pointing at them is rebuilt by the next match
        conn.execute("UPDATE claim_groups SET speaker_id = NULL WHERE speaker_id = ?", [speaker_id])
        gone += drop_if_unused(conn, speaker_id)
    return gone
