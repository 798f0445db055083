"""The one dateline detector: ``PLACE, Region, Date (Outlet) —`` opening a paragraph.

A dateline says where (and by whom, sometimes when) a story was filed; it is
furniture, not anything anyone said. The loader's metadata step finds it once
(``find_dateline``) and records it on the article (``ArticleRecord.dateline``
for the place, ``dateline_span`` for its characters); the attribution stage
reads that span instead of detecting datelines again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loader.lexicon.function_words import NO_PLACE_PRONOUNS
from loader.lexicon.punctuation import DATELINE_DASHES
from loader.text.dates import MONTH

MONTHS = MONTH  # the one month pattern (loader.text.dates)
# One dash, or two of them ("--"), as a character class: "-–—".
_DASH = "[" + re.escape("".join(sorted(d for d in DATELINE_DASHES if len(d) == 1))) + "]{1,2}"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]*(?:[ ,/-]+[A-Z][A-Z'’.-]*){0,3})"
    r"(?:,\s*(?P<region>[A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+)?))?"
    r"(?:,?\s*(?P<date>" + MONTHS + r"\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<outlet>[^)]{2,40})\))?\s*" + _DASH + r"\s+"
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


def starts_with_dateline(line: str) -> bool:
    """Whether a paragraph opens with ``PLACE (Outlet) —`` or ``PLACE —``."""
    m = _DATELINE.match(line)
    return bool(m) and not any(c.islower() for c in m.group("place"))


def find_dateline(text: str) -> Dateline | None:
    """The first paragraph that opens with ``PLACE (Outlet) —``."""
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _DATELINE.match(line)
        if m and (m.group("outlet") or m.group("date") or len(m.group("place")) >= 3):
            place = m.group("place").strip(" ,")
            if any(c.islower() for c in place) or len(place) < 3 or _headline(place):
                pos += len(line)
                continue
            return Dateline(
                pos + m.start(), pos + m.end(), place.title(), m.group("outlet"), m.group("date")
            )
        pos += len(line)
    return None
