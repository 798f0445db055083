"""Token helpers of speaker resolution: names, titles and appositions in spaCy tokens.

Small pure functions over ``spacy`` tokens that every part of speaker
resolution (``coref_registry``, ``coref_names``, ``coref_roles``, ...) reads
phrases with: where a name starts and ends, which words before it are its
title, what an apposition after it says. None of them changes anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from loader.attribution.datelines import without_opener
from loader.attribution.spans import article_text
from loader.attribution.tokens import is_dash
from loader.lexicon.function_words import (
    ARTICLES,
    HEADLINE_SMALL_WORDS,
    ISSUER_PREPOSITIONS,
    LIST_WORDS,
    POSSESSIVES,
    RELATIVE_PRONOUNS,
    SET_OFF_RELATIVES,
    TITLE_LINKS,
    TRAILING_ALL,
)
from loader.lexicon.people import (
    DESCRIPTIVE_ROLES,
    GENDERED_NOUNS,
    HONORIFIC_GENDER,
    HONORIFICS,
    JUDICIAL_TITLES,
    NAME_JOINERS,
    POST_NOMINALS,
    TITLE_WORDS,
)
from loader.lexicon.punctuation import (
    APPOSITION_ENDS,
    PHRASE_BREAKS,
    SET_OFF,
    TITLE_ENDS,
)
from loader.lexicon.statements import (
    ISSUING_VERBS,
    PRODUCT_NOUNS,
    STATEMENT_NOUNS,
)
from loader.names import (
    country_stem,
)


def without_clauses(toks: list[Token]) -> list[Token]:
    """A name without the clause hung on it: "a report from the inspector
    general to be released Thursday" was issued by "the inspector general"."""
    cut = min(
        (t.left_edge.i for t in toks if t.dep_ in ("acl", "relcl") and t.left_edge.i > toks[0].i),
        default=None,
    )
    return toks if cut is None else [t for t in toks if t.i < cut]


def issuer_of(statement: Token) -> Token | None:
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
        if child.lower_ in ISSUER_PREPOSITIONS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def is_name_list(toks: Sequence[Token]) -> bool:
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
        and (len(part) == 1 or country_stem(phrase_text(part)) is not None)
        for part in parts
    )


def strip_phrase(tokens: Sequence[Token]) -> list[Token]:
    """Drop leading determiners/punctuation and trailing punctuation/possessives."""
    toks = list(tokens)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].lower_ in ARTICLES):
        toks.pop(0)
    while toks and (
        toks[-1].is_punct
        or toks[-1].is_space
        or toks[-1].tag_ == "POS"
        or toks[-1].lower_ == TRAILING_ALL
    ):
        toks.pop()
    return toks


def phrase_text(tokens: Sequence[Token]) -> str:
    # Span.text joins only these tokens; Doc.text would rebuild the whole article.
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text


def is_title(tok: Token) -> bool:
    return tok.lower_ in TITLE_WORDS


def is_role(tok: Token) -> bool:
    """A title or a word of trade written before a name ("Presenter", "controller")."""
    return is_role_word(tok.lower_)


def is_role_word(lower: str) -> bool:
    """``is_role`` on a token's lower-case form (for passes that test each
    distinct word once, see ``spans.positions_where``)."""
    return lower in TITLE_WORDS or lower in DESCRIPTIVE_ROLES


def is_post_nominal(tok: Token) -> bool:
    """ "QC", "MP", "OBE" after a name: description, not name."""
    return tok.text.rstrip(".") in POST_NOMINALS


def _opens(tok: Token) -> bool:
    """Does ``tok`` open a sentence, a line or a clause after punctuation, or
    stand in a headline in capitals ("SAYS LOVELY LISA")?"""
    doc = tok.doc
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = doc[tok.i - 1]
    # a line break before it is a space token, which is not alpha either
    return not prev.is_alpha or (prev.text.isupper() and tok.text.isupper())


# The lemmatizer's tables read so far, by pipeline and part of speech.
_LEMMA_INDEX: dict[tuple[object, str], frozenset[str]] = {}


def _lemma_index(doc: Doc, pos: str) -> frozenset[str]:
    """The base forms of English verbs or adjectives (``pos`` "verb", "adj")
    the lemmatizer of the pipeline that parsed ``doc`` knows (its
    ``lemma_index`` table, ``--model`` included): data of the model, not a
    word list of ours."""
    try:
        from loader.nlp import pipeline_of

        nlp = pipeline_of(doc)
    except (ValueError, OSError, ImportError):
        return frozenset()
    if (nlp, pos) not in _LEMMA_INDEX:
        try:
            table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")[pos]
            _LEMMA_INDEX[nlp, pos] = frozenset(table)
        except (KeyError, ValueError):
            _LEMMA_INDEX[nlp, pos] = frozenset()
    return _LEMMA_INDEX[nlp, pos]


def is_epithet(tok: Token) -> bool:
    """ "Brave Tracy said", "LOVELY LISA": tabloids open a sentence with an
    adjective before a given name. Only where the article itself writes that
    given name before a surname ("Tracy Shaw") elsewhere, so "Rich Wilson" or
    "Young Turner" stay names wherever the article never gives a Rich or a
    Young another surname."""
    doc = tok.doc
    opens = _opens(tok)
    if not (opens and tok.text[:1].isupper() and tok.i + 1 < len(doc)):
        return False
    nxt = doc[tok.i + 1]
    if not (nxt.is_alpha and nxt.text[:1].isupper()) or tok.lower_ not in _lemma_index(doc, "adj"):
        return False
    pattern = rf"\b(?i:{re.escape(nxt.text)})(?=\s+[A-Z][a-z])"
    return any(m.start() != nxt.idx for m in re.finditer(pattern, text_of(doc)))


def _verb_stems(word: str) -> list[str]:
    """The base forms an -ing or -ed word may come from: "sentencing" ->
    sentenc, sentence; "stunning" -> stunn, stunne, stun."""
    for end in ("ing", "ed"):
        if word.endswith(end):
            stem = word[: -len(end)]
            stems = [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # doubled consonant
            return stems
    return []


def is_participle_opener(tok: Token) -> bool:
    """ "Sentencing Smith, the judge said", "Thrilled Noel told ...": a verb or
    participle opening a sentence before a name is never the name's first
    word. The tagger's verb tags decide, else the word is an -ing or -ed form
    of a verb the lemmatizer knows ("Harding", "Mohammed" are no verb forms)."""
    doc = tok.doc
    opens = _opens(tok)
    before_name = tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()
    if not (opens and before_name and tok.text[:1].isupper()):
        return False
    if tok.tag_ in ("VBG", "VBN", "VBD"):
        return True
    verbs = _lemma_index(doc, "verb")
    return len(tok.text) >= 5 and any(stem in verbs for stem in _verb_stems(tok.lower_))


def text_of(doc: Doc) -> str:
    """The article's text, built once: ``Doc.text`` joins every token anew."""
    return article_text(doc)


def _written_title_case(doc: Doc, word: str) -> bool:
    """Does the article write ``word`` ("HELEN") in Title case ("Helen") anywhere?"""
    cache = doc.user_data.setdefault("diplo_title_words", {})
    if word not in cache:
        cache[word] = re.search(rf"\b{re.escape(word.title())}\b", text_of(doc)) is not None
    return cache[word]


def is_slug(tok: Token) -> bool:
    """ "COURTS Smith", "SHOWBIZ Elton": a word in capitals before a Title-case
    name word is the wire's slug, unless the article writes it in Title case
    elsewhere ("HELEN Flanagan" where "Helen" is written too is a name in
    capitals, as papers open a story)."""
    doc = tok.doc
    if not (tok.is_alpha and len(tok.text) >= 3 and tok.text.isupper()):
        return False
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1].text
    if not (nxt[:1].isupper() and any(c.islower() for c in nxt[1:])):
        return False
    return not _written_title_case(doc, tok.text)


def completes_title(tok: Token) -> bool:
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
        if not (doc[i].text[:1].isupper() or joined) or is_title(doc[i]):
            break
        i -= 1
    if i >= 0 and is_title(doc[i]):
        return False
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 1 and doc[i].lower_ == "of" and is_title(doc[i - 1])


def _judicial_title(tok: Token) -> bool:
    """ "Mr Justice Smith": a judicial title after the honorific, then the name."""
    doc = tok.doc
    return (
        tok.lower_ in JUDICIAL_TITLES
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text[:1].isupper()
        and doc[tok.i + 1].is_alpha
    )


def _title_as_surname(tok: Token) -> bool:
    """ "Mr. King", "Charlie King": a title word used as a surname."""
    if not (is_role(tok) and tok.i > 0) or _judicial_title(tok):
        return False
    prev = tok.doc[tok.i - 1]
    return prev.lower_.rstrip(".") in HONORIFICS or (
        tok.ent_type_ == "PERSON"
        and tok.ent_iob_ == "I"
        and prev.pos_ == "PROPN"
        and not is_title(prev)
        and (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")
    )


def in_capitals_person(tok: Token) -> bool:
    """ "NOEL EDMONDS has quit": a name in capitals, as papers open a story.
    The tagger reads such words as adjectives and plural nouns; the entity
    recogniser's PERSON is the better witness there."""
    return tok.ent_type_ == "PERSON" and tok.is_alpha and len(tok.text) > 1 and tok.text.isupper()


def is_name_token(tok: Token, loose: bool = False) -> bool:
    """Part of a personal name: a proper noun that is not a title or a place adjective.

    ``loose`` also takes capitalised words the tagger called something else
    (it tags "Pezeshkian" ADJ); callers use it only to look up people already
    introduced, never to introduce one.
    """
    if tok.lower_.rstrip(".") in HONORIFICS or is_post_nominal(tok):
        return False
    if _title_as_surname(tok):
        return True
    if tok.text == "-":
        # "Ban Ki-moon" joins; the spaced dash of "CHICO, Calif. - Bernie Sanders" ends
        # a dateline and never joins it to the name
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.lower_ in NAME_JOINERS:
        return True
    pos_ok = (
        tok.pos_ == "PROPN"
        or (loose and tok.pos_ in ("ADJ", "NOUN", "X"))
        or in_capitals_person(tok)
    )
    if not pos_ok or is_role(tok) or tok.ent_type_ in ("DATE", "TIME"):
        return False
    if is_participle_opener(tok) or is_slug(tok) or is_epithet(tok):
        return False
    return (
        tok.text[:1].isupper()
        and tok.tag_ != "POS"
        and country_stem(tok.text) is None
        and not completes_title(tok)  # last: it walks back over the tokens before
    )


def _title_word_before(doc: Doc, i: int, toks: list[Token]) -> bool:
    """Does token ``i`` belong to the title ``toks`` read leftwards so far?"""
    t = doc[i]
    if t.tag_ == "POS" or t.text == "-":
        return True
    if t.lower_ in TITLE_LINKS and toks and (toks[0].text[:1].isupper() or toks[0].lower_ == "the"):
        return True
    if t.lower_ == "the" and toks and toks[0].text[:1].isupper() and doc[i - 1].lower_ == "of":
        return True  # "Chancellor of the Exchequer"
    return (
        t.pos_ in ("PROPN", "ADJ", "NOUN")
        and t.ent_type_ != "PERSON"
        and not t.is_punct
        and t.lower_ not in POSSESSIVES
        # a plural common noun is the clause before, not the title: "If the
        # Syrian refugees President Obama wants to bring ..."
        and not (t.tag_ == "NNS" and t.text[:1].islower())
    )


def left_title(doc: Doc, start: int, floor: int) -> list[Token]:
    """The title written directly before a name: "Iran's Foreign Minister" Abbas Araghchi."""
    toks: list[Token] = []
    i = start - 1
    if i >= floor and doc[i].lower_.rstrip(".") in HONORIFICS:
        return []  # "adviser to Mr. Obama": what stands before "Mr." is someone else's
    while i >= floor and _title_word_before(doc, i, toks):
        toks.insert(0, doc[i])
        i -= 1
    while toks and (toks[0].lower_ in TITLE_LINKS or toks[0].tag_ == "POS"):
        toks.pop(0)
    while toks and is_slug(toks[0]):
        toks.pop(0)  # "COURTS Detective Inspector Smith": the slug describes nobody
    if any(is_role(t) for t in toks):
        return toks
    return []


def right_apposition(doc: Doc, end: int, sent_end: int) -> list[Token]:
    """ ", the Iranian president," after a name."""
    if end >= sent_end or doc[end].text != ",":
        return []
    toks: list[Token] = []
    for t in doc[end + 1 : sent_end]:
        if t.text in APPOSITION_ENDS or t.lower_ in RELATIVE_PRONOUNS:
            break
        if t.pos_ in ("VERB", "AUX", "PRON"):
            # "... with Mr. Obama, the prime minister looked ashen": the subject of
            # the next clause, not an apposition (that one is closed by punctuation)
            return []
        toks.append(t)
    toks = short_title(strip_phrase(toks))
    if toks and not any(t.ent_type_ == "PERSON" for t in toks):
        return toks
    return []


def left_apposition(doc: Doc, start: int, sent_start: int) -> list[Token]:
    """ "Iran's president, Masoud Pezeshkian," : a title phrase opening the sentence."""
    if start - 1 <= sent_start or doc[start - 1].text != ",":
        return []
    toks = left_title(doc, start - 1, sent_start)
    if not toks:
        # the title may end in a common noun the loop above already takes
        return []
    first = toks[0].i
    before = doc[first - 1] if first - 1 >= sent_start else None
    if before is None or before.lower_ in ARTICLES and first - 1 == sent_start:
        return toks
    return []


def after_dateline(ent: Span) -> Span:
    """The name the model glued to the article's dateline or to a heading in
    capitals ("CLEVELAND - Donald Trump", tagged ORG whole), as a PERSON
    span; any other entity unchanged. What counts as either is
    ``loader.attribution.datelines.OPENERS``."""
    rest = without_opener(ent.doc, list(range(ent.start, ent.end)))
    if (
        rest
        and len(rest) >= 2
        and all(ent.doc[i].pos_ == "PROPN" and ent.doc[i].text[:1].isupper() for i in rest)
    ):
        return Span(ent.doc, rest[0], rest[-1] + 1, label="PERSON")
    return ent


def apposed_gender(doc: Doc, start: int, end: int, sent: Span) -> str | None:
    """The gender a noun right beside the name gives: in the title written
    before it ("actress Susan Sarandon"), directly before that, before the
    comma that opens it, or heading the apposition after it."""
    title = left_title(doc, start, sent.start)
    said = next((GENDERED_NOUNS[t.lower_] for t in title if t.lower_ in GENDERED_NOUNS), None)
    if said is not None:
        return said  # "Oscar-winning actress Susan Sarandon"
    k = title[0].i if title else start  # "her husband, former President | Bill Clinton"
    before = doc[k - 1] if k > sent.start else None
    if before is not None and before.text == "," and k - 2 >= sent.start:
        before = doc[k - 2]
    if before is not None and before.lower_ in GENDERED_NOUNS:
        return GENDERED_NOUNS[before.lower_]
    described = _described_by(doc, k, sent.start)
    if described is not None:
        return described
    if end + 1 < sent.end and doc[end].text == ",":
        for t in doc[end + 1 : min(sent.end, end + 5)]:
            if t.pos_ == "NOUN":
                return GENDERED_NOUNS.get(t.lower_)
    return None


def _described_by(doc: Doc, k: int, sent_start: int) -> str | None:
    """ "his wife and agent Jennifer": the gender a noun of a description
    joined by "and" right before the name gives (lowercase nouns only, at
    most four words back)."""
    for t in reversed(doc[max(sent_start, k - 4) : k]):
        if t.lower_ in GENDERED_NOUNS and t.pos_ == "NOUN":
            return GENDERED_NOUNS[t.lower_]
        if not (t.pos_ == "NOUN" and t.text.islower()) and t.lower_ != "and":
            return None
    return None


def is_subject(head: Token) -> bool:
    return head.dep_ in ("nsubj", "nsubjpass") or (
        head.dep_ in ("compound", "conj", "nmod") and head.head.dep_ in ("nsubj", "nsubjpass")
    )


def sole_subject(head: Token) -> bool:
    """The subject alone: in "Mrs. Clinton and Bill Clinton worried that she ..."
    a pronoun says nothing about either one's gender."""
    if head.dep_ == "compound":
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass") and not any(c.dep_ == "conj" for c in head.children)


def starts_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B"


def is_title_case(sent: Span) -> bool:
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


def drop_parenthetical(toks: list[Token]) -> list[Token]:
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


def drop_set_off_clause(toks: list[Token]) -> list[Token]:
    """ "Amanda Holden - who pranced in her undies on The Grimleys -", "the
    ministry, which ...": a relative clause set off by a comma or a dash (a
    spaced hyphen too, as UK papers write one) describes the speaker; the words
    before it say who it is."""
    for k in range(1, len(toks) - 1):
        mark, word = toks[k], toks[k + 1]
        if (mark.text in SET_OFF or is_dash(mark)) and word.lower_ in SET_OFF_RELATIVES:
            return toks[:k]
    return toks


def is_surface_form(toks: list[Token]) -> bool:
    """A short naming phrase worth keeping as an alias (no pronoun, list or clause,
    and not a thing someone owns: "Trump's remarks" names no one)."""
    head = toks[0].doc[toks[0].i : toks[-1].i + 1].root
    owned = (
        head.pos_ == "NOUN" and not is_title(head) and any(c.dep_ == "poss" for c in head.children)
    )
    return (
        not owned
        and len(toks) <= 8
        and toks[0].lower_ not in STATEMENT_NOUNS | PRODUCT_NOUNS
        and not (len(toks) == 1 and toks[0].pos_ == "PRON")
        and not any(t.text in PHRASE_BREAKS or t.pos_ in ("VERB", "AUX") for t in toks)
        and not any(t.lower_ in LIST_WORDS for t in toks)
    )


def short_title(toks: list[Token]) -> list[Token]:
    """The role in an apposition, without the clauses hung on it.

    "an economist who served as director of ..." -> "economist"; "the
    interim chairwoman of the Democratic National Committee" stays whole. Empty
    when no title word is in it.
    """
    out: list[Token] = []
    for t in toks:
        if (
            t.lower_ in RELATIVE_PRONOUNS
            or t.lower_ in TITLE_ENDS
            or (t.lower_ == "and" and any(is_title(x) for x in out))
        ):
            break
        out.append(t)
        if len(out) >= 10:
            break
    out = strip_phrase(out)
    return out if any(is_title(t) for t in out) else []


def honorific_gender(doc: Doc, start: int) -> str | None:
    """ "Mrs. Clinton" -> "f"."""
    if start > 0:
        return HONORIFIC_GENDER.get(doc[start - 1].lower_.rstrip("."))
    return None


def last_run(toks: list[Token]) -> list[Token]:
    """The last run of consecutive tokens (by document position)."""
    run: list[Token] = []
    for t in toks:
        if run and t.i != run[-1].i + 1:
            run = []
        run.append(t)
    return run
