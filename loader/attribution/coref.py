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
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from loader.attribution.quotes import quote_spans
from loader.models import Attribution
from loader.models import Span as CharSpan
from loader.names import (
    DEMONYMS,
    HONORIFIC_GENDER,
    HONORIFICS,
    ORG_HEADS,
    TITLE_WORDS,
    country_stem,
    fold,
    given_compatible,
    name_tokens,
    role_tokens,
    same_word,
)

# "a statement from the Russian Foreign Ministry": the speaker follows from/by/of.
STATEMENT_NOUNS = frozenset(
    """statement statements communique communiqué release report readout announcement
    declaration letter post message tweet note document transcript""".split()
)
# Verbs whose subject is the author of the statement they take as object.
ISSUING_VERBS = frozenset(
    "issue release publish post send write sign deliver circulate distribute put tweet".split()
)
# The speaker of "Donald Trump's tweet" or "a Bloomberg poll" is its owner.
PRODUCT_NOUNS = frozenset(
    """statement tweet post poll survey study report ad advert advertisement video clip spot
    transcript analysis editorial memo filing complaint letter release readout communique
    announcement message email interview op-ed speech website account document""".split()
)
RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
# "Ben Carson's wife said": a relative speaks for herself, not for the one named.
RELATIVE_NOUNS = frozenset(
    """wife husband son daughter brother sister father mother parent parents child children
    family friend friends spouse partner widow widower grandson granddaughter grandfather
    grandmother uncle aunt nephew niece cousin fiance fiancee girlfriend boyfriend""".split()
)
# Role words an article may leave out when it first gives the title.
SOFT_ROLE_WORDS = frozenset(
    """presidential former new longtime veteran current acting senior then outgoing
    incoming top""".split()
)
DATELINE_WITH_DATE = re.compile(r"^[A-Z][A-Z .'-]{2,},\s+[A-Z][a-z]{2,}\.?\s+\d{1,2}\b")
NAME_PREFIX_WORDS = frozenset({"rival", "former", "late", "then", "miss", "mr", "mrs", "ms"})
GENERIC_PLURAL_HEADS = frozenset({"sides", "parties", "countries", "leaders", "men", "women"})
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "themselves"})
NEUTER = frozenset({"it", "its"})
# Capitals that speak through their governments: "Damascus said", "Tehran says".
# (Countries are recognised through ``names.DEMONYMS``.)
KNOWN_PLACES = frozenset(
    (
        "washington, moscow, beijing, tehran, baghdad, damascus, ankara, kyiv, kiev, london, "
        "paris, berlin, brussels, jerusalem, cairo, riyadh, doha, beirut, amman, tokyo, "
        "new delhi, islamabad, kabul, erbil, sanaa, abu dhabi, dubai, muscat, kuwait, manama, "
        "baku, yerevan, tbilisi, astana, minsk, warsaw, rome, madrid, ottawa, canberra, seoul, "
        "pyongyang, gaza"
    ).split(", ")
)
BACK_SENTENCES = 6  # how far back a pronoun looks for its antecedent
# "state-run", "state-owned", "Hezbollah-affiliated": who runs a body, not its name
OWNERSHIP_WORDS = frozenset("state run owned controlled backed affiliated linked".split())
COUNTRIES = frozenset(DEMONYMS.values())
# Verbs whose passive participle has the addressee as its subject ("Asked about
# X, Peskov said", "Pressed on the deal, she declined"), not the speaker
ADDRESSED = frozenset("ask press tell question quiz challenge urge inform warn remind".split())
# "X made the remarks during a meeting": who said what the sentence before reported
REMARK_VERBS = frozenset("make deliver give".split())
REMARK_NOUNS = frozenset("remark comment statement speech announcement".split())


@dataclass(eq=False)
class Entity:
    """One person or body the article talks about."""

    name: str
    kind: str  # person | organization | group
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    gender: str | None = None  # "m" / "f" from honorifics or resolved pronouns
    role_only: bool = False  # a role with no name ("the Iranian foreign minister")
    forms: Counter = field(default_factory=Counter)  # full-name spellings, how often

    def add_alias(self, text: str) -> None:
        text = text.strip()
        if text and text.lower() not in {a.lower() for a in self.aliases}:
            self.aliases.append(text)

    def add_description(self, desc: str | None) -> None:
        """The first title given, unless it was one word ("Prince") and a fuller
        one ("Saudi Arabia's foreign minister") comes along."""
        if not desc:
            return
        if self.description is None or (
            len(self.description.split()) == 1 and len(desc.split()) > 1
        ):
            self.description = desc
        self.roles |= role_tokens(desc)


@dataclass
class Mention:
    """Where the article names one entity, or several jointly."""

    start: int  # token index
    end: int
    sent: int  # sentence index
    entities: tuple[Entity, ...]
    subject: bool = False
    speaker: bool = False  # the source of an attribution


def _without_clauses(toks: list[Token]) -> list[Token]:
    """A name without the clause hung on it: "a report from the inspector
    general to be released Thursday" was issued by "the inspector general"."""
    cut = min(
        (t.left_edge.i for t in toks if t.dep_ in ("acl", "relcl") and t.left_edge.i > toks[0].i),
        default=None,
    )
    return toks if cut is None else [t for t in toks if t.i < cut]


def _issuer(statement: Token) -> Token | None:
    """Who put a statement out, where the sentence says so: "The museum issued
    a statement", "In a statement, the business mogul …", "a statement issued
    by the Sanders campaign", "a statement from the ministry"."""
    head = statement.head
    if statement.dep_ == "dobj" and head.lemma_.lower() not in ISSUING_VERBS:
        return None  # "Singer received a note": not his
    if statement.dep_ == "dobj" or (statement.dep_ == "pobj" and head.lower_ == "in"):
        verb = head if statement.dep_ == "dobj" else head.head
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for child in statement.children:
        if child.dep_ == "acl":  # "issued by …"
            child = next((c for c in child.children if c.dep_ == "agent"), child)
        if child.lower_ in ("by", "from"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _one_person(m: Mention, gender: str) -> bool:
    """A mention of one person who may be of that gender."""
    return (
        len(m.entities) == 1
        and m.entities[0].kind == "person"
        and m.entities[0].gender in (None, gender)
    )


def _one_organization(m: Mention) -> bool:
    return len(m.entities) == 1 and m.entities[0].kind == "organization"


def _name_list(toks: Sequence[Token]) -> bool:
    """One-word names or countries separated by commas alone: "Iran, Iraq",
    "Russia, Turkiye, Iran", "Saudi Arabia, Iran" ("Vigo County, Indiana" is
    one place)."""
    if not any(t.text == "," for t in toks) or toks[-1].text == ",":
        return False
    parts: list[list[Token]] = [[]]
    for t in toks:
        if t.text == ",":
            parts.append([])
        else:
            parts[-1].append(t)
    return all(
        part
        and all(t.pos_ == "PROPN" for t in part)
        and (len(part) == 1 or country_stem(_text(part)) is not None)
        for part in parts
    )


def _strip(tokens: Sequence[Token]) -> list[Token]:
    """Drop leading determiners/punctuation and trailing punctuation/possessives."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ("the", "a", "an")):
        toks.pop(0)
    while toks and (
        toks[-1].is_punct or toks[-1].is_space or toks[-1].tag_ == "POS" or toks[-1].lower_ == "all"
    ):
        toks.pop()
    return toks


def _text(tokens: Sequence[Token]) -> str:
    # Span.text joins only these tokens; Doc.text would rebuild the whole article.
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def _is_title(tok: Token) -> bool:
    return tok.lower_ in TITLE_WORDS


def _completes_title(tok: Token) -> bool:
    """ "Secretary of State Marco Rubio", "Chancellor of the Exchequer Rachel
    Reeves": the words after a title's "of" belong to the title, up to where
    the named person's entity starts; without this the name came out as "State
    Marco Rubio"."""
    if tok.ent_type_ == "PERSON":
        return False
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].ent_type_ != "PERSON":
        joined = doc[i].text == "-" and not doc[i].whitespace_  # "Anti-Defamation"
        if not (doc[i].text[:1].isupper() or joined) or _is_title(doc[i]):
            break
        i -= 1
    if i >= 0 and _is_title(doc[i]):
        return False
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and _is_title(doc[i - 1])


def _holds(entity: Entity, roles: frozenset[str]) -> bool:
    """A named person whose titles carry every one of ``roles`` (and some role)."""
    return (
        entity.kind == "person" and not entity.role_only and bool(roles) and roles <= entity.roles
    )


def _is_name_token(tok: Token, loose: bool = False) -> bool:
    """Part of a personal name: a proper noun that is not a title or a place adjective.

    ``loose`` also takes capitalised words the tagger called something else
    (it tags "Pezeshkian" ADJ); callers use it only to look up people already
    introduced, never to introduce one.
    """
    if tok.lower_.rstrip(".") in HONORIFICS:
        return False
    if _is_title(tok) and tok.i > 0:
        prev = tok.doc[tok.i - 1]
        # "Mr. King", "Charlie King": a title word used as a surname
        if prev.lower_.rstrip(".") in HONORIFICS or (
            tok.ent_type_ == "PERSON"
            and tok.ent_iob_ == "I"
            and prev.pos_ == "PROPN"
            and not _is_title(prev)
            and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
        ):
            return True
    if tok.text == "-":
        # "Ban Ki-moon" joins; the spaced dash of "CHICO, Calif. - Bernie Sanders" ends
        # a dateline and never joins it to the name
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.lower_ in ("al", "el", "e", "bin", "ibn", "abu", "abdul"):
        return True
    pos_ok = tok.pos_ == "PROPN" or (loose and tok.pos_ in ("ADJ", "NOUN", "X"))
    if not pos_ok or _is_title(tok) or tok.ent_type_ in ("DATE", "TIME"):
        return False
    return (
        tok.text[:1].isupper()
        and tok.tag_ != "POS"
        and country_stem(tok.text) is None
        and not _completes_title(tok)  # last: it walks back over the tokens before
    )


def _left_title(doc: Doc, start: int, floor: int) -> list[Token]:
    """The title written directly before a name: "Iran's Foreign Minister" Abbas Araghchi."""
    toks: list[Token] = []
    i = start - 1
    if i >= floor and doc[i].lower_.rstrip(".") in HONORIFICS:
        return []  # "adviser to Mr. Obama": what stands before "Mr." is someone else's
    while i >= floor:
        t = doc[i]
        if t.tag_ == "POS" or t.text == "-":
            toks.insert(0, t)
        elif (
            t.lower_ in ("of", "to", "for")
            and toks
            and (toks[0].text[:1].isupper() or toks[0].lower_ == "the")
        ):
            toks.insert(0, t)
        elif (
            t.lower_ == "the" and toks and toks[0].text[:1].isupper() and doc[i - 1].lower_ == "of"
        ):
            toks.insert(0, t)  # "Chancellor of the Exchequer"
        elif (
            t.pos_ in ("PROPN", "ADJ", "NOUN")
            and t.ent_type_ != "PERSON"
            and not t.is_punct
            and t.lower_ not in ("his", "her", "their")
            # a plural common noun is the clause before, not the title: "If the
            # Syrian refugees President Obama wants to bring ..."
            and not (t.tag_ == "NNS" and t.text[:1].islower())
        ):
            toks.insert(0, t)
        else:
            break
        i -= 1
    while toks and (toks[0].lower_ in ("of", "to", "for") or toks[0].tag_ == "POS"):
        toks.pop(0)
    if any(_is_title(t) for t in toks):
        return toks
    return []


def _right_apposition(doc: Doc, end: int, sent_end: int) -> list[Token]:
    """ ", the Iranian president," after a name."""
    if end >= sent_end or doc[end].text != ",":
        return []
    toks: list[Token] = []
    for t in doc[end + 1 : sent_end]:
        if t.text in (",", ".", ";", ")", "(", "—", "–", "--") or t.lower_ in RELATIVES:
            break
        if t.pos_ in ("VERB", "AUX", "PRON"):
            # "... with Mr. Obama, the prime minister looked ashen": the subject of
            # the next clause, not an apposition (that one is closed by punctuation)
            return []
        toks.append(t)
    toks = _short_title(_strip(toks))
    if toks and not any(t.ent_type_ == "PERSON" for t in toks):
        return toks
    return []


def _left_apposition(doc: Doc, start: int, sent_start: int) -> list[Token]:
    """ "Iran's president, Masoud Pezeshkian," : a title phrase opening the sentence."""
    if start - 1 <= sent_start or doc[start - 1].text != ",":
        return []
    toks = _left_title(doc, start - 1, sent_start)
    if not toks:
        # the title may end in a common noun the loop above already takes
        return []
    first = toks[0].i
    before = doc[first - 1] if first - 1 >= sent_start else None
    if before is None or before.lower_ in ("the", "a", "an") and first - 1 == sent_start:
        return toks
    return []


# Titles that go with the given name rather than the family name.
# Gulf titles only: "Queen Elizabeth" must not become an Elizabeth Warren the
# article introduced.
GIVEN_NAME_TITLES = frozenset("sheikh sheikha shaikh emir prince princess".split())


class Registry:
    """The entities an article introduces, and every place it mentions them."""

    def __init__(self, doc: Doc, excluded: Sequence[CharSpan] = ()):
        self.doc = doc
        self.excluded = list(excluded)
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self.first_at: dict[int, int] = {}  # id(entity) -> token where its full name is first
        self._quotes: Sequence[CharSpan] | None = None
        self.sent_of = {}
        self.sents = list(doc.sents)
        for n, sent in enumerate(self.sents):
            for tok in sent:
                self.sent_of[tok.i] = n
        self._build()

    # -- building -----------------------------------------------------------
    def _hidden(self, start_char: int, end_char: int) -> bool:
        return any(start_char < e and s < end_char for s, e in self.excluded)

    def _extend_person(self, ent: Span) -> tuple[int, int]:
        start, end = ent.start, ent.end
        sent = self.sents[self.sent_of[ent.start]]
        if (
            end < sent.end
            and self.doc[end - 1].text == "-"
            and not self.doc[end - 1].whitespace_
            and self.doc[end].is_alpha
        ):
            end += 1  # "Ban Ki-" + "moon"
        while (
            end < sent.end
            and _is_name_token(self.doc[end])
            and self.doc[end].text != "-"
            and not _starts_person(self.doc[end])  # "Sanders Burns | Hillary Clinton"
        ):
            end += 1
        # "Al-e Sadeq": hyphen pieces continue the name
        while (
            end + 1 < sent.end
            and self.doc[end].text == "-"
            and not self.doc[end - 1].whitespace_
            and not self.doc[end].whitespace_
            and (_is_name_token(self.doc[end + 1]) or self.doc[end + 1].is_alpha)
        ):
            end += 2
            while end < sent.end and _is_name_token(self.doc[end]) and self.doc[end].text != "-":
                end += 1
        while (
            start > sent.start
            and _is_name_token(self.doc[start - 1])
            and not (self.doc[start - 1].ent_type_ == "PERSON" and _starts_person(self.doc[start]))
        ):
            start -= 1
        # "Injecting Clinton", "Crooked Hillary Clinton", "Democrat Hillary Clinton":
        # the model sometimes takes a word before the name into the entity
        while start < end and (
            not self.doc[start].text[:1].isalpha()
            or self.doc[start].pos_ != "PROPN"
            or _is_title(self.doc[start])
            or self.doc[start].lower_ in NAME_PREFIX_WORDS
        ):
            start += 1
        while end > start and (
            not self.doc[end - 1].text[-1:].isalpha() or self.doc[end - 1].tag_ == "POS"
        ):
            end -= 1
        return start, end

    def _build(self) -> None:
        doc = self.doc
        people: list[tuple[int, int]] = []
        # Names in a Title Case headline ("Bernie Sanders Burns Hillary Clinton With
        # ...") run into the capitalised words around them, and a short quoted
        # slogan ("a shirt that read ''Fascist Trump''") is not how the article
        # names anyone, so both only mention people the text introduces.
        weak_names: list[tuple[int, int]] = []
        for ent in doc.ents:
            if self._hidden(ent.start_char, ent.end_char):
                continue
            if ent.label_ == "ORG":
                ent = _after_dateline(ent)  # "CLEVELAND - Donald Trump" tagged ORG
            if ent.label_ == "PERSON":
                start, end = self._extend_person(ent)
                if end > start and any(self.doc[i].text[:1].isupper() for i in range(start, end)):
                    weak = _title_case(self.sents[self.sent_of[start]]) or self._slogan(start, end)
                    (weak_names if weak else people).append((start, end))
        # "Mr. Lavrov", "Ms. Baerbock": a title that only people carry
        taken = {i for s, e in people for i in range(s, e)}
        for tok in doc[:-1]:
            nxt = doc[tok.i + 1]
            if tok.lower_.rstrip(".") in HONORIFICS and _is_name_token(nxt) and nxt.i not in taken:
                end = nxt.i + 1
                while end < len(doc) and _is_name_token(doc[end]) and doc[end].text != "-":
                    end += 1
                if not self._hidden(nxt.idx, doc[end - 1].idx + len(doc[end - 1])):
                    people.append((nxt.i, end))
        # Full names first so that a surname met earlier still finds its owner.
        first_owner: dict[tuple[int, int], Entity] = {}
        for start, end in sorted(
            people, key=lambda se: (-(len(name_tokens(self._span_text(*se)))), se)
        ):
            text = self._span_text(start, end)
            entity = self.match_person(text)
            if entity is None:
                entity = Entity(text, "person")
                self.entities.append(entity)
            elif len(name_tokens(text)) > len(name_tokens(entity.name)):
                entity.name = text
            first_owner[(start, end)] = entity
            entity.add_alias(text)
            if len(name_tokens(text)) > 1:
                entity.forms[text] += 1
        for start, end in weak_names:
            entity = self.match_person(self._span_text(start, end))
            if entity is not None and len(name_tokens(self._span_text(start, end))) <= len(
                name_tokens(entity.name)
            ):
                first_owner[(start, end)] = entity
                people.append((start, end))
        # Before any "Mrs. Clinton" is matched: the gender the pronouns after a full
        # name give ("Hillary Clinton said her ..."), so that with a Bill and a
        # Hillary Clinton in one article the honorific picks the right one.
        # A noun beside the name ("Bill Clinton, her husband,") is surer than any vote.
        for (s, e), entity in first_owner.items():
            if entity.gender is None:
                entity.gender = _apposed_gender(doc, s, e, self.sents[self.sent_of[s]])
        self._vote_gender(
            [(s, e, first_owner[(s, e)]) for s, e in people if (s, e) in first_owner], full=True
        )
        # The spelling written most often is the name; a stray longer form
        # ("Crooked Hillary Clinton" in a quoted nickname) is only an alias.
        canonical = {}
        for entity in self.entities:
            if entity.forms:
                best = max(entity.forms.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
                canonical[id(entity)] = best
        for (start, end), entity in sorted(first_owner.items()):
            if len(name_tokens(self._span_text(start, end))) > 1:
                self.first_at.setdefault(id(entity), start)
        for start, end in sorted(people):
            honorific = _honorific_gender(doc, start)
            entity = (
                self.match_person(self._span_text(start, end), honorific, start)
                or first_owner[(start, end)]
            )  # a "name" with no name words ("Al-")
            if honorific and entity.gender is None:
                entity.gender = honorific  # so the next "Mrs. Clinton" finds her at once
            self._describe(entity, start, end)
            self._add_mention(start, end, (entity,))
        for start, _end in sorted(people):
            self._counterpart(start)
        # Other proper-noun runs that are surnames of someone introduced.
        covered = {i for m in self.mentions for i in range(m.start, m.end)}
        i = 0
        while i < len(doc):
            if i in covered or not _is_name_token(doc[i], True) or doc[i].text == "-":
                i += 1
                continue
            j = i
            while j < len(doc) and _is_name_token(doc[j], True) and j not in covered:
                j += 1
            while j > i and not doc[j - 1].text[-1:].isalpha():
                j -= 1
            if j > i and not self._hidden(doc[i].idx, doc[j - 1].idx + len(doc[j - 1])):
                text = self._span_text(i, j)
                entity = self.match_person(text, _honorific_gender(doc, i), i)
                if entity is not None:
                    entity.add_alias(text)
                    self._add_mention(i, j, (entity,))
            i = max(j, i + 1)
        for ent in doc.ents:
            if ent.label_ == "ORG" and not self._hidden(ent.start_char, ent.end_char):
                start = ent.start
                while (
                    start > 0
                    and doc[start - 1].ent_type_ == "NORP"
                    and doc[start - 1].pos_ == "ADJ"
                ):
                    start -= 1
                if (
                    start > 1
                    and doc[start - 1].tag_ == "POS"
                    and country_stem(doc[start - 2].text) is not None
                ):
                    start -= 2  # "Iran's Foreign Ministry": whose ministry it is
                toks = _strip(list(doc[start : ent.end]))
                if not toks or self.match_person(_text(toks)) is not None:
                    continue
                if not any(t.lower_ in ORG_HEADS for t in toks):
                    continue  # the small model calls many surnames ORG; only trust org words
                entity = self.organization(_text(toks))
                self._add_mention(toks[0].i, toks[-1].i + 1, (entity,))
        self.mentions.sort(key=lambda m: m.start)
        for entity in self.entities:
            if id(entity) in canonical:
                entity.name = canonical[id(entity)]
        self._find_gender()

    def _slogan(self, start: int, end: int) -> bool:
        """Inside a quote of a few words: a slogan or nickname, not speech."""
        if self._quotes is None:
            self._quotes = quote_spans(self.doc.text)
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return any(qs <= s and e <= qe and qe - qs <= 40 for qs, qe in self._quotes)

    def _span_text(self, start: int, end: int) -> str:
        return _text(list(self.doc[start:end]))

    def _describe(self, entity: Entity, start: int, end: int) -> None:
        sent = self.sents[self.sent_of[start]]
        for toks in (
            _left_title(self.doc, start, sent.start),
            _right_apposition(self.doc, end, sent.end),
            _left_apposition(self.doc, start, sent.start),
        ):
            if toks:
                entity.add_description(_text(toks))
                return

    def _counterpart(self, start: int) -> None:
        """ "his Iraqi counterpart Fuad Hussein" next to an Iranian Foreign Minister:
        Hussein is the Iraqi Foreign Minister. The title is borrowed from the
        other person in the sentence (its subject first), with the nationality
        written here; nothing is set when that person has no title."""
        doc = self.doc
        if start < 3 or doc[start - 1].lower_ != "counterpart":
            return
        nationality, possessive = doc[start - 2], doc[start - 3]
        if possessive.lower_ not in ("his", "her") or country_stem(nationality.text) is None:
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

    def _add_mention(self, start: int, end: int, entities: tuple[Entity, ...], speaker=False):
        subject = _is_subject(self.doc[start:end].root)
        self.mentions.append(
            Mention(start, end, self.sent_of[start], entities, subject=subject, speaker=speaker)
        )

    def _find_gender(self) -> None:
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
        self._vote_gender(
            [
                (m.start, m.end, m.entities[0])
                for m in self.mentions
                if len(m.entities) == 1 and m.entities[0].kind == "person"
            ]
        )

    def _vote_gender(self, mentions: list[tuple[int, int, Entity]], full: bool = False) -> None:
        """Pronouns later in the sentence of a person who is its subject vote for
        that person's gender; ``full`` counts only full-name mentions."""
        votes: dict[int, Counter] = {}
        for start, end, entity in mentions:
            if not _sole_subject(self.doc[start:end].root) or (
                full and len(name_tokens(self._span_text(start, end))) < 2
            ):
                continue
            tally = votes.setdefault(id(entity), Counter())
            for t in self.doc[end : self.sents[self.sent_of[start]].end]:
                # subjects and possessives ("Hillary Clinton is shaping the role her
                # husband would play"), not objects: "Clinton said, “I didn't know
                # him”" says nothing about Clinton
                word = t.lower_
                if word in ("he", "she") or (word in ("his", "her") and t.dep_ == "poss"):
                    tally["m" if word in ("he", "his") else "f"] += 1
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
        candidates = []
        for entity in self.entities:
            if entity.kind != "person" or entity.role_only:
                continue
            theirs = name_tokens(entity.name)
            if not theirs or not same_word(words[-1], theirs[-1]):
                continue
            if len(words) > 1 and len(theirs) > 1 and not given_compatible(words[:-1], theirs[:-1]):
                continue
            candidates.append(entity)
        if gender and len(candidates) > 1:
            same = [e for e in candidates if e.gender == gender]
            unknown = [e for e in candidates if e.gender is None]
            if not same and len(unknown) > 1:
                # the first "Mrs. Clinton" in an article that also names Bill: the
                # person the article introduced first, usually whom it is about
                return min(unknown, key=lambda e: self.first_at.get(id(e), len(self.doc)))
            candidates = same or unknown or candidates
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        if before is not None:
            recent = self.most_recent(candidates, before)
            if recent is not None:
                return recent
        return candidates[0] if len(words) > 1 else candidates[-1]

    def match_given(self, word: str, before: int) -> Entity | None:
        """The one introduced person whose first name is ``word``: "Sheikh
        Mohammed" after "Sheikh Mohammed bin Abdulrahman Al Thani", as Gulf
        and royal titles are written with the given name."""
        found = [
            e
            for e in self.entities
            if e.kind == "person"
            and not e.role_only
            and len(name_tokens(e.name)) > 1
            and same_word(name_tokens(e.name)[0], fold(word))
            # introduced by now: "Prince Mohammed" after "Mohammed bin Salman" is
            # him, whoever else called Mohammed the article names further down
            and self.first_at.get(id(e), 0) < before
        ]
        # a spelling variant ("Mohammad Javad Zarif") only when nobody has it exactly
        exact = [e for e in found if name_tokens(e.name)[0] == fold(word)]
        found = exact or found
        names = [name_tokens(e.name) for e in found]
        if found and all(a == b[: len(a)] or b == a[: len(b)] for a in names for b in names):
            # one person the entity recogniser cut in two ("Mohammed bin Abdulrahman"
            # and "Mohammed bin Abdulrahman Al Thani"): the one named last
            return self.most_recent(found, before) or found[-1]
        return None

    def most_recent(self, candidates: Iterable[Entity], before: int) -> Entity | None:
        wanted = set(map(id, candidates))
        best: Mention | None = None
        for m in self.mentions:
            if m.start < before and (best is None or m.start > best.start):
                if any(id(e) in wanted for e in m.entities):
                    best = m
        if best is None:
            return None
        return next(e for e in best.entities if id(e) in wanted)

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


class Resolver:
    """Resolves source spans in text order, remembering earlier speakers."""

    def __init__(self, doc: Doc, excluded: Sequence[CharSpan] = ()):
        self.doc = doc
        self.reg = Registry(doc, excluded)

    def tokens(self, spans: Sequence[CharSpan]) -> list[Token]:
        out: list[Token] = []
        for s, e in spans:
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                out.extend(span)
        return out

    def resolve(
        self, spans: Sequence[CharSpan], cue: Sequence[CharSpan] = ()
    ) -> tuple[Entity, ...]:
        toks = self.tokens(spans)
        cue_toks = self.tokens(cue)
        if not toks and cue_toks:
            toks = self._implicit_subject(cue_toks[0])
        toks = self._skip_dateline(toks, cue_toks)
        toks = _strip(_drop_parenthetical(toks))
        if not toks:
            return ()
        entities = self._resolve_tokens(toks)
        if len(entities) == 1 and _surface_form(toks):
            # "Iraqi top diplomat", "Iranian Foreign Minister Abbas Araghchi": every way
            # the article names the speaker, pronouns and lists aside
            entities[0].add_alias(_text(toks))
        if entities:
            start, end = toks[0].i, toks[-1].i + 1
            self.reg._add_mention(start, end, entities, speaker=True)
            # the list is kept in (start, not speaker) order: put the new mention
            # where a stable sort would (re-sorting it whole per resolution was
            # quadratic: 3,000 resolutions of "Smith said ..." took 7 s)
            mentions = self.reg.mentions
            bisect.insort_right(mentions, mentions.pop(), key=lambda m: (m.start, not m.speaker))
        return entities

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
        """ "ERBIL (Kurdistan24) — Iranian ...": drop the dateline; when the span
        holds nothing else, the subject is what follows it up to the cue."""
        if not toks:
            return toks
        for k, t in enumerate(toks):
            if t.text in ("—", "–", "--"):
                head = toks[:k]
                looks_like_dateline = 0 < len(head) <= 6 and (
                    head[0].text.isupper() and len(head[0]) > 2 or any(x.text == "(" for x in head)
                )
                if looks_like_dateline and k < len(toks) - 1:
                    return toks[k + 1 :]
                break
        first = toks[0]
        if DATELINE_WITH_DATE.match(_text(toks)):
            # "LOS ANGELES, Sept. 28 (UPI)": nothing in it speaks
            end = toks[-1].i + 1
            stop = cue[0].i if cue and cue[0].i > end else end
            subject = [t for t in self.doc[end:stop] if t.text not in ("—", "–", "--", "-")]
            if len(subject) > 12 or any(t.pos_ in ("VERB", "AUX") for t in subject):
                return []  # not a plain subject between dateline and cue: leave unresolved
            return subject
        dateline = (
            (first.text.isupper() and first.is_alpha and len(first) >= 3)
            and first.i + 1 < len(self.doc)
            and self.doc[first.i + 1].text == "("
        )
        if not dateline:
            return toks
        rest = [t for t in toks if t.i > first.i]
        close = next((t.i for t in rest if t.text == ")"), None)
        if close is None:
            return toks
        after = [t for t in toks if t.i > close and t.text not in ("—", "–", "--")]
        if after:
            return after
        stop = cue[0].i if cue and cue[0].i > close else close + 1
        return [t for t in self.doc[close + 1 : stop] if t.text not in ("—", "–", "--")]

    def _resolve_tokens(self, toks: list[Token]) -> tuple[Entity, ...]:
        # "a statement from the Russian Foreign Ministry" -> the ministry
        if toks[0].lower_ in STATEMENT_NOUNS or (
            len(toks) > 1 and toks[1].lower_ in STATEMENT_NOUNS and toks[0].pos_ == "ADJ"
        ):
            # "a report about the integration of immigrants issued by the OECD":
            # the one it is by or from, before the one it is of or for
            linked = [k for k, t in enumerate(toks[:-1]) if t.lower_ in ("from", "by")] or [
                k for k, t in enumerate(toks[:-1]) if t.lower_ in ("of", "for")
            ]
            if linked:
                inner = _strip(_without_clauses(toks[linked[0] + 1 :]))
                if inner:
                    return self._resolve_tokens(inner)
            else:
                back = self._statement_back(toks)
                if back is not None:
                    return back
        if len(toks) == 1 and toks[0].pos_ == "PRON":
            return self._pronoun(toks[0])
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

    def _statement_back(self, toks: list[Token]) -> tuple[Entity, ...] | None:
        """ "…, the Turkish foreign ministry said. …, according to the statement":
        a statement named only by "the"/"this" is the one the article named
        before, with the speaker who issued it, or else the last one an earlier
        sentence reported, so it has that speaker."""
        if len(toks) != 1 or toks[0].i == 0:
            return None
        if self.doc[toks[0].i - 1].lower_ not in ("the", "this", "that"):
            return None  # "a statement" is a new one
        noun = toks[0].lemma_.lower()
        for t in reversed(self.doc[: toks[0].i - 1]):
            # "according to a joint statement. … Araghchi told Al Jazeera … The
            # statement said": the statement named before, not the last speaker,
            # and nobody when nobody was said to have issued it
            if t.lemma_.lower() == noun and t.pos_ == "NOUN":
                sent = self.reg.sent_of[t.i]
                issuers = [m for m in self.reg.mentions if m.sent == sent and m.speaker]
                if not issuers:
                    issuer = _issuer(t)
                    if issuer is None:
                        return ()
                    return self._resolve_tokens(_strip(_without_clauses(list(issuer.subtree))))
                return min(issuers, key=lambda m: abs(m.start - t.i)).entities
        m = self._recent(toks[0].i, lambda m: m.speaker)
        return m.entities if m is not None else None

    def _coordination(self, toks: list[Token]) -> list[list[Token]]:
        """Split "Lavrov and Turkish Foreign Minister Hakan Fidan" into its members,
        and a headline's bare list of names ("Iran, Iraq pledge …")."""
        if not any(t.lower_ in ("and", "&") for t in toks) and not _name_list(toks):
            return [toks]
        parts: list[list[Token]] = [[]]
        for t in toks:
            if t.lower_ in ("and", "&") or t.text == ",":
                if parts[-1]:
                    parts.append([])
            else:
                parts[-1].append(t)
        parts = [_strip(p) for p in parts if _strip(p)]
        if len(parts) < 2:
            return [toks]
        # Only split a plain list of names or bodies: "Iraq's official and
        # consistent position" and "the Central and East European Coalition"
        # (one ORG entity) are one thing; a clause with a verb is not a list.
        conj = [t for t in toks if t.lower_ in ("and", "&")]
        if any(t.ent_type_ in ("ORG", "PERSON") and t.ent_iob_ == "I" for t in conj):
            return [toks]
        if any(t.pos_ in ("VERB", "AUX") for t in toks) or any(len(p) > 8 for p in parts):
            return [toks]
        if all(self._could_speak(p) for p in parts):
            return parts
        return [toks]

    def _could_speak(self, part: list[Token]) -> bool:
        """A list member that names someone on its own: a person, a known name,
        a body or a place ("Central" in "the Central and East European
        Coalition" does not)."""
        if any(t.ent_type_ == "PERSON" for t in part) or any(t.lower_ in ORG_HEADS for t in part):
            return True
        if self.reg.match_person(_text(part)) is not None:
            return True
        text = fold(_text(part))
        return (
            text in KNOWN_PLACES
            or country_stem(text) is not None
            or (len(part) == 1 and part[0].ent_type_ == "GPE")
        )

    # -- pronouns and plural references --------------------------------------
    def _pronoun(self, tok: Token) -> tuple[Entity, ...]:
        word = tok.lower_
        if word in MALE or word in FEMALE:
            want = "m" if word in MALE else "f"
            bound = self._bound_subject(tok, lambda m: _one_person(m, want))
            entity = bound.entities[0] if bound else self._antecedent(tok.i, want)
            if entity is not None and entity.gender is None:
                entity.gender = want
            return (entity,) if entity else ()
        if word in PLURAL:
            return self._plural_antecedent(tok.i, None)
        if word in NEUTER:
            org = self._bound_subject(tok, _one_organization) or self._recent(
                tok.i, _one_organization
            )
            return org.entities if org else ()
        return ()

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
        return self.reg.entity(_text(toks), "group")

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
            m = next(
                (m for m in self.reg.mentions if m.start <= subject.i < m.end and m.end <= tok.i),
                None,
            )
            # a role the article has not tied to a name ("the Ohio governor, but
            # he said") is left to the sentences before, which name the person
            if m is None or not fits(m) or m.entities[0].role_only:
                return None
            return m
        return None

    def _recent(self, before: int, accept, prefer=lambda m: False) -> Mention | None:
        """The nearest earlier mention that ``accept`` takes, within a few sentences;
        within one sentence ``prefer``red mentions first, then speakers, then subjects."""
        here = self.reg.sent_of[before]
        for n in range(here - 1, max(-1, here - 1 - BACK_SENTENCES), -1):
            in_sent = [m for m in self.reg.mentions if m.sent == n and accept(m)]
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
            lambda m: _one_person(m, gender),
            prefer=lambda m: m.entities[0].gender == gender,
        )
        return m.entities[0] if m else None

    def _plural_antecedent(self, before: int, role: frozenset[str] | None) -> tuple[Entity, ...]:
        """ "they", "both ministers": a joint speaker or a body mentioned just before."""

        def fits(e: Entity) -> bool:
            if not role:
                return True
            if "diplomat" in role:
                return bool(e.roles & {"minister", "diplomat", "ambassador", "envoy"})
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
            for mention in reversed([m for m in self.reg.mentions if m.start < before]):
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
                m
                for m in self.reg.mentions
                if m.sent == n and m.end <= verb and len(m.entities) == 1
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
            words[0] in ("both", "two")
            or (len(words) > 1 and words[0] == "the" and words[1] == "two")
        ):
            if not (
                toks[-1].tag_ == "NNS"
                and len(toks) <= 2
                and toks[-1].lower_ in {"ministers", "diplomats", "leaders", "sides", "presidents"}
            ):
                return None
        head = toks[-1]
        if head.tag_ != "NNS" and head.lower_ not in ("two", "both"):
            return None
        role = (
            None
            if head.lower_ in GENERIC_PLURAL_HEADS | {"two", "both"}
            else role_tokens(head.text)
        )
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
            fits = [e for e in self.reg.entities if _holds(e, role | country)]
            if len(fits) != 1:
                return None
            found.append(fits[0])
        return tuple(found)

    # -- names, bodies, roles, groups -----------------------------------------
    def _single(self, toks: list[Token]) -> Entity | None:
        """One speaker phrase. What it names is decided by its head word:
        "Clinton supporters" are a group, "the Clinton campaign" a body, "a
        spokeswoman for Hillary Clinton" an unnamed person, "Donald Trump's
        tweet" and "a Bloomberg poll" speak for their owner."""
        toks = _drop_parenthetical(toks)
        if not toks:
            return None
        appositive = self._apposition(toks)
        if appositive is not None:
            return appositive
        text = _text(toks)
        lowered = [t.lower_ for t in toks]
        head = self.doc[toks[0].i : toks[-1].i + 1].root
        if head.lower_ in PRODUCT_NOUNS:
            owner = _strip([t for t in toks if t.i < head.i and t.pos_ in ("PROPN", "PART")])
            owner = [t for t in owner if t.pos_ == "PROPN" or t.tag_ == "POS"]
            owner = _strip(owner)
            return self._single(owner) if owner and owner != toks else None
        if head.lower_ in ORG_HEADS:
            owned = self._owned_body(toks, head)
            return owned if owned is not None else self._organization_phrase(toks, text)
        plural = head.tag_ == "NNS" or (head.tag_ == "NNPS" and head.ent_type_ in ("NORP", ""))
        if plural and not (
            # the tagger calls "Sanders" a plural; an introduced surname is a person
            head.text[:1].isupper() and self.reg.match_person(text, None, toks[0].i) is not None
        ):
            # "Clinton supporters", "Iraqi officials", "analysts", "Democrats"
            return self.reg.entity(self._group_name(toks), "group")
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if head.pos_ == "NOUN" and owner is not None and owner.pos_ == "PROPN":
            name = self._name_after_title(toks, head) if _is_title(head) else []
            if name:
                # "Iran's top diplomat Abbas Araqchi", "Nevada's governor, Brian
                # Sandoval, …": the title's owner is not who speaks, the name is
                upto = [t for t in toks if t.i <= name[-1].i]
                found = self._named(upto, _text(upto))
                if found is not None:
                    return found
            if _is_title(head):
                # "Donald Trump's campaign manager": someone else, known by that role
                return self._role(toks)
            if head.lower_ in RELATIVE_NOUNS:
                # "Ben Carson's wife": someone else, unnamed here
                return self.reg.entity(self._group_name(toks), "group")
            # "Clinton's attack on Trump", "Trump's remarks": the owner speaks through it
            named = _strip([t for t in owner.subtree if t.tag_ != "POS"])
            return self._single(named) if named and named != toks else None
        if head.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "to", "with", "from")
            for c in head.children
        ):
            # "a spokeswoman for Hillary Clinton": someone unnamed, not Clinton;
            # "the spokesman for the ministry" may have been named earlier
            definite = toks[0].i > 0 and self.doc[toks[0].i - 1].lower_ == "the"
            if definite and _is_title(head):
                found = self._role(toks[: [t.i for t in toks].index(head.i) + 1])
                if found is not None and not found.role_only:
                    return found
            return self.reg.entity(self._group_name(toks), "group")
        partitive = head.pos_ in ("PRON", "DET", "NUM", "ADJ") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children
        )
        common = head.pos_ == "NOUN" and head.text[:1].islower() and not _is_title(head)
        if (partitive or common) and any(t.pos_ == "PROPN" for t in toks):
            # "some of Clinton's allies", "a Clinton ally", "another source familiar with
            # Cruz's thinking": a name in a modifier is not who speaks
            return self.reg.entity(self._group_name(toks), "group")
        named = self._named(toks, text)
        if named is not None:
            return named
        # A place speaking for its government: "Iran said", "Damascus saying".
        if len(toks) <= 3 and all(t.pos_ == "PROPN" for t in toks):
            if fold(text) in KNOWN_PLACES or country_stem(text) or toks[-1].ent_type_ == "GPE":
                return self.reg.organization(text)
        # Unnamed people: "a senior official", "another source".
        before = self.doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
        if (
            before in ("a", "an")
            or lowered[0] in ("a", "an", "one", "another")
            or head.lower_ in ("source", "sources")
        ):
            return self.reg.entity(self._group_name(toks), "group")
        # A role: "the Iraqi top diplomat", "Iran's foreign minister", "the Republican".
        if any(_is_title(t) for t in toks) or "diplomat" in lowered:
            return self._role(toks)
        return None

    def _apposition(self, toks: list[Token]) -> Entity | None:
        """ "Masoud Pezeshkian, the Iranian president" / "The campaign chairman, Phil Lovas".

        The name before the first comma is the speaker whatever follows it
        ("Don Fowler, who helmed the DNC during Bill Clinton's presidency" is
        Fowler); a title there becomes the description.
        """
        commas = [k for k, t in enumerate(toks) if t.text == ","]
        if not commas:
            return None
        first, rest = _strip(toks[: commas[0]]), _strip(toks[commas[0] + 1 :])
        if not first or not rest:
            return None
        run = self._trailing_name(first, loose=True)
        role_head = self.doc[first[0].i : first[-1].i + 1].root.pos_ == "NOUN"
        before = run[0].i - 1 if run else 0
        if before > 0 and self.doc[before].lower_ == "the":
            before -= 1  # "Iran's ambassador to the IAEA, Reza Najafi,"
        if run and role_head and self.doc[before].pos_ == "ADP":
            # "A spokesperson for Guterres, Stephane Dujarric,": the name after the
            # comma speaks; the one before is whom they speak for
            name_part = _strip(toks[commas[0] + 1 : commas[1]] if len(commas) > 1 else rest)
            only_a_name = all(t.pos_ == "PROPN" or t.is_punct or _is_title(t) for t in name_part)
            if only_a_name and self._trailing_name(name_part, loose=True):
                entity = self._named(name_part, _text(name_part))
                if entity is not None and entity.kind == "person":
                    entity.add_description(_text(first))
                    return entity
        if run:
            entity = self._named(first, _text(first))
            if entity is not None:
                title = _short_title(rest)
                if title and entity.kind == "person":
                    entity.add_description(_text(title))
                return entity
        title = _short_title(first)
        if self._trailing_name(rest, loose=True):
            name_part = _strip(toks[commas[0] + 1 : commas[1]] if len(commas) > 1 else rest)
            # "His Iranian counterpart, Abbas Araqchi,": a role that is no title
            # still names the person after the comma
            root = self.doc[first[0].i : first[-1].i + 1].root
            role = (
                root.tag_ == "NN"
                and all(t.pos_ == "PROPN" or t.is_punct or _is_title(t) for t in name_part)
                and any(t.ent_type_ == "PERSON" for t in name_part)  # not "…, Berkeley"
            )
            if title or role:
                entity = self._named(name_part, _text(name_part))
                if entity is not None and entity.kind == "person":
                    if title:
                        entity.add_description(_text(title))
                    return entity
        return None

    def _named(self, toks: list[Token], text: str) -> Entity | None:
        """A person (or body) named by proper nouns, with any title before the name.

        A loosely tagged run ("Pezeshkian" as ADJ) counts only when it names
        someone introduced.
        """
        entity, run = None, self._trailing_name(toks, loose=True)
        if run and run[-1].ent_type_ in ("GPE", "LOC") and run[0].i > toks[0].i:
            # "Representative Charles B. Rangel of New York": the person, not the place
            people = [t for t in toks if t.ent_type_ == "PERSON" and t.i < run[0].i]
            if people:
                run = _last_run(people)
        given = [t for t in run if t.lower_ not in GIVEN_NAME_TITLES]
        if (
            len(given) == 1
            and given[0].i > 0
            and self.doc[given[0].i - 1].lower_ in GIVEN_NAME_TITLES
        ):
            entity = self.reg.match_given(given[0].text, given[0].i)
        if run and entity is None:
            entity = self._lookup(run)
        if entity is None:
            person_toks = _last_run(
                [t for t in toks if t.ent_type_ == "PERSON" and _is_name_token(t)]
            )
            run = self._trailing_name(toks) or person_toks
            if run:
                entity = self._lookup(run)
        if not run:
            return None
        name = _text(run)
        # only the title written right before the name, by the same rules as in the
        # registry ("the Syrian refugees President Obama" is titled "President")
        title = _left_title(self.doc, run[0].i, toks[0].i)
        if entity is None and self._is_organization(toks, run):
            prefix = toks[: toks.index(run[0])] if run[0] in toks else []
            if (
                run[-1] is toks[-1]
                and len(prefix) >= 2
                and prefix[-1].tag_ == "POS"
                and all(t.ent_type_ in ("GPE", "LOC") or t.tag_ == "POS" for t in prefix)
            ):
                # "Lebanon's Hezbollah", "Iran's IRNA": the body itself, so that it
                # is one speaker with the articles that call it "Hezbollah"
                org = self.reg.organization(name)
                org.add_alias(text)
                return org
            return self.reg.organization(text)
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
        if title and any(_is_title(t) for t in title):
            entity.add_description(_text(title))
        return entity

    def _lookup(self, run: list[Token]) -> Entity | None:
        """The introduced person a run of name words names (an honorific before
        it says which gender), without introducing or renaming anyone."""
        return self.reg.match_person(_text(run), _honorific_gender(self.doc, run[0].i), run[0].i)

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

    def _owned_body(self, toks: list[Token], head: Token) -> Entity | None:
        """ "Lebanese Prime Minister Nawaf Salam's office", later "Salam's office":
        a person's office or campaign, named after the person as the article
        resolves them, so that every way of writing it is one speaker."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None and owner.lower_ in ("his", "her"):
            # "…, his office said": the office of the man the article is on
            found = self._pronoun(owner)
            person = found[0] if len(found) == 1 else None
            written = None  # "his office" is no name to keep
        elif owner is not None and owner.pos_ == "PROPN":
            named = _strip([t for t in owner.subtree if t.tag_ != "POS"])
            run = self._trailing_name(named, loose=True) if named else []
            if not run:
                return None
            # only look the owner up: resolving it would rename or introduce people
            person = self._lookup(run)
            words = name_tokens(_text(run))
            if len(words) == 1 and (
                sum(
                    1
                    for e in self.reg.entities
                    if e.kind == "person" and not e.role_only and name_tokens(e.name)[-1:] == words
                )
                > 1
            ):
                return None  # "Clinton's campaign" beside Bill and Hillary: whose is not said
            written = _text(toks)
        else:
            return None
        if person is None or person.kind != "person" or person.role_only:
            return None
        rest = [t for t in toks if t.i > owner.right_edge.i and t.tag_ != "POS"]
        org = self.reg.organization(f"{person.name}'s {_text(rest)}")
        if written is not None:
            org.add_alias(written)
        return org

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
            text = _text(toks)
        roles = role_tokens(text)
        org = self._org_by_roles(roles, toks[0].i)
        if toks[0].text[:1].isupper() or any(t.pos_ == "PROPN" for t in toks):
            if org is not None and len(roles) <= len(org.roles):
                return org
            return self.reg.organization(text)
        if org is not None:
            return org
        return self.reg.entity(text, "organization", role_only=True)

    def _role(self, toks: list[Token]) -> Entity:
        roles = role_tokens(_text(toks))
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
        fits = [e for e in self.reg.entities if _holds(e, wanted)]
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
                if verb.lemma_.lower() not in REMARK_VERBS or verb.pos_ not in ("VERB", "AUX"):
                    continue
                remarks = next((c for c in verb.children if c.dep_ == "dobj"), None)
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if (
                    remarks is None
                    or subject is None
                    or remarks.lemma_.lower() not in REMARK_NOUNS
                    or not any(d.lower_ in ("the", "these", "those") for d in remarks.lefts)
                ):
                    continue
                run = [t for t in subject.subtree if t.ent_type_ == "PERSON" and _is_name_token(t)]
                entity = self.reg.match_person(_text(run), None, run[0].i) if run else None
                named_before = any(
                    m.start < start and entity in m.entities for m in self.reg.mentions
                )
                if entity is not None and entity.kind == "person" and not named_before:
                    return entity
        return None

    def _trailing_name(self, toks: list[Token], loose: bool = False) -> list[Token]:
        """The run of name words the span ends with ("... Minister Fuad Hussein")."""
        run: list[Token] = []
        for t in reversed(toks):
            if _is_name_token(t, loose) and t.lower_ not in ORG_HEADS:
                run.insert(0, t)
            else:
                break
        while run and not run[0].text[:1].isalpha():
            run.pop(0)
        while run and run[0].lower_ in ("al", "el", "e") and len(run) == 1:
            run.pop(0)
        if not run:
            return []
        # "The Russian Foreign Ministry": a name run right before an org word is not a person
        return run

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
            same = [t.ent_type_ for t in self.doc if t.text == word and t.ent_type_]
            return same.count("PERSON") <= same.count("ORG") + same.count("GPE")
        return False

    def _group_name(self, toks: list[Token]) -> str:
        toks = [t for t in toks if t.lower_ not in ("a", "an", "one", "the")] or toks
        words = [toks[0].text if toks[0].pos_ == "PROPN" or toks[0].ent_type_ else toks[0].lower_]
        words += [t.text_with_ws for t in toks[1:]]
        text = words[0] + (toks[0].whitespace_ if len(toks) > 1 else "") + "".join(words[1:])
        return text.strip()

    def _person_by_roles(self, roles: frozenset[str], before: int) -> Entity | None:
        """The most recent person whose titles cover the role words.

        Words like "presidential" or "former" may be missing from the title the
        article gave ("the Republican presidential nominee" is "Republican
        nominee Donald Trump"); the rest, including any country, must match.
        """
        wanted = roles - SOFT_ROLE_WORDS

        def fits(e: Entity) -> bool:
            return _holds(e, wanted)

        # In the latest sentence that names one, the speaker or subject comes
        # first: after "Lavrov told Fidan …", "the minister" is Lavrov.
        mentions = [
            m for m in self.reg.mentions if m.start < before and any(fits(e) for e in m.entities)
        ]
        if not mentions:
            return None
        last = max(m.sent for m in mentions)
        best = min(
            (m for m in mentions if m.sent == last),
            key=lambda m: (not m.speaker, not m.subject, -m.start),
        )
        return next(e for e in best.entities if fits(e))

    def _org_by_roles(self, roles: frozenset[str], before: int) -> Entity | None:
        candidates = [
            e
            for e in self.reg.entities
            if e.kind == "organization" and not e.role_only and roles <= e.roles
        ]
        return self.reg.most_recent(candidates, before)


def _after_dateline(ent: Span) -> Span:
    """The name the model glued to an all-capitals dateline ("CLEVELAND - Donald
    Trump"), as a PERSON span; any other entity unchanged."""
    toks = list(ent)
    dash = next((k for k, t in enumerate(toks) if t.text in ("-", "—", "–", "--")), None)
    if dash is None or not toks[0].text.isupper() or len(toks[0]) < 3:
        return ent
    rest = toks[dash + 1 :]
    if len(rest) >= 2 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return Span(ent.doc, rest[0].i, rest[-1].i + 1, label="PERSON")
    return ent


# Nouns that say a person's gender when written beside the name: "her husband,
# former President Bill Clinton", "Congresswoman Tulsi Gabbard", ", his wife,".
GENDERED_NOUNS = {
    **dict.fromkeys(
        """husband widower son brother father grandfather uncle nephew boyfriend congressman
        spokesman businessman actor king prince""".split(),
        "m",
    ),
    **dict.fromkeys(
        """wife widow daughter sister mother grandmother aunt niece girlfriend congresswoman
        spokeswoman businesswoman chairwoman actress lady queen princess""".split(),
        "f",
    ),
}


def _apposed_gender(doc: Doc, start: int, end: int, sent: Span) -> str | None:
    """The gender a noun right beside the name gives: directly before it, before
    the comma that opens it, or heading the apposition after it."""
    title = _left_title(doc, start, sent.start)
    k = title[0].i if title else start  # "her husband, former President | Bill Clinton"
    before = doc[k - 1] if k > sent.start else None
    if before is not None and before.text == "," and k - 2 >= sent.start:
        before = doc[k - 2]
    if before is not None and before.lower_ in GENDERED_NOUNS:
        return GENDERED_NOUNS[before.lower_]
    if end + 1 < sent.end and doc[end].text == ",":
        for t in doc[end + 1 : min(sent.end, end + 5)]:
            if t.pos_ == "NOUN":
                return GENDERED_NOUNS.get(t.lower_)
    return None


def _is_subject(head: Token) -> bool:
    return head.dep_ in ("nsubj", "nsubjpass") or (
        head.dep_ in ("compound", "conj", "nmod") and head.head.dep_ in ("nsubj", "nsubjpass")
    )


def _sole_subject(head: Token) -> bool:
    """The subject alone: in "Mrs. Clinton and Bill Clinton worried that she ..."
    a pronoun says nothing about either one's gender."""
    if head.dep_ == "compound":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "conj" for c in head.children)


def _starts_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"


# Words a Title Case headline may leave in lower case.
HEADLINE_SMALL_WORDS = frozenset(
    "a an the of to and or nor but in on at by for as vs via per from with into".split()
)


def _title_case(sent: Span) -> bool:
    """A headline written in Title Case ("Sanders Burns Clinton With First Lead"):
    ordinary words capitalised mid-sentence, and none left in lower case. Names
    and titles are capitalised in any sentence, so only words outside entities
    that the tagger does not call proper nouns count."""
    words = [
        t
        for t in list(sent)[1:]
        if t.is_alpha
        and t.pos_ != "PROPN"
        and not t.ent_type_
        and t.lower_ not in HEADLINE_SMALL_WORDS
    ]
    if any(t.text[:1].islower() for t in words):
        return False
    return sum(t.text[:1].isupper() for t in words) >= 2


def _drop_parenthetical(toks: list[Token]) -> list[Token]:
    """Brackets hold labels, not speakers: "Mike Pence (R-IN)", "Jeff Merkley (D-Ore.)"."""
    out: list[Token] = []
    depth = 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")" and depth:
            depth -= 1
        elif not depth:
            out.append(t)
    return out if out else toks


def _surface_form(toks: list[Token]) -> bool:
    """A short naming phrase worth keeping as an alias (no pronoun, list or clause,
    and not a thing someone owns: "Trump's remarks" names no one)."""
    head = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    owned = (
        head.pos_ == "NOUN" and not _is_title(head) and any(c.dep_ == "poss" for c in head.children)
    )
    return (
        not owned
        and len(toks) <= 8
        and toks[0].lower_ not in STATEMENT_NOUNS | PRODUCT_NOUNS
        and not (len(toks) == 1 and toks[0].pos_ == "PRON")
        and not any(t.text in (",", "(", ";") or t.pos_ in ("VERB", "AUX") for t in toks)
        and not any(t.lower_ in ("and", "both", "two") for t in toks)
    )


def _short_title(toks: list[Token]) -> list[Token]:
    """The role in an apposition, without the clauses hung on it.

    "an economist who served as director of ..." -> "economist"; "the
    interim chairwoman of the Democratic National Committee" stays whole. Empty
    when no title word is in it.
    """
    out: list[Token] = []
    for t in toks:
        if t.lower_ in ("who", "which", "that", "whom", "whose", "--", "—", ",", ";", "(") or (
            t.lower_ == "and" and any(_is_title(x) for x in out)
        ):
            break
        out.append(t)
        if len(out) >= 10:
            break
    out = _strip(out)
    return out if any(_is_title(t) for t in out) else []


def _honorific_gender(doc: Doc, start: int) -> str | None:
    """ "Mrs. Clinton" -> "f"."""
    if start > 0:
        return HONORIFIC_GENDER.get(doc[start - 1].lower_.rstrip("."))
    return None


def _last_run(toks: list[Token]) -> list[Token]:
    """The last run of consecutive tokens (by document position)."""
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            run = []
        run.append(t)
    return run


def resolve_speakers(
    doc: Doc, attributions: list[Attribution], excluded: Iterable[CharSpan] = ()
) -> list[Attribution]:
    """Fill ``speaker``, ``speaker_kind``, ``speaker_description`` and aliases.

    Returns the list to use from now on: a joint source ("Lavrov and Fidan")
    becomes one Attribution per speaker, each a copy with the same spans.
    """
    resolver = Resolver(doc, list(excluded))
    order = sorted(
        range(len(attributions)),
        key=lambda k: (attributions[k].source or attributions[k].content or [(0, 0)])[0],
    )
    resolved: dict[int, tuple[Entity, ...]] = {}
    for k in order:
        a = attributions[k]
        if a.speaker is not None or not (a.source or a.cue) or a.kind == "outlet":
            continue
        resolved[k] = resolver.resolve(a.source, a.cue)
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
                    speaker=entity.name,
                    speaker_kind=entity.kind,
                    speaker_description=entity.description,
                    speaker_aliases=[x for x in entity.aliases if _name_like(x)],
                )
            )
    return out


def _name_like(text: str) -> bool:
    """Surface forms worth keeping as aliases: names, not pronouns."""
    return bool(re.search(r"[A-Za-z]", text)) and fold(text) not in MALE | FEMALE | PLURAL | NEUTER
