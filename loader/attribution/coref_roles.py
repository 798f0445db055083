"""Roles and titles: "the Iraqi top diplomat", "Iran's foreign minister".

A role phrase goes to the most recent person whose title has those role
words, or to the one person the article gives that role to; a role nobody
was introduced for stays a role (``role_only``), kept per article.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loader.attribution.coref_entities import (
    Entity,
    holds_roles,
)
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_registry import Registry
from loader.attribution.coref_text import (
    is_name_token,
    phrase_text,
)
from loader.lexicon.function_words import (
    DEFINITE_PLURALS,
)
from loader.lexicon.people import (
    SOFT_ROLE_WORDS,
)
from loader.lexicon.places import COUNTRIES
from loader.lexicon.statements import (
    REMARK_NOUNS,
    REMARK_VERBS,
)
from loader.names import (
    role_tokens,
)


def _remarks_maker(verb: Token) -> Token | None:
    """The subject of "made/delivered/gave the remarks", else None."""
    if verb.lemma_.lower() not in REMARK_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    remarks = next((c for c in verb.children if c.dep_ == "dobj"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        remarks is None
        or subject is None
        or remarks.lemma_.lower() not in REMARK_NOUNS
        or not any(d.lower_ in DEFINITE_PLURALS for d in remarks.lefts)
    ):
        return None
    return subject


class RoleRules:
    """Resolution of role and title phrases (a part of ``Resolver``)."""

    doc: Doc
    reg: Registry
    _index: MentionIndex

    def _role(self, toks: list[Token]) -> Entity:
        roles = role_tokens(phrase_text(toks))
        person = self._person_by_roles(roles, toks[0].i)
        if person is not None:
            return person
        role_text = self._group_name(toks)
        owner = self._remarks_owner(toks[0].i) or self._titled_later(roles)
        if owner is not None:
            owner.add_description(role_text)
            return owner
        return self.reg.entity(role_text, "person", role_text, role_only=True)

    def _titled_later(self, roles: frozenset[str]) -> Entity | None:
        """ "Israel's prime minister cautioned …" in the lede, and further down
        "Israeli Prime Minister Benjamin Netanyahu's office denied …": the
        article itself gives the role to one named person, so the lede's role
        is him. Only when exactly one person in the article carries every role
        word (and the country); a name with no title ("Abbas Araqchi told
        reporters") is never enough."""
        wanted = roles - SOFT_ROLE_WORDS
        if not wanted & COUNTRIES:
            # "the candidate", "the judge": a role with no country may be anyone
            # the article mentions without a title
            return None
        fits = [e for e in self.reg.entities if holds_roles(e, wanted)]
        return fits[0] if len(fits) == 1 else None

    def _remarks_owner(self, start: int) -> Entity | None:
        """ "Iraq's prime minister on Sunday rejected calls to disarm …" and then
        "Mohammed Shia al-Sudani made the remarks during a meeting …": agency copy
        gives only the role in its lede and names the official next, and the
        sentence saying who made the remarks is the link. Only a person the
        article has not named before, as the subject of "made/delivered the
        remarks" within the next two sentences; anything looser would hand a
        role to whoever happens to be named next."""
        here = self.reg.sent_of.get(start)
        if here is None:
            return None
        for sent in self.reg.sents[here + 1 : here + 3]:
            for verb in sent:
                subject = _remarks_maker(verb)
                if subject is None:
                    continue
                run = [t for t in subject.subtree if t.ent_type_ == "PERSON" and is_name_token(t)]
                entity = self.reg.match_person(phrase_text(run), None, run[0].i) if run else None
                named_before = entity is not None and any(
                    m.start < start for m in self._index.of_entity(entity)
                )
                if entity is not None and entity.kind == "person" and not named_before:
                    return entity
        return None

    def _person_by_roles(self, roles: frozenset[str], before: int) -> Entity | None:
        """The most recent person whose titles cover the role words.

        Words like "presidential" or "former" may be missing from the title the
        article gave ("the Republican presidential nominee" is "Republican
        nominee Donald Trump"); the rest, including any country, must match.
        """
        wanted = roles - SOFT_ROLE_WORDS

        def fits(e: Entity) -> bool:
            return holds_roles(e, wanted)

        # In the latest sentence that names one, the speaker or subject comes
        # first: after "Lavrov told Fidan …", "the minister" is Lavrov.
        index = self._index
        latest = [index.last_before(e, before) for e in self.reg.entities if fits(e)]
        sents = [m.sent for m in latest if m is not None]
        if not sents:
            return None
        last = max(sents)
        best = min(
            (
                m
                for m in index.in_sentence(last)
                if m.start < before and any(fits(e) for e in m.entities)
            ),
            key=lambda m: (not m.speaker, not m.subject, -m.start),
        )
        return next(e for e in best.entities if fits(e))
