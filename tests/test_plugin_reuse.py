"""Reuse at archive size (issue 16): an outlet-by-outlet matrix of who takes
wording from whom, each count linking to the article pairs behind it."""

from __future__ import annotations

import random

import pytest
import sqlite_utils
from datasette.app import Datasette

from datasette_diplo.data import outlet_matrix
from loader.schema import ensure_schema


def test_outlet_matrix_keeps_the_outlets_with_most_reuse():
    rows = [
        {
            "earlier_outlet_id": 1,
            "earlier_outlet": "A",
            "later_outlet_id": 2,
            "later_outlet": "B",
            "pairs": 5,
        },
        {
            "earlier_outlet_id": 2,
            "earlier_outlet": "B",
            "later_outlet_id": 1,
            "later_outlet": "A",
            "pairs": 1,
        },
        {
            "earlier_outlet_id": 1,
            "earlier_outlet": "A",
            "later_outlet_id": None,
            "later_outlet": None,
            "pairs": 2,
        },
        {
            "earlier_outlet_id": 3,
            "earlier_outlet": "C",
            "later_outlet_id": 1,
            "later_outlet": "A",
            "pairs": 1,
        },
    ]
    m = outlet_matrix(rows, size=3)
    assert [o["name"] for o in m["outlets"]] == ["A", "B", None]  # 9, 6, 2 links
    assert m["cells"] == [[0, 5, 2], [1, 0, 0], [0, 0, 0]]
    assert m["outlets_total"] == 4


def build_archive(path, articles=240, outlets=12, links=400, seed=3):
    """A synthetic archive: articles spread over outlets (every 20th with none),
    and reuse links from earlier to later articles."""
    rng = random.Random(seed)
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db["outlets"].insert_all({"id": i, "name": f"Outlet {i}"} for i in range(1, outlets + 1))
    db["articles"].insert_all(
        {
            "id": a,
            "outlet_id": None if a % 20 == 0 else 1 + a % outlets,
            "title": f"Story {a}",
            "published": f"2024-01-{1 + a % 28:02d}",
            "source_file": f"{a}.txt",
            "content_hash": f"h{a}",
            "text": f"Story {a} text.",
            "loaded_at": "2026-01-01",
        }
        for a in range(1, articles + 1)
    )
    pairs = set()
    while len(pairs) < links:
        a = rng.randint(1, articles - 1)
        pairs.add((a, rng.randint(a + 1, articles)))
    db["article_reuse"].insert_all(
        {
            "earlier_article_id": a,
            "later_article_id": b,
            "containment": round(rng.random(), 3),
            "basis": "dates",
        }
        for a, b in sorted(pairs)
    )
    db.close()
    return path


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return build_archive(tmp_path_factory.mktemp("reuse") / "news.db")


@pytest.mark.asyncio
async def test_matrix_counts_every_link_between_its_outlets(archive):
    ds = Datasette([str(archive)])
    data = (await ds.client.get("/-/diplo/news/reuse.json")).json()
    m = data["outlet_matrix"]
    assert len(m["outlets"]) == 12 and m["outlets_total"] == 13  # 12 outlets + unknown
    db = sqlite_utils.Database(archive)
    for i, src in enumerate(m["outlets"]):
        for j, dst in enumerate(m["outlets"]):
            expected = db.execute(
                """SELECT count(*) FROM article_reuse r
                   JOIN articles ea ON ea.id = r.earlier_article_id
                   JOIN articles la ON la.id = r.later_article_id
                   WHERE ea.outlet_id IS ? AND la.outlet_id IS ?""",
                [src["outlet_id"], dst["outlet_id"]],
            ).fetchone()[0]
            assert m["cells"][i][j] == expected, (src, dst)


@pytest.mark.asyncio
async def test_a_matrix_count_links_to_exactly_those_pairs(archive):
    ds = Datasette([str(archive)])
    m = (await ds.client.get("/-/diplo/news/reuse.json")).json()["outlet_matrix"]
    i, j = next((i, j) for i, row in enumerate(m["cells"]) for j, n in enumerate(row) if n >= 2)
    src, dst = m["outlets"][i]["outlet_id"], m["outlets"][j]["outlet_id"]
    html = (await ds.client.get("/-/diplo/news/reuse")).text
    href = f"?from={'unknown' if src is None else src}&amp;to={'unknown' if dst is None else dst}"
    assert f'<a href="{href}">{m["cells"][i][j]}</a>' in html
    data = (await ds.client.get("/-/diplo/news/reuse.json" + href.replace("&amp;", "&"))).json()
    assert data["total"] == m["cells"][i][j] == len(data["pairs"])
    assert {(p["earlier_outlet"], p["later_outlet"]) for p in data["pairs"]} == {
        (m["outlets"][i]["name"], m["outlets"][j]["name"])
    }
    assert data["between"] == [src, dst]
    unknown = (await ds.client.get("/-/diplo/news/reuse.json?from=unknown&to=unknown")).json()
    assert all(p["earlier_outlet"] is None for p in unknown["pairs"])
    for bad in ("from=x", "from=1&to=-1", "from=%00", "to=²"):
        assert (await ds.client.get(f"/-/diplo/news/reuse.json?{bad}")).status_code == 400


@pytest.mark.asyncio
async def test_an_articles_page_lists_what_it_reused_and_who_reused_it(archive):
    """Both reuse tables of the article page, one macro: each link leads to the
    other article, with its outlet ("unknown" when none is stated) and the share."""
    ds = Datasette([str(archive)])
    db = sqlite_utils.Database(archive)
    article = db.execute(
        """SELECT a FROM (SELECT earlier_article_id AS a FROM article_reuse
           INTERSECT SELECT later_article_id FROM article_reuse) LIMIT 1"""
    ).fetchone()[0]
    html = (await ds.client.get(f"/-/diplo/news/articles/{article}")).text
    head, _, tail = html.partition("<h2>Reused by</h2>")
    for section, mine, other in ((head, "later", "earlier"), (tail, "earlier", "later")):
        rows = db.execute(
            f"""SELECT r.{other}_article_id, r.containment, o.name FROM article_reuse r
                JOIN articles x ON x.id = r.{other}_article_id
                LEFT JOIN outlets o ON o.id = x.outlet_id
                WHERE r.{mine}_article_id = ?""",
            [article],
        ).fetchall()
        assert rows
        for other_id, containment, outlet in rows:
            link = f'<a href="/-/diplo/news/articles/{other_id}">Story {other_id}</a>'
            assert link in section
            row = section[section.index(link) :].split("</tr>")[0]
            assert f"<td>{outlet or 'unknown'}</td>" in row
            assert f"{containment:.0%}" in row
