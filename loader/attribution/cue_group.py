"""Cues: the verb group a cue keeps (auxiliaries, negation, particles, a linking word, a colon).

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from loader.attribution.spans import (
    subtree_ids,
)
from loader.attribution.tokens import (
    _infinitive,
    lemma_of,
)
from loader.lexicon.cues import ASPECTUAL, CUE_CLASS, MEDIUM_NOUNS, MEDIUM_PREPS

# Adverbs that stay in the verb group only when they sit inside it ("also said").
CUE_DEPS = ("aux", "auxpass", "neg")


def _group(verb: Token) -> set[int]:
    """A verb with its auxiliaries, negation, particle and inner adverbs."""
    idx = {verb.i}
    for child in verb.children:
        if child.text == "Will" and not child.is_sent_start:
            continue  # a name the parser read as a modal ("“…,” Will wrote")
        if child.dep_ in CUE_DEPS or child.dep_ == "prt":
            idx.add(child.i)
        elif child.dep_ == "advmod" and child.i < verb.i and child.tag_ != "WRB":
            # only adverbs inside the group ("has repeatedly said"), not "Later, he said"
            inner = range(child.i + 1, verb.i)
            if all(verb.doc[j].dep_ in CUE_DEPS + ("advmod",) for j in inner):
                idx.add(child.i)
    return idx


# Words allowed between an outer verb and the cue verb it governs
# ("went on to say", "was quick to embrace", "are more likely to say").
_CHAIN_DEPS = ("aux", "auxpass", "neg", "advmod", "prt", "acomp", "xcomp", "prep")


def _outer_group(verb: Token) -> set[int]:
    """For a cue verb that is the complement of another verb, that verb's group."""
    infinitive = _infinitive(verb)
    # "went on to explain" parses the infinitive as an adverbial clause
    if not (verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and infinitive)) or verb.head is verb:
        return set()
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.i > verb.i or verb.i - head.i > 7:
        return set()
    if lemma_of(head) in CUE_CLASS and lemma_of(head) not in ASPECTUAL:
        return set()  # "declined to say": the outer cue carries the attribution
    idx = _group(head)
    for i in range(head.i + 1, verb.i):
        tok = verb.doc[i]
        if tok.dep_ not in _CHAIN_DEPS and tok.lower_ != "to":
            return set()
        idx.add(i)
    return idx


def cue_tokens(verb: Token, link: Token | None) -> list[int]:
    """The verb group, grown over an outer verb and a linking word; contiguous."""
    idx = _group(verb) | _outer_group(verb)
    if link is not None:
        idx.add(link.i)
        between = range(verb.i + 1, link.i)
        if all(
            verb.doc[i].dep_ in ("advmod", "prt", "neg")
            or (verb.doc[i].dep_ == "dobj" and verb.doc[i].lower_.endswith(("self", "selves")))
            for i in between
        ):
            # "spoke favorably of", "called repeatedly for", "distanced himself from"
            idx.update(between)
    lo = hi = verb.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    # a hyphenated prefix the tokenizer split off: "live-tweeted", "re-tweeting"
    doc = verb.doc
    if (
        lo > 1
        and doc[lo - 1].text == "-"
        and not doc[lo - 1].whitespace_
        and not doc[lo - 2].whitespace_
        and doc[lo - 2].is_alpha
        and verb.dep_ != "amod"
    ):
        lo -= 2
        idx.update((lo, lo + 1))
    # an auxiliary separated by adverbs: "has also repeatedly said"
    for i in sorted(idx):
        if i < lo and all(j in idx or verb.doc[j].dep_ == "advmod" for j in range(i, lo)):
            lo = i
    return list(range(lo, hi + 1))


def extend_to_colon(
    verb: Token, cue_idx: list[int], content_start: int, src: Token | None
) -> list[int]:
    """ "wrote on X: “...”": a colon before the content keeps what leads to it.

    Otherwise PolNeAR leaves adjuncts between cue and content out ("said on
    Friday that ..." has the cue "said"); measured on train, growing the cue up
    to the content cost about a point of cue F1.
    """
    doc = verb.doc
    hi = cue_idx[-1]
    j = hi + 1
    src_idx = set(subtree_ids(src)) if src is not None else set()
    while j < len(doc) and doc[j].idx < content_start and j - hi <= 6:
        if doc[j].i in src_idx or doc[j].is_sent_start:
            return cue_idx
        j += 1
    if j - 1 > hi and doc[j - 1].text == ":":
        return list(range(cue_idx[0], j))
    return cue_idx


def extend_over_adjuncts(verb: Token, cue_idx: list[int], src: Token | None) -> list[int]:
    """After a quote the cue keeps its trailing adjuncts ("“...,” he said in a statement")."""
    doc = verb.doc
    hi = cue_idx[-1]
    for c in verb.rights:
        if c.i <= hi:
            continue
        if src is not None and c.i == src.i:
            break
        if c.dep_ != "prep" or c.lower_ != "in" or c.left_edge.i != hi + 1:
            break
        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in MEDIUM_NOUNS:
            break
        if c.right_edge.i != obj.i:
            # "said in an interview with CNN": measured on train, gold kept the whole
            # phrase 12 times, only up to the noun 6 and dropped it 31 times
            break
        hi = c.right_edge.i
    while hi > cue_idx[-1] and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return list(range(cue_idx[0], hi + 1))


def _media(verb: Token) -> Iterable[tuple[Token, Token]]:
    """(preposition, medium) for each "in/during <medium>" on a cue verb: "said in
    a statement", "in remarks carried by state media", "during a speech"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in MEDIUM_PREPS:
            for medium in prep.children:
                if medium.dep_ == "pobj":
                    yield prep, medium
