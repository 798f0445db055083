"""HTTP-level tests of every diplo page and its JSON, through datasette.client.

The database is crafted row by row (not extracted) so each page's features —
diffs, conflicts, verdicts, reuse, unknown dates, hostile text — are exercised
whatever the state of extraction and matching. Run on both Datasette 0.65 and
1.0 (see the venvs in the report / CI).
"""

from __future__ import annotations

import json
import pathlib
import re
import subprocess
import sys
import urllib.error
import urllib.request

import pytest
import sqlite_utils
from datasette.app import Datasette

from datasette_diplo.devserver import serve
from loader.schema import ensure_schema, ensure_views

REPO = pathlib.Path(__file__).resolve().parents[1]

ORIGINAL = "We are working to reach a shared security cooperation agreement with Iraq"
REWORDED = "We are striving to reach a shared security cooperation agreement with Iraq"
HOSTILE = "<script>alert('x')</script> & <b>bold</b>"


def _article(db, id_, outlet_id, title, published, dateline, text):
    db["articles"].insert(
        {
            "id": id_,
            "outlet_id": outlet_id,
            "title": title,
            "published": published,
            "published_basis": "metadata" if published else None,
            "dateline": dateline,
            "source_file": f"{id_}.txt",
            "content_hash": f"hash{id_}",
            "text": text,
            "loaded_at": "2026-01-01T00:00:00",
        }
    )


def _claim(db, id_, article_id, text, content, **extra):
    start = text.index(content)
    row = {
        "id": id_,
        "article_id": article_id,
        "kind": "direct",
        "content": content,
        "content_start": start,
        "content_end": start + len(content),
        "cue": "said",
        **extra,
    }
    db["claims"].insert(row)


def add_statements(db: sqlite_utils.Database, n: int = 60, **columns) -> None:
    """``n`` more direct claims by speaker 1 quoting ORIGINAL in article 1
    (ids 100 on), so the speaker timeline, search and tables run to more than
    one page; ``columns`` are set on each row too."""
    start = db["articles"].get(1)["text"].index(ORIGINAL)
    db["claims"].insert_all(
        {
            "id": 100 + i,
            "article_id": 1,
            "speaker_id": 1,
            "kind": "direct",
            "content": f"{ORIGINAL} {i}",
            "content_start": start,
            "content_end": start + len(ORIGINAL),
            **columns,
        }
        for i in range(n)
    )


def build_db(path) -> sqlite_utils.Database:
    """A small database with every page feature present."""
    db = sqlite_utils.Database(path)
    ensure_schema(db)
    db["outlets"].insert_all(
        [
            {"id": 1, "name": "Kurdistan24", "domain": "kurdistan24.net"},
            {"id": 2, "name": "Rudaw", "domain": None},
            {"id": 3, "name": "Evil <i>Outlet</i>", "domain": None},
        ]
    )
    db["speakers"].insert_all(
        [
            {
                "id": 1,
                "name": "Masoud Pezeshkian",
                "kind": "person",
                "description": "Iranian President",
                "key": "masoud pezeshkian",
            },
            {
                "id": 2,
                "name": "Mohammed Shia al-Sudani",
                "kind": "person",
                "description": None,
                "key": "sudani",
            },
        ]
    )
    db["speaker_aliases"].insert_all(
        [
            {"speaker_id": 1, "alias": "Pezeshkian", "articles": 1},
            {"speaker_id": 1, "alias": "the Iranian president", "articles": 2},
        ]
    )
    t1 = f'ERBIL (Kurdistan24) — Iranian President Masoud Pezeshkian said: "{ORIGINAL}." He said Iran and Iraq signed 15 MoUs.'
    t2 = f'The Iranian president stressed: "{REWORDED}." Officials said 14 MoUs were signed. Sudani called the talks constructive.'
    t3 = f'{HOSTILE} Prime Minister Sudani said "the border is secure" today. He called the talks constructive.'
    _article(db, 1, 1, "Pezeshkian in Erbil", "2024-09-11", "ERBIL (Kurdistan24)", t1)
    _article(db, 2, 2, "Iran president visits", None, None, t2)
    _article(db, 3, 3, f"Title {HOSTILE}", "2024-09-12", None, t3)
    db["verdicts"].insert(
        {
            "id": 1,
            "claim_keys": "[]",
            "status": "true",
            "note": "Matches the video",
            "evidence_url": "https://example.org/evidence",
            "by_name": "desk",
            "created_at": "2026-01-02",
        }
    )
    db["claim_groups"].insert_all(
        [
            {
                "id": 1,
                "speaker_id": 1,
                "summary": None,
                "claims_count": 2,
                "outlets_count": 2,
                "independent_outlets_count": 1,
                "first_claim_id": 1,
                "fidelity": "altered",
                "status": "fidelity-concern",
                "first_article_id": 1,
                "first_published": "2024-09-11",
                "verdict_id": 1,
            },
            {
                "id": 2,
                "speaker_id": 2,
                "summary": None,
                "claims_count": 1,
                "outlets_count": 1,
                "independent_outlets_count": 1,
                "first_claim_id": 3,
                "status": "single-source",
                "first_article_id": 3,
                "first_published": "2024-09-12",
            },
            {
                "id": 3,
                "speaker_id": 1,
                "summary": "Iran and Iraq signed MoUs",
                "claims_count": 2,
                "outlets_count": 2,
                "independent_outlets_count": 2,
                "first_claim_id": 4,
                "status": "conflicting",
                "first_article_id": 1,
                "first_published": "2024-09-11",
                "conflict": json.dumps(
                    [
                        {"kind": "figure", "value": "15", "claim_ids": [4]},
                        {"kind": "figure", "value": "14", "claim_ids": [5]},
                    ]
                ),
            },
            {
                "id": 4,
                "speaker_id": 2,
                "summary": None,
                "claims_count": 2,
                "outlets_count": 2,
                "independent_outlets_count": 2,
                "first_claim_id": 7,
                "status": "corroborated",
                "first_article_id": 2,
                "first_published": None,
            },
        ]
    )
    _claim(
        db,
        1,
        1,
        t1,
        ORIGINAL,
        speaker_id=1,
        speaker_mention="Masoud Pezeshkian",
        speaker_description="Iranian President",
        group_id=1,
        fidelity="origin",  # the matcher knew which came first
        cue_class="speech",
    )
    diff = [
        ["=", "We are "],
        ["-", "working"],
        ["+", "striving"],
        ["=", " to reach a shared security cooperation agreement with Iraq"],
    ]
    assert "".join(t for op, t in diff if op != "-") == REWORDED
    _claim(
        db,
        2,
        2,
        t2,
        REWORDED,
        speaker_id=1,
        speaker_mention="The Iranian president",
        speaker_description="The Iranian president",
        cue="stressed",
        cue_class="speech",
        group_id=1,
        fidelity="altered",
        diff=json.dumps(diff),
    )
    _claim(
        db,
        3,
        3,
        t3,
        "the border is secure",
        speaker_id=2,
        speaker_mention="Sudani",
        speaker_description="Prime Minister",
        group_id=2,
    )
    _claim(
        db,
        4,
        1,
        t1,
        "Iran and Iraq signed 15 MoUs",
        speaker_id=1,
        kind="indirect",
        speaker_mention="He",
        group_id=3,
        cue="believes",
        cue_class="belief",
        relayed_by="IRNA",
    )
    _claim(
        db,
        5,
        2,
        t2,
        "14 MoUs were signed",
        speaker_id=1,
        kind="outlet",
        group_id=3,
        cue=None,
        diff=json.dumps([["-", "Iran and Iraq signed 15 MoUs"], ["+", "14 MoUs were signed"]]),
    )
    # Group 4: the matcher's earliest version has no known date; it still leads.
    _claim(
        db,
        7,
        2,
        t2,
        "Sudani called the talks constructive",
        speaker_id=2,
        kind="indirect",
        group_id=4,
    )
    _claim(
        db,
        8,
        3,
        t3,
        "He called the talks constructive",
        speaker_id=2,
        kind="indirect",
        group_id=4,
        diff=json.dumps([["-", "Sudani"], ["+", "He"], ["=", " called the talks constructive"]]),
    )
    # An ungrouped claim with hostile content of its own.
    _claim(db, 6, 3, t3, HOSTILE, speaker_id=None, kind="outlet", cue=None)
    db["article_reuse"].insert_all(
        [
            {
                "earlier_article_id": 1,
                "later_article_id": 2,
                "containment": 0.8,
                "basis": "dates",
                "reverse_containment": 0.35,
                "shared_words": 40,
            },
            {
                "earlier_article_id": 1,
                "later_article_id": 3,
                "containment": 0.25,
                "basis": "containment",
                "reverse_containment": None,
                "shared_words": None,
            },
        ]
    )
    ensure_views(db)
    return db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("diplo") / "news.db"
    build_db(path).close()
    return path


@pytest.fixture
def ds(db_path):
    return Datasette([str(db_path)])


async def get(ds, path, status=200):
    response = await ds.client.get(path)
    assert response.status_code == status, (path, response.status_code, response.text[:500])
    return response


def strip_tags(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.asyncio
async def test_overview_html_and_json(ds):
    html = (await get(ds, "/-/diplo/news")).text
    assert 'href="/-/diplo/news.json"' in html
    assert "/-/diplo/news/groups/1" in html  # most reported
    assert "/-/diplo/news/groups/2" in html  # single source
    assert 'name="q"' in html
    data = (await get(ds, "/-/diplo/news.json")).json()
    assert data["database"] == "news"
    assert data["counts"] == {
        "outlets": 3,
        "articles": 3,
        "speakers": 2,
        "claims": 8,
        "claim_groups": 4,
        "article_reuse": 2,
    }
    by_id = {g["group_id"]: g for g in data["most_reported"]}
    assert set(by_id) == {1, 3, 4}
    assert by_id[1]["summary"] == ORIGINAL  # no summary: falls back to the first claim
    assert by_id[3]["summary"] == "Iran and Iraq signed MoUs"
    assert [g["group_id"] for g in data["single_source"]] == [2]
    assert [c["claim_id"] for c in data["altered_quotes"]] == [2]
    assert data["top_speakers"][0] == {
        "speaker_id": 1,
        "name": "Masoud Pezeshkian",
        "kind": "person",
        "statements": 4,
    }
    assert {o["name"]: o["articles"] for o in data["outlets"]} == {
        "Kurdistan24": 1,
        "Rudaw": 1,
        "Evil <i>Outlet</i>": 1,
    }
    assert data["search"] is None


@pytest.mark.asyncio
async def test_overview_search(ds):
    data = (await get(ds, "/-/diplo/news.json?q=security+agreement")).json()
    assert {r["claim_id"] for r in data["search"]["results"]} == {1, 2}
    html = (await get(ds, "/-/diplo/news?q=security")).text
    assert "Claims matching" in html and "/-/diplo/news/groups/1" in html
    # FTS syntax characters are escaped, not an error.
    data = (await get(ds, '/-/diplo/news.json?q="unbalanced AND (')).json()
    assert data["search"]["results"] == []


@pytest.mark.asyncio
async def test_search_orders_by_relevance_or_by_when_it_was_said(tmp_path, monkeypatch):
    db = build_db(tmp_path / "news.db")
    text = db["articles"].get(3)["text"]
    # a short claim that is all about the searched word ranks first by BM25
    _claim(db, 30, 3, text, "the border is secure", speaker_id=2)
    db.execute("UPDATE claims SET content = 'border border' WHERE id = 30")
    db.execute("UPDATE claims SET stated_on = '2024-09-01' WHERE id = 3")
    db.conn.commit()
    db.close()
    ds = Datasette([str(tmp_path / "news.db")])

    async def ids(order):
        url = f"/-/diplo/news.json?q=border&order={order}"
        found = (await get(ds, url)).json()["search"]
        assert found["order"] == order and found["more_matches"] is False
        return [r["claim_id"] for r in found["results"]]

    assert (await ids("relevance"))[0] == 30
    # claim 3 was said on 2024-09-01, before claim 30's article (2024-09-12)
    assert await ids("earliest") == [3, 30]
    assert await ids("latest") == [30, 3]
    assert (await ds.client.get("/-/diplo/news?q=border&order=random")).status_code == 400
    html = (await get(ds, "/-/diplo/news?q=border&order=earliest")).text
    assert '<option value="earliest" selected>' in html
    # past the cap, the page says the order covers only the latest matches
    monkeypatch.setattr("datasette_diplo.data.SEARCH_CANDIDATES", 1)
    found = (await get(ds, "/-/diplo/news.json?q=border")).json()["search"]
    assert found["more_matches"] is True and len(found["results"]) == 1
    assert "Add words to narrow the search" in (await get(ds, "/-/diplo/news?q=border")).text


@pytest.mark.asyncio
async def test_group_page_diff_dates_verdict(ds):
    html = (await get(ds, "/-/diplo/news/groups/1")).text
    assert '<del title="deleted">working</del>' in html
    assert '<ins title="inserted">striving</ins>' in html
    # date order: Kurdistan24 (2024-09-11) before Rudaw (unknown date)
    assert html.index("Kurdistan24") < html.index("Rudaw")
    assert '<span class="diplo-unknown">unknown</span>' in html
    assert "stressed" in html and "The Iranian president" in html
    assert 'href="/-/diplo/news/articles/2#claim-2"' in html
    assert 'href="/-/diplo/news/speakers/1"' in html
    assert 'href="https://example.org/evidence"' in html
    assert 'href="/-/diplo/news/groups/1.json"' in html
    data = (await get(ds, "/-/diplo/news/groups/1.json")).json()
    assert [v["claim_id"] for v in data["versions"]] == [1, 2]
    assert data["versions"][1]["published"] is None
    assert data["versions"][0]["is_earliest"] and not data["versions"][1]["is_earliest"]
    assert data["versions"][1]["diff"][1] == ["-", "working"]
    assert data["group"]["status"] == "fidelity-concern"
    assert data["group"]["first_outlet"] == "Kurdistan24"
    assert data["verdict"]["evidence_url"] == "https://example.org/evidence"
    assert set(data) == {"ok", "database", "group", "conflict_figures", "verdict", "versions"}


@pytest.mark.asyncio
async def test_group_earliest_version_leads_even_without_a_date(ds):
    data = (await get(ds, "/-/diplo/news/groups/4.json")).json()
    assert [(v["claim_id"], v["published"], v["is_earliest"]) for v in data["versions"]] == [
        (7, None, True),
        (8, "2024-09-12", False),
    ]
    html = (await get(ds, "/-/diplo/news/groups/4")).text
    assert html.index("Rudaw (earliest)") < html.index("Evil &lt;i&gt;Outlet&lt;/i&gt;")
    assert '<del title="deleted">Sudani</del><ins title="inserted">He</ins>' in html


@pytest.mark.asyncio
async def test_group_conflicting_figures_highlighted(ds):
    html = (await get(ds, "/-/diplo/news/groups/3")).text
    assert re.search(r'<mark class="diplo-conflict"[^>]*>15</mark>', html)
    assert re.search(r'<mark class="diplo-conflict"[^>]*>14</mark>', html)
    data = (await get(ds, "/-/diplo/news/groups/3.json")).json()
    assert data["conflict_figures"] == ["15", "14"]
    assert data["verdict"] is None


@pytest.mark.asyncio
async def test_speaker_page(ds):
    html = (await get(ds, "/-/diplo/news/speakers/1")).text
    assert "Masoud Pezeshkian" in html and "the Iranian president" in html
    assert 'the Iranian president <span class="diplo-muted">(2 articles)</span>' in html
    assert 'Pezeshkian <span class="diplo-muted">(1 article)</span>' in html
    data = (await get(ds, "/-/diplo/news/speakers/1.json")).json()
    # the name most articles used comes first
    assert data["aliases"] == ["the Iranian president", "Pezeshkian"]
    assert data["alias_articles"][0] == {"alias": "the Iranian president", "articles": 2}
    assert {(d["outlet"], d["description"]) for d in data["descriptions"]} == {
        ("Kurdistan24", "Iranian President"),
        ("Rudaw", "The Iranian president"),
    }
    assert data["statements_count"] == 4
    # dated statements first, the undated (Rudaw) ones last
    assert [c["outlet"] for c in data["timeline"]] == [
        "Kurdistan24",
        "Kurdistan24",
        "Rudaw",
        "Rudaw",
    ]
    assert data["classes"] == [
        {"cue_class": "speech", "label": "statements", "statements": 2},
        {"cue_class": "belief", "label": "beliefs", "statements": 1},
    ]
    assert data["cue_class"] is None and data["all_statements_count"] == 4


@pytest.mark.asyncio
async def test_speaker_page_shows_one_class_of_statement(ds):
    data = (await get(ds, "/-/diplo/news/speakers/1.json?class=speech")).json()
    assert data["cue_class"] == "speech"
    assert data["statements_count"] == 2 and data["all_statements_count"] == 4
    assert [c["claim_id"] for c in data["timeline"]] == [1, 2]
    assert {c["cue_class"] for c in data["timeline"]} == {"speech"}
    html = (await get(ds, "/-/diplo/news/speakers/1?class=belief")).text
    assert "Only beliefs: 1 of 4" in html
    assert '<a href="?class=speech">statements (2)</a>' in html
    assert "<strong>beliefs (1)</strong>" in html
    assert "Iran and Iraq signed 15 MoUs" in html and ORIGINAL not in html
    html = (await get(ds, "/-/diplo/news/speakers/1?class=decree")).text
    assert "Only decrees: 0 of 4" in html and "No statements to show." in html
    response = await ds.client.get("/-/diplo/news/speakers/1.json?class=statement")
    assert response.status_code == 400
    assert "Unknown class 'statement'" in response.json()["error"]


@pytest.mark.asyncio
async def test_article_page_highlights_and_reuse(ds):
    html = (await get(ds, "/-/diplo/news/articles/1")).text
    assert re.search(
        r'<mark class="diplo-kind-direct" id="claim-1"[^>]*><a href="/-/diplo/news/groups/1">', html
    )
    assert 'id="claim-4"' in html
    # the claims list links each claim to its speaker and to its place in the text
    assert '<a href="#claim-4">Iran and Iraq signed 15 MoUs</a>' in html
    # a statement passed on by an agency says so
    assert 'He <span class="diplo-muted">(via IRNA)</span>' in html
    data = (await get(ds, "/-/diplo/news/articles/1.json")).json()
    assert {c["claim_id"]: c["relayed_by"] for c in data["claims"]} == {1: None, 4: "IRNA"}
    assert html.count('href="/-/diplo/news/speakers/1"') >= 2
    assert "ERBIL (Kurdistan24)" in html
    assert "80%" in html  # containment of article 2 in article 1
    assert 'href="/-/diplo/news/articles/1.json"' in html
    data = (await get(ds, "/-/diplo/news/articles/1.json")).json()
    assert data["article"]["outlet"] == "Kurdistan24"
    assert [r["later_article_id"] for r in data["reused_by"]] == [2, 3]
    assert data["reused_from"] == []
    data2 = (await get(ds, "/-/diplo/news/articles/2.json")).json()
    assert data2["article"]["published"] is None
    assert [(r["earlier_article_id"], r["containment"]) for r in data2["reused_from"]] == [(1, 0.8)]
    # the claim text at its offsets is exactly the stored content
    for c in data["claims"]:
        assert data["text"][c["content_start"] : c["content_end"]] == c["content"]


@pytest.mark.asyncio
async def test_reuse_page_lists_stories_and_draws_one_offline(ds):
    html = (await get(ds, "/-/diplo/news/reuse")).text
    assert '<a href="?story=1#story">Pezeshkian in Erbil</a>' in html
    assert 'class="diplo-story"' not in html  # no picture of every link at once
    data = (await get(ds, "/-/diplo/news/reuse.json")).json()
    assert data["total"] == 2
    assert [(p["earlier_article_id"], p["later_article_id"]) for p in data["pairs"]] == [
        (1, 2),
        (1, 3),
    ]
    assert data["stories"]["list"] == [
        {
            "story_id": 1,
            "articles": 3,
            "outlets": 3,
            "links": 2,
            "drawn": True,
            "title": "Pezeshkian in Erbil",
            "outlet": "Kurdistan24",
        }
    ]
    html = (await get(ds, "/-/diplo/news/reuse?story=3")).text
    assert '<svg id="diplo-story"' in html
    found = re.search(r'<script type="application/json" id="diplo-story-data">(.*?)</script>', html)
    story = json.loads(found.group(1))
    assert [n["id"] for n in story["nodes"]] == [1, 2, 3]
    assert {(link["earlier_article_id"], link["later_article_id"]) for link in story["links"]} == {
        (1, 2),
        (1, 3),
    }
    # the layout library is the vendored copy, served by the plugin: no CDN
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "/-/static-plugins/datasette-diplo/d3-force-3.0.0.min.js" in scripts
    assert all(src.startswith("/") for src in scripts)
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://cdn" not in html
    vendored = (await get(ds, "/-/static-plugins/datasette-diplo/d3-force-3.0.0.min.js")).text
    assert "forceSimulation" in vendored
    assert (await ds.client.get("/-/diplo/news/reuse?story=99")).status_code == 404


@pytest.mark.asyncio
async def test_reuse_page_sums_reuse_by_outlet_pair(tmp_path):
    db = build_db(tmp_path / "news.db")
    # a second Rudaw article rewritten from Kurdistan24, and one by an unknown outlet
    db["articles"].insert_all(
        [
            {**db["articles"].get(2), "id": 4, "content_hash": "hash4"},
            {**db["articles"].get(2), "id": 5, "content_hash": "hash5", "outlet_id": None},
        ]
    )
    db["article_reuse"].insert_all(
        [
            {"earlier_article_id": 1, "later_article_id": 4, "containment": 0.6, "basis": "dates"},
            {"earlier_article_id": 1, "later_article_id": 5, "containment": 0.5, "basis": "dates"},
        ]
    )
    db.close()
    ds = Datasette([str(tmp_path / "news.db")])
    data = (await get(ds, "/-/diplo/news/reuse.json")).json()
    assert [
        (o["earlier_outlet"], o["later_outlet"], o["pairs"], o["avg_containment"])
        for o in data["outlet_pairs"]
    ] == [
        ("Kurdistan24", "Rudaw", 2, 0.7),
        ("Kurdistan24", None, 1, 0.5),
        ("Kurdistan24", "Evil <i>Outlet</i>", 1, 0.25),
    ]
    html = (await get(ds, "/-/diplo/news/reuse")).text
    table = html[html.index("Outlet to outlet") :]
    assert "Evil &lt;i&gt;Outlet&lt;/i&gt;" in table and "<i>Outlet</i>" not in table
    assert '<span class="diplo-unknown">unknown</span>' in table
    assert "70%" in table


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/-/diplo/news/groups/99",
        "/-/diplo/news/speakers/99",
        "/-/diplo/news/articles/99",
        "/-/diplo/news/groups/99.json",
        "/-/diplo/news/groups/abc",
        "/-/diplo/nosuchdb",
    ],
)
async def test_unknown_ids_are_404(ds, path):
    await get(ds, path, 404)


@pytest.mark.asyncio
async def test_hostile_text_is_escaped_everywhere(ds):
    pages = [
        "/-/diplo/news",
        "/-/diplo/news/articles/3",
        "/-/diplo/news/groups/2",
        "/-/diplo/news/speakers/2",
        "/-/diplo/news/reuse",
        "/-/diplo/news/reuse?story=3",
        "/-/diplo/news?q=border",
        "/news/claims",
        "/news/articles",
        "/news/claims_view",
        "/news/articles/3",
    ]
    for path in pages:
        html = (await get(ds, path)).text
        assert "<script>alert" not in html, path
        assert "<b>bold</b>" not in html, path
        assert "<i>Outlet</i>" not in html, path
    html = (await get(ds, "/-/diplo/news/articles/3")).text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


@pytest.mark.asyncio
async def test_static_css_served(ds):
    html = (await get(ds, "/-/diplo/news")).text
    href = re.search(r'href="([^"]*diplo\.css)"', html).group(1)
    css = (await get(ds, href)).text
    assert ".diplo-wording ins" in css


@pytest.mark.asyncio
async def test_render_cell_badges_and_links(ds):
    html = (await get(ds, "/news/claims")).text
    assert re.search(
        r'<span class="diplo-badge diplo-kind-direct" title="[^"]+">direct</span>', html
    )
    assert re.search(
        r'<span class="diplo-badge diplo-fidelity-altered" title="[^"]+">altered</span>', html
    )
    assert 'href="/-/diplo/news/groups/1"' in html
    assert 'href="/-/diplo/news/speakers/1"' in html
    # links are labelled with the speaker's name and the article's title, not
    # Datasette's guess (the unique key / content hash) when metadata.yml is absent
    assert '<a href="/-/diplo/news/speakers/1">Masoud Pezeshkian (1)</a>' in html
    assert '<a href="/-/diplo/news/articles/1">Pezeshkian in Erbil (1)</a>' in html
    assert "hash1" not in html
    html = (await get(ds, "/news/claim_groups")).text
    assert re.search(
        r'<span class="diplo-badge diplo-status-single-source" title="[^"]+">single-source</span>',
        html,
    )
    assert 'href="/-/diplo/news/speakers/2"' in html
    # other tables are left alone: speakers.kind is not a claim kind
    assert "diplo-badge" not in (await get(ds, "/news/speakers")).text


@pytest.mark.asyncio
async def test_menu_link_to_overview(ds):
    html = (await get(ds, "/")).text
    assert 'href="/-/diplo/news"' in html


@pytest.mark.asyncio
async def test_canned_queries_registered(ds):
    for name, expect in [
        ("single_source_claims", 1),
        ("altered_quotes", 1),
        ("outlets_reusing_most", 2),
    ]:
        data = (await get(ds, f"/news/{name}.json?_shape=array")).json()
        assert len(data) == expect, (name, data)
    rows = (
        await get(ds, "/news/speaker_statements.json?_shape=array&speaker=Masoud+Pezeshkian")
    ).json()
    assert [r["date"] for r in rows] == ["2024-09-11", "2024-09-11", None, None]
    html = (await get(ds, "/news")).text
    assert "single_source_claims" in html


@pytest.mark.asyncio
async def test_cached_counts_follow_writes_by_the_loader(tmp_path):
    """Whole-table counts are cached per database version, never served stale."""
    path = tmp_path / "news.db"
    build_db(path).close()
    ds = Datasette([str(path)])
    assert (await get(ds, "/-/diplo/news.json")).json()["counts"]["outlets"] == 3
    db = sqlite_utils.Database(path)
    db["outlets"].insert({"name": "Late Outlet"})
    db.close()
    data = (await get(ds, "/-/diplo/news.json")).json()
    assert data["counts"]["outlets"] == 4
    assert "Late Outlet" in {o["name"] for o in data["outlets"]}


@pytest.mark.asyncio
async def test_no_diplo_tables_gives_a_message(tmp_path):
    other = tmp_path / "plain.db"
    sqlite_utils.Database(other)["t"].insert({"a": 1})
    ds = Datasette([str(other)])
    response = await ds.client.get("/-/diplo/plain")
    assert response.status_code == 404
    assert "has no datasette-diplo tables" in response.text
    assert "Traceback" not in response.text
    response = await ds.client.get("/-/diplo/plain/groups/1.json")
    assert response.status_code == 404
    assert response.json()["ok"] is False
    # no menu link for it, no canned queries on it
    assert "/-/diplo/plain" not in (await ds.client.get("/")).text


@pytest.mark.asyncio
async def test_hidden_database_is_not_shown(db_path):
    ds = Datasette([str(db_path)], metadata={"databases": {"news": {"allow": {"id": "editor"}}}})
    for path in ["/-/diplo/news", "/-/diplo/news.json", "/-/diplo/news/groups/1"]:
        assert (await ds.client.get(path)).status_code == 403, path
    assert "/-/diplo/news" not in (await ds.client.get("/")).text
    cookies = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    response = await ds.client.get("/-/diplo/news.json", cookies=cookies)
    assert response.status_code == 200


@pytest.mark.asyncio
async def test_hidden_table_is_not_shown(db_path):
    ds = Datasette(
        [str(db_path)],
        metadata={"databases": {"news": {"tables": {"article_reuse": {"allow": False}}}}},
    )
    data = (await get(ds, "/-/diplo/news.json")).json()
    assert "article_reuse" not in data["counts"]
    assert "claims" in data["counts"]
    await get(ds, "/-/diplo/news/reuse", 403)
    await get(ds, "/-/diplo/news/articles/1", 403)
    await get(ds, "/-/diplo/news/groups/1")  # does not need article_reuse


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_serve_immutable_with_inspect_file_and_metadata(db_path, tmp_path):
    """The read-only publishing path: inspect, then serve -i with metadata.yml."""
    inspect_file = tmp_path / "inspect.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "datasette",
            "inspect",
            str(db_path),
            "--inspect-file",
            str(inspect_file),
        ],
        check=True,
    )
    assert json.loads(inspect_file.read_text())["news"]["tables"]["claims"]["count"] == 8
    args = [
        "-i",
        str(db_path),
        "--inspect-file",
        str(inspect_file),
        "-m",
        str(REPO / "metadata.yml"),
    ]
    with serve(args) as base:
        status, body = _fetch(base + "/-/diplo/news.json")
        assert status == 200 and json.loads(body)["counts"]["claims"] == 8
        status, body = _fetch(base + "/-/diplo/news/groups/1")
        assert status == 200 and "<ins" in body
        status, body = _fetch(base + "/")
        assert status == 200 and "datasette-diplo" in body  # title from metadata.yml
        status, body = _fetch(base + "/news/claims")
        assert status == 200
        assert "Attributed statements drawn from articles" in body  # table description
        assert "diplo-badge" in body
        # label_column from metadata.yml: Datasette's own expansion gives the name
        assert '<a href="/-/diplo/news/speakers/1">Masoud Pezeshkian (1)</a>' in body
        # the facets and sorts configured in metadata.yml are applied (both versions)
        status, body = _fetch(base + "/news/claims.json?_extra=facet_results")
        facets = json.loads(body)["facet_results"]
        facets = facets.get("results", facets)  # 1.0 nests them under "results"
        assert set(facets) == {"speaker_id", "kind", "fidelity"}
        status, body = _fetch(base + "/news/articles")
        assert "sorted by published descending" in body
        # the claims_view is searchable through the claims FTS table
        status, body = _fetch(base + "/news/claims_view.json?_search=agreement&_shape=array")
        assert status == 200 and {r["id"] for r in json.loads(body)} == {1, 2}
        # the database is immutable: no write can happen behind the pages
        status, _ = _fetch(base + "/-/diplo/news/articles/3")
        assert status == 200


@pytest.mark.asyncio
async def test_json_top_level_keys_are_the_documented_ones(ds):
    """docs/api.md lists each page's keys; the JSON must carry exactly those."""
    doc = (REPO / "docs" / "api.md").read_text()
    sections = re.split(r"^## ", doc, flags=re.M)[1:]
    paths = {
        "Overview": "/-/diplo/news.json",
        "Claim group": "/-/diplo/news/groups/1.json",
        "Speaker": "/-/diplo/news/speakers/1.json",
        "Article": "/-/diplo/news/articles/1.json",
        "Reuse": "/-/diplo/news/reuse.json",
    }
    checked = 0
    for section in sections:
        title = section.split(":", 1)[0]
        if title not in paths:
            continue
        documented = set()
        for row in re.findall(r"^\| (`[^|]+) \|", section, flags=re.M):
            documented |= set(re.findall(r"`([a-z_]+)`", row))
        data = (await get(ds, paths[title])).json()
        assert set(data) == documented, title
        checked += 1
    assert checked == len(paths)


@pytest.mark.asyncio
async def test_private_instance_hides_every_page(db_path):
    ds = Datasette([str(db_path)], metadata={"allow": {"id": "editor"}})
    for path in ["/-/diplo/news.json", "/-/diplo/news/speakers/1", "/-/diplo/news/reuse"]:
        assert (await ds.client.get(path)).status_code == 403, path
    cookies = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    assert (await ds.client.get("/-/diplo/news/reuse", cookies=cookies)).status_code == 200


@pytest.mark.asyncio
async def test_pages_on_a_database_without_alias_counts_or_relays(tmp_path):
    path = tmp_path / "old.db"
    build_db(path)
    db = sqlite_utils.Database(path)
    db.execute("ALTER TABLE speaker_aliases DROP COLUMN articles")
    db.execute("DROP VIEW IF EXISTS claims_view")
    db.execute("ALTER TABLE claims DROP COLUMN relayed_by")
    db.conn.commit()
    ds = Datasette([str(path)])
    for page in ("articles/1", "groups/1", "speakers/1"):
        data = (await get(ds, f"/-/diplo/old/{page}.json")).json()
        rows = data.get("claims") or data.get("versions") or data.get("timeline")
        assert rows and {r["relayed_by"] for r in rows} == {None}, page
    data = (await get(ds, "/-/diplo/old/speakers/1.json")).json()
    assert data["aliases"] == ["Pezeshkian", "the Iranian president"]
    assert {a["articles"] for a in data["alias_articles"]} == {None}
    html = (await get(ds, "/-/diplo/old/speakers/1")).text
    assert "the Iranian president</li>" in html


@pytest.mark.asyncio
async def test_outlet_voice_is_not_an_unknown_speaker(tmp_path):
    # A sentence the outlet asserts in its own voice has no speaker by design;
    # "unknown" would tell a reader that someone said it and we lost who.
    db = build_db(tmp_path / "news.db")
    text = db["articles"].get(2)["text"]
    db["claim_groups"].insert_all(
        [
            {"id": i, "first_claim_id": i, "claims_count": 1, "status": "single-source"}
            for i in (10, 11)
        ]
    )
    for fields in ({"kind": "outlet", "cue": None}, {"kind": "indirect"}):
        claim_id = 10 if fields["kind"] == "outlet" else 11
        content = "14 MoUs were signed" if claim_id == 10 else "Officials said"
        _claim(db, claim_id, 2, text, content, group_id=claim_id, **fields)
    db.close()
    ds = Datasette([str(tmp_path / "news.db")])
    voice = "outlet's own voice"
    unknown = '<span class="diplo-unknown">unknown</span>'
    speaker = re.compile(r"<dt>Speaker</dt><dd>(.*?)</dd>")
    for group_id, shown in ((10, voice), (11, unknown)):
        html = (await get(ds, f"/-/diplo/news/groups/{group_id}")).text
        found = speaker.findall(html)  # the group's speaker, then its one version's
        assert len(found) == 2 and all(shown in f for f in found), found
    article = (await get(ds, "/-/diplo/news/articles/2")).text
    row = next(r for r in article.split("<tr>") if "#claim-10" in r or "groups/10" in r)
    assert voice in row and "unknown" not in row
    row = next(r for r in article.split("<tr>") if "groups/11" in r)
    assert unknown in row and voice not in row
    overview = (await get(ds, "/-/diplo/news.json")).json()
    kinds = {g["group_id"]: g["kind"] for g in overview["single_source"]}
    assert kinds.get(10) == "outlet" and kinds.get(11) == "indirect"
    assert (await get(ds, "/-/diplo/news/groups/10.json")).json()["group"]["kind"] == "outlet"
