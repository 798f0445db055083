"""The people and bodies an article introduces, and every place it mentions them.

Speaker resolution (``loader.attribution.coref``) looks names, roles and
pronouns up here. The registry is built once per article from spaCy's PERSON
and ORG entities: each full name carries the title written before it or in
apposition as its description, and every later run of proper nouns that
matches it by surname counts as a mention of it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from loader.attribution.coref_entities import Entity, Mention
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_passes import build
from loader.attribution.coref_text import (
    in_capitals_person,
    is_epithet,
    is_name_token,
    is_participle_opener,
    is_post_nominal,
    is_role,
    is_slug,
    is_subject,
    is_title,
    left_apposition,
    left_title,
    phrase_text,
    right_apposition,
    sole_subject,
    starts_person,
    text_of,
)
from loader.attribution.spans import SpanIndex
from loader.lexicon.function_words import (
    PERSON_POSSESSIVES,
    POSSESSIVE_GENDER,
    SUBJECT_GENDER,
)
from loader.lexicon.people import (
    COUNTERPART,
    GIVEN_NAME_TITLES,
    HONORIFIC_GENDER,
    NAME_PREFIX_WORDS,
)
from loader.lexicon.punctuation import DASHES
from loader.models import Span as CharSpan
from loader.names import (
    country_stem,
    fold,
    given_compatible,
    name_tokens,
    role_tokens,
    same_word,
)
from loader.text.quotes import quote_spans


def _same_person_name(entity: Entity, words: list[str]) -> bool:
    """A named person whose surname is the last of ``words`` and whose given
    names fit the others (when both have any)."""
    if entity.kind != "person" or entity.role_only:
        return False
    theirs = name_tokens(entity.name)
    if not theirs or not same_word(words[-1], theirs[-1]):
        return False
    return not (
        len(words) > 1 and len(theirs) > 1 and not given_compatible(words[:-1], theirs[:-1])
    )


def _only_in_capitals(entity: Entity) -> bool:
    """Every way the article writes this name is in capitals (a headline's)."""
    return all(a.isupper() for a in entity.aliases if any(c.isalpha() for c in a))


def _spaced_dash(tok: Token) -> bool:
    """ "Amanda Holden - last night rapped ...": a dash with a space beside it
    ends a name ("Ban Ki-moon" has none)."""
    return tok.text in DASHES and (
        bool(tok.whitespace_) or (tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))
    )


class Registry:
    """The entities an article introduces, and every place it mentions them."""

    def __init__(self, doc: Doc, excluded: Sequence[CharSpan] = ()):
        self.doc = doc
        self.excluded = list(excluded)
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        # built once every pass has run; from then on mentions are added through it
        self.index: MentionIndex | None = None
        self.nicknames: dict[str, Entity] = {}  # folded nickname -> the person
        self.first_at: dict[int, int] = {}  # id(entity) -> token where its full name is first
        self._quotes: Sequence[CharSpan] | None = None
        self._quote_index: SpanIndex | None = None
        self._nouns: dict[str, list[int]] | None = None  # lemma -> token indices
        self._labels: dict[str, list[str]] | None = None  # word -> entity labels
        self.sent_of = {}
        self.sents = list(doc.sents)
        for n, sent in enumerate(self.sents):  # by index: a Token per word was slow
            self.sent_of.update(dict.fromkeys(range(sent.start, sent.end), n))
        build(self)

    # -- building -----------------------------------------------------------
    def hidden(self, start_char: int, end_char: int) -> bool:
        return any(start_char < e and s < end_char for s, e in self.excluded)

    def extend_person(self, ent: Span) -> tuple[int, int]:
        """The whole name a PERSON entity is part of, without the words before
        it that are no part of any name."""
        sent = self.sents[self.sent_of[ent.start]]
        end = self._name_end(ent.end, sent)
        start = self._name_start(ent.start, sent)
        return self._trim_name(start, end)

    def _name_end(self, end: int, sent: Span) -> int:
        """Name words after the entity: "Ban Ki-" + "moon", "Al-e Sadeq"."""
        doc = self.doc
        if end < sent.end and doc[end - 1].text == "-" and not doc[end - 1].whitespace_:
            if doc[end].is_alpha:
                end += 1  # "Ban Ki-" + "moon"
        while (
            end < sent.end
            and is_name_token(doc[end])
            and doc[end].text != "-"
            and not starts_person(doc[end])  # "Sanders Burns | Hillary Clinton"
        ):
            end += 1
        # "Al-e Sadeq": hyphen pieces continue the name
        while (
            end + 1 < sent.end
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and (is_name_token(doc[end + 1]) or doc[end + 1].is_alpha)
        ):
            end += 2
            while end < sent.end and is_name_token(doc[end]) and doc[end].text != "-":
                end += 1
        return end

    def _name_start(self, start: int, sent: Span) -> int:
        """Name words before the entity, up to another person's name."""
        doc = self.doc
        while (
            start > sent.start
            and is_name_token(doc[start - 1])
            and not (doc[start - 1].ent_type_ == "PERSON" and starts_person(doc[start]))
        ):
            start -= 1
        return start

    def _trim_name(self, start: int, end: int) -> tuple[int, int]:
        """ "Injecting Clinton", "Crooked Hillary Clinton", "Democrat Hillary
        Clinton", "Presenter Esther Rantzen", "Sentencing Smith", "COURTS
        Smith": the model sometimes takes a word before the name into the
        entity (a role, a verb, the wire's slug); punctuation, possessives and
        post-nominals ("John Smith QC") at either end go too, and all from a
        spaced dash on."""
        doc = self.doc
        while start < end and (
            not doc[start].text[:1].isalpha()
            or (doc[start].pos_ != "PROPN" and not in_capitals_person(doc[start]))
            or is_role(doc[start])
            or doc[start].lower_ in NAME_PREFIX_WORDS
            or is_participle_opener(doc[start])
            or is_slug(doc[start])
            or is_epithet(doc[start])
        ):
            start += 1
        end = next((k for k in range(start, end) if _spaced_dash(doc[k])), end)
        while end > start and (
            not doc[end - 1].text[-1:].isalpha()
            or doc[end - 1].tag_ == "POS"
            or is_post_nominal(doc[end - 1])
        ):
            end -= 1
        return start, end

    def is_slogan(self, start: int, end: int) -> bool:
        """Inside a quote of a few words: a slogan or nickname, not speech."""
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return any(qs <= s and e <= qe and qe - qs <= 40 for qs, qe in self.quotes())

    def quotes(self) -> Sequence[CharSpan]:
        """The article's quotations (``loader.text.quotes``), found once."""
        if self._quotes is None:
            self._quotes = quote_spans(text_of(self.doc))
        return self._quotes

    def span_text(self, start: int, end: int) -> str:
        return phrase_text(list(self.doc[start:end]))

    def describe(self, entity: Entity, start: int, end: int) -> None:
        """The title before the name or in apposition, else its post-nominals
        ("John Smith QC": a QC)."""
        sent = self.sents[self.sent_of[start]]
        letters = []
        while end + len(letters) < sent.end and is_post_nominal(self.doc[end + len(letters)]):
            letters.append(self.doc[end + len(letters)])
        for toks in (
            left_title(self.doc, start, sent.start),
            right_apposition(self.doc, end, sent.end),
            left_apposition(self.doc, start, sent.start),
        ):
            if toks:
                entity.add_description(phrase_text(toks))
                return
        if letters:
            entity.add_description(phrase_text(letters))

    def borrow_counterpart_title(self, start: int) -> None:
        """ "his Iraqi counterpart Fuad Hussein" next to an Iranian Foreign Minister:
        Hussein is the Iraqi Foreign Minister. The title is borrowed from the
        other person in the sentence (its subject first), with the nationality
        written here; nothing is set when that person has no title."""
        doc = self.doc
        if start < 3 or doc[start - 1].lower_ != COUNTERPART:
            return
        nationality, possessive = doc[start - 2], doc[start - 3]
        if possessive.lower_ not in PERSON_POSSESSIVES or country_stem(nationality.text) is None:
            return
        mine = next((m for m in self.mentions if m.start == start), None)
        if mine is None or mine.entities[0].description:
            return
        others = [
            m
            for m in self.mentions
            if m.sent == mine.sent and m is not mine and m.entities[0] is not mine.entities[0]
        ]
        others.sort(key=lambda m: (not m.subject, abs(m.start - start)))
        for other in others:
            desc = other.entities[0].description
            if not desc:
                continue
            words = desc.split()
            first = re.sub(r"['’]s$", "", words[0])
            if country_stem(first) is None or len(words) < 2:
                return
            mine.entities[0].add_description(f"{nationality.text} {' '.join(words[1:])}")
            return

    def add_mention(self, start: int, end: int, entities: tuple[Entity, ...], speaker=False):
        subject = is_subject(self.doc[start:end].root)
        m = Mention(start, end, self.sent_of[start], entities, subject=subject, speaker=speaker)
        if self.index is None:
            self.mentions.append(m)
        else:
            self.index.add(m)

    def find_gender(self) -> None:
        """Gender from honorifics ("Ms. Baerbock"), else from the pronouns that
        follow a person who is the subject of a sentence ("Trump said he ...").
        Used only to keep "she" off a man and "he" off a woman."""
        for m in self.mentions:
            if len(m.entities) != 1 or m.entities[0].kind != "person":
                continue
            entity = m.entities[0]
            if m.start > 0:
                g = HONORIFIC_GENDER.get(self.doc[m.start - 1].lower_.rstrip("."))
                if g and entity.gender is None:
                    entity.gender = g
        self.vote_gender(
            [
                (m.start, m.end, m.entities[0])
                for m in self.mentions
                if len(m.entities) == 1 and m.entities[0].kind == "person"
            ]
        )

    def in_quote(self, pos: int) -> bool:
        """Whether character ``pos`` lies inside a quotation (in log time:
        asked for every gendered pronoun and every name in a pronoun's content)."""
        if self._quote_index is None:
            self._quote_index = SpanIndex(self.quotes())
        return self._quote_index.overlaps((pos, pos + 1))

    def vote_gender(self, mentions: list[tuple[int, int, Entity]], full: bool = False) -> None:
        """Pronouns later in the sentence of a person who is its subject vote for
        that person's gender; ``full`` counts only full-name mentions."""
        votes: dict[int, Counter] = {}
        for start, end, entity in mentions:
            if not sole_subject(self.doc[start:end].root) or (
                full and len(name_tokens(self.span_text(start, end))) < 2
            ):
                continue
            tally = votes.setdefault(id(entity), Counter())
            quoted = self.in_quote(self.doc[start].idx)
            for t in self.doc[end : self.sents[self.sent_of[start]].end]:
                # subjects and possessives ("Hillary Clinton is shaping the role her
                # husband would play"), not objects: "Clinton said, “I didn't know
                # him”" says nothing about Clinton; nor does a pronoun across a
                # quote's edge ("“Trump will bring revolution,” she said")
                word = t.lower_
                if (word in SUBJECT_GENDER or word in POSSESSIVE_GENDER) and self.in_quote(
                    t.idx
                ) != quoted:
                    continue
                if word in SUBJECT_GENDER:
                    tally[SUBJECT_GENDER[word]] += 1
                elif word in POSSESSIVE_GENDER and t.dep_ == "poss":
                    tally[POSSESSIVE_GENDER[word]] += 1
        for entity in self.entities:
            tally = votes.get(id(entity))
            if entity.gender is None and tally and tally["m"] != tally["f"]:
                entity.gender = "m" if tally["m"] > tally["f"] else "f"

    # -- lookups ------------------------------------------------------------
    def match_person(
        self, text: str, gender: str | None = None, before: int | None = None
    ) -> Entity | None:
        """The introduced person this name refers to, by surname and given names.

        With several candidates (two Husseins, two Clintons) an honorific's
        gender ("Mrs. Clinton") narrows them, then the most recently mentioned
        one before token ``before`` wins.
        """
        words = name_tokens(text)
        if not words:
            return None
        if fold(text) in self.nicknames:
            return self.nicknames[fold(text)]
        candidates = [e for e in self.entities if _same_person_name(e, words)]
        if len(words) == 1:
            given = self._by_given_name(text, candidates, before)
            if given is not None or not candidates:
                return given
        if gender and len(candidates) > 1:
            candidates = self._of_gender(candidates, gender)
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        if before is not None:
            recent = self.most_recent(candidates, before)
            if recent is not None:
                return recent
        return candidates[0] if len(words) > 1 else candidates[-1]

    def _of_gender(self, candidates: list[Entity], gender: str) -> list[Entity]:
        """The candidates an honorific's gender leaves. The first "Mrs.
        Clinton" in an article that also names Bill, with no gender known yet:
        the person the article introduced first, usually whom it is about."""
        same = [e for e in candidates if e.gender == gender]
        unknown = [e for e in candidates if e.gender is None]
        if not same and len(unknown) > 1:
            return [min(unknown, key=lambda e: self.first_at.get(id(e), len(self.doc)))]
        return same or unknown or candidates

    def _by_given_name(
        self, word: str, candidates: list[Entity], before: int | None
    ) -> Entity | None:
        """ "Noel said", "Sir Elton said": papers and honours name a person by
        the given name once the article has named them in full. Only when no
        one is known by it as a surname (a one-word entity "Noel" is that same
        word, not another person). Someone named in full further down counts
        when no one named before has that given name."""
        lone = all(len(name_tokens(e.name)) == 1 for e in candidates)
        if not lone or not self._given_name_use(before):
            return None
        assert before is not None
        # a headline's "LISA" comes before the story names Lisa Scott-Lee
        return self.match_given(word, before) or self.match_given(word, len(self.doc))

    def _given_name_use(self, at: int | None) -> bool:
        """May the one name word at token ``at`` be someone's given name? Not
        after a title ("Queen Elizabeth" is not an Elizabeth Warren named
        before), and only where a mention stands (not while people are
        introduced)."""
        if at is None:
            return False
        prev = self.doc[at - 1] if at > 0 else None
        titled = prev is not None and is_title(prev) and prev.text[:1].isupper()
        return not titled or prev.lower_ in GIVEN_NAME_TITLES  # "co-host Judy" is Judy

    def match_given(self, word: str, before: int) -> Entity | None:
        """The one introduced person whose first name is ``word``: "Sheikh
        Mohammed" after "Sheikh Mohammed bin Abdulrahman Al Thani", as Gulf
        and royal titles are written with the given name."""
        found = self._given_first(word, before)
        # a spelling variant ("Mohammad Javad Zarif") only when nobody has it exactly
        exact = [e for e in found if name_tokens(e.name)[0] == fold(word)]
        found = exact or found or self._nicknamed_given(word, before)
        # a headline in capitals ("SIR PAUL ROCKS BACK THE CLOCK") runs the name
        # into the words after it: the names the text writes in its own case first
        found = [e for e in found if not _only_in_capitals(e)] or found
        names = [name_tokens(e.name) for e in found]
        if found and all(a == b[: len(a)] or b == a[: len(b)] for a in names for b in names):
            # one person the entity recogniser cut in two ("Mohammed bin Abdulrahman"
            # and "Mohammed bin Abdulrahman Al Thani"): the one named last
            return self.most_recent(found, before) or found[-1]
        return None

    def _given_first(self, word: str, before: int) -> list[Entity]:
        """People named in full whose name starts with ``word`` (or a spelling
        of it), introduced by now: "Prince Mohammed" after "Mohammed bin
        Salman" is him, whoever else called Mohammed the article names further
        down."""
        return [
            e
            for e in self.entities
            if e.kind == "person"
            and not e.role_only
            and len(name_tokens(e.name)) > 1
            and same_word(name_tokens(e.name)[0], fold(word))
            and self.first_at.get(id(e), 0) < before
        ]

    def _nicknamed_given(self, word: str, before: int) -> list[Entity]:
        """ "Posh Spice Victoria Beckham", then "Victoria said": a nickname
        written before the name leaves the given name just before the
        surname; that word, exactly, when no name starts with it."""
        return [
            e
            for e in self.entities
            if e.kind == "person"
            and not e.role_only
            and len(words := name_tokens(e.name)) > 2
            and words[-2] == fold(word)
            and self.first_at.get(id(e), 0) < before
        ]

    def most_recent(self, candidates: Iterable[Entity], before: int) -> Entity | None:
        """The one of ``candidates`` mentioned last before token ``before``."""
        candidates = list(candidates)
        wanted = set(map(id, candidates))
        best: Mention | None = None
        if self.index is not None:
            best = self.index.latest(candidates, before)
        else:  # while the passes build the registry, mentions are not in order yet
            for m in self.mentions:
                if m.start < before and (best is None or m.start > best.start):
                    if any(id(e) in wanted for e in m.entities):
                        best = m
        if best is None:
            return None
        return next(e for e in best.entities if id(e) in wanted)

    def last_noun(self, lemma: str, before: int) -> Token | None:
        """The last common noun with ``lemma`` before token ``before``."""
        if self._nouns is None:
            self._nouns = {}
            for t in self.doc:
                if t.pos_ == "NOUN":
                    self._nouns.setdefault(t.lemma_.lower(), []).append(t.i)
        found = self._nouns.get(lemma, [])
        k = bisect_left(found, before)
        return self.doc[found[k - 1]] if k else None

    def entity_labels(self, word: str) -> list[str]:
        """The entity labels of every token written ``word``, in text order."""
        if self._labels is None:
            self._labels = {}
            for t in self.doc:
                if t.ent_type_:
                    self._labels.setdefault(t.text, []).append(t.ent_type_)
        return self._labels.get(word, [])

    def organization(self, name: str) -> Entity:
        key = role_tokens(name)
        for entity in self.entities:
            if entity.kind == "organization" and role_tokens(entity.name) == key:
                entity.add_alias(name)
                return entity
        entity = Entity(name, "organization", aliases=[name], roles=set(key))
        self.entities.append(entity)
        return entity

    def entity(self, name: str, kind: str, description: str | None = None, role_only=False):
        for e in self.entities:
            if e.kind == kind and fold(e.name) == fold(name) and e.role_only == role_only:
                e.add_alias(name)
                return e
        e = Entity(name, kind, aliases=[name], role_only=role_only)
        e.add_description(description)
        if kind != "person":
            e.roles |= role_tokens(name)
        self.entities.append(e)
        return e
