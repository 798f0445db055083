"""In-memory cache for the few whole-table aggregates on the overview.

Counting a million claims, or ranking speakers by statements, reads a whole
index (~0.3-0.5 s at 1M claims, see docs/performance.md). Those figures only
change when the loader writes, so they are computed once per version of the
database file and kept in memory: immutable databases (``-i``, the publishing
case) never change; a mutable file is re-read when its size or modification
time, or those of its WAL file, change. Nothing is written anywhere.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from typing import Any

# Whole-table aggregates may exceed Datasette's default 1 s query limit on a
# cold cache at a million claims; they run once per database version, so the
# queries that compute them get this limit instead.
AGGREGATE_TIME_LIMIT_MS = 20_000

_cache: dict[tuple[str, str], tuple[Any, Any]] = {}
_locks: dict[tuple[str, str], asyncio.Lock] = {}


def fingerprint(db: Any) -> Any:
    """What changes when the database's content may have changed."""
    if not db.is_mutable:
        return ("immutable", db.path)
    if not db.path:
        return None  # in-memory: no file to watch, never cached
    stamps = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(db.path + suffix)
        except OSError:
            stamps.append(None)
        else:
            stamps.append((st.st_size, st.st_mtime_ns))
    return (db.path, *stamps)


async def cached(db: Any, key: str, compute: Callable[[], Awaitable[Any]]) -> Any:
    """The value of ``compute()`` for this database version, computed once."""
    stamp = fingerprint(db)
    if stamp is None:
        return await compute()
    slot = (db.name, key)
    hit = _cache.get(slot)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    lock = _locks.setdefault(slot, asyncio.Lock())
    async with lock:
        hit = _cache.get(slot)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        value = await compute()
        _cache[slot] = (stamp, value)
        return value
