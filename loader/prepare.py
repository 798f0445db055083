"""Text preparation with an offset map: whole paragraphs for the parser,
every offset still pointing into the text as read.

Wire copy and some papers reach us hard-wrapped: every line ends near one
width (about 78 characters), and a paragraph is shown by a blank line, an
indented line, a paragraph mark ``<`` at a line end, or a control byte (0x19)
opening the next line. Parsed as it is, each line becomes a sentence and a
claim stops where the wire broke the line. :func:`prepare_text` joins the
wrapped lines of a paragraph with a space, ends each paragraph with one
newline, and drops control characters; :class:`OffsetMap` takes every offset
and span of the prepared text back to the original exactly, so what is stored
(``articles.text``, claim offsets) stays the text as read.

Text that is not hard-wrapped is returned unchanged with the identity map
(apart from control characters, which never reach the parser). A pure module:
nothing here knows about spaCy or the database.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace

from loader.lexicon.punctuation import RULE_MARKS

# C0 and C1 control characters; tab, newline and carriage return are layout.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_EDGE = " \t\r"
PARAGRAPH_MARK = "<"
# A rule: three or more dashes, equals signs, underscores, stars or tildes.
_MARK = "[" + re.escape(RULE_MARKS) + "]"
_MARK_OR_SPACE = "[" + re.escape(RULE_MARKS) + r"\s]"
_RULE = re.compile("^" + _MARK_OR_SPACE + "*" + _MARK + "{3}" + _MARK_OR_SPACE + "*$")
# A text is hard-wrapped when it has at least MIN_LONG_LINES lines longer
# than LONG characters and WRAPPED_SHARE of them end within WRAP_BAND of the
# width most lines reach (their 90th percentile length); a text with more than
# OVER_SHARE of its long lines beyond that width is written one paragraph per
# line; and at least LOWERCASE_SHARE of the wrapped lines must go on with a
# lowercase word.
LONG = 40
MIN_LONG_LINES = 3
WRAPPED_SHARE = 0.6
WRAP_BAND = 20
OVER_SHARE = 0.1
MAX_WIDTH = 160
MIN_MARKS = 2
LOWERCASE_SHARE = 0.25
# A line that stops this many characters short of where the next line's first
# word would have fitted was ended on purpose: a paragraph ends there.
SLACK = 5


# What may open a paragraph's first line before its words: indentation and
# control characters.
_OPENING = " \t" + "".join(chr(c) for c in [*range(9), *range(11, 32), 127])


@dataclass(frozen=True)
class OffsetMap:
    """Prepared offsets <-> original offsets.

    The prepared text is a sequence of pieces, each either a copy of an
    original stretch (same length, character for character) or one character
    standing for a stretch of original layout (a space for a line wrap, a
    newline for a paragraph break). Original characters in no piece (control
    characters) were dropped. ``prep`` holds each piece's start in the
    prepared text, ``orig``/``orig_end`` its original stretch, ``copied``
    whether it is a copy.
    """

    prep: tuple[int, ...]
    orig: tuple[int, ...]
    orig_end: tuple[int, ...]
    copied: tuple[bool, ...]
    prepared_length: int
    original_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls((0,), (0,), (length,), (True,), length, length)

    @property
    def is_identity(self) -> bool:
        """Whether prepared and original text are the same string."""
        return (
            len(self.prep) == 1
            and self.copied[0]
            and self.prepared_length == self.original_length
            and self.orig[0] == 0
        )

    def _piece(self, p: int) -> int:
        return bisect_right(self.prep, p) - 1

    def start(self, p: int) -> int:
        """The original offset where prepared character ``p`` comes from (the
        text's end for ``p`` at the prepared text's end)."""
        if p >= self.prepared_length:
            return self.original_length
        i = self._piece(p)
        return self.orig[i] + (p - self.prep[i]) if self.copied[i] else self.orig[i]

    def end(self, p: int) -> int:
        """The original offset just after the stretch prepared character
        ``p - 1`` comes from: where a span ending at ``p`` ends."""
        if p <= 0:
            return self.start(0)
        i = self._piece(p - 1)
        return self.orig[i] + (p - self.prep[i]) if self.copied[i] else self.orig_end[i]

    def span(self, s: int, e: int) -> tuple[int, int]:
        """A prepared span as the original span it covers."""
        return (self.start(s), self.end(e)) if e > s else (self.start(s), self.start(s))

    def spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """Prepared spans (a claim's content, cue, source) as original spans."""
        return [self.span(s, e) for s, e in spans]

    def prepared_span(self, s: int, e: int) -> tuple[int, int]:
        """An original span (a boilerplate range) in prepared offsets; a span
        of words, which starts and ends on kept characters, comes back whole
        through :meth:`span`."""
        return self.to_prepared(s), max(self.to_prepared(s), self.to_prepared(e))

    def to_prepared(self, o: int) -> int:
        """The prepared offset of original offset ``o``: inside a copy, its
        own character; inside replaced layout, the character standing for it;
        at a dropped character, the next piece's start."""
        if o >= self.original_length:
            return self.prepared_length
        i = bisect_right(self.orig, o) - 1
        if i < 0:
            return 0
        if o >= self.orig_end[i]:  # dropped: the next piece starts after it
            return self.prep[i + 1] if i + 1 < len(self.prep) else self.prepared_length
        return self.prep[i] + (o - self.orig[i]) if self.copied[i] else self.prep[i]


@dataclass(frozen=True)
class Prepared:
    """The text the parser reads, and the way back to the text as read."""

    text: str
    map: OffsetMap
    # the width the original was wrapped at; 0 when it marks its paragraphs
    # but shows no width; None when it is not hard-wrapped
    wrap_width: int | None


class _Builder:
    """Collects pieces left to right; linear in the text's length."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.prep: list[int] = []
        self.orig: list[int] = []
        self.orig_end: list[int] = []
        self.copied: list[bool] = []
        self.length = 0

    def copy(self, s: int, e: int) -> None:
        """Copy original[s:e], dropping its control characters."""
        pos = s
        for m in CONTROL.finditer(self.original, s, e):
            self._piece(pos, m.start(), self.original[pos : m.start()], True)
            pos = m.end()
        self._piece(pos, e, self.original[pos:e], True)

    def replace(self, s: int, e: int, by: str) -> None:
        """One character standing for original[s:e]."""
        self._piece(s, e, by, False)

    def _piece(self, s: int, e: int, text: str, copied: bool) -> None:
        if not text:
            return
        if copied and self.copied and self.copied[-1] and self.orig_end[-1] == s:
            self.orig_end[-1] = e  # continue the previous copy
        else:
            self.prep.append(self.length)
            self.orig.append(s)
            self.orig_end.append(e)
            self.copied.append(copied)
        self.parts.append(text)
        self.length += len(text)

    def result(self, width: int | None) -> Prepared:
        omap = OffsetMap(
            tuple(self.prep) or (0,),
            tuple(self.orig) or (0,),
            tuple(self.orig_end) or (0,),
            tuple(self.copied) or (True,),
            self.length,
            len(self.original),
        )
        return Prepared("".join(self.parts), omap, width)


def _words(line: str) -> str:
    """A line without layout around it: spaces, control characters, the mark."""
    body = CONTROL.sub("", line).strip(_LINE_EDGE)
    return body[:-1].rstrip(_LINE_EDGE) if body.endswith(PARAGRAPH_MARK) else body


def wrap_width(lines: list[str]) -> int | None:
    """The width a text is hard-wrapped at, or None when it is not (see the
    constants above). Only lines a paragraph visibly goes on from count (a
    paragraph's last line is as short as its words make it), and some of them
    must go on in lowercase, as prose does: a list of headlines of one length
    is not wrapped text."""
    inside = [
        (len(_words(line)), following.lstrip(_OPENING)[:1])
        for line, following in zip(lines, lines[1:], strict=False)
        if not line.rstrip(_LINE_EDGE).endswith(PARAGRAPH_MARK) and not _opens_paragraph(following)
    ]
    long = sorted(n for n, _ in inside if n > LONG)
    if len(long) < MIN_LONG_LINES:
        return None
    width = long[int(0.9 * (len(long) - 1))]
    near = sum(1 for n in long if width - WRAP_BAND <= n <= width + 2)
    over = sum(1 for n in long if n > width + 10)
    lower = sum(1 for n, first in inside if n > LONG and first.islower())
    wrapped = (
        near >= WRAPPED_SHARE * len(long)
        and over <= OVER_SHARE * len(long)
        and lower >= LOWERCASE_SHARE * len(long)
    )
    return width if wrapped and width <= MAX_WIDTH else None


def marks_paragraphs(lines: list[str]) -> bool:
    """Whether the text marks its paragraphs as the wire does, with ``<`` at
    the end of a paragraph's last line or a control character opening its
    first (MIN_MARKS of either): then a line without the mark goes on in the
    next, however short the text."""
    marked = sum(1 for line in lines if line.rstrip(_LINE_EDGE).endswith(PARAGRAPH_MARK))
    opened = sum(1 for line in lines if line[:1] and CONTROL.match(line))
    return marked >= MIN_MARKS or opened >= MIN_MARKS


def paragraph_width(lines: list[str]) -> int | None:
    """What :func:`paragraph_ends` needs: the wrap width; 0 for a text that
    marks its paragraphs but shows no width (only the marks count); None for
    text that is not hard-wrapped (every line is a paragraph)."""
    width = wrap_width(lines)
    if width is None and marks_paragraphs(lines):
        return 0
    return width


def _opens_paragraph(line: str) -> bool:
    """A line that shows it opens a paragraph: blank, indented, opened by a
    control character, or a rule of dashes."""
    return (
        not line.strip(_LINE_EDGE)
        or line[0] in " \t"
        or CONTROL.match(line) is not None
        or _RULE.match(line) is not None
    )


def paragraph_ends(line: str, following: str, width: int) -> bool:
    """Whether the break after ``line`` ends a paragraph in a text wrapped at
    ``width``: a paragraph mark, a next line that opens one, a rule, or
    (``width`` above 0) a line ended short of where the next word would have
    fitted."""
    stripped = line.rstrip(_LINE_EDGE)
    if stripped.endswith(PARAGRAPH_MARK) or _opens_paragraph(following):
        return True
    if _RULE.match(stripped):
        return True
    first_word = following.split(maxsplit=1)[0]
    return len(_words(stripped)) + 1 + len(first_word) <= width - SLACK


def prepare_text(text: str) -> Prepared:
    """Whole paragraphs for the parser (see the module docstring)."""
    lines = text.split("\n")
    width = paragraph_width(lines)
    if width is None and CONTROL.search(text) is None:
        return Prepared(text, OffsetMap.identity(len(text)), None)
    builder = _Builder(text)
    if width is None:
        builder.copy(0, len(text))
        return builder.result(None)
    pos = line_start = 0
    for i, line in enumerate(lines[:-1]):
        end = line_start + len(line)  # the newline
        kept = max(pos, end - (len(line) - len(line.rstrip(_LINE_EDGE))))
        following = lines[i + 1]
        if paragraph_ends(line, following, width):
            if kept - 1 >= pos and text[kept - 1] == PARAGRAPH_MARK:
                kept -= 1
            builder.copy(pos, kept)
            pos = end + 1 + len(following) - len(following.lstrip(_OPENING))
            _paragraph_break(builder, kept, pos)
        else:
            builder.copy(pos, kept)
            builder.replace(kept, end + 1, " ")
            pos = end + 1
        line_start = end + 1
    builder.copy(pos, len(text))
    return builder.result(width)


def _paragraph_break(builder: _Builder, s: int, e: int) -> None:
    """The layout between two paragraphs: kept as it is when it is only
    spaces and newlines (a blank line, an indent), else one newline stands
    for it (a paragraph mark, control characters)."""
    layout = builder.original[s:e]
    if layout.strip(" \t\r\n"):
        builder.replace(s, e, "\n")
    else:
        builder.copy(s, e)


def excluded_to_prepared(
    prepared: Prepared, excluded: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Boilerplate ranges of the text as read, as ranges of the prepared text
    the parser reads (so the rules skip the same words)."""
    omap = prepared.map
    ranges = [tuple(r) for r in excluded]
    if omap.is_identity:
        return ranges
    return [omap.prepared_span(s, e) for s, e in ranges]


def attributions_to_original(attributions: list, prepared: Prepared, original: str) -> list:
    """Every span of ``attributions`` (found in the prepared text) moved back
    into ``original``, the text as read: new attributions, the input left as
    it was.

    Content, cue, source and sentence spans all go through the map, and the
    cue's wording is read again from the original (its words are the same;
    a wrap inside it is a line break there). Names and mentions stay as the
    parser read them: the prepared text holds no control character, so none
    reaches a speaker's name. ``claims.content`` is computed from the stored
    text and the mapped spans, so it always equals the spans joined.
    """
    omap = prepared.map
    if omap.is_identity:
        return list(attributions)
    return [_to_original(a, omap, original) for a in attributions]


def _to_original(a, omap: OffsetMap, original: str):
    cue = omap.spans(a.cue)
    cue_text = " ".join(original[cue[0][0] : cue[0][1]].split()) if cue else ""
    return replace(
        a,
        content=omap.spans(a.content),
        cue=cue,
        source=omap.spans(a.source),
        sentence=omap.span(*a.sentence) if a.sentence is not None else None,
        cue_text=cue_text or a.cue_text,
    )
