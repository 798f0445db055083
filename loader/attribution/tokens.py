"""Token and character-span helpers the attribution rules share: lemmas, token runs to spans, trimming, quotes touching a span.

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from loader.attribution.spans import (
    SpanIndex,
    doc_text,
    token_ends,
    token_starts,
)
from loader.lexicon.cues import (
    LEMMA_FIXES,
)
from loader.lexicon.punctuation import (
    DOUBLED_APOSTROPHE,
    EDGE_TRIM,
    END_TRIM,
    LONG_DASHES,
    QUOTE_MARKS,
    WIRE_OPEN,
)
from loader.models import Span
from loader.text.quotes import as_quotes

SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def _text(doc: Doc) -> str:
    """``Doc.text`` rebuilds the string on every access; read it once per Doc."""
    return doc_text(doc)


def overlaps(span: Span, excluded: Sequence[Span] | SpanIndex) -> bool:
    if isinstance(excluded, SpanIndex):
        return excluded.overlaps(span)
    return any(span[0] < e and s < span[1] for s, e in excluded)


def subtree_span(doc: Doc, token: Token) -> Span:
    last = doc[token.right_edge.i]
    return doc[token.left_edge.i].idx, last.idx + len(last)


def lemma_of(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    return LEMMA_FIXES.get(lemma, lemma)


def _infinitive(tok: Token) -> bool:
    """A "to" infinitive: the parser marks it only by a "to" auxiliary child."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def is_dash(tok: Token) -> bool:
    """A dash used as punctuation: an em or en dash, a doubled hyphen, or a
    hyphen with a space before it ("OTHER STATES - Michael", "Amanda Holden -
    who ..."), not one joining two words ("Ban Ki-moon")."""
    return tok.text in LONG_DASHES or (
        tok.text == "-" and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    )


def _tok_end(tok: Token) -> int:
    return tok.idx + len(tok)


def _runs(doc: Doc, indices: Iterable[int]) -> list[Span]:
    """Contiguous character spans covering the given token indices."""
    starts, ends = token_starts(doc), token_ends(doc)
    spans: list[Span] = []
    prev = None
    for i in sorted(set(indices)):
        if prev is not None and i == prev + 1:
            spans[-1] = (spans[-1][0], ends[i])
        else:
            spans.append((starts[i], ends[i]))
        prev = i
    return spans


def trim(text: str, span: Span, end_punct: bool = True) -> Span | None:
    """Drop edge whitespace and punctuation, never a quote mark."""
    s, e = span
    edge = EDGE_TRIM + (END_TRIM if end_punct else "")
    while s < e and (text[s] in edge or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in edge or text[e - 1].isspace()):
        e -= 1
    # a paired bracket or quote left alone at an edge goes too
    if s < e and text[s] == ")":
        s += 1
    if s < e and text[e - 1] == "(":
        e -= 1
    return (s, e) if s < e else None


def _is_quote(tok: Token) -> bool:
    return tok.text in QUOTE_MARKS or tok.text in (DOUBLED_APOSTROPHE, WIRE_OPEN)


def _spans(doc: Doc, indices: Iterable[int], end_punct: bool = True) -> list[Span]:
    spans = []
    for span in _runs(doc, indices):
        t = trim(_text(doc), span, end_punct)
        if t:
            spans.append(t)
    return spans


def snap_to_quotes(text: str, spans: list[Span], quotes: Sequence[Span]) -> list[Span]:
    """Grow content spans over the whole of every quote they touch (marks included)."""
    quotes = as_quotes(quotes)
    out: list[Span] = []
    for s, e in spans:
        for qs, qe in quotes.near(s + 1, e - 1):
            if qs < e and s < qe:
                s, e = min(s, qs), max(e, qe)
        out.append((s, e))
    merged: list[Span] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def kind_of(spans: Sequence[Span], quotes: Sequence[Span]) -> str:
    quotes = as_quotes(quotes)
    inside = [any(qs <= s and e <= qe for qs, qe in quotes.near(e, s)) for s, e in spans]
    if spans and all(inside):
        return "direct"
    if any(s <= qs and qe <= e for s, e in spans for qs, qe in quotes.near(s, e)):
        return "mixed"
    return "indirect"
