"""``match``: recompute every derived matching table from articles and claims.

Deterministic (same database in, same rows out) and all-or-nothing: the
previous groups stay intact unless the whole computation succeeded.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlite_utils

from loader.matching import reuse_index
from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, _containment, candidate_pairs, score_items
from loader.matching.direction import is_directed, is_shared_source, is_wire_outlet
from loader.matching.groups import build_groups
from loader.matching.index import day, ensure_index
from loader.matching.index import rebuild as rebuild_index
from loader.matching.keys import KeyIndex
from loader.matching.normalise import claim_text
from loader.matching.reuse import ArticleText, Reuse, raw_links, shared_sources, shingle_list
from loader.matching.rows import (
    INSERT_GROUP,
    INSERT_REUSE,
    INSERT_SUGGESTION,
    UPDATE_CLAIM,
    _summary,  # noqa: F401 -- tests read the headline rule from here
    claim_rows,
    group_row,
    is_grouped,
    reuse_row,
    suggestion_rows,
)
from loader.matching.signals import ArticleInfo, earliest_order, order_known
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


def match(db: sqlite_utils.Database) -> MatchSummary:
    """Regroup every claim, judge fidelity, find reuse, compute signals; one transaction.

    Also rebuilds the persistent matching index (loader/matching/index.py)
    that later loads match against incrementally.

    The cyclic garbage collector is paused meanwhile: match builds millions of
    small acyclic objects, and the collector's repeated full scans of them
    made a 100k-claim match take twice as long.
    """
    with paused_gc():
        return _match(db)


@contextlib.contextmanager
def paused_gc():
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _prepare(conn, summary: MatchSummary):
    articles: dict[int, ArticleInfo] = {}
    hashes: dict[int, str] = {}
    for aid, outlet_id, published, digest in conn.execute(
        "SELECT id, outlet_id, published, content_hash FROM articles ORDER BY id"
    ):
        articles[aid] = ArticleInfo(aid, outlet_id, published)
        hashes[aid] = digest
    items: list[ClaimItem] = []
    key_rows = []
    for cid, aid, speaker_id, kind, content, start, end, stated_on in conn.execute(
        """SELECT id, article_id, speaker_id, kind, content, content_start, content_end, stated_on
           FROM claims ORDER BY id"""
    ):
        when = day(articles[aid].published) or day(stated_on)
        items.append(ClaimItem(cid, aid, speaker_id, kind, when, content, claim_text(content)))
        key_rows.append((cid, hashes[aid], start, end))
    summary.claims = len(items)
    return articles, items, KeyIndex(key_rows)


def _match(db: sqlite_utils.Database) -> MatchSummary:
    ensure_schema(db)
    ensure_index(db.conn)
    summary = MatchSummary()
    clock = time.perf_counter()
    conn = db.conn
    articles, items, keys = _prepare(conn, summary)
    by_id = {c.id: c for c in items}
    summary.seconds["prepare"] = time.perf_counter() - clock

    # --- pairs and groups ---------------------------------------------------
    clock = time.perf_counter()
    decisions = load_decisions(conn, keys)
    pairs = score_candidates(candidate_pairs(items))
    scored = {pair: score for pair, (score, _auto) in pairs.items()}
    auto_edges = {pair: score for pair, (score, auto) in pairs.items() if auto}
    groups = build_groups(items, auto_edges, decisions)
    summary.seconds["group"] = time.perf_counter() - clock

    # --- article reuse ------------------------------------------------------
    clock = time.perf_counter()
    reuse = _reuse(conn, claim_votes(groups))
    derived_from, copies_of = reuse_maps(reuse)
    summary.seconds["reuse"] = time.perf_counter() - clock

    # --- fidelity and signals -----------------------------------------------
    clock = time.perf_counter()
    ordered = [earliest_order(g, articles, derived_from) for g in groups]
    ordered.sort(key=lambda g: min(c.id for c in g))
    group_rows, claim_rows_, group_of = _all_rows(ordered, articles, copies_of, derived_from)
    summary.groups = len(group_rows)
    summary.grouped_claims = sum(len(g) for g in ordered if len(g) > 1)
    suggestions = suggestion_rows(
        set(scored) | set(decisions), scored, decisions, group_of.__getitem__,
        lambda cid: by_id[cid].text,
    )  # fmt: skip
    summary.suggestions = sum(1 for r in suggestions if r[3] == "pending")
    summary.seconds["signals"] = time.perf_counter() - clock

    # --- write, all or nothing ---------------------------------------------
    clock = time.perf_counter()
    with transaction(conn):
        # every claim gets a new group below; check the references at COMMIT
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("DELETE FROM claim_group_suggestions")
        conn.execute("DELETE FROM claim_groups")
        conn.execute("DELETE FROM article_reuse")
        conn.executemany(INSERT_GROUP, group_rows)
        conn.executemany(UPDATE_CLAIM, claim_rows_)
        conn.executemany(INSERT_SUGGESTION, suggestions)
        conn.executemany(INSERT_REUSE, [reuse_row(r) for r in reuse])
        summary.verdicts_attached = attach_verdicts(conn, keys, group_of)
        conn.execute(
            "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES ('matched_claims', ?)",
            [str(len(items))],
        )
        rebuild_index(conn, items, pairs)
    summary.reuse_pairs = len(reuse)
    summary.seconds["write"] = time.perf_counter() - clock
    return summary


def _all_rows(ordered: list[list[ClaimItem]], articles, copies_of, derived_from):
    """(group rows, claim rows, claim id -> group id), groups numbered from 1."""
    group_rows, rows_of_claims, group_of = [], [], {}
    for gid, group in enumerate(ordered, start=1):
        rows, classes = claim_rows(gid, group, order_known(group, articles, derived_from))
        rows_of_claims.extend(rows)
        group_of.update((c.id, gid) for c in group)
        group_rows.append(group_row(gid, group, classes, articles, copies_of))
    return group_rows, rows_of_claims, group_of


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


def _reuse(conn, votes) -> list[Reuse]:
    """Article reuse over every article, streamed from SQLite in id order;
    rebuilds the reuse index (loader/matching/reuse_index.py) as it goes,
    with the links before the shared-source step, which incremental
    matches continue from."""
    boiler: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for aid, start, end in conn.execute('SELECT article_id, start, "end" FROM article_boilerplate'):
        boiler[aid].append((start, end))
    index = reuse_index.Rebuild(conn)

    def texts():
        for aid, outlet_id, published, text, name, domain, kind in conn.execute(
            """SELECT a.id, a.outlet_id, a.published, a.text, o.name, o.domain, o.kind
               FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id ORDER BY a.id"""
        ):
            shingles = shingle_list(text, boiler.get(aid, []))
            index.add(aid, outlet_id, shingles)
            wire = is_wire_outlet(name, domain, kind)
            yield ArticleText(aid, outlet_id, published, "", wire=wire, shingles=shingles)

    raw, sets = raw_links(texts(), votes)
    index.finish(raw)
    out = shared_sources(raw, sets)
    out.sort(key=lambda r: (-r.containment, r.earlier_article_id, r.later_article_id))
    return out
