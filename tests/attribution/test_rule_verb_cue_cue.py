"""How much text the cue of a "verb cue" keeps: its verb group
(``cue_group``), the linking word a content finder hands back
(``content.CONTENT_FINDERS``), and ``verbs.CUE_EXTENDERS`` (manner adverb,
bare weekday, manner phrase).
"""

from __future__ import annotations

import pytest
from attribution_cases import A, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "He has repeatedly said that the sanctions must end.",
            [A(cue="has repeatedly said", source="He", content=["that the sanctions must end"])],
            id="auxiliary-and-adverb",
        ),
        P(
            "She did not say whether the embassy would reopen.",
            [A(cue="did not say", source="She", content=["whether the embassy would reopen"])],
            id="negation",
        ),
        P(
            "She went on to explain that the plan was dead.",
            [A(cue="went on to explain", source="She", content=["that the plan was dead"])],
            id="went-on-to",
        ),
        P(
            "He continued to insist that the vote was rigged.",
            [A(cue="continued to insist", source="He", content=["that the vote was rigged"])],
            id="continued-to",
        ),
        P(
            "The mayor live-tweeted that the game was over.",
            [A(cue="live-tweeted", source="The mayor", content=["that the game was over"])],
            id="hyphenated-prefix",
        ),
        P(
            "Several senators expressed concern that the bill would raise taxes.",
            [
                A(
                    cue="expressed concern",
                    source="Several senators",
                    content=["that the bill would raise taxes"],
                )
            ],
            id="bare-attitude-object",
        ),
        P(
            "The governor showed no sign of backing down.",
            [A(cue="showed no sign of")],
            id="bare-attitude-object-with-no",
        ),
        # with a possessive the object is the content, as before
        P(
            "She expressed her support for the mayor.",
            [A(cue="expressed")],
            id="possessed-attitude-object-is-content",
        ),
        P(
            "The ministry issued a statement saying the border would reopen on Monday.",
            [
                A(
                    cue="issued a statement saying",
                    source="The ministry",
                    content=["the border would reopen on Monday"],
                )
            ],
            id="issued-a-statement-saying",
        ),
        P(
            "The town released a statement Wednesday saying the comments were wrong.",
            [
                A(
                    cue="released a statement Wednesday saying",
                    kind="indirect",
                    source="The town",
                    content=["the comments were wrong"],
                )
            ],
            id="statement-then-adjunct-then-participle",
        ),
        P(
            "“The border will reopen on Monday,” the ministry said in a statement.",
            [A(cue="said in a statement", kind="direct", source="the ministry")],
            id="medium-after-a-quote",
        ),
        P(
            "“The border will reopen on Monday,” the minister said in an interview with "
            "local radio.",
            [A(cue="said", kind="direct", source="the minister")],
            id="medium-with-its-own-modifiers-leaves",
        ),
        P(
            "In a statement, the ministry said the border crossing would reopen on Monday.",
            [
                A(
                    cue="said",
                    source="the ministry",
                    content=["the border crossing would reopen on Monday"],
                )
            ],
            id="fronted-medium-stays-out",
        ),
        # PolNeAR leaves adjuncts between cue and content out of the cue
        P(
            "The embassy posted on X that the visit had been a success.",
            [
                A(
                    cue="posted",
                    source="The embassy",
                    content=["that the visit had been a success"],
                )
            ],
            id="adjunct-before-the-content-stays-out",
        ),
        P(
            "The governor quickly distanced himself from the tax plan.",
            [
                A(
                    cue="quickly distanced himself from",
                    kind="indirect",
                    source="The governor",
                    content=["the tax plan"],
                )
            ],
            id="reflexive-and-linking-word",
        ),
        P(
            "The senator has since disavowed the remarks.",
            [
                A(
                    cue="has since disavowed",
                    kind="indirect",
                    source="The senator",
                    content=["the remarks"],
                )
            ],
            id="since-between-auxiliary-and-verb",
        ),
    ],
)
def test_cue_group(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The senator has called on Congress to pass the bill.",
            [A(cue="has called on", source="The senator", content=["Congress to pass the bill"])],
            id="called-on",
        ),
        P(
            "The union called on the city to raise wages for nurses.",
            [
                A(
                    cue="called on",
                    kind="indirect",
                    source="The union",
                    content=["the city to raise wages for nurses"],
                )
            ],
            id="called-on-addressee-to-act",
        ),
        P(
            "The mayor has called upon the governor to resign.",
            [A(cue="has called upon")],
            id="called-upon",
        ),
        P(
            "Ted Cruz is calling for some of his Republican rivals to drop out.",
            [
                A(
                    cue="is calling for",
                    kind="indirect",
                    source="Ted Cruz",
                    content=["some of his Republican rivals to drop out"],
                )
            ],
            id="parsed-as-clause-marker",
        ),
        P(
            "The senator is known as a fierce critic of the deal.",
            [A(cue="is known as")],
            id="known-as",
        ),
        P(
            "The company responded to the lawsuit.",
            [A(cue="responded to")],
            id="responded-to",
        ),
        P("The company responded on Friday.", [], id="a-date-after-the-verb-is-no-content"),
        # a recipient is no content: "complained to the manager"
        P("She complained to the manager.", [], id="to-a-recipient-is-no-content"),
        P(
            "The spokesman did not respond to a request for comment.",
            [
                A(
                    cue="did not respond to",
                    source="The spokesman",
                    content=["a request for comment"],
                )
            ],
            id="to-where-the-lexicon-says",
        ),
        P(
            "Many voters identify with the senator.",
            [A(cue="identify with", source="Many voters", content=["the senator"])],
            id="with",
        ),
        P(
            "Mr. Trump spoke favorably of Mr. Putin's leadership.",
            [
                A(
                    cue="spoke favorably of",
                    kind="indirect",
                    source="Mr. Trump",
                    content=["Mr. Putin's leadership"],
                )
            ],
            id="adverb-and-linking-word",
        ),
        P("He spoke to reporters on Monday.", [], id="spoke-to-is-no-content"),
    ],
)
def test_linking_word(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The mayor has said repeatedly that the tax will not rise.",
            [
                A(
                    cue="has said repeatedly",
                    source="The mayor",
                    content=["that the tax will not rise"],
                )
            ],
            id="manner-adverb-before-the-content",
        ),
        P(
            "“We will win this race,” the governor said confidently.",
            [A(cue="said confidently")],
            id="manner-adverb-after-a-quote",
        ),
    ],
)
def test_manner_adverb(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The governor said Friday that the budget was balanced.",
            [
                A(
                    cue="said Friday",
                    source="The governor",
                    content=["that the budget was balanced"],
                )
            ],
            id="bare-weekday-joins",
        ),
        P(
            "The governor said on Friday that the budget was balanced.",
            [A(cue="said")],
            id="weekday-with-on-stays-out",
        ),
    ],
)
def test_bare_weekday(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "“That is not going to happen,” the senator said with a laugh.",
            [A(cue="said with a laugh", kind="direct", source="the senator")],
            id="said-with-a-laugh",
        ),
    ],
)
def test_manner_phrase(nlp, text, expected):
    check(nlp, text, expected)
