"""Words that tell the outlet's own checkable voice from opinion and reported speech.

Read by the outlet-claim rules (loader/attribution/outlet.py): a sentence
with a hedge, an evaluative word, a discourse opener, a speech frame or a
first- or second-person pronoun is no checkable statement in the outlet's
own voice.
"""

from __future__ import annotations

# Modal and hedging words: the sentence says what may be, not what is.
HEDGES = frozenset(
    """may might could would should must will shall likely unlikely possibly perhaps probably
    apparently seemingly reportedly allegedly expected seem seems seemed appear appears
    appeared suggest suggests believed thought hope hopes""".split()
)
# Evaluative words mark an opinion or an analysis, not a checkable statement.
EVALUATIVE = frozenset(
    """significant significantly key crucial critical important importantly instrumental
    dangerous dangerously historic unprecedented remarkable notable major vital essential
    clearly controversial contentious""".split()
)
# "In conclusion, ...": the outlet's argument, not a fact.
DISCOURSE_OPENERS = ("in conclusion", "therefore", "consequently", "looking ahead", "overall")
# Phrases that frame a sentence as someone's speech.
SPEECH_FRAMES = ("according to", "in a statement", "in an interview", "in remarks", "in a post")
# First- and second-person pronouns: someone's own words, not the outlet's.
PERSONAL_VOICE = ("i", "we", "me", "us", "our", "my", "you")
