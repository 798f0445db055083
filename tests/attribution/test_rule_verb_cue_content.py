"""What a verb cue reports: ``content.CONTENT_FINDERS`` (first finder with an
answer decides; one table per finder, named as in the code), the shapes
``verbs._verb_attribution`` decides itself (passive and raising verbs, an
inserted or closing report), and ``content.CLAUSE_EDGE_DROPS`` with the
dateline and caveat cuts at the content's edges.
"""

from __future__ import annotations

import pytest
from attribution_cases import A, Among, WithCue, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "In 2012, the donor pleaded guilty to making illegal contributions.",
            [
                A(
                    cue="pleaded guilty",
                    kind="indirect",
                    source="the donor",
                    content=["to making illegal contributions"],
                )
            ],
            id="pleaded-guilty-to",
        ),
    ],
)
def test_plea(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The Russian Foreign Ministry noted that both sides are committed to dialogue.",
            [
                A(
                    cue="noted",
                    kind="indirect",
                    source="The Russian Foreign Ministry",
                    content=["that both sides are committed to dialogue"],
                )
            ],
            id="that-clause-keeps-that",
        ),
        P(
            "Hussein told reporters that the meetings had been productive.",
            [
                A(
                    cue="told",
                    source="Hussein",
                    content=["that the meetings had been productive"],
                )
            ],
            id="recipient-is-not-content",
        ),
        # after a "that" clause the adjunct belongs to the reported event
        P(
            "She said that the plan would fail on Monday.",
            [A(content=["that the plan would fail on Monday"])],
            id="that-clause-keeps-trailing-time-adjunct",
        ),
        # not a second report: no clause of its own after the coordinated verb
        P(
            "She said she was proud of the campaign and expects to win the state.",
            [A(content=["she was proud of the campaign and expects to win the state"])],
            id="coordinated-verb-without-a-clause-stays",
        ),
        P(
            "He said the company had paid attention to the debate but decided to go ahead.",
            [A(content=["the company had paid attention to the debate but decided to go ahead"])],
            id="coordinated-verb-after-but-stays",
        ),
        # inside a reported clause the relative clause stays
        P(
            "He said that the mayor, who took office in May, would resign.",
            [A(content=["that the mayor, who took office in May, would resign"])],
            id="comma-relative-clause-inside-the-clause-stays",
        ),
        P(
            "It is no surprise, the mayor said, that the bridge was closed.",
            [
                A(
                    cue="said",
                    source="the mayor",
                    content=["It is no surprise", "that the bridge was closed"],
                )
            ],
            id="that-clause-after-a-parenthetical-cue",
        ),
        P(
            "He said he would stay in the race without giving up his seat.",
            [A(content=["he would stay in the race without giving up his seat"])],
            id="without-inside-what-was-said-stays",
        ),
    ],
)
def test_complement(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The two ministers pledged to intensify joint efforts against militants.",
            [
                A(
                    cue="pledged",
                    kind="indirect",
                    source="The two ministers",
                    content=["to intensify joint efforts against militants"],
                )
            ],
            id="intention-keeps-to",
        ),
        P(
            "Lebanese President Joseph Aoun told visiting U.S. envoy Amos Hochstein that "
            "Beirut was committed to the truce.",
            [A(content=["that Beirut was committed to the truce"])],
            id="hearer-of-told-even-when-misparsed",
        ),
    ],
)
def test_open_complement(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The reporter asked the workers if they planned to vote.",
            [A(cue="asked", content=["if they planned to vote"])],
            id="asked-the-workers-if",
        ),
        P(
            "She asked the mayor if the bridge would reopen soon.",
            [A(cue="asked", content=["if the bridge would reopen soon"])],
            id="asked-the-mayor-if",
        ),
    ],
)
def test_clause_after_addressee(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Asked by reporters if he would run again, the governor laughed.",
            [A(cue="Asked", source="reporters", content=["if he would run again"])],
            id="asked-if-without-an-addressee",
        ),
    ],
)
def test_asked_if(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a time adjunct hung on the cue verb after a noun content stays out
        P(
            "The mayor praised the new bridge on Friday afternoon.",
            [A(content=["the new bridge"])],
            id="stops-before-on-a-day",
        ),
        P(
            "The mayor praised the volunteers Tuesday.",
            [A(content=["the volunteers"])],
            id="stops-before-a-bare-day",
        ),
        P(
            "The coach praised the young striker during the press conference.",
            [A(content=["the young striker"])],
            id="stops-before-during",
        ),
        # and where it was said
        P(
            "The mayor praised the volunteers at a rally in the park.",
            [A(content=["the volunteers"])],
            id="stops-before-the-place",
        ),
        P(
            "The senator criticized the plan in an interview with a local paper.",
            [A(content=["the plan"])],
            id="stops-before-the-medium",
        ),
        # so does a coordinated second verb phrase ...
        P(
            "The senator praised the budget deal and left the chamber early.",
            [A(content=["the budget deal"])],
            id="stops-before-a-coordinated-verb-phrase",
        ),
        # ... and a comma-set adverbial clause
        P(
            "The governor criticized the tax plan, although the measure passed easily in the end.",
            [A(content=["the tax plan"])],
            id="stops-before-a-comma-set-adverbial-clause",
        ),
        P(
            "The senator criticized the new law, which passed in 2010 with few votes.",
            [A(content=["the new law"])],
            id="stops-before-a-comma-relative-clause",
        ),
        P(
            "The paper described Johnson, an heir to the family fortune, as a close adviser.",
            [A(content=["Johnson, an heir to the family fortune, as a close adviser"])],
            id="appositive-inside-object-and-predicate-stays",
        ),
        # only asking verbs take an "if" clause as what was said
        P(
            "He will support the candidate if she wins the primary.",
            [A(content=["the candidate if she wins the primary"])],
            id="condition-after-an-object-is-not-asked",
        ),
    ],
)
def test_direct_object(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "She complained about the new rules, which took effect in May.",
            [A(content=["the new rules"])],
            id="stops-before-a-comma-relative-clause",
        ),
        # the parser hangs the second conjunct off the clause; the content takes it
        P(
            "The senator talked about the border and how many people cross it each year.",
            [
                A(
                    cue="talked about",
                    source="The senator",
                    content=["the border and how many people cross it each year"],
                )
            ],
            id="does-not-end-on-a-dangling-conjunction",
        ),
    ],
)
def test_linked_object(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Asked if he would run, the governor said no.",
            Among(
                A(
                    cue="said",
                    kind="indirect",
                    source="the governor",
                    content=["no"],
                    cls="speech",
                )
            ),
            id="said-no",
        ),
        P(
            "Last year, 26 percent said the same.",
            [A(cue="said", kind="indirect", source="26 percent", content=["the same"])],
            id="said-the-same",
        ),
    ],
)
def test_pro_form(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The council passed the new tax, which the mayor strongly opposed.",
            [
                A(
                    cue="strongly opposed",
                    kind="indirect",
                    source="the mayor",
                    content=["which"],
                )
            ],
            id="relative-pronoun-stands-for-the-content",
        ),
        P(
            "They visited the old factory, which the governor described as a relic of another era.",
            [
                A(
                    cue="described",
                    kind="indirect",
                    source="the governor",
                    content=["which", "as a relic of another era"],
                )
            ],
            id="relative-pronoun-with-its-predicate",
        ),
        P(
            "The mayor condemned the rise in fares, which she attributed to the storm.",
            WithCue("attributed", A(source="she", content=["which", "to the storm"])),
            id="relative-object-keeps-what-it-is-attributed-to",
        ),
    ],
)
def test_relative_pronoun(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The bill was approved by the committee.",
            [
                A(
                    cue="was approved",
                    kind="indirect",
                    source="the committee",
                    content=["The bill"],
                )
            ],
            id="passive-without-predicate-keeps-subject",
        ),
    ],
)
def test_passive_subject(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The agreement, the minister said, would be signed in March.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="the minister",
                    content=["The agreement", "would be signed in March"],
                )
            ],
            id="parenthetical-cue-inside-the-content",
        ),
        # the parser hangs the fronted adjunct on "said"; it is still the content's
        P(
            "At times during the long campaign last year, people close to the governor said,"
            " the mere mention of her rival could make him fume.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="people close to the governor",
                    content=[
                        "At times during the long campaign last year",
                        "the mere mention of her rival could make him fume",
                    ],
                )
            ],
            id="inserted-cue-with-a-long-fronted-adjunct",
        ),
    ],
)
def test_head_clause(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The governor is widely seen as the strongest candidate in the race.",
            [
                A(
                    cue="is widely seen",
                    kind="indirect",
                    source=None,
                    content=["The governor", "the strongest candidate in the race"],
                )
            ],
            id="passive-takes-subject-and-predicate",
        ),
        P(
            "Such schemes are considered illegal in most states.",
            [
                A(
                    cue="are considered",
                    kind="indirect",
                    source=None,
                    content=["Such schemes", "illegal"],
                )
            ],
            id="passive-takes-subject-and-adjective",
        ),
        P(
            "It seems increasingly likely that the senator will run again.",
            [A(content=["increasingly likely that the senator will run again"])],
            id="raising-verb-drops-placeholder-it",
        ),
        P(
            "It appears that the talks have stalled.",
            [A(content=["that the talks have stalled"])],
            id="raising-verb-with-that-clause",
        ),
        # before an infinitive "it" is a real subject and stays
        P(
            "It seemed to reassure the markets.",
            [A(content=["It", "to reassure the markets"])],
            id="raising-verb-before-an-infinitive-keeps-it",
        ),
        # the parser hangs "said" inside the second conjunct; the sentence is still the report
        P(
            "In nearby Springfield, the old mill is holding on, but it is under heavy pressure"
            " from cheap imports, said the plant's manager, Jane Roe.",
            [
                A(
                    cue="said",
                    kind="indirect",
                    source="the plant's manager, Jane Roe",
                    content=[
                        "In nearby Springfield, the old mill is holding on, but it is under "
                        "heavy pressure from cheap imports"
                    ],
                )
            ],
            id="closing-report-after-a-comma",
        ),
        P(
            "Sorry, Smith said.",
            [A(cue="said", kind="indirect", source="Smith", content=["Sorry"])],
            id="closing-report-after-one-word",
        ),
    ],
)
def test_verb_attribution_shapes(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The mayor said on Tuesday the ferry would stay free, in a televised speech.",
            [A(content=["the ferry would stay free"])],
            id="day-and-setting-stay-out",
        ),
        # a day inside the reported clause stays
        P(
            "The mayor said the ferry would stay free on Tuesday.",
            [A(content=["the ferry would stay free on Tuesday"])],
            id="day-inside-the-clause-stays",
        ),
        P(
            "The ministry said its forces had taken the village, a claim that could not be "
            "verified.",
            [A(content=["its forces had taken the village"])],
            id="outlets-caveat-a-claim-that",
        ),
        P(
            "The army said it had struck 30 targets, without giving further details.",
            [A(content=["it had struck 30 targets"])],
            id="outlets-caveat-without-giving",
        ),
        P(
            "Qassem warned of civil strife if the army moved in, a remark that drew "
            "condemnation from rivals.",
            [A(content=["civil strife if the army moved in"])],
            id="outlets-caveat-a-remark-that",
        ),
        # the clause the parser hangs on "statement", with a quote in it
        P(
            'The mission warned in a statement that a resolution would "trigger a '
            'response", without elaborating.',
            [A(content=['that a resolution would "trigger a response"'])],
            id="outlets-caveat-without-elaborating",
        ),
        P(
            "A spokesperson said that Washington continues to review all options but "
            "declined to comment on specific measures.",
            [
                A(cue="said", content=["that Washington continues to review all options"]),
                A(cue="declined", content=["to comment on specific measures"]),
            ],
            id="declining-to-comment-is-not-part-of-it",
        ),
        # refusing something other than to tell is part of what was said
        P(
            "Police say he posed a deadly threat and refused to drop the gun.",
            [A(content=["he posed a deadly threat and refused to drop the gun"])],
            id="refusing-to-act-is-part-of-it",
        ),
    ],
)
def test_clause_edge_drops(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "ANKARA (AP) — The ferry will be free next year, the ministry said.",
            [A(content=["The ferry will be free next year"])],
            id="city-agency-em-dash",
        ),
        P(
            "BAGHDAD, Iraq (Reuters) - The ferry will be free next year, the ministry said.",
            [A(content=["The ferry will be free next year"])],
            id="city-country-agency-hyphen",
        ),
        P(
            "WASHINGTON — The ferry will be free next year, the ministry said.",
            [A(content=["The ferry will be free next year"])],
            id="city-em-dash",
        ),
        P(
            "CAIRO, Jan 14 (Reuters) - The ferry will be free next year, the ministry said.",
            [A(content=["The ferry will be free next year"])],
            id="city-date-agency",
        ),
        P(
            "The ferry — a city service — will be free, the ministry said.",
            [A(content=["The ferry — a city service — will be free"])],
            id="dash-inside-the-sentence-is-no-dateline",
        ),
        # "RIYADH" and "," were sentences of their own, so the date was content
        P(
            "Saudi Arabia, Iran pledge to keep diplomatic channels open\n\n"
            "RIYADH, Nov 12 (Reuters) - Saudi Arabia and Iran pledged on Wednesday to keep "
            "their channels open, the two countries said in a joint statement.\n",
            WithCue(
                "said in a joint statement",
                A(
                    content=[
                        "Saudi Arabia and Iran pledged on Wednesday to keep their channels open"
                    ]
                ),
            ),
            id="reuters-dateline-the-parser-split",
        ),
        # split the other way ("SANAA" / ", Nov 15 …"), the claim keeps its content
        P(
            "Yemen's Houthis say they will halt Red Sea attacks if Gaza truce holds\n\n"
            "SANAA, Nov 15 (Reuters) - Yemen's Houthi movement will stop attacking ships in "
            "the Red Sea as long as the ceasefire in Gaza holds, its leader Abdul Malik "
            "al-Houthi said in a televised speech on Thursday.\n\n"
            '"If the aggression resumes, we will resume our operations," al-Houthi said.\n',
            WithCue(
                "said in a televised speech",
                A(
                    content=[
                        "Yemen's Houthi movement will stop attacking ships in the Red Sea as "
                        "long as the ceasefire in Gaza holds"
                    ]
                ),
            ),
            id="reuters-dateline-split-the-other-way",
        ),
        P(
            "HE'S BEEN CALLED OUT - a lot, the paper said.",
            WithCue("said", A(content=["HE'S BEEN CALLED OUT - a lot"])),
            id="all-capitals-headline-is-no-dateline",
        ),
    ],
)
def test_dateline_cut(nlp, text, expected):
    check(nlp, text, expected)
