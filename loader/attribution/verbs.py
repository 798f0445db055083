"""Verb cues: ``_verb_attribution`` and the adjustments it makes to cue, content and source.

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from loader.attribution.assembly import (
    _content_spans,
    _make,
    _run_source,
)
from loader.attribution.content import (
    _noun_phrase,
    _outlet_caveat,
    _past_the_hearer,
    _setting_after_comma,
    content_tokens,
)
from loader.attribution.cue_group import (
    _group,
    cue_tokens,
    extend_over_adjuncts,
    extend_to_colon,
)
from loader.attribution.cues import cue_class
from loader.attribution.fallbacks import (
    _adjacent_quote,
    _clause_on_medium,
    _closing_report,
    _quote_then_name,
    _stray_speaker,
)
from loader.attribution.sources import (
    find_subject,
)
from loader.attribution.spans import (
    sentence,
    sentence_bounds,
    subtree_ids,
)
from loader.attribution.tokens import (
    SUBJECTS,
    _infinitive,
    _text,
    lemma_of,
)
from loader.lexicon.calendar import WEEKDAYS
from loader.lexicon.cues import (
    ASPECTUAL,
    CUE_CLASS,
    EXPLETIVES,
    FUTURE_MARKERS,
    INFINITIVE_CUES,
    LIGHT_WHEN_BARE,
    LIGHT_WHEN_NEGATED,
    MANNER_NOUNS,
    MESSAGE_NOUNS,
    NEGATING_DETS,
    NOT_MANNER,
    PARTICLE_CUES,
    RAISING,
    SETTING_NOUNS,
    SETTING_PREPS,
    STANCE_LINKS,
    TIME_PREPS,
    TRAILING_PREP,
)
from loader.models import Attribution, Span


def _passive_predicate(verb: Token) -> list[int] | None:
    """ "Rubio is seen as the more electable choice", "Pigs are considered unclean":
    the subject and what is predicated of it, without the linking "as".

    Measured on train: 41 contents fixed, 4 broken (most cued by see,
    know, consider, view, deem, declare, call, describe).
    """
    subj = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    comp = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    if not subj or not comp or subj[0].lower_ in EXPLETIVES or _infinitive(comp[0]):
        # "was instructed to begin": the subject is the addressee, not part of the content
        return None
    linking_as = comp[0].i if comp[0].dep_ == "prep" else None
    return _noun_phrase(subj[0]) + [i for i in subtree_ids(comp[0]) if i != linking_as]


def _with_trailing_prep(
    verb: Token, lemma: str, cue_idx: list[int], content: list[int] | None
) -> list[int]:
    """ "is known as", "was charged with": the preposition right after the verb group
    stays in the cue even when its object is not the content (``cues.TRAILING_PREP``)."""
    doc = verb.doc
    nxt = cue_idx[-1] + 1
    if (
        nxt < len(doc)
        and doc[nxt].head.i == verb.i
        and doc[nxt].lower_ in TRAILING_PREP.get(lemma, ())
        and nxt not in (content or ())
    ):
        return cue_idx + [nxt]
    return cue_idx


def _raising_content(verb: Token, lemma: str) -> list[int] | None:
    """ "The court seemed to send a signal", "Trump is expected to win": no source;
    PolNeAR takes the subject and its complement together as the content (other
    passive cues too, see ``_passive_predicate``)."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive and lemma != "expect":
        return _passive_predicate(verb)
    if lemma not in RAISING and not (lemma == "expect" and passive):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    comp = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd", "attr") and c.i > verb.i
    ]
    if not comp:
        return None
    return _raised_subject_and_complement(verb, subj, comp[0])


def _raised_subject_and_complement(verb: Token, subj: list[Token], comp: Token) -> list[int]:
    """The content of a raising cue: its subject's noun phrase and the
    complement, or the clause alone after a placeholder "it"."""
    idx = subtree_ids(comp)
    if subj and subj[0].lower_ == "it" and not _infinitive(comp):
        # "It seems likely that ...", "it appears that ...": the pronoun holds the
        # place of the clause and stays out (train: 10 contents fixed, 0 broken
        # once an "it" before an infinitive, a real subject, is left alone)
        later = [c for c in verb.children if c.dep_ == "ccomp" and c.i > comp.i]
        return idx + [i for c in later for i in subtree_ids(c)]
    if subj:
        idx = _noun_phrase(subj[0]) + idx
    return idx


def _prenominal(tok: Token) -> bool:
    """ "a written statement", "so-called", "self-described": a participle that
    modifies the noun after it inside a noun phrase is an adjective, not a report.

    On train 19 of the 21 such cues paired with no gold attribution. Parses that
    call a real speech verb an adjective ("…, repeated accusations that …", "Trump
    told supporters") have no determiner, hyphen or adverb before the verb and stay.
    """
    if tok.dep_ != "amod" or tok.head.i <= tok.i:
        return False
    prev = tok.doc[tok.i - 1] if tok.i else None
    return (prev is not None and (prev.pos_ == "DET" or prev.text == "-")) or any(
        c.text == "-" or c.dep_ in ("advmod", "npadvmod") for c in tok.children
    )


def _asks_the_reader(verb: Token) -> bool:
    """ "Do you support the senator?": a question put to "you" about a thing or
    person reports nobody's attitude. On train 11 of 12 such cues were unmatched;
    questions that take a clause ("Do you think the bill will pass?") stay.
    """
    if not any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    subj = find_subject(verb)
    return subj is not None and subj.lower_ == "you" and sentence(verb).text.rstrip().endswith("?")


def _imperative(verb: Token, a: Attribution) -> bool:
    """ "Consider the case of …", "Call it a blunder.", "Just ask the senator.":
    a bare command to the reader, with no speaker and no quote, reports nothing.

    On train 23 of 28 such cues were unmatched; commands that introduce speech
    ("Ask yourself: …", a quote) stay.
    """
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not a.source
        and a.kind == "indirect"
        and not (a.cue_text or "").endswith(":")
        and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


def _will_see_a_thing(verb: Token) -> bool:
    """ "will see a 50 percent raise", "came to see him speak": "see" ahead of the
    fact, with a noun object and no "as", is witnessing or undergoing, not a view.

    On train 14 of 18 such cues were unmatched ("see X as Y" and clauses stay).
    """
    return (
        lemma_of(verb) == "see"
        and any(c.dep_ == "aux" and c.lower_ in FUTURE_MARKERS for c in verb.children)
        and any(c.dep_ == "dobj" for c in verb.children)
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    )


def _verb_class(tok: Token, lemma: str) -> str | None:
    """The class of a verb cue: its lexicon class, or speech for a particle cue
    ("lash out"), or an infinitive cue's class ("is looking to unseat him", not
    "looks to see whether": a search); None where the verb is no cue here."""
    cls = cue_class(lemma)
    if cls is None and any(
        c.dep_ in ("prt", "prep") and c.lower_ in PARTICLE_CUES.get(lemma, ()) for c in tok.children
    ):
        cls = "speech"
    if cls is None and any(
        c.dep_ == "xcomp" and c.i > tok.i and _infinitive(c) and lemma_of(c) != "see"
        for c in tok.children
    ):
        cls = INFINITIVE_CUES.get(lemma)
    if cls is None or _no_verb_cue_here(tok, lemma):
        return None
    return cls


def _no_verb_cue_here(tok: Token, lemma: str) -> bool:
    """Not a verb, a modifier, a question to the reader, a thing to be seen,
    "pledged to oppose X" (one attribution, cued by "pledged") or "continued to
    insist" (the cue verb after it carries the attribution)."""
    if tok.pos_ not in ("VERB", "AUX") or _prenominal(tok):
        return True
    if _asks_the_reader(tok) or _will_see_a_thing(tok):
        return True
    if (
        tok.dep_ == "xcomp"
        and lemma_of(tok.head) in CUE_CLASS
        and lemma_of(tok.head) not in ASPECTUAL
        and tok.head.pos_ == "VERB"
    ):
        return True
    return lemma in ASPECTUAL and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" and lemma_of(c) in CUE_CLASS for c in tok.children
    )


def _raising_attribution(
    tok: Token, lemma: str, cls: str, raising: list[int], quotes: Sequence[Span]
) -> Attribution | None:
    """ "seems to think", "was criticized by the mayor as too costly": the
    raised or passive predicate is the content; a passive keeps its agent."""
    doc = tok.doc
    content = _content_spans(doc, raising, quotes)
    if not content:
        return None
    cue_idx = _with_trailing_prep(tok, lemma, cue_tokens(tok, None), raising)
    passive = any(c.dep_ == "nsubjpass" for c in tok.children)
    src = find_subject(tok) if passive else None
    return _make(doc, sentence(tok), cue_idx, src, content, lemma, cls, quotes, tok.i)


def _manner_adverb(tok: Token, lemma: str, cue_idx: list[int], idx: list[int] | None) -> list[int]:
    """ "said repeatedly", "wrote recently", "replied sarcastically": kept on train
    36 times, left out 9."""
    doc, nxt = tok.doc, cue_idx[-1] + 1
    if (
        nxt < len(doc)
        and doc[nxt].dep_ == "advmod"
        and doc[nxt].head.i == tok.i
        and doc[nxt].tag_ == "RB"
        and doc[nxt].lower_ not in NOT_MANNER
        and nxt not in (idx or ())
    ):
        return cue_idx + [nxt]
    return cue_idx


def _trailing_prep(tok: Token, lemma: str, cue_idx: list[int], idx: list[int] | None) -> list[int]:
    """A preposition the cue keeps after it (``_with_trailing_prep``)."""
    return _with_trailing_prep(tok, lemma, cue_idx, idx)


def _bare_weekday(tok: Token, lemma: str, cue_idx: list[int], idx: list[int] | None) -> list[int]:
    """ "said Friday" (bare weekday): gold kept it 66 times on train, left it out
    53; "said on Friday" stays out (kept 4 of 30), as do "said last week" (1 of 8)
    and other single words ("said today": 34 of 75)."""
    doc, nxt = tok.doc, cue_idx[-1] + 1
    if (
        nxt < len(doc)
        and doc[nxt].dep_ == "npadvmod"
        and doc[nxt].head.i == tok.i
        and doc[nxt].lower_ in WEEKDAYS
        and doc[nxt].right_edge.i == nxt
    ):
        return cue_idx + [nxt]
    return cue_idx


def _manner_phrase(tok: Token, lemma: str, cue_idx: list[int], idx: list[int] | None) -> list[int]:
    """ "said with a laugh" (``_with_manner``), unless the words are content."""
    manner = _with_manner(tok.doc, cue_idx[-1] + 1, tok)
    if manner and not set(manner) & set(idx or ()):
        return cue_idx + manner
    return cue_idx


# Applied in order, each to the cue the one before left.
CUE_EXTENDERS = (_manner_adverb, _trailing_prep, _bare_weekday, _manner_phrase)


def _verb_source(tok: Token, cue_idx: list[int], idx: list[int] | None):
    """The subject, or the issuer of a message ("in a statement issued by X",
    whose words join the cue), or a number phrase the parser did not call a
    subject ("About 4 in 10 say ..."); never a token of the content."""
    src = find_subject(tok)
    issued = _issued_message(tok)
    if issued is not None:
        cue_idx = sorted(set(range(min(_group(issued)), tok.i)) | set(cue_idx))
        src = src or find_subject(issued)
    if src is None:
        src = next(
            (
                c
                for c in tok.children
                if c.i < tok.i and c.dep_ in ("npadvmod", "nummod") and c.pos_ in ("NUM", "NOUN")
            ),
            None,
        )
    if src is not None and idx and src.i in idx:
        src = None
    return src, cue_idx


def _verb_content(tok, lemma, cls, idx, cue_idx, src, quotes):
    """The content spans, else the fallbacks in order: a quote then its speaker's
    name, a clause on the medium, the quote beside the cue ("speak" introduces
    quotes, never closes them: on train 1 of 17 was right), a closing report."""
    doc = tok.doc
    if idx and min(idx) > tok.i:
        idx = _drop_comma_tail(doc, idx + _trailing_clause(tok, idx, src))
    if idx:
        idx = _over_dangling_conjunction(doc, idx)
    content = _content_spans(doc, idx, quotes) if idx else []
    if src is None and content:
        content, src = _quote_then_name(doc, tok, content, quotes)
    if not content and cls == "speech":
        content = _clause_on_medium(doc, tok, quotes)
    if not content:
        content = _adjacent_quote(doc, tok, cue_idx, quotes, before=lemma != "speak")
    if not content and cls == "speech":
        content = _closing_report(doc, tok, cue_idx, src, quotes)
    return content, src


def _verb_attribution(tok: Token, quotes: Sequence[Span]) -> Attribution | None:
    """A lexicon verb cue: class, content (``content_tokens``), cue (with
    ``CUE_EXTENDERS``), source, fallback contents, then the cue's edges."""
    lemma = lemma_of(tok)
    cls = _verb_class(tok, lemma)
    if cls is None:
        return None
    if lemma in LIGHT_WHEN_NEGATED or lemma in LIGHT_WHEN_BARE:
        a = _light_object(tok, lemma, cls, quotes)
        if a is not None:
            return a
    raising = _raising_content(tok, lemma)
    if raising is not None:
        return _raising_attribution(tok, lemma, cls, raising, quotes)
    doc = tok.doc
    idx, link = content_tokens(tok, lemma)
    cue_idx = cue_tokens(tok, link)
    for extend in CUE_EXTENDERS:
        cue_idx = extend(tok, lemma, cue_idx, idx)
    if idx:
        idx = [i for i in idx if i not in cue_idx]
        idx = _past_the_hearer(doc, tok, lemma, idx)
    src, cue_idx = _verb_source(tok, cue_idx, idx)
    content, src = _verb_content(tok, lemma, cls, idx, cue_idx, src, quotes)
    if not content:
        return None
    return _finish_verb(tok, lemma, cls, cue_idx, src, content, quotes)


def _finish_verb(tok, lemma, cls, cue_idx, src, content, quotes) -> Attribution:
    """A speaker named after a content that came first ("“…,” Conway notes"), the
    cue's colon or adjuncts, then the attribution, with a source that runs over
    the stray name or a headline's list of names."""
    doc = tok.doc
    stray: list[int] = []
    if src is None and content[-1][1] <= doc[cue_idx[0]].idx:
        between = _text(doc)[content[-1][1] : doc[cue_idx[0]].idx]
        stray = _stray_speaker(tok, cue_idx, between.strip(" ,") == "" and lemma != "tell")
        src = doc[stray[-1]] if stray else None
    if content[0][0] > doc[cue_idx[-1]].idx:
        cue_idx = extend_to_colon(tok, cue_idx, content[0][0], src)
    elif content[-1][1] <= doc[cue_idx[0]].idx:
        cue_idx = extend_over_adjuncts(tok, cue_idx, src)
    # a colon right after the verb group introduces speech and belongs to the cue
    nxt = cue_idx[-1] + 1
    if nxt < len(doc) and doc[nxt].text == ":":
        cue_idx = cue_idx + [nxt]
    a = _make(doc, sentence(tok), cue_idx, src, content, lemma, cls, quotes, tok.i)
    if len(stray) > 1:
        _run_source(a, doc[stray[0]], doc[stray[-1]])
    listed = _listed_subjects(tok)
    if src is not None and src in listed:
        _run_source(a, listed[0].left_edge, listed[-1].right_edge)
    return a


def _listed_subjects(verb: Token) -> list[Token]:
    """ "Iran, Iraq pledge closer ties": names listed with commas and no "and",
    as headlines write them, that the parser took as several subjects of one
    verb. A dateline parsed as a subject ("TEHRAN (Reuters) - Iran's minister
    said") is in capitals and does not count. The parser sometimes makes the
    first name a modifier of the verb ("Iraq, Iran agree …": npadvmod)."""
    subjects = [
        c
        for c in verb.children
        if c.i < verb.i
        and (
            c.dep_ == "nsubj"
            or (c.dep_ == "npadvmod" and c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
        )
    ]
    if (
        len(subjects) < 2
        or not any(s.dep_ == "nsubj" for s in subjects)
        or any(s.pos_ != "PROPN" or s.text.isupper() for s in subjects)
    ):
        return []
    doc = verb.doc
    for left, right in zip(subjects, subjects[1:], strict=False):
        between = [t.text for t in doc[left.right_edge.i + 1 : right.left_edge.i]]
        if not between and [t.text for t in doc[left.i + 1 : left.right_edge.i + 1]] == [","]:
            between = [","]  # the comma hangs on the name before it: "Saudi Arabia, Iran"
        if between != [","]:
            return []
    return subjects


def _ends_object_content(tok: Token) -> bool:
    """Where a noun or infinitive content stops among the cue verb's trailing words.

    Measured on train over contents that are not a "that" clause ("praised X
    ...", "urged X to Y ..."): gold mostly leaves out a coordinated second
    verb phrase ("and celebrated ..."), a comma-set adverbial clause
    ("..., although ...", "..., while ...") and a time adjunct ("Friday", "on
    Monday", "during the debate"), and where it was said ("at a rally"). The
    first three stops together fixed 193 train contents and broke 108
    (content loose F1 +0.004; each alone +0.001 to +0.002). After a "that"
    clause the same stops lost more than they gained.
    """
    if tok.dep_ in ("cc", "conj"):
        return True
    if tok.dep_ == "advcl" and tok.doc[tok.left_edge.i - 1].text == ",":
        return True
    if tok.dep_ == "prep":
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None:
            return tok.lower_ in TIME_PREPS
        setting = tok.lower_ in SETTING_PREPS and obj.lemma_.lower() in SETTING_NOUNS
        return tok.lower_ in TIME_PREPS or obj.ent_type_ in ("DATE", "TIME") or setting
    return tok.dep_ in ("npadvmod", "advmod") and tok.ent_type_ in ("DATE", "TIME")


def _drop_comma_tail(doc: Doc, idx: list[int]) -> list[int]:
    """ "criticized the law, which passed in 2010": a comma-set relative clause
    that runs to the end of a noun content (object, prepositional object) stays out.

    Counted on train: cutting it fixed 42 contents and broke 14 (relative
    clauses under a "that" clause are kept: gold keeps them more often than
    not). Appositives and participles after a comma were tried the same way
    and came out even (36 fixed, 32 broken), so they stay in.
    """
    if not idx:
        return idx
    idx = sorted(set(idx))
    inside = set(idx)
    top = next((doc[i] for i in idx if doc[i].head.i not in inside), None)
    if top is None or top.dep_ not in ("dobj", "pobj"):
        return idx
    last = idx[-1]
    while last > idx[0] and doc[last].is_punct:
        last -= 1
    for i in idx:
        t = doc[i]
        comma = t.left_edge.i - 1
        if (
            t.dep_ == "relcl"
            and t.right_edge.i >= last
            and comma in inside
            and comma > idx[0]
            and doc[comma].text == ","
        ):
            return [j for j in idx if j < comma]
    return idx


def _issued_message(tok: Token) -> Token | None:
    """The verb of "issued a statement saying ...": the cue runs from it to the participle.

    Measured on train: with a participle on the object of a verb, gold started the
    cue at that verb 32 times and at the participle 13 (mostly "held up a sign
    saying", "recruit pastors supporting"); the message nouns above cover the 32.
    A participle the parser hung on the verb past an adjunct ("released a
    statement Wednesday, saying") is read the same way (train cue F1 +0.0006).
    """
    if tok.tag_ != "VBG":
        return None
    if tok.dep_ == "advcl":
        # "released a statement Wednesday, saying ...": the adjunct pulled the
        # participle onto the verb
        verb = tok.head
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if noun is None:
            return None
    else:
        noun = tok.head
        if tok.dep_ != "acl" or noun.dep_ != "dobj" or noun.i > tok.i:
            return None
        verb = noun.head
    if noun.lemma_.lower() not in MESSAGE_NOUNS or verb.pos_ != "VERB" or tok.i - verb.i > 8:
        return None
    return verb


def _with_manner(doc: Doc, i: int, verb: Token) -> list[int]:
    """Tokens of "with a grin" starting at ``i`` when it hangs on ``verb``."""
    if i >= len(doc) or doc[i].lower_ != "with" or doc[i].head.i != verb.i:
        return []
    obj = next((g for g in doc[i].children if g.dep_ == "pobj"), None)
    if obj is None or obj.lemma_.lower() not in MANNER_NOUNS:
        return []
    return list(range(i, obj.right_edge.i + 1))


def _light_object(tok: Token, lemma: str, cls: str, quotes: Sequence[Span]) -> Attribution | None:
    """ "expressed concern that ...", "showed no sign of ...": see ``cues.LIGHT_WHEN_BARE``."""
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    dets = [c for c in obj.lefts if c.dep_ in ("det", "poss")]
    negated = bool(dets) and dets[0].lower_ in NEGATING_DETS
    if not (negated and lemma in LIGHT_WHEN_NEGATED) and not (
        not dets and lemma in LIGHT_WHEN_BARE
    ):
        return None
    return _pivot_attribution(tok, obj, lemma, cls, quotes)


def _trailing_clause(verb: Token, idx: list[int], src: Token | None) -> list[int]:
    """The rest of the cue verb's clause after its content: "said that A, but B".

    The parser often hangs B on the cue verb rather than inside A; PolNeAR
    keeps it in the content unless it is an attribution of its own. After a
    noun or infinitive content ("praised X", "urged X to Y") it stops at a
    coordinated verb phrase, a comma-set adverbial clause or a time adjunct.
    """
    last = max(idx)
    end = verb.right_edge.i
    if end <= last:
        return []
    doc = verb.doc
    extra = _stop_after_object_content(verb, idx, list(range(last + 1, end + 1)))
    extra = _stop_at_own_attribution(doc, extra)
    for i in extra:
        t = doc[i]
        if (src is not None and i == src.i) or (t.pos_ == "VERB" and lemma_of(t) in CUE_CLASS):
            return []
    while extra and (doc[extra[-1]].is_punct or doc[extra[-1]].is_space):
        extra.pop()
    return extra


def _stop_after_object_content(verb: Token, idx: list[int], extra: list[int]) -> list[int]:
    """After a noun or infinitive content ("praised X", "urged X to Y") the
    rest stops at a coordinated verb phrase, a comma-set adverbial clause or a
    time adjunct (_ends_object_content); after a "that" clause it runs on."""
    doc = verb.doc
    inside = set(idx)
    last = max(idx)
    top = next((doc[i] for i in idx if doc[i].head.i not in inside), None)
    if top is None or top.dep_ == "ccomp":
        return extra
    stop = next(
        (c.left_edge.i for c in verb.rights if c.i > last and _ends_object_content(c)), None
    )
    return extra if stop is None else [i for i in extra if i < stop]


def _stop_at_own_attribution(doc: Doc, extra: list[int]) -> list[int]:
    """ "..., according to the AP" is an attribution of its own, never content;
    "..., in a televised speech" says where it was said (see _clause_edges)."""
    cut = next(
        (
            i
            for i in extra
            if doc[i].lower_ == "according"
            or _setting_after_comma(doc, i)
            or _outlet_caveat(doc, i)
        ),
        None,
    )
    return extra if cut is None else [i for i in extra if i < cut]


def _over_dangling_conjunction(doc: Doc, idx: list[int]) -> list[int]:
    """ "talked about the border and how many cross it": a content that ends on "and"
    because the parser hung the second conjunct elsewhere takes that conjunct too."""
    last = max(idx)
    if doc[last].dep_ != "cc" or last + 1 >= sentence_bounds(doc, last)[1]:
        return idx
    nxt = doc[last + 1]
    top = nxt
    while top.head.i != top.i and top.head.left_edge.i >= nxt.i:
        top = top.head
    extra = list(range(nxt.i, top.right_edge.i + 1))
    if any(doc[i].pos_ == "VERB" and lemma_of(doc[i]) in CUE_CLASS for i in extra):
        return idx  # a report of its own
    return idx + extra


def _pivot_content(
    verb: Token, pivot: Token, links: frozenset[str]
) -> tuple[list[int], Token | None]:
    """What follows a stance word: a linked phrase, a "that" clause or a "to" infinitive.

    The parser hangs the clause on the word itself or on the verb ("is sure
    that ...", "made the case that ..."); either is taken when it follows.
    """
    for head in (pivot, verb):
        for c in head.children:
            if c.i <= pivot.i:
                continue
            if c.dep_ == "prep" and c.lower_ in links and c.i == pivot.i + 1:
                if any(g.dep_ in ("pobj", "pcomp") for g in c.children):
                    return [i for i in subtree_ids(c) if i != c.i], c
            if c.dep_ in ("ccomp", "acl", "xcomp", "advcl") and (
                any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                or (c.dep_ == "ccomp" and c.left_edge.i == pivot.i + 1)
            ):
                return subtree_ids(c), None
    return [], None


def _pivot_attribution(
    verb: Token, pivot: Token, lemma: str, cls: str, quotes: Sequence[Span]
) -> Attribution | None:
    """A cue spread over a verb and the word that carries the attitude.

    "was critical of X", "is confident that X", "made the case that X": the
    cue runs from the verb group to that word (and its linking preposition),
    the holder is the verb's subject; without a holder nothing is kept, since
    "it is clear that" and "there are concerns" were mostly noise on train.
    """
    if not 0 < pivot.i - verb.i <= 4 or verb.pos_ not in ("VERB", "AUX"):
        return None
    doc = verb.doc
    idx, link = _pivot_content(verb, pivot, STANCE_LINKS)
    if not idx:
        return None
    src = find_subject(verb)
    if src is None or src.lower_ in EXPLETIVES or src.i in idx:
        return None
    cue_idx = sorted(_group(verb) | set(range(verb.i, pivot.i + 1)) | ({link.i} if link else set()))
    lo = cue_idx[0]
    while lo + 1 <= verb.i and lo + 1 not in cue_idx:
        lo += 1
    cue_idx = list(range(min(i for i in cue_idx if i >= lo), max(cue_idx) + 1))
    idx = [i for i in idx if i not in cue_idx]
    content = _content_spans(doc, idx, quotes)
    if not content:
        return None
    return _make(doc, sentence(verb), cue_idx, src, content, lemma, cls, quotes, verb.i)
