"""Sources: the subject of a cue and the tokens of its source span (PolNeAR's boundaries).

Moved from ``patterns.py`` unchanged (see its docstring for the passes).
"""

from __future__ import annotations

from spacy.tokens import Token

from loader.attribution.datelines import without_opener
from loader.attribution.spans import (
    subtree_ids,
)
from loader.attribution.tokens import (
    SUBJECTS,
    _infinitive,
    _is_quote,
    lemma_of,
)
from loader.lexicon.cues import (
    ADJUNCT_PREPS,
    CUE_CLASS,
    MEDIUM_NOUNS,
    OBJECT_CONTROL,
    OTHER_SUBJECT_PREPS,
    QUOTING_AS_VERBS,
    SUBJECT_PREPS,
)
from loader.lexicon.function_words import CLITIC_S, TRAILING_QUANTIFIERS
from loader.lexicon.punctuation import SET_OFF


def _incidental(child: Token, cue_i: int | None) -> bool:
    """A comma-set modifier of the source that PolNeAR leaves out of the span.

    Counted on train (dropped / kept by the gold source): participles
    ("Sanders, celebrating a victory,") 29 / 0; adjectives ("Christie, eager
    to jab,") 4 / 0; adjunct prepositions ("Trump, in Kentucky,"); relative
    clauses in the perfect ("Bush, who has been more successful ...,") before
    the cue 36 / 15. Appositives stay (1,105 kept / 44 dropped) and so do other
    relative clauses (kept a little more often than not).
    """
    doc = child.doc
    if child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPS:
        # "Trump on Tuesday", "Durbin in an interview": when and where he said it
        # (a date after the source was left out 14 times on train, kept 2)
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is not None and (
            obj.ent_type_ in ("DATE", "TIME") or obj.lemma_.lower() in MEDIUM_NOUNS
        ):
            return True
    if doc[child.left_edge.i - 1].text not in SET_OFF:
        return False
    if child.dep_ == "acl":
        return child.tag_ == "VBG"
    if child.dep_ == "relcl":
        return child.tag_ == "VBN" and cue_i is not None and child.i < cue_i
    return child.dep_ == "amod" or (child.dep_ == "prep" and child.lower_ in ADJUNCT_PREPS)


def _own_report(child: Token) -> bool:
    """ "Barkley, who said he votes Democratic,": a set-off clause with a cue is an
    attribution of its own (a restrictive one stays: "a woman who has accused him")."""
    doc = child.doc
    return (
        child.dep_ in ("relcl", "acl")
        and lemma_of(child) in CUE_CLASS
        and (child.dep_ == "acl" or doc[child.left_edge.i - 1].text in SET_OFF)
    )


def _cut_modifiers(subj: Token, keep: list[int], cue_i: int | None) -> list[int]:
    """Everything from the first right modifier that is a report of its own or
    incidental (``_incidental``) on."""
    for child in subj.rights:
        if _own_report(child) or _incidental(child, cue_i):
            return [i for i in keep if i < child.left_edge.i]
    return keep


def _cut_deeper_report(subj: Token, keep: list[int], cue_i: int | None) -> list[int]:
    """ "Scott Reed, the Chamber's strategist, who added that ...": a set-off
    report deeper down."""
    doc = subj.doc
    for t in (doc[i] for i in subtree_ids(subj)):
        if (
            t.i in keep
            and t.head.i != subj.i
            and t.dep_ in ("relcl", "acl")
            and lemma_of(t) in CUE_CLASS
            and doc[t.left_edge.i - 1].text in SET_OFF
        ):
            return [i for i in keep if i < t.left_edge.i]
    return keep


def _drop_edge_words(subj: Token, keep: list[int], cue_i: int | None) -> list[int]:
    """ "She’s said": a contracted "has" the parser put in the subject; "Even the
    field's hawks": the focus adverb (out 21 of 24 times on train); "Bush and
    Cruz both", "they all": a floating quantifier (out 8 of 9; a reflexive,
    "Clinton herself", stays in 5 of 6)."""
    doc = subj.doc
    if len(keep) > 1 and doc[keep[-1]].lower_ in CLITIC_S and doc[keep[-1]].dep_ != "case":
        keep = keep[:-1]
    if len(keep) > 1 and doc[keep[0]].lower_ == "even":
        keep = keep[1:]
    if (
        len(keep) > 1
        and doc[keep[-1]].lower_ in TRAILING_QUANTIFIERS
        and doc[keep[-1]].head == subj
    ):
        keep = keep[:-1]
    return keep


def _drop_dateline(subj: Token, keep: list[int], cue_i: int | None) -> list[int]:
    """A dateline parsed into the subject: "ERBIL (Kurdistan24) — Iranian FM Abbas
    Araghchi" (also "New York (AFP) – Vice President Joe Biden", "NEW YORK -
    Donald Trump"), or a heading in capitals before a dash: the words after
    it (``loader.attribution.datelines.OPENERS``)."""
    rest = without_opener(subj.doc, keep)
    return rest if rest else keep


def _trim_punctuation(subj: Token, keep: list[int], cue_i: int | None) -> list[int]:
    """Edge punctuation, but the closing mark of a title ("host of “Morning
    Joe,”"), even one the parser hung just after the subject."""
    doc = subj.doc
    keep = list(keep)
    while keep and doc[keep[-1]].is_punct and doc[keep[-1]].text not in ")%":
        if _is_quote(doc[keep[-1]]) and any(_is_quote(doc[i]) for i in keep[:-1]):
            break
        keep.pop()
    if keep and sum(_is_quote(doc[i]) for i in keep) % 2:
        for j in range(keep[-1] + 1, min(keep[-1] + 3, len(doc))):
            if not doc[j].is_punct:
                break
            if _is_quote(doc[j]):
                keep.extend(range(keep[-1] + 1, j + 1))
                break
    while keep and doc[keep[0]].is_punct:
        keep.pop(0)
    return keep


# Applied in order to the subject's subtree.
SOURCE_TRIMMERS = (
    _cut_modifiers,
    _cut_deeper_report,
    _drop_edge_words,
    _drop_dateline,
    _trim_punctuation,
)


def _source_tokens(subj: Token, cue_i: int | None = None) -> list[int]:
    """The subject's subtree, edge punctuation and incidental modifiers aside.

    PolNeAR annotators keep appositives and most relative clauses on the source
    ("Chris Cox, who runs the NRA's lobbying arm,"); see ``_incidental`` for
    what they leave out, and ``SOURCE_TRIMMERS`` for the rest.
    """
    keep = subtree_ids(subj)
    for trim_source in SOURCE_TRIMMERS:
        keep = trim_source(subj, keep, cue_i)
    return keep


def _gerund_of_the_verbs_agent(tok: Token, cue: Token) -> bool:
    """Whether ``tok`` is a gerund under a preposition hung on a verb whose subject
    does it: any clause on the way up under ``SUBJECT_PREPS``, the cue itself also
    under ``OTHER_SUBJECT_PREPS``."""
    prep = tok.head
    if tok.dep_ != "pcomp" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    if prep.dep_ in ("prep", "agent") and prep.lower_ in SUBJECT_PREPS:
        return True
    return (
        tok is cue
        and tok.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.lower_ in OTHER_SUBJECT_PREPS
    )


def find_subject(verb: Token) -> Token | None:
    """The agent of a cue verb, looking through conjunctions and participles:
    up to four steps up the tree (``_subject_step``)."""
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    tok = verb
    for _ in range(4):
        done, tok = _subject_step(tok, verb)
        if done:
            return tok
    return None


def _subject_step(tok: Token, verb: Token) -> tuple[bool, Token | None]:
    """At ``tok`` (the cue, or a head above it): (True, the agent or None) when
    decided here, else (False, the token to look at next)."""
    agent = _agent(tok)
    if agent is not None:
        return True, agent
    # two subjects happen when a dateline parses as one: take the nearer
    subj = sorted((c for c in tok.children if c.dep_ in SUBJECTS), key=lambda c: abs(c.i - tok.i))
    if subj:
        return True, _named_subject(tok, verb, subj[0])
    controller = _controller(tok) if tok is verb else None
    if controller is not None:
        return True, controller
    if tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head is not tok:
        if tok.dep_ == "advcl" and verb.tag_ != "VBG" and not _infinitive(verb):
            return True, None
        return False, _climb(tok, verb)
    if _gerund_of_the_verbs_agent(tok, verb):
        # "hit back by suggesting ...", "objected to suggesting ...": the clause's agent
        return False, tok.head.head
    if tok is verb and tok.dep_ == "acl" and tok.tag_ == "VBG":
        if tok.head.pos_ in ("PROPN", "PRON", "NOUN"):
            return True, _participle_holder(tok.head)
    return _infinitive_holder(tok, verb)


def _controller(verb: Token) -> Token | None:
    """ "the loss led some allies to worry ...": the object of a verb of
    object control is the one who worries."""
    if verb.dep_ == "xcomp" and lemma_of(verb.head) in OBJECT_CONTROL:
        obj = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if obj:
            return obj[0]
    return None


def _agent(tok: Token) -> Token | None:
    """The object of a passive's "by" ("was criticized by the mayor")."""
    for child in tok.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _named_subject(tok: Token, verb: Token, s: Token) -> Token | None:
    """The subject ``s`` found at ``tok``, unless it is not who speaks.

    "The band was instructed to play": the passive subject is what the words are
    about (on train the gold source 35 times in 143; no source 85 times); "He's
    said" parses as a passive too, but is "he has said". "It's hard to answer
    no": no one (15 of 22 such on train). "Trump released a video that said
    ...": whoever put the thing out says it (train: 14 sources fixed, 2 broken).
    """
    contracted_has = any(c.dep_ == "auxpass" and c.lower_ in CLITIC_S for c in tok.children)
    if s.dep_ == "nsubjpass" and not contracted_has:
        return None
    if s.lower_ == "it" and verb.dep_ == "xcomp" and tok.i != verb.i:
        return None
    if (
        s.lower_ == "that"
        and tok.dep_ == "relcl"
        and tok.head.pos_ == "NOUN"
        and tok.head.dep_ == "dobj"
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        holder = find_subject(tok.head.head)
        if holder is not None:
            return holder
    return s


def _climb(tok: Token, verb: Token) -> Token:
    """The head to look at next from a conjunct, complement or adverbial clause.

    "warned that X could spread, stressing ...": the parser hung the participle
    on the reported clause; its agent is the reporter's (only when the reporter
    comes first; train: 5 sources fixed, 0 broken). Likewise "said she regretted
    it and promised to ...": the reporter was the gold source of such a
    coordinated cue 41 times on train, the reported clause's subject 4 times.
    """
    head = tok.head
    if (
        tok is verb
        and tok.dep_ in ("advcl", "conj")
        and head.dep_ == "ccomp"
        and lemma_of(head.head) in CUE_CLASS
        and head.head.i < head.i
    ):
        return head.head
    return head


def _infinitive_holder(tok: Token, verb: Token) -> tuple[bool, Token | None]:
    """ "gave a speech to defend himself", "has no evidence to suggest": the
    infinitive's agent is whoever has the object ("gave Beck an opportunity to
    oppose": whoever it was given to); anything else has no agent here."""
    if (
        tok is verb
        and tok.dep_ in ("acl", "relcl")
        and _infinitive(tok)
        and tok.head.dep_ == "dobj"
        and tok.head.head.pos_ in ("VERB", "AUX")
    ):
        dative = next((c for c in tok.head.head.children if c.dep_ == "dative"), None)
        if dative is not None:
            return True, dative
        return False, tok.head.head
    return True, None


def _participle_holder(noun: Token) -> Token | None:
    """Who holds "X saying ...": a name or pronoun X itself ("ended with Maddow
    asking"); for a medium, whoever issued it.

    "issued a statement saying": the issuer was the gold source 21 times on
    train, the noun 2 times; "her statement condemning": the possessor. Other
    common nouns ("groups supporting Cruz") were the gold source 56 times in
    107 but taking them lowered source F1 on train, so they give no source.
    """
    if noun.pos_ == "NOUN" and noun.lemma_.lower() in MEDIUM_NOUNS:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            issuer = find_subject(noun.head)
            if issuer is not None:
                return issuer
    return None if noun.pos_ == "NOUN" else noun


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "His office quoted him as saying that …": the one quoted says it, and the
    one quoting relays it (see ``_drop_nested``)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or lemma_of(prep.head) not in QUOTING_AS_VERBS:
        return None
    # the object, or the subject of the passive ("Sudani was quoted as saying")
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
