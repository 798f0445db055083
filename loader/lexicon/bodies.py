"""Words that name bodies and offices: ministries, armies, agencies, outlets.

The resolver trusts an ORG entity only when it holds one of ``ORG_HEADS``
(the small model calls many surnames ORG), and the speaker table keys a body
named only by ``GENERIC_ORG_WORDS`` per article ("the Foreign Ministry" in two
articles may be two countries' ministries). ``ROLE_SYNONYMS`` makes the
several spellings of one office or body compare equal (``names.role_tokens``).
"""

from __future__ import annotations

import re

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
# "state-run", "state-owned", "Hezbollah-affiliated": who runs a body, not its name
OWNERSHIP_WORDS = frozenset("state run owned controlled backed affiliated linked".split())

# Words an acronym skips: "Organization of the Petroleum Exporting Countries",
# "Committee to Protect Journalists". Not "in": on PolNeAR train the one name
# that needed it was a sentence's subject, "Nobody in British Columbia" (NBC).
INITIAL_SKIPS = frozenset({"of", "the", "for", "and", "to", "&"})

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
# Words a role or body phrase drops before comparing: "the Iranian foreign minister".
ROLE_STOPWORDS = frozenset({"the", "a", "an", "of", "for", "to", "s", "'s", "his", "her", "its"})
