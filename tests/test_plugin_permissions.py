"""The plugin's canned queries respect the permissions of the tables they
read (issue 17): denying ``claims`` hides every query that prints claim text,
on Datasette 0.65 (canned_queries hook) and 1.0 (permission_resources_sql)."""

from __future__ import annotations

import sqlite3

import pytest
from datasette.app import Datasette

from datasette_diplo.canned import QUERIES
from tests.test_plugin_pages import build_db


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("perm") / "news.db"
    build_db(path).close()
    return path


@pytest.mark.parametrize("name", list(QUERIES))
def test_each_query_names_exactly_the_tables_it_reads(db_path, name):
    conn = sqlite3.connect(db_path)
    read: set[str] = set()

    def authorizer(action, table, column, db, trigger):
        if action == sqlite3.SQLITE_READ and table and not table.startswith("sqlite_"):
            read.add(table)
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)
    conn.execute(QUERIES[name]["sql"], {"speaker": "x"}).fetchall()
    assert read == set(QUERIES[name]["tables"])


def _ds(db_path, tables: dict) -> Datasette:
    return Datasette([str(db_path)], metadata={"databases": {"news": {"tables": tables}}})


async def _status(ds, path, cookies=None) -> int:
    return (await ds.client.get(path, cookies=cookies or {})).status_code


@pytest.mark.asyncio
async def test_queries_reading_a_denied_table_are_not_offered(db_path):
    ds = _ds(db_path, {"claims": {"allow": False}})
    for name, q in QUERIES.items():
        status = await _status(ds, f"/news/{name}.json?speaker=Masoud+Pezeshkian")
        if "claims" in q["tables"]:
            assert status in (403, 404), name
        else:
            assert status == 200, name
    listing = (await ds.client.get("/news")).text
    assert "single_source_claims" not in listing and "altered_quotes" not in listing
    assert "outlets_reusing_most" in listing
    # the claim text is nowhere in what the query pages answer
    response = await ds.client.get("/news/altered_quotes.json?_shape=array")
    assert "striving" not in response.text


@pytest.mark.asyncio
async def test_an_actor_allowed_the_table_gets_the_queries(db_path):
    ds = _ds(db_path, {"claims": {"allow": {"id": "editor"}}})
    editor = {"ds_actor": ds.sign({"a": {"id": "editor"}}, "actor")}
    assert await _status(ds, "/news/altered_quotes.json") in (403, 404)
    response = await ds.client.get("/news/altered_quotes.json?_shape=array", cookies=editor)
    assert response.status_code == 200
    assert [r["claim_id"] for r in response.json()] == [2]


@pytest.mark.asyncio
async def test_denying_another_table_hides_only_the_queries_reading_it(db_path):
    ds = _ds(db_path, {"article_reuse": {"allow": False}})
    assert await _status(ds, "/news/outlets_reusing_most.json") in (403, 404)
    assert await _status(ds, "/news/single_source_claims.json") == 200


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "name", ["Masoud Pezeshkian", "masoud pezeshkian", "Pezeshkian", "THE IRANIAN PRESIDENT"]
)
async def test_speaker_statements_by_name_or_any_alias(db_path, name):
    ds = Datasette([str(db_path)])
    response = await ds.client.get(
        "/news/speaker_statements.json", params={"_shape": "array", "speaker": name}
    )
    rows = response.json()
    assert len(rows) == 4 and {r["speaker"] for r in rows} == {"Masoud Pezeshkian"}, name
    response = await ds.client.get(
        "/news/speaker_statements.json", params={"_shape": "array", "speaker": "Pezeshk"}
    )
    assert response.json() == []  # a name, not a fragment
