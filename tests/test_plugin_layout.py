"""Pages that read well (issue 16): breadcrumbs from one base template, the
overview linked from Datasette's database page, signals explained, "see all"
links, a short group heading, punctuation-only changes shown faint, and ties
in publication date shown as "order unknown"."""

from __future__ import annotations

import json
import re

import pytest
from datasette.app import Datasette

from datasette_diplo import glossary
from datasette_diplo.render import diff_segments, headline
from tests.test_plugin_pages import ORIGINAL, build_db

CRUMBS = (
    '<p class="crumbs diplo-crumbs"><a href="/">home</a> / <a href="/news">news</a>'
    ' / <a href="/-/diplo/news">claims overview</a></p>'
)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "news.db"
    build_db(path).close()
    return path


@pytest.fixture(scope="module")
def ds(db_path):
    return Datasette([str(db_path)])


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "page", ["groups/1", "speakers/1", "articles/1", "reuse", "speakers/1?class=speech"]
)
async def test_every_page_has_breadcrumbs_and_one_json_link(ds, page):
    html = (await ds.client.get(f"/-/diplo/news/{page}")).text
    assert html.count(CRUMBS) == 1
    assert html.count('<p class="diplo-json">') == 1


@pytest.mark.asyncio
async def test_overview_breadcrumbs_stop_at_the_database(ds):
    html = (await ds.client.get("/-/diplo/news")).text
    assert (
        '<p class="crumbs diplo-crumbs"><a href="/">home</a> / <a href="/news">news</a></p>' in html
    )


@pytest.mark.asyncio
async def test_the_database_page_links_to_the_overview(ds):
    html = (await ds.client.get("/news")).text
    assert 'class="diplo-overview-link"><a href="/-/diplo/news">' in html
    assert 'href="/-/diplo/news"' in html.split('class="diplo-overview-link"')[0]  # actions menu


@pytest.mark.asyncio
async def test_the_users_own_description_is_kept(db_path):
    ds = Datasette([str(db_path)], metadata={"databases": {"news": {"description": "Mine"}}})
    html = (await ds.client.get("/news")).text
    assert "Mine" in html
    assert "the same claim travelled between outlets" not in html
    assert 'href="/-/diplo/news"' in html  # the overview is still one click away


@pytest.mark.asyncio
async def test_signals_are_explained(ds):
    group = (await ds.client.get("/-/diplo/news/groups/1")).text
    assert '<details class="diplo-legend">' in group
    for value, text in glossary.STATUS.items():
        assert f'title="{text}">{value}</span>' in group.replace("&#39;", "'"), value
    assert f'<abbr title="{glossary.INDEPENDENT}' in group.replace("&#39;", "'")
    overview = (await ds.client.get("/-/diplo/news")).text
    assert '<details class="diplo-legend">' in overview
    assert f'<th title="{glossary.INDEPENDENT}">Independent</th>' in overview.replace("&#39;", "'")


@pytest.mark.asyncio
async def test_see_all_links_open_datasettes_filtered_tables(ds):
    html = (await ds.client.get("/-/diplo/news")).text
    links = re.findall(r'<p class="diplo-see-all"><a href="([^"]+)"', html)
    assert "/news/claim_groups?status=single-source&amp;_sort_desc=id" in links
    assert "/news/claims?fidelity=altered&amp;_sort_desc=id" in links
    for link in links:
        response = await ds.client.get(link.replace("&amp;", "&").replace("?", ".json?", 1))
        assert response.status_code == 200, link
    rows = (await ds.client.get("/news/claims.json?fidelity=altered&_shape=array")).json()
    assert [r["id"] for r in rows] == [2]
    speaker = (await ds.client.get("/-/diplo/news/speakers/1")).text
    assert '<a href="/news/claims?speaker_id=1">See all in the claims table</a>' in speaker


@pytest.mark.asyncio
async def test_group_heading_is_short_and_each_version_is_whole(ds):
    html = (await ds.client.get("/-/diplo/news/groups/1")).text
    h1 = re.search(r'<h1 class="diplo-headline">(.*?)</h1>', html).group(1)
    assert h1 == f"Masoud Pezeshkian said: “{ORIGINAL}”"
    words = " ".join(f"word{i}" for i in range(40))
    assert headline(words) == (" ".join(f"word{i}" for i in range(12)), True)
    assert headline('"Short."') == ("Short.", False)
    assert headline(None) == ("", False)


def test_punctuation_alone_is_not_a_change_of_words():
    version = {
        "content": '"We are striving," he said',
        "diff": [
            ["-", "“"],
            ["+", '"'],
            ["=", "We are "],
            ["-", "working"],
            ["+", "striving"],
            ["-", "”"],
            ["+", ',"'],
            ["=", " he said"],
        ],
    }
    segs = [(s["op"], s["text"]) for s in diff_segments(version, [])]
    assert segs == [
        ("p", '"'),
        ("=", "We are "),
        ("-", "working"),
        ("+", "striving"),
        ("p", ',"'),
        ("=", " he said"),
    ]
    # this version's wording is still the = and the + (and faint) pieces
    assert "".join(t for op, t in segs if op != "-") == version["content"]


def test_quote_marks_around_a_changed_word_are_not_struck():
    # the matcher's diff keeps a word's quote mark and space with it
    version = {
        "content": "“We are working to",
        "diff": [["-", "“We are striving "], ["+", "“We are working "], ["=", "to"]],
    }
    segs = [(s["op"], s["text"]) for s in diff_segments(version, [])]
    assert segs == [
        ("-", "We are striving"),
        ("p", "“"),
        ("+", "We are working"),
        ("p", " "),
        ("=", "to"),
    ]
    assert "".join(t for op, t in segs if op != "-") == version["content"]


@pytest.mark.asyncio
async def test_same_day_versions_say_order_unknown(tmp_path):
    db = build_db(tmp_path / "news.db")
    db["articles"].update(2, {"published": "2024-09-11"})  # same day as article 1
    db.close()
    ds = Datasette([str(tmp_path / "news.db")])
    data = (await ds.client.get("/-/diplo/news/groups/1.json")).json()
    assert [v["order_unknown"] for v in data["versions"]] == [True, True]
    html = (await ds.client.get("/-/diplo/news/groups/1")).text
    assert "(earliest)" not in html
    assert html.count("(same day: order unknown)") == 2
    other = (await ds.client.get("/-/diplo/news/groups/4.json")).json()
    assert [v["order_unknown"] for v in other["versions"]] == [False, False]
    assert "Rudaw (earliest)" in (await ds.client.get("/-/diplo/news/groups/4")).text


@pytest.mark.asyncio
async def test_badges_are_spelled_alike_in_python_and_templates(ds):
    page = (await ds.client.get("/-/diplo/news/groups/1")).text
    table = (await ds.client.get("/news/claim_groups")).text
    spelled = str(glossary.badge("status", "fidelity-concern"))
    assert spelled in page and spelled in table


@pytest.mark.asyncio
async def test_claims_table_opens_on_readable_columns(ds, tmp_path):
    import sqlite_utils

    from datasette_diplo.table_settings import READABLE_COLUMNS

    columns = sqlite_utils.Database(ds.get_database("news").path)["claims"].columns_dict
    assert set(READABLE_COLUMNS["claims"]) <= set(columns)
    assert len(columns) - len(READABLE_COLUMNS["claims"]) >= 10  # what is hidden
    html = (await ds.client.get("/news/claims")).text
    assert "/-/static-plugins/datasette-diplo/readable.js" in html
    assert f"window.diploReadableColumns = {json.dumps(READABLE_COLUMNS['claims'])};" in html
    script = (await ds.client.get("/-/static-plugins/datasette-diplo/readable.js")).text
    assert "_nocol" in script and "Show all columns" in script
    # the technical columns are still in the table's JSON
    row = (await ds.client.get("/news/claims.json?_shape=array&_size=1")).json()[0]
    assert {"content_start", "sentence", "diff"} <= set(row)
    # another application's claims table is left alone
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["claims"].insert({"id": 1, "content": "x"})
    plain = Datasette([str(other)])
    assert "diploReadableColumns" not in (await plain.client.get("/other/claims")).text


@pytest.mark.asyncio
async def test_a_claim_row_links_to_its_group_speaker_and_article(ds):
    from datasette.plugins import pm

    html = (await ds.client.get("/news/claims/2")).text
    for href in ("/-/diplo/news/groups/1", "/-/diplo/news/speakers/1", "/-/diplo/news/articles/2"):
        assert f'href="{href}' in html, href
    if pm.hook.row_actions.spec is not None:  # Datasette 1.0: the row actions menu as well
        assert 'href="/-/diplo/news/articles/2#claim-2" role="menuitem"' in html
        group = (await ds.client.get("/news/claim_groups/3")).text
        assert 'href="/-/diplo/news/groups/3" role="menuitem"' in group
