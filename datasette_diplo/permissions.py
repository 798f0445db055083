"""Visibility checks that work on Datasette 0.65 and 1.0.

The two versions answer "may this actor see that table?" through different
APIs: 0.65 cascades ``view-table`` → ``view-database`` → ``view-instance``
through ``check_visibility(permissions=[...])``, while 1.0 resolves resource
hierarchies itself behind ``allowed(action=..., resource=...)``. We detect the
1.0 API by the presence of ``datasette.allowed`` rather than by version
string, so alphas in between keep working.
"""

from __future__ import annotations

from typing import Any


def _is_v1(datasette: Any) -> bool:
    return hasattr(datasette, "allowed") and hasattr(datasette, "allowed_many")


async def can_view_database(datasette: Any, actor: dict | None, database: str) -> bool:
    """True when the actor may see the database at all (instance + database)."""
    if _is_v1(datasette):
        from datasette.resources import DatabaseResource

        return await datasette.allowed(
            action="view-database", resource=DatabaseResource(database=database), actor=actor
        )
    visible, _ = await datasette.check_visibility(
        actor, permissions=[("view-database", database), "view-instance"]
    )
    return visible


async def can_view_table(datasette: Any, actor: dict | None, database: str, table: str) -> bool:
    """True when the actor may see the table, including the database it lives in."""
    if _is_v1(datasette):
        from datasette.resources import DatabaseResource, TableResource

        results = [
            await datasette.allowed(
                action="view-database", resource=DatabaseResource(database=database), actor=actor
            ),
            await datasette.allowed(
                action="view-table",
                resource=TableResource(database=database, table=table),
                actor=actor,
            ),
        ]
        return all(results)
    visible, _ = await datasette.check_visibility(
        actor,
        permissions=[
            ("view-table", (database, table)),
            ("view-database", database),
            "view-instance",
        ],
    )
    return visible


async def visible_tables(
    datasette: Any, actor: dict | None, database: str, tables: list[str]
) -> set[str]:
    """The subset of ``tables`` this actor may see."""
    if not await can_view_database(datasette, actor, database):
        return set()
    return {t for t in tables if await can_view_table(datasette, actor, database, t)}
