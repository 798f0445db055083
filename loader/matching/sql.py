"""Queries over a list of ids, a bounded chunk of ids at a time.

SQLite limits the number of bound variables in one statement
(SQLITE_MAX_VARIABLE_NUMBER: 999 before 3.32, 32766 since), so
``WHERE id IN (?, ?, ...)`` over an arbitrary set of ids is run in chunks of
CHUNK_SIZE ids, well under the limit even when a statement binds its chunk
twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

CHUNK_SIZE = 500


def chunks(ids: Iterable[int], size: int = CHUNK_SIZE) -> Iterator[tuple[list[int], str]]:
    """The distinct ids in ascending order, ``size`` at a time, each chunk
    with its placeholders ("?,?,?") for ``IN ({marks})``."""
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), size):
        chunk = ordered[start : start + size]
        yield chunk, ",".join("?" * len(chunk))


def rows_in(
    conn: sqlite3.Connection, sql: str, ids: Iterable[int], size: int = CHUNK_SIZE
) -> Iterator[tuple]:
    """The rows of ``sql`` over the distinct ids, chunk by chunk in ascending
    id order (each chunk's rows in the order the statement gives them).

    ``sql`` binds the chunk once, where it says ``{marks}``: e.g.
    ``rows_in(conn, "SELECT id FROM claims WHERE id IN ({marks})", ids)``.
    The placeholder is replaced as plain text, so the rest of ``sql`` may hold
    braces; it must not bind anything else.
    """
    for chunk, marks in chunks(ids, size):
        yield from conn.execute(sql.replace("{marks}", marks), chunk)
