"""Words the attribution rules look for besides the cue verbs themselves.

Prepositions, nouns and verbs each rule in ``loader/attribution`` reads, moved
here from the rules so each list is defined once and found in one place (the
cue verbs, nouns and adjectives by class are in ``loader/attribution/cues.py``).
The comments say what each list is for and, where counted, how often PolNeAR's
annotators agreed.
"""

from __future__ import annotations

from loader.lexicon.function_words import RELATIVE_PRONOUNS

LEMMA_FIXES = {"hop": "hope", "tweete": "tweet", "retweete": "retweet"}


# Prepositions that start an adjunct, not part of a name: "Trump, in Kentucky, said".
ADJUNCT_PREPS = frozenset("in during at on through via after before with from for".split())


# Prepositions whose gerund shares the agent of the verb they hang on ("by saying",
# "after saying", "without mentioning"). Not "for" ("criticized X for saying":
# X speaks) nor "with" ("with many saying": its own subject).
SUBJECT_PREPS = frozenset(
    "by after before in without since upon despite besides until while".split()
)


# "objected to suggesting", "joked about claiming", "insisted on saying": a gerund
# under these prepositions, hung on a verb, is done by that verb's subject (train:
# 9 sources fixed, 3 broken; "for" is left out: "praised X for saying" is X's, and
# taking the object there broke as many as it fixed)
OTHER_SUBJECT_PREPS = frozenset("to on of about with".split())


# Verbs whose object does what their complement says ("led allies to worry",
# "left voters to wonder"); on train that object was the gold source in 12 of
# the 13 cases these verbs governed a cue.
OBJECT_CONTROL = frozenset("lead leave prompt force drive cause spur inspire compel".split())


# "said in a statement": the medium stays with the cue after a quote
MEDIUM_NOUNS = frozenset(
    """statement interview email memo letter post tweet speech release note op-ed message
    video conversation call broadcast appearance report filing""".split()
)


# "the surge, which Araghchi attributed to US plans": what a relative object is
# tied to belongs to the content, as "as" does after "described"
RELATIVE_LINKS = {
    "attribute": frozenset(["as", "to"]),
    "blame": frozenset(["as", "on", "for"]),
}


# Verbs whose bare object is mostly no content ("found a way", "found itself", "heard
# the case", "decided the race"), unlike "found it offensive" or "found that ...": on
# train a bare object of these was right in about 1 of 4 cases (60 of 210); see,
# support, show, offer, back, seek were right more than half the time and stay.
PREDICATE_OBJECT = frozenset("find hear require determine decide figure notice".split())


# What one declines or refuses to do when it is telling: "declined to comment"
WITHHELD_SPEECH = frozenset(
    """comment elaborate provide give say answer discuss specify confirm disclose name
    identify respond detail explain""".split()
)


# Verbs whose hearer comes between the cue and a "that" clause
TELLING = frozenset("tell assure inform remind brief".split())


# ", a claim that could not be independently verified": the outlet's caveat
CAVEAT_NOUNS = frozenset(
    "claim assertion allegation account figure remark comment charge accusation move".split()
)


# Relative pronouns that stand for a content ("which he opposed"): the relative
# pronouns of function_words less "that" (on train right in under half of the
# cases) and "whose" (a determiner, never the object that stands for content).
RELATIVES = RELATIVE_PRONOUNS - {"that", "whose"}


FALLBACK_PREP = dict.fromkeys("about for on of against over".split(), True)


# Verbs whose "if"/"whether" clause is what was asked, not a condition
ASKING = frozenset("ask wonder question inquire query".split())


RAISING = frozenset("seem appear".split())


# What remarks can be made in, for a clause the parser hung on them
SPOKEN_MEDIA = MEDIUM_NOUNS | {"remark", "comment"}


# Where the words were said, not what was said: "praised X at a rally",
# "criticized Y in an interview" (17 train contents fixed, 6 broken).
SETTING_PREPS = frozenset("in at on during with through via".split())


SETTING_NOUNS = MEDIUM_NOUNS | frozenset(
    """rally conference debate event hearing meeting forum stop luncheon dinner breakfast
    ceremony briefing session summit convention""".split()
)


# Prepositions that open a time adjunct ("praised her during the debate").
TIME_PREPS = frozenset("during after before since until following".split())


# Adverbs after a cue verb that are not about the saying ("said so", "said, however")
NOT_MANNER = frozenset("so however too also though".split())


# Messages a speaker puts out: "issued a statement saying ...", "released an ad calling ..."
MESSAGE_NOUNS = frozenset(
    """statement release ad advertisement article report letter email e-mail petition notice
    response memo message tweet post video website""".split()
)


# Monday first, as datetime.weekday() counts (loader/attribution/when.py).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(WEEKDAY_NAMES)


# "said with a grin": the manner of saying stays in the cue (train: 13 of 13)
MANNER_NOUNS = frozenset("laugh smile grin smirk shrug chuckle sigh wink roll disbelief".split())


NOUN_LINKS = frozenset("for of on against about to with over".split())


# Nominal cues that are attributions even without a possessor or "by"/"from":
# "an endorsement of X", "a call for X", "attacks against X", "complaints that
# ...". Over every such occurrence on train outside quotes and other contents
# (winning verbs left out), 28 of 34 are gold cues; nominal cues in general are
# not (hence the source test). "chants of “…”": 6 of 6.
# Winning an endorsement turns it round ("won the endorsement of the union": the
# union endorses the subject), so those verbs keep it out.
SOURCELESS_NOUN_LINKS = frozenset(
    [
        ("endorsement", "of"),
        ("call", "for"),
        ("attack", "against"),
        ("complaint", "that"),
        ("chant", "of"),
    ]
)


WINNING = frozenset("win secure snag pick get receive earn land seek collect".split())


ACTING = frozenset("launch unleash level make issue mount wage renew repeat intensify".split())


# Plural nouns that look like a cue verb's "-s" form in a headline.
HEADLINE_NOUNS = frozenset("states reports".split())


EXPLETIVES = frozenset("it there this that what which".split())


ARTIFACT_NOUNS = frozenset("poll survey study report analysis review audit census".split())


# Outer cues that pass somebody else's words on rather than judge them: "…,
# IRNA reported", "according to a readout, Sudani said …", "state media said",
# "his office quoted him as saying …".
RELAY_CUES = frozenset(["report", "according to", "quote"])


MEDIA_HEADS = frozenset(
    """agency media outlet newspaper paper daily television tv broadcaster channel radio
    website network wire press""".split()
)


# "The prime minister stressed the need for calm, his office said": an office
# or a spokesperson passes its principal's words on, as a medium does
RELAYING_HEADS = MEDIA_HEADS | frozenset("office spokesman spokeswoman spokesperson".split())


# What a relay passes on as somebody's own statement. Stances and other verbs
# ("listed", "pointed to", "cites", "were discussing") inside a relay are the
# relay's reading of what someone did, not words to put on their timeline.
RELAYED_CUES = frozenset(
    """say tell add state write note claim insist declare announce warn argue stress
    deny explain confirm suggest reply acknowledge admit predict promise vow pledge
    urge describe emphasize emphasise reiterate concede reaffirm tweet post""".split()
)


# "the ministry said in a readout": a document put out to pass words on
RELAY_DOCUMENTS = frozenset("statement readout communique communiqué release".split())


# "said in remarks carried by state media": the outlet that passed the words on
CARRYING = frozenset("carry report publish broadcast air run post quote".split())
