"""Metadata the text itself states: publication line, byline, title (the dateline: loader/text/datelines.py).

The rule is to read only what is written. A date in a photo caption or in the
body ("on November 27") is *not* a publication date; only an explicit
"Published: ..." line or a dateline that carries a full date counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import urlparse

from dateutil import parser as dateparser

from loader.lexicon.outlets import OUTLET_KINDS
from loader.lexicon.wire import BYLINE_ROLES, OUTLET_ENDINGS
from loader.prepare import paragraph_ends, paragraph_width
from loader.text.dates import ISO_DATE_AT, NUMERIC_DATE_AT, WORDED_DATE_AT
from loader.text.outlets import is_wire_name

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(value: object) -> str | None:
    """ISO 8601 date for a metadata value, or None when it is not a full date."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _ISO.match(text):
        try:
            day = dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
        return day if _time_possible(text[10:]) else None
    if not re.search(r"\b\d{4}\b", text):  # no year: not a full date
        return None
    try:
        default = dt.datetime(1, 1, 1)
        parsed = dateparser.parse(text, default=default, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if parsed.day == 1 and not re.search(r"\b0?1\b", text):
        return None  # month and year only
    return parsed.date().isoformat()


_TIME = re.compile(r"[T ](\d{2}):(\d{2})(?::(\d{2}))?")

# --- Date and time, when the input states a time ----------------------------
#
# ``published`` holds an ISO date, or an ISO date and time when the input
# states one ("2024-12-01T08:15", "2024-12-01T08:15:00+00:00"): the time of
# day orders two reports of one day (loader/matching/direction.py). A zone is
# kept only when written (an offset, Z, GMT or UTC); none is ever assumed.

_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?::(?P<s>[0-5]\d)(?:[.,]\d+)?)?(?![\d:])"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?!\w))?"
    r"(?:\s*(?P<zone>Z|GMT|UTC|[+-]\d{2}:?\d{2})(?!\w))?"
)
_ZONES = {"z": "+00:00", "gmt": "+00:00", "utc": "+00:00"}


def stated_time(text: str) -> str | None:
    """The time of day a value writes, as ``HH:MM[:SS][+HH:MM]``, or None.

    "23:19" -> "23:19"; "11:19 pm GMT" -> "23:19+00:00"; "08:15:00Z" ->
    "08:15:00+00:00". A zone name other than GMT or UTC is not read (BST,
    EST: local names, some ambiguous); the time is then kept without one.
    """
    m = _CLOCK.search(text)
    if not m:
        return None
    hour, minute = int(m.group("h")), m.group("m")
    ampm = (m.group("ampm") or "").lower()
    if ampm and not 1 <= hour <= 12:
        return None
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    clock = f"{hour:02d}:{minute}" + (f":{m.group('s')}" if m.group("s") else "")
    zone = m.group("zone")
    if zone:
        offset = _ZONES.get(zone.lower(), zone)
        clock += offset if ":" in offset else offset[:3] + ":" + offset[3:]
    return clock


def normalise_published(value: object) -> str | None:
    """ISO date, or date and time when the value states a time, or None.

    The date is read as by :func:`normalise_date`; the time by
    :func:`stated_time` from what follows an ISO date, or from anywhere in a
    written-out date ("Monday, 2 December 2024, 08:15 GMT"). Midnight is
    kept only when written: no time is invented.
    """
    day = normalise_date(value)
    if day is None or isinstance(value, dt.date | dt.datetime):
        return day
    text = str(value).strip()
    rest = text[10:] if _ISO.match(text) else _without_date_words(text)
    clock = stated_time(rest)
    return f"{day}T{clock}" if clock else day


def _without_date_words(text: str) -> str:
    """The value with its year removed, so "2 December 2024" gives no clock."""
    return re.sub(r"\b\d{4}\b", " ", text)


def _time_possible(rest: str) -> bool:
    """After an ISO date, a time of day that exists: not ``T25:61:00``."""
    m = _TIME.match(rest)
    if not m:
        return True
    hour, minute, second = (int(g) if g else 0 for g in m.groups())
    return hour < 24 and minute < 60 and second <= 60


def outlet_from_url(url: str) -> str | None:
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


_PUBLISHED = re.compile(
    r"^\s*(?:Published|Publication date|Posted|First published)\s*(?:on|:)?\s*:?\s*(?P<date>.{6,60}?)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:By|Written by|Words by)\s+(?P<author>[A-Z][\w.'’-]+(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]+){0,6})\s*$"
)


def find_publication_line(text: str) -> tuple[str, int, int] | None:
    """An explicit ``Published: 1 December 2024`` line: (iso date, start, end)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _PUBLISHED.match(line.rstrip("\r\n"))
        if m:
            iso = normalise_date(m.group("date"))
            if iso:
                return iso, pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What surrounds a line's words: any space (no-break spaces too) and control
# characters, such as the wire's control byte (0x19) opening a paragraph.
_LEADING = re.compile(r"[\s\x00-\x1f\x7f-\x9f]*")
_TRAILING = re.compile(r"[\s\x00-\x1f\x7f-\x9f]*$")


def visible(line: str) -> tuple[int, str]:
    """A line's words without the furniture around them: (offset of the first
    kept character in ``line``, kept text). Spaces and control characters at
    either end go, and so does a closing paragraph mark ``<`` (wire copy)."""
    start = _LEADING.match(line).end()
    body = line[start : _TRAILING.search(line, start).start()]
    if body.endswith("<"):
        body = body[: _TRAILING.search(body, 0, len(body) - 1).start()]
    return start, body


def has_letter(text: str) -> bool:
    """A line made of punctuation, digits and rules says nothing a title could."""
    return any(c.isalpha() for c in text)


def _byline_parts(line: str) -> list[str] | None:
    m = _BYLINE.match(visible(line)[1])
    if not m:
        return None
    return [p.strip(" .") for p in m.group("author").split(",") if p.strip(" .")]


def _is_outlet(part: str) -> bool:
    return is_wire_name(part) or part.split()[-1] in OUTLET_ENDINGS


def _is_role(part: str) -> bool:
    return part.split()[-1] in BYLINE_ROLES


def find_byline(line: str) -> str | None:
    """The writer a ``By …`` line names: "By Jane Doe, Crime Correspondent,
    PA News" gives "Jane Doe"; the role and the outlet after the name are
    not part of it."""
    parts = _byline_parts(line)
    if not parts:
        return None
    names = [parts[0]] + [p for p in parts[1:] if not (_is_outlet(p) or _is_role(p))]
    return ", ".join(names)


def byline_outlet(line: str) -> str | None:
    """The outlet a byline states as its last part ("By Jane Doe, PA News" ->
    "PA News"), as written; None when it states none."""
    parts = _byline_parts(line)
    if parts and len(parts) > 1 and _is_outlet(parts[-1]):
        return parts[-1]
    return None


# A line wholly in brackets is a note ("(with pictures)"), never a headline.
_BRACKETED = re.compile(r"^\([^()]*\)$")


def _headline(text: str) -> bool:
    """A line that reads as a headline, not a sentence: short, with a letter,
    and either without a closing stop or colon, or written in capitals."""
    if len(text) > 200 or not has_letter(text):
        return False
    capitals = text.upper() == text and len(text.split()) >= 2
    return capitals or not text.endswith((".", "!", "?", "”", '"', ":"))


def title_line(text: str, skip: Sequence[tuple[int, int]] = ()) -> tuple[str, int, int] | None:
    """The first line with a letter, outside the ``skip`` ranges (boilerplate:
    a wire header, rules), when it reads as a headline.

    A lead paragraph that happens to come first (ends with a full stop, or is
    paragraph-long) is not a title; we leave the title unknown instead. A line
    without letters (a rule of dashes, a time stamp) is never one, nor, in
    hard-wrapped text, a line its paragraph goes on from (a wire take that
    opens mid-paragraph). The title keeps no control character; the offsets
    are those of the line's words.
    """
    lines = text.split("\n")
    width = paragraph_width(lines)
    pos = 0
    for i, line in enumerate(lines):
        offset, body = visible(line)
        start = pos + offset
        pos += len(line) + 1
        if not has_letter(body) or _BRACKETED.match(body) or any(s <= start < e for s, e in skip):
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        whole = width is None or not following or paragraph_ends(line, following, width)
        if whole and _headline(body):
            return _CONTROL.sub("", body), start, start + len(body)
        return None
    return None


# --- Metadata values as given by front matter, JSON and manifests ---
#
# Each field is one line of text of bounded length. A YAML list or mapping,
# a JSON number or a nested object is refused rather than stored as Python's
# repr, and a value long enough to be an article (or an alias bomb) is refused
# rather than stored as a title. The bounds are generous for real metadata.

FIELD_LIMITS = {
    "title": 1_000,
    "outlet": 200,
    "domain": 253,  # the longest DNS name
    "url": 4_096,
    "published": 100,  # before normalisation: "Monday, 2 December 2024, 08:15 GMT"
    "author": 1_000,
    "language": 35,  # BCP 47 tags are shorter
    "kind": 40,  # the outlet's kind: one of OUTLET_KINDS
}

_KINDS = {list: "a list", tuple: "a list", dict: "a mapping", bool: "true/false"}


def _not_text(field: str, value: object) -> str | None:
    """Only strings are metadata; a list or a mapping would be stored as its repr."""
    if isinstance(value, str):
        return None
    kind = _KINDS.get(type(value), "a number" if isinstance(value, int | float) else "not text")
    return f"{field} must be text, not {kind}"


def _too_long(field: str, value: str) -> str | None:
    """A bounded length: a 226 MB "title" is an attack or an accident, not a title."""
    limit = FIELD_LIMITS[field]
    if len(value) > limit:
        return f"{field} is {len(value):,} characters long, over the {limit:,}-character limit"
    return None


def _control_characters(field: str, value: str) -> str | None:
    """NUL and other control characters have no place in a title or a URL."""
    if any(ord(ch) < 32 and ch not in "\t\n\r" or ch == "\x7f" for ch in value):
        return f"{field} contains control characters"
    return None


def _lone_surrogate(field: str, value: str) -> str | None:
    """JSON's ``"\\ud800"`` decodes to a string SQLite cannot store as UTF-8."""
    return None if is_valid_unicode(value) else f"{field} is not valid Unicode (a lone surrogate)"


def _unknown_outlet_kind(field: str, value: str) -> str | None:
    """An outlet's ``kind`` decides reuse direction (a wire is the origin), so
    only the documented kinds are accepted, not a typo silently ignored."""
    if field != "kind" or value.strip().lower() in OUTLET_KINDS:
        return None
    return f"kind must be one of {', '.join(OUTLET_KINDS)}, not {value.strip()[:40]!r}"


VALUE_CHECKS = (_not_text, _too_long, _control_characters, _lone_surrogate, _unknown_outlet_kind)


def value_problem(field: str, value: object) -> str | None:
    """The first check a metadata value fails, as words for the error line, or None."""
    for check in VALUE_CHECKS:
        problem = check(field, value)
        if problem:
            return problem
    return None


def is_valid_unicode(text: str) -> bool:
    """False for a string holding a lone surrogate (it cannot be written as UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# --- The wire's own time stamp -----------------------------------------------
#
# Wire copy carries the time it was filed in its header block ("23:19
# 27/01/00: Page 1 (HHH) SHOWBIZ Posh"; "2000-01-27 23:19 GMT"; "27 Jan 2000
# 11:19 pm"). loader.boilerplate finds the header lines (one detector, the
# ``wire-header`` line kind); this reads the date and time they state.

# The shapes of a full date in a header (loader.text.dates): loader.boilerplate
# builds its header-line detector from the same ones.
_NUMERIC_DATE = re.compile(NUMERIC_DATE_AT)
_ISO_DATE = re.compile(r"(?<!\d)" + ISO_DATE_AT + r"(?!\d)")
_WORDED_DATE = re.compile(r"\b" + WORDED_DATE_AT + r"\b", re.IGNORECASE)


def numeric_date(day: str, month: str, year: str) -> str | None:
    """An ISO date from a header's ``dd/mm/yy``: day first, the order of
    PA's and the other European agencies' headers; read month first only
    when day first is impossible ("01/27/00"). Two-digit years as Python's
    ``%y`` reads them (69-99 are the 1900s)."""
    full = int(year) if len(year) == 4 else dt.datetime.strptime(year, "%y").year
    for d, m in ((int(day), int(month)), (int(month), int(day))):
        try:
            return dt.date(full, m, d).isoformat()
        except ValueError:
            continue
    return None


def stamp_published(line: str) -> str | None:
    """The date, and time when written, a wire header line states: ISO date
    or date and time (see :func:`stated_time`), or None without a full date."""
    m = _NUMERIC_DATE.search(line)
    if m:
        day = numeric_date(*m.groups())
    else:
        m = _ISO_DATE.search(line) or _WORDED_DATE.search(line)
        day = normalise_date(m.group(0)) if m else None
    if day is None:
        return None
    clock = stated_time(line[: m.start()] + " " * (m.end() - m.start()) + line[m.end() :])
    return f"{day}T{clock}" if clock else day
