"""Words of news-agency wire copy that mark furniture, not story text.

A wire story reaches subscribers with a header block (time, date, page and
slug between rules of dashes), operator lines after the last paragraph and
notes to editors; loader.boilerplate reads these lists to keep all of them out
of claims and titles. Only words the wire writes *as furniture* belong here.
"""

from __future__ import annotations

# A line that is one of these words alone (any case) closes a take or a story:
# "ENDS", "end", "MORE" (another take follows).
SIGN_OFF_WORDS = frozenset(["end", "ends", "more", "more follows"])

# A line that opens with one of these, written in capitals, is a note to the
# desk, never story text ("ADVISORY: …", "CORRECTION: replaces …",
# "EMBARGOED UNTIL 0001 …").
NOTE_WORDS = frozenset(
    [
        "ADVISORY",
        "CORRECTION",
        "CORRECTED",
        "CORRECTS",
        "CORRECTING",
        "REPEATING",
        "WITHDRAWN",
        "WITHDRAWAL",
        "KILL",
        "EMBARGO",
        "EMBARGOED",
        "NOTE TO EDITORS",
        "EDITORS NOTE",
        "EDITORS' NOTE",
        "ATTENTION",
        "NEWSFLASH",
        "FLASH",
        "URGENT",
        "SUBS",
    ]
)

# An embargo line in sentence case: "Embargoed to 1000 Tuesday August 10".
EMBARGO_WORDS = frozenset(["embargoed", "embargo"])

# The desk slug that opens a catchline ("COURTS Smith", "SHOWBIZ Posh"): a
# capitalised desk name before the story's catchword, never a speaker's name.
DESK_SLUGS = frozenset(
    [
        "ARTS",
        "BUSINESS",
        "CITY",
        "COURTS",
        "CRIME",
        "DEFENCE",
        "EDUCATION",
        "ENVIRONMENT",
        "FINANCE",
        "FOOTBALL",
        "HEALTH",
        "INDUSTRY",
        "MEDIA",
        "NEWS",
        "POLICE",
        "POLITICS",
        "RACING",
        "ROYAL",
        "SCIENCE",
        "SHOWBIZ",
        "SPORT",
        "TRANSPORT",
        "WEATHER",
    ]
)

# The last comma-separated part of a byline that names the agency or paper the
# writer files for: "By Jane Doe, Crime Correspondent, PA News" states the
# outlet "PA News". A part ending in one of these words, or a news agency's
# name (lexicon/outlets.WIRE_NAMES), is an outlet; what stands between the
# name and it is a role.
OUTLET_ENDINGS = frozenset(["News", "Press", "Agency", "Newswire", "Wire"])

# What a byline part between the writer's name and the outlet ends with: the
# writer's role ("Showbusiness Correspondent"), not a second name.
BYLINE_ROLES = frozenset(
    [
        "Correspondent",
        "Editor",
        "Reporter",
        "Writer",
        "Staff",
        "Columnist",
        "Critic",
        "Staff Writer",
    ]
)

# Operator initials after a story's last line ("mfl"): at most this many
# lowercase letters alone on one of the closing lines.
MAX_INITIALS = 4
