"""Route handlers for the pages under ``/-/diplo/<database>/``.

Each handler resolves the database, checks what the actor may see, fetches
one dict from ``data`` and returns it either as JSON (the ``.json`` variant)
or through a template extending Datasette's ``base.html``.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from datasette.database import QueryInterrupted
from datasette.utils import add_cors_headers, tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, Forbidden, NotFound, Response

from datasette_diplo import data, render
from datasette_diplo.permissions import can_view_database, visible_tables

ROOT = "/-/diplo"


def page_path(datasette: Any, database: str, rest: str = "") -> str:
    """URL of a diplo page, honouring Datasette's base_url."""
    return datasette.urls.path(f"{ROOT}/{tilde_encode(database)}{rest}")


async def has_diplo_tables(db: Any) -> bool:
    names = set(await db.table_names())
    return set(data.CORE_TABLES) <= names


async def _context(datasette: Any, request: Any, needs: list[str]) -> tuple[Any, set[str]]:
    """The database and the diplo tables this actor may see, or an HTTP error."""
    name = tilde_decode(request.url_vars["database"])
    try:
        db = datasette.get_database(name)
    except KeyError:
        raise NotFound(f"Database not found: {name}") from None
    if not await can_view_database(datasette, request.actor, name):
        raise Forbidden("You may not view this database")
    if not await has_diplo_tables(db):
        raise _NoTables(name)
    visible = await visible_tables(
        datasette, request.actor, name, data.CORE_TABLES + data.OPTIONAL_TABLES
    )
    if not set(needs) <= visible:
        raise Forbidden("You may not view the tables this page is built from")
    return db, visible


class _NoTables(Exception):
    def __init__(self, database: str) -> None:
        super().__init__(database)
        self.database = database


def _headers(datasette: Any) -> dict:
    """CORS headers under ``datasette --cors``, as Datasette's own JSON has them."""
    headers: dict = {}
    if datasette.cors:
        add_cors_headers(headers)
    return headers


def page_url(datasette: Any, request: Any, page: int) -> str:
    """This URL (format and every other parameter kept) at another ``page``."""
    args = [
        (k, v)
        for k, v in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True)
        if k != "page"
    ]
    if page > 1:
        args.append(("page", str(page)))
    query = urllib.parse.urlencode(args)
    return datasette.absolute_url(request, request.path + (f"?{query}" if query else ""))


def _add_next_url(datasette: Any, request: Any, section: dict | None) -> None:
    """``next_url`` beside a list's ``next_page``: Datasette's paging convention."""
    if section is not None:
        nxt = section.get("next_page")
        section["next_url"] = page_url(datasette, request, nxt) if nxt else None


async def _respond(
    datasette: Any, request: Any, template: str, payload: dict, extra: dict | None = None
) -> Response:
    if request.url_vars.get("format"):
        return Response.json({"ok": True, **payload}, headers=_headers(datasette))
    context = {
        **payload,
        **(extra or {}),
        "diplo_root": page_path(datasette, payload["database"]),
        "json_url": request.path
        + ".json"
        + (("?" + request.query_string) if request.query_string else ""),
        "css_url": datasette.urls.static_plugins("datasette-diplo", "diplo.css"),
    }
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html, headers=_headers(datasette))


async def _no_tables_response(datasette: Any, request: Any, database: str) -> Response:
    message = (
        f"The database “{database}” has no datasette-diplo tables. "
        "Load articles into it first: diplo load DB PATH..."
    )
    if request.url_vars.get("format"):
        return Response.json({"ok": False, "error": message}, status=404)
    html = await datasette.render_template(
        "diplo_no_tables.html",
        {
            "database": database,
            "message": message,
            "css_url": datasette.urls.static_plugins("datasette-diplo", "diplo.css"),
        },
        request=request,
    )
    return Response.html(html, status=404)


async def _error_response(
    datasette: Any, request: Any, status: int, message: str, headers: dict | None = None
) -> Response:
    headers = headers or {}
    """Datasette's error page or JSON error, built here rather than raised.

    Raised from a plugin route, NotFound and BadRequest reach Datasette's
    handle_exception, which prints a full traceback with locals when ``rich``
    is installed: about half a second of CPU per bad URL, and a log full of
    tracebacks for what is a reader's typo.
    """
    if request.url_vars.get("format"):
        body = {"ok": False, "error": message, "status": status, "title": None}
        return Response.json(body, status=status, headers={**_headers(datasette), **headers})
    html = await datasette.render_template(
        [f"{status}.html", "error.html"],
        {"ok": False, "error": message, "status": status, "title": None},
        request=request,
    )
    return Response.html(html, status=status, headers={**_headers(datasette), **headers})


# Every page query is an index lookup or bounded by a LIMIT; one that still
# runs past Datasette's sql_time_limit_ms does so because the server is
# overloaded, which a client should retry, not a server error (500).
BUSY = "The server is too busy to answer in time; try again shortly."


def _handles_errors(view):
    """Answer a database without diplo tables, an unknown id and a bad
    parameter with a page (or JSON) of their own, never a 500."""

    async def wrapped(datasette, request):
        try:
            return await view(datasette, request)
        except _NoTables as e:
            return await _no_tables_response(datasette, request, e.database)
        except (NotFound, BadRequest) as e:
            return await _error_response(datasette, request, e.status, str(e.args[0]))
        except QueryInterrupted:
            return await _error_response(datasette, request, 503, BUSY, {"Retry-After": "1"})

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


# SQLite integers are signed 64-bit: a larger id can name no row, and binding
# it raises OverflowError (a 500) instead of finding nothing.
MAX_ID = 2**63 - 1


def _whole_number(raw: str) -> int | None:
    """``raw`` as a non-negative integer SQLite can bind, or None.

    ``str.isdigit`` alone accepts "²" and other digits ``int`` refuses, and
    ``int`` refuses strings over 4,300 digits, so both are checked first.
    """
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(MAX_ID)):
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


def _int_id(request: Any) -> int:
    """The ``id`` in the URL, or 404: no row has an id that is not a whole number."""
    raw = request.url_vars["id"]
    value = _whole_number(raw)
    if value is None:
        raise NotFound(f"Not found: {raw}")
    return value


# Far beyond any list (a billion pages), and small enough that the OFFSET
# page * limit stays a 64-bit integer.
MAX_PAGE = 10**9


def _page(request: Any) -> int:
    """``?page=N`` (1 when absent), or 400 for anything but a page number."""
    raw = request.args.get("page")
    if raw is None or raw == "":
        return 1
    value = _whole_number(raw)
    if value is None or not 1 <= value <= MAX_PAGE:
        raise BadRequest(f"page must be a whole number from 1 to {MAX_PAGE:,}, not {raw!r}")
    return value


@_handles_errors
async def overview_view(datasette: Any, request: Any) -> Response:
    """The overview: counts, most-reported and single-source claims, search."""
    db, visible = await _context(datasette, request, [])
    q = request.args.get("q")
    order = request.args.get("order") or "relevance"
    if order not in data.SEARCH_ORDERS:
        raise BadRequest(f"Unknown order {order!r}: use one of {', '.join(data.SEARCH_ORDERS)}")
    page = _page(request)
    payload = await data.overview(db, visible, q, order, page)
    if page > 1 and not (payload["search"] and payload["search"]["results"]):
        raise NotFound(f"No page {page} of search results")
    _add_next_url(datasette, request, payload["search"])
    return await _respond(
        datasette,
        request,
        "diplo_overview.html",
        payload,
        {"q": q or "", "order": order, "orders": list(data.SEARCH_ORDERS)},
    )


async def _one(
    datasette: Any, request: Any, needs: list[str], fetch: Any, what: str, *args: Any
) -> dict:
    """The payload of a page about one row (group, speaker, article), or 404."""
    db, visible = await _context(datasette, request, needs)
    payload = await fetch(db, _int_id(request), visible, *args)
    if payload is None:
        raise NotFound(f"No such {what}")
    return payload


@_handles_errors
async def group_view(datasette: Any, request: Any) -> Response:
    """One claim group: every outlet's version side by side."""
    needs = ["claim_groups", "claims", "articles", "outlets", "speakers"]
    payload = await _one(datasette, request, needs, data.group, "claim group")
    segments = {
        v["claim_id"]: render.diff_segments(v, payload["conflict_figures"])
        for v in payload["versions"]
    }
    words, cut = render.headline(payload["group"]["summary"])
    first = payload["versions"][0] if payload["versions"] else {}
    extra = {"segments": segments, "headline": words, "headline_cut": cut, "cue": first.get("cue")}
    return await _respond(datasette, request, "diplo_group.html", payload, extra)


@_handles_errors
async def speaker_view(datasette: Any, request: Any) -> Response:
    """One canonical speaker: names, descriptions, statements over time."""
    page = _page(request)
    cue_class = request.args.get("class") or None
    if cue_class is not None and cue_class not in data.CLASS_LABELS:
        raise BadRequest(f"Unknown class {cue_class!r}: use one of {', '.join(data.CLASS_LABELS)}")
    needs = ["speakers", "claims", "articles", "outlets"]
    payload = await _one(datasette, request, needs, data.speaker, "speaker", page, cue_class)
    if page > 1 and not payload["timeline"]:
        raise NotFound(f"No page {page}: the list ends before it")
    _add_next_url(datasette, request, payload)
    return await _respond(
        datasette, request, "diplo_speaker.html", payload, {"class_labels": data.CLASS_LABELS}
    )


@_handles_errors
async def article_view(datasette: Any, request: Any) -> Response:
    """One article with its claims highlighted and its reuse links."""
    needs = ["articles", "claims", "outlets", "speakers", "article_reuse"]
    payload = await _one(datasette, request, needs, data.article, "article")
    pieces = render.text_segments(payload["text"], payload["claims"])
    return await _respond(datasette, request, "diplo_article.html", payload, {"pieces": pieces})


def _outlet_arg(request: Any, name: str) -> int | None:
    """``?from=``/``?to=``: an outlet id, or ``unknown`` for articles with no known outlet."""
    raw = request.args.get(name)
    if raw == "unknown":
        return None
    value = _whole_number(raw or "")
    if value is None:
        raise BadRequest(f"{name} must be an outlet id or 'unknown', not {raw!r}")
    return value


def _between(request: Any) -> tuple[int | None, int | None] | None:
    """The (from, to) outlets whose reuse links to list, or None for all links."""
    if "from" not in request.args and "to" not in request.args:
        return None
    return _outlet_arg(request, "from"), _outlet_arg(request, "to")


@_handles_errors
async def reuse_view(datasette: Any, request: Any) -> Response:
    """Which article took wording from which: a graph and a table."""
    db, _visible = await _context(datasette, request, ["article_reuse", "articles", "outlets"])
    page = _page(request)
    between = _between(request)
    story_of = None
    if "story" in request.args:
        story_of = _whole_number(request.args.get("story") or "")
        if story_of is None:
            raise BadRequest("story must be an article id")
    payload = await data.reuse(db, page, between, story_of)
    if payload is None:
        raise NotFound(f"Article {story_of} shares wording with no other article")
    if page > 1 and not payload["pairs"]:
        raise NotFound(f"No page {page}: the list ends before it")
    _add_next_url(datasette, request, payload)
    return await _respond(
        datasette,
        request,
        "diplo_reuse.html",
        payload,
        {
            "d3_url": datasette.urls.static_plugins("datasette-diplo", "d3-force-3.0.0.min.js"),
            "story_js_url": datasette.urls.static_plugins("datasette-diplo", "story.js"),
        },
    )


DB = r"(?P<database>[^/]+?)"
FMT = r"(?P<format>\.json)?"
ROUTES = [
    (rf"^{ROOT}/{DB}{FMT}$", overview_view),
    (rf"^{ROOT}/{DB}/groups/(?P<id>[^/]+?){FMT}$", group_view),
    (rf"^{ROOT}/{DB}/speakers/(?P<id>[^/]+?){FMT}$", speaker_view),
    (rf"^{ROOT}/{DB}/articles/(?P<id>[^/]+?){FMT}$", article_view),
    (rf"^{ROOT}/{DB}/reuse{FMT}$", reuse_view),
]
