"""The frame rules of ``patterns.RULES``: "light verb", "stance", "headline
verb", "noun cue" and the "put it" of "verb framing a quote"
(``loader/attribution/frames.py``).
"""

from __future__ import annotations

import pytest
from attribution_cases import A, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Obama will make the case that Clinton is qualified to be president.",
            [
                A(
                    cue="will make the case",
                    kind="indirect",
                    source="Obama",
                    content=["that Clinton is qualified to be president"],
                    cls="speech",
                )
            ],
            id="make-the-case",
        ),
        P(
            "Trump made no mention of Jeb Bush in his speech.",
            # old check: content[0] starts with "Jeb Bush"
            [A(cue="made no mention of", source="Trump", cls="speech", content=["Jeb Bush"])],
            id="make-no-mention-of",
        ),
        P(
            "Several economists took issue with the prediction.",
            [
                A(
                    cue="took issue with",
                    kind="indirect",
                    source="Several economists",
                    content=["the prediction"],
                )
            ],
            id="take-issue-with",
        ),
        P(
            "Many voters have mixed feelings about the trade deal.",
            [
                A(
                    cue="have mixed feelings about",
                    kind="indirect",
                    source="Many voters",
                    content=["the trade deal"],
                    cls="belief",
                )
            ],
            id="have-feelings-about",
        ),
        P(
            "The mayor voiced support for the new stadium plan.",
            [
                A(
                    cue="voiced support for",
                    kind="indirect",
                    source="The mayor",
                    content=["the new stadium plan"],
                )
            ],
            id="voiced-support-for",
        ),
        P(
            "The union threw its weight behind the mayor.",
            [
                A(
                    cue="threw its weight behind",
                    kind="indirect",
                    source="The union",
                    content=["the mayor"],
                )
            ],
            id="threw-its-weight-behind",
        ),
        P("He threw the ball behind the fence.", [], id="threw-a-ball-is-no-cue"),
        P(
            "The mayor has made no secret of her dislike for the new tower.",
            [
                A(
                    cue="has made no secret of",
                    kind="indirect",
                    source="The mayor",
                    content=["her dislike for the new tower"],
                )
            ],
            id="made-no-secret-of",
        ),
    ],
)
def test_light_verb(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Sanders was especially critical of the trade deal.",
            [
                A(
                    cue="was especially critical of",
                    kind="indirect",
                    source="Sanders",
                    content=["the trade deal"],
                    cls="speech",
                )
            ],
            id="adjective-with-preposition",
        ),
        P(
            "The senator is confident that the bill will pass.",
            [
                A(
                    cue="is confident",
                    kind="indirect",
                    source="The senator",
                    content=["that the bill will pass"],
                    cls="belief",
                )
            ],
            id="adjective-with-that-clause",
        ),
        P("It is clear that the bill will pass.", [], id="needs-a-holder"),
        P("The room was full of reporters.", [], id="full-of-is-no-stance"),
        P(
            "The governor has long been a vocal critic of the pipeline.",
            [
                A(
                    cue="has long been a vocal critic of",
                    kind="indirect",
                    source="The governor",
                    content=["the pipeline"],
                )
            ],
            id="be-a-critic-of",
        ),
    ],
)
def test_stance(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Veteran Senator Endorses City Council Candidate.",
            [
                A(
                    cue="Endorses",
                    kind="indirect",
                    source="Veteran Senator",
                    content=["City Council Candidate"],
                )
            ],
            id="title-case-headline-verb",
        ),
        P("Angry Voters Crowd City Hall.", [], id="no-cue-verb-in-the-headline"),
    ],
)
def test_headline_verb(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Trump's earlier claim that he opposed the war was false.",
            [A(cue="earlier claim", source="Trump's", content=["that he opposed the war"])],
            id="adjective-stays-in-the-cue",
        ),
        P(
            "The senator's harsh criticism of the deal surprised nobody.",
            [A(cue="harsh criticism of")],
            id="adjective-and-linking-word-stay-in-the-cue",
        ),
        P(
            "Senator Kirk withdrew his endorsement of the governor.",
            [
                A(
                    cue="endorsement of",
                    kind="indirect",
                    source="Senator Kirk",
                    content=["the governor"],
                )
            ],
            id="possessed-object-takes-the-verb-subject",
        ),
        P(
            "Her support for the bill surprised everyone.",
            [A(source="Her")],
            id="possessed-subject-keeps-the-possessor",
        ),
        # a nominal cue's object drops a comma relative clause as a verb's object does
        P(
            "The senator's criticism of the new law, which passed in 2010 with few votes, "
            "was sharp.",
            [A(content=["the new law"])],
            id="comma-relative-clause-after-the-object",
        ),
        P(
            "Her support for the tax, which the council passed last year, never wavered.",
            [A(content=["the tax"])],
            id="comma-relative-clause-with-its-own-subject",
        ),
        # the subject of an acting verb holds the attack, and the verb joins the cue
        P(
            "The senator launched a fierce attack against the governor.",
            [
                A(
                    cue="launched a fierce attack against",
                    kind="indirect",
                    source="The senator",
                    content=["the governor"],
                )
            ],
            id="acting-verb-joins-the-cue",
        ),
        P(
            "The report renewed Democratic calls for an independent inquiry.",
            [
                A(
                    cue="calls for",
                    kind="indirect",
                    source="Democratic",
                    content=["an independent inquiry"],
                )
            ],
            id="group-named-before-the-noun-holds-it",
        ),
        P(
            "There were complaints that the park was closed too early.",
            [
                A(
                    cue="complaints",
                    kind="indirect",
                    source=None,
                    content=["that the park was closed too early"],
                )
            ],
            id="complaints-with-a-clause-need-no-holder",
        ),
        P(
            "The mayor won the endorsement of the union.",
            [],
            id="a-won-endorsement-is-the-other-way-round",
        ),
        P(
            'The senator walked in to loud chants of "Four more years!"',
            [
                A(
                    cue="loud chants of",
                    kind="direct",
                    source=None,
                    content=['"Four more years!"'],
                )
            ],
            id="chants-of-a-quote",
        ),
        P(
            'Their chants of "Recount now!" filled the hall.',
            [A(cue="chants of", kind="direct", source="Their", content=['"Recount now!"'])],
            id="possessed-chants-of-a-quote",
        ),
        P(
            "Her reluctance to debate frustrated the party.",
            [A(cue="reluctance", source="Her", content=["to debate"], cls="intention")],
            id="reluctance-is-an-intention",
        ),
        P(
            "His disagreements with the mayor's budget are well known.",
            [
                A(
                    cue="disagreements with",
                    kind="indirect",
                    source="His",
                    content=["the mayor's budget"],
                )
            ],
            id="disagreements-with",
        ),
    ],
)
def test_noun_cue(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "As one voter put it, the race is already over.",
            [
                A(
                    cue="put it",
                    kind="indirect",
                    source="one voter",
                    content=["the race is already over"],
                )
            ],
            id="as-someone-put-it",
        ),
    ],
)
def test_put_it(nlp, text, expected):
    check(nlp, text, expected)
