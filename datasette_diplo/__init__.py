"""datasette-diplo: pages that compare how outlets reported the same claim.

This module holds only the Datasette hook implementations; the pages live in
views.py, their queries in data.py. Every hook uses a signature accepted by
both Datasette 0.65 and 1.0 (pluggy passes only the arguments named), and
nothing here writes to the user's databases.
"""

from __future__ import annotations

import json
from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup

from datasette_diplo import data, glossary, settings, views
from datasette_diplo.cache import cached
from datasette_diplo.canned import QUERIES
from datasette_diplo.permissions import can_view_database, visible_tables
from datasette_diplo.table_settings import READABLE_COLUMNS
from datasette_diplo.urls import http_url

CLAIM_TABLES = {"claims", "claim_groups", "claims_view"}
BADGE_COLUMNS = {"kind", "fidelity", "status"}


@hookimpl
def register_routes(datasette):
    return views.ROUTES


async def _diplo_databases(datasette: Any) -> list[str]:
    names = []
    for name, db in datasette.databases.items():
        if name.startswith("_"):
            continue
        if await views.has_diplo_tables(db):
            names.append(name)
    return names


@hookimpl
def prepare_jinja2_environment(env):
    """Template helpers: ``url|diplo_http_url`` (the one way to turn a stored URL
    into a link), ``value|diplo_badge_class(column)`` and
    ``value|diplo_meaning(column)`` (badges spelled and explained as render_cell
    does), and ``diplo_glossary`` for the legends."""
    env.filters["diplo_http_url"] = http_url
    env.filters["diplo_badge_class"] = lambda value, column: glossary.badge_class(column, value)
    env.filters["diplo_meaning"] = lambda value, column: glossary.meaning(column, value)
    env.globals["diplo_glossary"] = glossary


@hookimpl
def menu_links(datasette, actor):
    async def inner():
        links = []
        for name in await _diplo_databases(datasette):
            if await can_view_database(datasette, actor, name):
                links.append(
                    {"href": views.page_path(datasette, name), "label": f"Claims overview: {name}"}
                )
        return links

    return inner


def _overview_link(datasette: Any, database: str) -> Markup:
    href = views.page_path(datasette, database)
    return Markup(
        '<p class="diplo-overview-link"><a href="{}">Claims overview of {}</a>: '
        "who said what, how each outlet worded it, and who reused whom.</p>"
    ).format(href, database)


@hookimpl
def database_actions(datasette, actor, database, request):
    """The claims overview in the database page's actions menu (both versions)."""

    async def inner():
        if database in await _diplo_databases(datasette):
            return [{"href": views.page_path(datasette, database), "label": "Claims overview"}]
        return []

    return inner


@hookimpl
def top_database(datasette, request, database):
    """Datasette 1.0: a visible link to the claims overview atop the database page
    (0.65 shows it in the database description, settings.metadata_for)."""

    async def inner():
        if database in await _diplo_databases(datasette):
            return _overview_link(datasette, database)
        return ""

    return inner


# A row of these tables links to the diplo pages (Datasette 1.0's row actions
# menu; on both versions render_cell links the id cells too).
ROW_LINKS = {
    "claims": (
        ("group_id", "groups", "Every outlet's version of this claim"),
        ("speaker_id", "speakers", "The speaker's page"),
        ("article_id", "articles", "The claim in its article"),
    ),
    "claim_groups": (("id", "groups", "Every outlet's version of this claim"),),
    "speakers": (("id", "speakers", "The speaker's page"),),
    "articles": (("id", "articles", "The article with its claims highlighted"),),
}


@hookimpl
def row_actions(datasette, database, table, row):
    """Datasette 1.0: a claim row's group, speaker and article pages."""
    if table not in ROW_LINKS:
        return None

    async def inner():
        if database not in await _diplo_databases(datasette):
            return []
        keys = row.keys()
        links = []
        for column, page, label in ROW_LINKS[table]:
            value = row[column] if column in keys else None
            if isinstance(value, int):
                href = views.page_path(datasette, database, f"/{page}/{value}")
                if page == "articles" and table == "claims":
                    href += f"#claim-{row['id']}"
                links.append({"href": href, "label": label})
        return links

    return inner


@hookimpl
def extra_css_urls(table, datasette):
    if table in CLAIM_TABLES:
        return [datasette.urls.static_plugins("datasette-diplo", "diplo.css")]
    return []


@hookimpl
def extra_js_urls(table, datasette):
    if table in READABLE_COLUMNS:
        return [datasette.urls.static_plugins("datasette-diplo", "readable.js")]
    return []


@hookimpl
def extra_body_script(table, database, datasette):
    """The readable columns of a diplo claims table, for readable.js (which
    leaves every other database's ``claims`` table alone: no list, no change)."""
    if table not in READABLE_COLUMNS:
        return None

    async def inner():
        if database not in await _diplo_databases(datasette):
            return ""
        return f"window.diploReadableColumns = {json.dumps(READABLE_COLUMNS[table])};"

    return inner


# The label shown for a link is the speaker's name or the article's title.
# With metadata.yml's label_column settings Datasette already expands foreign
# keys to exactly that, for free; without them its guess is the unique
# ``key``/``content_hash``, and the label is read from the row instead (one
# small query per cell, so metadata.yml is the fast path).
LABEL_COLUMNS = {"speakers": "name", "articles": "title"}
LABEL_SQL = {
    "speakers": "SELECT name FROM speakers WHERE id = ?",
    "articles": "SELECT coalesce(title, 'article ' || id) FROM articles WHERE id = ?",
}


async def _datasette_label_is_right(datasette: Any, database: str, target: str) -> bool:
    db = datasette.get_database(database)

    async def compute() -> bool:
        return await db.label_column_for_table(target) == LABEL_COLUMNS[target]

    return await cached(db, f"label_column:{target}", compute)


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Badges for kind/fidelity/status and links to the diplo pages.

    Only columns of the claim tables are touched; everything interpolated is
    escaped by Markup.format, so article text can never inject HTML.
    """
    if table not in CLAIM_TABLES:
        return None
    expanded = None
    if isinstance(value, dict) and "value" in value:  # expanded foreign key
        expanded, value = value.get("label"), value["value"]
    if value is None:
        return None
    if column in BADGE_COLUMNS and isinstance(value, str) and value:
        return glossary.badge(column, value)
    link = None
    if column == "group_id" or (table == "claim_groups" and column == "id"):
        link = "groups"
    elif column == "speaker_id":
        link = "speakers"
    elif column == "article_id":
        link = "articles"
    if not (link and isinstance(value, int)):
        return None
    href = datasette.urls.path(f"{views.ROOT}/{tilde_encode(database)}/{link}/{value}")
    if link == "groups":
        return Markup('<a href="{}">{}</a>').format(href, value)

    target = link  # "speakers" or "articles": the table the id points to

    async def with_label():
        if expanded is not None and await _datasette_label_is_right(datasette, database, target):
            label = expanded
        else:
            sql = LABEL_SQL[target]
            rows = (await datasette.get_database(database).execute(sql, [value])).rows
            label = rows[0][0] if rows and rows[0][0] else None
        text = f"{label} ({value})" if label else str(value)
        return Markup('<a href="{}">{}</a>').format(href, text)

    return with_label


def _canned() -> dict:
    return {
        key: {"sql": q["sql"], "title": q["title"], "description": q["description"]}
        for key, q in QUERIES.items()
    }


@hookimpl
def canned_queries(datasette, database):
    """Datasette 0.65: queries offered on every diplo database."""

    async def inner():
        db = datasette.get_database(database)
        if await views.has_diplo_tables(db):
            return _canned()
        return {}

    return inner


async def _readable_queries(datasette: Any, actor: dict | None, database: str) -> list[str]:
    """The plugin's queries whose every table this actor may view."""
    tables = sorted({t for q in QUERIES.values() for t in q["tables"]})
    visible = await visible_tables(datasette, actor, database, tables)
    return [key for key, q in QUERIES.items() if set(q["tables"]) <= visible]


@hookimpl
def permission_allowed(datasette, actor, action, resource):
    """Datasette 0.65: deny ``view-query`` on the plugin's queries that read a
    table this actor may not view.

    A deny, not a shorter canned_queries list: 0.65 asks whether a query is
    private by looking it up again for the anonymous actor, and fails when
    the lookup finds nothing.
    """
    if action != "view-query" or not isinstance(resource, tuple) or resource[1] not in QUERIES:
        return None
    database, name = resource

    async def inner():
        if not await views.has_diplo_tables(datasette.get_database(database)):
            return None
        return None if name in await _readable_queries(datasette, actor, database) else False

    return inner


DENIED_REASON = "datasette-diplo: the query reads a table this actor may not view"


@hookimpl
def permission_resources_sql(datasette, actor, action):
    """Datasette 1.0: deny ``view-query`` on the plugin's stored queries that
    read a table this actor may not view (0.65: permission_allowed)."""
    if action != "view-query":
        return None

    async def inner():
        from datasette.permissions import PermissionSQL

        selects, params = [], {"diplo_denied_reason": DENIED_REASON}
        for name in await _diplo_databases(datasette):
            readable = await _readable_queries(datasette, actor, name)
            for key in QUERIES:
                stored = await datasette.get_query(name, key)
                if key in readable or getattr(stored, "source", "plugin") != "plugin":
                    continue
                i = len(selects)
                params[f"diplo_db_{i}"], params[f"diplo_query_{i}"] = name, key
                selects.append(
                    f"SELECT :diplo_db_{i} AS parent, :diplo_query_{i} AS child, "
                    "0 AS allow, :diplo_denied_reason AS reason"
                )
        if not selects:
            return None
        return PermissionSQL(sql="\nUNION ALL\n".join(selects), params=params)

    return inner


@hookimpl
def get_metadata(datasette, key, database, table):
    """Datasette 0.65: the plugin's table settings for every diplo database,
    under the user's own metadata (which wins key by key)."""
    return settings.metadata_for(datasette, database, _overview_link)


@hookimpl
def startup(datasette):
    """Find the diplo databases and warm their cached aggregates (data.warm);
    on 1.0 also apply the table settings and store the canned queries (1.0
    has neither get_metadata nor canned_queries)."""

    async def inner():
        names = await _diplo_databases(datasette)
        settings.remember(datasette, names)
        for name in names:
            await data.warm(datasette.get_database(name))
        if not hasattr(datasette, "add_query"):
            return
        await settings.apply_v1(datasette, names)
        for name in names:
            for key, q in QUERIES.items():
                existing = await datasette.get_query(name, key)
                if existing is not None and getattr(existing, "source", "plugin") != "plugin":
                    continue  # the user's own query of that name wins
                await datasette.add_query(
                    name,
                    key,
                    q["sql"],
                    title=q["title"],
                    description=q["description"],
                    source="plugin",
                )

    return inner
