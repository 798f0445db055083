"""Words about people: titles, honorifics, name particles, relatives, gender.

The resolver (``loader.attribution.coref*``) and the speaker table
(``loader.speakers``) read these to tell a name from the title before it
("Foreign Minister | Abbas Araghchi"), a person from a relative who speaks for
herself ("Ben Carson's wife"), and a man from a woman when a pronoun has to
find its antecedent. Add a title word to ``TITLE_WORDS``; nothing else changes.
"""

from __future__ import annotations

# Honorifics are never part of a name ("Mr. Trump" is an alias, not a name); some
# say the person's gender, which both the resolver and the speaker table use.
# UK and Commonwealth copy writes them without full stops ("Mr Smith", "Dr
# Jones"); peerage and knighthood titles ("Lord Archer", "Lady Thatcher", "Sir
# Elton", "Dame Judi", "Baroness Scotland") are honorifics too.
HONORIFIC_GENDER = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "lord": "m",
    "lady": "f",
    "sir": "m",
    "dame": "f",
    "baroness": "f",
    "baron": "m",
}
HONORIFICS = frozenset({*HONORIFIC_GENDER, "dr", "prof", "mx"})
# Knighthoods go with the given name: "Sir Elton" is Sir Elton John.
GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})
# Letters after a name are description, never name: "John Smith QC" is John
# Smith, a QC. Written in capitals; matched exactly.
POST_NOMINALS = frozenset(
    """QC KC MP MEP MSP AM MLA JP OBE CBE MBE KBE DBE GBE CH OM VC GC DSO MC
    FRS PC""".split()
)
# "Mr Justice Smith", "Lord Justice Brown": the word after an honorific that is
# a judicial title, not a surname.
JUDICIAL_TITLES = frozenset({"justice", "judge", "recorder"})

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
    gen gen. lt lt. col col. maj maj. adm adm. capt capt. sgt sgt. del del. amb amb.
    justice magistrate recorder coroner prosecutor counsel barrister solicitor detective
    inspector constable superintendent""".split()
)
# Words that describe a person by trade or standing when written before the
# name ("Presenter Esther Rantzen", "Defence counsel Jane Doe", "BBC1 controller
# Peter Salmon"): never part of the name, and the description of the person.
# Not offices: two of them never contradict each other (a singer may be a
# songwriter), so ``TITLE_WORDS`` does not hold them.
DESCRIPTIVE_ROLES = frozenset(
    """presenter host singer songwriter actor actress comedian comic star controller
    producer campaigner designer guitarist drummer bassist musician footballer
    goalkeeper striker midfielder defender coach player boss chef model dancer
    novelist playwright poet artist photographer broadcaster newsreader comedienne
    frontman rocker rapper hardman beauty veteran defence prosecuting defending
    spokesman spokeswoman spokesperson fan""".split()
)
# Words between a nickname and the name it stands for: "Bonehead - real name
# Paul Arthurs -", "Sting (real name Gordon Sumner)".
REAL_NAME_WORDS = ("real", "name")
# Marks that open such an aside after the nickname.
ASIDE_OPENERS = frozenset({"-", "–", "—", ",", "("})
# Nouns that describe a person by age, which news copy uses, like "the
# 29-year-old", for someone it has just named ("the youngster who plays ...").
AGE_NOUNS = frozenset({"youngster", "teenager", "schoolboy", "schoolgirl", "pensioner"})
# Age words after a number that describe a person by age in news copy ("the
# 29-year-old said"), as the tokens after the number in "29-year-old".
AGE_WORDS = ("-", "year", "-", "old")
# Titles that go with the given name rather than the family name.
# Gulf titles only: "Queen Elizabeth" must not become an Elizabeth Warren the
# article introduced.
GIVEN_NAME_TITLES = frozenset("sheikh sheikha shaikh emir prince princess".split())
# Role words an article may leave out when it first gives the title.
SOFT_ROLE_WORDS = frozenset(
    """presidential former new longtime veteran current acting senior then outgoing
    incoming top""".split()
)
# Words the model sometimes takes into a PERSON entity before the name: "rival
# Hillary Clinton", "the late ...".
NAME_PREFIX_WORDS = frozenset({"rival", "former", "late", "then", "miss", "mr", "mrs", "ms"})
# "his Iraqi counterpart Fuad Hussein": the title is borrowed from the other person.
COUNTERPART = "counterpart"
# "the minister" needs a minister; "the diplomat" any of these.
DIPLOMATIC_ROLES = frozenset({"minister", "diplomat", "ambassador", "envoy"})
DIPLOMAT = "diplomat"
# "both ministers", "the diplomats": plural roles that refer back to people named before.
PLURAL_ROLES = frozenset({"ministers", "diplomats", "leaders", "sides", "presidents"})
# Plural heads that say nothing about the role: "both sides", "the two men".
GENERIC_PLURAL_HEADS = frozenset({"sides", "parties", "countries", "leaders", "men", "women"})
# "a senior source", "sources close to ...": unnamed people.
SOURCE_NOUNS = frozenset({"source", "sources"})

# -- name particles ---------------------------------------------------------
# Arabic/Persian article particles outlets write or drop at will.
PARTICLES = frozenset({"al", "el", "al-e", "e", "ul", "ol"})
# Hyphenated article prefixes: al-Sudani, el-Sisi, Al-e Sadeq, as-Sadr.
PARTICLE_PREFIXES = ("al", "el", "ul", "ol", "as", "ash", "ad", "ar", "at", "az")
# Lower-case words inside names: "Bill de Blasio", "Ludwig van Beethoven".
NAME_PARTICLES = PARTICLES | frozenset(
    "de da di del della van von der den du la le bin ibn".split()
)
# Lower-case words that join a name's parts: "Mohammed bin Salman", "Abu Mazen".
NAME_JOINERS = frozenset({"al", "el", "e", "bin", "ibn", "abu", "abdul"})
# A particle that is no name on its own.
LONE_PARTICLES = frozenset({"al", "el", "e"})

# -- relatives and gender ----------------------------------------------------
# "Ben Carson's wife said": a relative speaks for herself, not for the one named.
RELATIVE_NOUNS = frozenset(
    """wife husband son daughter brother sister father mother parent parents child children
    family friend friends spouse partner widow widower grandson granddaughter grandfather
    grandmother uncle aunt nephew niece cousin fiance fiancee girlfriend boyfriend""".split()
)
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
# Hyphenated particles that may open a name in lower case: "al-Sudani".
LOWERCASE_NAME_PREFIXES = ("al-", "el-")

# Letter groups that romanisations of one Arabic or Persian name write
# differently, folded to one letter before comparing (``names.token_key``):
# Araghchi/Araqchi, Zarif/Dharif. Applied in this order.
TRANSLITERATION_DIGRAPHS = (
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
