"""Who the speaker is: from a source mention to a canonical name in the article.

Runs after span finding. Span finding gives each attribution a source span
("he", "Sudani", "the Iraqi top diplomat", "Lavrov and Turkish Foreign
Minister Hakan Fidan", "a statement from the Russian Foreign Ministry"); this
module decides whom it names, using only the article itself:

1. A *registry* of the people and bodies the article introduces, built from
   spaCy's PERSON/ORG entities. Each full name carries the title written
   before it ("Iraqi Foreign Minister Fuad Hussein") or in apposition
   ("Iran's president, Masoud Pezeshkian,") as its description, and every
   later run of proper nouns that matches it by surname ("Sudani") counts as a
   mention of it. The small model often tags a bare surname as GPE or ORG, so
   matching goes by the name, not by the entity label.
2. Each source span is read left to right in text order and resolved:
   statement frames ("a statement from X") to X; coordinations to each
   member (one Attribution per speaker, same spans); pronouns to the nearest
   compatible earlier mention, preferring sentence subjects and earlier
   speakers (a simple Hobbs-style search, sentence by sentence backwards);
   role phrases ("the Iraqi top diplomat", "the ministry") to the most recent
   entity whose title or name has those role words; plural nouns
   ("analysts", "Iraqi officials") to unnamed ``group`` speakers.

Nothing here guesses a name the article does not give: an unresolvable
pronoun leaves ``speaker`` as ``None``; a role nobody was introduced for
stays a role ("Iranian foreign minister", description equal to the name, which
``loader.speakers`` keeps per article).

Where each part lives (the ``coref_*`` modules, by what they resolve):

* ``coref_registry`` - ``Registry``, the lookups (``match_person`` ...);
  ``coref_passes`` - ``BUILD_PASSES``, how it is built, in order;
  ``coref_entities`` - ``Entity``, ``Mention``; ``coref_index`` - the mentions
  by position, sentence and entity;
* this module - ``Resolver``: datelines, statement frames, lists, then one
  phrase (``_single``: an apposition, else ``coref_heads.HEAD_RULES``, the
  ordered head-word rules, first match wins);
* ``coref_pronouns`` (pronouns, plural references), ``coref_roles`` (roles and
  titles), ``coref_bodies`` (bodies, offices, statements), ``coref_names``
  (names, appositions): the ``Resolver``'s parts, as mixins;
* ``coref_text`` - token helpers (titles, appositions, name words);
* words only from ``loader.lexicon`` (people, bodies, places, statements,
  function_words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from loader.attribution.coref_bodies import BodyRules
from loader.attribution.coref_entities import clean_label
from loader.attribution.coref_heads import HEAD_RULES, PASS, Phrase, work
from loader.attribution.coref_index import MentionIndex
from loader.attribution.coref_names import NameRules
from loader.attribution.coref_pronouns import PronounRules
from loader.attribution.coref_registry import (
    Entity,
    Registry,
)
from loader.attribution.coref_roles import RoleRules
from loader.attribution.coref_text import (
    drop_parenthetical,
    drop_set_off_clause,
    is_name_list,
    is_role,
    is_surface_form,
    phrase_text,
    strip_phrase,
    text_of,
    without_clauses,
)
from loader.attribution.datelines import without_opener
from loader.lexicon.bodies import ORG_HEADS
from loader.lexicon.function_words import (
    CONJUNCTIONS,
    ISSUER_PREPOSITIONS,
    OWNER_PREPOSITIONS,
    PERSONAL_PRONOUNS,
)
from loader.lexicon.places import KNOWN_PLACES
from loader.lexicon.punctuation import DASHES
from loader.lexicon.statements import (
    ADDRESSED,
    STATEMENT_NOUNS,
)
from loader.models import Attribution
from loader.models import Span as CharSpan
from loader.names import (
    country_stem,
    fold,
)


class Resolver(NameRules, RoleRules, BodyRules, PronounRules):
    """Resolves source spans in text order, remembering earlier speakers."""

    def __init__(self, doc: Doc, excluded: Sequence[CharSpan] = ()):
        self.doc = doc
        self.reg = Registry(doc, excluded)
        assert self.reg.index is not None  # the registry's last pass builds it
        self._index: MentionIndex = self.reg.index
        text = text_of(doc)
        self._quoted_sentences = quoted_sentences(self.reg.sents, self.reg.quotes(), text)
        # who the content of the attribution being resolved names (``_named_in``)
        self._named_in_content: frozenset[int] = frozenset()

    def tokens(self, spans: Sequence[CharSpan]) -> list[Token]:
        out: list[Token] = []
        for s, e in spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.extend(span)
        return out

    def resolve(
        self,
        spans: Sequence[CharSpan],
        cue: Sequence[CharSpan] = (),
        content: Sequence[CharSpan] = (),
    ) -> tuple[Entity, ...]:
        toks = self.tokens(spans)
        cue_toks = self.tokens(cue)
        if not toks and cue_toks:
            toks = self._implicit_subject(cue_toks[0])
        toks = self._skip_dateline(toks, cue_toks)
        toks = aged_name(strip_phrase(toks))
        toks = strip_phrase(drop_set_off_clause(drop_parenthetical(toks)))
        if not toks:
            return ()
        if len(toks) == 1 and toks[0].pos_ == "PRON":  # "He says …", not "his office said"
            self._named_in_content = self._named_in(content, toks[0].i)
        try:
            entities = self._resolve_tokens(toks)
        finally:
            self._named_in_content = frozenset()
        if len(entities) == 1 and is_surface_form(toks):
            # "Iraqi top diplomat", "Abbas Araghchi": every way the article names
            # the speaker, pronouns and lists aside
            entities[0].add_alias(self._alias_form(entities[0], toks))
        if entities:
            start, end = toks[0].i, toks[-1].i + 1
            self.reg.add_mention(start, end, entities, speaker=True)
        return entities

    def _named_in(self, content: Sequence[CharSpan], pronoun: int) -> frozenset[int]:
        """The entities the content names after the pronoun ("He says Obama
        knows full well ..."), or in the speaker's own quoted words ("“Obama
        will lose,” he said"): the pronoun is someone else, as a name is never
        the pronoun that governs it and speakers rarely name themselves. A
        name the reporter writes before the pronoun may be its antecedent
        ("Sir Elton John feels partly to blame, he has said"). Names and
        descriptions count, pronouns in the content do not."""
        named: set[int] = set()
        for span in filter(None, (self.doc.char_span(s, e, "expand") for s, e in content)):
            first, last = self.reg.sent_of[span.start], self.reg.sent_of[span.end - 1]
            for n in range(first, last + 1):
                for m in self._index.in_sentence(n):
                    inside = span.start <= m.start and m.end <= span.end
                    if not inside or self.doc[m.start].pos_ == "PRON":
                        continue
                    if m.start > pronoun or self.reg.in_quote(self.doc[m.start].idx):
                        named.update(id(e) for e in m.entities)
        return frozenset(named)

    def trim_source(self, a: Attribution) -> Attribution:
        """The attribution with its source cut to the name before an age
        (``aged_name``: "… and his brother Liam, Paul, 34," is "Paul, 34,"),
        so the mention stored says whom it names; else as it was."""
        if len(a.source) != 1:
            return a
        toks = strip_phrase(self.tokens(a.source))
        aged = aged_name(toks)
        if len(aged) == len(toks):
            return a
        start, end = aged[0].idx, a.source[0][1]
        return replace(a, source=[(start, end)], speaker_mention=self.doc.text[start:end])

    def _alias_form(self, entity: Entity, toks: list[Token]) -> str:
        """How a phrase names a person: the name it ends with, not the words
        that describe them ("BBC1 controller Peter Salmon", "Prosecutor Jane
        Doe", "Jane Doe QC" are all Jane Doe or Peter Salmon by name; those words
        are description). A role with no name stays whole."""
        if entity.kind != "person" or entity.role_only:
            return phrase_text(toks)
        run = self._trailing_name(toks, loose=True)
        if not run:
            # "the Iraqi top diplomat" is a way to name him; "Donald Trump's
            # highly personal" (attack) is not
            return "" if any(t.ent_type_ == "PERSON" for t in toks) else phrase_text(toks)
        if run[0].i == toks[0].i:
            return phrase_text(run)
        before = [t for t in toks if t.i < run[0].i]
        if any(is_role(t) for t in before):
            entity.add_description(phrase_text(strip_phrase(before)))
        return phrase_text(run)

    def _implicit_subject(self, cue: Token) -> list[Token]:
        """ "Araghchi traveled to Damascus, reaffirming ...": a participle's speaker
        is the subject of the clause it hangs from (used when span finding gave
        no source span)."""
        if cue.tag_ not in ("VBG", "VBN") or cue.dep_ not in ("advcl", "xcomp", "conj"):
            return []
        if cue.tag_ == "VBN" and cue.lemma_.lower() in ADDRESSED:
            # "Asked about reports of a delay, Peskov said …": the subject was asked;
            # whoever asked is not named, and the question is not Peskov's claim
            return []
        verb = cue.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        while not subjects and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head is not verb:
            verb = verb.head  # "traveled to Damascus to meet X, reaffirming ..."
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return []
        subj = subjects[0]
        return list(self.doc[subj.left_edge.i : subj.right_edge.i + 1])

    def _skip_dateline(self, toks: list[Token], cue: list[Token]) -> list[Token]:
        """ "ERBIL (Kurdistan24) — Iranian ...": drop the article's dateline or a
        heading in capitals (``loader.attribution.datelines.OPENERS``); when
        the span holds nothing else ("LOS ANGELES, Sept. 28 (UPI)"), the
        subject is the plain phrase between it and the cue, if there is one."""
        if not toks:
            return toks
        rest = without_opener(self.doc, [t.i for t in toks])
        if rest is None:
            return toks
        if rest:
            return [self.doc[i] for i in rest]
        end = toks[-1].i + 1
        stop = cue[0].i if cue and cue[0].i > end else end
        subject = [t for t in self.doc[end:stop] if t.text not in DASHES]
        if len(subject) > 12 or any(t.pos_ in ("VERB", "AUX") for t in subject):
            return []  # not a plain subject between dateline and cue: leave unresolved
        return subject

    def _resolve_tokens(self, toks: list[Token]) -> tuple[Entity, ...]:
        """Whom a stripped source phrase names: a statement's issuer, a pronoun's
        antecedent, a family, each member of a list, a plural reference, or the
        one speaker the phrase's head word says (``_single``)."""
        statement = self._statement_frame(toks)
        if statement is not None:
            return statement
        if len(toks) == 1 and toks[0].pos_ == "PRON":
            return self._pronoun(toks[0])
        said_by_work = work(self, self._phrase(toks))  # "the series The Lanterns", not a family
        if said_by_work is not PASS:
            return (said_by_work,) if said_by_work is not None else ()
        family = self._family(toks)
        if family is not None:
            return (family,)
        parts = self._coordination(toks)
        if len(parts) > 1:
            found: list[Entity] = []
            for part in parts:
                for e in self._resolve_tokens(part):
                    if e not in found:
                        found.append(e)
            return tuple(found)
        plural = self._plural_reference(toks)
        if plural is not None:
            return plural
        one = self._single(toks)
        return (one,) if one is not None else ()

    def _statement_frame(self, toks: list[Token]) -> tuple[Entity, ...] | None:
        """ "a statement from the Russian Foreign Ministry" -> the ministry; "a
        report about the integration of immigrants issued by the OECD": the one
        it is by or from, before the one it is of or for; "the statement": the
        one named before (``_statement_back``). None when no statement frame."""
        if not (
            toks[0].lower_ in STATEMENT_NOUNS
            or (len(toks) > 1 and toks[1].lower_ in STATEMENT_NOUNS and toks[0].pos_ == "ADJ")
        ):
            return None
        linked = [k for k, t in enumerate(toks[:-1]) if t.lower_ in ISSUER_PREPOSITIONS] or [
            k for k, t in enumerate(toks[:-1]) if t.lower_ in OWNER_PREPOSITIONS
        ]
        if not linked:
            return self._statement_back(toks)
        inner = strip_phrase(without_clauses(toks[linked[0] + 1 :]))
        return self._resolve_tokens(inner) if inner else None

    def _coordination(self, toks: list[Token]) -> list[list[Token]]:
        """Split "Lavrov and Turkish Foreign Minister Hakan Fidan" into its members,
        and a headline's bare list of names ("Iran, Iraq pledge …")."""
        if not any(t.lower_ in CONJUNCTIONS for t in toks) and not is_name_list(toks):
            return [toks]
        parts: list[list[Token]] = [[]]
        for t in toks:
            if t.lower_ in CONJUNCTIONS or t.text == ",":
                if parts[-1]:
                    parts.append([])
            else:
                parts[-1].append(t)
        parts = [strip_phrase(p) for p in parts if strip_phrase(p)]
        return parts if self._plain_list(toks, parts) else [toks]

    def _plain_list(self, toks: list[Token], parts: list[list[Token]]) -> bool:
        """Only a plain list of names or bodies is split: "Iraq's official and
        consistent position" and "the Central and East European Coalition"
        (one ORG entity) are one thing; a clause with a verb is not a list."""
        if len(parts) < 2:
            return False
        conj = [t for t in toks if t.lower_ in CONJUNCTIONS]
        if any(t.ent_type_ in ("ORG", "PERSON") and t.ent_iob_ == "I" for t in conj):
            return False
        if any(t.pos_ in ("VERB", "AUX") for t in toks) or any(len(p) > 8 for p in parts):
            return False
        return all(self._could_speak(p) for p in parts)

    def _could_speak(self, part: list[Token]) -> bool:
        """A list member that names someone on its own: a person, a known name,
        a body or a place ("Central" in "the Central and East European
        Coalition" does not)."""
        if any(t.ent_type_ == "PERSON" for t in part) or any(t.lower_ in ORG_HEADS for t in part):
            return True
        if self.reg.match_person(phrase_text(part)) is not None:
            return True
        text = fold(phrase_text(part))
        return (
            text in KNOWN_PLACES
            or country_stem(text) is not None
            or (len(part) == 1 and part[0].ent_type_ == "GPE")
        )

    # -- names, bodies, roles, groups -----------------------------------------
    def _phrase(self, toks: list[Token]) -> Phrase:
        """The phrase ``toks`` with its syntactic head, for the head rules."""
        head = self.doc[toks[0].i : toks[-1].i + 1].root
        return Phrase(toks, phrase_text(toks), [t.lower_ for t in toks], head)

    def _single(self, toks: list[Token]) -> Entity | None:
        """One speaker phrase, decided by its apposition ("Masoud Pezeshkian, the
        Iranian president"), else by its head word: the first of ``HEAD_RULES``
        (``coref_heads``) that handles it decides ("Clinton supporters" are a
        group, "the Clinton campaign" a body, "Donald Trump's tweet" speaks for
        its owner)."""
        toks = drop_parenthetical(toks)
        if not toks:
            return None
        appositive = self._apposition(toks)
        if appositive is not None:
            return appositive
        phrase = self._phrase(toks)
        for rule in HEAD_RULES:
            decision = rule(self, phrase)
            if decision is not PASS:
                return decision  # type: ignore[return-value]
        return None


def aged_name(toks: list[Token]) -> list[Token]:
    """ "... and his brother Liam, Paul, 34,": news copy gives a speaker's
    age between commas right after the name, so a phrase ending in "Name,
    age" whose name follows a comma is that name; the words before it are
    the parser's mistake (a clause it hung on the subject)."""
    if len(toks) < 5 or not (toks[-1].like_num and toks[-2].text == ","):
        return toks
    if not toks[-1].text.isdigit() or not 0 < int(toks[-1].text) < 120:
        return toks
    k = len(toks) - 2
    while k > 0 and toks[k - 1].pos_ == "PROPN":
        k -= 1
    if k == len(toks) - 2 or k == 0 or toks[k - 1].text != ",":
        return toks
    return toks[k : len(toks) - 2]


def quoted_sentences(sents: Sequence, quotes: Sequence[CharSpan], text: str) -> frozenset[int]:
    """Indices of the sentences lying wholly inside one quotation (marks
    included): quoted speech, which a reporting pronoun looks past."""
    out: set[int] = set()
    k = 0
    for n, sent in enumerate(sents):
        if k == len(quotes):
            break
        start, end = sent.start_char, sent.end_char
        while k < len(quotes) and quotes[k][1] < end:
            k += 1
        if k < len(quotes):
            inner = start + len(text[start:end]) - len(text[start:end].lstrip())
            if quotes[k][0] <= inner and end <= quotes[k][1]:
                out.add(n)
    return frozenset(out)


def resolve_speakers(
    doc: Doc, attributions: list[Attribution], excluded: Iterable[CharSpan] = ()
) -> list[Attribution]:
    """Fill ``speaker``, ``speaker_kind``, ``speaker_description`` and aliases.

    Returns the list to use from now on: a joint source ("Lavrov and Fidan")
    becomes one Attribution per speaker, each a copy with the same spans.
    """
    resolver = Resolver(doc, list(excluded))
    attributions = [resolver.trim_source(a) for a in attributions]
    order = sorted(
        range(len(attributions)),
        key=lambda k: (attributions[k].source or attributions[k].content or [(0, 0)])[0],
    )
    resolved: dict[int, tuple[Entity, ...]] = {}
    for k in order:
        a = attributions[k]
        if a.speaker is not None or not (a.source or a.cue) or a.kind == "outlet":
            continue
        resolved[k] = resolver.resolve(a.source, a.cue, a.content)
    out: list[Attribution] = []
    for k, a in enumerate(attributions):
        entities = resolved.get(k, ())
        if not entities:
            out.append(a)
            continue
        for entity in entities:
            out.append(
                replace(
                    a,
                    speaker=clean_label(entity.name),
                    speaker_kind=entity.kind,
                    speaker_description=entity.description,
                    speaker_aliases=[x for x in entity.aliases if _name_like(x)],
                )
            )
    return out


def _name_like(text: str) -> bool:
    """Surface forms worth keeping as aliases: names, not pronouns."""
    return bool(re.search(r"[A-Za-z]", text)) and fold(text) not in PERSONAL_PRONOUNS
