"""The full match streamed from SQLite, in memory bounded by the largest block.

Same rows as grouping every claim at once (groups, fidelity, suggestions,
reuse, signals, the matching index), computed in passes over the database:

1. claims are read block by block (a speaker's claims, the outlets' own
   claims), ordered by block in SQL: each block's candidate pairs, scores and
   groups are computed and written (the index rows, the scored pairs, the
   claims' group under a provisional id, minus their lowest claim id). Blocks
   that a person's confirmed decision joins are grouped together at the end;
2. article reuse from the reuse index (loader/matching/reuse_full.py), the
   direction votes read from the stored provisional groups;
3. groups in order of their lowest claim id, a chunk at a time: their
   fidelity, diffs and signals, under their final ids 1, 2, ...;
4. suggestions from the stored pairs, in pair order, merged with the decided
   pairs.

Everything happens in one transaction: a failure leaves the previous state.
Memory: the largest block's claims and pairs, the articles' dates and
outlets (ArticleInfo, about 150 bytes each), the reuse links and the people's
decisions; nothing else grows with the archive.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import time
from collections.abc import Iterator

import sqlite_utils

from loader.matching import index as ix
from loader.matching import reuse_index as rx
from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, candidate_pairs, score_pair
from loader.matching.groups import build_groups
from loader.matching.normalise import claim_text
from loader.matching.reuse import Reuse
from loader.matching.reuse_full import full_reuse
from loader.matching.rows import (
    INSERT_GROUP,
    INSERT_SUGGESTION,
    UPDATE_CLAIM,
    claim_rows,
    group_row,
)
from loader.matching.signals import ArticleInfo, earliest_order, order_known
from loader.matching.sql import rows_in
from loader.matching.stored import StoredGroups, StoredVotes, stored_keys
from loader.matching.verdicts import attach_verdicts, load_decisions
from loader.schema import ensure_schema
from loader.transaction import transaction

CLEARED = (
    "claim_group_suggestions",
    "claim_groups",
    "match_claims",
    "match_postings",
    "match_pairs",
    "match_changes",
)
BLOCK = f"CASE WHEN c.kind = 'outlet' THEN {ix.OUTLET_BLOCK} ELSE c.speaker_id END"
SELECT = f"""SELECT {BLOCK}, c.id, c.article_id, c.speaker_id, c.kind, c.content, c.stated_on
    FROM claims c"""
# SQLite's page caches for the match, in KiB (a negative cache_size), one
# for the database and one for the temporary tables: the reuse index's
# postings (39 million rows at 1M claims) are sorted, counted and joined
# through them, and SQLite's sorter keeps up to the first's size in memory
# before spilling to temporary files. Bounds, not a share of the archive:
# the match's peak memory grows by at most about three times this
# (docs/performance.md measures it at 100k and 1M claims).
CACHE_KIB = 192 * 1024
CACHES = ("main", "temp")


@contextlib.contextmanager
def page_cache(conn, kib: int = CACHE_KIB) -> Iterator[None]:
    """Give the connection page caches of ``kib`` KiB for the match, and put
    back the ones it had (the caller may keep using the connection)."""
    before = {db: conn.execute(f"PRAGMA {db}.cache_size").fetchone()[0] for db in CACHES}
    for db in CACHES:
        conn.execute(f"PRAGMA {db}.cache_size = {-int(kib)}")
    try:
        yield
    finally:
        for db, size in before.items():
            conn.execute(f"PRAGMA {db}.cache_size = {int(size)}")


def full_match(db: sqlite_utils.Database, summary, score_candidates, reuse_maps):
    """Run the passes in one transaction; fills ``summary`` (run.MatchSummary)."""
    ensure_schema(db)
    ix.ensure_index(db.conn)
    conn = db.conn
    clock = time.perf_counter()
    with page_cache(conn), transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in CLEARED:
            conn.execute(f"DELETE FROM {table}")
        articles = {
            aid: ArticleInfo(aid, outlet_id, published)
            for aid, outlet_id, published in conn.execute(
                "SELECT id, outlet_id, published FROM articles"
            )
        }
        decisions = load_decisions(conn, stored_keys(conn, "claim_pair_decisions"))
        summary.seconds["prepare"] = time.perf_counter() - clock
        clock = time.perf_counter()
        Grouper(conn, articles, decisions, score_candidates).run()
        summary.seconds["group"] = time.perf_counter() - clock
        clock = time.perf_counter()
        summary.reuse_pairs = full_reuse(conn, StoredVotes(conn))
        summary.seconds["reuse"] = time.perf_counter() - clock
        clock = time.perf_counter()
        _final_groups(conn, articles, summary, reuse_maps)
        summary.suggestions = _suggestions(conn, decisions)
        summary.verdicts_attached = attach_verdicts(
            conn, stored_keys(conn, "verdicts"), StoredGroups(conn)
        )
        summary.claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        for key, value in (
            ("matched_claims", str(summary.claims)),
            ("match_index", ix.INDEX_VERSION),
        ):
            conn.execute(
                "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES (?, ?)", [key, value]
            )
        summary.seconds["signals"] = time.perf_counter() - clock
    return summary


def _item(articles: dict[int, ArticleInfo], row: tuple) -> ClaimItem:
    cid, aid, speaker_id, kind, content, stated_on = row
    when = ix.day(articles[aid].published) or ix.day(stated_on)
    return ClaimItem(cid, aid, speaker_id, kind, when, content, claim_text(content))


class Grouper:
    """Pass 1: blocks' pairs and groups, written as they are found."""

    def __init__(self, conn, articles, decisions, score_candidates) -> None:
        self.conn, self.articles, self.decisions = conn, articles, decisions
        self.score_candidates = score_candidates
        self.joined = self._joined_blocks()

    def _joined_blocks(self) -> dict[object, object]:
        """Block -> the lowest block a confirmed decision chains it to, for
        blocks so chained (a claim without a block is its own block here)."""
        parent: dict[object, object] = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                x = parent[x]
            return x

        confirmed = [p for p, state in self.decisions.items() if state == "confirmed"]
        ids = sorted({c for p in confirmed for c in p})
        block_of = {}
        sql = f"SELECT {BLOCK}, c.id FROM claims c WHERE c.id IN " + "({marks})"
        for block, cid in rows_in(self.conn, sql, ids):
            block_of[cid] = ("claim", cid) if block is None else block
        for a, b in confirmed:
            if a in block_of and b in block_of:
                ra, rb = find(block_of[a]), find(block_of[b])
                if ra != rb:
                    parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)
        roots = {x: find(x) for x in list(parent)}
        sizes = {r: sum(1 for v in roots.values() if v == r) for r in set(roots.values())}
        return {x: r for x, r in roots.items() if sizes[r] > 1}

    def run(self) -> None:
        deferred: dict[object, list[ClaimItem]] = {}
        rows = self.conn.execute(f"{SELECT} ORDER BY 1, c.id")
        for block, group in itertools.groupby(rows, key=lambda r: r[0]):
            if block in self.joined:
                deferred.setdefault(self.joined[block], []).extend(
                    _item(self.articles, r[1:]) for r in group
                )
                continue
            # claims without a block are never paired: any number at a time
            size = 5000 if block is None else None
            while items := [_item(self.articles, r[1:]) for r in itertools.islice(group, size)]:
                if block is None:
                    for c in [c for c in items if ("claim", c.id) in self.joined]:
                        deferred.setdefault(self.joined[("claim", c.id)], []).append(c)
                    items = [c for c in items if ("claim", c.id) not in self.joined]
                self._block(items)
                if size is None:
                    break
        for items in deferred.values():
            self._block(sorted(items, key=lambda c: c.id))

    def _block(self, items: list[ClaimItem]) -> None:
        pairs = self.score_candidates(candidate_pairs(items))
        ix.add_claims(self.conn, items)
        ix.write_pairs(self.conn, pairs)
        ids = {c.id for c in items}
        mine = {p: s for p, s in self.decisions.items() if p[0] in ids and p[1] in ids}
        edges = {pair: score for pair, (score, auto) in pairs.items() if auto}
        groups = build_groups(items, edges, mine)
        self.conn.executemany(
            "INSERT INTO claim_groups (id, claims_count) VALUES (?, ?)",
            [(-min(c.id for c in g), len(g)) for g in groups],
        )
        self.conn.executemany(
            "UPDATE claims SET group_id = ? WHERE id = ?",
            [(-min(c.id for c in g), c.id) for g in groups for c in g],
        )


def _stored_links(conn) -> Iterator[Reuse]:
    for row in conn.execute(f"SELECT {rx.LINK_COLUMNS} FROM article_reuse"):
        yield Reuse(*row)


def _final_groups(conn, articles, summary, reuse_maps) -> None:
    """Pass 3: every group's rows under its final id (groups numbered by
    their lowest claim id), a chunk of provisional groups at a time."""
    derived_from, copies_of = reuse_maps(_stored_links(conn))
    provisional = [r[0] for r in conn.execute("SELECT id FROM claim_groups ORDER BY id DESC")]
    gid = 0
    for start in range(0, len(provisional), 1000):
        chunk = provisional[start : start + 1000]
        marks = ",".join("?" * len(chunk))
        members: dict[int, list[ClaimItem]] = {}
        for row in conn.execute(
            f"""SELECT c.group_id, c.id, c.article_id, c.speaker_id, c.kind, c.content, c.stated_on
                FROM claims c WHERE c.group_id IN ({marks}) ORDER BY c.id""",
            chunk,
        ):
            members.setdefault(row[0], []).append(_item(articles, row[1:]))
        group_rows, update_rows = [], []
        for pid in chunk:
            gid += 1
            group = earliest_order(members[pid], articles, derived_from)
            rows, classes = claim_rows(gid, group, order_known(group, articles, derived_from))
            update_rows.extend(rows)
            group_rows.append(group_row(gid, group, classes, articles, copies_of))
            summary.grouped_claims += len(group) if len(group) > 1 else 0
        conn.executemany(INSERT_GROUP, group_rows)
        conn.executemany(UPDATE_CLAIM, update_rows)
    conn.execute("DELETE FROM claim_groups WHERE id < 0")
    summary.groups = gid


def _suggestions(conn, decisions: dict[tuple[int, int], str]) -> int:
    """Pass 4: ``rows.suggestion_rows`` over the stored pairs and the decided
    ones, in pair order; the number pending."""
    scored = (
        ((a, b), score, ga, gb)
        for a, b, score, ga, gb in conn.execute(
            """SELECT p.claim_id, p.other_claim_id, p.score, x.group_id, y.group_id
               FROM match_pairs p JOIN claims x ON x.id = p.claim_id
               JOIN claims y ON y.id = p.other_claim_id ORDER BY p.claim_id, p.other_claim_id"""
        )
    )
    decided = ((pair, None, None, None) for pair in sorted(decisions))
    pending, batch, last = 0, [], None
    for pair, score, ga, gb in heapq.merge(scored, decided, key=lambda r: (r[0], r[1] is None)):
        if pair == last:
            continue  # a decided pair that is also scored: the scored row came first
        last = pair
        state = decisions.get(pair, "pending")
        if state == "pending" and ga == gb:
            continue
        if score is None:
            score = score_pair(*(claim_text(_content(conn, c)) for c in pair)).score
        pending += state == "pending"
        batch.append((pair[0], pair[1], score, state))
        if len(batch) >= 10_000:
            conn.executemany(INSERT_SUGGESTION, batch)
            batch = []
    conn.executemany(INSERT_SUGGESTION, batch)
    return pending


def _content(conn, claim_id: int) -> str:
    return conn.execute("SELECT content FROM claims WHERE id = ?", [claim_id]).fetchone()[0]


__all__ = ["full_match", "T"]
