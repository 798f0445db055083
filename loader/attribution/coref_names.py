"""Names: "Sudani", "Masoud Pezeshkian, the Iranian president", "Sheikh Mohammed".

A run of proper nouns goes to the person the article introduced by that
surname (and given names), or introduces a person or body; the title written
before the name or in apposition becomes the description.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from loader.attribution.coref_entities import (
    Entity,
)
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_registry import Registry
from loader.attribution.coref_text import (
    honorific_gender,
    is_name_token,
    is_post_nominal,
    is_title,
    last_run,
    left_title,
    phrase_text,
    short_title,
    strip_phrase,
)
from loader.lexicon.bodies import ORG_HEADS
from loader.lexicon.function_words import (
    GROUP_NAME_DROPS,
)
from loader.lexicon.people import (
    GIVEN_NAME_TITLES,
    LONE_PARTICLES,
)
from loader.lexicon.places import KNOWN_PLACES
from loader.names import (
    country_stem,
    fold,
    name_tokens,
)


class _Apposition(NamedTuple):
    """A phrase with a comma: the words before it, after it, up to the next
    comma, and the name the words before it end with."""

    first: list[Token]
    rest: list[Token]
    name_part: list[Token]
    run: list[Token]


def _person_not_place(toks: list[Token], run: list[Token]) -> list[Token]:
    """ "Representative Charles B. Rangel of New York": the person, not the place."""
    if run and run[-1].ent_type_ in ("GPE", "LOC") and run[0].i > toks[0].i:
        people = [t for t in toks if t.ent_type_ == "PERSON" and t.i < run[0].i]
        if people:
            return last_run(people)
    return run


class NameRules:
    """Resolution of names and appositions (a part of ``Resolver``)."""

    doc: Doc
    reg: Registry
    _index: MentionIndex

    def _apposition(self, toks: list[Token]) -> Entity | None:
        """ "Masoud Pezeshkian, the Iranian president" / "The campaign chairman, Phil Lovas".

        The name before the first comma is the speaker whatever follows it
        ("Don Fowler, who helmed the DNC during Bill Clinton's presidency" is
        Fowler); a title there becomes the description. The first of the
        apposition shapes below that finds a speaker decides.
        """
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if not commas:
            return None
        first, rest = strip_phrase(toks[: commas[0]]), strip_phrase(toks[commas[0] + 1 :])
        if not first or not rest:
            return None
        appos = _Apposition(
            first,
            rest,
            strip_phrase(toks[commas[0] + 1 : commas[1]] if len(commas) > 1 else rest),
            self._trailing_name(first, loose=True),
        )
        for shape in (self._spokesperson_for, self._name_then_title, self._title_then_name):
            entity = shape(appos)
            if entity is not None:
                return entity
        return None

    def _spokesperson_for(self, appos: _Apposition) -> Entity | None:
        """ "A spokesperson for Guterres, Stephane Dujarric,": the name after the
        comma speaks; the one before is whom they speak for."""
        first, run, name_part = appos.first, appos.run, appos.name_part
        role_head = self.doc[first[0].i : first[-1].i + 1].root.pos_ == "NOUN"
        before = run[0].i - 1 if run else 0
        if before > 0 and self.doc[before].lower_ == "the":
            before -= 1  # "Iran's ambassador to the IAEA, Reza Najafi,"
        if not (run and role_head and self.doc[before].pos_ == "ADP"):
            return None
        only_a_name = all(t.pos_ == "PROPN" or t.is_punct or is_title(t) for t in name_part)
        if only_a_name and self._trailing_name(name_part, loose=True):
            entity = self._named(name_part, phrase_text(name_part))
            if entity is not None and entity.kind == "person":
                entity.add_description(phrase_text(first))
                return entity
        return None

    def _name_then_title(self, appos: _Apposition) -> Entity | None:
        """ "Masoud Pezeshkian, the Iranian president": the name before the comma."""
        if not appos.run:
            return None
        entity = self._named(appos.first, phrase_text(appos.first))
        if entity is not None:
            title = short_title(appos.rest)
            if title and entity.kind == "person":
                entity.add_description(phrase_text(title))
        return entity

    def _title_then_name(self, appos: _Apposition) -> Entity | None:
        """ "The campaign chairman, Phil Lovas", and "His Iranian counterpart,
        Abbas Araqchi,": a role that is no title still names the person after
        the comma."""
        first, name_part = appos.first, appos.name_part
        title = short_title(first)
        if not self._trailing_name(appos.rest, loose=True):
            return None
        root = self.doc[first[0].i : first[-1].i + 1].root
        role = (
            root.tag_ == "NN"
            and all(t.pos_ == "PROPN" or t.is_punct or is_title(t) for t in name_part)
            and any(t.ent_type_ == "PERSON" for t in name_part)  # not "…, Berkeley"
        )
        if not (title or role):
            return None
        entity = self._named(name_part, phrase_text(name_part))
        if entity is not None and entity.kind == "person":
            if title:
                entity.add_description(phrase_text(title))
            return entity
        return None

    def _named(self, toks: list[Token], text: str) -> Entity | None:
        """A person (or body) named by proper nouns, with any title before the name.

        A loosely tagged run ("Pezeshkian" as ADJ) counts only when it names
        someone introduced.
        """
        entity, run = self._name_run(toks)
        if not run:
            return None
        name = phrase_text(run)
        # only the title written right before the name, by the same rules as in the
        # registry ("the Syrian refugees President Obama" is titled "President")
        title = left_title(self.doc, run[0].i, toks[0].i)
        if entity is None and self._is_organization(toks, run):
            return self._named_body(toks, run, text)
        if entity is None:
            place = fold(name) in KNOWN_PLACES or country_stem(name) is not None
            if place and (len(run) == 1 or run[0].ent_type_ == "GPE"):
                return self.reg.organization(name)
            entity = self.reg.entity(name, "person")
        elif len(name_tokens(name)) > len(name_tokens(entity.name)) and entity.kind == "person":
            # the model missed the full name where the article first wrote it, so
            # the registry knew only "Clinton"; now the article says who that is
            entity.name = name
        entity.add_alias(name)
        if title and any(is_title(t) for t in title):
            entity.add_description(phrase_text(title))
        return entity

    def _name_run(self, toks: list[Token]) -> tuple[Entity | None, list[Token]]:
        """The name words a phrase ends with, and the introduced person they
        name (None when nobody introduced has that name)."""
        run = _person_not_place(toks, self._trailing_name(toks, loose=True))
        entity = self._given_name_match(run)
        if run and entity is None:
            entity = self._lookup(run)
        if entity is None:
            person_toks = last_run(
                [t for t in toks if t.ent_type_ == "PERSON" and is_name_token(t)]
            )
            run = self._trailing_name(toks) or person_toks
            if run:
                entity = self._lookup(run)
        return entity, run

    def _given_name_match(self, run: list[Token]) -> Entity | None:
        """ "Sheikh Mohammed": one given name after a Gulf or royal title."""
        given = [t for t in run if t.lower_ not in GIVEN_NAME_TITLES]
        if (
            len(given) == 1
            and given[0].i > 0
            and self.doc[given[0].i - 1].lower_ in GIVEN_NAME_TITLES
        ):
            return self.reg.match_given(given[0].text, given[0].i)
        return None

    def _named_body(self, toks: list[Token], run: list[Token], text: str) -> Entity:
        """A name nobody introduced as a person that is a body: "Lebanon's
        Hezbollah", "Iran's IRNA" are the body itself, so that it is one
        speaker with the articles that call it "Hezbollah"."""
        prefix = toks[: toks.index(run[0])] if run[0] in toks else []
        if (
            run[-1] is toks[-1]
            and len(prefix) >= 2
            and prefix[-1].tag_ == "POS"
            and all(t.ent_type_ in ("GPE", "LOC") or t.tag_ == "POS" for t in prefix)
        ):
            org = self.reg.organization(phrase_text(run))
            org.add_alias(text)
            return org
        return self.reg.organization(text)

    def _lookup(self, run: list[Token]) -> Entity | None:
        """The introduced person a run of name words names (an honorific before
        it says which gender), without introducing or renaming anyone."""
        return self.reg.match_person(
            phrase_text(run), honorific_gender(self.doc, run[0].i), run[0].i
        )

    def _name_after_title(self, toks: list[Token], head: Token) -> list[Token]:
        """The person's name right after a title, or after its comma."""
        i, last = head.i + 1, toks[-1].i
        if i <= last and self.doc[i].text == ",":
            i += 1
        run: list[Token] = []
        while i <= last and self.doc[i].ent_type_ == "PERSON":
            run.append(self.doc[i])
            i += 1
        return run

    def _trailing_name(self, toks: list[Token], loose: bool = False) -> list[Token]:
        """The run of name words the span ends with ("... Minister Fuad Hussein",
        "Jane Doe QC": the letters after the name are no part of it)."""
        run: list[Token] = []
        while toks and is_post_nominal(toks[-1]):
            toks = toks[:-1]
        for t in reversed(toks):
            if is_name_token(t, loose) and t.lower_ not in ORG_HEADS:
                run.insert(0, t)
            else:
                break
        while run and not run[0].text[:1].isalpha():
            run.pop(0)
        while run and run[0].lower_ in LONE_PARTICLES and len(run) == 1:
            run.pop(0)
        if not run:
            return []
        # "The Russian Foreign Ministry": a name run right before an org word is not a person
        return run

    def _group_name(self, toks: list[Token]) -> str:
        toks = [t for t in toks if t.lower_ not in GROUP_NAME_DROPS] or toks
        words = [toks[0].text if toks[0].pos_ == "PROPN" or toks[0].ent_type_ else toks[0].lower_]
        words += [t.text_with_ws for t in toks[1:]]
        text = words[0] + (toks[0].whitespace_ if len(toks) > 1 else "") + "".join(words[1:])
        return text.strip()
