"""``match``: recompute every derived matching table from articles and claims.

Deterministic (same database in, same rows out) and all-or-nothing: the
previous groups stay intact unless the whole computation succeeded.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field

import sqlite_utils

from loader.lexicon.punctuation import STRIPPED_QUOTES
from loader.matching import thresholds as T
from loader.matching.candidates import (
    ClaimItem,
    _containment,
    candidate_pairs,
    score_items,
    score_pair,
)
from loader.matching.fidelity import (
    QUOTE_KINDS,
    classify_segments,
    diff_json,
    diff_segments,
    group_fidelity,
)
from loader.matching.groups import build_groups
from loader.matching.keys import KeyIndex
from loader.matching.normalise import claim_text, segments
from loader.matching.reuse import ArticleText, Reuse, find_reuse
from loader.matching.signals import ArticleInfo, conflict, earliest_order, outlet_counts, status
from loader.matching.verdicts import attach_verdicts, load_decisions
from loader.schema import ensure_schema
from loader.transaction import transaction


@dataclass
class MatchSummary:
    claims: int = 0
    groups: int = 0
    grouped_claims: int = 0  # claims in groups of two or more
    suggestions: int = 0
    reuse_pairs: int = 0
    verdicts_attached: int = 0
    seconds: dict[str, float] = field(default_factory=dict)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


_LEAD = re.compile(r"^[\W_]*?(?:that\s+(?=\w))?(?=\w)", re.IGNORECASE)


def _summary(content: str) -> str:
    """The group's headline: its earliest version without "that", quote marks
    or the comma a quote carries before its cue ("…countries," Araghchi said)."""
    return (
        _LEAD.sub("", content, count=1).strip().strip(STRIPPED_QUOTES).strip().rstrip(",;:").strip()
    )


def match(db: sqlite_utils.Database) -> MatchSummary:
    """Regroup every claim, judge fidelity, find reuse, compute signals; one transaction.

    The cyclic garbage collector is paused meanwhile: match builds millions of
    small acyclic objects, and the collector's repeated full scans of them
    made a 100k-claim match take twice as long.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _match(db)
    finally:
        if collecting:
            gc.enable()


def _match(db: sqlite_utils.Database) -> MatchSummary:
    ensure_schema(db)
    summary = MatchSummary()
    clock = time.perf_counter()
    conn = db.conn

    articles: dict[int, ArticleInfo] = {}
    hashes: dict[int, str] = {}
    for aid, outlet_id, published, digest in conn.execute(
        "SELECT id, outlet_id, published, content_hash FROM articles ORDER BY id"
    ):
        articles[aid] = ArticleInfo(aid, outlet_id, published)
        hashes[aid] = digest

    items: list[ClaimItem] = []
    kinds: dict[int, str] = {}
    key_rows = []
    for cid, aid, speaker_id, kind, content, start, end, stated_on in conn.execute(
        """SELECT id, article_id, speaker_id, kind, content, content_start, content_end, stated_on
           FROM claims ORDER BY id"""
    ):
        day = _day(articles[aid].published) or _day(stated_on)
        items.append(ClaimItem(cid, aid, speaker_id, kind, day, content, claim_text(content)))
        kinds[cid] = kind
        key_rows.append((cid, hashes[aid], start, end))
    by_id = {c.id: c for c in items}
    keys = KeyIndex(key_rows)
    summary.claims = len(items)
    summary.seconds["prepare"] = time.perf_counter() - clock

    # --- pairs and groups ---------------------------------------------------
    clock = time.perf_counter()
    decisions = load_decisions(conn, keys)
    scored: dict[tuple[int, int], float] = {}
    auto_edges: dict[tuple[int, int], float] = {}
    for a, b in candidate_pairs(items):
        ps = score_items(a, b)
        if ps.score < T.SUGGEST_SCORE:
            continue
        scored[(a.id, b.id)] = ps.score
        if ps.auto:
            auto_edges[(a.id, b.id)] = ps.score
    groups = build_groups(items, auto_edges, decisions)
    summary.seconds["group"] = time.perf_counter() - clock

    # --- article reuse ------------------------------------------------------
    clock = time.perf_counter()
    votes: dict[tuple[int, int], float] = defaultdict(float)
    for group in groups:
        if len(group) < 2 or len(group) > T.MAX_PAIRWISE_GROUP:
            continue
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if x.article_id != y.article_id:
                    votes[(x.article_id, y.article_id)] += _containment(
                        x.text, y.text
                    ) - _containment(y.text, x.text)
    reuse = _reuse(conn, dict(votes))
    derived_from: dict[int, set[int]] = defaultdict(set)
    copies_of: dict[int, set[int]] = defaultdict(set)
    for r in reuse:
        derived_from[r.later_article_id].add(r.earlier_article_id)
        if r.containment >= T.COPY_CONTAINMENT:
            copies_of[r.later_article_id].add(r.earlier_article_id)
    summary.seconds["reuse"] = time.perf_counter() - clock

    # --- fidelity and signals -----------------------------------------------
    clock = time.perf_counter()
    ordered = [earliest_order(g, articles, derived_from) for g in groups]
    ordered.sort(key=lambda g: min(c.id for c in g))
    group_rows = []
    claim_rows = []
    group_of: dict[int, int] = {}
    for gid, group in enumerate(ordered, start=1):
        origin = group[0]
        classes = ["origin"]
        group_of[origin.id] = gid
        claim_rows.append((gid, "origin", diff_json([["=", origin.content]]), origin.id))
        origin_segs = segments(origin.content) if len(group) > 1 else []
        for c in group[1:]:
            group_of[c.id] = gid
            if c.content == origin.content:  # a copy: no need to align words
                cls = "verbatim" if {c.kind, origin.kind} <= set(QUOTE_KINDS) else "paraphrase"
                classes.append(cls)
                claim_rows.append((gid, cls, diff_json([["=", c.content]]), c.id))
                continue
            segs = segments(c.content)
            cls = classify_segments(
                origin_segs, origin.content, origin.kind, segs, c.content, c.kind
            )
            classes.append(cls)
            claim_rows.append((gid, cls, diff_json(diff_segments(origin_segs, segs)), c.id))
        differing = conflict(group) if len(group) > 1 else None
        outlets, independent = outlet_counts(group, articles, copies_of)
        first_article = articles[origin.article_id]
        group_rows.append(
            (
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
        )
        if len(group) > 1:
            summary.grouped_claims += len(group)
    summary.groups = len(group_rows)

    suggestion_rows = []
    pairs = set(scored) | set(decisions)
    for pair in sorted(pairs):
        state = decisions.get(pair, "pending")
        if state == "pending" and (pair not in scored or group_of[pair[0]] == group_of[pair[1]]):
            continue
        score = scored.get(pair)
        if score is None:
            score = score_pair(by_id[pair[0]].text, by_id[pair[1]].text).score
        suggestion_rows.append((pair[0], pair[1], score, state))
    summary.suggestions = sum(1 for r in suggestion_rows if r[3] == "pending")
    summary.seconds["signals"] = time.perf_counter() - clock

    # --- write, all or nothing ---------------------------------------------
    clock = time.perf_counter()
    with transaction(conn):
        # every claim gets a new group below; check the references at COMMIT
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("DELETE FROM claim_group_suggestions")
        conn.execute("DELETE FROM claim_groups")
        conn.execute("DELETE FROM article_reuse")
        conn.executemany(
            """INSERT INTO claim_groups (id, speaker_id, summary, claims_count, outlets_count,
                   independent_outlets_count, first_claim_id, fidelity, status,
                   first_article_id, first_published, conflict)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            group_rows,
        )
        conn.executemany(
            "UPDATE claims SET group_id = ?, fidelity = ?, diff = ? WHERE id = ?", claim_rows
        )
        conn.executemany(
            """INSERT INTO claim_group_suggestions (claim_id, other_claim_id, score, state)
               VALUES (?, ?, ?, ?)""",
            suggestion_rows,
        )
        conn.executemany(
            """INSERT INTO article_reuse (earlier_article_id, later_article_id, containment,
                   basis, reverse_containment, shared_words) VALUES (?, ?, ?, ?, ?, ?)""",
            [
                (
                    r.earlier_article_id,
                    r.later_article_id,
                    r.containment,
                    r.basis,
                    r.reverse_containment,
                    r.shared_words,
                )
                for r in reuse
            ],
        )
        summary.verdicts_attached = attach_verdicts(conn, keys, group_of)
        conn.execute(
            "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES ('matched_claims', ?)",
            [str(len(items))],
        )
    summary.reuse_pairs = len(reuse)
    summary.seconds["write"] = time.perf_counter() - clock
    return summary


def _reuse(conn, votes: dict[tuple[int, int], float]) -> list[Reuse]:
    boiler: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for aid, start, end in conn.execute('SELECT article_id, start, "end" FROM article_boilerplate'):
        boiler[aid].append((start, end))
    texts = (
        ArticleText(aid, outlet_id, published, text, boiler.get(aid, []))
        for aid, outlet_id, published, text in conn.execute(
            "SELECT id, outlet_id, published, text FROM articles ORDER BY id"
        )
    )
    return find_reuse(texts, votes)
