"""Punctuation and phrase cues: "Name: ..." colons, signature dashes, "in a poll", "reportedly", "according to".

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from spacy.tokens import Token

from loader.attribution.assembly import (
    _content_spans,
    _make,
    _run_source,
)
from loader.attribution.cues import cue_class
from loader.attribution.spans import (
    line_end,
    line_start,
    memo,
    sentence,
    subtree_ids,
)
from loader.attribution.tokens import (
    SUBJECTS,
    _text,
    lemma_of,
    trim,
)
from loader.lexicon.cues import (
    ARTIFACT_NOUNS,
    CUE_CLASS,
)
from loader.lexicon.punctuation import (
    SIGNATURE_DASHES,
)
from loader.models import Attribution, Span
from loader.text.quotes import as_quotes

# The longest run of words before a colon read as a speaker's name (characters).
NAME_HEAD = 200


def _quote_after(tok: Token, quotes: Sequence[Span]) -> Span | None:
    """The quote opening right after a colon (at most a space and a mark between)."""
    after = tok.idx + 1
    near = as_quotes(quotes).near(after, after + 2)
    return next(((qs, qe) for qs, qe in near if after <= qs <= after + 2), None)


def _name_start(tok: Token) -> int | None:
    """Where the name before a colon starts: its line's start, or just after a
    topic line's dash ("Pollsters agree - Carl Bialik: “…”", 6 of 7 on train);
    None when the words before the colon are no name (over four words, not
    capitalised). A name is never longer than NAME_HEAD characters, so a colon
    far into a long line reads only that much (the whole line per colon was
    quadratic)."""
    doc = tok.doc
    text = _text(doc)
    start = line_start(doc, tok.idx)
    if tok.idx - start > NAME_HEAD:
        dash = text.rfind(" - ", tok.idx - NAME_HEAD, tok.idx)
        if dash < 0:
            return None
        start = dash + 3
    elif " - " in text[start : tok.idx].strip():
        start = text.rindex(" - ", start, tok.idx) + 3
    head = text[start : tok.idx].strip()
    if not head or len(head.split()) > 4 or not head[0].isupper():
        return None
    return start


def _colon_line(tok: Token, left: list[Token]) -> Span | None:
    """The rest of the colon's line in its sentence when it is a statement, not a
    label ("Clinton: 547", "Delegate Update: The latest count"): it has a verb,
    or is a single-quoted headline ("Reid: 'Never underestimate him.'", 6 of 6).
    A line carrying its own attribution ("A: I think so.") is left to that one,
    but after a person's or body's name the colon wins ("Clinton camp: Trump's
    plan threatens ...": 15 of 18 on train)."""
    doc = tok.doc
    text = _text(doc)
    after = tok.idx + 1
    single = text[after : after + 2].strip()[:1] in ("'", "‘")
    span = trim(text, (after, min(line_end(doc, after), sentence(tok).end_char)))
    words = doc.char_span(*span, alignment_mode="expand") if span else None
    if words is None or not (single or any(t.pos_ in ("VERB", "AUX") for t in words)):
        return None
    named = any(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in left)
    if not named and any(_own_cue(t) for t in words):
        return None
    return span


def _name_colon(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """ "Clinton: “Our goal is ...”", "Q: ..." at the start of a line: the colon is
    the cue, the quote after it (or the rest of the line) the content."""
    doc = tok.doc
    start = _name_start(tok)
    if start is None:
        return None
    left = [t for t in doc[sentence(tok).start : tok.i] if t.idx >= start]
    if not left or any(t.pos_ in ("VERB", "AUX", "DET") for t in left):
        return None
    if not all(t.pos_ in ("PROPN", "NOUN", "PUNCT") or t.is_title for t in left):
        return None
    quote = _quote_after(tok, quotes)
    content = quote if quote is not None else _colon_line(tok, left)
    if content is None:
        return None
    src = next((t for t in reversed(left) if t.pos_ in ("PROPN", "NOUN")), left[-1])
    a = _make(doc, sentence(tok), [tok.i], src, [content], ":", "speech", quotes, tok.i)
    return _run_source(a, left[0], left[-1])


def _named_colon(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """ "Jane Doe: Budget Talks Collapse" (a Title Case headline the tagger reads
    without a verb), "FALLIN: Well, I think …" (a transcript turn), "… Bush: “…”"
    (a name opening a sentence mid-line): a short run of proper names that
    includes a person or an organisation opens the sentence, and the colon's
    line goes on with at least three words. `_name_colon` asks for a verb and
    a name at the line's start; this shape, counted over every colon on train
    that no other rule took, is a cue 14 times in 17 (number lines such as
    "Clinton: 547" have no three words and stay out).
    """
    doc = tok.doc
    text = _text(doc)
    left = [
        t for t in doc[sentence(tok).start : tok.i] if not (t.is_punct or t.text.startswith("<"))
    ]
    if not left or len(left) > 4 or left[0].i != tok.i - len(left):
        return None
    if not _transcript_label(tok, left) and (
        not all(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in left)
        or not any(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in left)
    ):
        return None
    after = tok.idx + 1
    quote = _quote_after(tok, quotes)
    if quote is not None:
        content = [quote]
    else:
        span = trim(text, (after, line_end(doc, after)))
        words = doc.char_span(*span, alignment_mode="expand") if span else None
        # three words are enough to know (counting them all read the whole line)
        if words is None or len(list(islice((t for t in words if t.is_alpha), 3))) < 3:
            return None
        content = [span]
    a = _make(doc, sentence(tok), [tok.i], left[-1], content, ":", "speech", quotes, tok.i)
    return _run_source(a, left[0], left[-1])


def _from_colon(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """ "More from Jones: “…”", "From the report: “…”": the colon introduces a quote
    from the one named after "from" (train: 4 of 4 such colons before a quote are
    gold cues)."""
    doc = tok.doc
    left = list(doc[sentence(tok).start : tok.i])
    # after a topic line and a dash: "Pollsters agree - More from Jones: “…”"
    cut = max((t.i for t in left if t.text in SIGNATURE_DASHES), default=None)
    left = [t for t in left if not t.is_punct and (cut is None or t.i > cut)]
    if left and left[0].lower_ == "more":
        left = left[1:]
    if not 2 <= len(left) <= 6 or left[0].lower_ != "from" or left[-1].i != tok.i - 1:
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in left):
        return None
    quote = _quote_after(tok, quotes)
    if quote is None:
        return None
    named = left[1:]
    a = _make(doc, sentence(tok), [tok.i], named[-1], [quote], ":", "speech", quotes, tok.i)
    return _run_source(a, named[0], named[-1])


_LABEL = re.compile(r"^[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}:", re.MULTILINE)


def _labels(text: str) -> list[str]:
    """The last word of every capitalised label opening a line ("BOULDUAN")."""
    return [m.group(0)[:-1].split()[-1] for m in _LABEL.finditer(text)]


def _transcript_label(tok: Token, left: list[Token]) -> bool:
    """ "KATE BOULDUAN: Why not debate?": a capitalised name opening its line, which
    opens another line too ("BOULDUAN: …"), in a text with three such lines or more
    (a transcript). The tagger reads such names as anything; capitalised labels such
    as "UPDATE:" or "BOOM:" stand alone (train: 7 turns more, all gold).
    """
    doc = tok.doc
    if left[0].idx != line_start(doc, tok.idx) or not all(t.is_upper and t.is_alpha for t in left):
        return False
    labels = memo(doc, "transcript labels", lambda: _labels(_text(doc)))
    return len(labels) >= 3 and labels.count(left[-1].text) >= 2


def _space_back(text: str, pos: int) -> int:
    """``pos`` moved back over the whitespace before it."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _dash_signature(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """A quote paragraph signed on the next line: "“…”" then "- Bernie Sanders." The
    dash is the cue, the name the source, the quote the content. Only a short run of
    proper names right after the dash, and only when the paragraph before is one
    quote (train: 6 of 6 such lines are gold, 4 of them found this way; the dashed
    lines that are not, "– Ready to quiz Trump –.", follow no quote or hold no name).
    """
    doc = tok.doc
    text = _text(doc)
    start = line_start(doc, tok.idx)
    if start == 0 or _space_back(text, tok.idx) > start:  # the dash opens its line
        return None
    end = _space_back(text, start)
    quote = next(((qs, qe) for qs, qe in as_quotes(quotes).near(end, end) if qe == end), None)
    if quote is None:
        return None
    before = quote[0]  # what precedes the quote, spaces aside, is a line break or nothing
    while before > 0 and text[before - 1] == " ":
        before -= 1
    if text[before - 1 : before] not in ("\n", ""):
        return None
    names = []
    for t in doc[tok.i + 1 : tok.i + 6]:
        if t.is_punct or t.is_space:
            break
        names.append(t)
    if not names or not all(t.pos_ == "PROPN" for t in names):
        return None
    a = _make(doc, sentence(tok), [tok.i], names[-1], [quote], "-", "speech", quotes, tok.i)
    return _run_source(a, names[0], names[-1])


def _own_cue(tok: Token) -> bool:
    """A cue verb with its own subject, or "according to"."""
    if tok.lower_ == "according":
        return True
    return (
        tok.pos_ == "VERB"
        and lemma_of(tok) in CUE_CLASS
        and any(c.dep_ in SUBJECTS for c in tok.children)
    )


def _in_artifact(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """ "In a poll released Monday, 50 percent chose Clinton": the poll is the source.

    Only when the clause has no cue verb of its own ("In an interview, he said"
    is cued by "said").
    """
    doc = tok.doc
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    head = tok.head
    if obj is None or obj.lemma_.lower() not in ARTIFACT_NOUNS or head is tok:
        return None
    if head.pos_ not in ("VERB", "AUX") or tok.i > head.i or cue_class(lemma_of(head)) == "speech":
        return None
    own = set(subtree_ids(tok))
    idx = [i for i in subtree_ids(head) if i not in own]
    content = _content_spans(doc, idx, quotes)
    if not content:
        return None
    return _make(doc, sentence(tok), [tok.i], obj, content, "in", "speech", quotes, tok.i)


def _reportedly(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """ "Trump reportedly told aides ...": a cue with no source; the clause is the content."""
    head = tok.head
    if head is tok or head.pos_ not in ("VERB", "AUX"):
        return None
    idx = [i for i in subtree_ids(head) if i != tok.i]
    content = _content_spans(tok.doc, idx, quotes)
    if not content:
        return None
    return _make(
        tok.doc, sentence(tok), [tok.i], None, content, "reportedly", "speech", quotes, tok.i
    )


def _according_to(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.children if c.dep_ == "pobj"
    ]
    head = tok.head
    if head is tok or head.i == to.i:
        head = sentence(tok).root
    # the phrase hung on a noun, a participle or a second conjunct ("ballots still
    # to be counted, according to X"): the content is the clause above it
    # (train: 28 contents fixed, 14 broken; a conjunct alone was right less often)
    for _ in range(4):
        if head.head.i == head.i or (
            head.pos_ in ("VERB", "AUX") and head.dep_ not in ("advcl", "conj", "xcomp")
        ):
            break
        head = head.head
    own = set(subtree_ids(tok)) | set(subtree_ids(to))
    idx = [i for i in subtree_ids(head) if i not in own]
    content = _content_spans(doc, idx, quotes) if idx else []
    if not content:
        return None
    return _make(
        doc,
        sentence(tok),
        [tok.i, to.i],
        objs[0] if objs else None,
        content,
        "according to",
        "speech",
        quotes,
        tok.i,
    )
