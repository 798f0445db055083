"""Countries and capitals as the speaker rules recognise them.

A country speaks through its government ("Iran said"), and a nationality word
("Iranian") or possessive ("Iran's") says whose minister or ministry is meant;
``loader.names.country_stem`` reduces all three to one stem through
``DEMONYMS``.
"""

from __future__ import annotations

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

# The country stems: a role word that says whose office it is.
COUNTRIES = frozenset(DEMONYMS.values())

# Capitals that speak through their governments: "Damascus said", "Tehran says".
# (Countries are recognised through ``DEMONYMS``.)
KNOWN_PLACES = frozenset(
    (
        "washington, moscow, beijing, tehran, baghdad, damascus, ankara, kyiv, kiev, london, "
        "paris, berlin, brussels, jerusalem, cairo, riyadh, doha, beirut, amman, tokyo, "
        "new delhi, islamabad, kabul, erbil, sanaa, abu dhabi, dubai, muscat, kuwait, manama, "
        "baku, yerevan, tbilisi, astana, minsk, warsaw, rome, madrid, ottawa, canberra, seoul, "
        "pyongyang, gaza"
    ).split(", ")
)

# A name right after one of these is where something happens or comes from
# ("at Wembley", "a train from Millbury to Leeds": "from" only with "to"), not someone introduced.
LOCATIVE_PREPOSITIONS = frozenset("at in from near outside inside".split())
