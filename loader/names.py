"""Comparing names of people, bodies and roles as news English spells them.

Both the within-article resolver (``attribution.coref``) and the cross-article
speaker table (``speakers``) must agree on when two spellings are one name, so
the rules live here, once:

* ``fold`` - lower case, no accents, curly apostrophes straightened;
* ``name_tokens`` - the words of a personal name without the Arabic/Persian
  article particles that outlets write or drop at will (al-, el-, Al-e, ...);
* ``token_key`` - a transliteration key for one name word. Romanisations of
  Arabic and Persian names differ mostly in how they write q/gh/k, dh/z,
  ou/u, doubled consonants and short vowels, so the key folds those together:
  Araghchi/Araqchi -> ``arkxi``-like keys compare equal, as do
  Mohammed/Muhammad/Mohammad and Hussein/Husayn/Hossein;
* ``role_tokens`` - a role or organisation phrase reduced to comparable words,
  so "Iran's Foreign Minister", "the Iranian foreign minister", "Iranian FM"
  and "the Iranian top diplomat" all give {iran, foreign, minister}.

Everything is deterministic: no model, no data file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from loader.lexicon.bodies import ORG_HEADS, ROLE_STOPWORDS, ROLE_SYNONYMS
from loader.lexicon.people import (
    PARTICLE_PREFIXES,
    PARTICLES,
    TITLE_WORDS,
    TRANSLITERATION_DIGRAPHS,
)
from loader.lexicon.places import DEMONYMS

# The word lists live in ``loader.lexicon``. ORG_HEADS and TITLE_WORDS stay
# importable from here only for ``attribution.false_cues``, until it imports
# them from the lexicon.
__all__ = [
    "ORG_HEADS",
    "TITLE_WORDS",
    "clean_label",
    "country_stem",
    "fold",
    "given_compatible",
    "name_keys",
    "name_tokens",
    "role_tokens",
    "same_word",
    "token_key",
]

# Hyphenated article prefixes: al-Sudani, el-Sisi, Al-e Sadeq, as-Sadr.
_PREFIX = re.compile(r"^(?:" + "|".join(PARTICLE_PREFIXES) + r")-(?=\w)", re.IGNORECASE)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean_label(text: str) -> str:
    """A name or alias as stored: control characters (the wire's 0x19 byte,
    tabs, line breaks) become one space, spaces collapse."""
    return " ".join(_CONTROL.sub(" ", text).split())


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Lower-case, accent-free, single-spaced form used for comparisons."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("`", "'")
    return " ".join(plain.lower().split())


def name_tokens(name: str) -> list[str]:
    """Folded words of a personal name, particles removed ("Al-e Sadeq" -> ["sadeq"])."""
    return list(_name_tokens(name))


@lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = re.split(r"[\s]+", fold(name).replace("al-e ", "al-e-"))
    out: list[str] = []
    for word in words:
        word = word.strip(".,;:'\"()")
        if word.startswith("al-e-"):
            word = word[5:]
        word = _PREFIX.sub("", word)
        word = word.replace("'", "")
        if not word or word in PARTICLES:
            continue
        out.append(word)
    return tuple(out)


@lru_cache(maxsize=65536)
def token_key(word: str) -> str:
    """Transliteration key of one name word.

    Digraphs fold first (gh/q/kh -> k, dh -> z, sh/ch -> x, y -> i), then every
    run of vowels becomes one ``a`` (Mohammed/Muhammad, Fuad/Fouad,
    Sadeq/Sadiq), doubled letters collapse (Sabbagh/Sabagh) and a final ``h``
    after a vowel goes (Abdullah/Abdulla). Vowel *positions* survive, which
    keeps Mahmoud apart from Mohammed; a known collision is Hassan/Hussein,
    which is why people are matched on given name and surname together.
    """
    w = re.sub(r"[^a-z]", "", fold(word))
    if not w:
        return ""
    for a, b in TRANSLITERATION_DIGRAPHS:
        w = w.replace(a, b)
    w = re.sub(r"[aeiou]+", "a", w)
    w = re.sub(r"(.)\1+", r"\1", w)
    return re.sub(r"(?<=a)h$", "", w)


def name_keys(name: str) -> list[str]:
    """``token_key`` of each word of a personal name (particles dropped)."""
    return [k for k in (token_key(t) for t in name_tokens(name)) if k]


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Two name words are one when their keys agree or they are near-identical.

    The fuzzy branch catches dropped letters the key cannot ("Araghci" for
    "Araghchi"); it needs long words so short names never meet by accident.
    """
    ka, kb = token_key(a), token_key(b)
    if ka and ka == kb:
        return True
    fa, fb = fold(a), fold(b)
    return min(len(fa), len(fb)) >= 6 and fa[0] == fb[0] and fuzz.ratio(fa, fb) >= 88


def given_compatible(given_a: list[str], given_b: list[str]) -> bool:
    """Do two lists of given names (first and middle) fit one person?

    One list must be contained in the other (a middle name may be omitted),
    an initial ("M.") matching any word with that first letter. Empty lists
    are handled by the caller: they mean "surname only", not "compatible".
    """
    if not given_a or not given_b:
        return False
    short, long = sorted((given_a, given_b), key=len)
    remaining = list(long)
    for word in short:
        for i, other in enumerate(remaining):
            if _initial_match(word, other) or same_word(word, other):
                del remaining[i]
                break
        else:
            return False
    return True


def _initial_match(a: str, b: str) -> bool:
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    return (len(fa) == 1 or len(fb) == 1) and fa[:1] == fb[:1]


@lru_cache(maxsize=65536)
def country_stem(word: str) -> str | None:
    """The country an adjective or possessive names ("Iranian", "Iran's" -> "iran")."""
    w = fold(word)
    w = re.sub(r"'s?$", "", w)
    return DEMONYMS.get(w)


@lru_cache(maxsize=65536)
def role_tokens(phrase: str) -> frozenset[str]:
    """Comparable words of a role or organisation phrase.

    "Iran's Foreign Minister" and "the Iranian top diplomat" both give
    {"iran", "foreign", "minister"}: nationality words become the country,
    synonyms become one spelling, articles and possessives go.
    """
    text = fold(phrase)
    text = text.replace("'s ", " 's ").replace("' ", " ")
    text = re.sub(r"'s$", " 's", text)
    for pattern, repl in ROLE_SYNONYMS:
        text = pattern.sub(repl, text)
    out: set[str] = set()
    for word in re.split(r"[\s,\-]+", text):
        word = word.strip(".;:()\"'")
        if not word or word in ROLE_STOPWORDS:
            continue
        out.add(country_stem(word) or word)
    return frozenset(out)
