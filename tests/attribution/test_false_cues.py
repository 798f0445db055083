"""Shapes that look like attributions but report nothing.

``false_cues.SHAPES`` (one table per shape, named as in the code) drops an
attribution a rule built; ``patterns._no_cue_here`` keeps some tokens from
cueing at all. Each shape's table also holds the near miss it must keep.
"""

from __future__ import annotations

import pytest
from attribution_cases import A, check

P = pytest.param


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The mayor is a reckless spender who has repeatedly promised to cut the ferry budget.",
            [A(cue="has repeatedly promised")],
            id="kept-without-the-note",
        ),
        P(
            "Editor’s note: The mayor is a reckless spender who has repeatedly promised to "
            "cut the ferry budget.",
            [],
            id="editors-note-describes",
        ),
        P(
            "This story has been updated to note that the mayor signed the ferry bill.",
            [],
            id="story-updated-to-note",
        ),
        P(
            "Correction: An earlier version of this story stated that the ferry would be free.",
            [],
            id="correction-stated",
        ),
    ],
)
def test_editors_note(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P("Marta Quill: Keep going.", [], id="few-words-is-a-caption"),
        P(
            "Marta Quill: The ferry budget will be cut by half next spring.",
            [
                A(
                    cue=":",
                    kind="indirect",
                    source="Marta Quill",
                    content=["The ferry budget will be cut by half next spring"],
                )
            ],
            id="a-statement-is-kept",
        ),
    ],
)
def test_short_colon_line(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            'The town will screen "Low Tide," a film written by two local teachers.',
            [],
            id="written-by-names-the-author",
        ),
    ],
)
def test_artifact_participle(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P("The full survey can be found here.", [], id="can-be-found"),
        P("The old ferry can be seen from the bridge.", [], id="can-be-seen"),
    ],
)
def test_agentless_passive(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Speaking in Lisbon, the minister repeated that the port would stay open.",
            [A(cue="repeated")],
            id="speaking-in-a-place-is-an-event",
        ),
        P(
            "The harbour master spoke about the dredging plan.",
            [
                A(
                    cue="spoke about",
                    kind="indirect",
                    source="The harbour master",
                    content=["the dredging plan"],
                )
            ],
            id="spoke-about-is-kept",
        ),
    ],
)
def test_bare_speak(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Ana Ruiz, who is challenging the mayor for her seat, opened an office.",
            [],
            id="challenging-for-a-seat",
        ),
        P(
            "Ana Ruiz, who challenged the mayor to debate her, opened an office.",
            [A(cue="challenged")],
            id="challenged-to-debate-is-kept",
        ),
    ],
)
def test_electoral_challenger(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Many of the smaller towns figure to lose funding next year.",
            [],
            id="figure-to-is-a-forecast",
        ),
        P(
            "The mayor is still figuring out how to pay for the ferry.",
            [A(content=["how to pay for the ferry"])],
            id="figuring-out-is-a-thought",
        ),
    ],
)
def test_figure_without_thought(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Appearing more relaxed than usual, the mayor walked to the stage and thanked "
            "the volunteers.",
            [A(cue="thanked")],
            id="appearing-relaxed-is-a-look",
        ),
        P(
            "An essay appearing in the local paper argued that the ferry should be free.",
            [A(cue="argued")],
            id="appearing-in-a-paper-is-a-venue",
        ),
        P(
            "The governor appeared on a morning talk show in Boston.",
            [],
            id="appearing-on-a-show",
        ),
    ],
)
def test_appearing(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P("Cheap rents help explain why the district is growing.", [], id="help-explain"),
        P("The weather will help determine who wins the race.", [], id="help-determine"),
    ],
)
def test_helps_to(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Ana Ruiz, who has not endorsed a candidate, told reporters that the race was close.",
            [A(cue="told")],
            id="on-a-subject-is-background",
        ),
        P(
            "The council heard from a farmer who has endorsed the mayor.",
            [A(cue="has endorsed", kind="indirect", source="who", content=["the mayor"])],
            id="on-an-object-is-kept",
        ),
    ],
)
def test_background_perfect(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "Her permit was still valid, so she continued to renew it.",
            [],
            id="continued-to-renew-is-aspect",
        ),
        P(
            "“We will keep going,” she continued.",
            [A(cue="continued", kind="direct", source="she")],
            id="continued-after-a-quote-is-kept",
        ),
    ],
)
def test_keeps_on_doing(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The talks went on amid increased attacks on U.S. troops by armed groups.",
            [],
            id="attacks-on-troops",
        ),
        P("The province supports many armed groups in the hills.", [], id="supports-armed-groups"),
        P(
            "The senator supports a larger military role in the region.",
            [
                A(
                    cue="supports",
                    kind="indirect",
                    source="The senator",
                    content=["a larger military role in the region"],
                )
            ],
            id="supports-a-position-is-kept",
        ),
        P(
            "The mayor's attack on the governor's budget drew cheers.",
            [A(source="The mayor's", content=["the governor's budget"])],
            id="attack-on-a-budget-is-kept",
        ),
    ],
)
def test_armed_action(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "The escalation threatens to derail ongoing peace efforts.",
            [],
            id="a-thing-threatens-to",
        ),
        P("It threatens the work the council did last year.", [], id="it-threatens"),
        P(
            "The union threatened to strike if the council cut wages.",
            [A(cue="threatened", kind="indirect", source="The union")],
            id="a-union-threatens",
        ),
        P(
            "Some angry farmers threaten to block the road.",
            [A(source="Some angry farmers")],
            id="people-threaten",
        ),
    ],
)
def test_inanimate_threat(nlp, text, expected):
    check(nlp, text, expected)


# Why a source goes unnamed is the outlet's sourcing note, not something the
# source asserted; only the statement that follows is a claim.
@pytest.mark.parametrize(
    "text, expected",
    [
        P(
            "One senior European diplomat, who asked not to be named, said the offer came "
            "too late.",
            [A(cue="said", content=["the offer came too late"])],
            id="asked-not-to-be-named",
        ),
        P(
            "Two Iraqi security sources, who were not authorised to speak to the media, "
            "said the convoy had been hit.",
            [A(cue="said", content=["the convoy had been hit"])],
            id="not-authorised-to-speak",
        ),
        P(
            "His lawyer, who declined to be named, said the case against him was weak.",
            [A(cue="said", content=["the case against him was weak"])],
            id="declined-to-be-named",
        ),
        P(
            "A spokesperson, who asked not to be identified under department rules, said "
            "Washington was in contact with both governments.",
            [A(cue="said", content=["Washington was in contact with both governments"])],
            id="asked-not-to-be-identified",
        ),
        P(
            "Two officials, who spoke on condition of anonymity because they were not "
            "authorised to brief the media, said the attacks came from a splinter faction.",
            [A(cue="said", content=["the attacks came from a splinter faction"])],
            id="spoke-on-condition-of-anonymity",
        ),
        P(
            "An Israeli official, speaking on condition of anonymity to discuss sensitive "
            "matters, said talks had stalled.",
            [A(cue="said", content=["talks had stalled"])],
            id="speaking-on-condition-of-anonymity",
        ),
        P(
            "A source close to the prime minister, who spoke on condition that he not be "
            "named, said Sudani had warned the factions.",
            [A(cue="said", content=["Sudani had warned the factions"])],
            id="spoke-on-condition-that",
        ),
        # PolNeAR annotates "requested anonymity to ..." as an attribution.
        P(
            "The aide, who requested anonymity to speak freely, said the race was close.",
            [A(cue="requested"), A(cue="said")],
            id="requested-anonymity-is-the-sources-own",
        ),
        P(
            "Reporters were not allowed to speak to detainees, the ministry said.",
            [
                A(
                    cue="said",
                    source="the ministry",
                    content=["Reporters were not allowed to speak to detainees"],
                )
            ],
            id="a-claim-that-mentions-a-permission",
        ),
        P(
            "The official asked the court to release the detainees.",
            [A(cue="asked")],
            id="asked-the-court-is-kept",
        ),
    ],
)
def test_anonymity_formula(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected, excluded",
    [
        P(
            "“I believe they want peace and I think we said so,” the minister said.",
            [A(cue="said")],
            (),
            id="words-inside-a-quote",
        ),
        P(
            '<tweet pic="" author="GovSmith" timestamp="1449075600" '
            'tweet_id="672151859491016704">'
            "Praying for those hurt by the storm tonight.</tweet>",
            [],
            (),
            id="markup-element-name",
        ),
        P(
            "Read more: Araghchi said the talks in Baghdad had failed.\n\n"
            "The ministry said talks would resume.",
            [A(source="The ministry")],
            [(0, 57)],
            id="excluded-line-beside-a-claim",
        ),
        P(
            "Read more: Araghchi said the talks in Baghdad had failed.",
            [],
            [(0, 57)],
            id="excluded-line-alone",
        ),
    ],
)
def test_no_cue_here(nlp, text, expected, excluded):
    check(nlp, text, expected, excluded)


@pytest.mark.parametrize(
    "text",
    [
        P("", id="empty"),
        P(" ", id="space"),
        P("\n\n", id="blank-lines"),
        P('""', id="empty-straight-quote"),
        P("“”", id="empty-curly-quote"),
        P(":", id="colon"),
        P("According to", id="according-to-alone"),
    ],
)
def test_nothing_to_attribute(nlp, text):
    check(nlp, text, [])
