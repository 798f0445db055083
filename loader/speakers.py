"""One canonical speaker row per real person or body, across articles.

Extraction names speakers within one article; this module maps those names to
rows of ``speakers`` by a normalised key, so that spelling variants of one
name land on one row and every surface form lands in ``speaker_aliases``.
"""

from __future__ import annotations

import sqlite3
import unicodedata


def fold(name: str) -> str:
    """Lower-case, accent-free, single-spaced form used for comparisons."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'")
    return " ".join(plain.lower().split())


def speaker_key(name: str, kind: str, article_id: int | None = None) -> str:
    """The UNIQUE key of a speaker row.

    Unnamed groups ("analysts") are kept apart per article: two outlets'
    "analysts" are not the same people.
    """
    key = f"{kind}:{fold(name)}"
    if kind == "group" and article_id is not None:
        key += f"@{article_id}"
    return key


def upsert_speaker(
    conn: sqlite3.Connection,
    name: str,
    kind: str,
    description: str | None,
    aliases: list[str],
    article_id: int | None = None,
) -> int:
    """Insert or find the speaker row; never commits (the caller's transaction)."""
    key = speaker_key(name, kind, article_id)
    row = conn.execute("SELECT id, description FROM speakers WHERE key = ?", [key]).fetchone()
    if row:
        speaker_id = row[0]
        if description and not row[1]:
            conn.execute(
                "UPDATE speakers SET description = ? WHERE id = ?", [description, speaker_id]
            )
    else:
        speaker_id = conn.execute(
            "INSERT INTO speakers (name, kind, description, key) VALUES (?, ?, ?, ?)",
            [name, kind, description, key],
        ).lastrowid
    for alias in {name, *aliases}:
        conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
            [speaker_id, alias],
        )
    return speaker_id
