"""Statements, products and remarks: how a speaker speaks through a thing.

"a statement from the Russian Foreign Ministry", "Donald Trump's tweet", "a
Bloomberg poll", "X made the remarks during a meeting": the speaker is whoever
issued, owns or made the thing these nouns name.
"""

from __future__ import annotations

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
# Works: what a show, a film or a song says is no one's speech ("his new show
# promises to be different", "the series portrays"), and a name right after
# one of these nouns ("the drama Rivers And Roads") is the work's title, not
# a person's name. A work that is its issuer's medium (a tweet, a report, an
# interview) is a PRODUCT_NOUN instead.
WORK_NOUNS = frozenset(
    """series show film movie album single song book novel play programme program
    drama sitcom soap documentary musical serial""".split()
)
# Verbs whose passive participle has the addressee as its subject ("Asked about
# X, Peskov said", "Pressed on the deal, she declined"), not the speaker
ADDRESSED = frozenset("ask press tell question quiz challenge urge inform warn remind".split())
# "X made the remarks during a meeting": who said what the sentence before reported
REMARK_VERBS = frozenset("make deliver give".split())
REMARK_NOUNS = frozenset("remark comment statement speech announcement".split())
