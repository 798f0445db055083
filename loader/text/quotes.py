"""Finding quoted stretches of text, robust to stray and unbalanced marks.

One finder for every house style: “…”, "…", the wire's ``…'', ‘…’ and
British '…' (told apart from apostrophes: it's, the Beckhams' home, '90s,
rock 'n' roll, o'clock), „…“, «…», ‹…›, ‚…‘. Each convention is a small
named rule in ``OPENINGS`` (first match wins); a rule says whether a mark
opens a quote there and where that quote closes. A quote of another kind
nested inside one is part of it (only the outer quote is a span).

News quotes run over several sentences and paragraphs; a paragraph that
continues a quote opens with a new mark while the previous paragraph's mark is
never closed. So quotes are paired inside one paragraph only: an opening mark
with no closing mark runs to the end of its paragraph and never further,
which is what keeps a stray mark from swallowing the rest of the article. A
single mark left open does so only when it opens its paragraph; elsewhere it
is an apostrophe.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from loader.lexicon.punctuation import (
    CURLY_DOUBLE_CLOSE,
    CURLY_DOUBLE_OPEN,
    DOUBLED_APOSTROPHE,
    ELIDED_STARTS,
    OPENING_CONTEXT,
    PAIRED_MARKS,
    SINGLE_CLOSE,
    SINGLE_LOW,
    SINGLE_OPEN,
    STRAIGHT_MARK,
    WIRE_OPEN,
)
from loader.models import Span
from loader.prepare import prepare_text

# A quote longer than this (characters) is treated as a stray mark.
MAX_QUOTE = 3000

_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile(
    "|".join(
        re.escape(m)
        for m in (WIRE_OPEN, DOUBLED_APOSTROPHE, CURLY_DOUBLE_OPEN, STRAIGHT_MARK, *PAIRED_MARKS)
    )
    + "|["
    + re.escape(SINGLE_OPEN)
    + "]"
)
_ELIDED = re.compile(
    "(?:"
    + "|".join(re.escape(w) + (r"\b" if w[-1].isalnum() else "") for w in ELIDED_STARTS)
    + r"|\d\d?s?\b)",
    re.IGNORECASE,
)
# What may stand before an opening mark besides space: brackets, dashes, and
# the opening mark of an enclosing quote.
_BEFORE_OPENING = OPENING_CONTEXT + "“„«‹‚‘`\"'"
# A closing “ typed for ” ("“Apparently not,“ he said."): glued to the word
# before, space or the paragraph's end after.
_CURLY_CLOSE = re.compile(
    re.escape(CURLY_DOUBLE_CLOSE) + "|(?<=[^\\s“«„])" + re.escape(CURLY_DOUBLE_OPEN) + r"(?=\s|$)"
)
_WIRE_CLOSE = re.compile("''(?!')")
_PAIRED_CLOSE = {o: re.compile("[" + re.escape(c) + "]") for o, c in PAIRED_MARKS.items()}
# a low-9 single mark left open is a comma-like stray more often than a quote
_PAIRED_RUN_ON = frozenset(o for o in PAIRED_MARKS if o not in SINGLE_LOW)
_STRAIGHT_CLOSE = re.compile("\"|''")


def _is_opening(text: str, i: int) -> bool:
    """A straight mark opens when it starts a word (start, after space or bracket)."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in OPENING_CONTEXT


class Paragraph:
    """One paragraph being scanned, with its single closing marks found once
    (so a paragraph of many apostrophes stays linear)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._singles: list[int] | None = None

    def single_closer(self, after: int) -> int | None:
        """The first single mark after ``after`` that closes a quote."""
        if self._singles is None:
            self._singles = _single_closers(self.text, self.start, self.end)
        k = bisect_right(self._singles, after)
        return self._singles[k] if k < len(self._singles) else None

    def opens(self, i: int) -> bool:
        """Nothing but layout and opening marks before ``i`` in the paragraph."""
        return not self.text[self.start : i].strip(" \t\r" + _BEFORE_OPENING)


def _closes_single(text: str, j: int, end: int) -> bool:
    """A single mark that may close a quote: glued to the word before, no
    letter or digit after (it's, o'clock go on), not half of a doubled
    apostrophe, not the second mark of 'n'."""
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < end else " "
    if before.isspace() or after.isalnum() or "'" in (before, after):
        return False
    return not (before in "nN" and j >= 2 and text[j - 2] in SINGLE_CLOSE + SINGLE_OPEN)


def _possessive(text: str, j: int, end: int) -> bool:
    """``s'`` before a lowercase word: the Beckhams' home."""
    return text[j - 1] in "sS" and re.match(r" [a-z]", text[j + 1 : min(j + 3, end)]) is not None


def _single_closers(text: str, start: int, end: int) -> list[int]:
    """Where single quotes close in a paragraph; a plural possessive closes
    only when no other closing mark follows it."""
    found = [
        j for j in range(start, end) if text[j] in SINGLE_CLOSE and _closes_single(text, j, end)
    ]
    return [j for k, j in enumerate(found) if k == len(found) - 1 or not _possessive(text, j, end)]


def _opens_single(text: str, i: int, para: Paragraph) -> bool:
    """A single mark opening a quote: at a word's start, a word after it,
    and not an apostrophe eliding that word's start ('90s, 'n', 'em)."""
    before = text[i - 1] if i > para.start else " "
    after = text[i + 1] if i + 1 < para.end else " "
    if not (before.isspace() or before in _BEFORE_OPENING) or after.isspace():
        return False
    if after in SINGLE_CLOSE:
        return False
    return _ELIDED.match(text, i + 1, para.end) is None


@dataclass(frozen=True)
class Opening:
    """An opening mark: its width, where its quote closes (start and end of
    the closing mark, or None) and whether, left open, it runs to the end of
    its paragraph."""

    width: int
    closer: tuple[int, int] | None
    runs_on: bool


def _search(pattern: re.Pattern, text: str, pos: int, para: Paragraph) -> tuple[int, int] | None:
    m = pattern.search(text, pos, para.end)
    return m.span() if m else None


def wire_backticks(text: str, i: int, para: Paragraph) -> Opening | None:
    """``…'' (wire copy typed on a typewriter keyboard)."""
    if text.startswith(WIRE_OPEN, i):
        return Opening(2, _search(_WIRE_CLOSE, text, i + 2, para), True)
    return None


def doubled_apostrophe(text: str, i: int, para: Paragraph) -> Opening | None:
    """''…'' (two apostrophes for a double mark), at a word's start."""
    if text.startswith(DOUBLED_APOSTROPHE, i) and _is_opening(text, i):
        return Opening(2, _search(_WIRE_CLOSE, text, i + 2, para), True)
    return None


def curly_double(text: str, i: int, para: Paragraph) -> Opening | None:
    """“…” (and the typo “…“)."""
    if text[i] == CURLY_DOUBLE_OPEN:
        return Opening(1, _search(_CURLY_CLOSE, text, i + 1, para), True)
    return None


def paired(text: str, i: int, para: Paragraph) -> Opening | None:
    """„…“ or „…”, «…», ‹…›, ‚…‘: a mark with its own closing marks."""
    pattern = _PAIRED_CLOSE.get(text[i])
    if pattern is None:
        return None
    return Opening(1, _search(pattern, text, i + 1, para), text[i] in _PAIRED_RUN_ON)


def straight_double(text: str, i: int, para: Paragraph) -> Opening | None:
    """ "…", opened at a word's start; the next straight mark closes it."""
    if text[i] == STRAIGHT_MARK and _is_opening(text, i):
        return Opening(1, _search(_STRAIGHT_CLOSE, text, i + 1, para), True)
    return None


def single(text: str, i: int, para: Paragraph) -> Opening | None:
    """‘…’ and British '…', apostrophes told apart (see ``_opens_single``,
    ``_closes_single``); left open, it runs on only from a paragraph's start."""
    if text[i] in SINGLE_OPEN and _opens_single(text, i, para):
        j = para.single_closer(i)
        return Opening(1, (j, j + 1) if j is not None else None, para.opens(i))
    return None


OPENINGS: tuple[Callable[[str, int, Paragraph], Opening | None], ...] = (
    wire_backticks,
    doubled_apostrophe,
    curly_double,
    paired,
    straight_double,
    single,
)


def opening_at(text: str, i: int, para: Paragraph) -> Opening | None:
    """The first rule of ``OPENINGS`` that takes the mark at ``i``."""
    for rule in OPENINGS:
        found = rule(text, i, para)
        if found is not None:
            return found
    return None


def quote_spans(text: str) -> tuple[Span, ...]:
    """Quoted stretches including their marks, in text order, never overlapping.

    Span finding and speaker resolution both ask for the same article's
    quotes, so the last few answers are kept (as tuples, which no caller can
    change under the other).
    """
    return _quote_spans(text)


def quote_spans_as_read(text: str) -> tuple[Span, ...]:
    """``quote_spans`` of an article's text as stored, found in its prepared
    form (loader/prepare.py) so a quote wrapped over several lines of wire
    copy is one quote; spans point into ``text``. For reuse detection, which
    reads stored texts, never parsed ones."""
    prepared = prepare_text(text)
    if prepared.map.is_identity:
        return quote_spans(text)
    return tuple(prepared.map.spans(quote_spans(prepared.text)))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for match in _PARAGRAPH.finditer(text):
        spans.extend(_paragraph_quotes(text, Paragraph(text, *match.span())))
    return tuple(spans)


def _paragraph_quotes(text: str, para: Paragraph) -> list[Span]:
    spans: list[Span] = []
    i = para.start
    while (m := _MARK.search(text, i, para.end)) is not None:
        i = m.start()
        opening = opening_at(text, i, para)
        if opening is None:
            i += 1
        elif opening.closer is not None:
            if opening.closer[1] - i <= MAX_QUOTE:
                spans.append((i, opening.closer[1]))
                i = opening.closer[1]
            else:  # a stray mark: never a quote of pages
                i = opening.closer[1] if opening.runs_on else i + 1
        elif opening.runs_on:
            end = para.end
            while end > i and text[end - 1].isspace():
                end -= 1
            if end - i > opening.width and end - i <= MAX_QUOTE:
                spans.append((i, end))
            break
        else:
            i += opening.width  # a lone single mark mid-paragraph: an apostrophe
    return spans


class Quotes(tuple):
    """``quote_spans``' answer with lookups by position.

    The rules ask, per cue, which quote holds a position, touches a span or
    starts near the cue; scanning every quote for every cue was quadratic in
    an article of many quotes. Quotes come sorted and never overlap, so both
    their starts and their ends are sorted and each question is a bisection.
    A sequence that is not so (a hand-made list) is scanned whole, as before.
    """

    def __new__(cls, spans: Iterable[Span] = ()) -> Quotes:
        self = super().__new__(cls, spans)
        self.starts = [s for s, _ in self]
        self.ends = [e for _, e in self]
        self.ordered = all(
            self.ends[k] <= self.starts[k + 1] for k in range(len(self) - 1)
        ) and all(s < e for s, e in self)
        return self

    def near(self, lo: int, hi: int) -> Sequence[Span]:
        """In text order, every quote that ends at or after ``lo`` and starts at
        or before ``hi`` (a superset of what any window test inside may want)."""
        if not self.ordered:
            return self
        return self[bisect_left(self.ends, lo) : bisect_right(self.starts, hi)]

    def containing(self, pos: int) -> Span | None:
        """The quote with ``start <= pos < end``, if any."""
        for qs, qe in self.near(pos + 1, pos):
            if qs <= pos < qe:
                return qs, qe
        return None

    def overlapping(self, s: int, e: int) -> Sequence[Span]:
        """In text order, the quotes with ``start < e`` and ``s < end``."""
        return [(qs, qe) for qs, qe in self.near(s + 1, e - 1) if qs < e and s < qe]

    def enclosing(self, s: int, e: int) -> bool:
        """Some quote holds the whole of ``[s, e)``."""
        return any(qs <= s and e <= qe for qs, qe in self.near(e, s))

    def within(self, s: int, e: int) -> bool:
        """Some quote lies wholly inside ``[s, e)``."""
        return any(s <= qs and qe <= e for qs, qe in self.near(s, e))

    def ends_at(self, pos: int) -> bool:
        return any(qe == pos for _, qe in self.near(pos, pos))


def as_quotes(quotes: Sequence[Span]) -> Quotes:
    """``quotes`` as a ``Quotes`` (already one, or indexed now)."""
    return quotes if isinstance(quotes, Quotes) else Quotes(quotes)
