"""Quotes that open a paragraph with no cue of their own (issue 14).

News copy, the wire's above all, reports a speaker in one paragraph and
gives their words in the next: "Coogan said today that he believed his
record would bar him.<" then "``I resigned. I walked away ...''". Such a
quote continues no direct quote (``patterns._continue_quotes`` has taken
those), so it is the speaker's of the attribution whose cue stands in the
paragraph just before (or whose sentence ends right before the quote opens
the next one in the same paragraph): it becomes a direct claim of that speaker (same
source and cue, its own content), and later quote paragraphs carry it on as
the multi-paragraph convention does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from loader.attribution.spans import SpanIndex, article_text
from loader.lexicon.punctuation import CLOSING_QUOTE_MARKS
from loader.models import Attribution, Span
from loader.text.quotes import as_quotes

# A quote shorter than this (words) is a title or a nickname, not speech.
MIN_WORDS = 4


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _opens_paragraph(text: str, qs: int) -> bool:
    """Only layout between the line's start and the quote."""
    return not text[_line_start(text, qs) : qs].strip()


def _previous_paragraph(text: str, qs: int) -> Span | None:
    """The last line with words before the quote's line."""
    end = _line_start(text, qs) - 1
    while end > 0:
        start = _line_start(text, end)
        if text[start:end].strip():
            return start, end
        end = start - 1
    return None


def _cue_follows(text: str, qs: int, qe: int) -> bool:
    """A quote ending in a comma ("“Every time you say that,”") has its cue
    after it in the same sentence: it is no orphan."""
    inner = text[qs:qe].rstrip(CLOSING_QUOTE_MARKS + " ")
    return inner.endswith(",")


def _reports_speech(a: Attribution) -> bool:
    """An attribution with a source and a speech cue ("said", "told"), not a
    belief or a plan ("was afraid", "voted against"): only speech is quoted on."""
    return bool(a.source and a.cue) and not a.nested and a.cue_class == "speech"


def _speaker_before(found: list[Attribution], para: Span) -> Attribution | None:
    """The last attribution with a source whose cue or content ends in ``para``."""
    best = None
    for a in found:
        if not _reports_speech(a):
            continue
        if para[0] <= a.cue[0][0] < para[1] or para[0] < a.content_end <= para[1]:
            if best is None or a.content_end > best.content_end:
                best = a
    return best


# What may stand between a report and a quote opening the next sentence: the
# report's closing punctuation, marks and space, with a sentence end among them.
_BETWEEN = re.compile(
    r"[\s,;:…)\]"
    + re.escape(CLOSING_QUOTE_MARKS)
    + r"]*[.!?][\s.!?)\]"
    + re.escape(CLOSING_QUOTE_MARKS)
    + r"]*"
)


def _report_just_before(text: str, found: list[Attribution], qs: int) -> Attribution | None:
    """The attribution whose sentence ends right before a quote opening the
    next sentence of the same paragraph ("A spokesman said. "We won't …"")."""
    best, best_end = None, -1
    for a in found:
        if not _reports_speech(a):
            continue
        end = max(a.content_end, a.cue[0][1], a.source[-1][1])
        if best_end < end <= qs:
            best, best_end = a, end
    if best is None or _BETWEEN.fullmatch(text, best_end, qs) is None:
        return None
    return best


def _overlaps(span: Span, spans: Sequence[Span] | SpanIndex) -> bool:
    if isinstance(spans, SpanIndex):
        return spans.overlaps(span)
    return any(span[0] < e and s < span[1] for s, e in spans)


def orphan_quotes(
    doc: Doc, found: list[Attribution], quotes: Sequence[Span], excluded: Sequence[Span]
) -> list[Attribution]:
    """``found`` and after it new direct claims for quotes opening a paragraph
    after one that names their speaker (see the module docstring); ``found``
    itself is left as it was."""
    found = list(found)
    text = article_text(doc)
    taken = SpanIndex(s for a in found for s in (*a.content, *a.cue, *a.source))
    orphans: set[int] = set()
    for qs, qe in as_quotes(quotes):
        if len(text[qs:qe].split()) < MIN_WORDS or _cue_follows(text, qs, qe):
            continue
        if taken.overlaps((qs, qe)) or _overlaps((qs, qe), excluded):
            continue
        if _opens_paragraph(text, qs):
            para = _previous_paragraph(text, qs)
            owner = _speaker_before(found, para) if para else None
        else:
            owner = _report_just_before(text, found, qs)
        if owner is None:
            continue
        if id(owner) in orphans:
            owner.content = sorted([*owner.content, (qs, qe)])  # the quote goes on
            continue
        claim = replace(owner, kind="direct", content=[(qs, qe)], sentence=(qs, qe))
        claim.speaker_aliases = list(owner.speaker_aliases)
        orphans.add(id(claim))
        found.append(claim)
    return found
