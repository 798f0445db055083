"""Matching state read back from the database rather than held in memory:
what the incremental match and the streamed full match read instead of
the full match's in-memory groups and keys."""

from __future__ import annotations

import json

from loader.matching import thresholds as T
from loader.matching.candidates import _containment
from loader.matching.keys import KeyIndex, parse_key
from loader.matching.normalise import claim_text


def stored_keys(conn, table: str) -> KeyIndex:
    """Claims of the articles that the stored keys of ``table`` name (decisions
    or verdicts), enough to resolve them as the full match does."""
    column = "claim_key, other_claim_key" if table == "claim_pair_decisions" else "claim_keys"
    digests: set[str] = set()
    for row in conn.execute(f"SELECT {column} FROM {table}"):
        for value in row:
            for key in _key_list(value):
                digests.add(parse_key(key)[0])
    rows = []
    for digest in sorted(digests):
        rows.extend(
            conn.execute(
                """SELECT c.id, a.content_hash, c.content_start, c.content_end
                   FROM claims c JOIN articles a ON a.id = c.article_id
                   WHERE a.content_hash = ? ORDER BY c.id""",
                [digest],
            )
        )
    rows.sort()
    return KeyIndex(rows)


def _key_list(value: str) -> list[str]:
    return json.loads(value) if value.startswith("[") else [value]


class StoredVotes:
    """The reuse direction votes of ``run.claim_votes``, read from the stored
    groups for just the article pairs reuse asks about, summed in the same
    order (groups by lowest claim id, then claim ids) so even the floating
    point sums agree."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def __bool__(self) -> bool:
        return True

    def get(self, pair: tuple[int, int], default: float = 0.0) -> float:
        rows = self.conn.execute(
            """SELECT (SELECT min(id) FROM claims WHERE group_id = x.group_id) AS g,
                      x.id, y.id, x.content, y.content
               FROM claims x JOIN claims y ON y.group_id = x.group_id AND y.id > x.id
               JOIN claim_groups cg ON cg.id = x.group_id
               WHERE x.article_id = ? AND y.article_id = ?
                 AND cg.claims_count BETWEEN 2 AND ?
               ORDER BY g, x.id, y.id""",
            [pair[0], pair[1], T.MAX_PAIRWISE_GROUP],
        ).fetchall()
        if not rows:
            return default
        total = 0.0
        for *_ids, x, y in rows:
            tx, ty = claim_text(x), claim_text(y)
            total += _containment(tx, ty) - _containment(ty, tx)
        return total


class StoredGroups:
    """claim id -> group id, read from the claims table (for attach_verdicts)."""

    def __init__(self, conn) -> None:
        self.conn = conn

    def _get(self, claim_id: int) -> int | None:
        row = self.conn.execute("SELECT group_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        return row[0] if row else None

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, int) and self._get(claim_id) is not None

    def __getitem__(self, claim_id: int) -> int:
        group_id = self._get(claim_id)
        if group_id is None:
            raise KeyError(claim_id)
        return group_id
