"""Finding text that is part of the page but not of the story.

Boilerplate stays in ``articles.text`` (so every offset stays valid) and is
recorded as ranges; the extractor skips claims that touch a range. ``prepare``
also fills in the metadata the text itself states (see loader.metadata).
"""

from __future__ import annotations

import re
from collections import Counter

from loader.metadata import (
    find_byline,
    find_dateline,
    find_publication_line,
    starts_with_dateline,
    title_line,
)
from loader.models import ArticleRecord, Boilerplate

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


def _lines(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def find_boilerplate(text: str) -> list[Boilerplate]:
    """Ranges of link lines, captions, credits, bylines and share prompts."""
    spans: list[Boilerplate] = []
    lines = list(_lines(text))
    seen: Counter[str] = Counter()
    for start, _end, body in lines:
        stripped = body.strip()
        if not stripped:
            continue
        words = len(stripped.split())
        seen[stripped] += 1
        if _READ_MORE.match(stripped):
            kind = "read-more"
        elif _SHARE.match(stripped):
            kind = "share"
        elif find_byline(stripped):
            kind = "byline"
        elif seen[stripped] > 1 and words <= 60:
            kind = "repeated"  # a caption or pull quote printed again: read it once
        elif (
            words <= 40
            and not starts_with_dateline(stripped)  # "MACAU (Reuters) – ..." is the lead
            and (_CREDIT.search(stripped) or _CAPTION_POSITION.search(stripped))
        ):
            kind = "caption"
        else:
            continue
        offset = body.index(stripped[0])
        spans.append(Boilerplate(start + offset, start + offset + len(stripped), kind))
    return spans


def prepare(record: ArticleRecord) -> ArticleRecord:
    """Fill in text-stated metadata and boilerplate ranges (in place)."""
    text = record.text
    record.boilerplate = find_boilerplate(text)
    if record.title is None:
        # The headline is part of the story, not furniture: "Iran Says US Troop
        # Withdrawal Reflects ..." is a claim readers see first, so it is not
        # excluded from extraction.
        found = title_line(text)
        if found:
            record.title = found[0]
    dateline = find_dateline(text)
    if dateline:
        record.dateline = dateline.place
        if record.outlet is None and dateline.outlet:
            record.outlet = dateline.outlet
        if record.published is None and dateline.date:
            record.published = dateline.date
            record.published_basis = "dateline"
    if record.published is None:
        line = find_publication_line(text)
        if line:
            record.published, start, end = line
            record.published_basis = "publication-line"
            record.boilerplate.append(Boilerplate(start, end, "publication-line"))
    if record.author is None:
        for b in record.boilerplate:
            if b.kind == "byline":
                record.author = find_byline(text[b.start : b.end])
                break
    record.boilerplate.sort(key=lambda b: (b.start, b.end))
    return record
