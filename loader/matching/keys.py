"""Stable identities of claims, for human input that must outlive re-matching.

Claim and group ids change whenever a database is re-loaded or re-matched,
and spans move a little when extraction improves. A claim is therefore
identified by the content hash of its article plus its content offsets, and a
stored key finds its claim again by exact offsets or, failing that, by the
claim in the same article whose span overlaps it most.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from loader.matching.thresholds import MIN_SPAN_OVERLAP


def claim_key(content_hash: str, start: int, end: int) -> str:
    return f"{content_hash}:{start}:{end}"


def parse_key(key: str) -> tuple[str, int, int]:
    digest, start, end = key.rsplit(":", 2)
    return digest, int(start), int(end)


class KeyIndex:
    """Current claims by article hash, to resolve stored keys to claim ids."""

    def __init__(self, rows: Iterable[tuple[int, str, int, int]]) -> None:
        """rows: (claim_id, article content_hash, content_start, content_end)."""
        self.by_article: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self.exact: dict[str, int] = {}
        self.key_of: dict[int, str] = {}
        for claim_id, digest, start, end in rows:
            self.by_article[digest].append((start, end, claim_id))
            key = claim_key(digest, start, end)
            self.exact.setdefault(key, claim_id)
            self.key_of[claim_id] = key

    def resolve(self, key: str) -> int | None:
        """The current claim a stored key names, or None when it is gone."""
        if key in self.exact:
            return self.exact[key]
        digest, start, end = parse_key(key)
        best: tuple[float, int] | None = None
        for s, e, claim_id in self.by_article.get(digest, ()):
            overlap = min(e, end) - max(s, start)
            shorter = min(e - s, end - start)
            if overlap <= 0 or shorter <= 0 or overlap / shorter < MIN_SPAN_OVERLAP:
                continue
            candidate = (overlap / max(e - s, end - start), -claim_id)
            if best is None or candidate > best:
                best = candidate
        return -best[1] if best else None
