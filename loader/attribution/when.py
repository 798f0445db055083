"""When a statement was made: the time expression attached to the cue.

``stated_when`` keeps the words as written ("on Sunday", "earlier this week",
"on November 27"); ``stated_on`` is the ISO date they name, worked out from
the article's publication date. Rules (all relative to publication day P):

* a weekday ("on Sunday", "earlier Sunday", "on Friday afternoon") is the
  latest such day on or before P; "last Sunday" the latest strictly before P;
* "today", "this morning", "earlier today", "tonight" are P; "yesterday" and
  "last night" are P - 1 day;
* "November 27" / "27 November" take the latest year that does not put the
  date after P; a written year is used as is (and needs no P);
* vaguer spans ("earlier this week", "last month") keep ``stated_when`` but
  leave ``stated_on`` NULL: a week is not a date, and we never invent one.

Only expressions outside the content span count, so "before entering Aleppo
on November 27" inside a quote is not the time of the statement; of those, the
one nearest the cue wins.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from loader.lexicon.calendar import MONTH_NAMES
from loader.lexicon.calendar import WEEKDAY_NAMES as WEEKDAYS
from loader.models import Attribution, Span
from loader.text.dates import MONTH

MONTHS = {name[:3]: k for k, name in enumerate(MONTH_NAMES, 1)}  # by first three letters
_WD = "(?:" + "|".join(name.title() for name in WEEKDAYS) + ")"  # "(?:Monday|...)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
PATTERNS = [
    # "on November 27", "Nov. 27, 2024", "27 November 2024"
    re.compile(rf"\b(?:[Oo]n\s+)?(?:{_WD},?\s+)?{MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?\b"),
    re.compile(rf"\b(?:[Oo]n\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}})?\b"),
    # "earlier this week", "late last month", "this week"
    re.compile(
        r"\b(?:(?:[Ee]arlier|[Ll]ater|[Ll]ate)\s+)?(?:this|last)\s+(?:week|month|year|weekend)\b"
    ),
    # "earlier Sunday", "late on Friday", "on Friday afternoon", "last Sunday", "Sunday"
    re.compile(
        rf"\b(?:(?:[Ee]arlier|[Ll]ater|[Ll]ate)\s+(?:on\s+)?|[Oo]n\s+|[Ll]ast\s+)?{_WD}{_PART}\b"
    ),
    re.compile(
        r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b",
        re.IGNORECASE,
    ),
]


def find_time_expressions(text: str, offset: int = 0) -> list[Span]:
    """Non-overlapping time expressions in ``text`` (longest first), as absolute spans."""
    found: list[Span] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            span = (m.start() + offset, m.end() + offset)
            if not any(span[0] < e and s < span[1] for s, e in found):
                found.append(span)
    return sorted(found)


def _published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve(expression: str, published: str | None) -> str | None:
    """The ISO date an expression names, or None when it names no single day."""
    when = expression.lower().strip()
    pub = _published(published)
    m = re.search(rf"({MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", expression)
    if not m:
        m2 = re.search(
            rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})(?:,?\s+(\d{{4}}))?", expression
        )
        if m2:
            m = m2
            day_s, month_s, year_s = m2.group(1), m2.group(2), m2.group(3)
        else:
            day_s = month_s = year_s = None
    else:
        month_s, day_s, year_s = m.group(1), m.group(2), m.group(3)
    if m:
        month = MONTHS[month_s.lower()[:3]]
        day = int(day_s)
        try:
            if year_s:
                return dt.date(int(year_s), month, day).isoformat()
            if pub is None:
                return None
            candidate = dt.date(pub.year, month, day)
            if candidate > pub:
                candidate = dt.date(pub.year - 1, month, day)
            return candidate.isoformat()
        except ValueError:
            return None
    if pub is None:
        return None
    if re.search(r"\b(?:week|month|year|weekend)\b", when):
        return None
    if "yesterday" in when or "last night" in when:
        return (pub - dt.timedelta(days=1)).isoformat()
    if re.search(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", when):
        return pub.isoformat()
    for n, name in enumerate(WEEKDAYS):
        if re.search(rf"\b{name}\b", when):
            back = (pub.weekday() - n) % 7
            if back == 0 and when.startswith("last"):
                back = 7
            return (pub - dt.timedelta(days=back)).isoformat()
    return None


def stated_when(text: str, a: Attribution) -> str | None:
    """The time expression of ``a``'s sentence nearest its cue, outside its content."""
    if a.sentence is None or not a.cue:
        return None
    start, end = a.sentence
    cue = a.cue[0]
    candidates = [
        span
        for span in find_time_expressions(text[start:end], start)
        if not _inside(span, a.content) and not _inside(span, a.source)
    ]
    if not candidates:
        return None
    best = min(candidates, key=lambda s: min(abs(s[0] - cue[1]), abs(cue[0] - s[1])))
    return text[best[0] : best[1]]


def _inside(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def date_attributions(
    text: str, attributions: list[Attribution], published: str | None
) -> list[Attribution]:
    """The attributions with ``stated_when``/``stated_on`` filled in for reported
    speech (not outlet claims): new values, the input left as it was."""
    return [_dated(text, a, published) for a in attributions]


def _dated(text: str, a: Attribution, published: str | None) -> Attribution:
    if a.kind == "outlet" or a.stated_when is not None:
        return a
    when = stated_when(text, a)
    if when is None:
        return a
    return replace(a, stated_when=when, stated_on=resolve(when, published) if when else a.stated_on)
