"""Words of a claim as matching sees them, and as the page shows them.

Matching compares normalised words (folded case and accents, light stemming,
figures set aside); the page renders the original words. ``segments`` keeps
both: each word with the exact text that follows it up to the next word, so a
word diff can be rendered by concatenation and never splits a word.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from loader.lexicon.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES
from loader.matching.thresholds import STOPWORD_WEIGHT
from loader.names import fold

# Abbreviations with dots (U.S., U.N.) are one word; hyphens and apostrophes
# inside a word keep it whole (al-Asad, Iraq's); digit groups keep 1,500 and 2.5.
_WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:['’\-]\w+|[.,]\d+)*")

STOPWORDS = frozenset(
    """a an the and or but if then than that this these those there here of to in on at by for
    from with without about as into onto over under after before between during while is are was
    were be been being am has have had do does did will would shall should can could may might
    must not no nor so too very it its it's he him his she her hers they them their theirs we us
    our ours you your yours i me my mine who whom whose which what when where why how also just
    all any both each few more most other some such only own same again further once said says
    say told tells according""".split()
)

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70"}
    | {"eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000"}
    | {"million": "1e6", "billion": "1e9", "trillion": "1e12", "dozen": "12"}
)
_MONTHS = {m: f"month:{m[:3]}" for m in MONTH_NAMES}
_MONTHS.update({m[:3]: v for m, v in list(_MONTHS.items()) if m != "may"})
_MONTHS.update({short: _MONTHS[full] for short, full in MONTH_ABBREVIATIONS.items()})


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")


@functools.lru_cache(maxsize=1 << 17)
def norm_word(word: str) -> str:
    """The comparable form of one word: folded, possessive and inner dots dropped.

    Cached: news vocabulary repeats, and this runs for every word of every
    claim and article on each match.
    """
    w = word.lower() if word.isascii() else fold(word)
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace(".", "").replace("'", "").replace("-", "")


@functools.lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A light suffix strip so that "ties"/"tie" and "talks"/"talk" meet.

    Deliberately crude: it only has to make inflections of one word meet, and a
    stemmer that merges different words would merge different statements.
    """
    if len(word) > 4:
        for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
            if word.endswith(suffix) and not word.endswith("ss"):
                return word[: -len(suffix)] + repl
    return word


def figure(word: str) -> str | None:
    """The value of a number or month word ("15", "1,500", "fifteen", "Jan"), else None."""
    if word[0].isdigit():
        value = word.replace(",", "")
        # ordinals: "15th" is the 15 of "Dec. 15"
        return value[:-2] if _ORDINAL.fullmatch(value) else value
    return _NUMBER_WORDS.get(word) or _MONTHS.get(word)


class Segment(NamedTuple):
    """One word: its normalised form and its original text up to the next word.

    A named tuple rather than a dataclass: match builds millions of them.
    """

    norm: str
    text: str
    start: int  # offset of the word in the claim text
    tail: str = ""  # the spacing and punctuation after the word


def segments(text: str) -> list[Segment]:
    """Split a claim into words carrying their trailing spacing and punctuation.

    Text before the first word (an opening quote mark) goes with the first
    word, so joining every ``Segment.text`` gives back ``text`` exactly. A
    leading complementiser ("that Iran is ready") is folded into the next
    word: it belongs to the reporting, not to the statement.
    """
    matches = list(_WORD.finditer(text))
    if not matches:
        return [Segment("", text, 0)] if text else []
    out: list[Segment] = []
    for i, m in enumerate(matches):
        begin = 0 if i == 0 else m.start()
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append(Segment(norm_word(m.group()), text[begin:end], m.start(), text[m.end() : end]))
    if len(out) > 1 and out[0].norm == "that":
        out[1] = Segment(out[1].norm, out[0].text + out[1].text, out[1].start, out[1].tail)
        out.pop(0)
    return out


def word_weight(word: str) -> float:
    """Content words count fully; function words a little (see thresholds)."""
    return STOPWORD_WEIGHT if word in STOPWORDS else 1.0


@dataclass(frozen=True, eq=False)
class ClaimText:
    """What the scorer needs of one claim, computed once per match."""

    tokens: tuple[str, ...]  # normalised words, figures replaced by "#"
    words: dict[str, float]  # stems of the non-figure words -> weight
    bigrams: frozenset[tuple[str, str]]
    figures: frozenset[str]
    entities: frozenset[str]  # stems of capitalised non-function words

    @property
    def length(self) -> int:
        return len(self.tokens)


@functools.lru_cache(maxsize=1 << 17)
def _word_info(word: str) -> tuple[str, str, float, str | None, bool]:
    """(norm, stem, weight, figure, is a name) of one surface word, cached."""
    norm = norm_word(word)
    weight = STOPWORD_WEIGHT if norm in STOPWORDS else 1.0
    # a capitalised content word: a name, place or body
    name = word[:1].isupper() and weight == 1.0 and norm != "i"
    return norm, stem(norm), weight, figure(norm) if norm else None, name


def claim_text(text: str) -> ClaimText:
    """Normalise a claim's content for scoring.

    Works on the regex matches directly rather than on ``segments``: it runs
    for every claim on every match, and needs no spacing.
    """
    raw = _WORD.findall(text)
    if len(raw) > 1 and norm_word(raw[0]) == "that":
        raw = raw[1:]
    tokens: list[str] = []
    figures: set[str] = set()
    entities: set[str] = set()
    words: dict[str, float] = {}
    for word in raw:
        norm, stemmed, weight, value, name = _word_info(word)
        if not norm:
            continue
        if value is not None:
            figures.add(value)
            tokens.append("#")
            continue
        tokens.append(norm)
        if words.get(stemmed, 0.0) < weight:
            words[stemmed] = weight
        if name:
            entities.add(stemmed)
    bigrams = frozenset(zip(tokens, tokens[1:], strict=False))
    return ClaimText(tuple(tokens), words, bigrams, frozenset(figures), frozenset(entities))
