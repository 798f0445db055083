"""Pronouns and plural references: "he", "they", "both ministers", "the Clintons".

A pronoun goes to the nearest compatible earlier mention, preferring sentence
subjects and earlier speakers (a simple Hobbs-style search, sentence by
sentence backwards); a plural reference to a joint speaker or body mentioned
just before. Nothing is guessed: no antecedent leaves the speaker unknown.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from loader.attribution.coref_entities import (
    Entity,
    Mention,
    holds_roles,
    one_organization,
    one_person,
    one_unnamed_of,
)
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_registry import Registry
from loader.attribution.coref_text import (
    issuer_of,
    phrase_text,
    strip_phrase,
    without_clauses,
)
from loader.lexicon.function_words import (
    FEMALE,
    MALE,
    NEUTER,
    PAIR_WORDS,
    PLURAL,
    RELATIVE_PRONOUNS,
)
from loader.lexicon.people import (
    AGE_NOUNS,
    DESCRIPTIVE_ROLES,
    DIPLOMAT,
    DIPLOMATIC_ROLES,
    GENDERED_NOUNS,
    GENERIC_PLURAL_HEADS,
    PLURAL_ROLES,
    TITLE_WORDS,
)
from loader.lexicon.statements import STATEMENT_NOUNS
from loader.names import (
    country_stem,
    fold,
    name_tokens,
    role_tokens,
)

BACK_SENTENCES = 6  # how far back a pronoun looks for its antecedent


# Dependents that belong to a noun's own phrase ("the band's label", "Paul
# Arthurs"), unlike the clauses and asides hung on it.
_PHRASE_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "case"})


def noun_phrase(head: Token) -> list[Token]:
    """A noun with the words of its own phrase before it, no clause or aside
    ("Arthurs - who was in an early line-up - issued ...": "Arthurs"); the
    name in apposition to a description ("the singer Ann Lee": "Ann Lee")."""
    named = [t for t in head.rights if t.dep_ == "appos" and t.pos_ == "PROPN"]
    if head.pos_ == "NOUN" and named:
        head = named[0]
    lefts = [t.left_edge.i for t in head.lefts if t.dep_ in _PHRASE_DEPS]
    return strip_phrase(list(head.doc[min(lefts, default=head.i) : head.i + 1]))


def description_subject(sent) -> Token | None:
    """The subject of a sentence when it is a definite description by trade
    or age with no name ("the actress, who has featured in ...", "the
    youngster"): its noun."""
    for tok in sent:
        # a sentence the parser could not build around its verb leaves the
        # subject as its root ("the actress, who ..., will be seen")
        if tok.dep_ not in ("nsubj", "nsubjpass", "ROOT") or tok.tag_ != "NN":
            continue
        trade = tok.lower_ in DESCRIPTIVE_ROLES and tok.lower_ not in TITLE_WORDS
        if not (trade or tok.lower_ in AGE_NOUNS):
            return None
        if tok.head.lemma_ == "be" and tok.dep_ != "ROOT":
            return None  # "The actor in question was Connery": it names another
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        named = any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in tok.children)
        return tok if definite and not named else None
    return None


class PronounRules:
    """Resolution of pronouns and plural references (a part of ``Resolver``)."""

    doc: Doc
    reg: Registry
    _index: MentionIndex
    _quoted_sentences: frozenset[int]  # sentences wholly inside quotation marks
    _named_in_content: frozenset[int]  # ids of the entities the content names

    # -- pronouns and plural references --------------------------------------
    def _pronoun(self, tok: Token) -> tuple[Entity, ...]:
        word = tok.lower_
        if word in MALE or word in FEMALE:
            want = "m" if word in MALE else "f"
            bound = self._bound_subject(tok, lambda m: one_person(m, want))
            entity = bound.entities[0] if bound else self._antecedent(tok.i, want)
            if entity is not None and entity.gender is None:
                entity.gender = want
            return (entity,) if entity else ()
        if word in PLURAL:
            return self._plural_antecedent(tok.i, None)
        if word in RELATIVE_PRONOUNS:
            return self._relative(tok)
        if word in NEUTER:
            org = self._bound_subject(tok, one_organization)
            if org is not None:
                return org.entities
            said = self._statement_antecedent(tok.i)
            if said is not None:
                return said
            body = self._body_antecedent(tok.i)
            return (body,) if body is not None else ()
        return ()

    def _statement_antecedent(self, before: int) -> tuple[Entity, ...] | None:
        """ "The statement goes on to wish them well. It concludes: ...", "X
        issued a statement. It read: ...": "it" after a sentence whose report
        is a statement's, or that says who issued one, is that statement, and
        speaks for whoever it was resolved to or issued it; only the nearest
        sentence outside quotes counts."""
        for n in self._sentences_back(before):
            if n in self._quoted_sentences:
                continue
            for m in self._index.in_sentence(n):
                words = {t.lemma_.lower() for t in self.doc[m.start : m.end]}
                if m.speaker and words & STATEMENT_NOUNS:
                    return m.entities
            return self._issued_in(self.reg.sents[n])
        return None

    def _issued_in(self, sent) -> tuple[Entity, ...] | None:
        """ "X issued a statement through his label. It read: ...": the issuer
        of the last statement a sentence says someone put out."""
        for tok in reversed(list(sent)):
            if tok.lemma_.lower() in STATEMENT_NOUNS and tok.pos_ == "NOUN":
                issuer = issuer_of(tok)
                if issuer is None or not issuer.is_alpha:
                    return None  # the parser took a wire copy's "_" dash for a noun
                found = self._resolve_tokens(noun_phrase(issuer))
                return found or None
        return None

    def _body_antecedent(self, before: int) -> Entity | None:
        """What "it" refers to: the nearest body mentioned, sentence by sentence
        back; in a sentence with none, outside quotes, an organisation the
        recogniser found that the text writes with "the" ("Viewers complained
        to the BBC. In a statement it said"; a bare capitalised word it calls
        ORG is often a surname, and only ORGs with a body word are mentions)."""
        for n in self._sentences_back(before):
            found = [m for m in self._index.in_sentence(n) if one_organization(m)]
            if found:
                return min(found, key=lambda m: (not m.speaker, not m.subject, m.start)).entities[0]
            if n not in self._quoted_sentences:
                named = self._the_organization(self.reg.sents[n])
                if named is not None:
                    return named
        return None

    def _the_organization(self, sent) -> Entity | None:
        """The last ORG entity of a sentence written with "the", not a person's name."""
        doc = self.doc
        found = [
            e
            for e in sent.ents
            if e.label_ == "ORG"
            and e.start > 0
            and doc[e.start - 1].lower_ == "the"
            and self.reg.match_person(e.text) is None
        ]
        if not found:
            return None
        return self.reg.organization(phrase_text(strip_phrase(list(found[-1]))))

    def _relative(self, tok: Token) -> tuple[Entity, ...]:
        """ "Arthur Baker, who says:", "a curt statement, which said:": a
        relative pronoun speaks for the noun its clause hangs from, the
        person or body mentioned there, or for a statement's issuer ("The
        BBC issued a statement, which said"). Nothing when the clause hangs
        from nothing the article names."""
        clause = tok.head
        if clause.dep_ != "relcl" or clause.head.i >= tok.i:
            return ()
        noun = clause.head
        if noun.lemma_.lower() in STATEMENT_NOUNS:
            issuer = issuer_of(noun)
            if issuer is None:
                return ()
            phrase = strip_phrase(without_clauses(list(issuer.subtree)))
        else:
            m = next(iter(self._index.covering(noun.i)), None)
            if m is not None:
                return m.entities
            phrase = strip_phrase([t for t in noun.subtree if t.i < tok.i])
        return self._resolve_tokens(phrase) if phrase else ()

    def _family(self, toks: list[Token]) -> Entity | None:
        """ "Yemen's Houthis", "the Clintons": the plural of a surname the article
        gives someone is a group named after them, not that person (the
        near-spelling match took "Houthis" for Abdul Malik al-Houthi)."""
        last = toks[-1]
        if len(toks) > 3 or not (
            last.pos_ == "PROPN" and last.text.endswith("s") and len(last) > 3
        ):
            return None  # not "People close to the Clintons"
        prev = toks[-2] if len(toks) > 1 else (self.doc[last.i - 1] if last.i > 0 else None)
        owned = prev is not None and (prev.lower_ == "the" or prev.tag_ == "POS")
        if len(toks) > 1 and not owned:
            return None
        people = [name_tokens(e.name) for e in self.reg.entities if e.kind == "person"]
        plural_of = [fold(last.text[:-1])] in (words[-1:] for words in people)
        surname = any(len(words) > 1 and words[-1] == fold(last.text) for words in people)
        if not plural_of and (not owned or surname):
            return None  # "Sanders said" after Bernie Sanders: a surname
        return self.reg.entity(phrase_text(toks), "group")

    def _bound_subject(self, tok: Token, fits) -> Mention | None:
        """The subject of the clause a pronoun's own clause hangs in.

        "Ankara accuses Baghdad of failing to rein in the PKK, which it
        considers a terrorist group", "the ministry protested what it called
        violations": the pronoun is the sentence's own subject, not whoever
        the sentence before named (the looking back gave the PKK's "it" to
        the regional government named a paragraph earlier). Only the nearest
        subject counts, and only when it fits the pronoun and is named.
        """
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        node = tok.head
        while node.head.i != node.i:
            node = node.head
            # the last one: "BAGHDAD (AP) — Iraq's Foreign Ministry summoned" has two
            subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i < tok.i]
            if not subjects:
                continue
            subject = subjects[-1]
            m = next((m for m in self._index.covering(subject.i) if m.end <= tok.i), None)
            # a role the article has not tied to a name ("the Ohio governor, but
            # he said") is left to the sentences before, which name the person
            if m is None or not fits(m) or m.entities[0].role_only:
                return None
            return m
        return None

    def _sentences_back(self, before: int) -> list[int]:
        """The sentences a reference looks back through, nearest first: the
        ``BACK_SENTENCES`` before the one holding ``before``, not counting
        those wholly inside quotation marks. "He added:" after a quote of
        eight sentences refers to whoever said it, named before the quote
        (a long quote used up the whole window and left "he" unresolved)."""
        out: list[int] = []
        counted = 0
        for n in range(self.reg.sent_of[before] - 1, -1, -1):
            out.append(n)
            counted += n not in self._quoted_sentences
            if counted == BACK_SENTENCES:
                break
        return out

    def _recent(self, before: int, accept, prefer=lambda m: False) -> Mention | None:
        """The nearest earlier mention that ``accept`` takes, within a few sentences;
        within one sentence ``prefer``red mentions first, then speakers, then subjects."""
        for n in self._sentences_back(before):
            in_sent = [m for m in self._index.in_sentence(n) if accept(m)]
            if not in_sent:
                continue
            ordered = sorted(
                in_sent, key=lambda m: (not prefer(m), not m.speaker, not m.subject, m.start)
            )
            return ordered[0]
        return None

    def _antecedent(self, before: int, gender: str) -> Entity | None:
        # "Donald Trump arrived with Melania Trump, his wife. She said": a person
        # known to be of that gender before one whose gender is unknown
        m = self._recent(
            before,
            lambda m: (
                (one_person(m, gender) or one_unnamed_of(m, gender))
                and id(m.entities[0]) not in self._named_in_content
            ),
            prefer=lambda m: m.entities[0].gender == gender,
        )
        described = self._described_subject(before, gender, m)
        if described is not None and id(described) not in self._named_in_content:
            return described
        return m.entities[0] if m else None

    def _described_subject(self, before: int, gender: str, found: Mention | None) -> Entity | None:
        """ "Next month the actress will be seen alongside Jo Kirk. ... she
        said": a sentence whose subject is a definite description by trade
        ("the actress") is about the person it describes
        (``PronounRules._described``), who comes before anyone else named in
        it, but not before a subject or speaker named in it or nearer."""
        for n in self._sentences_back(before):
            if found is not None and (
                n < found.sent or (n == found.sent and (found.subject or found.speaker))
            ):
                return None
            subject = description_subject(self.reg.sents[n])
            if subject is None:
                continue
            if GENDERED_NOUNS.get(subject.lower_, gender) != gender:
                return None
            return self._described(subject.i, gender)
        return None

    def _described(self, before: int, gender: str | None) -> Entity | None:
        """The person a definite description ("the singer") refers to: the
        nearest person named in full, known to be of the noun's gender ("the
        actress"; any, when the word has none), in the sentences before,
        speakers and subjects first."""

        def named_person(m: Mention) -> bool:
            # named in full: a one-word "person" is often a band or a place
            # the recogniser took for one ("Beatles", "Euston")
            e = m.entities[0]
            return (
                len(m.entities) == 1
                and e.kind == "person"
                and not e.role_only
                and len(name_tokens(e.name)) > 1
                and (gender is None or e.gender == gender)
            )

        m = self._recent(before, named_person)
        return m.entities[0] if m else None

    def _related(self, before: int, gender: str | None, other: Entity | None) -> Entity | None:
        """The person "the wife of X" refers to: the nearest person before
        who is not X, known to be of the noun's gender, or of unknown gender
        and the subject or speaker of their sentence ("Posh made the
        admission. The wife of the footballer said:")."""

        def fits(m: Mention) -> bool:
            e = m.entities[0]
            if len(m.entities) != 1 or e.kind != "person" or e.role_only or e is other:
                return False
            return (gender is None or e.gender == gender) or (
                e.gender is None and (m.subject or m.speaker)
            )

        m = self._recent(before, fits, prefer=lambda m: m.entities[0].gender == gender)
        return m.entities[0] if m else None

    def _plural_antecedent(self, before: int, role: frozenset[str] | None) -> tuple[Entity, ...]:
        """ "they", "both ministers": a joint speaker or a body mentioned just before."""

        def fits(e: Entity) -> bool:
            if not role:
                return True
            if DIPLOMAT in role:
                return bool(e.roles & DIPLOMATIC_ROLES)
            return role <= e.roles

        def joint(m: Mention) -> bool:
            return len(m.entities) > 1 and all(fits(e) for e in m.entities)

        if role:
            m = self._recent(before, joint) or self._joint_subject(before, fits)
        else:
            # "they": the nearest joint speaker, group or body, sentence by sentence
            m = self._recent(
                before,
                lambda m: (
                    joint(m)
                    or (
                        (m.speaker or m.subject)
                        and len(m.entities) == 1
                        and m.entities[0].kind in ("group", "organization")
                    )
                ),
            )
            if m is None:
                m = self._joint_subject(before, fits)
        if m is not None:
            return m.entities
        if role:
            people: list[Entity] = []
            for mention in self._index.before(before):
                for e in mention.entities:
                    if e.kind == "person" and fits(e) and e not in people and e.roles:
                        people.append(e)
                if len(people) == 2:
                    return tuple(reversed(people))
        return ()

    def _joint_subject(self, before: int, fits) -> Mention | None:
        """ "Lavrov and Iranian Foreign Minister Abbas Araghchi reaffirmed ...": people joined by "and"."""
        here = self.reg.sent_of[before]
        for n in range(here - 1, max(-1, here - 1 - BACK_SENTENCES), -1):
            sent = self.reg.sents[n]
            verb = next((t.i for t in sent if t.pos_ in ("VERB", "AUX")), sent.end)
            people = [
                m for m in self._index.in_sentence(n) if m.end <= verb and len(m.entities) == 1
            ]
            between = {t.lower_ for t in self.reg.doc[sent.start : verb]}
            members = tuple(dict.fromkeys(e for m in people for e in m.entities))
            if len(members) > 1 and "and" in between and all(e.kind == "person" for e in members):
                if all(fits(e) for e in members):
                    return Mention(people[0].start, people[-1].end, n, members)
        return None

    def _plural_reference(self, toks: list[Token]) -> tuple[Entity, ...] | None:
        """ "both ministers", "the two diplomats", "both sides"."""
        listed = self._countries_role(toks)
        if listed is not None:
            return listed
        words = [t.lower_ for t in toks]
        if not (
            words[0] in PAIR_WORDS or (len(words) > 1 and words[0] == "the" and words[1] == "two")
        ):
            if not (toks[-1].tag_ == "NNS" and len(toks) <= 2 and toks[-1].lower_ in PLURAL_ROLES):
                return None
        head = toks[-1]
        if head.tag_ != "NNS" and head.lower_ not in PAIR_WORDS:
            return None
        role = None if head.lower_ in GENERIC_PLURAL_HEADS | PAIR_WORDS else role_tokens(head.text)
        found = self._plural_antecedent(toks[0].i, role)
        return found or None

    def _countries_role(self, toks: list[Token]) -> tuple[Entity, ...] | None:
        """ "Russia, Turkiye, Iran FMs discuss …": a headline's list of countries
        before a plural role is the people who hold that role for each country,
        wherever the article names them (a headline comes before its story)."""
        head = toks[-1]
        if head.tag_ not in ("NNS", "NNPS") or len(toks) < 4:
            return None
        role = role_tokens(head.text)
        names = [t for t in toks[:-1] if t.text != ","]
        if any(country_stem(fold(t.text)) is None for t in names):
            return None  # "Clinton, Trump aides" are not countries
        countries = [role_tokens(t.text) for t in names]
        if not role or len(countries) < 2 or any(len(c) != 1 for c in countries):
            return None
        found: list[Entity] = []
        for country in countries:
            fits = [e for e in self.reg.entities if holds_roles(e, role | country)]
            if len(fits) != 1:
                return None
            found.append(fits[0])
        return tuple(found)
