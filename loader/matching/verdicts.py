"""Human input: verdicts on groups and decisions on suggested pairs.

Both are stored against stable claim keys (loader.matching.keys), never
against group or suggestion ids, and are re-attached on every match: a
re-load or a better extractor renumbers everything, the verdicts stay.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from datasette_diplo.urls import http_url
from loader.matching.keys import KeyIndex, claim_key

VERDICT_STATUSES = (
    "true",
    "mostly-true",
    "mixed",
    "misleading",
    "mostly-false",
    "false",
    "unverified",
    "unsupported",
)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def group_claim_keys(conn: sqlite3.Connection, group_id: int) -> list[str]:
    rows = conn.execute(
        """SELECT articles.content_hash, claims.content_start, claims.content_end
           FROM claims JOIN articles ON articles.id = claims.article_id
           WHERE claims.group_id = ? ORDER BY claims.id""",
        [group_id],
    ).fetchall()
    return [claim_key(*row) for row in rows]


def record_verdict(
    conn: sqlite3.Connection,
    group_id: int,
    status: str,
    note: str | None,
    evidence_url: str | None,
    by_name: str | None,
) -> int:
    """Store a verdict on the group's current claims and attach it; returns its id.

    A later verdict on the same claims supersedes an earlier one; both stay
    in ``verdicts`` as the history. Evidence must be an http or https
    address (ValueError otherwise): the group page links it, and a
    ``javascript:`` link would run when a reader clicks it.
    """
    if evidence_url is not None:
        cleaned = http_url(evidence_url)
        if cleaned is None:
            raise ValueError(f"--evidence must be an http or https address, not {evidence_url!r}")
        evidence_url = cleaned
    keys = group_claim_keys(conn, group_id)
    if not keys:
        raise LookupError(f"no claim group {group_id}")
    if conn.in_transaction:
        conn.commit()
    with conn:
        verdict_id = conn.execute(
            """INSERT INTO verdicts (claim_keys, status, note, evidence_url, by_name, created_at)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [json.dumps(keys), status, note, evidence_url, by_name, _now()],
        ).lastrowid
        conn.execute("UPDATE claim_groups SET verdict_id = ? WHERE id = ?", [verdict_id, group_id])
    return verdict_id


def attach_verdicts(conn: sqlite3.Connection, keys: KeyIndex, group_of: dict[int, int]) -> int:
    """Point each group at its latest verdict; inside the caller's transaction.

    A verdict follows the group holding most of its claims (ties: the lowest
    group id), so a group that gained a report keeps its verdict and a group
    split in two keeps it on the larger part.
    """
    attached: dict[int, int] = {}
    for verdict_id, claim_keys in conn.execute(
        "SELECT id, claim_keys FROM verdicts ORDER BY created_at, id"
    ):
        votes: dict[int, int] = {}
        for key in json.loads(claim_keys):
            claim_id = keys.resolve(key)
            if claim_id is not None and claim_id in group_of:
                gid = group_of[claim_id]
                votes[gid] = votes.get(gid, 0) + 1
        if votes:
            gid = min(votes, key=lambda g: (-votes[g], g))
            attached[gid] = verdict_id
    conn.executemany(
        "UPDATE claim_groups SET verdict_id = ? WHERE id = ?",
        [(v, g) for g, v in sorted(attached.items())],
    )
    return len(attached)


def load_decisions(conn: sqlite3.Connection, keys: KeyIndex) -> dict[tuple[int, int], str]:
    """Confirmed/rejected pairs by current claim ids (lower id first); latest decision wins."""
    out: dict[tuple[int, int], str] = {}
    for key, other_key, state in conn.execute(
        "SELECT claim_key, other_claim_key, state FROM claim_pair_decisions ORDER BY decided_at, id"
    ):
        a, b = keys.resolve(key), keys.resolve(other_key)
        if a is None or b is None or a == b:
            continue
        out[(min(a, b), max(a, b))] = state
    return out


def decide_suggestion(conn: sqlite3.Connection, suggestion_id: int, state: str) -> tuple[int, int]:
    """Record a person's confirm/reject of a suggested pair; returns its claim ids."""
    row = conn.execute(
        "SELECT claim_id, other_claim_id FROM claim_group_suggestions WHERE id = ?",
        [suggestion_id],
    ).fetchone()
    if row is None:
        raise LookupError(f"no suggestion {suggestion_id}")
    decide_pair(conn, row[0], row[1], state)
    return row


def decide_pair(conn: sqlite3.Connection, claim_id: int, other_claim_id: int, state: str) -> None:
    """Record that two claims are (confirmed) or are not (rejected) one statement."""
    keys = []
    for cid in sorted((claim_id, other_claim_id)):
        row = conn.execute(
            """SELECT articles.content_hash, claims.content_start, claims.content_end
               FROM claims JOIN articles ON articles.id = claims.article_id WHERE claims.id = ?""",
            [cid],
        ).fetchone()
        if row is None:
            raise LookupError(f"no claim {cid}")
        keys.append(claim_key(*row))
    if conn.in_transaction:
        conn.commit()
    with conn:
        conn.execute(
            """INSERT INTO claim_pair_decisions (claim_key, other_claim_key, state, decided_at)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (claim_key, other_claim_key)
               DO UPDATE SET state = excluded.state, decided_at = excluded.decided_at""",
            [keys[0], keys[1], state, _now()],
        )
        conn.execute(
            """UPDATE claim_group_suggestions SET state = ?
               WHERE claim_id = ? AND other_claim_id = ?""",
            [state, *sorted((claim_id, other_claim_id))],
        )
