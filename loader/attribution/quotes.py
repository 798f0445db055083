"""Finding quoted stretches of text, robust to stray and unbalanced marks.

News quotes run over several sentences and paragraphs; a paragraph that
continues a quote opens with a new mark while the previous paragraph's mark is
never closed. So quotes are paired inside one paragraph only: an opening mark
with no closing mark runs to the end of its paragraph and never further,
which is what keeps a stray mark from swallowing the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache

from loader.lexicon.punctuation import CLOSING_MARKS as CLOSE
from loader.lexicon.punctuation import OPENING_CONTEXT
from loader.lexicon.punctuation import OPENING_MARKS as OPEN
from loader.lexicon.punctuation import STRAIGHT_MARK as STRAIGHT
from loader.models import Span

# A quote longer than this (characters) is treated as a stray mark.
MAX_QUOTE = 3000

_PARAGRAPH = re.compile(r"[^\n]+")


def _is_opening(text: str, i: int) -> bool:
    """A straight mark opens when it starts a word (start, after space or bracket)."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in OPENING_CONTEXT


def _misused_opening(text: str, i: int, end: int) -> bool:
    """An opening mark used as a closing one: glued to the word before, space after."""
    return (
        i > 0
        and not text[i - 1].isspace()
        and text[i - 1] not in OPEN
        and (i + 1 >= end or text[i + 1].isspace())
    )


def quote_spans(text: str) -> tuple[Span, ...]:
    """Quoted stretches including their marks, in text order, never overlapping.

    Straight marks (``"`` and the doubled apostrophe ``''`` some wires use)
    open when they start a word and close otherwise. Span finding and speaker
    resolution both ask for the same article's quotes, so the last few answers
    are kept (as tuples, which no caller can change under the other).
    """
    return _quote_spans(text)


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.span()
        open_at: int | None = None
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 2 if text.startswith("''", i) else 1
            straight = ch == STRAIGHT or width == 2
            if ch in OPEN and open_at is not None and _misused_opening(text, i, p_end):
                # "“Apparently not,“ he said.": a typo'd closing mark
                spans.append((open_at, i + 1))
                open_at = None
            elif ch in OPEN or (straight and open_at is None and _is_opening(text, i)):
                if open_at is None:
                    open_at = i
            elif ch in CLOSE or straight:
                if open_at is not None:
                    if i + width - open_at <= MAX_QUOTE:
                        spans.append((open_at, i + width))
                    open_at = None
            i += width
        if open_at is not None:
            end = p_end
            while end > open_at and text[end - 1].isspace():
                end -= 1
            if end - open_at > 1 and end - open_at <= MAX_QUOTE:
                spans.append((open_at, end))
    return tuple(spans)


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
