"""What one speaker phrase names, decided by its head word: ordered head rules.

"Clinton supporters" are a group, "the Clinton campaign" a body, "a
spokeswoman for Hillary Clinton" an unnamed person, "Donald Trump's tweet" and
"a Bloomberg poll" speak for their owner. ``Resolver._single`` tries
``HEAD_RULES`` in order on a ``Phrase``; the first rule that handles the
phrase decides (an entity, or ``None`` for "nobody"), and a rule that does not
handle it returns ``PASS``. To add a rule, write a function ``(resolver,
phrase) -> Entity | None | PASS`` and put it in the tuple where it must win
over the rules after it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from spacy.tokens import Token

from loader.attribution.coref_entities import Entity
from loader.attribution.coref_text import is_role, is_title, phrase_text, strip_phrase
from loader.lexicon.bodies import ORG_HEADS
from loader.lexicon.function_words import (
    CONJUNCTIONS,
    FOR_SOMEONE,
    INDEFINITE_ARTICLES,
    RELATIVE_PRONOUNS,
    UNNAMED_OPENERS,
)
from loader.lexicon.people import (
    AGE_NOUNS,
    AGE_WORDS,
    DESCRIPTIVE_ROLES,
    DIPLOMAT,
    GENDERED_NOUNS,
    REAL_NAME_WORDS,
    RELATIVE_NOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
)
from loader.lexicon.places import KNOWN_PLACES
from loader.lexicon.statements import PRODUCT_NOUNS, WORK_NOUNS
from loader.names import country_stem, fold

if TYPE_CHECKING:
    from loader.attribution.coref import Resolver


class _Pass:
    """The value of a head rule that does not handle the phrase."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "PASS"


PASS: Final = _Pass()
Decision = Entity | None | _Pass


@dataclass(frozen=True)
class Phrase:
    """One speaker phrase (parenthetical dropped) and its syntactic head."""

    toks: list[Token]
    text: str
    lowered: list[str]
    head: Token


def known_as(r: Resolver, p: Phrase) -> Decision:
    """ "Bonehead - real name Paul Arthurs -": the real name after the marker
    names the person (``coref_passes.known_as`` made the nickname theirs)."""
    words = tuple(p.lowered)
    width = len(REAL_NAME_WORDS)
    at = next(
        (k for k in range(len(words) - width) if words[k : k + width] == REAL_NAME_WORDS), None
    )
    if at is None:
        return PASS
    real = strip_phrase(p.toks[at + width :])
    found = r._lookup(real) if real else None
    return PASS if found is None else found


def owned_product(r: Resolver, p: Phrase) -> Decision:
    """ "Donald Trump's tweet", "a Bloomberg poll": the product's owner speaks;
    a product with no owner ("a new poll") names nobody."""
    if p.head.lower_ not in PRODUCT_NOUNS:
        return PASS
    owner = strip_phrase([t for t in p.toks if t.i < p.head.i and t.pos_ in ("PROPN", "PART")])
    owner = [t for t in owner if t.pos_ == "PROPN" or t.tag_ == "POS"]
    owner = strip_phrase(owner)
    return r._single(owner) if owner and owner != p.toks else None


def _work_noun(r: Resolver, p: Phrase) -> Token | None:
    """The work noun a phrase is headed by ("his new show") or that stands
    right before its title, inside the phrase or just before a title opening
    with "The" ("television series The Lanterns")."""
    head = p.head
    if head.lower_ in WORK_NOUNS and head.pos_ == "NOUN":
        return head
    if not head.text[:1].isupper():
        return None
    start = p.toks[0].i
    before = [t for t in p.toks if t.i < head.i]
    if start > 1 and r.doc[start - 1].text == "The":
        # "series The Lanterns", the phrase cut after the title's "The"; a
        # name after a plain work noun is a person ("the show Maria Lopes said")
        before = [r.doc[start - 2], r.doc[start - 1], *before]
    for k, t in enumerate(before):
        title = before[k + 1 :]
        if t.lower_ in WORK_NOUNS and t.text[:1].islower():
            if all(x.text[:1].isupper() for x in title):
                return t
    return None


def work(r: Resolver, p: Phrase) -> Decision:
    """ "his new show promises ...", "television series The Lanterns
    portrays ...": a work is no one's speech, so it names nobody, unless a
    body issues it as its medium ("the BBC documentary"), whose speaker is
    that body (``WORK_NOUNS``)."""
    noun = _work_noun(r, p)
    if noun is None:
        return PASS
    owner = strip_phrase([t for t in p.toks if t.i < noun.i and t.ent_type_ == "ORG"])
    return r._single(owner) if owner else None


def body(r: Resolver, p: Phrase) -> Decision:
    """ "the Russian Foreign Ministry", "Salam's office", "the ministry": a body."""
    if p.head.lower_ not in ORG_HEADS:
        return PASS
    owned = r._owned_body(p.toks, p.head)
    return owned if owned is not None else r._organization_phrase(p.toks, p.text)


# What may stand in a description before the name it describes: none of
# these ("the wife of X", "a spokesman for X", "the actress, married to X",
# "the boy who plays X") describes X.
_NOT_DESCRIPTION_POS = frozenset({"ADP", "VERB", "AUX", "CCONJ", "PRON", "SCONJ"})


def _is_description(before: list[Token]) -> bool:
    """Words that describe the name after them: a plain noun phrase ending
    in a lowercase noun or a role word ("former Rovers goalkeeper", "his
    wife and co-host"), with no capitalised title (titled names are for the
    rules after ``described_name``), preposition, verb, list or clause in it."""
    last = before[-1]
    if last.pos_ not in ("NOUN", "PROPN", "ADJ") or last.tag_ == "POS":
        return False
    if not (last.text[:1].islower() or is_role(last)):
        return False
    return not any(_breaks_description(t, before) for t in before)


def _breaks_description(t: Token, before: list[Token]) -> bool:
    """A word no description of one person holds: a title, a preposition, a
    verb, a clause, or a list of names ("Michael Wilson and ..."); "his wife
    and co-host" joins two descriptions of one person."""
    if t.lower_ in CONJUNCTIONS or t.pos_ == "CCONJ":
        return any(x.pos_ == "PROPN" for x in before if x.i < t.i)
    joined = t.text == "-" and not t.whitespace_ and not t.nbor(-1).whitespace_
    return (
        (is_title(t) and not t.text[:1].islower())  # "Prime Minister Sheikh ...": later rules
        or (t.pos_ in _NOT_DESCRIPTION_POS and t.tag_ != "PRP$")
        or not (t.text.isalnum() or t.tag_ == "POS" or joined)
        or t.lower_ in RELATIVE_PRONOUNS
    )


def described_name(r: Resolver, p: Phrase) -> Decision:
    """ "former Rovers goalkeeper Tom Baxter", "the fashion designer Ann Lee",
    "the theatre's marketing boss Matthew Hale", "his wife Patsy": a
    description ending in a person's name is that person, never a group; the
    words before the name become the description."""
    run = r._trailing_name(p.toks)
    if not run or run[0].i == p.toks[0].i:
        return PASS
    before = [t for t in p.toks if t.i < run[0].i]
    if not _is_description(before):
        return PASS
    entity = r._lookup(run)
    if entity is None and any(t.ent_type_ == "PERSON" for t in run):
        entity = r._named(run, phrase_text(run))
    elif entity is None and (before[-1].lower_ in RELATIVE_NOUNS or is_role(before[-1])):
        # "her grandmother Zeta", "singer Madonna": the word before says a
        # person is named, whatever the recogniser took the name for
        entity = r.reg.entity(phrase_text(run), "person")
    if entity is None or entity.kind != "person":
        return PASS
    entity.add_alias(phrase_text(run))
    if before[-1].pos_ == "NOUN" or any(is_role(t) for t in before):
        entity.add_description(phrase_text(strip_phrase(before)))
    return entity


def plural_group(r: Resolver, p: Phrase) -> Decision:
    """ "Clinton supporters", "Iraqi officials", "analysts", "Democrats": a group,
    unless the tagger's plural is an introduced surname ("Sanders") or a
    person's name ("Edmonds" the entity recogniser calls PERSON)."""
    head = p.head
    plural = head.tag_ == "NNS" or (head.tag_ == "NNPS" and head.ent_type_ in ("NORP", ""))
    if head.ent_type_ == "PERSON" and head.text[:1].isupper():
        return PASS
    if not plural or (
        head.text[:1].isupper() and r.reg.match_person(p.text, None, p.toks[0].i) is not None
    ):
        return PASS
    return r.reg.entity(r._group_name(p.toks), "group")


def owned_noun(r: Resolver, p: Phrase) -> Decision:
    """A noun a named owner has: "Iran's top diplomat Abbas Araqchi" is
    Araqchi, "Donald Trump's campaign manager" someone known by that role,
    "Ben Carson's wife" someone unnamed, "Trump's remarks" Trump."""
    head = p.head
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if head.pos_ != "NOUN" or owner is None or owner.pos_ != "PROPN":
        return PASS
    name = r._name_after_title(p.toks, head) if is_title(head) else []
    if name:
        # "Nevada's governor, Brian Sandoval, …": the title's owner is not who
        # speaks, the name is
        upto = [t for t in p.toks if t.i <= name[-1].i]
        found = r._named(upto, phrase_text(upto))
        if found is not None:
            return found
    if is_title(head):
        return r._role(p.toks)
    if head.lower_ in RELATIVE_NOUNS:
        return r.reg.entity(r._group_name(p.toks), "group")
    # "Clinton's attack on Trump": the owner speaks through it
    named = strip_phrase([t for t in owner.subtree if t.tag_ != "POS"])
    return r._single(named) if named and named != p.toks else None


def relation_of_named(r: Resolver, p: Phrase) -> Decision:
    """ "The wife of footballer Tom Baxter said": a definite relation of a
    named person is how news copy varies the name of someone it has just
    named, not Baxter and not a group: that person (``PronounRules._related``)
    when one fits, else the rules after (an unnamed relation)."""
    head, first = p.head, p.toks[0]
    definite = first.lower_ == "the" or (first.i > 0 and r.doc[first.i - 1].lower_ == "the")
    if not definite or head.lower_ not in RELATIVE_NOUNS or head.tag_ != "NN":
        return PASS
    if not any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return PASS
    run = r._trailing_name(p.toks)
    if not run:
        return PASS
    found = r._related(first.i, GENDERED_NOUNS.get(head.lower_), r._lookup(run))
    return PASS if found is None else found


def speaks_for_someone(r: Resolver, p: Phrase) -> Decision:
    """ "a spokeswoman for Hillary Clinton": someone unnamed, not Clinton; "the
    spokesman for the ministry" may have been named earlier."""
    head = p.head
    if head.pos_ != "NOUN" or not any(
        c.dep_ == "prep" and c.lower_ in FOR_SOMEONE for c in head.children
    ):
        return PASS
    toks = p.toks
    definite = toks[0].i > 0 and r.doc[toks[0].i - 1].lower_ == "the"
    if definite and is_title(head):
        found = r._role(toks[: [t.i for t in toks].index(head.i) + 1])
        if found is not None and not found.role_only:
            return found
    return r.reg.entity(r._group_name(toks), "group")


def name_in_modifier(r: Resolver, p: Phrase) -> Decision:
    """ "some of Clinton's allies", "a Clinton ally", "another source familiar
    with Cruz's thinking": a name in a modifier is not who speaks."""
    head = p.head
    partitive = head.pos_ in ("PRON", "DET", "NUM", "ADJ") and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in head.children
    )
    common = head.pos_ == "NOUN" and head.text[:1].islower() and not is_title(head)
    if not ((partitive or common) and any(t.pos_ == "PROPN" for t in p.toks)):
        return PASS
    return r.reg.entity(r._group_name(p.toks), "group")


def named(r: Resolver, p: Phrase) -> Decision:
    """A person or body named by proper nouns (``NameRules._named``)."""
    found = r._named(p.toks, p.text)
    return PASS if found is None else found


def place(r: Resolver, p: Phrase) -> Decision:
    """A place speaking for its government: "Iran said", "Damascus saying"."""
    if len(p.toks) <= 3 and all(t.pos_ == "PROPN" for t in p.toks):
        text = p.text
        if fold(text) in KNOWN_PLACES or country_stem(text) or p.toks[-1].ent_type_ == "GPE":
            return r.reg.organization(text)
    return PASS


def unnamed_people(r: Resolver, p: Phrase) -> Decision:
    """Unnamed people: "a senior official", "another source"."""
    toks = p.toks
    before = r.doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
    if (
        before in INDEFINITE_ARTICLES
        or p.lowered[0] in UNNAMED_OPENERS
        or p.head.lower_ in SOURCE_NOUNS
    ):
        return r.reg.entity(r._group_name(toks), "group")
    return PASS


def _by_trade_or_age(p: Phrase) -> bool:
    """ "singer", "beaming Oasis songwriter", "29-year-old", "youngster": a
    singular word of trade (not an office: "the minister" is for ``role``)
    or of age."""
    head = p.head
    if head.lower_ in AGE_NOUNS or (
        head.lower_ in DESCRIPTIVE_ROLES and head.lower_ not in TITLE_WORDS
    ):
        return head.tag_ == "NN"
    words = tuple(t.lower_ for t in p.toks)
    return any(
        words[k : k + len(AGE_WORDS)] == AGE_WORDS and p.toks[k - 1].like_num
        for k in range(1, len(words))
    )


def definite_description(r: Resolver, p: Phrase) -> Decision:
    """ "the singer", "the beaming Oasis songwriter", "the 29-year-old": a
    definite description by trade or age with no name in it is how news
    copy varies the name of someone it has just named: the nearest person
    named before (``PronounRules._described``), never a group of singers."""
    first = p.toks[0]
    definite = first.lower_ == "the" or (first.i > 0 and r.doc[first.i - 1].lower_ == "the")
    if not definite or not _by_trade_or_age(p):
        return PASS
    if any(t.tag_ == "POS" for t in p.toks):
        return PASS  # "the band's singer" is someone the band has, not who was named
    found = r._described(first.i, GENDERED_NOUNS.get(p.head.lower_))
    return PASS if found is None else found


def role(r: Resolver, p: Phrase) -> Decision:
    """A role: "the Iraqi top diplomat", "Iran's foreign minister", "the Republican"."""
    if any(is_title(t) for t in p.toks) or DIPLOMAT in p.lowered:
        return r._role(p.toks)
    return PASS


# In priority order: the first rule that handles a phrase decides.
HEAD_RULES: tuple[Callable[[Resolver, Phrase], Decision], ...] = (
    known_as,
    work,
    owned_product,
    body,
    described_name,
    plural_group,
    owned_noun,
    relation_of_named,
    speaks_for_someone,
    definite_description,
    name_in_modifier,
    named,
    place,
    unnamed_people,
    role,
)
