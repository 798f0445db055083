"""The marker rules of ``patterns.RULES``: "signature dash", "colon", "in an
artifact", "reportedly" and "according to" (``loader/attribution/markers.py``).
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, WithCue, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            '"We will rebuild every bridge in this state."\n\n- Jane Doe.\n',
            [
                A(
                    cue="-",
                    kind="direct",
                    source="Jane Doe",
                    content=['"We will rebuild every bridge in this state."'],
                )
            ],
            id="quote-paragraph-signed-with-a-dash",
        ),
        P(
            '"We will rebuild every bridge."\n\n– Ready for the vote –.\n',
            [],
            id="dashed-subheading-names-nobody",
        ),
    ],
)
def test_signature_dash(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The senator spoke on Monday.\nClinton: “Our goal is to defeat ISIS.”\nSanders: 46\n",
            WithCue(
                ":",
                A(
                    cue=":",
                    kind="direct",
                    source="Clinton",
                    content=["“Our goal is to defeat ISIS.”"],
                ),
            ),
            id="name-and-colon-line-not-a-tally",
        ),
        P(
            "A: I think it will pass next week.",
            [A(cue="think", source="I", content=["it will pass next week"])],
            id="line-label-before-its-own-attribution",
        ),
        P(
            "Turnout: The governor said more people voted than ever before.",
            [A(cue="said", source="The governor")],
            id="topic-label-before-a-cue",
        ),
        P(
            "Clinton: We will win this state.",
            [A(cue=":", source="Clinton")],
            id="plain-statement-after-a-name",
        ),
        P(
            "Voters sour on the race - Jane Doe: “Turnout fell in every county we studied.”",
            [
                A(
                    cue=":",
                    kind="direct",
                    source="Jane Doe",
                    content=["“Turnout fell in every county we studied.”"],
                )
            ],
            id="name-after-a-dashed-topic",
        ),
        P(
            "Senator Reid: 'Never underestimate the governor.'",
            [
                A(
                    cue=":",
                    source="Senator Reid",
                    content=["'Never underestimate the governor.'"],
                )
            ],
            id="single-quoted-headline",
        ),
        P(
            "Hillary Clinton: Trump's plan threatens our security.",
            [
                A(
                    cue=":",
                    source="Hillary Clinton",
                    content=["Trump's plan threatens our security"],
                )
            ],
            id="wins-over-a-cue-in-the-headline",
        ),
        P(
            "Voter turnout: Sanders said the numbers were low.",
            [A(cue="said", kind="indirect", source="Sanders")],
            id="no-name-before-it-keeps-the-lines-cue",
        ),
        P(
            "Jane Doe: Budget Talks Collapse In Final Hour",
            [A(cue=":", source="Jane Doe", content=["Budget Talks Collapse In Final Hour"])],
            id="verbless-title-case-headline",
        ),
        P(
            'The hall went quiet. Smith: "We will cut taxes for every family."',
            [
                A(
                    cue=":",
                    kind="direct",
                    source="Smith",
                    content=['"We will cut taxes for every family."'],
                )
            ],
            id="name-opening-a-sentence-mid-line",
        ),
        P("Clinton: 547", [], id="tally-line-is-no-statement"),
        P(
            "JANE ROE: Why not hold the vote today?\n\n"
            "JOHN DOE: Because the council has not read the bill yet.\n\n"
            "ROE: Then the council should read it tonight.\n",
            Among(A(cue=":", source="ROE", content=["Then the council should read it tonight"])),
            id="transcript-turn-with-capitalised-name",
        ),
        P(
            "UPDATE: The council voted on Tuesday to delay the bill.",
            [A(cue="voted")],
            id="lone-capitalised-label-is-no-speaker",
        ),
        P(
            "Turnout was low. More from the survey: “Only a third of young voters went to "
            "the polls.”",
            [
                A(
                    cue=":",
                    kind="direct",
                    source="the survey",
                    content=["“Only a third of young voters went to the polls.”"],
                )
            ],
            id="more-from-x-colon-quote",
        ),
    ],
)
def test_colon(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "In a poll released Monday, 50 percent of respondents chose Clinton.",
            [
                A(
                    cue="In",
                    source="a poll released Monday",
                    content=["50 percent of respondents chose Clinton"],
                )
            ],
            id="in-a-poll",
        ),
        P(
            "In an interview, Hussein said the talks had failed.",
            [A(cue="said")],
            id="in-an-interview-leaves-it-to-the-verb",
        ),
    ],
)
def test_in_an_artifact(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "According to a statement from the Russian Foreign Ministry, both diplomats "
            "conceded the urgent need for coordinated action.",
            [
                A(
                    cue="According to",
                    kind="indirect",
                    source="a statement from the Russian Foreign Ministry",
                    content=["both diplomats conceded the urgent need for coordinated action"],
                    cls="speech",
                ),
                # what the statement relays stays the diplomats' own claim
                A(
                    cue="conceded",
                    kind="indirect",
                    source="both diplomats",
                    content=["the urgent need for coordinated action"],
                ),
            ],
            id="according-to-a-statement",
        ),
        P(
            "Hussein's talks will focus on bilateral relations, according to Iraqi officials.",
            [
                A(
                    cue="according to",
                    source="Iraqi officials",
                    content=["Hussein's talks will focus on bilateral relations"],
                )
            ],
            id="unnamed-officials-at-the-end",
        ),
        P(
            "The markets fell sharply on Monday, wiping out billions in value, according to "
            "analysts.",
            [A(content=["The markets fell sharply on Monday, wiping out billions in value"])],
            id="takes-the-clause-with-its-participle",
        ),
        P(
            "The mayor won the first round and lost the second, according to official results.",
            [A(content=["The mayor won the first round and lost the second"])],
            id="takes-both-coordinated-clauses",
        ),
    ],
)
def test_according_to(nlp, text, expected):
    check(nlp, text, expected)
