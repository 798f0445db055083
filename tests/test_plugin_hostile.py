"""Hostile and broken input to the plugin (issue 17): stored ``javascript:``
URLs never become links or exports, and no id, page or query string is a 500.
"""

from __future__ import annotations

import html
import json
import re
import sqlite3

import pytest
import sqlite_utils
from click.testing import CliRunner
from datasette.app import Datasette

from datasette_diplo.urls import http_url
from loader.cli import cli
from loader.matching.claimreview import claim_reviews
from tests.test_plugin_pages import build_db

# What a front matter, a manifest or ``--evidence`` could store, each a
# spelling a browser reads as a script (or data) URL.
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(2)",
    " \x01javascript:alert(3)",
    "java\tscript:alert(4)",
    "java\nscript:alert(5)",
    "data:text/html,<script>alert(6)</script>",
    "vbscript:msgbox(7)",
]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("  https://example.org/\n", "https://example.org/"),
        ("\x00\x1fhttps://example.org", "https://example.org"),
        ("ht\ttp://example.org", "http://example.org"),
        ("https:\n//example.org", "https://example.org"),
        ("example.org/page", None),  # no scheme: would resolve against Datasette
        ("//example.org", None),
        ("/relative", None),
        ("httpx://example.org", None),
        ("", None),
        (None, None),
        (42, None),
        *[(u, None) for u in HOSTILE_URLS],
    ],
)
def test_http_url_reads_the_scheme_as_a_browser_does(value, expected):
    assert http_url(value) == expected


def hrefs(page: str) -> list[str]:
    """Every href and src in a page, as the browser reads them."""
    found = re.findall(r"""(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", page, flags=re.I)
    return [html.unescape(a or b) for a, b in found]


def assert_no_script_link(page: str, where: str) -> None:
    for href in hrefs(page):
        if re.match(r"^[\x00-\x20]*[a-z][a-z0-9+.\-\t\n\r]*:", href, flags=re.I):
            assert http_url(href) is not None, (where, href)
    assert not re.search(r"href\s*=\s*[\"']?\s*(java|vb)", page, flags=re.I), where


@pytest.fixture(params=HOSTILE_URLS)
def hostile_db(request, tmp_path):
    """The page-test database with one hostile URL as article 1's URL and as
    the verdict's evidence; article 2 keeps a good URL."""
    path = tmp_path / "news.db"
    db = build_db(path)
    db["articles"].update(1, {"url": request.param})
    db["articles"].update(2, {"url": "https://rudaw.example/2"})
    db["verdicts"].update(1, {"evidence_url": request.param})
    db.close()
    return path, request.param


PAGES = [
    "/-/diplo/news",
    "/-/diplo/news?q=security",
    "/-/diplo/news/articles/1",
    "/-/diplo/news/articles/2",
    "/-/diplo/news/groups/1",
    "/-/diplo/news/groups/3",
    "/-/diplo/news/speakers/1",
    "/-/diplo/news/reuse",
    "/news",
    "/news/articles",
    "/news/articles/1",
    "/news/verdicts",
    "/news/verdicts/1",
    "/news/claims",
    "/news/claims_view",
    "/news/claim_groups",
    "/news/single_source_claims",
    "/news/altered_quotes",
]


@pytest.mark.asyncio
async def test_no_page_links_a_script_url(hostile_db):
    path, url = hostile_db
    ds = Datasette([str(path)])
    for page in PAGES:
        response = await ds.client.get(page)
        assert response.status_code == 200, page
        assert_no_script_link(response.text, page)
    # the URL is still shown, as text, where the page shows it
    article = (await ds.client.get("/-/diplo/news/articles/1")).text
    assert 'class="diplo-not-a-link"' in article
    assert html.escape(url.strip(" \x01"), quote=False).split("<")[0][:12] in article
    good = (await ds.client.get("/-/diplo/news/articles/2")).text
    assert '<a href="https://rudaw.example/2" rel="nofollow noopener">' in good
    group = (await ds.client.get("/-/diplo/news/groups/1")).text
    assert "evidence: " in group and 'class="diplo-not-a-link"' in group


@pytest.mark.asyncio
async def test_a_good_evidence_url_is_a_link(tmp_path):
    build_db(tmp_path / "news.db").close()
    ds = Datasette([str(tmp_path / "news.db")])
    group = (await ds.client.get("/-/diplo/news/groups/1")).text
    assert '<a href="https://example.org/evidence" rel="nofollow noopener">evidence</a>' in group


def test_claimreview_export_never_emits_a_script_url(hostile_db):
    path, url = hostile_db
    conn = sqlite3.connect(path)
    (review,) = claim_reviews(conn)
    text = json.dumps(review)
    assert "script" not in text.lower() and "data:" not in text
    assert "citation" not in review
    works = review["itemReviewed"]["appearance"]
    assert [w.get("url") for w in works] == [None, "https://rudaw.example/2"]
    # the same through the command
    result = CliRunner().invoke(cli, ["export", "claimreview", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [review]


@pytest.mark.parametrize("url", HOSTILE_URLS[:4])
def test_verdict_refuses_script_evidence(tmp_path, url):
    path = tmp_path / "news.db"
    build_db(path).close()
    result = CliRunner().invoke(
        cli, ["verdict", str(path), "1", "--status", "false", "--evidence", url]
    )
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "http or https" in lines[0], result.output
    assert "Traceback" not in result.output
    assert sqlite_utils.Database(path)["verdicts"].count == 1  # nothing stored
    result = CliRunner().invoke(
        cli,
        ["verdict", str(path), "1", "--status", "false", "--evidence", " https://ok.example/x "],
    )
    assert result.exit_code == 0, result.output
    stored = sqlite_utils.Database(path).execute(
        "SELECT evidence_url FROM verdicts ORDER BY id DESC LIMIT 1"
    )
    assert stored.fetchone()[0] == "https://ok.example/x"


# --- no 500 for any id, page or query string --------------------------------

BAD_IDS = [
    "9223372036854775808",  # 2**63
    "99999999999999999999",
    "9" * 5000,  # beyond int()'s 4,300-digit limit
    "-1",
    "1.5",
    "1e3",
    "²",
    "١",  # Arabic-Indic one: isdigit and int() both accept it
    "%00",
    "%FF",
    "0x10",
    "%20%201",
]
ID_PAGES = ["groups", "speakers", "articles"]


@pytest.fixture(scope="module")
def ds_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "news.db"
    build_db(path).close()
    return path


@pytest.fixture(scope="module")
def ds(ds_path):
    # one server for the hundreds of cases below (it only reads)
    return Datasette([str(ds_path)])


async def fetch(ds, path):
    """GET, following Datasette's redirects (it turns %-escapes in a path into ~-escapes)."""
    for _ in range(3):
        response = await ds.client.get(path)
        if response.status_code not in (301, 302):
            return response
        path = response.headers["location"]
    raise AssertionError(f"redirect loop at {path}")


@pytest.mark.asyncio
@pytest.mark.parametrize("page", ID_PAGES)
@pytest.mark.parametrize("raw", BAD_IDS)
@pytest.mark.parametrize("fmt", ["", ".json"])
async def test_any_id_is_404_never_500(ds, page, raw, fmt):
    response = await fetch(ds, f"/-/diplo/news/{page}/{raw}{fmt}")
    assert response.status_code == 404, (page, raw, response.text[:300])


@pytest.mark.asyncio
async def test_the_largest_id_is_a_plain_404(ds):
    for page in ID_PAGES:
        response = await ds.client.get(f"/-/diplo/news/{page}/9223372036854775807.json")
        assert response.status_code == 404


BAD_QUERIES = [
    "page=9223372036854775807",
    "page=9223372036854775808",
    "page=²",
    "page=-1",
    "page=0",
    "page=1.5",
    "page=%00",
    "page=" + "9" * 5000,
    "class=%00",
    "class=speech%00",
    "order=%00",
    "order=relevance'",
    "from=%00&to=1",
    "from=1&to=99999999999999999999",
]
SEARCHES = [
    'q="',
    'q="""',
    "q=%00",
    "q=%00border",
    "q=AND",
    "q=border+AND",
    "q=NEAR(border",
    "q=border*",
    "q=*",
    "q=claims_fts:border",
    "q=content:border",
    "q=^border",
    "q=-border",
    "q=(",
    "q=%FF%FE",
    "q=%ED%A0%80",  # an encoded lone surrogate
    "q=" + "x" * 20000,
    "q=a+" * 2000,
    'q="unbalanced+AND+(',
]
PAGE_PATHS = [
    "/-/diplo/news",
    "/-/diplo/news/groups/1",
    "/-/diplo/news/speakers/1",
    "/-/diplo/news/articles/1",
    "/-/diplo/news/reuse",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("path", PAGE_PATHS)
@pytest.mark.parametrize("query", BAD_QUERIES + SEARCHES)
@pytest.mark.parametrize("fmt", ["", ".json"])
async def test_any_query_string_is_never_500(ds, path, query, fmt):
    response = await fetch(ds, f"{path}{fmt}?{query}")
    assert response.status_code in (200, 400, 404), (path, query, response.text[:300])
    assert "Traceback" not in response.text


@pytest.mark.asyncio
@pytest.mark.parametrize("query", BAD_QUERIES[:8])
async def test_a_bad_page_number_is_400(ds, query):
    response = await ds.client.get(f"/-/diplo/news/speakers/1.json?{query}")
    assert response.status_code == 400, (query, response.text[:300])
    assert "page must be a whole number" in response.json()["error"]


@pytest.mark.asyncio
async def test_a_page_past_the_end_is_404(ds):
    assert (await ds.client.get("/-/diplo/news/speakers/1.json?page=1")).status_code == 200
    response = await ds.client.get("/-/diplo/news/speakers/1.json?page=2")
    assert response.status_code == 404


@pytest.mark.asyncio
@pytest.mark.parametrize("query", SEARCHES)
async def test_search_syntax_is_read_as_words(ds, query):
    data = (await ds.client.get(f"/-/diplo/news.json?{query}")).json()
    assert data["search"] is None or isinstance(data["search"]["results"], list)


@pytest.mark.asyncio
async def test_search_words_still_find_claims(ds):
    async def found(q):
        data = (await ds.client.get("/-/diplo/news.json", params={"q": q})).json()
        return {r["claim_id"] for r in data["search"]["results"]}

    assert await found("border") == {3}
    assert await found('"border') == {3}  # a stray quote is punctuation
    assert await found("border AND") == set()  # AND is a word, which no claim has
    assert await found("border\x00") == {3}
    assert await found("security agreement") == {1, 2}
    assert await found("NOT border") == set()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/-/diplo/%00",
        "/-/diplo/~",
        "/-/diplo/~ZZ",
        "/-/diplo/news~",
        "/-/diplo/%FF.json",
        "/-/diplo/news%00/groups/1",
    ],
)
async def test_odd_database_names_are_404(ds, path):
    response = await fetch(ds, path)
    assert response.status_code in (400, 404), (path, response.text[:300])


@pytest.mark.asyncio
async def test_a_query_past_the_time_limit_is_503_not_500(tmp_path):
    """Under overload a page query can outrun sql_time_limit_ms: the client is
    told to retry (503, Retry-After), not shown a server error."""
    db = build_db(tmp_path / "news.db")
    db.conn.executemany(
        "INSERT INTO claims (article_id, kind, content, content_start, content_end) "
        "VALUES (1, 'direct', ?, 0, 5)",
        [(f"border talks {i}",) for i in range(20_000)],
    )
    db.conn.commit()
    db.close()
    ds = Datasette([str(tmp_path / "news.db")])
    assert (await ds.client.get("/-/diplo/news.json")).status_code == 200  # startup done
    # Now every query over 1 ms is cut short, as under overload. (Set after
    # startup: Datasette's own startup queries would be cut short as well.)
    ds.sql_time_limit_ms = 1
    for suffix in ("", ".json"):
        response = await ds.client.get(f"/-/diplo/news{suffix}?q=border&order=earliest")
        assert response.status_code == 503, response.text[:300]
        assert response.headers["retry-after"] == "1"
    assert response.json()["ok"] is False and "too busy" in response.json()["error"]
