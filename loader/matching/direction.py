"""Which of two articles sharing wording is the origin: evidence, strongest first.

``RULES`` is an ordered tuple of small named checks; the first that decides
gives the direction and names itself in ``article_reuse.basis``:

1. publication times, when both are known with a time zone;
2. publication dates, when both are known and differ;
3. a wire agency (loader/lexicon/outlets.py, or ``kind: wire``) is the origin
   of wording a non-wire article shares with it on the same day or when a
   date is unknown: papers rewrite the wire, not the reverse;
4. the shared claims: an article whose claims sit inside the other's
   versions of the same statements is the derived one;
5. the text: the article more contained in the other is the derived one;
6. otherwise undetermined (the lower id listed first, no order implied).

Rules 4 and 5 decide only when one article is a copy at all (containment of
at least COPY_CONTAINMENT): below it two texts share no more than
independently written ones, and which holds more of the other says only
which is longer.

Rules 4 and 5 are weak on real wire copy (a paper that merges several wire
takes is longer than each and contains it), which is why the outlet's kind
comes before them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from loader.lexicon.outlets import WIRE_DOMAINS
from loader.matching import thresholds as T
from loader.text.outlets import is_wire_name

BASIS_TIMES = "publication times"
BASIS_DATES = "publication dates"
BASIS_WIRE = "wire agency is the origin ({dates})"
BASIS_CLAIMS = "asymmetric containment of shared claims ({dates})"
BASIS_TEXT = "asymmetric containment of text ({dates})"
BASIS_NONE = "undetermined: containment symmetric and {dates}"
BASIS_LITTLE = "undetermined: too little shared to tell and {dates}"
BASIS_SHARED = "shared source: both reuse article {source}"
# why the dates did not decide: two wire rewrites of one morning share a date
DATES_UNKNOWN = "publication dates unknown"
SAME_DATE = "published the same day"


def is_undetermined(basis: str) -> bool:
    """A link whose order no evidence decided: drawn without an arrowhead."""
    return basis.startswith("undetermined")


def is_shared_source(basis: str) -> bool:
    """Two articles that each reuse a third: neither copied the other."""
    return basis.startswith("shared source")


def is_directed(basis: str) -> bool:
    """A link that says which article took wording from which."""
    return not (is_undetermined(basis) or is_shared_source(basis))


# --- what an outlet is -------------------------------------------------------


def is_wire_outlet(name: str | None, domain: str | None, stated_kind: str | None) -> bool:
    """True for a news agency: stated ``kind: wire``, or (no kind stated) a
    name or domain in the lexicon. A stated other kind wins over the lexicon."""
    if stated_kind is not None:
        return stated_kind == "wire"
    if name and is_wire_name(name):
        return True
    host = (domain or "").casefold().removeprefix("www.")
    return any(host == d or host.endswith("." + d) for d in WIRE_DOMAINS)


# --- the rules ---------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    """One article as the direction rules see it."""

    id: int
    published: str | None
    wire: bool


@dataclass(frozen=True)
class Evidence:
    c_ab: float  # share of a's shingles found in b
    c_ba: float
    vote: float  # > 0: a's claims sit inside b's (a derived)


Decision = tuple[Side, Side, str]  # (earlier, later, basis)


def _instant(published: str | None) -> dt.datetime | None:
    if not published or len(published) <= 10:
        return None
    try:
        when = dt.datetime.fromisoformat(published)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def _dates(a: Side, b: Side) -> str:
    return SAME_DATE if a.published and b.published else DATES_UNKNOWN


def by_publication_time(a: Side, b: Side, ev: Evidence) -> Decision | None:
    """Both times known with a zone: an instant is an order. Times without a
    zone are not compared (two outlets' local clocks would invent one)."""
    ta, tb = _instant(a.published), _instant(b.published)
    if ta is None or tb is None or ta == tb:
        return None
    return (a, b, BASIS_TIMES) if ta < tb else (b, a, BASIS_TIMES)


def by_publication_date(a: Side, b: Side, ev: Evidence) -> Decision | None:
    """Both days known and different: the earlier day is the origin."""
    if not (a.published and b.published) or a.published[:10] == b.published[:10]:
        return None
    earlier_a = a.published[:10] < b.published[:10]
    return (a, b, BASIS_DATES) if earlier_a else (b, a, BASIS_DATES)


def by_wire_agency(a: Side, b: Side, ev: Evidence) -> Decision | None:
    """A wire and a non-wire article the dates cannot order: the wire is the
    origin (the dates are the same day here, or one is unknown)."""
    if a.wire == b.wire:
        return None
    basis = BASIS_WIRE.format(dates=_dates(a, b))
    return (a, b, basis) if a.wire else (b, a, basis)


def _copied_enough(ev: Evidence) -> bool:
    """Containment asymmetry says which text was built from the other only
    when one is a copy at all: below COPY_CONTAINMENT, as much as independently
    written texts share, it reflects the two lengths, not a derivation."""
    return max(ev.c_ab, ev.c_ba) >= T.COPY_CONTAINMENT


def by_shared_claims(a: Side, b: Side, ev: Evidence) -> Decision | None:
    """The article whose claims sit inside the other's versions is derived."""
    if abs(ev.vote) < T.ASYMMETRY_MARGIN or not _copied_enough(ev):
        return None
    basis = BASIS_CLAIMS.format(dates=_dates(a, b))
    return (b, a, basis) if ev.vote > 0 else (a, b, basis)


def by_text_containment(a: Side, b: Side, ev: Evidence) -> Decision | None:
    """The article more contained in the other is derived."""
    if abs(ev.c_ab - ev.c_ba) < T.ASYMMETRY_MARGIN or not _copied_enough(ev):
        return None
    basis = BASIS_TEXT.format(dates=_dates(a, b))
    return (b, a, basis) if ev.c_ab > ev.c_ba else (a, b, basis)


def undetermined(a: Side, b: Side, ev: Evidence) -> Decision:
    """No evidence: the lower id first, and the basis says the order is unknown."""
    reason = BASIS_NONE if _copied_enough(ev) else BASIS_LITTLE
    basis = reason.format(dates=_dates(a, b))
    return (a, b, basis) if a.id < b.id else (b, a, basis)


RULES: tuple[Callable[[Side, Side, Evidence], Decision | None], ...] = (
    by_publication_time,
    by_publication_date,
    by_wire_agency,
    by_shared_claims,
    by_text_containment,
    undetermined,
)


def decide(a: Side, b: Side, ev: Evidence) -> Decision:
    """(earlier, later, basis) from the first rule that decides."""
    for rule in RULES:
        decision = rule(a, b, ev)
        if decision is not None:
            return decision
    raise AssertionError("undetermined always decides")  # pragma: no cover
