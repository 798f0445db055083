"""Who speaks for a verb cue (``sources.find_subject``) and how much of the
subject the source keeps (``sources.SOURCE_TRIMMERS``): PolNeAR keeps
determiners, appositives and restrictive relative clauses, not when or where
it was said.
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi, "
            "saying Iraq's position is to support Syria's unity.",
            [
                A(
                    cue="saying",
                    kind="indirect",
                    source="Iraqi Prime Minister Mohammed Shia al-Sudani",
                    content=["Iraq's position is to support Syria's unity"],
                )
            ],
            id="participle-takes-the-main-subject",
        ),
        # the participle is a second attribution by the same agent, not part of the first content
        P(
            "The envoy warned that the fighting could spread, stressing that talks must resume.",
            [
                A(cue="warned", source="The envoy", content=["that the fighting could spread"]),
                A(cue="stressing", source="The envoy", content=["that talks must resume"]),
            ],
            id="participle-after-a-report-is-a-second-one",
        ),
        P(
            "The minister conceded that the deal was late and said that funding would come "
            "next year.",
            [
                A(
                    cue="conceded",
                    kind="indirect",
                    source="The minister",
                    content=["that the deal was late"],
                ),
                A(
                    cue="said",
                    kind="indirect",
                    source="The minister",
                    content=["that funding would come next year"],
                ),
            ],
            id="coordinated-report-shares-the-subject",
        ),
        P(
            "The judge said she regretted her remarks and insisted she would stay out of the race.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="The judge",
                    content=["she regretted her remarks"],
                ),
                A(
                    cue="insisted",
                    kind="indirect",
                    source="The judge",
                    content=["she would stay out of the race"],
                ),
            ],
            id="cue-coordinated-inside-a-reported-clause-keeps-the-reporter",
        ),
        P(
            "Jones insists the plan will pass easily while Smith argues it is doomed.",
            [
                A(
                    cue="insists",
                    kind="indirect",
                    source="Jones",
                    content=["the plan will pass easily while Smith argues it is doomed"],
                ),
                A(cue="argues", kind="indirect", source="Smith", content=["it is doomed"]),
            ],
            id="adverbial-clause-with-its-own-speaker",
        ),
        P(
            "They met officials from the ministry, which said the talks had failed.",
            [A(cue="said", source="which", content=["the talks had failed"])],
            id="relative-pronoun-is-the-source",
        ),
        P(
            "Many voters, who said they would vote in the Democratic primary, were angry.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="who",
                    content=["they would vote in the Democratic primary"],
                )
            ],
            id="relative-clause-cue-keeps-its-clause",
        ),
        P(
            "The mayor released a video that said the bridge would reopen in May.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="The mayor",
                    content=["the bridge would reopen in May"],
                )
            ],
            id="relative-that-on-an-object-takes-whoever-put-it-out",
        ),
        P(
            "Any company that says it is exempt will be fined.",
            [A(source="that")],
            id="relative-that-on-a-subject-keeps-its-pronoun",
        ),
        P(
            "The governor hit back at the senator by suggesting that the bill was "
            "unconstitutional.",
            [
                A(
                    cue="suggesting",
                    kind="indirect",
                    source="The governor",
                    content=["that the bill was unconstitutional"],
                )
            ],
            id="gerund-after-by-takes-the-clause-subject",
        ),
        P(
            "The mayor changed course after saying that the budget would be cut.",
            [A(source="The mayor")],
            id="gerund-after-after-takes-the-clause-subject",
        ),
        P(
            "The senator objected to suggesting that the tax plan was unfair.",
            [
                A(
                    cue="suggesting",
                    kind="indirect",
                    source="The senator",
                    content=["that the tax plan was unfair"],
                )
            ],
            id="gerund-after-to-takes-the-verb-subject",
        ),
        P(
            "The candidate joked about claiming that he had won every debate.",
            [
                A(cue="joked", source="The candidate"),
                A(cue="claiming", source="The candidate"),
            ],
            id="gerund-after-about-takes-the-verb-subject",
        ),
        P(
            "The campaign issued a statement saying that the remarks were a joke.",
            [
                A(
                    cue="issued a statement saying",
                    kind="indirect",
                    source="The campaign",
                    content=["that the remarks were a joke"],
                )
            ],
            id="participle-on-a-medium-takes-its-issuer",
        ),
        P(
            "In her statement condemning the vote, the senator praised the mayor.",
            Among(A(cue="condemning", source="her", content=["the vote"])),
            id="participle-on-a-possessed-medium-takes-the-possessor",
        ),
        P(
            "The defeat led some donors to worry that the party would split.",
            [A(source="some donors", content=["that the party would split"])],
            id="object-of-a-causative-verb",
        ),
        P(
            "“We should oppose that,” Will wrote.",
            [A(cue="wrote", source="Will")],
            id="speaker-hung-off-the-subject-slot-name",
        ),
        P(
            '"You should have said no," posted Sharon Powers Geyer.',
            [A(cue="posted", source="Sharon Powers Geyer")],
            id="speaker-hung-off-the-subject-slot-inverted",
        ),
        P(
            '"The pace was very different," Federal Election Commission records show.',
            [A(cue="show", source="Federal Election Commission records")],
            id="speaker-hung-off-the-subject-slot-records",
        ),
        P(
            "The band was instructed to begin playing.",
            [
                A(
                    cue="was instructed",
                    kind="indirect",
                    source=None,
                    content=["to begin playing"],
                )
            ],
            id="passive-subject-is-not-the-source",
        ),
        P(
            "The plan was criticized by the mayor as too costly.",
            [A(source="the mayor")],
            id="passive-agent-is-the-source",
        ),
        P(
            "It is easy to criticize the length of the campaign.",
            [A(source=None, content=["the length of the campaign"])],
            id="expletive-it-before-an-infinitive-cue",
        ),
        P(
            "Investigators have no evidence to suggest that the server was hacked.",
            [A(source="Investigators")],
            id="infinitive-on-an-object-takes-its-holder",
        ),
        P(
            "The split gave Democrats an opportunity to attack the plan.",
            [A(source="Democrats")],
            id="infinitive-on-an-object-takes-the-recipient",
        ),
        P("He's long said that taxes are too high.", [A(source="He")], id="contracted-has-he"),
        P("She’s said that the vote was rigged.", [A(source="She")], id="contracted-has-she"),
        P(
            "Iran, Iraq pledge closer security ties\n",
            [A(source="Iran, Iraq")],
            id="headline-comma-list",
        ),
        # the parser took "Iraq" for a modifier of the verb: Iran agreed alone
        P(
            "Iraq, Iran agree to tighten border security after militia attacks\n",
            [A(source="Iraq, Iran")],
            id="headline-comma-list-misparsed",
        ),
        # a country of two words: the comma hangs on "Arabia"
        P(
            "Saudi Arabia, Iran pledge to keep diplomatic channels open\n",
            [A(source="Saudi Arabia, Iran")],
            id="headline-comma-list-two-word-country",
        ),
    ],
)
def test_find_subject(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Fuad Hussein, Iraq's foreign minister, said the visit was important.",
            [A(source="Fuad Hussein, Iraq's foreign minister,")],
            id="keeps-an-appositive",
        ),
        P(
            "Ann Cole, a retired nurse, said she would vote.",
            [A(source="Ann Cole, a retired nurse,")],
            id="keeps-an-appositive-with-its-commas",
        ),
        P(
            "Ann Cole, who runs a bakery, said she would vote.",
            [A(source="Ann Cole, who runs a bakery,")],
            id="keeps-a-plain-relative-clause",
        ),
        P(
            "Joe Smith, host of the radio show “Morning Talk,” said the race was over.",
            [A(source="Joe Smith, host of the radio show “Morning Talk,”")],
            id="keeps-a-quoted-title",
        ),
        P(
            "A woman who has accused the senator of fraud said she would testify.",
            Among(A(cue="said", source="A woman who has accused the senator of fraud")),
            id="keeps-a-restrictive-relative-clause",
        ),
        P(
            '"We will win," said Tom Baker, 52, of Flint, Mich.',
            [A(source="Tom Baker, 52, of Flint, Mich.")],
            id="keeps-an-abbreviation-period",
        ),
        P(
            "John Podesta — the former White House chief of staff — said the plan was dead.",
            [A(source="John Podesta — the former White House chief of staff —")],
            id="keeps-its-closing-dash",
        ),
        P(
            "Senator Jones, celebrating a win in her home state, said the race was not over.",
            [A(source="Senator Jones")],
            id="leaves-out-a-participle",
        ),
        P(
            "Governor Lee, eager to end the debate, said the bill was dead.",
            [A(source="Governor Lee")],
            id="leaves-out-an-adjective-phrase",
        ),
        P(
            "The mayor, in Chicago, said the plan would fail.",
            [A(source="The mayor")],
            id="leaves-out-a-comma-set-place",
        ),
        P(
            "Gov. Smith, who has led the state since 2010, said the plan would fail.",
            [A(source="Gov. Smith")],
            id="leaves-out-a-background-relative-clause",
        ),
        P(
            "Even the most loyal donors say the campaign is in trouble.",
            [A(source="the most loyal donors")],
            id="leaves-out-a-focus-adverb",
        ),
        P(
            "New York (AFP) – Senator Mark Jones said that the bill was dead.",
            [A(source="Senator Mark Jones")],
            id="leaves-out-a-dateline-with-en-dash",
        ),
        P(
            "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi said on Sunday "
            "that the withdrawal is a clear indication of cooperation.",
            [
                A(
                    source="Iranian Foreign Minister Abbas Araghchi",
                    content=["that the withdrawal is a clear indication of cooperation"],
                    cue="said",
                )
            ],
            id="leaves-out-a-dateline-with-em-dash",
        ),
        # _drop_dateline: a capitals dateline and a spaced hyphen the parser
        # hung into the subject (the cases above are also cut elsewhere)
        P(
            "NEW YORK - Mara Quinlan said the bridge would be built.",
            [A(source="Mara Quinlan")],
            id="leaves-out-a-capitals-dateline-with-hyphen",
        ),
        P(
            "OSLO - Police said two men were held.",
            [A(source="Police")],
            id="leaves-out-a-capitals-dateline-before-a-body",
        ),
        # a dateline the parser reads as a second subject stays out
        P(
            "TEHRAN (Reuters) - Iran's foreign minister said the talks were useful.",
            [A(source="Iran's foreign minister")],
            id="leaves-out-a-dateline-read-as-a-subject",
        ),
        P(
            '"We will focus on local races," said Scott Reed, the group\'s chief strategist,'
            " who added that the plan would cost millions.",
            [
                A(cue="said", source="Scott Reed, the group's chief strategist,"),
                A(cue="added", source="who"),
            ],
            id="stops-before-a-reporting-clause-on-its-appositive",
        ),
        P(
            "The report on Wednesday found that wages had risen.",
            [A(source="The report")],
            id="leaves-out-when",
        ),
        P(
            "Senate Minority Whip Dick Durbin (D-Ill.) in an interview said the vote would fail.",
            [A(source="Senate Minority Whip Dick Durbin (D-Ill.)")],
            id="leaves-out-the-setting",
        ),
        # a place is part of who it is
        P(
            "Officials in Minnesota said the vote would fail.",
            [A(source="Officials in Minnesota")],
            id="keeps-a-place-that-says-who",
        ),
        P(
            "Ana Ruiz and Tom Hale both said the ferry should be free.",
            [A(source="Ana Ruiz and Tom Hale")],
            id="leaves-out-floating-both",
        ),
        P(
            "The councillors all agreed that the ferry should be free.",
            [A(source="The councillors")],
            id="leaves-out-floating-all",
        ),
        P(
            "The mayor herself said the ferry should be free.",
            [A(source="The mayor herself")],
            id="keeps-a-reflexive",
        ),
    ],
)
def test_source_trimmers(nlp, text, expected):
    check(nlp, text, expected)
