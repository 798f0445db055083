"""The rows one claim group contributes: its claim_groups row, each claim's
group id, fidelity and diff, and the suggestions between claims.

One function for both the full match and the incremental one, so the two
cannot drift apart: a group's rows depend only on its claims, its articles
and the reuse links among those articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from loader.lexicon.punctuation import STRIPPED_QUOTES
from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, score_pair
from loader.matching.fidelity import (
    QUOTE_KINDS,
    best_class,
    classify_segments,
    diff_json,
    diff_segments,
    group_fidelity,
)
from loader.matching.normalise import segments
from loader.matching.signals import ArticleInfo, conflict, outlet_counts, status

_LEAD = re.compile(r"^[\W_]*?(?:that\s+(?=\w))?(?=\w)", re.IGNORECASE)


def _summary(content: str) -> str:
    """The group's headline: its earliest version without "that", quote marks
    or the comma a quote carries before its cue ("…countries," Araghchi said)."""
    return (
        _LEAD.sub("", content, count=1).strip().strip(STRIPPED_QUOTES).strip().rstrip(",;:").strip()
    )


def claim_rows(
    gid: int, group: Sequence[ClaimItem], known: bool = True
) -> tuple[list[tuple], list[str]]:
    """(group id, fidelity, diff, claim id) per claim of an ordered group, and
    the fidelity classes (the origin first).

    known: the first report is known to be the earliest (signals.order_known).
    Otherwise no report is the origin: each is judged against the others and
    keeps its most faithful comparison (an identical copy is verbatim, never
    altered against a third report's rewrite); diffs stay against the first
    listed report.
    """
    rows, classes = _rows_against_first(gid, group)
    if known or len(group) < 2:
        return rows, classes
    pairwise = _pairwise_classes(group)
    return [(r[0], cls, *r[2:]) for r, cls in zip(rows, pairwise, strict=True)], pairwise


def _pairwise_classes(group: Sequence[ClaimItem]) -> list[str]:
    segs = [segments(c.content) for c in group]
    small = len(group) <= T.MAX_PAIRWISE_GROUP  # larger: each against the first only
    out = []
    for i, c in enumerate(group):
        found = []
        for j, other in enumerate(group):
            if i == j or not (small or j == 0 or (i == 0 and j == 1)):
                continue
            if c.content == other.content:
                both_quotes = {c.kind, other.kind} <= set(QUOTE_KINDS)
                found.append("verbatim" if both_quotes else "paraphrase")
            else:
                found.append(
                    classify_segments(
                        segs[j], other.content, other.kind, segs[i], c.content, c.kind
                    )
                )
        out.append(best_class(found))
    return out


def _rows_against_first(gid: int, group: Sequence[ClaimItem]) -> tuple[list[tuple], list[str]]:
    origin = group[0]
    classes = ["origin"]
    rows = [(gid, "origin", diff_json([["=", origin.content]]), origin.id)]
    origin_segs = segments(origin.content) if len(group) > 1 else []
    for c in group[1:]:
        if c.content == origin.content:  # a copy: no need to align words
            cls = "verbatim" if {c.kind, origin.kind} <= set(QUOTE_KINDS) else "paraphrase"
            classes.append(cls)
            rows.append((gid, cls, diff_json([["=", c.content]]), c.id))
            continue
        segs = segments(c.content)
        cls = classify_segments(origin_segs, origin.content, origin.kind, segs, c.content, c.kind)
        classes.append(cls)
        rows.append((gid, cls, diff_json(diff_segments(origin_segs, segs)), c.id))
    return rows, classes


def group_row(
    gid: int,
    group: Sequence[ClaimItem],
    classes: list[str],
    articles: Mapping[int, ArticleInfo],
    copies_of: Mapping[int, set[int]],
) -> tuple:
    """The claim_groups row (without verdict) of an ordered group."""
    origin = group[0]
    differing = conflict(group) if len(group) > 1 else None
    outlets, independent = outlet_counts(group, articles, copies_of)
    first_article = articles[origin.article_id]
    return (
        gid,
        origin.speaker_id,
        _summary(origin.content),
        len(group),
        outlets,
        independent,
        origin.id,
        group_fidelity(classes),
        status(differing is not None, classes, independent),
        first_article.id,
        first_article.published,
        json.dumps(differing, ensure_ascii=False) if differing else None,
    )


def suggestion_rows(
    pairs: Iterable[tuple[int, int]],
    scored: Mapping[tuple[int, int], float],
    decisions: Mapping[tuple[int, int], str],
    group_of: Callable[[int], int],
    text_of: Callable[[int], object],
) -> list[tuple]:
    """(claim, other claim, score, state) for each pair a person may look at:
    a decided pair, or a scored pair whose claims ended in different groups."""
    rows = []
    for pair in sorted(pairs):
        state = decisions.get(pair, "pending")
        if state == "pending" and (pair not in scored or group_of(pair[0]) == group_of(pair[1])):
            continue
        score = scored.get(pair)
        if score is None:
            score = score_pair(text_of(pair[0]), text_of(pair[1])).score
        rows.append((pair[0], pair[1], score, state))
    return rows


INSERT_GROUP = """INSERT INTO claim_groups (id, speaker_id, summary, claims_count, outlets_count,
       independent_outlets_count, first_claim_id, fidelity, status,
       first_article_id, first_published, conflict)
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
UPDATE_CLAIM = "UPDATE claims SET group_id = ?, fidelity = ?, diff = ? WHERE id = ?"
INSERT_SUGGESTION = """INSERT INTO claim_group_suggestions (claim_id, other_claim_id, score, state)
   VALUES (?, ?, ?, ?)"""
INSERT_REUSE = """INSERT INTO article_reuse (earlier_article_id, later_article_id, containment,
       basis, reverse_containment, shared_words) VALUES (?, ?, ?, ?, ?, ?)"""


def reuse_row(r) -> tuple:
    return (
        r.earlier_article_id,
        r.later_article_id,
        r.containment,
        r.basis,
        r.reverse_containment,
        r.shared_words,
    )


def is_grouped(size: int) -> bool:
    """Groups whose claims vote on reuse direction (run.py)."""
    return 2 <= size <= T.MAX_PAIRWISE_GROUP
