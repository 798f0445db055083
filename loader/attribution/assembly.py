"""Assembly: an ``Attribution`` built from cue, source and content tokens; content spans that leave out the dateline.

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from loader.attribution.datelines import dateline_of
from loader.attribution.sources import (
    _source_tokens,
)
from loader.attribution.spans import (
    sentence,
    token_starts,
)
from loader.attribution.tokens import (
    _runs,
    _spans,
    _text,
    _tok_end,
    kind_of,
    overlaps,
    snap_to_quotes,
    trim,
)
from loader.lexicon.punctuation import SPACED_DASHES
from loader.models import Attribution, Span
from loader.text.quotes import as_quotes


def _outside_speech(doc: Doc, kept: list[int], content: list[Span], quotes) -> list[int]:
    """A source never reaches into a quote that is speech (parses that hang a name
    on the quote), but keeps a short title ("host of MSNBC's “Morning Joe,”")."""
    quotes = as_quotes(quotes)
    starts = token_starts(doc)
    return [
        i
        for i in kept
        if not any(
            qs <= starts[i] < qe and (qe - qs > 60 or overlaps((qs, qe), content))
            for qs, qe in quotes.near(starts[i] + 1, starts[i])
        )
    ]


def _closing_mark(text: str, source: Span) -> Span:
    """ "Fuad Hussein, Iraq's foreign minister," keeps its closing comma (paired),
    and "John Podesta — Clinton's chief of staff —" its closing dash (gold keeps
    it 56 times on train, leaves it 2)."""
    ss, se = source
    if "," in text[ss:se] and text[se : se + 1] == ",":
        se += 1
    for dash in SPACED_DASHES:
        after = se + len(dash) - 1
        if dash in text[ss:se] and text[se:after] == dash[:-1]:
            return ss, after
    return ss, se


def _source_of(
    doc: Doc, src: Token, cue_head: int, content: list[Span], quotes: Sequence[Span]
) -> tuple[list[Span], str | None, int | None]:
    """The source span of subject ``src``, its words and its head token."""
    kept = _outside_speech(doc, _source_tokens(src, cue_head), content, quotes)
    runs = _spans(doc, kept, end_punct=False)
    source = [r for r in runs if r[0] <= src.idx < r[1]][:1] or runs[-1:]
    if not source:
        return [], None, None
    text = _text(doc)
    source = [_closing_mark(text, source[0])]
    inside = set(kept)
    head = next((i for i in kept if doc[i].head.i not in inside), src.i)
    return source, text[source[0][0] : source[0][1]], head


def _make(
    doc: Doc,
    sent,
    cue_idx: list[int],
    src: Token | None,
    content: list[Span],
    lemma: str,
    cls: str,
    quotes: Sequence[Span],
    cue_head: int,
) -> Attribution:
    """The attribution: its first cue run, the source (``_source_of``), the kind
    the quotes give its content, and the sentence it is in."""
    text = _text(doc)
    cue = _runs(doc, cue_idx)[:1]
    source: list[Span] = []
    mention = None
    head = None
    if src is not None:
        source, mention, head = _source_of(doc, src, cue_head, content, quotes)
    return Attribution(
        kind=kind_of(content, quotes),
        content=content,
        cue=cue,
        source=source,
        speaker_mention=mention,
        cue_text=text[cue[0][0] : cue[0][1]] if cue else None,
        cue_lemma=lemma,
        cue_class=cls,
        sentence=(sent.start_char, sent.end_char),
        source_token=head,
        cue_token=cue_head,
    )


def _dateline_end(sent) -> int:
    """The first token after the dateline when ``sent`` opens inside it
    ("ANKARA (AP) — …", "WASHINGTON — …"), or the sentence's own start: a place
    and an agency are where the story was filed, not part of anything anyone said."""
    dateline = dateline_of(sent.doc)
    if dateline is None or not dateline[0] <= sent.start_char < dateline[1]:
        return sent.start
    return next((tok.i for tok in sent if tok.idx >= dateline[1]), sent.end)


def _content_spans(doc: Doc, idx: list[int], quotes: Sequence[Span]) -> list[Span]:
    if idx and doc[min(idx)].is_sent_start:
        sent = sentence(doc[idx[0]])
        if min(idx) == sent.start:
            start = _dateline_end(sent)
            idx = [i for i in idx if i >= start]
    text = _text(doc)
    quotes = as_quotes(quotes)
    spans = snap_to_quotes(text, _spans(doc, idx), quotes)
    # a quote left open at its paragraph's end keeps its last full stop
    return [t for t in (s if quotes.ends_at(s[1]) else trim(text, s) for s in spans) if t]


def _run_source(a: Attribution, first: Token, last: Token) -> Attribution:
    """The whole run of words from ``first`` to ``last`` is the source: the name
    before a colon or after a signing dash, not only the head word _make keeps."""
    a.source = [(first.idx, _tok_end(last))]
    a.speaker_mention = _text(first.doc)[a.source[0][0] : a.source[0][1]]
    return a
