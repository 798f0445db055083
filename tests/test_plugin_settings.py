"""The plugin's own table settings on any database holding the diplo tables
(issue 16): a file not named news.db gets the same facets, sorts, labels,
descriptions and full-text search as the demo, on 0.65.5 and 1.0a41, and the
user's metadata still wins."""

from __future__ import annotations

import json

import pytest
import sqlite_utils
from datasette.app import Datasette

from datasette_diplo.table_settings import TABLES
from loader.schema import ensure_schema, ensure_views
from tests.test_plugin_pages import build_db


def test_settings_describe_every_table_and_column():
    """table_settings.py keeps up with loader/schema.py: no undocumented table or column."""
    db = sqlite_utils.Database(memory=True)
    ensure_schema(db)
    ensure_views(db)
    fts_suffixes = ("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")
    for table in db.table_names():
        if table.endswith(fts_suffixes):
            continue
        assert table in TABLES and TABLES[table].get("description"), table
        described = TABLES[table].get("columns", {})
        undocumented = [
            c.name for c in db[table].columns if c.name != "id" and c.name not in described
        ]
        assert undocumented == [], (table, undocumented)
    for view in db.view_names():
        assert view in TABLES, view


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("settings") / "archive.db"
    build_db(path).close()
    return path


async def facets(ds, path):
    data = (await ds.client.get(path + ".json?_extra=facet_results")).json()
    found = data["facet_results"]
    return set(found.get("results", found))  # 1.0 nests them under "results"


@pytest.mark.asyncio
async def test_a_database_not_named_news_gets_the_settings(archive):
    ds = Datasette([str(archive)])
    assert await facets(ds, "/archive/claims") == {"speaker_id", "kind", "fidelity"}
    assert await facets(ds, "/archive/claim_groups") == {"status", "fidelity", "speaker_id"}
    response = await ds.client.get("/archive/claims_view.json?_search=agreement&_shape=array")
    assert response.status_code == 200
    assert {r["id"] for r in response.json()} == {1, 2}
    response = await ds.client.get("/archive/claims_view.json?_search=nosuchword&_shape=array")
    assert response.json() == []
    html = (await ds.client.get("/archive/articles")).text
    assert "sorted by published descending" in html
    html = (await ds.client.get("/archive/claims")).text
    assert "Attributed statements drawn from articles" in html
    # label_column: Datasette's own foreign-key expansion gives the name
    data = (await ds.client.get("/archive/claims.json?_labels=on&_shape=array")).json()
    assert data[0]["speaker_id"] == {"value": 1, "label": "Masoud Pezeshkian"}
    html = (await ds.client.get("/archive")).text
    assert "how the same claim travelled between outlets" in html


@pytest.mark.asyncio
async def test_the_users_metadata_wins_key_by_key(archive):
    metadata = {"databases": {"archive": {"tables": {"claims": {"facets": ["kind"]}}}}}
    ds = Datasette([str(archive)], metadata=metadata)
    assert await facets(ds, "/archive/claims") == {"kind"}
    # the keys the user did not set still come from the plugin
    response = await ds.client.get("/archive/claims_view.json?_search=agreement&_shape=array")
    assert {r["id"] for r in response.json()} == {1, 2}


@pytest.mark.asyncio
async def test_other_databases_are_left_alone(archive, tmp_path):
    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["claims"].insert({"id": 1, "speaker_id": 3, "kind": "x"})
    ds = Datasette([str(archive), str(other)])
    assert await facets(ds, "/other/claims") == set()
    assert await facets(ds, "/archive/claims") == {"speaker_id", "kind", "fidelity"}
    html = (await ds.client.get("/other/claims")).text
    assert "Attributed statements drawn from articles" not in html
    assert json.dumps(TABLES)  # the settings stay plain JSON (0.65 copies them through it)
