"""Bodies and offices: "the ministry", "Salam's office", "a statement from X".

A body phrase goes to the body the article named with those role words
(``role_tokens``); a person's office or campaign is named after the person;
a statement speaks for whoever issued it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loader.attribution.coref_entities import (
    Entity,
)
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_registry import Registry
from loader.attribution.coref_text import (
    issuer_of,
    phrase_text,
    strip_phrase,
    without_clauses,
)
from loader.lexicon.bodies import ORG_HEADS, OWNERSHIP_WORDS
from loader.lexicon.function_words import (
    BACK_REFERRING,
    PERSON_POSSESSIVES,
)
from loader.names import (
    name_tokens,
    role_tokens,
)


class BodyRules:
    """Resolution of bodies, offices and statements (a part of ``Resolver``)."""

    doc: Doc
    reg: Registry
    _index: MentionIndex

    def _statement_back(self, toks: list[Token]) -> tuple[Entity, ...] | None:
        """ "…, the Turkish foreign ministry said. …, according to the statement":
        a statement named only by "the"/"this" is the one the article named
        before, with the speaker who issued it, or else the last one an earlier
        sentence reported, so it has that speaker."""
        if len(toks) != 1 or toks[0].i == 0:
            return None
        if self.doc[toks[0].i - 1].lower_ not in BACK_REFERRING:
            return None  # "a statement" is a new one
        t = self.reg.last_noun(toks[0].lemma_.lower(), toks[0].i - 1)
        if t is not None:
            # "according to a joint statement. … Araghchi told Al Jazeera … The
            # statement said": the statement named before, not the last speaker,
            # and nobody when nobody was said to have issued it
            sent = self.reg.sent_of[t.i]
            issuers = [m for m in self._index.in_sentence(sent) if m.speaker]
            if not issuers:
                issuer = issuer_of(t)
                if issuer is None:
                    return ()
                return self._resolve_tokens(strip_phrase(without_clauses(list(issuer.subtree))))
            return min(issuers, key=lambda m: abs(m.start - t.i)).entities
        m = self._recent(toks[0].i, lambda m: m.speaker)
        return m.entities if m is not None else None

    def _owned_body(self, toks: list[Token], head: Token) -> Entity | None:
        """ "Lebanese Prime Minister Nawaf Salam's office", later "Salam's office":
        a person's office or campaign, named after the person as the article
        resolves them, so that every way of writing it is one speaker."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        if owner.lower_ in PERSON_POSSESSIVES:
            # "…, his office said": the office of the man the article is on
            found = self._pronoun(owner)
            person = found[0] if len(found) == 1 else None
            written = None  # "his office" is no name to keep
        elif owner.pos_ == "PROPN":
            person = self._named_owner(owner)
            written = phrase_text(toks)
        else:
            return None
        if person is None or person.kind != "person" or person.role_only:
            return None
        rest = [t for t in toks if t.i > owner.right_edge.i and t.tag_ != "POS"]
        org = self.reg.organization(f"{person.name}'s {phrase_text(rest)}")
        if written is not None:
            org.add_alias(written)
        return org

    def _named_owner(self, owner: Token) -> Entity | None:
        """The introduced person an owner's name ("Salam's") names, only looked
        up: resolving it would rename or introduce people. None when the name
        is one surname several people have ("Clinton's campaign" beside Bill
        and Hillary: whose is not said)."""
        named = strip_phrase([t for t in owner.subtree if t.tag_ != "POS"])
        run = self._trailing_name(named, loose=True) if named else []
        if not run:
            return None
        person = self._lookup(run)
        words = name_tokens(phrase_text(run))
        if len(words) == 1 and (
            sum(
                1
                for e in self.reg.entities
                if e.kind == "person" and not e.role_only and name_tokens(e.name)[-1:] == words
            )
            > 1
        ):
            return None
        return person

    def _organization_phrase(self, toks: list[Token], text: str) -> Entity:
        """Bodies named ("the Russian Foreign Ministry") or referred to ("the ministry")."""
        lead = 0
        while (
            lead < len(toks)
            and (
                toks[lead].pos_ in ("ADJ", "DET", "ADV")
                or toks[lead].text == "-"
                or toks[lead].lower_ in OWNERSHIP_WORDS
            )
            and not toks[lead].text[:1].isupper()
        ):
            lead += 1
        if 0 < lead < len(toks) and toks[lead].pos_ == "PROPN":
            # "the official Saudi Press Agency", "semi-official Tasnim news agency":
            # how the outlet rates the body is not part of its name
            toks = toks[lead:]
            text = phrase_text(toks)
        roles = role_tokens(text)
        org = self._org_by_roles(roles, toks[0].i)
        if toks[0].text[:1].isupper() or any(t.pos_ == "PROPN" for t in toks):
            if org is not None and len(roles) <= len(org.roles):
                return org
            return self.reg.organization(text)
        if org is not None:
            return org
        return self.reg.entity(text, "organization", role_only=True)

    def _is_organization(self, toks: list[Token], run: list[Token]) -> bool:
        """Is a name nobody introduced as a person a body ("Hezbollah", "IRNA")?

        Articles introduce people with a full name before using a surname, so
        an unknown single word the model tags ORG or GPE, or an acronym, is
        taken for a body unless the article tags that word PERSON more often.
        """
        if any(t.lower_ in ORG_HEADS for t in toks[toks.index(run[0]) :]):
            return True
        label = run[-1].ent_type_
        glued = run[0].ent_iob_ == "I" and run[0].i > 0 and run[0].doc[run[0].i - 1].text == "-"
        if label == "ORG" and len(run) > 1 and run[0].ent_type_ == "ORG" and not glued:
            # (not "CLEVELAND - Donald Trump", a dateline the model glued to a name)
            return True
        if len(run) == 1 and (
            label in ("ORG", "GPE") or (run[0].text.isupper() and len(run[0]) > 1)
        ):
            word = run[0].text
            same = self.reg.entity_labels(word)
            return same.count("PERSON") <= same.count("ORG") + same.count("GPE")
        return False

    def _org_by_roles(self, roles: frozenset[str], before: int) -> Entity | None:
        candidates = [
            e
            for e in self.reg.entities
            if e.kind == "organization" and not e.role_only and roles <= e.roles
        ]
        return self.reg.most_recent(candidates, before)
