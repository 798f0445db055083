"""Contents: the tokens a cue reports (clauses, objects, linking prepositions), as ``content_tokens`` finds them.

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from loader.attribution.cues import cue_class
from loader.attribution.spans import (
    positions,
    sentence,
    subtree_ids,
)
from loader.attribution.tokens import (
    SUBJECTS,
    _infinitive,
    lemma_of,
)
from loader.lexicon.cues import (
    ASKING,
    CAVEAT_NOUNS,
    CLAUSE_ONLY,
    CUE_CLASS,
    DECLINING_CUES,
    FALLBACK_PREP,
    LINKING_PREP,
    NO_OBJECT_CONTENT,
    OBJECT_CONTENT_PREPS,
    PREDICATE_OBJECT,
    RAISING,
    RELATIVE_LINKS,
    RELATIVES,
    SAID_ANSWERS,
    SETTING_NOUNS,
    SETTING_PREPS,
    TELLING,
    WITHHELD,
    WITHHELD_SPEECH,
)
from loader.lexicon.function_words import INDEFINITE_ARTICLES, QUESTION_OPENERS, THING_RELATIVES
from loader.lexicon.punctuation import (
    QUOTE_MARKS,
)


def _noun_phrase(head: Token) -> list[int]:
    """A noun phrase without what follows a comma (appositive, relative clause).

    "the suspect's name, Syed Farook, several times": PolNeAR keeps contents
    conservative, so comma-set material after the head stays out.
    """
    idx = subtree_ids(head)
    for c in head.rights:
        if c.dep_ == "punct" and c.text == ",":
            return [i for i in idx if i < c.i]
        if c.dep_ in ("appos", "relcl") and head.doc[c.left_edge.i - 1].text == ",":
            return [i for i in idx if i < c.left_edge.i - 1]
    return idx


def _has_predicate(verb: Token) -> bool:
    """ "found the plan unworkable", "saw him as a rival": a predicate after the object."""
    dobj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i), None)
    return dobj is not None and any(
        c.i > dobj.i
        and (c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as"))
        for c in verb.children
    )


def _object_content(verb: Token, lemma: str) -> list[int] | None:
    dobj = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i > verb.i]
    if not dobj:
        return None
    idx = _noun_phrase(dobj[0])
    # "described X as Y", "called X a liar": the predicate belongs to the content
    pred = [
        i
        for c in verb.children
        if c.i > dobj[0].i
        and (
            c.dep_ in ("oprd", "xcomp", "ccomp")
            or (c.dep_ == "prep" and c.lower_ in OBJECT_CONTENT_PREPS)
        )
        for i in subtree_ids(c)
    ]
    if pred:
        # "described Johnson, an heir to the fortune, as ...": comma-set words in
        # the middle of a content stay (train: 4 fixed, 1 broken)
        idx = subtree_ids(dobj[0])
    return idx + pred


def _reports_again(verb: Token) -> bool:
    """A coordinated verb that starts a second report by the same speaker.

    "said the plan was dead and added that talks would go on": a speech cue
    with a clause of its own and no subject of its own. Counted on train over
    coordinated cue verbs inside a reported clause: such verbs were a second
    attribution 26+8 times (content right only when cut) against 5+2; every
    other coordinated cue verb ("... and expects to win", "... and warned
    voters", one with its own subject or "that") belonged to the content
    (about 110 right only when kept, 40 only when cut).
    """
    if lemma_of(verb) in DECLINING_CUES and not any(c.dep_ in SUBJECTS for c in verb.children):
        # "said that … but declined to comment on specific measures": what the
        # speaker would not say, the agency-copy coda after a statement (train:
        # 2 such contents, gold ends before both and has the refusal as an
        # attribution of its own). Only refusing to tell: "police say he posed
        # a threat and refused to drop the gun" is what was said.
        return any(c.dep_ == "xcomp" and lemma_of(c) in WITHHELD_SPEECH for c in verb.children)
    return (
        cue_class(lemma_of(verb)) == "speech"
        and any(c.dep_ == "ccomp" for c in verb.children)
        and not any(
            c.dep_ in SUBJECTS or (c.dep_ == "mark" and c.lower_ == "that") for c in verb.children
        )
    )


def _past_the_hearer(doc: Doc, verb: Token, lemma: str, idx: list[int]) -> list[int]:
    """ "told visiting U.S. envoy Amos Hochstein that Beirut was committed": the
    parser can make the hearer part of the content (here the object of
    "visiting"); what was told starts at "that" (the recipient is not content)."""
    if lemma not in TELLING or not idx or min(idx) != verb.i + 1 or doc[min(idx)].lower_ == "that":
        return idx
    mark = next(
        (
            doc[i]
            for i in sorted(idx)
            if doc[i].lower_ == "that" and doc[i].dep_ == "mark" and doc[i].head.dep_ == "ccomp"
        ),
        None,
    )
    if mark is None or any(
        doc[i].pos_ == "VERB" and doc[i].tag_ != "VBG" for i in idx if i < mark.i
    ):
        return idx
    return [i for i in idx if i >= mark.i]


def _outlet_caveat(doc: Doc, i: int) -> bool:
    """A comma, then "a claim that …" or "without elaborating" (the outlet's word
    on the claim, not part of it; train: 1 content ending "without offering
    specifics", gold ends before it, while agency copy writes it under every
    terse statement)."""
    if doc[i].text != "," or i + 2 >= len(doc):
        return False
    first, second = doc[i + 1], doc[i + 2]
    if first.lower_ == "without":
        return second.tag_ == "VBG" and second.lemma_.lower() in WITHHELD
    return (
        i + 3 < len(doc)
        and first.lower_ in INDEFINITE_ARTICLES
        and second.lemma_.lower() in CAVEAT_NOUNS
        and doc[i + 3].lower_ in THING_RELATIVES
    )


def _setting_after_comma(doc: Doc, i: int) -> bool:
    """ ", in a televised speech": a comma, then where the words were said."""
    if doc[i].text != "," or i + 1 >= len(doc):
        return False
    prep = doc[i + 1]
    return prep.lower_ in SETTING_PREPS and any(
        lemma_of(g) in SETTING_NOUNS for g in prep.children if g.dep_ == "pobj"
    )


def _clause_edges(verb: Token, head: Token, idx: list[int]) -> list[int]:
    """ "said on Tuesday the group would not disarm, in a televised speech": the
    parser hangs the day and the setting on the reported clause; they tell
    when and where it was said, not what. Each of CLAUSE_EDGE_DROPS names
    tokens to leave out."""
    if not idx or head.i < verb.i:
        return idx
    drop: set[int] = set()
    for find in CLAUSE_EDGE_DROPS:
        drop.update(find(verb, head, idx))
    return [i for i in idx if i not in drop]


def _day_after_verb(verb: Token, head: Token, idx: list[int]) -> set[int]:
    """ "said on Tuesday the group …": a date or time phrase right after the
    verb and before the clause's subject says when it was said."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    drop: set[int] = set()
    if subject is None:
        return drop
    for c in head.children:
        if c.dep_ != "prep" or c.i != verb.i + 1 or c.i > subject.i:
            continue
        if any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj"):
            drop.update(subtree_ids(c))
    return drop


def _caveat_tail(verb: Token, head: Token, idx: list[int]) -> range | tuple:
    """ ", a claim that could not be verified": the outlet's caveat after a
    comma, to the clause's end."""
    doc = head.doc
    commas = set(positions(doc, ORTH=",")).intersection(idx)
    for i in idx if commas else ():
        if i in commas and _outlet_caveat(doc, i):
            return range(i, max(idx) + 1)
    return ()


def _setting_tail(verb: Token, head: Token, idx: list[int]) -> set[int]:
    """ ", in a televised speech": the setting after a comma at the clause's end."""
    doc = head.doc
    last = max(idx)
    drop: set[int] = set()
    for c in head.children:
        if (
            c.dep_ == "prep"
            and c.right_edge.i >= last - 1
            and c.i > head.i
            and _setting_after_comma(doc, c.i - 1)
        ):
            drop.update(range(c.i - 1, last + 1))
    return drop


CLAUSE_EDGE_DROPS = (_day_after_verb, _caveat_tail, _setting_tail)


def _clause(head: Token) -> list[int]:
    """A clause's tokens without a coordinated clause that is a report of its own.

    "conceded that the deal was late and said funding is needed": "said"
    starts a second attribution, not part of the first one's content.
    """
    idx = _cut_coordinated_report(head, subtree_ids(head))
    return _cut_participle_report(head, idx)


def _cut_coordinated_report(head: Token, idx: list[int]) -> list[int]:
    """Cut before a coordinated verb (or a participle after a comma) on the
    clause's head that reports again, with the "and" before it."""
    for c in head.children:
        participle = c.dep_ == "advcl" and c.tag_ == "VBG" and _after_comma(c)
        if (
            (c.dep_ == "conj" or participle)
            and c.i > head.i
            and c.pos_ == "VERB"
            and _reports_again(c)
        ):
            cut = c.left_edge.i - 1 if participle else c.left_edge.i
            for d in head.children:
                if d.dep_ == "cc" and d.i < c.i:
                    cut = min(cut, d.i)
            return [i for i in idx if i < cut]
    return idx


def _cut_participle_report(head: Token, idx: list[int]) -> list[int]:
    """Deeper down: "said the talks could be “messy,” adding, “…”" (the
    participle hangs on a verb inside the clause, after a comma the quote
    swallowed)."""
    doc = head.doc
    participles = positions(doc, DEP="advcl", TAG="VBG")
    first = bisect_right(participles, head.i)
    for t in (doc[i] for i in participles[first:] if idx and i <= idx[-1]):
        if cue_class(lemma_of(t)) == "speech" and _after_comma(t):
            cut = t.left_edge.i - 1
            return [i for i in idx if i < cut]
    return idx


def _after_comma(tok: Token) -> bool:
    """Whether a comma (perhaps inside a closing quote) comes just before ``tok``'s phrase."""
    doc = tok.doc
    j = tok.left_edge.i - 1
    if j >= 0 and doc[j].text in QUOTE_MARKS + "'’":
        j -= 1
    return j >= 0 and doc[j].text == ","


def _that_clause(verb: Token) -> list[int]:
    """A "that" clause the parser hung somewhere else after the verb.

    "said in one of a series of Twitter messages that the truck was ..." often
    parses as a relative clause of "messages"; it is still the content.
    """
    sent_end = sentence(verb).end
    for t in verb.doc[verb.i + 1 : min(sent_end, verb.i + 12)]:
        if t.is_punct and t.text != ",":
            return []
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            return _clause_edges(verb, t.head, list(range(t.i, t.head.right_edge.i + 1)))
    return []


def _to_complement(verb: Token, prep: Token) -> list[int]:
    """ "called for the United States to act": the infinitive joins the content."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.i == prep.right_edge.i + 1:
            if _infinitive(c):
                return subtree_ids(c)
    return []


Found = tuple[list[int] | None, Token | None]  # content tokens, linking word kept in the cue


def _plea(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "pleaded guilty to fraud": "guilty" joins the cue, "to fraud" is the
    content (6 of 6 on train)."""
    if lemma != "plead":
        return None
    plea = next((c for c in children if c.lower_ == "guilty" and c.i == verb.i + 1), None)
    to = next(
        (
            c
            for c in (list(plea.children) + children if plea is not None else ())
            if c.lower_ == "to" and c.dep_ == "prep" and c.i > verb.i
        ),
        None,
    )
    if plea is not None and to is not None:
        return subtree_ids(to), plea
    return None


def _complement(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """The clausal complement ("said that ..."), without a coordinated report."""
    for c in children:
        if c.dep_ == "ccomp":
            idx = _clause_edges(verb, c, _clause(c))
            if c.i < verb.i:
                # "It is no surprise, she said, that ...": the parser hangs a clause on
                # each side of the cue; a "that" clause after it continues the content
                # (train: 5 contents fixed, none broken, 11 wrong nested cues gone)
                idx += [
                    i
                    for d in children
                    if d.dep_ == "ccomp"
                    and d.i > verb.i
                    and any(g.dep_ == "mark" and g.lower_ == "that" for g in d.children)
                    for i in _clause(d)
                ]
            return idx, None
    return None


def _clause_only(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "spoke favorably of X", "spoke out against X": a cue that takes only a
    linking word, never any preposition ("spoke to reporters"), or a "that"
    clause; nothing else is tried."""
    if lemma not in CLAUSE_ONLY:
        return None
    for c in children:
        if c.dep_ == "prep" and c.lower_ in LINKING_PREP.get(lemma, ()) and c.i > verb.i:
            between = verb.doc[verb.i + 1 : c.i]
            obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if obj and all(t.dep_ in ("advmod", "prt") for t in between):
                return [i for i in subtree_ids(c) if i != c.i], c
    return _that_clause(verb), None


def _open_complement(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "urged Congress to act", "is considering abandoning Trump": the open
    complement, with the object before it (and "on" in "called on X to act",
    24 of 30 on train)."""
    for c in children:
        if c.dep_ == "xcomp" and c.i > verb.i:
            if _infinitive(c) or c.pos_ != "VERB" or c.tag_ == "VBG":
                idx = subtree_ids(c)
                link = None
                for d in children:
                    if d.dep_ == "dobj" and verb.i < d.i < c.i and lemma != "tell":
                        idx.extend(subtree_ids(d))
                    elif d.dep_ == "prep" and d.lower_ in LINKING_PREP.get(lemma, ()):
                        if d.i == verb.i + 1 and d.right_edge.i + 1 == c.left_edge.i:
                            idx.extend(i for i in subtree_ids(d) if i != d.i)
                            link = d
                return idx, link
    return None


def _marked_by_link(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "is calling for his rivals to drop out": the linking word parsed as the
    clause's marker."""
    links = LINKING_PREP.get(lemma, ())
    for c in children:
        mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ in links), None)
        if c.dep_ in ("advcl", "ccomp") and mark is not None and mark.i == verb.i + 1:
            return [i for i in subtree_ids(c) if i != mark.i], mark
    return None


def _linked_object(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "warned of a crisis", "pointed out the risks": the object of the cue's
    linking preposition or particle."""
    links = LINKING_PREP.get(lemma, ())
    for c in children:
        if c.dep_ in ("prep", "prt") and c.lower_ in links and c.i > verb.i:
            obj = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if obj:
                idx = [i for i in subtree_ids(c) if i != c.i]
                return idx + _to_complement(verb, c), c
            if c.dep_ == "prt":
                dobj = _object_content(verb, lemma)
                if dobj:
                    return dobj, c
    return None


def _clause_after_addressee(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "reminded voters that ...", "asked workers if ...": the clause after the
    addressee is the content even where the parser did not call it a complement
    (train: 8 contents fixed, none broken)."""
    obj = next((c for c in children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    if obj is None:
        return None
    for c in children:
        if (
            c.i > obj.i
            and c.dep_ in ("advcl", "dep", "xcomp", "conj")
            and c.pos_ in ("VERB", "AUX")
            and any(
                g.dep_ == "mark"
                and (g.lower_ == "that" or (lemma in ASKING and g.lower_ in QUESTION_OPENERS))
                for g in c.children
            )
            and not any(g.dep_ == "mark" and g.lower_ == "as" for g in c.children)
        ):
            return subtree_ids(c), None
    return None


def _asked_if(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "Asked if he would run, the governor said no": with no addressee, the
    question hangs on the passive "asked" as an adverbial clause (an asking verb
    with an "if"/"whether" clause after it is a gold cue 15 times in 17 on train)."""
    if lemma not in ASKING or any(c.dep_ in ("dobj", "dative") and c.i > verb.i for c in children):
        return None
    for c in children:
        if (
            c.i > verb.i
            and c.dep_ in ("advcl", "dep", "conj")
            and any(g.dep_ == "mark" and g.lower_ in QUESTION_OPENERS for g in c.children)
        ):
            return subtree_ids(c), None
    return None


def _direct_object(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """The object ("denied the report"), for cues whose object can be a content."""
    if lemma not in NO_OBJECT_CONTENT:
        idx = _object_content(verb, lemma)
        if idx and (lemma not in PREDICATE_OBJECT or _has_predicate(verb)):
            return idx, None
    return None


def _pro_form(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "55 percent said so", "thinks so"; "the governor said no", "26 percent said
    the same" (gold content on train in all 18 cases outside quotes and contents)."""
    for c in children:
        if c.dep_ == "advmod" and c.lower_ == "so" and c.i > verb.i:
            return [c.i], None
        if lemma == "say" and c.i > verb.i and c.lower_ in SAID_ANSWERS:
            if c.dep_ == "intj" or (c.lower_ == "same" and c.pos_ == "ADJ"):
                return subtree_ids(c), None
    return None


def _stray_that_clause(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """A "that" clause the parser hung elsewhere after the verb (``_that_clause``)."""
    that = _that_clause(verb)
    return (that, None) if that else None


def _close_preposition(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "spoke about the budget", "did not respond to a request": any close
    preposition (not "appeared on Fox News": on train right in 3 of 20 cases;
    never a time, "said on Monday": 14 of 17 wrong)."""
    for c in children:
        if (
            lemma not in RAISING
            and c.dep_ == "prep"
            and FALLBACK_PREP.get(c.lower_)
            and 0 < c.i - verb.i <= 2
            and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
        ):
            return [i for i in subtree_ids(c) if i != c.i] + _to_complement(verb, c), c
    return None


def _relative_pronoun(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "the war, which most senators opposed": the relative pronoun stands for
    the content."""
    if verb.dep_ != "relcl":
        return None
    rel = next(
        (c for c in children if c.dep_ == "dobj" and c.lower_ in RELATIVES and c.i < verb.i),
        None,
    )
    if rel is None:
        return None
    idx = [rel.i]
    links = RELATIVE_LINKS.get(lemma_of(verb), frozenset(["as"]))
    for c in children:
        if c.i > verb.i and (
            c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in links)
        ):
            idx.extend(subtree_ids(c))
    return idx, None


def _passive_subject(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "The plan was approved", "A decision is expected": a passive cue's subject."""
    for c in children:
        if c.dep_ == "nsubjpass" and c.i < verb.i:
            return _noun_phrase(c), None
    return None


def _as_reported(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """ "As The Daily Caller reported, the star gave ...": the clause it modifies."""
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and verb.i < verb.head.i
    ):
        own = set(subtree_ids(verb))
        return [i for i in subtree_ids(verb.head) if i not in own], None
    return None


def _inserted_cue(verb: Token) -> bool:
    """ "The plan, he said, is dead" / "It is dead, he said": a cue inserted in or
    after the clause it reports (not when that clause's head is itself a cue:
    "who said they would vote"; "..., she said." parsed as an adverbial clause)."""
    return (
        verb.dep_ == "parataxis"
        or (verb.dep_ == "ccomp" and verb.i > verb.head.i and lemma_of(verb.head) not in CUE_CLASS)
        or (
            verb.dep_ == "advcl"
            and verb.i > verb.head.i
            and verb.doc[verb.left_edge.i - 1].text == ","
            and verb.tag_ != "VBG"
        )
    )


def _head_clause(verb: Token, lemma: str, children: list[Token]) -> Found | None:
    """The head clause of an inserted cue with its own subject (``_inserted_cue``)."""
    if (
        verb.head is not verb
        and _inserted_cue(verb)
        and any(c.dep_ in SUBJECTS for c in verb.children)
        and len(_inserted(verb)) <= 11
    ):
        own = _inserted(verb)
        return [i for i in subtree_ids(verb.head) if i not in own], None
    return None


# In order; the first finder with an answer decides (an empty answer too).
CONTENT_FINDERS = (
    _plea,
    _complement,
    _clause_only,
    _open_complement,
    _marked_by_link,
    _linked_object,
    _clause_after_addressee,
    _asked_if,
    _direct_object,
    _pro_form,
    _stray_that_clause,
    _close_preposition,
    _relative_pronoun,
    _passive_subject,
    _as_reported,
    _head_clause,
)


def content_tokens(verb: Token, lemma: str) -> Found:
    """Tokens of the attributed content and the linking word kept in the cue:
    the first of ``CONTENT_FINDERS`` that finds any."""
    children = list(verb.children)
    for finder in CONTENT_FINDERS:
        found = finder(verb, lemma, children)
        if found is not None:
            return found
    return None, None


def _inserted(verb: Token) -> set[int]:
    """The tokens of an inserted "…, she said, …" without what the parser hung on it
    from the reported sentence: a fronted adjunct ("At times last year, people close
    to him said, …") or a clause coordinated after it ("…, Anthony says, and she
    felt …"). Both belong to the content (train: 9 paired attributions gained, 3
    inner ones swallowed by the longer content).
    """
    own = set(subtree_ids(verb))
    subj = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    for c in verb.children:
        fronted = subj is not None and c.i < subj.left_edge.i and c.dep_ in ("prep", "npadvmod")
        after = c.i > verb.i and c.dep_ in ("conj", "cc")
        if fronted or after:
            own -= set(subtree_ids(c))
    return own
