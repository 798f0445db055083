"""Positions in a parsed Doc, indexed once per Doc so that no rule pays for a
whole sentence or subtree each time it asks.

spaCy answers ``Token.subtree`` with nested generators (each token yielded
passes through every level above it: a cost of size times depth) and
``Token.sent`` by walking to the sentence's ends, and ``Doc.text`` rebuilds
the whole string per call. Asked once per cue, these made extraction
quadratic on long sentences ("He said " * 4000 parses as a chain 4,000 deep).
The answers here are read from arrays built on first use and kept in
``doc.user_data`` until ``forget`` drops them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable

import numpy
from spacy.attrs import HEAD, IDX, LENGTH, SENT_START
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_KEY = "diplo_layout"
_TEXT_KEY = "diplo_text"
_NEWLINE = re.compile("\n")


class _Layout:
    """The per-Doc indexes: text, token offsets, children, subtree ranges,
    sentence starts, and positions of tokens by text or by tag (on demand)."""

    __slots__ = (
        "doc",
        "text",
        "starts",
        "ends",
        "children",
        "lo",
        "hi",
        "sent_starts",
        "_found",
        "_newlines",
        "memo",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = article_text(doc)
        n = len(doc)
        table = doc.to_array([HEAD, SENT_START, IDX, LENGTH]).astype("int64")
        if n == 0:
            table = table.reshape((0, 4))
        heads = (table[:, 0] + numpy.arange(n, dtype="int64")).tolist()
        self.starts = table[:, 2].tolist()
        self.ends = (table[:, 2] + table[:, 3]).tolist()
        children: list[list[int]] = [[] for _ in range(n)]
        for i, head in enumerate(heads):
            if head != i:
                children[head].append(i)
        self.children = children
        self.lo, self.hi = _ranges(children, [i for i in range(n) if heads[i] == i])
        starts = numpy.flatnonzero(table[:, 1] == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        self.sent_starts = starts
        self._found: dict[tuple[tuple[str, str], ...], list[int]] = {}
        self._newlines: list[int] | None = None
        self.memo: dict[str, object] = {}

    @property
    def newlines(self) -> list[int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        return self._newlines

    def positions(self, wanted: tuple[tuple[str, str], ...]) -> list[int]:
        """Sorted indices of the tokens whose attributes have the wanted values."""
        found = self._found.get(wanted)
        if found is None:
            table = self.doc.to_array([name for name, _ in wanted]).reshape((len(self.doc), -1))
            mask = numpy.ones(len(self.doc), dtype=bool)
            for column, (_, value) in enumerate(wanted):
                mask &= table[:, column] == get_string_id(value)
            found = self._found[wanted] = numpy.flatnonzero(mask).tolist()
        return found


def _ranges(children: list[list[int]], roots: list[int]) -> tuple[list[int], list[int]]:
    """For each token, the first and last index of its subtree when the subtree
    is exactly that range in order (lefts, the token, rights, all contiguous);
    otherwise lo > hi, and ``subtree_ids`` walks the tree instead (non-projective
    arcs, 177 of 46,073 tokens on PolNeAR dev)."""
    n = len(children)
    lo, hi = list(range(n)), list(range(n))
    order: list[int] = []
    stack = list(roots)
    while stack:
        i = stack.pop()
        order.append(i)
        stack.extend(children[i])
    for i in reversed(order):  # children before their heads
        kids = children[i]
        pieces = [(lo[k], hi[k]) for k in kids if k < i]
        pieces.append((i, i))
        pieces.extend((lo[k], hi[k]) for k in kids if k > i)
        if all(a[1] + 1 == b[0] for a, b in zip(pieces, pieces[1:], strict=False)) and all(
            a <= b for a, b in pieces
        ):
            lo[i], hi[i] = pieces[0][0], pieces[-1][1]
        else:
            lo[i], hi[i] = 1, 0
    return lo, hi


def _layout(doc: Doc) -> _Layout:
    layout = doc.user_data.get(_KEY)
    if layout is None:
        layout = doc.user_data[_KEY] = _Layout(doc)
    return layout


def article_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc and kept while the Doc lives.

    ``Doc.text`` joins every token anew on each access; extraction's stages
    (attributions, speakers, outlet claims, dates) all read the whole text, and
    building it once per stage was a tenth of the load's own CPU time on METER.
    Unlike the indexes, it outlives ``forget``: the stages after
    ``find_attributions`` read it too."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def forget(doc: Doc) -> None:
    """Drop the indexes (and the text copy) once extraction is done with ``doc``."""
    doc.user_data.pop(_KEY, None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    return _layout(doc).text


def positions_where(doc: Doc, attr: int, test: Callable[[str], bool]) -> list[int]:
    """Sorted indices of the tokens whose string attribute ``attr`` (``ORTH``,
    ``LOWER``) passes ``test``, asking ``test`` once per distinct string.

    A pass that looks at a few kinds of word (capitalised ones, honorifics)
    otherwise builds a ``Token`` for each of the article's words, and that
    was most of the cost of such passes."""
    if not len(doc):
        return []
    column = doc.to_array([attr]).reshape(len(doc))
    strings = doc.vocab.strings
    wanted = [key for key in numpy.unique(column).tolist() if test(strings[key])]
    return numpy.flatnonzero(numpy.isin(column, wanted)).tolist()


def subtree_ids(tok: Token) -> list[int]:
    """Indices of ``tok.subtree`` in the same order, without spaCy's nested generators."""
    layout = _layout(tok.doc)
    if layout.lo[tok.i] <= layout.hi[tok.i]:
        return list(range(layout.lo[tok.i], layout.hi[tok.i] + 1))
    children = layout.children
    out: list[int] = []
    stack = [tok.i]
    while stack:
        i = stack.pop()
        if i < 0:  # the token itself, between its left and right children
            out.append(-i - 1)
            continue
        kids = children[i]
        stack.extend(k for k in reversed(kids) if k > i)
        stack.append(-i - 1)
        stack.extend(k for k in reversed(kids) if k < i)
    return out


def token_starts(doc: Doc) -> list[int]:
    """Each token's first character (``Token.idx``) by index."""
    return _layout(doc).starts


def token_ends(doc: Doc) -> list[int]:
    """Each token's end character by index."""
    return _layout(doc).ends


def positions(doc: Doc, **wanted: str) -> list[int]:
    """Sorted indices of the tokens with the given attribute values
    (``positions(doc, ORTH=",")``, ``positions(doc, DEP="advcl", TAG="VBG")``),
    read from the Doc's arrays once per question."""
    return _layout(doc).positions(tuple(sorted(wanted.items())))


def line_start(doc: Doc, pos: int) -> int:
    """Where the line holding ``pos`` starts (``text.rfind("\\n", 0, pos) + 1``)."""
    newlines = _layout(doc).newlines
    k = bisect_left(newlines, pos)
    return newlines[k - 1] + 1 if k else 0


def line_end(doc: Doc, pos: int) -> int:
    """The first line break at or after ``pos``, or the text's end."""
    newlines = _layout(doc).newlines
    k = bisect_left(newlines, pos)
    return newlines[k] if k < len(newlines) else len(_layout(doc).text)


def memo(doc: Doc, key: str, compute):
    """``compute()``, once per Doc and ``key``: a whole-text answer (the
    transcript labels) that a rule would otherwise rebuild per token."""
    found = _layout(doc).memo
    if key not in found:
        found[key] = compute()
    return found[key]


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """Token indices (start, end) of the sentence holding token ``i``."""
    starts = _layout(doc).sent_starts
    k = bisect_right(starts, i) - 1
    return starts[k], (starts[k + 1] if k + 1 < len(starts) else len(doc))


def sentence(tok: Token) -> Span:
    """``tok.sent``, found by bisection instead of a walk to both ends."""
    start, end = sentence_bounds(tok.doc, tok.i)
    return tok.doc[start:end]


class SpanIndex:
    """Answers "does this span overlap any of these?" in log time.

    Checking a sentence or a quote against every claim's spans made outlet
    claims and quote continuation quadratic in the number of claims.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the first k spans
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Some span starts before ``span`` ends and ends after it starts (an
        empty span at the edge counts as the comparison every pair made)."""
        k = bisect_left(self.starts, span[1])
        return k > 0 and self.reach[k - 1] > span[0]
