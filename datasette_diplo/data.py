"""The read-only queries behind each page, returning plain JSON-able dicts.

Each page's HTML and its ``.json`` variant are rendered from the same dict, so
the two cannot drift apart; the keys here are the documented API
(docs/api.md). Every query is bounded by an index lookup or a LIMIT so pages
stay fast on a million claims (bench/bench_pages.py); nothing here writes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from datasette_diplo import stories
from datasette_diplo.cache import AGGREGATE_TIME_LIMIT_MS, cached
from loader.matching.direction import is_shared_source
from loader.models import CUE_CLASSES

# Tables a database must have for the pages to make sense. verdicts and
# speaker_aliases are optional extras: pages omit them when absent or hidden.
CORE_TABLES = ["outlets", "articles", "speakers", "claims", "claim_groups", "article_reuse"]
OPTIONAL_TABLES = ["verdicts", "speaker_aliases"]
LIST_LIMIT = 20
SEARCH_LIMIT = 50
TIMELINE_LIMIT = 50
REUSE_LIMIT = 50

GROUP_COLUMNS = """
    g.id AS group_id, coalesce(g.summary, fc.content) AS summary, g.speaker_id,
    s.name AS speaker, g.claims_count, g.outlets_count, g.independent_outlets_count,
    g.status, g.fidelity, g.first_published, fc.kind
"""


async def _rows(db: Any, sql: str, params: list | dict | None = None) -> list[dict]:
    results = await db.execute(sql, params or [])
    return [dict(r) for r in results.rows]


async def _one(db: Any, sql: str, params: list | dict | None = None) -> dict | None:
    rows = await _rows(db, sql, params)
    return rows[0] if rows else None


async def _count(db: Any, table: str) -> int:
    async def compute() -> int:
        sql = f"SELECT count(*) FROM [{table}]"
        return (await db.execute(sql, custom_time_limit=AGGREGATE_TIME_LIMIT_MS)).rows[0][0]

    return await cached(db, f"count:{table}", compute)


def _json(value: str | None) -> Any:
    """Parse a JSON column, keeping malformed values visible rather than failing."""
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return value


def conflict_figures(conflict: Any) -> list[str]:
    """Every figure named in a group's conflict record, whatever its shape.

    The matcher owns the shape of ``claim_groups.conflict``; the page only
    needs the differing figures to highlight them, so collect every scalar.
    """
    found: list[str] = []
    # The matcher's shape (loader/matching/signals.py): a list of
    # {"kind": "figure"|"date", "value": surface text, "claim_ids": [...]}.
    if isinstance(conflict, list) and all(isinstance(e, dict) and "value" in e for e in conflict):
        for e in conflict:
            text = str(e["value"]).strip()
            if text and text not in found:
                found.append(text)
        return found

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            text = str(value).strip()
            if text and re.search(r"\w", text) and text not in found:
                found.append(text)

    walk(conflict)
    return found


async def _top_speakers(db: Any) -> list[dict]:
    results = await db.execute(
        f"""SELECT c.speaker_id, s.name, s.kind, count(*) AS statements
            FROM claims c JOIN speakers s ON s.id = c.speaker_id
            GROUP BY c.speaker_id ORDER BY statements DESC, c.speaker_id
            LIMIT {LIST_LIMIT}""",
        custom_time_limit=AGGREGATE_TIME_LIMIT_MS,
    )
    return [dict(r) for r in results.rows]


async def _outlets(db: Any) -> list[dict]:
    results = await db.execute(
        """SELECT o.id AS outlet_id, o.name, o.domain,
                  (SELECT count(*) FROM articles a WHERE a.outlet_id = o.id) AS articles
           FROM outlets o ORDER BY articles DESC, o.name""",
        custom_time_limit=AGGREGATE_TIME_LIMIT_MS,
    )
    return [dict(r) for r in results.rows]


async def _groups(db: Any, where: str, order: str) -> list[dict]:
    """One overview list of claim groups (GROUP_COLUMNS): the first LIST_LIMIT
    matching ``where`` in ``order`` (both fixed SQL written in this module)."""
    return await _rows(
        db,
        f"""SELECT {GROUP_COLUMNS} FROM claim_groups g
            LEFT JOIN claims fc ON fc.id = g.first_claim_id
            LEFT JOIN speakers s ON s.id = g.speaker_id
            WHERE {where} ORDER BY {order} LIMIT {LIST_LIMIT}""",
    )


async def overview(
    db: Any, visible: set[str], q: str | None, order: str = "relevance", page: int = 1
) -> dict:
    """Counts and the lists a reader starts from; ``page`` pages the search."""
    counts = {t: await _count(db, t) for t in CORE_TABLES if t in visible}
    data: dict[str, Any] = {"database": db.name, "counts": counts}
    groups_ok = {"claim_groups", "claims", "speakers"} <= visible
    data["most_reported"] = (
        await _groups(db, "g.outlets_count >= 2", "g.outlets_count DESC, g.id DESC")
        if groups_ok
        else []
    )
    data["single_source"] = (
        await _groups(db, "g.status = 'single-source'", "g.id DESC") if groups_ok else []
    )
    claims_ok = {"claims", "articles", "outlets", "speakers"} <= visible
    data["altered_quotes"] = (
        await _rows(
            db,
            f"""SELECT c.id AS claim_id, c.group_id, c.article_id, o.name AS outlet,
                       a.published, c.speaker_id, s.name AS speaker, c.content
                FROM claims c JOIN articles a ON a.id = c.article_id
                LEFT JOIN outlets o ON o.id = a.outlet_id
                LEFT JOIN speakers s ON s.id = c.speaker_id
                WHERE c.fidelity = 'altered'
                ORDER BY c.id DESC LIMIT {LIST_LIMIT}""",
        )
        if claims_ok
        else []
    )
    data["top_speakers"] = (
        await _aggregate(db, "top_speakers") if {"claims", "speakers"} <= visible else []
    )
    data["outlets"] = await _aggregate(db, "outlets") if {"outlets", "articles"} <= visible else []
    data["search"] = None
    if q and q.strip() and claims_ok:
        data["search"] = await _search(db, q, order, page)
    return data


# How search results can be ordered: by BM25 rank, or by when the statement was
# made (its stated date, else the article's publication date; unknown last).
SEARCH_ORDERS = {
    "relevance": "m.rank, c.id DESC",
    "earliest": "coalesce(c.stated_on, a.published) IS NULL, "
    "coalesce(c.stated_on, a.published), c.id",
    "latest": "coalesce(c.stated_on, a.published) IS NULL, "
    "coalesce(c.stated_on, a.published) DESC, c.id DESC",
}
# Ordering scores or dates every match; a common word matches 100,000 of a
# million claims (1.5 s to rank them all), so only the most recently loaded
# matches this many are ordered, which is every match in most databases.
SEARCH_CANDIDATES = 2000


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fts_words(q: str) -> str | None:
    """A search box's text as an FTS5 query of plain words, or None if it has none.

    Every whitespace-separated token becomes a quoted string (inner quotes
    doubled), so FTS syntax -- quotes, AND/OR/NOT, NEAR, ``*``, ``:``,
    parentheses -- is read as words and can never make the query fail. FTS5
    tokenizes inside the quotes with the table's own tokenizer, so "U.S." or
    "don't" match as they would unquoted. Control characters (a NUL ends an
    FTS5 string early) become spaces; tokens with no letter or digit are dropped.
    """
    words = [w for w in _CONTROL.sub(" ", q).split() if re.search(r"\w", w)]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


async def _search(db: Any, q: str, order: str, page: int = 1) -> dict:
    found = {"q": q, "order": order, "limit": SEARCH_LIMIT, "page": page}
    query = fts_words(q)
    if query is None:
        return {
            **found,
            "matches_ordered": 0,
            "more_matches": False,
            "results": [],
            "next_page": None,
        }
    params = {"q": query}
    matched = (
        await db.execute(
            f"SELECT count(*) FROM (SELECT rowid FROM claims_fts WHERE claims_fts MATCH :q "
            f"LIMIT {SEARCH_CANDIDATES + 1})",
            params,
        )
    ).rows[0][0]
    ordered = min(matched, SEARCH_CANDIDATES)
    results = await _rows(
        db,
        f"""WITH m AS (
                SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH :q
                ORDER BY rowid DESC LIMIT {SEARCH_CANDIDATES})
            SELECT c.id AS claim_id, c.group_id, c.article_id, c.kind, c.speaker_id,
                   s.name AS speaker, o.name AS outlet, a.published, c.stated_on, c.content
            FROM m JOIN claims c ON c.id = m.rowid
            JOIN articles a ON a.id = c.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id
            LEFT JOIN speakers s ON s.id = c.speaker_id
            ORDER BY {SEARCH_ORDERS[order]}
            LIMIT {SEARCH_LIMIT} OFFSET {(page - 1) * SEARCH_LIMIT}""",
        params,
    )
    return {
        **found,
        "matches_ordered": ordered,
        "more_matches": matched > SEARCH_CANDIDATES,
        "results": results,
        "next_page": page + 1 if page * SEARCH_LIMIT < ordered else None,
    }


async def group(db: Any, group_id: int, visible: set[str]) -> dict | None:
    """One statement as every outlet reported it, earliest first."""
    g = await _one(
        db,
        """SELECT g.id, coalesce(g.summary, fc.content) AS summary, g.speaker_id,
                  s.name AS speaker, g.claims_count, g.outlets_count,
                  g.independent_outlets_count, g.status, g.fidelity, g.first_published,
                  g.first_article_id, g.first_claim_id, g.conflict, g.verdict_id,
                  fc.kind, fo.name AS first_outlet, fa.title AS first_article_title
           FROM claim_groups g
           LEFT JOIN claims fc ON fc.id = g.first_claim_id
           LEFT JOIN speakers s ON s.id = g.speaker_id
           LEFT JOIN articles fa ON fa.id = g.first_article_id
           LEFT JOIN outlets fo ON fo.id = fa.outlet_id
           WHERE g.id = ?""",
        [group_id],
    )
    if g is None:
        return None
    g["conflict"] = _json(g["conflict"])
    verdict = None
    verdict_id = g.pop("verdict_id")
    if verdict_id is not None and "verdicts" in visible:
        verdict = await _one(
            db,
            """SELECT id, status, note, evidence_url, by_name, created_at
               FROM verdicts WHERE id = ?""",
            [verdict_id],
        )
    versions = await _rows(
        db,
        f"""SELECT c.id AS claim_id, c.article_id, a.title AS article_title, a.outlet_id,
                  o.name AS outlet, a.published, c.speaker_mention, c.speaker_description,
                  c.speaker_id, s.name AS speaker, c.cue, c.kind, c.fidelity, c.content,
                  c.diff, {await _relay_column(db)}
           FROM claims c JOIN articles a ON a.id = c.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           LEFT JOIN speakers s ON s.id = c.speaker_id
           WHERE c.group_id = ?
           ORDER BY a.published IS NULL, a.published, a.id, c.id""",
        [group_id],
    )
    g["order_known"] = order_known(versions)
    _mark_earliest(versions, g["first_claim_id"], g["order_known"])
    # The earliest version leads (every diff is against it), then date order.
    versions.sort(key=lambda v: not v["is_earliest"])
    return {
        "database": db.name,
        "group": g,
        "conflict_figures": conflict_figures(g["conflict"]),
        "verdict": verdict,
        "versions": versions,
    }


def _mark_earliest(versions: list[dict], earliest: int | None, known: bool) -> None:
    """Parse each diff; flag the earliest version (only when the order is
    known) and the versions whose order is unknown."""
    if earliest is None and versions:
        earliest = versions[0]["claim_id"]
    dates = [v["published"][:10] for v in versions if v["published"] is not None]
    for v in versions:
        v["diff"] = _json(v["diff"])
        v["is_earliest"] = known and v["claim_id"] == earliest
        # Two reports dated the same day (no time): which came first is unknown.
        v["same_day"] = v["published"] is not None and dates.count(v["published"][:10]) > 1
        v["order_unknown"] = v["same_day"] or not known


def order_known(versions: list[dict]) -> bool:
    """Matching crowns an ``origin`` only when it knows which version came
    first (dates, or one reusing another's wording); without one, the page
    says "order unknown". A database matched before fidelity existed (every
    fidelity NULL) keeps the first version as the earliest."""
    classes = [v["fidelity"] for v in versions]
    return len(versions) < 2 or "origin" in classes or all(c is None for c in classes)


async def _relay_column(db: Any) -> str:
    """``claims.relayed_by``, or NULL on a database loaded before it existed."""
    if "relayed_by" in await db.table_columns("claims"):
        return "c.relayed_by"
    return "NULL AS relayed_by"


# How the speaker page names each cue class: the filter a reader wants most is
# "what did they actually say", apart from what they are reported to think.
CLASS_LABELS = dict(
    zip(CUE_CLASSES, ("statements", "beliefs", "intentions", "decrees", "perceptions"), strict=True)
)


async def _speaker_aliases(db: Any, speaker_id: int, visible: set[str]) -> list[dict]:
    """The names outlets used for a speaker, most used first (none when the
    reader may not see ``speaker_aliases``)."""
    if "speaker_aliases" not in visible:
        return []
    # Databases from before the usage count have no "articles" column.
    counted = "articles" in await db.table_columns("speaker_aliases")
    return await _rows(
        db,
        "SELECT alias, articles FROM speaker_aliases WHERE speaker_id = ? "
        "ORDER BY articles DESC, alias"
        if counted
        else "SELECT alias, NULL AS articles FROM speaker_aliases WHERE speaker_id = ? "
        "ORDER BY alias",
        [speaker_id],
    )


async def _speaker_descriptions(db: Any, speaker_id: int) -> list[dict]:
    """How each outlet described the speaker, with how often."""
    return await _rows(
        db,
        """SELECT o.name AS outlet, c.speaker_description AS description, count(*) AS claims
           FROM claims c JOIN articles a ON a.id = c.article_id
           LEFT JOIN outlets o ON o.id = a.outlet_id
           WHERE c.speaker_id = ? AND c.speaker_description IS NOT NULL
           GROUP BY o.name, c.speaker_description
           ORDER BY o.name IS NULL, o.name, claims DESC""",
        [speaker_id],
    )


async def _speaker_classes(db: Any, speaker_id: int) -> tuple[dict[str, int], list[dict]]:
    """How many of the speaker's claims fall in each cue class, and the
    classes the page offers as filters (only those with claims)."""
    by_class = {
        r["cue_class"]: r["n"]
        for r in await _rows(
            db,
            "SELECT cue_class, count(*) AS n FROM claims WHERE speaker_id = ? GROUP BY cue_class",
            [speaker_id],
        )
    }
    classes = [
        {"cue_class": c, "label": CLASS_LABELS[c], "statements": by_class[c]}
        for c in CUE_CLASSES
        if by_class.get(c)
    ]
    return by_class, classes


async def speaker(
    db: Any, speaker_id: int, visible: set[str], page: int = 1, cue_class: str | None = None
) -> dict | None:
    """Who a speaker is, how outlets describe them, and what they said when.

    The timeline comes in pages of TIMELINE_LIMIT statements (page 1 first),
    optionally only those of one cue class (one of CUE_CLASSES).
    """
    s = await _one(
        db, "SELECT id, name, kind, description, key FROM speakers WHERE id = ?", [speaker_id]
    )
    if s is None:
        return None
    alias_rows = await _speaker_aliases(db, speaker_id, visible)
    aliases = [r["alias"] for r in alias_rows]
    descriptions = await _speaker_descriptions(db, speaker_id)
    by_class, classes = await _speaker_classes(db, speaker_id)
    all_statements = sum(by_class.values())
    statements = all_statements if cue_class is None else by_class.get(cue_class, 0)
    # Sort the speaker's claims on the covering indexes first, then read only
    # the rows of the page: a speaker can have tens of thousands of claims.
    timeline = await _rows(
        db,
        f"""WITH page AS (
                SELECT c.id, coalesce(c.stated_on, a.published) AS day, c.article_id AS aid,
                       c.content_start AS pos
                FROM claims c JOIN articles a ON a.id = c.article_id
                WHERE c.speaker_id = ? AND (? IS NULL OR c.cue_class = ?)
                ORDER BY day IS NULL, day, aid, pos
                LIMIT {TIMELINE_LIMIT} OFFSET {(page - 1) * TIMELINE_LIMIT})
            SELECT c.id AS claim_id, c.group_id, c.article_id, o.name AS outlet, a.published,
                   c.stated_on, c.stated_when, c.kind, c.cue, c.cue_class, c.speaker_mention,
                   c.content, {await _relay_column(db)}
            FROM page JOIN claims c ON c.id = page.id
            JOIN articles a ON a.id = c.article_id
            LEFT JOIN outlets o ON o.id = a.outlet_id
            ORDER BY page.day IS NULL, page.day, page.aid, page.pos""",
        [speaker_id, cue_class, cue_class],
    )
    return {
        "database": db.name,
        "speaker": s,
        "aliases": aliases,
        "alias_articles": [{"alias": r["alias"], "articles": r["articles"]} for r in alias_rows],
        "descriptions": descriptions,
        "statements_count": statements,
        "all_statements_count": all_statements,
        "classes": classes,
        "cue_class": cue_class,
        "timeline_limit": TIMELINE_LIMIT,
        "page": page,
        "next_page": page + 1 if page * TIMELINE_LIMIT < statements else None,
        "timeline": timeline,
    }


REUSE_PAIR_COLUMNS = """
    r.earlier_article_id, ea.title AS earlier_title, eo.name AS earlier_outlet,
    ea.published AS earlier_published,
    r.later_article_id, la.title AS later_title, lo.name AS later_outlet,
    la.published AS later_published,
    r.containment, r.reverse_containment, r.shared_words, r.basis
"""
REUSE_JOINS = """
    JOIN articles ea ON ea.id = r.earlier_article_id
    LEFT JOIN outlets eo ON eo.id = ea.outlet_id
    JOIN articles la ON la.id = r.later_article_id
    LEFT JOIN outlets lo ON lo.id = la.outlet_id
"""


async def article(db: Any, article_id: int, visible: set[str]) -> dict | None:
    """An article's text, the claims drawn from it, and its reuse links."""
    a = await _one(
        db,
        """SELECT a.id, a.title, a.url, a.published, a.published_basis, a.dateline, a.author,
                  a.language, a.outlet_id, o.name AS outlet, a.source_file, a.text
           FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?""",
        [article_id],
    )
    if a is None:
        return None
    text = a.pop("text")
    claims = await _rows(
        db,
        f"""SELECT c.id AS claim_id, c.group_id, c.kind, c.fidelity, c.speaker_id,
                  s.name AS speaker, c.speaker_mention, c.cue, c.content, c.content_start,
                  c.content_end, {await _relay_column(db)}
           FROM claims c LEFT JOIN speakers s ON s.id = c.speaker_id
           WHERE c.article_id = ? ORDER BY c.content_start, c.id""",
        [article_id],
    )
    reused_from = await _rows(
        db,
        f"SELECT {REUSE_PAIR_COLUMNS} FROM article_reuse r {REUSE_JOINS} "
        "WHERE r.later_article_id = ? ORDER BY r.containment DESC",
        [article_id],
    )
    reused_by = await _rows(
        db,
        f"SELECT {REUSE_PAIR_COLUMNS} FROM article_reuse r {REUSE_JOINS} "
        "WHERE r.earlier_article_id = ? ORDER BY r.containment DESC",
        [article_id],
    )
    return {
        "database": db.name,
        "article": a,
        "text": text,
        "claims": claims,
        "reused_from": [r for r in reused_from if not is_shared_source(r["basis"])],
        "reused_by": [r for r in reused_by if not is_shared_source(r["basis"])],
        "shares_source_with": shares_source_with(article_id, reused_from + reused_by),
    }


def shares_source_with(article_id: int, links: list[dict]) -> list[dict]:
    """The articles that reuse the same earlier article as this one and share
    little beyond it: listed apart, never as one copying the other."""
    out = []
    for r in links:
        if not is_shared_source(r["basis"]):
            continue
        side = "later" if r["earlier_article_id"] == article_id else "earlier"
        out.append(
            {
                "article_id": r[f"{side}_article_id"],
                "title": r[f"{side}_title"],
                "outlet": r[f"{side}_outlet"],
                "published": r[f"{side}_published"],
                "basis": r["basis"],
            }
        )
    return out


OUTLET_PAIRS_LIMIT = 20


async def _outlet_pairs(db: Any) -> list[dict]:
    """Which outlet takes wording from which, by number of article pairs, every
    pair of outlets, most pairs first. A whole-table aggregate (50,000 links),
    so computed once per database version; articles with no known outlet count
    as one unknown outlet, as in the signals."""
    results = await db.execute(
        """SELECT ea.outlet_id AS earlier_outlet_id, eo.name AS earlier_outlet,
                  la.outlet_id AS later_outlet_id, lo.name AS later_outlet,
                  count(*) AS pairs, round(avg(r.containment), 3) AS avg_containment
           FROM article_reuse r
           JOIN articles ea ON ea.id = r.earlier_article_id
           JOIN articles la ON la.id = r.later_article_id
           LEFT JOIN outlets eo ON eo.id = ea.outlet_id
           LEFT JOIN outlets lo ON lo.id = la.outlet_id
           WHERE r.basis NOT LIKE 'shared source%'
           GROUP BY ea.outlet_id, la.outlet_id
           ORDER BY pairs DESC, avg_containment DESC, ea.outlet_id, la.outlet_id""",
        custom_time_limit=AGGREGATE_TIME_LIMIT_MS,
    )
    return [dict(r) for r in results.rows]


async def _outlet_reuse(db: Any) -> dict:
    """Everything the reuse page shows about outlets, built once per database
    version from the one aggregate: the top pairs, the matrix, and each pair's
    count (at a million claims there are tens of thousands of outlet pairs)."""
    every = await _outlet_pairs(db)
    return {
        "top": every[:OUTLET_PAIRS_LIMIT],
        "matrix": outlet_matrix(every),
        "by_pair": {(o["earlier_outlet_id"], o["later_outlet_id"]): o["pairs"] for o in every},
    }


async def reuse(
    db: Any,
    page: int = 1,
    between: tuple[int | None, int | None] | None = None,
    story_of: int | None = None,
) -> dict | None:
    """The wording-reuse links, strongest first, a page at a time (only those
    from one outlet to another with ``between``), the outlet pairs and the
    outlet-by-outlet matrix, the largest stories, and with ``story_of`` the
    story holding that article (None when it has no reuse link)."""
    story = None
    if story_of is not None:
        story = await stories.story(
            db, story_of, f"SELECT {REUSE_PAIR_COLUMNS} FROM article_reuse r {REUSE_JOINS}"
        )
        if story is None:
            return None
    where, params = "", []
    if between is not None:
        where, params = "WHERE ea.outlet_id IS ? AND la.outlet_id IS ?", list(between)
    pairs = await _rows(
        db,
        f"SELECT {REUSE_PAIR_COLUMNS} FROM article_reuse r {REUSE_JOINS} {where} "
        f"ORDER BY r.containment DESC, r.earlier_article_id, r.later_article_id "
        f"LIMIT {REUSE_LIMIT} OFFSET {(page - 1) * REUSE_LIMIT}",
        params,
    )
    outlets = await _aggregate(db, "outlet_reuse")
    total = await _count(db, "article_reuse")
    if between is not None:
        total = outlets["by_pair"].get(between, 0)
    return {
        "database": db.name,
        "total": total,
        "limit": REUSE_LIMIT,
        "page": page,
        "next_page": page + 1 if page * REUSE_LIMIT < total else None,
        "between": list(between) if between is not None else None,
        "pairs": pairs,
        "outlet_pairs": outlets["top"],
        "outlet_matrix": outlets["matrix"],
        "stories": await stories.top_stories(db),
        "story": story,
    }


MATRIX_OUTLETS = 12


def outlet_matrix(outlet_pairs: list[dict], size: int = MATRIX_OUTLETS) -> dict:
    """Who takes wording from whom, as a square table of the ``size`` outlets
    with the most reuse links (as source or as taker), most first.

    ``cells[i][j]`` counts article pairs whose earlier article is outlet i's
    and whose later one is outlet j's (0: none). A list of pairs would need
    one line per pair of outlets; this reads at a glance at any archive size.
    """
    involvement: dict[int | None, int] = {}
    names: dict[int | None, str | None] = {}
    for o in outlet_pairs:
        for side in ("earlier", "later"):
            oid = o[f"{side}_outlet_id"]
            involvement[oid] = involvement.get(oid, 0) + o["pairs"]
            names[oid] = o[f"{side}_outlet"]
    chosen = sorted(involvement, key=lambda i: (-involvement[i], i is None, i or 0))[:size]
    index = {oid: n for n, oid in enumerate(chosen)}
    cells = [[0] * len(chosen) for _ in chosen]
    for o in outlet_pairs:
        i, j = index.get(o["earlier_outlet_id"], -1), index.get(o["later_outlet_id"], -1)
        if i >= 0 and j >= 0:
            cells[i][j] = o["pairs"]
    return {
        "outlets": [{"outlet_id": oid, "name": names[oid]} for oid in chosen],
        "cells": cells,
        "outlets_total": len(involvement),
    }


async def warm(db: Any) -> None:
    """Compute the cached whole-table aggregates (counts, top speakers,
    outlets, the outlet matrix, the stories) before the first request.

    Without it, the first burst of readers after start-up all wait on them
    at once and, on a busy server, a page query queued behind them can run
    past Datasette's time limit (seen as one 503 in 4,348 requests of
    bench/bench_serve.py at 1M claims). A step that fails is left to the
    first request, which reports it as usual: warming must never stop the
    server from starting."""
    steps = [lambda t=t: _count(db, t) for t in CORE_TABLES]
    steps += [lambda key=key: _aggregate(db, key) for key in AGGREGATES]
    steps.append(lambda: stories.story_index(db))
    for step in steps:
        try:
            await step()
        except Exception:  # noqa: BLE001 - an optimisation; the page reports real errors
            continue


# The whole-table aggregates the pages keep in the cache, by cache key: the
# pages and the start-up warm-up read them through _aggregate, so both always
# name the same entry.
AGGREGATES = {
    "top_speakers": _top_speakers,
    "outlets": _outlets,
    "outlet_reuse": _outlet_reuse,
}


async def _aggregate(db: Any, key: str) -> Any:
    """One of AGGREGATES, computed once per database version (cache.py)."""
    return await cached(db, key, lambda: AGGREGATES[key](db))
