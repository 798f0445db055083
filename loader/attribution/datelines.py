"""The dateline and other furniture that may open a source phrase, read from
the one detector.

"ERBIL (Kurdistan24) — Iranian FM Abbas Araghchi said": the parser hangs the
dateline on the subject, so the words that name the speaker start after it.
Which characters are the dateline is not decided here: the loader's metadata
step found them once (loader/text/datelines.py, ``ArticleRecord.dateline_span``)
and extraction records them on the Doc (``remember_dateline``); content spans
(loader/attribution/assembly.py), source phrases (loader/attribution/sources.py)
and the speaker resolver (loader/attribution/coref.py) all read that record.

``OPENERS`` is what may open a source phrase without naming anyone, in order,
the first that fits decides: the article's dateline, then a heading in
capitals before a dash ("EXCLUSIVE – Roger Stone:", "OTHER STATES - Michael
P. McDonald"), which a page's layout glues to the next paragraph's subject.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from loader.attribution.spans import memo
from loader.attribution.tokens import is_dash
from loader.models import Span
from loader.text.datelines import find_dateline

_DATELINE = "dateline"


def remember_dateline(doc: Doc, dateline: Span | None) -> None:
    """Record the dateline the loader's metadata found (``ArticleRecord.dateline_span``,
    in the parsed text's offsets) for the rules that read it."""
    memo(doc, _DATELINE, lambda: dateline)


def dateline_of(doc: Doc) -> Span | None:
    """The characters of the dateline that opens the story, if any: the one
    ``remember_dateline`` recorded, else what the same detector
    (``loader.text.datelines``) finds in the parsed text."""

    def detect() -> Span | None:
        found = find_dateline(doc.text)
        return (found.start, found.end) if found else None

    return memo(doc, _DATELINE, detect)


def _after_dateline(doc: Doc, idx: list[int]) -> list[int] | None:
    """ "RENO, Nev. (AP) — Republican presidential hopeful Donald Trump": the
    tokens after the article's dateline, when the phrase reaches into it."""
    dateline = dateline_of(doc)
    if dateline is None or not any(dateline[0] <= doc[i].idx < dateline[1] for i in idx):
        return None
    return [i for i in idx if doc[i].idx >= dateline[1]]


def _after_heading(doc: Doc, idx: list[int]) -> list[int] | None:
    """ "EXCLUSIVE – Roger Stone", "OTHER STATES - Michael P. McDonald": every
    word before the last dash in capitals, one of three letters or more. One
    Title-case word among them ("GORGEOUS Amanda Holden - who …") makes it
    the speaker's own phrase."""
    dashes = [k for k, i in enumerate(idx) if is_dash(doc[i])]
    if not dashes or dashes[-1] == len(idx) - 1:
        return None
    words = [doc[i] for i in idx[: dashes[-1]] if doc[i].is_alpha]
    if not any(len(t) >= 3 for t in words) or not all(t.is_upper for t in words):
        return None
    return idx[dashes[-1] + 1 :]


# Ordered: the first opener that fits a source phrase decides.
OPENERS: tuple[tuple[str, Callable[[Doc, list[int]], list[int] | None]], ...] = (
    ("dateline", _after_dateline),
    ("heading in capitals", _after_heading),
)


def without_opener(doc: Doc, idx: list[int]) -> list[int] | None:
    """The token indices ``idx`` (in order) after the furniture opening them,
    or None when nothing in ``OPENERS`` fits (the phrase is all speaker). An
    empty list means the phrase was furniture only."""
    return next((out for _, opener in OPENERS if (out := opener(doc, idx)) is not None), None)
