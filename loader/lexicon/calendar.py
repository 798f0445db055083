"""Weekdays and months: the calendar words the date rules read.

When a statement was made (loader/attribution/when.py), the date in a
dateline (loader/text/datelines.py) and in a wire stamp (loader/metadata.py),
and the month tokens claims are compared by (loader/matching/normalise.py) all
name days and months through these lists.
"""

from __future__ import annotations

# Monday first, as datetime.weekday() counts (loader/attribution/when.py).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_NAMES)
# January first: a month's number is its place here plus one (when.py reads the
# first three letters, matching/normalise.py the names and their abbreviations).
MONTH_NAMES = (
    "january february march april may june july august september october november december"
).split()
# Abbreviations written besides a month's first three letters ("Sept. 28").
MONTH_ABBREVIATIONS = {"sept": "september"}
