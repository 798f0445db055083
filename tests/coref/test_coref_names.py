"""Names (``coref_names``, the registry's people): a surname or a spelling
variant is the person introduced with the full name; datelines, captions,
headlines and slogans never make or change a name; joint speakers give one
attribution each.
"""

from __future__ import annotations

import pytest
from coref_cases import S, check_extracted, check_resolved

from loader.attribution.coref import resolve_speakers
from loader.models import Attribution
from tests.coref_helpers import attribution, resolve

P = pytest.param

SUDANI = (
    "Iraqi Prime Minister Mohammed Shia al-Sudani later received Araghchi. "
    "Sudani said Iraq continues to make vigorous diplomatic efforts. "
    '"What is happening in Syria is inseparable from the events in Gaza," he said.'
)
ERBIL = (
    "ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi said on Sunday "
    "that cooperation is deepening."
)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            SUDANI,
            ["Sudani"],
            [
                S(
                    speaker="Mohammed Shia al-Sudani",
                    speaker_kind="person",
                    speaker_description="Iraqi Prime Minister",
                )
            ],
            id="surname-is-the-full-name-with-title",
        ),
        P(
            "Former Iraqi President Saddam Hussein invaded Kuwait in 1990. "
            "Iraqi Foreign Minister Fuad Hussein arrived in Tehran on Sunday. "
            "Hussein said the visit was about security.",
            [("Hussein", 3)],
            [S(speaker="Fuad Hussein")],
            id="shared-surname-is-the-most-recent-person",
        ),
        P(
            "Iranian Ambassador to Iraq Mohammad Kazem Al-e Sadeq described the visit as "
            "useful. “The more coordination, the better,” Al-e Sadeq wrote on X.",
            ["Al-e Sadeq"],
            [
                S(
                    speaker="Mohammad Kazem Al-e Sadeq",
                    speaker_description="Iranian Ambassador to Iraq",
                )
            ],
            id="hyphenated-particle-surname",
        ),
        P(
            "Iran's president, Masoud Pezeshkian, left on his first trip abroad on Wednesday. "
            "Pezeshkian announced plans to sign multiple memoranda of understanding.",
            [("Pezeshkian", 2)],
            [S(speaker="Masoud Pezeshkian")],
            id="surname-the-tagger-calls-an-adjective",
        ),
        P(
            "Bernie Sanders spoke on Monday. Sanders says he would continue the fight.",
            [("Sanders", 2)],
            [S(speaker="Bernie Sanders", speaker_kind="person")],
            id="surname-the-tagger-reads-as-a-plural",
        ),
        P(
            "Iran's Foreign Ministry spokesman Esmaeil Baqaei spoke on Monday. "
            "Baghaei added that Tehran was ready.",
            ["Baghaei"],
            [
                S(
                    speaker="Esmaeil Baqaei",
                    speaker_kind="person",
                    speaker_description="Iran's Foreign Ministry spokesman",
                )
            ],
            id="transliteration-variant",
        ),
        P(
            "Turkish President Recep Tayyip Erdogan spoke to reporters. "
            "Erdoğan said Ankara would not allow a terror state.",
            ["Erdoğan"],
            [
                S(
                    speaker="Recep Tayyip Erdogan",
                    speaker_kind="person",
                    speaker_description="Turkish President",
                )
            ],
            id="diacritic-variant",
        ),
        P(
            ERBIL,
            ["ERBIL (Kurdistan24) — Iranian Foreign Minister Abbas Araghchi"],
            [S(speaker="Abbas Araghchi", speaker_description="Iranian Foreign Minister")],
            id="dateline-before-the-subject-is-ignored",
        ),
        P(
            "CHICO, Calif. - Bernie Sanders first touched down in California ten months ago. "
            "Sanders said the crowds were bigger now.",
            ["Sanders"],
            [S(speaker="Bernie Sanders", speaker_aliases=["Bernie Sanders", "Sanders"])],
            id="spaced-dash-ends-a-dateline",
        ),
        P(
            "CLEVELAND - Donald Trump told supporters the race was over. Trump said he would win.",
            ["Trump"],
            [S(speaker="Donald Trump", speaker_kind="person")],
            id="dateline-glued-to-a-name-leaves-a-person",
        ),
        # old check: no alias with "Burns"
        P(
            "Poll: Bernie Sanders Burns Hillary Clinton With First-Ever National Lead.\n\n"
            "For the first time, a poll shows Sen. Bernie Sanders leading Hillary Clinton "
            "nationally. Clinton said she was not worried.",
            ["Clinton"],
            [S(speaker="Hillary Clinton", speaker_aliases=["Hillary Clinton", "Clinton"])],
            id="title-case-headline-is-no-run-on-name",
        ),
        # old check: not "Fascist Trump"
        P(
            "A man at the rally wore a shirt that read ''Fascist Trump,'' and others chanted. "
            "Mr. Trump said the protesters were paid.",
            ["Mr. Trump"],
            [S(speaker="Trump")],
            id="quoted-slogan-does-not-name-the-person",
        ),
        # find_honorific_names: the recogniser tags "Dr Quimby" as an organisation
        P(
            "Dr Quimby said the vaccine worked. Mr Ng said it did not.",
            ["Dr Quimby"],
            [S(speaker="Quimby", speaker_kind="person")],
            id="a-title-only-people-carry-makes-a-person",
        ),
        # a relative clause set off by commas or dashes (a spaced hyphen in UK
        # papers) describes the speaker; the recogniser tags the whole an organisation
        P(
            "Actress Amanda Hale was in Leeds on Monday. GORGEOUS Amanda Hale - who "
            "starred in The Grimleys - has criticised the amount of sex on television.",
            ["GORGEOUS Amanda Hale - who starred in The Grimleys -"],
            [S(speaker="Amanda Hale", speaker_kind="person")],
            id="a-clause-set-off-by-spaced-hyphens-is-not-the-name",
        ),
    ],
)
def test_names(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


@pytest.mark.parametrize(
    "text, mentions, expected",
    [
        P(
            "Russian Foreign Minister Sergey Lavrov held phone talks on Saturday. "
            "Lavrov and Turkish Foreign Minister Hakan Fidan expressed shared alarm.",
            ["Lavrov and Turkish Foreign Minister Hakan Fidan"],
            [
                S(speaker="Sergey Lavrov", speaker_description="Russian Foreign Minister"),
                S(speaker="Hakan Fidan", speaker_description="Turkish Foreign Minister"),
            ],
            id="name-and-titled-name",
        ),
        # old check: in either order
        P(
            "Iranian Foreign Minister Abbas Araghchi spoke with Iraqi Foreign Minister Fuad "
            "Hussein. He is scheduled to meet President Masoud Pezeshkian. "
            "Moreover, both ministers emphasized that coordinated policies matter.",
            ["both ministers"],
            [S(speaker="Abbas Araghchi"), S(speaker="Fuad Hussein")],
            id="both-ministers",
        ),
        P(
            "Iran, Iraq pledge closer security ties\n\nThe ministers met in Baghdad.",
            ["Iran, Iraq"],
            [S(speaker="Iran"), S(speaker="Iraq")],
            id="headline-comma-list-of-names",
        ),
        # a place and its state are one place (old check: one attribution)
        P(
            "Vigo County, Indiana, has voted for the winner since 1956, Wilkin said.",
            ["Vigo County, Indiana"],
            [S()],
            id="a-place-and-its-state-are-one",
        ),
        P(
            "Russia, Turkiye, Iran FMs discuss the war\n\n"
            "Russian Foreign Minister Sergey Lavrov called Turkish Foreign Minister Hakan "
            "Fidan and Iranian Foreign Minister Abbas Araghchi.",
            ["Russia, Turkiye, Iran FMs"],
            [
                S(speaker="Sergey Lavrov"),
                S(speaker="Hakan Fidan"),
                S(speaker="Abbas Araghchi"),
            ],
            id="headline-countries-and-role-are-the-ministers-named-below",
        ),
    ],
)
def test_joint_speakers(nlp, text, mentions, expected):
    check_resolved(nlp, text, mentions, expected)


def test_joint_speakers_share_the_claim(nlp):
    text = (
        "Russian Foreign Minister Sergey Lavrov held phone talks on Saturday. "
        "Lavrov and Turkish Foreign Minister Hakan Fidan expressed shared alarm."
    )
    first, second = resolve(nlp, text, "Lavrov and Turkish Foreign Minister Hakan Fidan")
    assert first.content == second.content and first.source == second.source


def _spans(text: str, source: str | None, cue: str | None) -> Attribution:
    """A hand-made attribution: ``source`` as its source span (or none), ``cue``
    as its cue (with the rest of the sentence as content when there is no source)."""
    if source is not None:
        a = attribution(text, source)
        if cue is not None:
            start = text.index(cue)
            a.cue = [(start, start + len(cue))]
        return a
    start = text.index(cue)
    end = start + len(cue)
    return Attribution(kind="indirect", content=[(end + 1, len(text) - 1)], cue=[(start, end)])


@pytest.mark.parametrize(
    "text, source, cue, excluded, expected",
    [
        P(
            "Iranian FM Abbas Araghchi, L, his Iraqi counterpart Fuad Hussein.\n"
            "Iranian Foreign Minister Abbas Araghchi said on Sunday that ties are deep.",
            "Iranian Foreign Minister Abbas Araghchi",
            None,
            [(0, 65)],
            S(speaker_description="Iranian Foreign Minister"),
            id="caption-mentions-do-not-supply-the-title",
        ),
        P(
            ERBIL,
            "ERBIL (Kurdistan24)",
            "said",
            (),
            S(speaker="Abbas Araghchi"),
            id="dateline-only-source-falls-through-to-the-subject",
        ),
        P(
            "Iran's Foreign Minister Abbas Araghchi visited Baghdad on Friday. "
            "Earlier this week, Araghchi traveled to Damascus, reaffirming Iran's commitment.",
            None,
            "reaffirming",
            (),
            S(speaker="Abbas Araghchi"),
            id="participle-without-a-source-takes-the-clause-subject",
        ),
    ],
)
def test_hand_made_spans(nlp, text, source, cue, excluded, expected):
    (out,) = resolve_speakers(nlp(text), [_spans(text, source, cue)], excluded=excluded)
    assert {k: getattr(out, k) for k in expected} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "Asked about X" is a question put to Peskov by someone the text does not
        # name; giving it Peskov put "reports that the meeting had been postponed"
        # on his timeline as his claim.
        P(
            "Asked about reports that the meeting had been postponed, Kremlin spokesman "
            'Dmitry Peskov told reporters: "You cannot postpone what has not been agreed."',
            [
                S(cue_text="Asked about", speaker=None),
                S(cue_text="told reporters:", speaker="Dmitry Peskov"),
            ],
            id="the-one-asked-is-not-the-speaker-of-the-question",
        ),
        P(
            "Araghchi traveled to Damascus, reaffirming Iran's commitment to Syria.",
            [S(speaker="Araghchi")],
            id="participle-takes-the-subject-in-a-whole-article",
        ),
        P(
            "Saudi Arabia, Iran pledge to keep diplomatic channels open\n\n"
            "RIYADH, Nov 12 (Reuters) - Saudi Arabia and Iran pledged on Wednesday to keep "
            "their channels open, the two countries said in a joint statement.\n",
            [
                S(cue_text="pledge", speaker="Saudi Arabia"),
                S(cue_text="pledge", speaker="Iran"),
                S(cue_text="pledged", speaker="Saudi Arabia"),
                S(cue_text="pledged", speaker="Iran"),
                S(cue_text="said in a joint statement", speaker="Saudi Arabia"),
                S(cue_text="said in a joint statement", speaker="Iran"),
            ],
            id="headline-countries-and-the-two-countries-speak-jointly",
        ),
    ],
)
def test_names_in_whole_articles(text, expected):
    check_extracted(text, expected)
