"""datasette-diplo: pages that compare how outlets reported the same claim.

This module holds only the Datasette hook implementations; the pages live in
views.py, their queries in data.py. Every hook uses a signature accepted by
both Datasette 0.65 and 1.0 (pluggy passes only the arguments named), and
nothing here writes to the user's databases.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup

from datasette_diplo import views
from datasette_diplo.canned import QUERIES
from datasette_diplo.permissions import can_view_database

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


@hookimpl
def extra_css_urls(table, datasette):
    if table in CLAIM_TABLES:
        return [datasette.urls.static_plugins("datasette-diplo", "diplo.css")]
    return []


def _badge(column: str, value: str) -> Markup:
    slug = "".join(ch if ch.isalnum() else "-" for ch in value.lower())
    return Markup('<span class="diplo-badge diplo-{}-{}">{}</span>').format(column, slug, value)


@hookimpl
def render_cell(value, column, table, database, datasette):
    """Badges for kind/fidelity/status and links to the diplo pages.

    Only columns of the claim tables are touched; everything interpolated is
    escaped by Markup.format, so article text can never inject HTML.
    """
    if table not in CLAIM_TABLES:
        return None
    label = None
    if isinstance(value, dict) and "value" in value:  # expanded foreign key
        label, value = value.get("label"), value["value"]
    if value is None:
        return None
    if column in BADGE_COLUMNS and isinstance(value, str) and value:
        return _badge(column, value)
    link = None
    if column == "group_id" or (table == "claim_groups" and column == "id"):
        link = "groups"
    elif column == "speaker_id":
        link = "speakers"
    elif column == "article_id":
        link = "articles"
    if link and isinstance(value, int):
        href = datasette.urls.path(f"{views.ROOT}/{tilde_encode(database)}/{link}/{value}")
        text = f"{label} ({value})" if label and label != str(value) else str(value)
        return Markup('<a href="{}">{}</a>').format(href, text)
    return None


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


@hookimpl
def startup(datasette):
    """Datasette 1.0 has no canned_queries hook: store the same queries instead."""
    if not hasattr(datasette, "add_query"):
        return None

    async def inner():
        for name in await _diplo_databases(datasette):
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
