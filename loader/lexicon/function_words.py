"""Function words the speaker rules look at: pronouns, determiners, prepositions.

Each set is named for the job it does in a rule ("the words that open an
unnamed person", "the prepositions that name a statement's issuer"), so a rule
reads as what it checks and a word is changed in one place.
"""

from __future__ import annotations

# -- pronouns -----------------------------------------------------------------
MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "themselves"})
NEUTER = frozenset({"it", "its"})
PERSONAL_PRONOUNS = MALE | FEMALE | PLURAL | NEUTER
# A pronoun makes capitals a headline ("HE'S BEEN CALLED OUT - …"), never a
# dateline's place.
NO_PLACE_PRONOUNS = PERSONAL_PRONOUNS | frozenset({"i", "we", "you"})
# Pronouns that vote for the gender of a sentence's subject: subjects, and
# possessives when the parser says so ("her husband").
SUBJECT_GENDER = {"he": "m", "she": "f"}
POSSESSIVE_GENDER = {"his": "m", "her": "f"}
# "his office", "her Iraqi counterpart": a possessive that stands for a person.
PERSON_POSSESSIVES = frozenset({"his", "her"})
# Possessives that end a title read leftwards: "his Foreign Minister".
POSSESSIVES = frozenset({"his", "her", "their"})
# The clitic "'s" as a token, straight or curly: a possessive or a contracted
# "has" / "is" ("She's said", "Trump's").
CLITIC_S = frozenset({"'s", "’s"})
# "…, the Iranian president, who …": a relative pronoun ends an apposition.
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
# The relative words that open a clause set off by a comma or dash after a
# name ("Jane Doe, who ...", "the ministry - which ..."): "that" never is.
SET_OFF_RELATIVES = RELATIVE_PRONOUNS - {"that"}
# "a claim that ...", "the one which ...": the relative words that open a
# clause on a thing.
THING_RELATIVES = frozenset({"that", "which"})
# "asked whether", "wondered if": the words opening an indirect question.
QUESTION_OPENERS = frozenset({"if", "whether"})

# -- determiners and counting words --------------------------------------------
ARTICLES = frozenset({"the", "a", "an"})
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# "a senior official", "one source", "another aide": someone unnamed.
UNNAMED_OPENERS = frozenset({"a", "an", "one", "another"})
# Left out of an unnamed group's name: "a senior official" -> "senior official".
GROUP_NAME_DROPS = frozenset({"a", "an", "one", "the"})
# "the statement", "this statement": one the article named before.
BACK_REFERRING = frozenset({"the", "this", "that"})
# "made the remarks", "these remarks": remarks the sentence before reported.
DEFINITE_PLURALS = frozenset({"the", "these", "those"})
# "both ministers", "the two diplomats": a plural reference.
PAIR_WORDS = frozenset({"both", "two"})
# A trailing "all" is no part of a name: "the parties all said".
TRAILING_ALL = "all"
# "the parties both / all said": a quantifier trailing a subject, no part of it.
TRAILING_QUANTIFIERS = frozenset({"both", "all"})

# -- prepositions and conjunctions ---------------------------------------------
# "a report issued by X", "a statement from X": who put it out.
ISSUER_PREPOSITIONS = frozenset({"by", "from"})
# "a report of the committee", "a statement for the family": the next best owner.
OWNER_PREPOSITIONS = frozenset({"of", "for"})
# "Minister of Foreign Affairs", "Adviser to the President": words inside a title.
TITLE_LINKS = frozenset({"of", "to", "for"})
# "a spokeswoman for Hillary Clinton", "an aide to the mayor": speaks for someone else.
FOR_SOMEONE = frozenset({"for", "of", "at", "to", "with", "from"})
# "Lavrov and Fidan", "Smith & Wesson".
CONJUNCTIONS = frozenset({"and", "&"})
# Words of a phrase that is a list or a plural, never one speaker's name.
LIST_WORDS = frozenset({"and", "both", "two"})

# Words a Title Case headline may leave in lower case.
HEADLINE_SMALL_WORDS = frozenset(
    "a an the of to and or nor but in on at by for as vs via per from with into".split()
)
