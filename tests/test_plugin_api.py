"""The plugin's JSON by Datasette's conventions (issue 16): ``"ok": true``,
CORS headers under ``--cors``, and ``next_url`` on every paged list, read both
through datasette.client and with a real HTTP client against a running server.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest
from datasette.app import Datasette

from datasette_diplo.devserver import serve
from tests.test_plugin_pages import add_statements, build_db

JSON_PAGES = [
    "/-/diplo/news.json",
    "/-/diplo/news.json?q=security",
    "/-/diplo/news/groups/1.json",
    "/-/diplo/news/speakers/1.json",
    "/-/diplo/news/articles/1.json",
    "/-/diplo/news/reuse.json",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "news.db"
    db = build_db(path)
    # 60 more statements by speaker 1: two pages of timeline, search and reuse
    add_statements(db, cue_class="speech")
    db.close()
    return path


@pytest.mark.asyncio
async def test_every_json_page_says_ok(db_path):
    ds = Datasette([str(db_path)])
    for path in JSON_PAGES:
        response = await ds.client.get(path)
        assert response.status_code == 200 and response.json()["ok"] is True, path
        assert "access-control-allow-origin" not in response.headers, path
    response = await ds.client.get("/-/diplo/news/groups/999.json")
    assert response.status_code == 404
    assert response.json() == {
        "ok": False,
        "error": "No such claim group",
        "status": 404,
        "title": None,
    }


@pytest.mark.asyncio
async def test_cors_headers_as_datasette_gives_them(db_path):
    ds = Datasette([str(db_path)], cors=True)
    own = (await ds.client.get("/news/claims.json")).headers
    assert own["access-control-allow-origin"] == "*"
    for path in [*JSON_PAGES, "/-/diplo/news/groups/999.json", "/-/diplo/news"]:
        headers = (await ds.client.get(path)).headers
        for name in ("access-control-allow-origin", "access-control-expose-headers"):
            assert headers.get(name) == own[name], (path, name)


async def walk(ds, url: str, key) -> list:
    """Follow next_url from ``url`` to the end; the items of every page."""
    items = []
    for _ in range(100):
        data = (await ds.client.get(url.removeprefix("http://localhost"))).json()
        section = key(data)
        items.append(section)
        if section["next_url"] is None:
            return items
        url = section["next_url"]
    raise AssertionError("next_url never ends")


@pytest.mark.asyncio
async def test_speaker_timeline_pages_by_next_url(db_path):
    ds = Datasette([str(db_path)])
    pages = await walk(ds, "/-/diplo/news/speakers/1.json?class=speech", lambda d: d)
    assert len(pages) == 2
    assert (
        pages[0]["next_url"] == "http://localhost/-/diplo/news/speakers/1.json?class=speech&page=2"
    )
    ids = [c["claim_id"] for p in pages for c in p["timeline"]]
    assert len(ids) == len(set(ids)) == pages[0]["statements_count"] == 62
    assert (await ds.client.get("/-/diplo/news/speakers/1.json?page=3")).status_code == 404


@pytest.mark.asyncio
async def test_search_pages_by_next_url(db_path):
    ds = Datasette([str(db_path)])
    pages = await walk(ds, "/-/diplo/news.json?q=shared+security", lambda d: d["search"])
    assert [len(p["results"]) for p in pages] == [50, 12]
    ids = [r["claim_id"] for p in pages for r in p["results"]]
    assert len(set(ids)) == 62 == pages[0]["matches_ordered"]
    assert pages[1]["page"] == 2 and pages[1]["next_page"] is None
    html = (await ds.client.get("/-/diplo/news?q=shared+security")).text
    assert "Results 1–50 of 62" in html and "page=2" in html
    assert (await ds.client.get("/-/diplo/news.json?q=shared&page=3")).status_code == 404


@pytest.mark.asyncio
async def test_reuse_pages_by_next_url(db_path, monkeypatch):
    monkeypatch.setattr("datasette_diplo.data.REUSE_LIMIT", 1)
    ds = Datasette([str(db_path)])
    pages = await walk(ds, "/-/diplo/news/reuse.json", lambda d: d)
    assert [(p["pairs"][0]["later_article_id"], p["page"]) for p in pages] == [(2, 1), (3, 2)]
    html = (await ds.client.get("/-/diplo/news/reuse?page=2")).text
    assert "links 2–2 shown" in html and ">stronger</a>" in html


def _get(url: str, headers: dict | None = None) -> tuple[int, dict, dict]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, json.loads(e.read())


def test_a_browser_client_reads_the_api_of_a_running_server(db_path):
    """What a notebook or a newsroom widget on another origin does."""
    with serve(["-i", str(db_path), "--cors"]) as base:
        origin = {"Origin": "https://newsroom.example"}
        status, headers, data = _get(base + "/-/diplo/news/speakers/1.json", origin)
        assert status == 200 and data["ok"] is True
        assert headers["access-control-allow-origin"] == "*"
        seen = [c["claim_id"] for c in data["timeline"]]
        while data["next_url"]:
            assert data["next_url"].startswith(base)
            status, headers, data = _get(data["next_url"], origin)
            assert status == 200 and headers["access-control-allow-origin"] == "*"
            seen += [c["claim_id"] for c in data["timeline"]]
        assert len(seen) == len(set(seen)) == 64
        status, headers, data = _get(base + "/-/diplo/news/groups/9223372036854775808.json")
        assert status == 404 and data["ok"] is False
