"""Incremental matching: after a load or a removal, match only what changed.

The result is the full match's (``run.match``), row for row but for group
ids, whatever the order and batching of the loads; tests/
test_matching_incremental.py checks it on random splits. Why that holds:

- **Pairs.** A pair's candidacy and score depend on its two claims and on
  which of their bigrams are common in the speaker's block (more than
  MAX_POSTING claims). New claims are looked up in the stored postings; when
  a load or removal moves a bigram across that cap, the whole block's pairs
  are recomputed, as the full match would.
- **Groups.** ``build_groups`` merges along confident pairs and confirmed
  decisions, strongest first; merges in one connected component never
  depend on another component. So only the components holding a new,
  changed or removed claim (or a changed pair) are regrouped, with the same
  function on the same edges in the same order.
- **Reuse** is recomputed over all articles (streamed from SQLite; the
  claims' direction votes are read from the stored groups), and a group's
  fidelity and signals are recomputed when its claims were regrouped or the
  reuse links of its articles changed: nothing else feeds them.
- **Suggestions** are recomputed for pairs touching a regrouped claim;
  verdicts are re-attached as the full match does.

Everything happens in one transaction: a failure leaves the previous state.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable

import sqlite_utils

from loader.matching import index as ix
from loader.matching import reuse_index as rx
from loader.matching import thresholds as T
from loader.matching.candidates import ClaimItem, candidate_pairs
from loader.matching.groups import build_groups
from loader.matching.reuse import Reuse
from loader.matching.reuse_update import update_reuse
from loader.matching.rows import (
    INSERT_SUGGESTION,
    UPDATE_CLAIM,
    claim_rows,
    group_row,
    suggestion_rows,
)
from loader.matching.run import (
    MatchSummary,
    match,
    paused_gc,
    reuse_maps,
    score_candidates,
)
from loader.matching.signals import ArticleInfo, earliest_order, order_known
from loader.matching.sql import chunks, rows_in
from loader.matching.stored import StoredGroups, StoredVotes, stored_keys
from loader.matching.verdicts import attach_verdicts
from loader.schema import ensure_schema
from loader.transaction import transaction


def update_matches(db: sqlite_utils.Database) -> MatchSummary:
    """Bring groups, fidelity, suggestions, reuse and signals up to date with
    the claims added, changed or removed since the last match; a full match
    when there is no index to continue from (a database matched by an older
    version, or never matched)."""
    ensure_schema(db)
    ix.ensure_index(db.conn)
    if not ix.index_ready(db.conn):
        return match(db)
    with paused_gc():
        return _update(db.conn)


def _update(conn) -> MatchSummary:
    summary = MatchSummary()
    clock = time.perf_counter()
    with transaction(conn):
        conn.execute("PRAGMA defer_foreign_keys = ON")
        seeds, old_groups = _apply_changes(conn)
        decisions = _decisions(conn)
        component = _components(conn, seeds, decisions)
        summary.seconds["group"] = time.perf_counter() - clock
        clock = time.perf_counter()
        regrouped = _regroup(conn, component, decisions, old_groups)
        changed_articles = update_reuse(conn, _articles_of(conn, component), StoredVotes(conn))
        dirty = set(regrouped) | _groups_of_articles(conn, changed_articles)
        _refresh_groups(conn, dirty)
        summary.seconds["reuse"] = time.perf_counter() - clock
        clock = time.perf_counter()
        _refresh_suggestions(conn, component, decisions)
        conn.execute("UPDATE claim_groups SET verdict_id = NULL WHERE verdict_id IS NOT NULL")
        summary.verdicts_attached = attach_verdicts(
            conn, stored_keys(conn, "verdicts"), StoredGroups(conn)
        )
        _count(conn, summary)
        conn.execute(
            "INSERT OR REPLACE INTO diplo_meta (key, value) VALUES ('matched_claims', ?)",
            [str(summary.claims)],
        )
    summary.seconds["signals"] = time.perf_counter() - clock
    return summary


# --- claims and pairs --------------------------------------------------------


def _apply_changes(conn) -> tuple[set[int], set[int]]:
    """Update postings and pairs for the claims added, changed and removed;
    (claims whose component must be regrouped, groups that lost claims)."""
    changes = conn.execute("SELECT claim_id, group_id FROM match_changes").fetchall()
    conn.execute("DELETE FROM match_changes")
    changed = {c for c, _ in changes}
    seeds, removed = _forget(conn, changed)
    added_ids = {r[0] for r in conn.execute("SELECT id FROM claims WHERE group_id IS NULL")}
    added_ids |= _existing(conn, changed)
    added = list(ix.items_by_id(conn, added_ids))
    ix.add_claims(conn, added)
    added_to: Counter[tuple[int, int]] = Counter()  # (block, bigram) -> claims put in
    for item in added:
        if ix.block_of(item) is not None:
            added_to.update((ix.block_of(item), h) for h in ix.hashes_of(item))
    crossed = {
        key[0]
        for key in set(removed) | set(added_to)
        if _crossed(conn, key, added_to[key], removed[key])
    }
    for block in sorted(crossed):
        seeds |= _rebuild_block(conn, block)
    pairs: dict[tuple[int, int], tuple[float, bool]] = {}
    for item in added:
        if ix.block_of(item) is not None and ix.block_of(item) not in crossed:
            pairs.update(_pairs_of(conn, item, ix.block_of(item)))
    ix.write_pairs(conn, pairs)
    seeds |= added_ids | {c for pair in pairs for c in pair}
    old_groups = {g for _, g in changes if g is not None}
    for group_id in old_groups:
        seeds.update(
            r[0] for r in conn.execute("SELECT id FROM claims WHERE group_id = ?", [group_id])
        )
    return _existing(conn, seeds), old_groups


def _forget(conn, claim_ids: set[int]) -> tuple[set[int], Counter[tuple[int, int]]]:
    """Drop the postings and pairs of removed or changed claims; (their former
    partners, claims taken out of each (block, bigram) posting)."""
    partners: set[int] = set()
    removed: Counter[tuple[int, int]] = Counter()
    for claim_id in sorted(claim_ids):
        partners.update(ix.neighbours(conn, claim_id, auto_only=False))
        conn.execute(
            "DELETE FROM match_pairs WHERE claim_id = ? OR other_claim_id = ?", [claim_id, claim_id]
        )
        block, hashes = ix.drop_claim(conn, claim_id)
        if block is not None:
            removed.update((block, h) for h in hashes)
    return partners, removed


def _existing(conn, ids: Iterable[int]) -> set[int]:
    return {r[0] for r in rows_in(conn, "SELECT id FROM claims WHERE id IN ({marks})", ids)}


def _crossed(conn, key: tuple[int, int], added: int, removed: int) -> bool:
    """Whether this update moved the bigram's posting across MAX_POSTING.

    Counting the posting up to MAX_POSTING + 1 + added + removed is enough to
    know its size before and after whenever either could be under the cap.
    """
    limit = T.MAX_POSTING + 1 + added + removed
    after = ix.posting_size(conn, key[0], key[1], limit)
    if after >= limit:
        return False  # over the cap both before and after
    before = after - added + removed
    return (before <= T.MAX_POSTING) != (after <= T.MAX_POSTING)


def _rebuild_block(conn, block: int) -> set[int]:
    """Recompute every pair of one block as the full match would; the claims
    whose pairs changed."""
    ids = [r[0] for r in conn.execute("SELECT claim_id FROM match_claims WHERE block = ?", [block])]
    items = list(ix.items_by_id(conn, ids))
    new = score_candidates(candidate_pairs(items))
    old: dict[tuple[int, int], tuple[float, bool]] = {}
    for chunk, marks in chunks(ids):
        for a, b, score, auto in conn.execute(
            f"SELECT claim_id, other_claim_id, score, auto FROM match_pairs WHERE claim_id IN ({marks})",
            chunk,
        ):
            old[(a, b)] = (score, bool(auto))
        conn.execute(f"DELETE FROM match_pairs WHERE claim_id IN ({marks})", chunk)
    ix.write_pairs(conn, new)
    changed = {p for p in set(old) | set(new) if old.get(p) != new.get(p)}
    return {c for pair in changed for c in pair}


def _pairs_of(conn, item: ClaimItem, block: int) -> dict[tuple[int, int], tuple[float, bool]]:
    """The scored candidate pairs of one new claim against its block, by the
    rule of ``candidates.candidate_pairs``: at least MIN_SHARED_BIGRAMS shared
    bigrams that are not common (fewer if the lower-id claim has fewer),
    another article, within the time window."""
    shared: Counter[int] = Counter()
    for h in ix.hashes_of(item):
        others = ix.posting(conn, block, h)
        if len(others) <= T.MAX_POSTING:
            shared.update(o for o in others if o != item.id)
    if not shared:
        return {}
    facts = _claim_facts(conn, shared)
    mine = len(item.text.bigrams)
    keep = []
    for other, n in shared.items():
        article_id, when, bigrams = facts[other]
        lower = mine if item.id < other else bigrams
        if n < min(T.MIN_SHARED_BIGRAMS, lower) or article_id == item.article_id:
            continue
        if item.day is not None and when is not None and abs(item.day - when) > T.TIME_WINDOW_DAYS:
            continue
        keep.append(other)
    by_id = {o.id: o for o in ix.items_by_id(conn, keep)}
    ordered = (((item, by_id[o]) if item.id < o else (by_id[o], item)) for o in sorted(by_id))
    return score_candidates(ordered)


def _claim_facts(conn, ids: Iterable[int]) -> dict[int, tuple[int, int | None, int]]:
    """(article, day, number of bigrams) of stored claims."""
    out = {}
    for cid, aid, when, n in rows_in(
        conn,
        "SELECT claim_id, article_id, day, length(bigrams) / 8 FROM match_claims"
        " WHERE claim_id IN ({marks})",
        ids,
    ):
        out[cid] = (aid, when, n)
    return out


# --- groups ------------------------------------------------------------------


def _decisions(conn) -> dict[tuple[int, int], str]:
    from loader.matching.verdicts import load_decisions

    return load_decisions(conn, stored_keys(conn, "claim_pair_decisions"))


def _components(conn, seeds: set[int], decisions: dict[tuple[int, int], str]) -> set[int]:
    """Every claim connected to a seed by confident pairs or confirmed
    decisions, with the whole current group of each."""
    confirmed: dict[int, list[int]] = defaultdict(list)
    for (a, b), state in decisions.items():
        if state == "confirmed":
            confirmed[a].append(b)
            confirmed[b].append(a)
    seen: set[int] = set()
    groups_seen: set[int] = set()
    stack = sorted(seeds)
    while stack:
        claim_id = stack.pop()
        if claim_id in seen:
            continue
        seen.add(claim_id)
        stack.extend(ix.neighbours(conn, claim_id, auto_only=True))
        stack.extend(confirmed.get(claim_id, ()))
        row = conn.execute("SELECT group_id FROM claims WHERE id = ?", [claim_id]).fetchone()
        if row and row[0] is not None and row[0] not in groups_seen:
            groups_seen.add(row[0])
            stack.extend(
                r[0] for r in conn.execute("SELECT id FROM claims WHERE group_id = ?", [row[0]])
            )
    return _existing(conn, seen)


def _regroup(conn, component: set[int], decisions, old_groups: set[int]) -> list[int]:
    """Group the component's claims afresh; the new group ids. Their rows
    are placeholders (size only) until ``_refresh_groups``."""
    items = list(ix.items_by_id(conn, component))
    edges: dict[tuple[int, int], float] = {}
    for a, b, score in rows_in(
        conn,
        "SELECT claim_id, other_claim_id, score FROM match_pairs"
        " WHERE auto = 1 AND claim_id IN ({marks})",
        component,
    ):
        edges[(a, b)] = score
    mine = {p: s for p, s in decisions.items() if p[0] in component and p[1] in component}
    groups = build_groups(items, edges, mine)
    stale = set(old_groups)
    stale.update(
        r[0]
        for r in rows_in(
            conn,
            "SELECT DISTINCT group_id FROM claims WHERE id IN ({marks}) AND group_id IS NOT NULL",
            component,
        )
    )
    conn.executemany("DELETE FROM claim_groups WHERE id = ?", [(g,) for g in sorted(stale)])
    next_id = (conn.execute("SELECT max(id) FROM claim_groups").fetchone()[0] or 0) + 1
    new_ids = []
    for offset, group in enumerate(sorted(groups, key=lambda g: min(c.id for c in g))):
        gid = next_id + offset
        new_ids.append(gid)
        conn.execute("INSERT INTO claim_groups (id, claims_count) VALUES (?, ?)", [gid, len(group)])
        conn.executemany(
            "UPDATE claims SET group_id = ? WHERE id = ?", [(gid, c.id) for c in group]
        )
    return new_ids


# --- reuse, group rows, suggestions ------------------------------------------


def _articles_of(conn, claim_ids: set[int]) -> set[int]:
    sql = "SELECT article_id FROM claims WHERE id IN ({marks})"
    return {r[0] for r in rows_in(conn, sql, claim_ids)}


def _stored_reuse(conn, article_ids: set[int]) -> list[Reuse]:
    """The stored links into the given articles: all ``reuse_maps`` needs
    for a group of their claims."""
    out = []
    for aid in sorted(article_ids):
        out.extend(
            Reuse(*row)
            for row in conn.execute(
                f"SELECT {rx.LINK_COLUMNS} FROM article_reuse WHERE later_article_id = ?",
                [aid],
            )
        )
    return out


def _groups_of_articles(conn, article_ids: set[int]) -> set[int]:
    out: set[int] = set()
    for aid in sorted(article_ids):
        out.update(
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT group_id FROM claims WHERE article_id = ? AND group_id IS NOT NULL",
                [aid],
            )
        )
    return out


def _refresh_groups(conn, group_ids: set[int]) -> None:
    """Fidelity, diffs, headline and signals of these groups, as the full
    match computes them (from the stored links into their articles)."""
    for gid in sorted(group_ids):
        ids = [r[0] for r in conn.execute("SELECT id FROM claims WHERE group_id = ?", [gid])]
        members = list(ix.items_by_id(conn, ids))
        if not members:
            continue
        derived_from, copies_of = reuse_maps(_stored_reuse(conn, {c.article_id for c in members}))
        articles = _article_info(conn, {c.article_id for c in members})
        group = earliest_order(members, articles, derived_from)
        rows, classes = claim_rows(gid, group, order_known(group, articles, derived_from))
        conn.executemany(UPDATE_CLAIM, rows)
        row = group_row(gid, group, classes, articles, copies_of)
        conn.execute(
            """UPDATE claim_groups SET speaker_id = ?, summary = ?, claims_count = ?,
                   outlets_count = ?, independent_outlets_count = ?, first_claim_id = ?,
                   fidelity = ?, status = ?, first_article_id = ?, first_published = ?,
                   conflict = ? WHERE id = ?""",
            [*row[1:], gid],
        )


def _article_info(conn, ids: set[int]) -> dict[int, ArticleInfo]:
    out = {}
    for aid in sorted(ids):
        row = conn.execute("SELECT id, outlet_id, published FROM articles WHERE id = ?", [aid])
        out[aid] = ArticleInfo(*row.fetchone())
    return out


def _refresh_suggestions(conn, component: set[int], decisions) -> None:
    """Suggestions of every pair that touches a regrouped claim."""
    scored: dict[tuple[int, int], float] = {}
    for chunk, marks in chunks(component):
        conn.execute(
            f"DELETE FROM claim_group_suggestions WHERE claim_id IN ({marks})"
            f" OR other_claim_id IN ({marks})",
            chunk + chunk,
        )
        for a, b, score in conn.execute(
            f"SELECT claim_id, other_claim_id, score FROM match_pairs WHERE claim_id IN ({marks})"
            f" UNION SELECT claim_id, other_claim_id, score FROM match_pairs"
            f" WHERE other_claim_id IN ({marks})",
            chunk + chunk,
        ):
            scored[(a, b)] = score
    mine = {p: s for p, s in decisions.items() if p[0] in component or p[1] in component}
    groups = StoredGroups(conn)
    rows = suggestion_rows(
        set(scored) | set(mine), scored, mine, groups.__getitem__,
        lambda cid: next(ix.items_by_id(conn, [cid])).text,
    )  # fmt: skip
    conn.executemany(INSERT_SUGGESTION, rows)


def _count(conn, summary: MatchSummary) -> None:
    summary.claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    summary.groups = conn.execute("SELECT count(*) FROM claim_groups").fetchone()[0]
    summary.grouped_claims = (
        conn.execute(
            "SELECT sum(claims_count) FROM claim_groups WHERE claims_count > 1"
        ).fetchone()[0]
        or 0
    )
    summary.suggestions = conn.execute(
        "SELECT count(*) FROM claim_group_suggestions WHERE state = 'pending'"
    ).fetchone()[0]
    summary.reuse_pairs = conn.execute("SELECT count(*) FROM article_reuse").fetchone()[0]
