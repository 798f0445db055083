"""One explicit SQLite transaction, shared by every writer.

Writers use plain SQL inside ``BEGIN``/``COMMIT`` because sqlite-utils'
insert helpers and Python's implicit transactions commit on their own, which
would break "an article lands whole or not at all" and "a failed match leaves
the previous groups intact".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


class Rollback(Exception):
    """Raise inside :func:`transaction` to undo it without an error."""


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Commit the block's writes together, or none of them.

    ``BEGIN IMMEDIATE`` takes the write lock up front, waiting for another
    writer (the connection's busy timeout) instead of failing: a deferred
    ``BEGIN`` that read first and then wrote gets "database is locked" at once
    when another load committed in between (SQLite cannot upgrade a stale
    snapshot), which broke concurrent loads now and then.
    """
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except Rollback:
        conn.execute("ROLLBACK")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
