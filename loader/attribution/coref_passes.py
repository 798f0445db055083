"""Building the registry of an article: named passes in a fixed order.

``Registry`` (``coref_registry``) runs ``BUILD_PASSES`` once per article.
Each pass is one step of finding who the article introduces: PERSON
entities, honorific names, one entity per person (full names first), gender,
canonical spellings, then every mention of people and bodies. A pass reads
what the passes before it left in the registry and in ``BuildState``; to add
one, write a function ``(registry, state) -> None`` and put it in the tuple
where what it needs is ready.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc

from loader.attribution.coref_entities import Entity
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_text import (
    after_dateline,
    apposed_gender,
    honorific_gender,
    is_name_token,
    is_role_word,
    is_subject,
    is_title_case,
    phrase_text,
    strip_phrase,
    text_of,
)
from loader.attribution.spans import positions_where
from loader.lexicon.bodies import ORG_HEADS
from loader.lexicon.people import (
    ASIDE_OPENERS,
    HONORIFICS,
    NAME_JOINERS,
    REAL_NAME_WORDS,
)
from loader.lexicon.places import LOCATIVE_PREPOSITIONS
from loader.lexicon.statements import WORK_NOUNS
from loader.names import (
    country_stem,
    fold,
    name_tokens,
)

if TYPE_CHECKING:
    from loader.attribution.coref_registry import Registry


@dataclass
class BuildState:
    """What the passes hand on to each other while one registry is built."""

    people: list[tuple[int, int]] = field(default_factory=list)  # token spans of names
    # Names in a Title Case headline ("Bernie Sanders Burns Hillary Clinton With
    # ...") run into the capitalised words around them, and a short quoted
    # slogan ("a shirt that read ''Fascist Trump''") is not how the article
    # names anyone, so both only mention people the text introduces.
    weak_names: list[tuple[int, int]] = field(default_factory=list)
    first_owner: dict[tuple[int, int], Entity] = field(default_factory=dict)
    canonical: dict[int, str] = field(default_factory=dict)  # id(entity) -> its name


def find_person_entities(reg: Registry, state: BuildState) -> None:
    """spaCy's PERSON entities, widened to the whole name; the weak ones apart."""
    title_case: dict[int, bool] = {}  # sentence -> is_title_case, asked once per sentence
    for ent in reg.doc.ents:
        if reg.hidden(ent.start_char, ent.end_char):
            continue
        if ent.label_ == "ORG":
            ent = after_dateline(ent)  # "CLEVELAND - Donald Trump" tagged ORG
        if ent.label_ == "PERSON":
            start, end = reg.extend_person(ent)
            if end > start and any(reg.doc[i].text[:1].isupper() for i in range(start, end)):
                n = reg.sent_of[start]
                if n not in title_case:
                    title_case[n] = is_title_case(reg.sents[n])
                weak = title_case[n] or reg.is_slogan(start, end)
                (state.weak_names if weak else state.people).append((start, end))


def _not_a_person_here(reg: Registry, start: int, end: int) -> bool:
    """ "the drama Rivers And Roads", "at Wembley", "a train from Millbury to
    Leeds": a name right after a work noun is the work's title, one right
    after a locative preposition (``WORK_NOUNS``, ``LOCATIVE_PREPOSITIONS``)
    a place; "from" and "to" only in "from X to Y" ("a letter from Tony
    Blair" is his),
    and never a name with a possessive ("in Tony Blair's view")."""
    doc = reg.doc
    if start == 0 or (end < len(doc) and doc[end].tag_ == "POS"):
        return False
    if is_subject(doc[start:end].root):
        return False  # "After the show Sir Paul said": the subject of a verb is someone
    word = doc[start - 1].lower_
    if word == "from":
        return end < len(doc) and doc[end].lower_ == "to"
    if word == "to":  # "from Millbury to Leeds"
        return any(t.lower_ == "from" for t in doc[max(start - 5, 0) : start - 1])
    return word in WORK_NOUNS or word in LOCATIVE_PREPOSITIONS


def drop_titles_and_places(reg: Registry, state: BuildState) -> None:
    """The recogniser calls a show, a song or a station a PERSON ("Rivers And
    Roads", "Euston"); a name the article writes only where a title or a place
    stands (``_not_a_person_here``) introduces nobody, so no pronoun or
    description can refer to it. One written once as a person anywhere
    ("Tony Blair said" after "in Tony Blair's view") stays."""
    texts: dict[str, bool] = {}
    for start, end in state.people:
        key = fold(reg.span_text(start, end))
        texts[key] = texts.get(key, True) and _not_a_person_here(reg, start, end)
    state.people = [
        (start, end) for start, end in state.people if not texts[fold(reg.span_text(start, end))]
    ]


def _capitals_opening(reg: Registry, toks: list) -> bool:
    """ "HELEN Flanagan has beaten ...", "CATHERINE Zeta Jones": a paper opens a
    story with the first word in capitals, and the recogniser often calls the
    name a body. A person when the rest are Title-case proper nouns, no body
    word is in it, and the article calls the first word, written in Title
    case, a person elsewhere ("Helen said ...")."""
    first, rest = toks[0], toks[1:]
    if not (2 <= len(toks) <= 4 and first.is_alpha and len(first) > 1 and first.text.isupper()):
        return False
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return False
    if any(t.lower_ in ORG_HEADS for t in toks):
        return False
    return "PERSON" in reg.entity_labels(first.text.title())


def find_capitals_names(reg: Registry, state: BuildState) -> None:
    """A name in capitals the recogniser took for a body (``_capitals_opening``)."""
    for ent in reg.doc.ents:
        if ent.label_ == "ORG" and not reg.hidden(ent.start_char, ent.end_char):
            if _capitals_opening(reg, list(ent)):
                state.people.append((ent.start, ent.end))


def _capitals_lede(reg: Registry, sent) -> tuple[int, int] | None:
    """ "PAUL SMITH last night made ...": the name a paper's story opens with,
    wholly in capitals (two or three words, then a word in lower case), when
    the article calls its first word, in Title case, a person elsewhere."""
    toks = [t for t in sent[:6] if not t.is_space]
    run = 0
    while run < len(toks) and toks[run].is_alpha and len(toks[run]) > 1 and toks[run].is_upper:
        run += 1
    if not 2 <= run <= 3 or run == len(toks) or not toks[run].text[:1].islower():
        return None
    if "PERSON" not in reg.entity_labels(toks[0].text.title()):
        return None
    return toks[0].i, toks[run - 1].i + 1


def find_capitals_ledes(reg: Registry, state: BuildState) -> None:
    """Names a story opens with in capitals (``_capitals_lede``) are people."""
    taken = {i for start, end in state.people for i in range(start, end)}
    for sent in reg.sents:
        span = _capitals_lede(reg, sent)
        if span is None or taken & set(range(*span)):
            continue
        if not reg.hidden(reg.doc[span[0]].idx, reg.doc[span[1] - 1].idx + 1):
            state.people.append(span)


def _honorific(lower: str) -> bool:
    """A title only people carry ("mr.", "mrs"), on a token's lower-case form."""
    return lower.rstrip(".") in HONORIFICS


def find_honorific_names(reg: Registry, state: BuildState) -> None:
    """ "Mr. Lavrov", "Ms. Baerbock", "Dr Quimby": a title that only people
    carry makes a person of the name after it, even where the recogniser
    tagged the two words as an organisation ("Dr Quimby said ...") or
    nothing; a name it tagged as a person is taken already."""
    doc = reg.doc
    taken = {i for s, e in state.people for i in range(s, e)}
    for i in positions_where(doc, LOWER, _honorific):
        if i + 1 >= len(doc):
            continue
        nxt = doc[i + 1]
        if is_name_token(nxt) and nxt.i not in taken:
            end = nxt.i + 1
            while end < len(doc) and is_name_token(doc[end]) and doc[end].text != "-":
                end += 1
            if not reg.hidden(nxt.idx, doc[end - 1].idx + len(doc[end - 1])):
                state.people.append((nxt.i, end))


def introduce_people(reg: Registry, state: BuildState) -> None:
    """One entity per person, full names first so that a surname met earlier
    still finds its owner."""
    for start, end in sorted(
        state.people, key=lambda se: (-(len(name_tokens(reg.span_text(*se)))), se)
    ):
        text = reg.span_text(start, end)
        entity = reg.match_person(text)
        if entity is None:
            entity = Entity(text, "person")
            reg.entities.append(entity)
        elif len(name_tokens(text)) > len(name_tokens(entity.name)):
            entity.name = text
        state.first_owner[(start, end)] = entity
        entity.add_alias(text)
        if len(name_tokens(text)) > 1:
            entity.forms[text] += 1


def _name_run(reg: Registry, start: int, step: int) -> list[int]:
    """Token indices of the name written from ``start`` on, going ``step``."""
    doc, run, i = reg.doc, [], start
    while 0 <= i < len(doc) and is_name_token(doc[i], loose=True):
        run.append(i)
        i += step
    return sorted(run)


REAL_NAME = re.compile(r"\b" + r"\s+".join(REAL_NAME_WORDS) + r"\b", re.IGNORECASE)


def known_as(reg: Registry, state: BuildState) -> None:
    """ "Bonehead - real name Paul Arthurs -", "Sting (real name Gordon
    Sumner)": the nickname and the real name are one person, known by the
    real name; the nickname is an alias and its every mention is them."""
    doc, width = reg.doc, len(REAL_NAME_WORDS)
    if not REAL_NAME.search(text_of(doc)):
        return
    for k in range(2, len(doc) - width):
        if doc[k].lower_ != REAL_NAME_WORDS[0]:
            continue
        if tuple(doc[k + n].lower_ for n in range(width)) != REAL_NAME_WORDS:
            continue
        if doc[k - 1].text not in ASIDE_OPENERS:
            continue
        nick, real = _name_run(reg, k - 2, -1), _name_run(reg, k + width, 1)
        if not nick or not real:
            continue
        span = (real[0], real[-1] + 1)
        person = reg.match_person(reg.span_text(*span))
        if person is None:
            # what follows "real name" is a person's name, whatever the
            # recogniser took it for
            person = reg.entity(reg.span_text(*span), "person")
            state.people.append(span)
            state.first_owner[span] = person
        nick_text = reg.span_text(nick[0], nick[-1] + 1)
        other = reg.match_person(nick_text)
        if other is not None and other is not person and len(name_tokens(other.name)) == 1:
            reg.entities.remove(other)  # the recogniser's own entity for the nickname
            for key, owner in state.first_owner.items():
                if owner is other:
                    state.first_owner[key] = person
        person.add_alias(nick_text)
        reg.nicknames[fold(nick_text)] = person


def adopt_weak_names(reg: Registry, state: BuildState) -> None:
    """A headline's or slogan's name counts when it names someone introduced."""
    for start, end in state.weak_names:
        entity = reg.match_person(reg.span_text(start, end))
        if entity is not None and len(name_tokens(reg.span_text(start, end))) <= len(
            name_tokens(entity.name)
        ):
            state.first_owner[(start, end)] = entity
            state.people.append((start, end))


def gender_from_full_names(reg: Registry, state: BuildState) -> None:
    """Before any "Mrs. Clinton" is matched: the gender the pronouns after a full
    name give ("Hillary Clinton said her ..."), so that with a Bill and a
    Hillary Clinton in one article the honorific picks the right one.
    A noun beside the name ("Bill Clinton, her husband,") is surer than any vote."""
    for (s, e), entity in state.first_owner.items():
        if entity.gender is None:
            entity.gender = apposed_gender(reg.doc, s, e, reg.sents[reg.sent_of[s]])
    owner = state.first_owner
    reg.vote_gender([(s, e, owner[(s, e)]) for s, e in state.people if (s, e) in owner], full=True)


def _in_capitals(name: str) -> bool:
    """ "HELEN Carter": a paper's opening words in capitals, not how the name is spelt."""
    return any(len(w) > 1 and w.isalpha() and w.isupper() for w in name.split())


def _recased(reg: Registry, name: str) -> str:
    """ "HELEN Flanagan" -> "Helen Flanagan" where the article writes "Helen"
    as a name elsewhere; a word only ever in capitals stays as written."""
    words = [
        w.title()
        if len(w) > 1 and w.isalpha() and w.isupper() and reg.entity_labels(w.title())
        else w
        for w in name.split(" ")
    ]
    return " ".join(words)


def choose_spellings(reg: Registry, state: BuildState) -> None:
    """The spelling written most often is the name; a stray longer form
    ("Crooked Hillary Clinton" in a quoted nickname) is only an alias, and
    among equals one not in capitals wins. Also
    where each full name is first written."""
    for entity in reg.entities:
        if entity.forms:
            best = max(
                entity.forms.items(), key=lambda kv: (kv[1], not _in_capitals(kv[0]), len(kv[0]))
            )[0]
            state.canonical[id(entity)] = _recased(reg, best) if _in_capitals(best) else best
    for (start, end), entity in sorted(state.first_owner.items()):
        if len(name_tokens(reg.span_text(start, end))) > 1:
            reg.first_at.setdefault(id(entity), start)


def mention_people(reg: Registry, state: BuildState) -> None:
    """Every name found is a mention of its person, with the title beside it."""
    for start, end in sorted(state.people):
        honorific = honorific_gender(reg.doc, start)
        entity = (
            reg.match_person(reg.span_text(start, end), honorific, start)
            or state.first_owner[(start, end)]
        )  # a "name" with no name words ("Al-")
        if honorific and entity.gender is None:
            entity.gender = honorific  # so the next "Mrs. Clinton" finds her at once
        reg.describe(entity, start, end)
        reg.add_mention(start, end, (entity,))
    for start, _end in sorted(state.people):
        reg.borrow_counterpart_title(start)


def _may_be_name(doc: Doc) -> set[int]:
    """Tokens ``is_name_token`` can hold for (a cheap first look: most words of
    an article are in lower case, and asking ``is_name_token`` of each is slow)."""
    return set(positions_where(doc, ORTH, _capital_or_dash)) | set(
        positions_where(doc, LOWER, _joiner_or_role)
    )


def _capital_or_dash(text: str) -> bool:
    """A word that may start or join a name as written ("Blair", "-")."""
    return text[:1].isupper() or text == "-"


def _joiner_or_role(lower: str) -> bool:
    """A lower-case word a name run may hold ("bin", "van") or a role before it."""
    return lower in NAME_JOINERS or is_role_word(lower)


def _surname_run(doc: Doc, i: int, maybe: set[int], covered: set[int]) -> int:
    """Where the run of name words from ``i`` ends (``i`` when none starts there)."""
    if i in covered or i not in maybe or doc[i].text == "-" or not is_name_token(doc[i], True):
        return i
    j = i + 1  # token i was just found to be a name word
    while j < len(doc) and j in maybe and j not in covered and is_name_token(doc[j], True):
        j += 1
    while j > i and not doc[j - 1].text[-1:].isalpha():
        j -= 1
    return j


def mention_surnames(reg: Registry, state: BuildState) -> None:
    """Other proper-noun runs that are surnames of someone introduced."""
    doc = reg.doc
    covered = {i for m in reg.mentions for i in range(m.start, m.end)}
    maybe = _may_be_name(doc)
    free = 0  # the first token no run found so far holds
    for i in sorted(maybe):  # a run starts only at a token that may be a name
        if i < free:
            continue
        j = _surname_run(doc, i, maybe, covered)
        if j > i and not reg.hidden(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])):
            text = reg.span_text(i, j)
            entity = reg.match_person(text, honorific_gender(doc, i), i)
            if entity is not None:
                entity.add_alias(text)
                reg.add_mention(i, j, (entity,))
        free = max(j, i + 1)


def _org_start(doc: Doc, start: int) -> int:
    """Where a body's name starts: with its nationality ("Iranian Foreign
    Ministry") and its owner ("Iran's Foreign Ministry": whose ministry it is)."""
    while start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].pos_ == "ADJ":
        start -= 1
    if start > 1 and doc[start - 1].tag_ == "POS" and country_stem(doc[start - 2].text) is not None:
        start -= 2
    return start


def mention_bodies(reg: Registry, state: BuildState) -> None:
    """ORG entities that hold a body word; the small model calls many surnames
    ORG, so only org words are trusted."""
    doc = reg.doc
    for ent in doc.ents:
        if ent.label_ == "ORG" and not reg.hidden(ent.start_char, ent.end_char):
            toks = strip_phrase(list(doc[_org_start(doc, ent.start) : ent.end]))
            if not toks or reg.match_person(phrase_text(toks)) is not None:
                continue
            if not any(t.lower_ in ORG_HEADS for t in toks):
                continue
            entity = reg.organization(phrase_text(toks))
            reg.add_mention(toks[0].i, toks[-1].i + 1, (entity,))


def finish(reg: Registry, state: BuildState) -> None:
    """Mentions in text order, names as most often written, genders settled."""
    reg.mentions.sort(key=lambda m: m.start)
    reg.index = MentionIndex(reg.mentions)
    for entity in reg.entities:
        if id(entity) in state.canonical:
            entity.name = state.canonical[id(entity)]
    reg.find_gender()


# The registry is built by these passes, in this order; each reads what the
# ones before it left in the registry and the state.
BUILD_PASSES = (
    find_person_entities,
    find_capitals_names,
    find_capitals_ledes,
    drop_titles_and_places,
    find_honorific_names,
    introduce_people,
    known_as,
    adopt_weak_names,
    gender_from_full_names,
    choose_spellings,
    mention_people,
    mention_surnames,
    mention_bodies,
    finish,
)


def build(reg: Registry) -> None:
    """Run every pass of ``BUILD_PASSES`` over a new registry."""
    state = BuildState()
    for build_pass in BUILD_PASSES:
        build_pass(reg, state)
