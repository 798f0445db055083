"""Attributions whose content is a quote: the "verb cue" rule taking a quote
beside it (``fallbacks``), the "verb framing a quote" rule, and the passes
after the rules that extend or recover quotes (``nesting._continue_quotes``,
``orphans.orphan_quotes``).
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, WithCue, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "“We are striving to reach a shared agreement with Iraq,” Araghchi said.",
            [
                A(
                    cue="said",
                    kind="direct",
                    source="Araghchi",
                    content=["“We are striving to reach a shared agreement with Iraq,”"],
                )
            ],
            id="quote-before-cue",
        ),
        P(
            '"What is happening in Syria is inseparable from the events in Gaza," he said.',
            [
                A(
                    cue="said",
                    kind="direct",
                    source="he",
                    content=[
                        '"What is happening in Syria is inseparable from the events in Gaza,"'
                    ],
                )
            ],
            id="pronoun-source-straight-quotes",
        ),
        P(
            "“The talks are over,” said Foreign Minister Fuad Hussein.",
            [
                A(
                    cue="said",
                    kind="direct",
                    source="Foreign Minister Fuad Hussein",
                    content=["“The talks are over,”"],
                )
            ],
            id="inverted-cue-after-quote",
        ),
        P(
            "The minister said, “We are ready to sign the agreement.”",
            # old check: the cue starts with "said"
            [
                A(
                    cue="said",
                    kind="direct",
                    source="The minister",
                    content=["“We are ready to sign the agreement.”"],
                )
            ],
            id="quote-after-cue",
        ),
        P(
            "Hussein wrote on X: “I have arrived in Tehran for important meetings.”",
            # old check: the cue starts with "wrote" and ends with the colon
            [
                A(
                    cue="wrote on X:",
                    kind="direct",
                    source="Hussein",
                    content=["“I have arrived in Tehran for important meetings.”"],
                )
            ],
            id="colon-introduced-quote-keeps-colon-in-cue",
        ),
        P(
            "“The crisis is serious,” he said, “and it will spread to the whole region.”",
            [
                A(
                    cue="said",
                    kind="direct",
                    source="he",
                    content=[
                        "“The crisis is serious,”",
                        "“and it will spread to the whole region.”",
                    ],
                )
            ],
            id="quote-split-around-cue",
        ),
        P(
            "''My advice was not to do it,'' Mr. Ross said.",
            [
                A(
                    cue="said",
                    kind="direct",
                    source="Mr. Ross",
                    content=["''My advice was not to do it,''"],
                )
            ],
            id="doubled-apostrophes-are-quote-marks",
        ),
        # the full stop of "Dr." does not end the sentence between quote and cue
        P(
            "''Because we care,'' Dr. Jones added at the rally.",
            [
                A(
                    cue="added",
                    kind="direct",
                    source="Dr. Jones",
                    content=["''Because we care,''"],
                )
            ],
            id="quote-before-cue-over-a-title-abbreviation",
        ),
        P(
            "“Not this year,“ she said. “Maybe next year.”",
            [A(cue="said", kind="direct", source="she")],
            id="opening-mark-typed-as-closing-one",
        ),
        P(
            "Hussein wrote on X that he had arrived in Tehran and would hold "
            "“a number of important meetings with the president.”",
            [
                A(
                    kind="mixed",
                    source="Hussein",
                    content=[
                        "that he had arrived in Tehran and would hold "
                        "“a number of important meetings with the president.”"
                    ],
                )
            ],
            id="mixed-quote",
        ),
        P(
            "She thanked the crowd, telling them, “Some people get a little carried away.”",
            Among(
                A(
                    cue="telling",
                    kind="direct",
                    source="She",
                    content=["“Some people get a little carried away.”"],
                )
            ),
            id="quote-after-recipient",
        ),
        P(
            "Weaver didn't seem impressed, telling reporters, "
            '"Many people said the governor should resign."',
            WithCue(
                "telling",
                A(source="Weaver", content=['"Many people said the governor should resign."']),
            ),
            id="participle-before-a-quote-keeps-the-subject-before-it",
        ),
        P(
            "“We will not back down,” she said, speaking to reporters outside the court.",
            [A(cue="said")],
            id="speaking-after-a-quote-does-not-take-it",
        ),
        P(
            "Brown is insisting that he has “saved the party,” claiming that he alone brought "
            "in new voters.",
            [
                A(
                    cue="is insisting",
                    kind="mixed",
                    source="Brown",
                    content=["that he has “saved the party,”"],
                ),
                A(
                    cue="claiming",
                    kind="indirect",
                    source="Brown",
                    content=["that he alone brought in new voters"],
                ),
            ],
            id="participle-after-quoted-comma-is-its-own",
        ),
        P(
            "Smith said the budget talks could be “difficult,” adding, “Nothing is simple.”",
            [
                A(
                    cue="said",
                    kind="mixed",
                    source="Smith",
                    content=["the budget talks could be “difficult,”"],
                ),
                A(cue="adding", kind="direct", source="Smith", content=["“Nothing is simple.”"]),
            ],
            id="participle-hung-inside-the-reported-clause",
        ),
        P(
            '"It cannot be contained; it must be defeated," Clinton said.',
            [
                A(
                    cue="said",
                    kind="direct",
                    source="Clinton",
                    content=['"It cannot be contained; it must be defeated,"'],
                )
            ],
            id="semicolon-inside-a-quote",
        ),
    ],
)
def test_quote_beside_a_verb_cue(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "“We will win,” Bennett shot back with a laugh.",
            [A(cue="shot back", kind="direct", source="Bennett", content=["“We will win,”"])],
            id="unknown-verb-after-a-quote",
        ),
        P(
            "Then the governor gloated: “I told you so.”",
            [
                A(
                    cue="gloated:",
                    kind="direct",
                    source="the governor",
                    content=["“I told you so.”"],
                )
            ],
            id="unknown-verb-and-colon-before-a-quote",
        ),
        P(
            "“We will win” was printed on every sign, and Bennett laughed.",
            [],
            id="unknown-verb-without-a-quote-frame",
        ),
    ],
)
def test_verb_framing_a_quote(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "“We will not accept this,” Araghchi said. “The region has suffered enough.”\n\n"
            "“Our position has not changed.”\n\n"
            "The talks ended on Sunday.",
            [
                A(
                    cue="said",
                    kind="direct",
                    source="Araghchi",
                    content=[
                        "“We will not accept this,”",
                        "“The region has suffered enough.”",
                        "“Our position has not changed.”",
                    ],
                )
            ],
            id="continues-in-next-sentence-and-paragraph",
        ),
        # the unclosed quote stops at its paragraph: the next paragraph has its own cue
        P(
            "The minister said: “We have worked for months on this plan.\n\n"
            "“It will protect both countries,” he added.\n\n"
            "Officials did not comment.",
            [
                A(
                    kind="direct",
                    source="The minister",
                    content=["“We have worked for months on this plan."],
                ),
                A(
                    cue="added",
                    kind="direct",
                    source="he",
                    content=["“It will protect both countries,”"],
                ),
            ],
            id="unclosed-quote-stops-at-its-paragraph",
        ),
        # old check: no content of the first crosses a paragraph break
        P(
            "The ministry said the talks were “productive and would resume soon.\n\n"
            "Separately, the army said it had withdrawn from the border.\n\n"
            "Prices rose.",
            [
                A(
                    source="The ministry",
                    content=["the talks were “productive and would resume soon."],
                ),
                A(source="the army", content=["it had withdrawn from the border"]),
            ],
            id="stray-mark-does-not-swallow-the-article",
        ),
    ],
)
def test_continue_quotes(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Araghchi spoke to reporters in Tehran.\n\n“We are ready to sign the agreement.”\n",
            [
                A(
                    cue="spoke",
                    kind="direct",
                    source="Araghchi",
                    content=["“We are ready to sign the agreement.”"],
                )
            ],
            id="quote-paragraph-after-a-speaker-sentence",
        ),
        # the cases below are found by orphan_quotes alone
        P(
            "The minister said the deal was close.\n\n"
            "“We will sign it on Monday and the talks are over.”\n",
            [
                A(source="The minister", kind="indirect", content=["the deal was close"]),
                A(
                    source="The minister",
                    kind="direct",
                    content=["“We will sign it on Monday and the talks are over.”"],
                ),
            ],
            id="quote-paragraph-after-a-report",
        ),
        P(
            "The minister said the deal was close. "
            "“We will sign it on Monday and the talks are over.”\n",
            [
                A(source="The minister", kind="indirect", content=["the deal was close"]),
                A(
                    source="The minister",
                    kind="direct",
                    content=["“We will sign it on Monday and the talks are over.”"],
                ),
            ],
            id="quote-sentence-right-after-a-report",
        ),
        P(
            "The minister said the deal was close.\n\n“We will sign it on Monday.\n\n"
            "“Then we go home to our families.”\n",
            [
                A(source="The minister", kind="indirect", content=["the deal was close"]),
                A(
                    source="The minister",
                    kind="direct",
                    content=["“We will sign it on Monday.", "“Then we go home to our families.”"],
                ),
            ],
            id="quote-paragraphs-carried-on",
        ),
        P(
            "Police said the man was arrested.\n\n“Nobody was hurt.”\n",
            [A(source="Police", kind="indirect", content=["the man was arrested"])],
            id="too-short-to-be-speech",
        ),
        P(
            "Officials were afraid the deal would fail.\n\n"
            "“We will never sign it on these terms at all.”\n",
            [A(source="Officials", kind="indirect", content=["the deal would fail"])],
            id="belief-is-not-quoted-on",
        ),
    ],
)
def test_orphan_quotes(nlp, text, expected):
    check(nlp, text, expected)
