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
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from loader.attribution.cues import (
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
from loader.attribution.quotes import Quotes, quote_spans
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
from loader.lexicon.punctuation import (
    SIGNATURE_DASHES,
)
from loader.models import Attribution, Span


def _quoted_tokens(doc: Doc, quotes: Sequence[Span]) -> set[int]:
    inside: set[int] = set()
    for qs, qe in quotes:
        span = doc.char_span(qs, qe, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def find_attributions(doc: Doc, excluded: Sequence[Span] = ()) -> list[Attribution]:
    """Every attribution in ``doc`` outside the ``excluded`` character ranges."""
    excluded = SpanIndex(excluded)
    text = _text(doc)
    quotes = Quotes(quote_spans(text))
    found: list[Attribution] = []
    in_quote = _quoted_tokens(doc, quotes)
    for tok in doc:
        if tok.i in in_quote:
            continue  # words inside a direct quote are the speaker's, not a new cue
        lemma = lemma_of(tok)
        if tok.idx and text[tok.idx - 1] == "<":
            continue  # the name of a markup element ("<tweet author=…>") is no cue
        if tok.text in SIGNATURE_DASHES and not overlaps((tok.idx, tok.idx + 1), excluded):
            a = _dash_signature(tok, quotes)
            if a is not None:
                found.append(a)
            continue
        if tok.text == ":" and not overlaps((tok.idx, tok.idx + 1), excluded):
            a = _name_colon(tok, quotes) or _named_colon(tok, quotes) or _from_colon(tok, quotes)
            if a is not None:
                found.append(a)
            continue
        if tok.lower_ in ("in", "reportedly") and not overlaps((tok.idx, _tok_end(tok)), excluded):
            a = _in_artifact(tok, quotes) if tok.lower_ == "in" else _reportedly(tok, quotes)
            if a is not None:
                found.append(a)
            continue
        if (
            tok.lower_ in STANCE_ADJ
            and tok.pos_ == "ADJ"
            or lemma in LIGHT_VERBS
            or (lemma in STANCE_NOUNS and tok.dep_ == "attr")
        ):
            if not overlaps((tok.idx, _tok_end(tok)), excluded):
                a = (
                    _light_attribution(tok, quotes)
                    if lemma in LIGHT_VERBS
                    else _stance_attribution(tok, quotes)
                )
                if a is not None:
                    a.content = [s for s in a.content if not overlaps(s, excluded)]
                    if a.content:
                        found.append(a)
            continue
        if tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper() and tok.lower_ not in NOUN_CUES:
            a = _headline_verb(tok, quotes)
            if a is not None and not overlaps((tok.idx, _tok_end(tok)), excluded):
                found.append(a)
                continue
        if (
            lemma not in CUE_CLASS
            and lemma not in NOUN_CUES
            and lemma not in PARTICLE_CUES
            and lemma not in INFINITIVE_CUES
            and tok.lower_ != "according"
        ):
            if tok.pos_ == "VERB" and not overlaps((tok.idx, _tok_end(tok)), excluded):
                a = _put_it(tok, quotes) if lemma == "put" else _quote_frame(tok, quotes)
                if a is not None:
                    found.append(a)
            continue
        if overlaps((tok.idx, _tok_end(tok)), excluded):
            continue
        if tok.lower_ == "according":
            a = _according_to(tok, quotes)
        elif tok.pos_ == "NOUN":
            a = _noun_attribution(tok, quotes) if lemma in NOUN_CUES else None
        else:
            a = _verb_attribution(tok, quotes)
            if a is not None and not a.source and (lemma in NEEDS_SOURCE or _imperative(tok, a)):
                continue
            if lemma in NOT_CONTENT_OBJECTS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in NOT_CONTENT_OBJECTS[lemma]
                for c in tok.children
            ):
                continue
        if a is None:
            continue
        a.content = [s for s in a.content if not overlaps(s, excluded)]
        if a.content:
            found.append(a)
    found = [a for a in found if not is_false_cue(doc, a)]
    found = _drop_nested(found, doc)
    for a in found:
        if a.relayed_by is None:
            a.relayed_by = _carried_by(doc, a)
    _continue_quotes(doc, found, quotes, excluded)
    found.sort(key=lambda a: a.cue[0])
    forget(doc)
    return found
