"""Finding attribution spans (source, cue, content) in a parsed Doc.

Rules over spaCy's dependency parse, kept readable and testable one sentence
at a time; speakers are resolved afterwards (see ``coref``). Boundaries follow
PolNeAR's conventions: the source keeps determiners and appositives but not
relative clauses; the cue keeps its verb group (auxiliaries, negation,
adverbs, a linking preposition, a speech-introducing colon); the content
keeps a leading "that"/"to" and its quote marks, but not edge punctuation.

Passes, in order:

1. verb cues: a lexicon verb with a clause, object or linking preposition as
   content (before or after it: "X, he said" parses with the clause first);
   any other verb only when it frames a quote ("“No!” the crowd shouted back");
2. "according to X": the clause the phrase attaches to is the content;
3. quotes: a cue with no parsed content takes the quote beside it (colon
   introductions, parse failures); quotes that continue a direct quote in
   the same or following sentences join its content;
4. nested attributions are dropped (the outer one wins, as in PolNeAR).

Where each part lives: ``RULES`` below (which shape a token can cue, in
priority order); ``verbs`` (verb cues: ``CUE_EXTENDERS``), ``content``
(``CONTENT_FINDERS``), ``sources`` (``find_subject``, ``SOURCE_TRIMMERS``),
``cue_group``, ``fallbacks`` (a quote beside a cue with no parsed content),
``frames`` and ``markers`` (the other shapes), ``assembly`` (building an
``Attribution``), ``nesting`` (the passes after the rules); ``tokens`` and
``spans`` read the parse, ``loader/text`` (``quotes``, ``datelines``) the
plain text, and every word list is in
``loader/lexicon`` (``cues`` holds the cue verbs, nouns and adjectives by
class; ``punctuation``). To add a cue word, add it to its list; a new shape
of attribution is a ``Rule`` placed where it should win.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from spacy.tokens import Doc, Token

from loader.attribution.datelines import remember_dateline
from loader.attribution.false_cues import is_false_cue
from loader.attribution.frames import (
    _headline_verb,
    _light_attribution,
    _noun_attribution,
    _put_it,
    _quote_frame,
    _stance_attribution,
)
from loader.attribution.markers import (
    _according_to,
    _dash_signature,
    _from_colon,
    _in_artifact,
    _name_colon,
    _named_colon,
    _reportedly,
)
from loader.attribution.nesting import (
    _carried_by,
    _continue_quotes,
    _drop_nested,
)
from loader.attribution.orphans import orphan_quotes
from loader.attribution.spans import (
    SpanIndex,
    forget,
)
from loader.attribution.tokens import (
    _text,
    _tok_end,
    lemma_of,
    overlaps,
)
from loader.attribution.verbs import (
    _imperative,
    _verb_attribution,
)
from loader.lexicon.cues import (
    CUE_CLASS,
    INFINITIVE_CUES,
    LIGHT_VERBS,
    NEEDS_SOURCE,
    NOT_CONTENT_OBJECTS,
    NOUN_CUES,
    PARTICLE_CUES,
    STANCE_ADJ,
    STANCE_NOUNS,
)
from loader.lexicon.punctuation import (
    SIGNATURE_DASHES,
)
from loader.models import Attribution, Span
from loader.text.quotes import Quotes, quote_spans


def _quoted_tokens(doc: Doc, quotes: Sequence[Span]) -> set[int]:
    inside: set[int] = set()
    for qs, qe in quotes:
        span = doc.char_span(qs, qe, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


class Rule(NamedTuple):
    """One shape of attribution: ``trigger`` says whether a token can be its cue,
    ``build`` makes the attribution (or None). The first rule whose trigger holds
    decides the token, unless it is ``optional`` and built nothing; ``clip``
    drops content spans that touch excluded text (boilerplate)."""

    name: str
    trigger: Callable[[Token, str], bool]
    build: Callable[[Token, str, Sequence[Span]], Attribution | None]
    optional: bool = False
    clip: bool = False


def _colon(tok: Token, lemma: str, quotes: Sequence[Span]) -> Attribution | None:
    return _name_colon(tok, quotes) or _named_colon(tok, quotes) or _from_colon(tok, quotes)


def _stance_word(tok: Token, lemma: str) -> bool:
    """ "is confident that", "his position that": a stance adjective or noun."""
    return (tok.lower_ in STANCE_ADJ and tok.pos_ == "ADJ") or (
        lemma in STANCE_NOUNS and tok.dep_ == "attr"
    )


def _headline_word(tok: Token, lemma: str) -> bool:
    """A capitalised noun that may be a Title Case headline's verb ("Endorses")."""
    return tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.lower_ not in NOUN_CUES


def _no_cue_word(tok: Token, lemma: str) -> bool:
    """A word in no cue list: it can only frame a quote ("the crowd shouted back")."""
    return (
        lemma not in CUE_CLASS
        and lemma not in NOUN_CUES
        and lemma not in PARTICLE_CUES
        and lemma not in INFINITIVE_CUES
        and tok.lower_ != "according"
    )


def _framing_verb(tok: Token, lemma: str, quotes: Sequence[Span]) -> Attribution | None:
    if tok.pos_ != "VERB":
        return None
    return _put_it(tok, quotes) if lemma == "put" else _quote_frame(tok, quotes)


def _verb_cue(tok: Token, lemma: str, quotes: Sequence[Span]) -> Attribution | None:
    """A lexicon verb, unless it needs a source it lacks ("Say what you will") or
    has an object that is no content ("told a joke")."""
    a = _verb_attribution(tok, quotes)
    if a is not None and not a.source and (lemma in NEEDS_SOURCE or _imperative(tok, a)):
        return None
    if lemma in NOT_CONTENT_OBJECTS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in NOT_CONTENT_OBJECTS[lemma] for c in tok.children
    ):
        return None
    return a


# In priority order: the first rule whose trigger holds decides the token.
RULES = (
    Rule(
        "signature dash",
        lambda t, lemma: t.text in SIGNATURE_DASHES,
        lambda t, lemma, q: _dash_signature(t, q),
    ),
    Rule("colon", lambda t, lemma: t.text == ":", _colon),
    Rule(
        "in an artifact", lambda t, lemma: t.lower_ == "in", lambda t, lemma, q: _in_artifact(t, q)
    ),
    Rule(
        "reportedly",
        lambda t, lemma: t.lower_ == "reportedly",
        lambda t, lemma, q: _reportedly(t, q),
    ),
    Rule(
        "light verb",
        lambda t, lemma: lemma in LIGHT_VERBS,
        lambda t, lemma, q: _light_attribution(t, q),
        clip=True,
    ),
    Rule("stance", _stance_word, lambda t, lemma, q: _stance_attribution(t, q), clip=True),
    Rule("headline verb", _headline_word, lambda t, lemma, q: _headline_verb(t, q), optional=True),
    Rule("verb framing a quote", _no_cue_word, _framing_verb),
    Rule(
        "according to",
        lambda t, lemma: t.lower_ == "according",
        lambda t, lemma, q: _according_to(t, q),
        clip=True,
    ),
    Rule(
        "noun cue",
        lambda t, lemma: t.pos_ == "NOUN",
        lambda t, lemma, q: _noun_attribution(t, q) if lemma in NOUN_CUES else None,
        clip=True,
    ),
    Rule("verb cue", lambda t, lemma: True, _verb_cue, clip=True),
)


def _dispatch(tok: Token, quotes: Sequence[Span], excluded: SpanIndex) -> Attribution | None:
    """The attribution the first rule that takes ``tok`` builds, if any."""
    lemma = lemma_of(tok)
    for rule in RULES:
        if not rule.trigger(tok, lemma):
            continue
        a = rule.build(tok, lemma, quotes)
        if a is None and rule.optional:
            continue
        if a is not None and rule.clip:
            a.content = [s for s in a.content if not overlaps(s, excluded)]
            if not a.content:
                return None
        return a
    return None


def _no_cue_here(tok: Token, text: str, in_quote: set[int], excluded: SpanIndex) -> bool:
    """Words inside a direct quote (the speaker's, not a new cue), the name of a
    markup element ("<tweet author=…>") and excluded text never cue anything."""
    return (
        tok.i in in_quote
        or (tok.idx > 0 and text[tok.idx - 1] == "<")
        or overlaps((tok.idx, _tok_end(tok)), excluded)
    )


def _with_carrier(doc: Doc, a: Attribution) -> Attribution:
    """``a`` with who passed it on (``relayed_by``), a copy only when that is new."""
    if a.relayed_by is not None:
        return a
    carrier = _carried_by(doc, a)
    return a if carrier is None else replace(a, relayed_by=carrier)


def find_attributions(
    doc: Doc, excluded: Sequence[Span] = (), dateline: Span | None = None
) -> list[Attribution]:
    """Every attribution in ``doc`` outside the ``excluded`` character ranges:
    each token offered to ``RULES``, then the filters (false cues, nesting,
    carriers, quote continuation). ``dateline`` is the one the loader's
    metadata found (None: look for one in the text)."""
    if dateline is not None:
        remember_dateline(doc, dateline)
    excluded = SpanIndex(excluded)
    text = _text(doc)
    quotes = Quotes(quote_spans(text))
    in_quote = _quoted_tokens(doc, quotes)
    found = [
        a
        for tok in doc
        if not _no_cue_here(tok, text, in_quote, excluded)
        for a in [_dispatch(tok, quotes, excluded)]
        if a is not None
    ]
    found = [a for a in found if not is_false_cue(doc, a)]
    found = _drop_nested(found, doc)
    found = [_with_carrier(doc, a) for a in found]
    found = _continue_quotes(doc, found, quotes, excluded)
    found = orphan_quotes(doc, found, quotes, excluded)
    forget(doc)
    return sorted(found, key=lambda a: a.cue[0])
