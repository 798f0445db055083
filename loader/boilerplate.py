"""Finding text that is part of the page but not of the story.

Boilerplate stays in ``articles.text`` (so every offset stays valid) and is
recorded as ranges; the extractor skips claims that touch a range. ``prepare``
also fills in the metadata the text itself states (see loader.metadata).

Each line is judged by ``LINE_KINDS``, an ordered tuple of small named checks
(first match wins) over the line's words and its place among the lines
(:class:`Line`). Web pages bring link lines, share prompts and captions; news
agency wire copy brings its own furniture (a header block of time, date, page
and slug between rules, ``ENDS``, notes to the desk), whose words live in
``loader.lexicon.wire``. A range covers a line's words only: the wire's
control byte and paragraph mark around them stay outside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace

from loader.lexicon.punctuation import RULE_MARKS
from loader.lexicon.wire import (
    DESK_SLUGS,
    EMBARGO_WORDS,
    MAX_INITIALS,
    NOTE_WORDS,
    SIGN_OFF_WORDS,
)
from loader.metadata import (
    byline_outlet,
    find_byline,
    find_publication_line,
    normalise_date,
    stamp_published,
    title_line,
    visible,
)
from loader.models import ArticleRecord, Boilerplate
from loader.text.datelines import find_dateline, starts_with_dateline
from loader.text.dates import ISO_DATE_AT, NUMERIC_DATE_AT, WORDED_DATE_AT

_READ_MORE = re.compile(
    r"^\s*(?:read more|read also|also read|related|see also|more on this|recommended|watch)\s*[:|>»-]",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^\s*(?:share (?:this|on)|follow us|click here|subscribe|sign up|download (?:our|the) app"
    r"|join our|advertisement\s*$|copyright|©|all rights reserved)",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"\((?:photo|image|picture|file photo)[^)]*\)|\b(?:photo|image|picture)\s*(?:credit)?\s*:|"
    r"(?:/|\()\s*(?:AFP|Reuters|AP|Getty Images|EPA|Anadolu|IRNA|WANA)\b",
    re.IGNORECASE,
)
# "Iranian FM Abbas Araghchi, L, his Iraqi counterpart ..." : positional caption markers
_CAPTION_POSITION = re.compile(r",\s*(?:L|R|C|left|right|center|centre)\s*,|\((?:L|R|left|right)\)")
# A rule: a line of dashes, equals signs, underscores, stars or tildes.
_RULE = re.compile("^[" + re.escape(RULE_MARKS) + r"\s]{3,}$")
# The wire's time-and-date stamp opening a header line, in any order of time
# and date: "23:19 27/01/00: Page 1 (HHH) SHOWBIZ Posh" (PA), "2000-01-27
# 23:19 GMT", "27 Jan 2000 11:19 pm"; or a page line. loader.metadata.
# stamp_published reads the date and time such a line states.
_CLOCK_AT = r"\d{1,2}[:.]\d{2}\b"
_DATE_AT = rf"(?:{NUMERIC_DATE_AT}|{ISO_DATE_AT}|{WORDED_DATE_AT})"
_STAMP = re.compile(
    rf"^{_CLOCK_AT}.*\b{_DATE_AT}(?!\w)|^{_DATE_AT}\W{{1,3}}{_CLOCK_AT}|^Page \d+\b"
)
_INITIALS = re.compile(rf"^[a-z]{{2,{MAX_INITIALS}}}$")
# A note to editors in brackets on a line of its own: "(with pix)", "(reopens)".
_BRACKET_NOTE = re.compile(r"^\([^()]*\)$")
BRACKET_NOTE_WORDS = 15
# How near the top a time stamp must be to head the story.
STAMP_LINES = 6


@dataclass(frozen=True)
class Line:
    """One non-blank line with what the checks need to know about its place."""

    start: int  # offset of ``text`` in the article
    text: str  # the line's words (loader.metadata.visible)
    number: int  # among the article's non-blank lines
    before: str  # the previous non-blank line's words ("" at the top)
    after: str  # the next one's ("" at the end)
    seen: int  # how often these words stood alone on a line so far, this one included
    closing: bool  # every line after it is a sign-off or operator's initials


def _sign_off_shape(text: str) -> bool:
    return text.lower() in SIGN_OFF_WORDS or bool(_INITIALS.match(text))


def _rule(line: Line) -> bool:
    """ "------" or "======": a rule has no words at all."""
    return bool(_RULE.match(line.text))


def _wire_header(line: Line) -> bool:
    """The header block: a line between two rules, or the wire's time and date
    stamp near the top."""
    between = bool(_RULE.match(line.before) and _RULE.match(line.after))
    return between or (line.number < STAMP_LINES and bool(_STAMP.match(line.text)))


def _sign_off(line: Line) -> bool:
    """ "ENDS" / "MORE" anywhere in capitals; "end", "more" or an operator's
    initials ("mfl") after the story's last paragraph."""
    upper = line.text.isupper() and line.text.lower() in SIGN_OFF_WORDS
    return upper or (line.closing and _sign_off_shape(line.text))


def _wire_note(line: Line) -> bool:
    """A note to the desk: "ADVISORY: …", "CORRECTION …", "Embargoed to 1000
    …", or a short bracketed line ("(with pix)")."""
    head = line.text.split(":")[0].strip()
    words = line.text.split()
    if head in NOTE_WORDS or (words[0] in NOTE_WORDS and words[0].isupper()):
        return True
    if words[0].lower() in EMBARGO_WORDS and len(words) > 1:
        return True
    return bool(_BRACKET_NOTE.match(line.text)) and len(words) <= BRACKET_NOTE_WORDS


def _desk_slug(line: Line) -> bool:
    """A catchline: a desk name in capitals before one to three capitalised
    words ("COURTS Smith"), with no stop."""
    words = line.text.split()
    return (
        words[0] in DESK_SLUGS
        and 2 <= len(words) <= 4
        and all(w[0].isupper() for w in words[1:])
        and not line.text.endswith((".", "!", "?"))
    )


def _read_more(line: Line) -> bool:
    return bool(_READ_MORE.match(line.text))


def _share(line: Line) -> bool:
    return bool(_SHARE.match(line.text))


def _byline(line: Line) -> bool:
    return find_byline(line.text) is not None


def _repeated(line: Line) -> bool:
    """A caption or pull quote printed again: read it once."""
    return line.seen > 1 and len(line.text.split()) <= 60


def _caption(line: Line) -> bool:
    return (
        len(line.text.split()) <= 40
        and not starts_with_dateline(line.text)  # "MACAU (Reuters) – ..." is the lead
        and bool(_CREDIT.search(line.text) or _CAPTION_POSITION.search(line.text))
    )


# Ordered: the first check that matches names the line's kind. The wire's
# furniture comes first, so a rule is a rule before it is a repeated line.
LINE_KINDS: tuple[tuple[str, Callable[[Line], bool]], ...] = (
    ("rule", _rule),
    ("wire-header", _wire_header),
    ("sign-off", _sign_off),
    ("wire-note", _wire_note),
    ("slug", _desk_slug),
    ("read-more", _read_more),
    ("share", _share),
    ("byline", _byline),
    ("repeated", _repeated),
    ("caption", _caption),
)


def lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their place (see :class:`Line`)."""
    found: list[tuple[int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        offset, body = visible(raw)
        if body:
            found.append((pos + offset, body))
        pos += len(raw)
    closing = [True] * len(found)  # the last line: nothing follows
    for i in range(len(found) - 2, -1, -1):
        closing[i] = closing[i + 1] and _sign_off_shape(found[i + 1][1])
    seen: Counter[str] = Counter()
    result = []
    for i, (start, body) in enumerate(found):
        seen[body] += 1
        before = found[i - 1][1] if i else ""
        after = found[i + 1][1] if i + 1 < len(found) else ""
        result.append(Line(start, body, i, before, after, seen[body], closing[i]))
    return result


def line_kind(line: Line) -> str | None:
    """The kind of boilerplate a line is, or None for story text."""
    return next((kind for kind, check in LINE_KINDS if check(line)), None)


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Ranges of wire furniture, link lines, captions, credits, bylines and
    share prompts."""
    spans = []
    for line in lines(text):
        kind = line_kind(line)
        if kind:
            spans.append(Boilerplate(line.start, line.start + len(line.text), kind))
    return spans


def prepare(record: ArticleRecord) -> ArticleRecord:
    """A copy of ``record`` with the metadata the text states and its
    boilerplate ranges filled in (the input is left as it was)."""
    text = record.text
    record = replace(record, boilerplate=find_boilerplate(text))
    if record.title is None:
        # The headline is part of the story, not furniture: "Iran Says US Troop
        # Withdrawal Reflects ..." is a claim readers see first, so it is not
        # excluded from extraction.
        found = title_line(text, [(b.start, b.end) for b in record.boilerplate])
        if found:
            record.title = found[0]
    dateline = find_dateline(text)
    if dateline:
        record.dateline = dateline.place
        record.dateline_span = (dateline.start, dateline.end)
        if record.outlet is None and dateline.outlet:
            record.outlet = dateline.outlet
        date = normalise_date(dateline.date_text) if dateline.date_text else None
        if record.published is None and date:
            record.published = date
            record.published_basis = "dateline"
    if record.published is None:
        line = find_publication_line(text)
        if line:
            record.published, start, end = line
            record.published_basis = "publication-line"
            record.boilerplate.append(Boilerplate(start, end, "publication-line"))
    _from_byline(record)
    _from_wire_stamp(record)
    record.boilerplate.sort(key=lambda b: (b.start, b.end))
    return record


def _from_wire_stamp(record: ArticleRecord) -> None:
    """The date and time wire copy was filed, from its header block (the
    ``wire-header`` lines), when nothing else states when it was published:
    a later take filed the next day is then known to be later, not taken for
    an origin of a paper that printed the first day's take. No header, no
    date: nothing is guessed."""
    if record.published is not None:
        return
    for b in record.boilerplate:
        if b.kind == "wire-header":
            stamp = stamp_published(record.text[b.start : b.end])
            if stamp:
                record.published, record.published_basis = stamp, "wire-stamp"
                return


def _from_byline(record: ArticleRecord) -> None:
    """The writer, and the outlet when a byline states it ("By Jane Doe, PA
    News"), from the first byline; what the input states wins."""
    byline = next((b for b in record.boilerplate if b.kind == "byline"), None)
    if byline is None:
        return
    line = record.text[byline.start : byline.end]
    if record.author is None:
        record.author = find_byline(line)
    if record.outlet is None:
        record.outlet = byline_outlet(line)
