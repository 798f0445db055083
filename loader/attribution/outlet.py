"""Claims in the outlet's own voice: sentences a reader could check.

Verification needs the facts an outlet asserts without attributing them
("... before entering Aleppo on November 27") as well as what it reports
others saying. A sentence qualifies when it

* has a finite main verb (section headings and captions have none),
* carries something checkable: a number, a date, or a named person, body or
  place,
* is stated flatly: no question, no modal or hedge ("could", "likely",
  "is expected to"), no evaluative wording ("significant", "key factor"),
  no first person and no quotation marks (those are someone else's words),
* is not already covered by an attribution and does not touch boilerplate.

The content is the sentence without trailing punctuation; the claim has no
speaker and no cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from loader.attribution.cues import cue_class
from loader.attribution.spans import SpanIndex, article_text
from loader.lexicon.punctuation import QUOTE_MARKS
from loader.lexicon.voice import (
    DISCOURSE_OPENERS,
    EVALUATIVE,
    HEDGES,
    PERSONAL_VOICE,
    SPEECH_FRAMES,
)
from loader.models import Attribution
from loader.models import Span as CharSpan

CHECKABLE_ENTS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "EVENT",
        "DATE",
        "TIME",
        "CARDINAL",
        "QUANTITY",
        "PERCENT",
        "MONEY",
        "LAW",
    }
)


def _overlaps(span: CharSpan, spans: Sequence[CharSpan]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _reports(tok) -> bool:
    """A speech or belief verb used as one ("said that", "praised Iraq"), not as a
    modifier ("Foreign-backed groups")."""
    if tok.pos_ != "VERB" or cue_class(tok.lemma_) not in ("speech", "belief"):
        return False
    return tok.dep_ == "ROOT" or any(
        c.dep_ in ("ccomp", "xcomp", "dobj", "nsubj") for c in tok.children
    )


def _not_a_statement(sent: Span, text: str, lowered: str) -> bool:
    """Empty, a question, a quotation, or no closing full stop (a heading or
    a caption)."""
    if not text or text.endswith("?") or any(q in text for q in QUOTE_MARKS):
        return True
    return text[-1:] not in ".!" and not text.endswith((".”", '."'))


def _discourse_opener(sent: Span, text: str, lowered: str) -> bool:
    """ "In conclusion, …": the outlet's argument, not a fact."""
    return lowered.startswith(DISCOURSE_OPENERS)


def _no_verb_root(sent: Span, text: str, lowered: str) -> bool:
    """A fragment: no verb at the root asserts anything."""
    return sent.root.pos_ not in ("VERB", "AUX")


def _reported_speech(sent: Span, text: str, lowered: str) -> bool:
    """Reported speech the span finder did not take: not the outlet's voice."""
    return any(frame in lowered for frame in SPEECH_FRAMES) or any(_reports(t) for t in sent)


def _too_short(sent: Span, text: str, lowered: str) -> bool:
    """Under five words: too little to check."""
    return sum(1 for t in sent if not t.is_punct) < 5


def _hedged_or_personal(sent: Span, text: str, lowered: str) -> bool:
    """A hedge or an evaluative word, or the writer or reader speaking ("we",
    "you"): opinion, not a checkable assertion."""
    for t in sent:
        low = t.lower_
        if low in HEDGES or low in EVALUATIVE:
            return True
        if t.pos_ == "PRON" and low in PERSONAL_VOICE:
            return True
    return False


# Checked in order; the first that holds rules the sentence out.
NOT_CHECKABLE = (
    _not_a_statement,
    _discourse_opener,
    _no_verb_root,
    _reported_speech,
    _too_short,
    _hedged_or_personal,
)


def is_checkable(sent: Span) -> bool:
    """Does this sentence, in the outlet's voice, assert something checkable?

    None of NOT_CHECKABLE holds, and it names an entity or a number a reader
    could look up."""
    text = sent.text.strip()
    lowered = text.lower()
    if any(rule(sent, text, lowered) for rule in NOT_CHECKABLE):
        return False
    return any(t.ent_type_ in CHECKABLE_ENTS for t in sent) or any(t.like_num for t in sent)


def outlet_claims(
    doc: Doc, attributions: Sequence[Attribution], excluded: Sequence[CharSpan] = ()
) -> list[Attribution]:
    """kind='outlet' claims for the checkable sentences no attribution covers."""
    covered: list[CharSpan] = []
    for a in attributions:
        covered.extend(a.content)
        if a.sentence:
            covered.append(a.sentence)
    covered_index = SpanIndex(covered)  # each sentence against every claim was quadratic
    found: list[Attribution] = []
    full = article_text(doc)  # Doc.text would join every token anew
    for sent in doc.sents:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        body = text.strip()
        end = start + len(body)
        span = (start, end)
        if _overlaps(span, excluded) or covered_index.overlaps(span) or not is_checkable(sent):
            continue
        content_end = end
        while content_end > start and full[content_end - 1] in ".!;:, ":
            content_end -= 1
        found.append(Attribution(kind="outlet", content=[(start, content_end)], sentence=span))
    return found
