"""Handing table_settings.TABLES to Datasette for every diplo database.

The two supported versions take table settings in different places, and no
one hook exists in both:

- 0.65 merges what ``get_metadata`` hooks return under the user's own
  metadata (``-m``), which wins key by key. The hook is synchronous, so the
  names of the diplo databases are found once at startup and kept here.
- 1.0 has no ``get_metadata``: table configuration (facets, sort, label
  column, FTS, hidden) is read from ``datasette.config`` and descriptions
  from its internal metadata tables. At startup the plugin fills in each key
  the user's configuration and metadata left unset, never replacing one.
"""

from __future__ import annotations

import copy
import json
import weakref
from typing import Any

from markupsafe import Markup

from datasette_diplo.table_settings import DATABASE_DESCRIPTION, TABLES

# What Datasette 1.0 reads from its configuration rather than metadata.
CONFIG_KEYS = (
    "sort",
    "sort_desc",
    "facets",
    "label_column",
    "fts_table",
    "fts_pk",
    "hidden",
    "size",
)

# The diplo databases of each running Datasette, found at startup.
_databases: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()

# Datasette 0.65 merges hook results into one dict by assignment, so each call
# must get fresh dicts: parsing stored JSON is the cheapest deep copy.
_DATABASE_JSON = json.dumps({"description": DATABASE_DESCRIPTION, "tables": TABLES})


def remember(datasette: Any, names: list[str]) -> None:
    """Record which databases hold the diplo tables (called at startup)."""
    _databases[datasette] = set(names)


def metadata_for(datasette: Any, database: str | None, link: Any = None) -> dict | None:
    """0.65 ``get_metadata``: the settings of one diplo database (or all of them).

    0.65 has no hook for the top of the database page, so the link to the
    claims overview (``link(datasette, name)``, HTML) goes into the database's
    ``description_html``, unless the user's metadata describes the database.
    """
    names = _databases.get(datasette, set())
    wanted = names if database is None else names & {database}
    if not wanted:
        return None
    own = (getattr(datasette, "_metadata_local", None) or {}).get("databases") or {}
    found = {}
    for name in wanted:
        found[name] = json.loads(_DATABASE_JSON)
        described = {"description", "description_html"} & set(own.get(name) or {})
        if link is not None and not described:
            found[name]["description_html"] = str(
                Markup("<p>{}</p>").format(DATABASE_DESCRIPTION) + link(datasette, name)
            )
    return {"databases": found}


async def apply_v1(datasette: Any, names: list[str]) -> None:
    """1.0: fill in configuration and descriptions the user left unset."""
    if datasette.config is None:
        datasette.config = {}
    for name in names:
        database = datasette.config.setdefault("databases", {}).setdefault(name, {})
        tables = database.setdefault("tables", {})
        for table, settings in TABLES.items():
            configured = tables.setdefault(table, {})
            for key in CONFIG_KEYS:
                if key in settings and key not in configured:
                    configured[key] = copy.deepcopy(settings[key])
        await _describe_v1(datasette, name)


async def _describe_v1(datasette: Any, name: str) -> None:
    internal = datasette.get_internal_database()
    described = await internal.execute(
        "SELECT 1 FROM metadata_databases WHERE database_name = ? AND key = 'description'",
        [name],
    )
    if not described.rows:
        await datasette.set_database_metadata(name, "description", DATABASE_DESCRIPTION)
    for table, settings in TABLES.items():
        if "description" in settings:
            existing = await datasette.get_resource_metadata(name, table)
            if "description" not in existing:
                await datasette.set_resource_metadata(
                    name, table, "description", settings["description"]
                )
        for column, text in settings.get("columns", {}).items():
            existing = await datasette.get_column_metadata(name, table, column)
            if "description" not in existing:
                await datasette.set_column_metadata(name, table, column, "description", text)
