"""After the rules: quotes that continue a direct quote, relays, and nested attributions (the outer one wins).

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from loader.attribution.cue_group import (
    _media,
)
from loader.attribution.spans import (
    SpanIndex,
)
from loader.attribution.tokens import (
    _text,
    _tok_end,
    lemma_of,
    overlaps,
)
from loader.lexicon.cues import (
    CARRYING,
    RELAY_CUES,
    RELAY_DOCUMENTS,
    RELAYED_CUES,
    RELAYING_HEADS,
)
from loader.models import Attribution, Span
from loader.text.quotes import as_quotes


def _continue_quotes(
    doc: Doc, found: list[Attribution], quotes: Sequence[Span], excluded: Sequence[Span]
) -> list[Attribution]:
    """Quotes with no cue of their own continue the direct quote just before them
    (a new list: the attributions that take a quote are copies, ``found`` is
    left as it was).

    Either later in the same sentence ("“A,” he said, “B.”") or opening the
    next sentence or paragraph, with nothing but space in between. Of the
    direct quotes that reach that far, the one ending last takes it (the
    first found on a tie); see ``_Tails`` for how it is found without
    comparing every quote with every attribution.
    """
    text = _text(doc)
    sent_ends = [s.end_char for s in doc.sents]
    copies = _Copies(found)
    found = copies.found
    taken = SpanIndex(s for a in found for s in a.content + a.cue + a.source)
    tails = _Tails()
    for a in found:
        # a continuation belongs to the relay's own attribution, as PolNeAR has it
        if a.kind in ("direct", "mixed") and not a.nested:
            last = max(a.content_end, a.cue[0][1], a.source[0][1] if a.source else 0)
            tails.add(a, _sentence_end(sent_ends, last - 1))
    quotes = as_quotes(quotes)
    free = [(qs, qe) for qs, qe in quotes if not overlaps((qs, qe), taken)]
    free = [(qs, qe) for qs, qe in free if not overlaps((qs, qe), excluded)]
    ordered = quotes.ordered and not any(text[qs].isspace() for qs, _ in free)
    for qs, qe in free:
        reach = qs  # the tail may end anywhere in the space before the quote
        while reach > 0 and text[reach - 1].isspace():
            reach -= 1
        k = tails.best(qs, reach) if ordered else tails.scan(qs, reach)
        if k is None:
            continue
        a = tails.owner[k] = copies.own(tails.owner[k])
        a.content = sorted(a.content + [(qs, qe)])
        tails.moved(k, _sentence_end(sent_ends, qe - 1))
    return found


class _Copies:
    """A new list of attributions whose members are copied the first time they
    change (``own``), so the caller's list and values stay as they were."""

    def __init__(self, found: list[Attribution]) -> None:
        self.found = list(found)
        self._where = {id(a): i for i, a in enumerate(self.found)}
        self._owned: set[int] = set()

    def own(self, a: Attribution) -> Attribution:
        """``a``, copied into ``found`` unless it already is a copy."""
        if id(a) in self._owned:
            return a
        i = self._where.pop(id(a))
        a = self.found[i] = replace(a)
        self._where[id(a)] = i
        self._owned.add(id(a))
        return a


class _Tails:
    """The direct quotes a later quote may continue, each with the end of the
    sentence it has reached (``tail``) and where its own words end (``last``).

    A quote at ``qs`` whose preceding space starts at ``reach`` may continue
    the attribution with the greatest ``last <= qs`` among those whose tail is
    at least ``reach`` (the first found on a tie). Quotes come in text order,
    so ``reach`` only grows: an attribution whose tail falls short of it can
    never be continued again and leaves the heap for good. Each attribution
    enters and leaves the heaps a bounded number of times per quote it takes.
    """

    def __init__(self) -> None:
        self.owner: list[Attribution] = []
        self.tail: list[int] = []
        self.last: list[int] = []
        self.version: list[int] = []
        self.pending: list[tuple[int, int, int]] = []  # (last, k, version), not yet reached
        self.ready: list[tuple[int, int, int]] = []  # (-last, k, version), last <= qs

    def add(self, a: Attribution, tail: int) -> None:
        self.owner.append(a)
        self.tail.append(tail)
        self.last.append(0)
        self.version.append(0)
        self.moved(len(self.owner) - 1, tail)

    def moved(self, k: int, tail: int) -> None:
        """Attribution ``k`` took a quote (or was just added): its tail and last change."""
        a = self.owner[k]
        self.tail[k] = tail
        self.last[k] = max(a.content_end, a.cue[0][1])
        self.version[k] += 1
        heapq.heappush(self.pending, (self.last[k], k, self.version[k]))

    def best(self, qs: int, reach: int) -> int | None:
        while self.pending and self.pending[0][0] <= qs:
            last, k, version = heapq.heappop(self.pending)
            heapq.heappush(self.ready, (-last, k, version))
        while self.ready:
            _, k, version = self.ready[0]
            if version == self.version[k] and self.tail[k] >= reach:
                return k
            heapq.heappop(self.ready)  # superseded, or its tail is behind for good
        return None

    def scan(self, qs: int, reach: int) -> int | None:
        """``best`` by comparing every attribution (quotes not in text order)."""
        best = None
        for k in range(len(self.owner)):
            if self.last[k] <= qs and self.tail[k] >= reach:
                if best is None or self.last[k] > self.last[best]:
                    best = k
        return best


def _sentence_end(ends: list[int], pos: int) -> int:
    i = bisect_right(ends, pos)
    return ends[i] if i < len(ends) else ends[-1]


def _own_clause(doc: Doc, a: Attribution) -> bool:
    """ "…, while Sanders suggests …": a finite speech verb in an adverbial clause
    with its own subject stands as an attribution inside another's content.

    PolNeAR annotators kept these in about half the cases on train (25 of 48),
    which raises all three roles' F1; inner clauses of other shapes stay dropped.
    """
    if a.cue_token is None or a.cue_class != "speech":
        return False
    tok = doc[a.cue_token]
    return (
        tok.dep_ == "advcl"
        and tok.tag_ in ("VBD", "VBZ", "VBP")
        and any(c.dep_ == "nsubj" for c in tok.children)
        and any(c.dep_ == "mark" for c in tok.children)
    )


def _carried_by(doc: Doc, a: Attribution) -> str | None:
    """Who carried the remarks a cue says were made ("in a speech broadcast by
    state television"), as written."""
    if a.cue_token is None:
        return None
    for _prep, medium in _media(doc[a.cue_token]):
        for acl in (c for c in medium.children if c.dep_ == "acl"):
            if lemma_of(acl) not in CARRYING:
                continue
            agent = next((c for c in acl.children if c.dep_ == "agent"), None)
            who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if who is not None:
                return _text(doc)[who.left_edge.idx : _tok_end(who.right_edge)]
    return None


def _relays(doc: Doc, a: Attribution) -> bool:
    if a.cue_lemma in RELAY_CUES:
        return True
    if a.cue_token is not None and any(
        p.lower_ == "in" and lemma_of(m) in RELAY_DOCUMENTS for p, m in _media(doc[a.cue_token])
    ):
        return True
    return a.source_token is not None and lemma_of(doc[a.source_token]) in RELAYING_HEADS


def _outers(found: list[Attribution]) -> list[Attribution | None]:
    """For each attribution, the first other one (in ``found`` order) whose
    content holds its cue, or None.

    Linear in practice, where comparing every pair was quadratic ("He said "
    * 4000 has 4,000 cues, each inside the others' content): cues are sorted
    by start, and each content span visits only the cues starting inside it
    that no earlier attribution has claimed (``alive`` skips claimed ones).
    """
    order = sorted(range(len(found)), key=lambda i: found[i].cue[0][0])
    starts = [found[i].cue[0][0] for i in order]
    skip = list(range(len(order) + 1))  # skip[k]: a later position when k is claimed

    def alive(k: int) -> int:
        root = k
        while skip[root] != root:
            root = skip[root]
        while skip[k] != root:
            skip[k], k = root, skip[k]
        return root

    outer: list[Attribution | None] = [None] * len(found)
    for j, b in enumerate(found):
        for s, e in b.content:
            k = alive(bisect_left(starts, s))
            while k < len(order) and starts[k] <= e:
                i = order[k]
                if i != j and found[i].cue[0][1] <= e:
                    outer[i] = b
                    skip[k] = k + 1
                k = alive(k + 1)
    return outer


def _drop_nested(found: list[Attribution], doc: Doc | None = None) -> list[Attribution]:
    """The outer attribution wins, as in PolNeAR, except where it relays.

    Keeping inner ones hung on relative clauses ("which he called ...") was
    tried: PolNeAR annotates some, but on train it cost more than it gained.
    A named speaker's statement inside a relay ("Araqchi said …, IRNA
    reported") is the claim a reader tracks, so it stays, marked
    ``relayed_by``; the benchmark leaves it out, as PolNeAR annotates no
    nested attribution.
    """
    keep = []
    for a, outer in zip(found, _outers(found), strict=True):
        if outer is None or (doc is not None and _own_clause(doc, a)):
            keep.append(a)
        elif (
            doc is not None
            and a.source
            and a.cue_lemma in RELAYED_CUES
            and (outer.source or outer.cue_lemma == "quote")
            and _relays(doc, outer)
        ):
            # "Sudani was quoted as saying …": quoted by nobody named
            if outer.source:
                a.relayed_by = _text(doc)[outer.source[0][0] : outer.source[-1][1]]
            a.nested = True
            keep.append(a)
    return keep
