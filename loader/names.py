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

PARTICLES = frozenset({"al", "el", "al-e", "e", "ul", "ol"})
# Hyphenated article prefixes: al-Sudani, el-Sisi, Al-e Sadeq, as-Sadr.
_PREFIX = re.compile(r"^(?:al|el|ul|ol|as|ash|ad|ar|at|az)-(?=\w)", re.IGNORECASE)

# Country name -> the stem its adjective and possessive reduce to.
DEMONYMS = {
    "american": "us",
    "us": "us",
    "u.s.": "us",
    "usa": "us",
    "america": "us",
    "british": "uk",
    "britain": "uk",
    "uk": "uk",
    "u.k.": "uk",
    "turkish": "turkey",
    "turkiye": "turkey",
    "türkiye": "turkey",
    "turkey": "turkey",
    "french": "france",
    "france": "france",
    "german": "germany",
    "germany": "germany",
    "chinese": "china",
    "china": "china",
    "japanese": "japan",
    "japan": "japan",
    "saudi": "saudi arabia",
    # names of more than one word, for "Saudi Arabia, Iran pledge …"
    "saudi arabia": "saudi arabia",
    "united states": "us",
    "united kingdom": "uk",
    "united arab emirates": "uae",
    "south korea": "south korea",
    "north korea": "north korea",
    "south africa": "south africa",
    "new zealand": "new zealand",
    "emirati": "uae",
    "uae": "uae",
    "afghan": "afghanistan",
    "afghanistan": "afghanistan",
    "israeli": "israel",
    "israel": "israel",
    "iraqi": "iraq",
    "iraq": "iraq",
    "iranian": "iran",
    "iran": "iran",
    "syrian": "syria",
    "syria": "syria",
    "russian": "russia",
    "russia": "russia",
    "lebanese": "lebanon",
    "lebanon": "lebanon",
    "egyptian": "egypt",
    "egypt": "egypt",
    "kurdish": "kurdistan",
    "kurdistan": "kurdistan",
    "european": "eu",
    "eu": "eu",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "spanish": "spain",
    "greek": "greece",
    "polish": "poland",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "irish": "ireland",
    "pakistani": "pakistan",
    "indian": "india",
    "qatari": "qatar",
    "qatar": "qatar",
    "omani": "oman",
    "yemeni": "yemen",
    "kuwaiti": "kuwait",
    "jordanian": "jordan",
    "palestinian": "palestine",
    "ukrainian": "ukraine",
    "ukraine": "ukraine",
}

# Honorifics are never part of a name ("Mr. Trump" is an alias, not a name); some
# say the person's gender, which both the resolver and the speaker table use.
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
HONORIFICS = frozenset({*HONORIFIC_GENDER, "dr", "prof", "sir", "dame", "mx"})

TITLE_WORDS = frozenset(
    """minister ministers president presidents prime premier ambassador envoy secretary
    spokesperson spokesman spokeswoman speaker chairman chairwoman chair chief head director
    commander general leader king queen prince princess emir sheikh ayatollah governor mayor
    senator lawmaker mp deputy adviser advisor diplomat fm pm ceo judge chancellor sultan
    official representative coordinator negotiator ruler monarch pope cleric imam colonel
    lieutenant admiral marshal editor professor founder vice undersecretary attorney
    major-general brigadier sergeant captain mufti patriarch cardinal archbishop
    commissioner delegate consul nominee candidate democrat republican challenger incumbent
    gov gov. sen sen. rep rep. governor economist historian analyst writer reporter host
    executive fellow aide activist strategist pollster lawyer researcher scientist
    correspondent columnist author associate organizer manager officer expert surrogate
    gen gen. lt lt. col col. maj maj. adm adm. capt capt. sgt sgt. del del. amb amb.""".split()
)
ORG_HEADS = frozenset(
    """ministry ministries government office council army military agency committee embassy
    parliament presidency cabinet police court union organization organisation movement party
    company bank fund department commission authority authorities coalition alliance forces
    corps guard guards force administration kremlin pentagon palace house assembly senate congress
    institute foundation association federation group front brigade brigades militia network
    channel agency newspaper broadcaster tv television radio outlet campaign camp team
    city county province municipality mission delegation consulate secretariat directorate
    watchdog regulator board bureau""".split()
)
# Words that name a kind of body without saying whose: "the Foreign Ministry"
# in two articles may be two countries' ministries.
GENERIC_ORG_WORDS = (ORG_HEADS - {"kremlin", "pentagon"}) | frozenset(
    """foreign defense interior health finance justice security national supreme state
    federal armed affairs economy education intelligence public central high ministry
    prime minister presidential general spokesperson""".split()
)

# Role words written several ways. Applied to the folded phrase before splitting.
ROLE_SYNONYMS = (
    (re.compile(r"\bminister of foreign affairs\b"), "foreign minister"),
    (re.compile(r"\bforeign affairs minister\b"), "foreign minister"),
    (re.compile(r"\bministry of foreign affairs\b"), "foreign ministry"),
    (re.compile(r"\bforeign affairs ministry\b"), "foreign ministry"),
    (re.compile(r"\b(?:top|chief) diplomat\b"), "foreign minister"),
    (re.compile(r"\bfms?\b"), "foreign minister"),
    (re.compile(r"\bpm\b"), "prime minister"),
    (re.compile(r"\bpremier\b"), "prime minister"),
    (re.compile(r"\bministry of defen[cs]e\b"), "defense ministry"),
    (re.compile(r"\bdefence\b"), "defense"),
    (re.compile(r"\bspokes(?:man|woman|person)\b"), "spokesperson"),
    (re.compile(r"\bgop\b"), "republican"),
    (re.compile(r"\brepublicans\b"), "republican"),
    (re.compile(r"\bdemocratic\b"), "democrat"),
    (re.compile(r"\bdemocrats\b"), "democrat"),
    (re.compile(r"\bministers\b"), "minister"),
    (re.compile(r"\bministries\b"), "ministry"),
    (re.compile(r"\bpresidents\b"), "president"),
    (re.compile(r"\bdiplomats\b"), "diplomat"),
    # "the Israeli military" (Reuters), "the Israeli army" (Al Jazeera), "the Israel
    # Defense Forces": one body, three names
    (re.compile(r"\b(?:army|armed forces|defen[cs]e forces?)\b"), "military"),
    # "U.S. State Department" (AP, Reuters) and "US State Department" (AFP):
    # one body, whichever way the outlet writes its country
    (re.compile(r"\bu\.s\.(?!\w)|\bu\.s\b|\bunited states\b"), "us"),
    (re.compile(r"\bu\.k\.(?!\w)|\bu\.k\b|\bunited kingdom\b"), "uk"),
    (re.compile(r"\bu\.n\.(?!\w)|\bu\.n\b|\bunited nations\b"), "un"),
    (re.compile(r"\be\.u\.(?!\w)|\be\.u\b|\beuropean union\b"), "eu"),
)
ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "to", "s", "'s", "his", "her", "its"})


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


_DIGRAPHS = (
    ("sch", "x"),
    ("sh", "x"),
    ("ch", "x"),
    ("zh", "j"),
    ("dj", "j"),
    ("kh", "k"),
    ("gh", "k"),
    ("ck", "k"),
    ("q", "k"),
    ("c", "k"),
    ("dh", "z"),
    ("th", "t"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
)


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
    for a, b in _DIGRAPHS:
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
