"""The one dateline detector: ``PLACE, Region, Date (Outlet) —`` opening a paragraph.

A dateline says where (and by whom, sometimes when) a story was filed; it is
furniture, not anything anyone said. The loader's metadata step finds it once
(``find_dateline``) and records it on the article (``ArticleRecord.dateline``
for the place, ``dateline_span`` for its characters); the attribution stage
reads that span instead of detecting datelines again, for content and for
sources alike (loader/attribution/datelines.py).

What counts as one is ``SHAPES``: an ordered tuple of named checks on a
paragraph's opening, the first that fits decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loader.lexicon.function_words import NO_PLACE_PRONOUNS
from loader.lexicon.places import DEMONYMS, KNOWN_PLACES
from loader.lexicon.punctuation import DATELINE_DASHES
from loader.text.dates import MONTH
from loader.text.outlets import is_wire_name

# One dash, or two of them ("--"), as a character class: "-–—".
_DASH = "[" + re.escape("".join(sorted(d for d in DATELINE_DASHES if len(d) == 1))) + "]{1,2}"
# What may follow the place: ", Region", ", Date", "(Outlet)", then the dash.
_TAIL = (
    r"(?:,\s*(?P<region>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?))?"
    r"(?:,?\s*(?P<date>" + MONTH + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^)]{2,40})\))?\s*" + _DASH + r"\s+"
)
# "WASHINGTON", "RIO DE JANEIRO", "MYRTLE BEACH, S.C.": words in capitals.
_CAPITALS = re.compile(r"^(?P<place>[A-Z][A-Z'’.-]*(?:[ ,/-]+[A-Z][A-Z'’.-]*){0,3})" + _TAIL)
# "New York", "Rio de Janeiro": words in Title case (particles aside).
_TITLE_CASE = re.compile(
    r"^(?P<place>[A-Z][a-z]+(?:[ -](?:(?:de|del|da|do|al|el|la|le|es)[ -])?[A-Z][a-z]+){0,3})"
    + _TAIL
)


@dataclass
class Dateline:
    """A dateline's characters in the text (``start``, ``end``: the dash and
    the space after it included), its place, outlet and date as written."""

    start: int
    end: int
    place: str
    outlet: str | None
    date_text: str | None


_WORD = re.compile(r"[A-Z]+")


def _headline(place: str) -> bool:
    """Capitals with a pronoun in them are a headline ("HE'S BEEN CALLED OUT
    - a lot"), not a place."""
    return any(w.lower() in NO_PLACE_PRONOUNS for w in _WORD.findall(place))


def _place_in_capitals(line: str) -> re.Match[str] | None:
    """ "ANKARA (AP) —", "RIYADH, Nov 12 (Reuters) -", "WASHINGTON --": a
    place in capitals. With neither outlet nor date, the place must be three
    letters or more; a line in capitals with a pronoun is a headline."""
    m = _CAPITALS.match(line)
    if not m or not (m.group("outlet") or m.group("date") or len(m.group("place")) >= 3):
        return None
    place = m.group("place").strip(" ,")
    if any(c.islower() for c in place) or len(place) < 3 or _headline(place):
        return None
    return m


def _known_place(place: str) -> bool:
    """A capital or a country the lexicon knows ("Erbil", "New Delhi", "France")."""
    folded = place.casefold()
    return folded in KNOWN_PLACES or folded in DEMONYMS


def _place_before_an_outlet(line: str) -> re.Match[str] | None:
    """ "New York (AFP) –", "Erbil (Kurdistan24) —": a place in Title case is
    a dateline only with an outlet in the bracket that is a news agency, or
    when the place is a capital or country the lexicon knows; "Jane Doe
    (Labour) - ..." opening a paragraph is a person."""
    m = _TITLE_CASE.match(line)
    if not m or not m.group("outlet"):
        return None
    if is_wire_name(m.group("outlet")) or _known_place(m.group("place")):
        return m
    return None


# Ordered: the first shape that fits a paragraph's opening decides.
SHAPES: tuple[tuple[str, Callable[[str], re.Match[str] | None]], ...] = (
    ("place in capitals", _place_in_capitals),
    ("place before an outlet", _place_before_an_outlet),
)


def _match(line: str) -> re.Match[str] | None:
    return next((m for _, shape in SHAPES if (m := shape(line))), None)


def starts_with_dateline(line: str) -> bool:
    """Whether a paragraph opens with ``PLACE (Outlet) —`` or ``PLACE —``."""
    return _match(line) is not None


def find_dateline(text: str) -> Dateline | None:
    """The first paragraph that opens with a dateline (``SHAPES``)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _match(line)
        if m:
            place = m.group("place").strip(" ,")
            return Dateline(
                pos + m.start(), pos + m.end(), place.title(), m.group("outlet"), m.group("date")
            )
        pos += len(line)
    return None
