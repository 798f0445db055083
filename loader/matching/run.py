"""``match``: recompute every derived matching table from articles and claims.

Deterministic (same database in, same rows out) and all-or-nothing: the
previous groups stay intact unless the whole computation succeeded.
"""

from __future__ import annotations

import contextlib
import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlite_utils

from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, _containment, score_items
from loader.matching.direction import is_directed, is_shared_source
from loader.matching.full import full_match
from loader.matching.reuse import Reuse
from loader.matching.rows import (
    _summary,  # noqa: F401 -- tests read the headline rule from here
    is_grouped,
)


@dataclass
class MatchSummary:
    claims: int = 0
    groups: int = 0
    grouped_claims: int = 0  # claims in groups of two or more
    suggestions: int = 0
    reuse_pairs: int = 0
    verdicts_attached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def match(db: sqlite_utils.Database) -> MatchSummary:
    """Regroup every claim, judge fidelity, find reuse, compute signals; one transaction.

    Streamed from SQLite in bounded memory (loader/matching/full.py); also
    rebuilds the persistent matching index (loader/matching/index.py) that
    later loads match against incrementally.

    The cyclic garbage collector is paused meanwhile: match builds millions of
    small acyclic objects, and the collector's repeated full scans of them
    made a 100k-claim match take twice as long.
    """
    with paused_gc():
        return full_match(db, MatchSummary(), score_candidates, reuse_maps)


@contextlib.contextmanager
def paused_gc():
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def score_candidates(
    candidates: Iterable[tuple[ClaimItem, ClaimItem]],
) -> dict[tuple[int, int], tuple[float, bool]]:
    """(lower id, higher id) -> (score, confident) for candidates at or above
    SUGGEST_SCORE: the pairs the index keeps."""
    out = {}
    for a, b in candidates:
        ps = score_items(a, b)
        if ps.score >= T.SUGGEST_SCORE:
            out[(a.id, b.id)] = (ps.score, ps.auto)
    return out


def claim_votes(groups: Iterable[list[ClaimItem]]) -> dict[tuple[int, int], float]:
    """votes[(x, y)]: how much more article x's claims sit inside article y's
    claims of the same group than the reverse (reuse direction, reuse.py)."""
    votes: dict[tuple[int, int], float] = defaultdict(float)
    for group in groups:
        if not is_grouped(len(group)):
            continue
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if x.article_id != y.article_id:
                    votes[(x.article_id, y.article_id)] += _containment(
                        x.text, y.text
                    ) - _containment(y.text, x.text)
    return dict(votes)


def reuse_maps(reuse: Iterable[Reuse]) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """(articles each article reuses, articles each article copies).

    Only links whose direction some evidence decided order the versions
    (derived_from). Any link at COPY_CONTAINMENT or more makes a copy
    (copies_of), and so does every shared-source link: two rewrites of one
    source are one source. For an undetermined or shared-source link (listed
    lower id first) the two articles then count as one source in the
    independent-outlet count, whichever came first.
    """
    derived_from: dict[int, set[int]] = defaultdict(set)
    copies_of: dict[int, set[int]] = defaultdict(set)
    for r in reuse:
        if is_directed(r.basis):
            derived_from[r.later_article_id].add(r.earlier_article_id)
        if r.containment >= T.COPY_CONTAINMENT or is_shared_source(r.basis):
            copies_of[r.later_article_id].add(r.earlier_article_id)
    return derived_from, copies_of
