"""Dates as they are written, as regular-expression pieces: one shape each.

A month in a dateline ("Sept. 28"), in a statement's time ("on Nov. 27"), in a
wire stamp ("27 Jan 2000") and in a header line are one idea, so one pattern
(``MONTH``); likewise the numeric, ISO and written-out full dates of a wire's
header block, which loader.boilerplate's header-line detector and
loader.metadata's stamp reader both build from. Patterns only: no group
names, so each user wraps them as it needs.
"""

from __future__ import annotations

from loader.lexicon.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES


def _month() -> str:
    """Full names first, then abbreviations ("Sept", "Jan"), each optionally
    with a full stop; "May" has no shorter form. Title case, as written in
    text ("January", "Jan.", "Sept."): callers that want any case compile
    with re.IGNORECASE."""
    names = [m.title() for m in MONTH_NAMES]
    short = [a.title() for a in MONTH_ABBREVIATIONS] + [m[:3] for m in names if len(m) > 3]
    return r"(?:" + "|".join(names + short) + r")\.?"


# "January", "Jan", "Jan.", "Sept.", "Sep": one month as written.
MONTH = _month()
# "2000-01-27"
ISO_DATE_AT = r"\d{4}-\d{2}-\d{2}"
# "27 Jan 2000", "27-Jan-2000", "Jan 27, 2000"
WORDED_DATE_AT = r"(?:\d{1,2}[ -]" + MONTH + r"[ -]\d{4}|" + MONTH + r" \d{1,2},? \d{4})"
# "27/01/00", "27/01/2000": day, month and a two- or four-digit year.
NUMERIC_DATE_AT = r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])"
