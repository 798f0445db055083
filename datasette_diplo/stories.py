"""Stories: the groups of articles joined by reuse links, for the reuse page.

One picture of every reuse link is a hairball past a few dozen articles; a
story (a connected group of articles that took wording from one another) is
what a reader follows. The groups are found once per database version
(union-find over ``article_reuse``, cached like the other whole-table
aggregates) and a story's own links are drawn only when it is small enough
to read, laid out in the browser by the vendored d3-force (static/story.js).
"""

from __future__ import annotations

from typing import Any

from datasette_diplo.cache import AGGREGATE_TIME_LIMIT_MS, cached
from loader.matching.direction import is_directed

STORY_LIST_LIMIT = 20
DRAW_LIMIT = 150  # articles: past this a node-link picture is unreadable


def _groups(links: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Connected groups of articles, keyed by their lowest article id."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in links:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for x in parent:
        groups.setdefault(find(x), []).append(x)
    return {min(m): sorted(m) for m in groups.values()}


async def _compute(db: Any) -> dict:
    links = [
        (r[0], r[1])
        for r in (
            await db.execute(
                "SELECT earlier_article_id, later_article_id FROM article_reuse",
                custom_time_limit=AGGREGATE_TIME_LIMIT_MS,
            )
        ).rows
    ]
    groups = _groups(links)
    outlet_of = {
        r[0]: r[1]
        for r in (
            await db.execute(
                """SELECT id, outlet_id FROM articles WHERE id IN (
                       SELECT earlier_article_id FROM article_reuse
                       UNION SELECT later_article_id FROM article_reuse)""",
                custom_time_limit=AGGREGATE_TIME_LIMIT_MS,
            )
        ).rows
    }
    link_count: dict[int, int] = {}
    story_of = {a: sid for sid, members in groups.items() for a in members}
    for a, _b in links:
        link_count[story_of[a]] = link_count.get(story_of[a], 0) + 1
    stories = [
        {
            "story_id": sid,
            "articles": len(members),
            "outlets": len({outlet_of.get(a) for a in members}),
            "links": link_count.get(sid, 0),
            "drawn": len(members) <= DRAW_LIMIT,
        }
        for sid, members in groups.items()
    ]
    stories.sort(key=lambda s: (-s["articles"], -s["links"], s["story_id"]))
    return {"stories": stories, "groups": groups, "story_of": story_of}


async def story_index(db: Any) -> dict:
    """Every story of this database version (cached)."""
    return await cached(db, "stories", lambda: _compute(db))


async def top_stories(db: Any) -> dict:
    """The largest stories, each with its first article's title and outlet."""
    index = await story_index(db)
    top = [dict(s) for s in index["stories"][:STORY_LIST_LIMIT]]
    if top:
        ids = [s["story_id"] for s in top]
        rows = await db.execute(
            f"""SELECT a.id, a.title, o.name FROM articles a
                LEFT JOIN outlets o ON o.id = a.outlet_id
                WHERE a.id IN ({", ".join("?" * len(ids))})""",
            ids,
        )
        about = {r[0]: (r[1], r[2]) for r in rows.rows}
        for s in top:
            s["title"], s["outlet"] = about.get(s["story_id"], (None, None))
    return {"total": len(index["stories"]), "list": top, "draw_limit": DRAW_LIMIT}


async def story(db: Any, article_id: int, pair_sql: str) -> dict | None:
    """The story holding ``article_id``: its articles and links (when small
    enough to draw), or None when the article shares wording with no other."""
    index = await story_index(db)
    sid = index["story_of"].get(article_id)
    if sid is None:
        return None
    members = index["groups"][sid]
    found: dict[str, Any] = {"story_id": sid, "articles": len(members)}
    found["drawn"] = len(members) <= DRAW_LIMIT
    if not found["drawn"]:
        return {**found, "nodes": [], "links": []}
    marks = ", ".join("?" * len(members))
    nodes = await db.execute(
        f"""SELECT a.id, a.title, o.name AS outlet, a.published FROM articles a
            LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id IN ({marks}) ORDER BY a.id""",
        members,
    )
    links = await db.execute(
        f"{pair_sql} WHERE r.earlier_article_id IN ({marks}) ORDER BY r.containment DESC",
        members,
    )
    found["nodes"] = [dict(r) for r in nodes.rows]
    found["links"] = [
        {**dict(r), "directed": is_directed(str(r["basis"] or ""))} for r in links.rows
    ]
    return found
